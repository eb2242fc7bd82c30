#!/usr/bin/env node
// Sums the self time of a V8 CPU profile (`node --cpu-prof …`) by function and by file, and prints
// the top entries with their share of the sampled time (issue 17: where `soz analyze` spends CPU).
//
//   node --cpu-prof --cpu-prof-dir=/tmp/prof bin/soz analyze CASE
//   node scripts/cpu-profile-summary.mjs /tmp/prof/*.cpuprofile [--top 15] [--inclusive] [--samples]
//
// --inclusive also prints the total time of each function: its own and its callees', a sample
// counted once per function however deep the recursion (where a fixed cost such as loading the
// English tagger or the Russian dictionary is paid, and by whom).
// --samples charges every sample the same (1 ms, node's default --cpu-prof-interval) instead of
// the time since the sample before: on a loaded machine a thread that waited for a core brings
// the whole wait into its next sample, so wall-weighted shares follow the other tenants.
// Several profiles (the main thread and each worker write their own) are summed together.
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const topAt = args.indexOf('--top');
const top = topAt >= 0 ? Number(args[topAt + 1]) : 15;
const inclusive = args.includes('--inclusive');
const bySample = args.includes('--samples');
const files = args.filter((arg, i) => !arg.startsWith('--') && (topAt < 0 || i !== topAt + 1));

const byFunction = new Map();
const byFile = new Map();
const byFunctionTotal = new Map();
let total = 0;
const add = (map, key, micros) => map.set(key, (map.get(key) ?? 0) + micros);
const shortFile = (url) => {
  const path = url.replace(/^file:\/\//, '');
  if (path === '') return '(native)';
  return path.includes('/node_modules/') ? path.replace(/^.*\/node_modules\//, 'node_modules/') : path.replace(/^.*\/(dist|src|scripts)\//, '$1/');
};

for (const file of files) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map(profile.nodes.flatMap((node) => (node.children ?? []).map((child) => [child, node.id])));
  const self = new Map();
  // timeDeltas[i] is the time before sample i; it is charged to that sample's node.
  profile.samples.forEach((id, i) => add(self, id, bySample ? 1000 : (profile.timeDeltas[i] ?? 0)));
  for (const [id, micros] of self) {
    const { callFrame } = nodes.get(id);
    const where = shortFile(callFrame.url);
    add(byFunction, `${callFrame.functionName || '(anonymous)'} ${where}:${callFrame.lineNumber + 1}`, micros);
    add(byFile, where, micros);
    total += micros;
    if (!inclusive) continue;
    const seen = new Set();
    for (let at = id; at !== undefined; at = parentOf.get(at)) {
      const frame = nodes.get(at).callFrame;
      const key = `${frame.functionName || '(anonymous)'} ${shortFile(frame.url)}:${frame.lineNumber + 1}`;
      if (!seen.has(key)) add(byFunctionTotal, key, micros);
      seen.add(key);
    }
  }
}

const print = (title, map) => {
  console.log(`\n${title} (total ${(total / 1e6).toFixed(2)} s sampled)`);
  for (const [key, micros] of [...map].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, top)) {
    console.log(`${(micros / 1e3).toFixed(0).padStart(7)} ms ${((100 * micros) / total).toFixed(1).padStart(5)} %  ${key}`);
  }
};
print('self time by function', byFunction);
print('self time by file', byFile);
if (inclusive) print('total time by function (self and callees)', byFunctionTotal);
