// Natural-text sense audit (issue 14): the Russian indicator candidates over every file of
// ../shared/corpora-real (chats, channels, PDF/DOCX text, the langid sentences), counted by
// lexicon entry and matched form, with a few contexts of each pair to read for wrong senses.
// Usage: npm run build && node scripts/audit-findings-ru.mjs [--samples N] [--entry PREFIX] [--min N]
// SOZ_DIST overrides the compiled module directory (default ../dist).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { createHash } from 'node:crypto';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = process.env.SOZ_DIST ?? join(root, 'dist');
const load = (path) => import(pathToFileURL(join(dist, path)).href);
const { loadLexicons, runIndicators, compileIndicators } = await load('analysis/index.js');
const { inputFromBytes, collectDocuments, DEFAULT_LIMITS } = await load('ingest/adapter.js');
const { adapterFor } = await load('ingest/registry.js');
const { sniffMediaType } = await load('ingest/sniff.js');
const { DocumentBuilder } = await load('core/document-builder.js');

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const samples = Number(option('--samples', '4'));
const entryPrefix = option('--entry', 'ru.');
const minCount = Number(option('--min', '1'));

const corpora = join(root, '..', 'shared', 'corpora-real');
const files = (dir) => readdirSync(dir).flatMap((name) => {
  const path = join(dir, name);
  return statSync(path).isDirectory() ? files(path) : [path];
});
const sha = (bytes) => createHash('sha256').update(bytes).digest('hex');

const docs = [];
for (const file of files(corpora).sort()) {
  const rel = relative(corpora, file);
  if (rel.startsWith('langid/')) {
    if (rel !== 'langid/ru.txt') continue;
    // one segment per sentence, so each is identified and read on its own
    const builder = new DocumentBuilder({ sha256: sha(readFileSync(file)), name: 'ru.txt' }, 'text');
    readFileSync(file, 'utf8').split('\n').forEach((line, i) => line.trim() && builder.add({ id: `l${i + 1}`, text: line, part: 'body', anchor: { paragraph: i } }));
    docs.push(builder.build());
    continue;
  }
  if (rel.endsWith('.md') || rel.endsWith('.tsv')) continue;
  const bytes = new Uint8Array(readFileSync(file));
  try {
    const input = inputFromBytes(bytes, { name: basename(file), sha256: sha(bytes), mediaType: sniffMediaType(bytes.subarray(0, 65536)), limits: DEFAULT_LIMITS });
    docs.push(...(await collectDocuments(adapterFor(input).extract(input))));
  } catch (error) {
    console.error(`skipped ${rel}: ${error.message}`);
  }
}

const { lexicons } = await loadLexicons(root);
const { findings } = runIndicators(docs, { lexicons }, compileIndicators(lexicons));
const pairs = new Map();
for (const f of findings) {
  if (!f.ruleId.startsWith(entryPrefix)) continue;
  const key = `${f.ruleId}\t${(f.matched?.form ?? f.actual).toLowerCase()}`;
  const list = pairs.get(key) ?? [];
  list.push(f);
  pairs.set(key, list);
}
const flat = (s) => s.replace(/\s+/g, ' ');
const rows = [...pairs].filter(([, list]) => list.length >= minCount).sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1));
console.log(`${rows.length} (entry, form) pairs, ${rows.reduce((n, [, l]) => n + l.length, 0)} candidates`);
for (const [key, list] of rows) {
  console.log(`\n${list.length}\t${key}`);
  const step = Math.max(1, Math.floor(list.length / samples));
  for (let i = 0; i < list.length && i / step < samples; i += step) {
    const f = list[i];
    console.log(`   [${f.place.evidenceName}#${f.place.segmentId} ${f.voice}${f.countervailing.length ? ' ' + f.countervailing.map((c) => c.kind).join(',') : ''}] …${flat(f.context.left)}«${f.actual}»${flat(f.context.right)}…`);
  }
}
