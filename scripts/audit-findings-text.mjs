// Natural-text sense audit (issue 14): the indicator layer over a plain-text file of one sentence a
// line (e.g. ../shared/corpora-real/langid/ky.txt), every feature standing alone unless --grouped, candidates listed
// by rule and matched form with the most frequent first and a few sample lines of each, so that an
// engineer can read what a rule finds in text nobody wrote for it and classify the wrong senses.
// Usage: npm run build && node scripts/audit-findings-text.mjs FILE [--lang ky] [--samples 3] [--category violence] [--grouped]
// --grouped: bare features accompany or are withheld, as in a case and in the findings benchmark.
// Without --lang the engine identifies each line's language itself, as in a case. SOZ_DIST overrides ../dist.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = process.env.SOZ_DIST ?? join(root, 'dist');
const load = (path) => import(pathToFileURL(join(dist, path)).href);
const { loadLexicons, compileIndicators, runIndicators } = await load('analysis/index.js');
const { DocumentBuilder } = await load('core/document-builder.js');

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const file = args[0];
if (!file || file.startsWith('--')) {
  console.error('usage: node scripts/audit-findings-text.mjs FILE [--lang CODE] [--samples N] [--category NAME] [--grouped]');
  process.exit(2);
}
const language = option('--lang', undefined);
const samples = Number(option('--samples', '3'));
const category = option('--category', undefined);
const standaloneFeatures = !args.includes('--grouped');

const { lexicons } = await loadLexicons(root);
const compiled = compileIndicators(lexicons);
const lines = readFileSync(file, 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);
const groups = new Map();
lines.forEach((text, index) => {
  const doc = new DocumentBuilder({ sha256: createHash('sha256').update(text).digest('hex'), name: `line-${index + 1}` }, 'text').add({ id: `l${index + 1}`, text, part: 'body', anchor: { paragraph: 0 } }).build();
  const options = { lexicons, standaloneFeatures, ...(language ? { languages: [language] } : {}) };
  for (const finding of runIndicators([doc], options, compiled).findings) {
    if (category && finding.category !== category) continue;
    const key = `${finding.ruleId}\t${finding.actual.toLowerCase()}`;
    const group = groups.get(key) ?? { count: 0, lines: [] };
    group.count += 1;
    if (group.lines.length < samples) group.lines.push(`L${index + 1} [${finding.voice ?? '-'}${finding.countervailing.length ? ' ' + finding.countervailing.join(',') : ''}] ${text}`);
    groups.set(key, group);
  }
});
const sorted = [...groups.entries()].sort((a, b) => b[1].count - a[1].count || (a[0] < b[0] ? -1 : 1));
console.log(`${lines.length} lines, ${sorted.reduce((n, [, g]) => n + g.count, 0)} candidates, ${sorted.length} (rule, form) pairs`);
for (const [key, group] of sorted) {
  console.log(`\n${group.count}\t${key}`);
  for (const line of group.lines) console.log(`    ${line}`);
}
