/**
 * The fingerprint index of a reference library: for every winnowed k-gram hash of every item, the
 * item and the word position it starts at, sorted by (hash, item, position) in three typed arrays
 * so it can be written to disk as bytes and searched by binary search without a hash map.
 */
import { InternalError } from '../../core/errors.js';
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

/** The fingerprints of one item's words (every posting names item 0), sorted by hash and position. */
export function fingerprintItem(keys: readonly string[], parameters: ReuseParameters = DEFAULT_REUSE_PARAMETERS): FingerprintIndex {
  const hashes = kgramHashes(keys, parameters.k);
  const selected = winnow(hashes, parameters.w).sort((a, b) => hashes[a]! - hashes[b]! || a - b);
  return { parameters, hashes: Float64Array.from(selected, (p) => hashes[p]!), items: new Uint32Array(selected.length), positions: Uint32Array.from(selected) };
}

/**
 * One index from per-item fingerprints: the postings of `parts[i]` are renumbered to item `i`.
 * Built once per library change; the parts must share one set of parameters.
 */
export function mergeIndexes(parts: readonly FingerprintIndex[], parameters: ReuseParameters = DEFAULT_REUSE_PARAMETERS): FingerprintIndex {
  const total = parts.reduce((sum, part) => sum + part.hashes.length, 0);
  const hashes = new Float64Array(total);
  const items = new Uint32Array(total);
  const positions = new Uint32Array(total);
  let at = 0;
  parts.forEach((part, item) => {
    if (part.parameters.k !== parameters.k || part.parameters.w !== parameters.w) throw new InternalError(`item ${item} was fingerprinted with k=${part.parameters.k}, w=${part.parameters.w}`);
    hashes.set(part.hashes, at);
    items.fill(item, at, at + part.hashes.length);
    positions.set(part.positions, at);
    at += part.hashes.length;
  });
  const order = Uint32Array.from({ length: total }, (_, i) => i).sort((x, y) => hashes[x]! - hashes[y]! || items[x]! - items[y]! || positions[x]! - positions[y]!);
  return { parameters, hashes: Float64Array.from(order, (i) => hashes[i]!), items: Uint32Array.from(order, (i) => items[i]!), positions: Uint32Array.from(order, (i) => positions[i]!) };
}

/** Builds the index over the items' word keys (item number = position in `itemKeys`). */
export function buildIndex(itemKeys: ReadonlyArray<readonly string[]>, parameters: ReuseParameters = DEFAULT_REUSE_PARAMETERS): FingerprintIndex {
  return mergeIndexes(itemKeys.map((keys) => fingerprintItem(keys, parameters)), parameters);
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
