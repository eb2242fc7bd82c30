// For every Russian lexicon entry matched by lexeme (lemma, variants): the forms of its lexemes'
// paradigms that the OpenCorpora dictionary (az) also reads as another lexeme, with that lexeme and
// its word class (бит → бит:NOUN for ru.violence.bit, мести → мести:INFN for ru.violence.mest).
// Each line is a place to check whether the entry needs an exclusion (issue 14, tuning round 4).
// Usage: npm run build && node scripts/ru-paradigm-homonyms.mjs
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const load = (path) => import(pathToFileURL(join(root, 'dist', path)).href);
const { loadLexicons } = await load('analysis/index.js');
const { russianParadigmForms, russianParses } = await load('language/lemma-ru.js');

const { lexicons } = await loadLexicons(root);
for (const lexicon of lexicons.filter((l) => l.language === 'ru' && l.category !== 'context-markers')) {
  for (const entry of lexicon.entries) {
    const words = [entry.lemma, ...(entry.variants ?? [])].filter((w) => w !== undefined && !w.includes(' ')).map((w) => w.toLowerCase());
    const lexemes = new Set(words.flatMap((w) => russianParses(w).map((p) => p.lemma)));
    const forms = new Set(words.flatMap((word) => russianParadigmForms(word)));
    const homonyms = [...forms].sort().flatMap((form) => {
      const others = [...new Set(russianParses(form).filter((p) => !lexemes.has(p.lemma)).map((p) => `${p.lemma}:${p.pos}`))];
      return others.length > 0 ? [`${form}=${others.join('/')}`] : [];
    });
    if (homonyms.length > 0) console.log(`${entry.id} [${[...lexemes].join(', ')}]: ${homonyms.join('  ')}`);
  }
}
