#!/usr/bin/env node
// The output side of `soz analyze` alone (issue 17, branch cpu-out): CPU of encoding an analysed
// case's documents (`encodeDocument`), its indicator findings (`encodeAnalysis`) and their round
// trip through the findings spill, with each build given, interleaved, best of 7 — with a
// SHA-256 of what each wrote, which must be the same for every build.
//
//   node scripts/bench-derived-output.mjs CASE BUILD [BUILD…]
//   node scripts/bench-derived-output.mjs /tmp/case . ../main     # this build against another
//
// CASE: a case `soz analyze` has run on (its derived/ documents and indicators are read back);
// BUILD: a checkout with `dist/` built.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [kase, ...builds] = process.argv.slice(2);
if (kase === undefined || builds.length === 0) {
  console.error('usage: node scripts/bench-derived-output.mjs CASE BUILD [BUILD…]');
  process.exit(2);
}
const load = (build, module) => import(pathToFileURL(join(resolve(build), 'dist', module)).href);
const mods = [];
for (const build of builds) mods.push({ rec: await load(build, 'case/records.js'), fmt: await load(build, 'case/derived-format.js'), spill: await load(build, 'case/findings-spill.js') });
const { rec } = mods[0];
const docDir = join(kase, 'derived', 'documents');
const docs = readdirSync(docDir).map((name) => rec.parsedDocument(`documents/${name}`, readFileSync(join(docDir, name))));
const texts = rec.documentTextsIn(docDir);
const indicators = rec.parsedAnalysis('analyses/indicators.ndjson', readFileSync(join(kase, 'derived', 'analyses', 'indicators.ndjson')), texts);
// Findings with their members in the order the indicators make them (not the sorted order they were read back in).
const madeOrder = ({ id, analysis, ruleId, category, reason, place, actual, context, voice, countervailing, ...rest }) => ({
  id, analysis, ruleId, category, reason,
  place: { documentId: place.documentId, evidenceSha256: place.evidenceSha256, evidenceName: place.evidenceName, segmentId: place.segmentId, part: place.part, range: place.range, line: place.line, column: place.column, ...place },
  actual, context: { left: context.left, right: context.right }, voice, countervailing, ...rest,
});
const found = indicators.findings.map(madeOrder);
const scratch = mkdtempSync(join(tmpdir(), 'soz-bench-output-'));
const digest = (lines) => {
  const hash = createHash('sha256');
  for (const line of lines) hash.update(line);
  return hash.digest('hex').slice(0, 12);
};
const jobs = {
  encodeDocument: (m) => digest(docs.flatMap((doc) => [...m.fmt.encodeDocument(doc)])),
  encodeAnalysis: (m) => digest(m.fmt.encodeAnalysis(indicators, undefined, texts)),
  'findings spill': (m) => {
    const spill = new m.spill.FindingsSpill(join(scratch, 'spill.ndjson'));
    spill.add(found);
    const result = digest([...spill.findings()].map((finding) => JSON.stringify(finding)));
    spill.remove();
    return result;
  },
};
console.log(`${docs.length} document(s), ${docs.reduce((sum, doc) => sum + doc.segments.length, 0)} segments, ${found.length} findings; builds: ${builds.join(' | ')}`);
try {
  for (const [name, job] of Object.entries(jobs)) {
    const best = mods.map(() => Infinity);
    const outputs = [];
    for (let run = 0; run < 7; run++) {
      mods.forEach((m, i) => {
        const start = process.cpuUsage();
        outputs[i] = job(m);
        const used = process.cpuUsage(start);
        best[i] = Math.min(best[i], (used.user + used.system) / 1000);
      });
    }
    const same = new Set(outputs).size === 1 ? 'same bytes' : 'DIFFERENT bytes';
    console.log(`${name.padEnd(16)} ${mods.map((_, i) => `${best[i].toFixed(1)} ms`).join(' | ')}  (${outputs[0]}, ${same})`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
