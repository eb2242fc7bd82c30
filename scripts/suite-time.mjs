#!/usr/bin/env node
// Where the suite's time goes (README "Suite time, round 17"): the files of one vitest run by
// duration, longest first, with the running sum and each project's total. Vitest keeps every
// file's last duration in its results cache (node_modules/.vite/vitest/<hash>/results.json), so a
// fresh-clone `.ci/run` leaves the whole picture behind at no cost; with both forks busy the
// durations add up to about twice vitest's wall time.
// Usage: node scripts/suite-time.mjs [results.json|checkout folder] [how many files, default 30]
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The results cache of a checkout folder, or the file named. */
function resultsFile(where) {
  if (statSync(where).isFile()) return where;
  const cache = join(where, 'node_modules', '.vite', 'vitest');
  const found = existsSync(cache) ? readdirSync(cache).map((hash) => join(cache, hash, 'results.json')).filter((path) => existsSync(path)) : [];
  if (found.length !== 1) throw new Error(`${where}: expected one vitest results cache under ${cache}, found ${found.length}`);
  return found[0];
}

/** `[{ project, file, seconds, failed }]` from vitest's results cache (entries `["project:file", { duration, failed }]`). */
function fileTimes(path) {
  const cache = JSON.parse(readFileSync(path, 'utf8'));
  if (!Array.isArray(cache.results)) throw new Error(`${path}: not a vitest results cache (no results list)`);
  return cache.results.map(([key, { duration, failed }]) => {
    const colon = key.indexOf(':');
    return { project: key.slice(0, colon), file: key.slice(colon + 1), seconds: duration / 1000, failed };
  });
}

const [where = '.', count = '30'] = process.argv.slice(2);
const path = resultsFile(where);
const files = fileTimes(path).sort((a, b) => b.seconds - a.seconds || a.file.localeCompare(b.file));
const total = files.reduce((sum, { seconds }) => sum + seconds, 0);
console.log(`${path}: ${files.length} files, ${total.toFixed(0)} s summed`);
const projects = new Map();
for (const { project, seconds } of files) projects.set(project, (projects.get(project) ?? 0) + seconds);
for (const [project, seconds] of [...projects].sort((a, b) => b[1] - a[1])) console.log(`  ${project}: ${seconds.toFixed(0)} s (${((100 * seconds) / total).toFixed(0)} %)`);
let running = 0;
console.log('seconds\tsum\tshare\tfile');
for (const { project, file, seconds, failed } of files.slice(0, Number(count))) {
  running += seconds;
  console.log(`${seconds.toFixed(1)}\t${running.toFixed(0)}\t${((100 * running) / total).toFixed(0)} %\t${project}:${file}${failed ? ' (failed)' : ''}`);
}
