// Throughput of lexicon indicator matching over the real Telegram/WhatsApp corpora, one core.
// Usage: npm run build && node scripts/bench-indicators.mjs   (SOZ_DIST overrides ../dist)
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createHash } from 'node:crypto';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = process.env.SOZ_DIST ?? join(root, 'dist');
const load = (path) => import(pathToFileURL(join(dist, path)).href);
const { benchmarkIndicators, loadLexicons } = await load('analysis/index.js');
const { inputFromBytes, collectDocuments, DEFAULT_LIMITS } = await load('ingest/adapter.js');
const { adapterFor } = await load('ingest/registry.js');
const { sniffMediaType } = await load('ingest/sniff.js');

const corpora = join(root, '..', 'shared', 'corpora-real');
const files = ['telegram', 'whatsapp'].flatMap((dir) => readdirSync(join(corpora, dir)).filter((f) => /\.(json|txt)$/.test(f)).sort().map((f) => join(corpora, dir, f)));
const docs = [];
for (const file of files) {
  const bytes = new Uint8Array(readFileSync(file));
  const input = inputFromBytes(bytes, { name: basename(file), sha256: createHash('sha256').update(bytes).digest('hex'), mediaType: sniffMediaType(bytes.subarray(0, 65536)), limits: DEFAULT_LIMITS });
  docs.push(...(await collectDocuments(adapterFor(input).extract(input))));
}
const { lexicons } = await loadLexicons(root);
const result = benchmarkIndicators(docs, lexicons, 3);
console.log(JSON.stringify(result, null, 2));

// One long segment (a chat exported as plain text without blank lines), at two lengths: per-finding
// scans of the sentence, paragraph or document from its start once made this quadratic. Linear
// work gives a CPU ratio near the length ratio (4).
const line = 'Он сказал, что не надо убивать врагов (Мф 5:44); Kill them all. Джихад — усилие? Мы должны.\n';
const longSegment = async (chars) => {
  const bytes = new Uint8Array(Buffer.from(line.repeat(Math.ceil(chars / line.length)), 'utf8'));
  const input = inputFromBytes(bytes, { name: `long-${chars}.txt`, sha256: createHash('sha256').update(bytes).digest('hex'), mediaType: 'text/plain', limits: DEFAULT_LIMITS });
  return benchmarkIndicators(await collectDocuments(adapterFor(input).extract(input)), lexicons, 1);
};
const short = await longSegment(100_000);
const long = await longSegment(400_000);
console.log(`one long segment: 100,000 chars ${short.medianRunCpuMs.toFixed(0)} ms CPU (${short.findings} findings), 400,000 chars ${long.medianRunCpuMs.toFixed(0)} ms CPU (${long.findings} findings): ratio ${(long.medianRunCpuMs / short.medianRunCpuMs).toFixed(1)} for 4× the text (linear ≈ 4)`);
