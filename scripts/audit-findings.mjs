// Natural-text sense audit (issue 14): the indicator candidates of real text, counted by lexicon
// rule and matched form with the most frequent first and a few contexts of each, so that an
// engineer reads what a rule finds in text nobody wrote for it and classifies the wrong senses.
// Usage: npm run build && node scripts/audit-findings.mjs [FILE…] [--lines] [--entry PREFIX]
//          [--category NAME] [--lang CODE] [--samples N] [--min N] [--grouped]
// Without FILE: every file of ../shared/corpora-real read by its adapter, as `soz add` reads it,
// and its langid sentence files one segment a line. FILE…: those files by their adapters, or one
// segment a line with --lines. --entry: rule ids starting so (ru., ky.violence); --lang: read every
// segment as that language (default: identified per segment, as in a case); --grouped: bare
// features accompany or are withheld, as in a case and the findings benchmark (default: each stands
// alone, so every rule's matches show). SOZ_DIST overrides the compiled module directory (../dist).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = process.env.SOZ_DIST ?? join(root, 'dist');
const load = (path) => import(pathToFileURL(join(dist, path)).href);
const { loadLexicons, runIndicators, compileIndicators } = await load('analysis/index.js');
const { inputFromBytes, collectDocuments, DEFAULT_LIMITS } = await load('ingest/adapter.js');
const { adapterFor } = await load('ingest/registry.js');
const { sniffMediaType } = await load('ingest/sniff.js');
const { DocumentBuilder } = await load('core/document-builder.js');

const VALUED = new Set(['--entry', '--category', '--lang', '--samples', '--min']);
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const paths = args.filter((arg, i) => !arg.startsWith('--') && !VALUED.has(args[i - 1] ?? ''));
const entryPrefix = option('--entry', '');
const category = option('--category', undefined);
const language = option('--lang', undefined);
const samples = Number(option('--samples', '3'));
const minCount = Number(option('--min', '1'));
const standaloneFeatures = !args.includes('--grouped');
const asLines = args.includes('--lines');

const sha = (bytes) => createHash('sha256').update(bytes).digest('hex');
const filesUnder = (dir) => readdirSync(dir).flatMap((name) => {
  const path = join(dir, name);
  return statSync(path).isDirectory() ? filesUnder(path) : [path];
});

/** One document of a file of sentences, one segment a line, so each is identified on its own. */
function linesDocument(file) {
  const bytes = readFileSync(file);
  const builder = new DocumentBuilder({ sha256: sha(bytes), name: basename(file) }, 'text');
  bytes.toString('utf8').split('\n').forEach((line, i) => {
    if (line.trim()) builder.add({ id: `l${i + 1}`, text: line, part: 'body', anchor: { paragraph: i } });
  });
  return builder.build();
}

async function adapterDocuments(file) {
  const bytes = new Uint8Array(readFileSync(file));
  const input = inputFromBytes(bytes, { name: basename(file), sha256: sha(bytes), mediaType: sniffMediaType(bytes.subarray(0, 65536)), limits: DEFAULT_LIMITS });
  return collectDocuments(adapterFor(input).extract(input));
}

const docs = [];
if (paths.length > 0) {
  for (const file of paths) docs.push(...(asLines ? [linesDocument(file)] : await adapterDocuments(file)));
} else {
  const corpora = join(root, '..', 'shared', 'corpora-real');
  for (const file of filesUnder(corpora).sort()) {
    const rel = relative(corpora, file);
    if (rel.endsWith('.md') || rel.endsWith('.tsv')) continue;
    try {
      docs.push(...(rel.startsWith('langid/') ? [linesDocument(file)] : await adapterDocuments(file)));
    } catch (error) {
      console.error(`skipped ${rel}: ${error.message}`);
    }
  }
}

const { lexicons } = await loadLexicons(root);
const options = { lexicons, standaloneFeatures, ...(language ? { languages: [language] } : {}) };
const { findings } = runIndicators(docs, options, compileIndicators(lexicons));
const pairs = new Map();
for (const f of findings) {
  if (!f.ruleId.startsWith(entryPrefix) || (category && f.category !== category)) continue;
  const key = `${f.ruleId}\t${(f.matched?.form ?? f.actual).toLowerCase()}`;
  pairs.set(key, [...(pairs.get(key) ?? []), f]);
}
const flat = (s) => s.replace(/\s+/g, ' ');
const rows = [...pairs].filter(([, list]) => list.length >= minCount).sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1));
console.log(`${docs.length} documents, ${rows.reduce((n, [, l]) => n + l.length, 0)} candidates in ${rows.length} (rule, form) pairs`);
for (const [key, list] of rows) {
  console.log(`\n${list.length}\t${key}`);
  const step = Math.max(1, Math.floor(list.length / samples));
  for (let i = 0; i < list.length && i / step < samples; i += step) {
    const f = list[i];
    const against = f.countervailing.length > 0 ? ` ${f.countervailing.join(',')}` : '';
    console.log(`   [${f.place.evidenceName}#${f.place.segmentId} ${f.voice}${against}] …${flat(f.context.left)}«${f.actual}»${flat(f.context.right)}…`);
  }
}
