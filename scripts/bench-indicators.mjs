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
