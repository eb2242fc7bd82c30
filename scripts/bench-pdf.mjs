#!/usr/bin/env node
// Benchmark of the PDF adapter on the real PDFs in ../shared/corpora-real/pdf.
//
//   npm run build && node scripts/bench-pdf.mjs
//   node scripts/bench-pdf.mjs /work/main/dist      # another build, e.g. to compare
//
// Each file is read twice in one process (the worker thread is reused, as in one `soz analyze`);
// the second pass is printed, in milliseconds of wall clock, with the load average before → after:
// on a shared machine the wall clock also measures the other tenants.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

const dist = process.argv[2] ?? new URL('../dist', import.meta.url).pathname;
const corpus = new URL('../../shared/corpora-real/pdf/', import.meta.url).pathname;
if (!existsSync(corpus)) {
  console.error(`bench-pdf: ${corpus} not found; the real corpora must be beside the project`);
  process.exit(2);
}
const { adapterFor } = await import(pathToFileURL(`${dist}/ingest/registry.js`).href);
const { DEFAULT_LIMITS, inputFromBytes, collectDocuments } = await import(pathToFileURL(`${dist}/ingest/adapter.js`).href);

const load = () => loadavg()[0].toFixed(1);
const before = load();
const times = {};
for (let pass = 0; pass < 2; pass++) {
  for (const name of readdirSync(corpus).sort()) {
    const bytes = new Uint8Array(readFileSync(corpus + name));
    const input = inputFromBytes(bytes, { name, sha256: createHash('sha256').update(bytes).digest('hex'), mediaType: 'application/pdf', limits: DEFAULT_LIMITS });
    const started = performance.now();
    const [doc] = await collectDocuments(adapterFor(input).extract(input));
    if (pass === 1) times[name] = `${Math.round(performance.now() - started)} ms, ${doc.properties.pages} pages`;
  }
}
for (const [name, time] of Object.entries(times)) console.log(`${name}: ${time}`);
console.log(`load average ${before} → ${load()}`);
