/**
 * The fingerprint index of a reference library: for every winnowed k-gram hash of every item, the
 * item and the word position it starts at, sorted by (hash, item, position) in three typed arrays
 * so it can be written to disk as bytes and searched by binary search without a hash map.
 */
import { kgramHashes, winnow } from './fingerprint.js';

/** Parameters of fingerprinting; an index is only valid for the parameters it was built with. */
export interface ReuseParameters {
  /** Words per k-gram. */
  readonly k: number;
  /** Winnowing window, in k-grams. */
  readonly w: number;
}

/** Defaults: k = 3 words, w = 4 (any 6 shared consecutive words give a shared fingerprint). */
export const DEFAULT_REUSE_PARAMETERS: ReuseParameters = { k: 3, w: 4 };

/** Sorted postings: `hashes[i]` occurs in item `items[i]` at word `positions[i]`. */
export interface FingerprintIndex {
  readonly parameters: ReuseParameters;
  readonly hashes: Float64Array;
  readonly items: Uint32Array;
  readonly positions: Uint32Array;
}

/** Builds the index over the items' word keys (item number = position in `itemKeys`). */
export function buildIndex(itemKeys: ReadonlyArray<readonly string[]>, parameters: ReuseParameters = DEFAULT_REUSE_PARAMETERS): FingerprintIndex {
  const postings: Array<[number, number, number]> = [];
  itemKeys.forEach((keys, item) => {
    const hashes = kgramHashes(keys, parameters.k);
    for (const position of winnow(hashes, parameters.w)) postings.push([hashes[position]!, item, position]);
  });
  postings.sort((x, y) => x[0] - y[0] || x[1] - y[1] || x[2] - y[2]);
  return {
    parameters,
    hashes: Float64Array.from(postings, (p) => p[0]),
    items: Uint32Array.from(postings, (p) => p[1]),
    positions: Uint32Array.from(postings, (p) => p[2]),
  };
}

/** Index of the first posting with a hash ≥ `hash`. */
function lowerBound(hashes: Float64Array, hash: number): number {
  let low = 0;
  let high = hashes.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (hashes[mid]! < hash) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The `[from, to)` posting slots holding `hash` (empty when it does not occur). */
export function postingsOf(index: FingerprintIndex, hash: number): [number, number] {
  const from = lowerBound(index.hashes, hash);
  let to = from;
  while (to < index.hashes.length && index.hashes[to] === hash) to++;
  return [from, to];
}

const MAGIC = 'SOZRIDX1';

/** The index as bytes: magic, k, w, count, then the three arrays (little-endian). */
export function encodeIndex(index: FingerprintIndex): Uint8Array {
  const count = index.hashes.length;
  const header = 8 + 4 * 3;
  const bytes = new Uint8Array(header + count * 16);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < 8; i++) bytes[i] = MAGIC.charCodeAt(i);
  view.setUint32(8, index.parameters.k, true);
  view.setUint32(12, index.parameters.w, true);
  view.setUint32(16, count, true);
  for (let i = 0; i < count; i++) {
    view.setFloat64(header + i * 8, index.hashes[i]!, true);
    view.setUint32(header + count * 8 + i * 4, index.items[i]!, true);
    view.setUint32(header + count * 12 + i * 4, index.positions[i]!, true);
  }
  return bytes;
}

/** Reads bytes written by {@link encodeIndex}; `null` when they are not such an index. */
export function decodeIndex(bytes: Uint8Array): FingerprintIndex | null {
  const header = 20;
  if (bytes.length < header || String.fromCharCode(...bytes.subarray(0, 8)) !== MAGIC) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = view.getUint32(16, true);
  if (bytes.length !== header + count * 16) return null;
  const hashes = new Float64Array(count);
  const items = new Uint32Array(count);
  const positions = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    hashes[i] = view.getFloat64(header + i * 8, true);
    items[i] = view.getUint32(header + count * 8 + i * 4, true);
    positions[i] = view.getUint32(header + count * 12 + i * 4, true);
  }
  return { parameters: { k: view.getUint32(8, true), w: view.getUint32(12, true) }, hashes, items, positions };
}
