// Every benchmark in one run: language identification + tokenisation throughput, language-ID
// accuracy, indicator matching, and chat-export ingest of a generated 1 GB Telegram export (then
// the whole run on it: add, analyze, report), the size the target is set for (SOZ_BENCH_INGEST_MB=200 for a quicker run). Speed and memory
// targets live here, not in timed tests.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const runs = [
  ['bench-language.mjs'],
  ['bench-langid.mjs'],
  ['bench-indicators.mjs'],
  ['bench-ingest.mjs', '--size-mb', process.env.SOZ_BENCH_INGEST_MB ?? '1024'],
  // End to end (init + add + analyze + report md) on the same generated export.
  ['bench-analyze.mjs', '--parts', 'e2e', '--sizes', process.env.SOZ_BENCH_INGEST_MB ?? '1024'],
];
let failed = 0;
for (const [script, ...args] of runs) {
  console.log(`\n=== ${script} ${args.join(' ')}`);
  const result = spawnSync(process.execPath, [here + script, ...args], { stdio: 'inherit' });
  if (result.status !== 0) failed += 1;
}
process.exitCode = failed === 0 ? 0 : 1;
