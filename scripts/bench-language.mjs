// Throughput of language identification + tokenisation on short segments (<= 200 chars) from
// ../shared/corpora-real/langid (or SOZ_LANGID_DIR), one core. Usage: npm run build && node scripts/bench-language.mjs
// SOZ_DIST overrides the compiled module directory (default ../dist).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = process.env.SOZ_DIST ?? join(root, 'dist');
const { measureThroughput } = await import(pathToFileURL(join(dist, 'language', 'bench.js')).href);
const dir = process.env.SOZ_LANGID_DIR ?? join(root, '..', 'shared', 'corpora-real', 'langid');
const segments = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()
  .flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n'))
  .filter((s) => s.trim() && s.length <= 200);
const chars = segments.reduce((n, s) => n + s.length, 0);
const ms = Number(process.env.SOZ_BENCH_MS ?? 3000);
console.log(`${segments.length} segments (mean ${(chars / segments.length).toFixed(0)} chars), one core, target >= 20000 segments/s`);
// Wall clock, and this process's CPU time (fairer on a shared machine): user, and user + system.
const user = () => process.cpuUsage().user / 1000;
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
for (const cold of [true, false]) {
  for (const [clock, now] of [['wall', () => performance.now()], ['user cpu', user], ['user+system cpu', cpu]]) {
    const r = measureThroughput(segments, now, ms, cold);
    console.log(`${cold ? 'cold' : 'warm'} word cache, ${clock} time: ${Math.round(r.segmentsPerSecond)} segments/s (${r.segments} in ${r.milliseconds.toFixed(0)} ms)`);
  }
}
