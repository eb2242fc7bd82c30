// Language-identification accuracy on ../shared/corpora-real/langid (or SOZ_LANGID_DIR), by length
// band, with confusion matrices; also the even/odd line halves (the weights were tuned on the even
// half, so the odd half is the held-out estimate); then the same for the short Cyrillic sentences
// written for soz in corpora/eval/langid, its very short chat lines (very-short/) and the blind
// batches of rounds 13 to 19 (blind/). Usage: npm run bench:langid [-- --file LANG-TAB-TEXT.tsv ...]
// SOZ_DIST overrides the compiled module directory (default ../dist).
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = process.env.SOZ_DIST ?? join(root, 'dist');
const { evaluateLangid, formatLangidReport, parseLabelledLines, piecesOf, typedPlainly, worstAccuracy } = await import(pathToFileURL(join(dist, 'language', 'bench.js')).href);
const { languageData } = await import(pathToFileURL(join(dist, 'language', 'data.js')).href);
const dir = process.env.SOZ_LANGID_DIR ?? join(root, '..', 'shared', 'corpora-real', 'langid');
const FILES = { ky: 'ky', ru: 'ru', 'uz-Cyrl': 'uz_cyrl', 'uz-Latn': 'uz_latn', kk: 'kk', tg: 'tg', ar: 'ar', en: 'en' };

const all = [];
for (const [language, name] of Object.entries(FILES)) {
  const path = join(dir, `${name}.txt`);
  if (!existsSync(path)) {
    console.error(`missing ${path}: set SOZ_LANGID_DIR to the langid folder`);
    process.exit(2);
  }
  readFileSync(path, 'utf8').split('\n').forEach((text, index) => { if (text.trim()) all.push({ language, text, index }); });
}
const show = (title, sentences) => {
  const report = evaluateLangid(sentences);
  console.log(formatLangidReport(report, title));
  console.log(`worst language: 15-40 ${(100 * worstAccuracy(report, '15-40')).toFixed(1)}%, 40+ ${(100 * worstAccuracy(report, '40+')).toFixed(1)}%\n`);
};
show(`all ${all.length} sentences`, all);
show('tuning half (even lines)', all.filter((s) => s.index % 2 === 0));
show('held-out half (odd lines)', all.filter((s) => s.index % 2 === 1));

// Round 14: the corpus's Cyrillic sentences cut into pieces of 15-39 characters, as written and as
// typed on a Russian keyboard (each language file's plain_keyboard: қ → к, і → и ...), in the same
// halves — a stress test for lines typed without a language's own letters.
const plainOf = (language) => languageData().languages.get(language)?.identification.plain_keyboard;
for (const [half, parity] of [['tuning half (even lines)', 0], ['held-out half (odd lines)', 1]]) {
  const pieces = all.filter((s) => s.index % 2 === parity && ['ky', 'ru', 'uz-Cyrl', 'kk', 'tg'].includes(s.language))
    .flatMap((s) => piecesOf(s.text).map((text) => ({ language: s.language, text })));
  show(`corpus in pieces of 15-39 characters as written, ${half}`, pieces);
  const plain = pieces.filter((p) => plainOf(p.language)).map((p) => ({ language: p.language, text: typedPlainly(p.text, plainOf(p.language)) }));
  show(`corpus in pieces of 15-39 characters typed plainly, ${half}`, plain);
}

// Short Cyrillic sentences written for soz (corpora/eval/langid, 15-39 characters; see its README):
// Uzbek Cyrillic against its neighbours. Only the even lines were looked at while tuning.
const own = join(root, 'corpora', 'eval', 'langid');
const sentencesIn = (dir) => {
  const found = [];
  for (const [language, name] of Object.entries(FILES)) {
    const path = join(dir, `${name}.txt`);
    if (existsSync(path)) readFileSync(path, 'utf8').split('\n').forEach((text, index) => { if (text.trim()) found.push({ language, text, index }); });
  }
  return found;
};
const short = sentencesIn(own);
show('soz short set, tuning half (even lines)', short.filter((s) => s.index % 2 === 0));
show('soz short set, held-out half (odd lines)', short.filter((s) => s.index % 2 === 1));

// Very short chat lines written for soz (corpora/eval/langid/very-short, mostly under 15
// characters: «Мама дома?», «Биёед!»), round 10; only the even lines were looked at while tuning.
const veryShort = sentencesIn(join(own, 'very-short'));
show('soz very short set, tuning half (even lines)', veryShort.filter((s) => s.index % 2 === 0));
show('soz very short set, held-out half (odd lines)', veryShort.filter((s) => s.index % 2 === 1));

// Blind batches (corpora/eval/langid/blind, LANG<TAB>TEXT, 15-39 characters, written before their
// measurement): round 13's batch 1 was looked at while tuning, its batch 2 is that round's held-out
// figure; the batches of rounds 14 to 19 were each written before that round read the language
// data and are its held-out figures.
// Extra files of the same form: npm run bench:langid -- --file path.tsv ...
const blind = join(own, 'blind');
const BLIND = [
  ['langid13-1.tsv', 'blind batch 1 (round 13, tuning)'],
  ['langid13-2.tsv', 'blind batch 2 (round 13, held-out)'],
  ['langid14-1.tsv', 'blind batch of round 14 (held-out)'],
  ['langid15-1.tsv', 'blind batch of round 15 (held-out)'],
  ['langid16-1.tsv', 'blind batch of round 16 (held-out)'],
  ['langid17-1.tsv', 'blind batch of round 17 (held-out)'],
  ['langid18-1.tsv', 'blind batch of round 18 (held-out)'],
  ['langid19-1.tsv', 'blind batch of round 19 (held-out)'],
];
for (const [name, title] of BLIND) {
  const path = join(blind, name);
  if (existsSync(path)) show(title, parseLabelledLines(readFileSync(path, 'utf8'), path));
}
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  if (args[i] !== '--file' || !args[i + 1]) continue;
  const path = args[++i];
  show(path, parseLabelledLines(readFileSync(path, 'utf8'), path));
}
