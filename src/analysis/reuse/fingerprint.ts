/**
 * Word k-gram hashes and winnowing (Schleimer, Wilkerson, Aiken 2003, the method behind MOSS).
 * Hashes are 52-bit integers kept in a double (exact), computed with two FNV-1a-style 32-bit
 * lanes: stable across runs, platforms and Node versions, no seed, no randomness.
 */

const FNV_OFFSET_A = 0x811c9dc5;
const FNV_OFFSET_B = 0x050c5d1f;
const FNV_PRIME = 0x01000193;
const TWO_TO_32 = 0x1_0000_0000;

/** Two 32-bit FNV-1a hashes of a key's UTF-16 code units (two offsets, so two independent lanes). */
function wordLanes(key: string): [number, number] {
  let a = FNV_OFFSET_A;
  let b = FNV_OFFSET_B;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, FNV_PRIME);
    b = Math.imul(b ^ (c + 0x9e37), FNV_PRIME);
  }
  return [a >>> 0, b >>> 0];
}

/** Finaliser from MurmurHash3: spreads a 32-bit state so neighbouring inputs differ in every bit. */
function mix(h: number): number {
  let x = h >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/**
 * The hash of every run of `k` consecutive words: element i is the hash of words `[i, i + k)`,
 * a 52-bit non-negative integer. Empty when there are fewer than `k` words.
 */
export function kgramHashes(keys: readonly string[], k: number): Float64Array {
  const count = keys.length - k + 1;
  if (count <= 0) return new Float64Array(0);
  const lanes = keys.map(wordLanes);
  const out = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    let a = FNV_OFFSET_A;
    let b = FNV_OFFSET_B;
    for (let j = 0; j < k; j++) {
      const [wa, wb] = lanes[i + j]!;
      a = mix(Math.imul(a ^ wa, FNV_PRIME));
      b = mix(Math.imul(b ^ wb, FNV_PRIME));
    }
    out[i] = (a & 0xfffff) * TWO_TO_32 + b;
  }
  return out;
}

/**
 * Winnowing with window `w`: from every `w` consecutive hashes the minimum (the rightmost one on
 * ties) is kept, each selected position once, in increasing order. Any run of `w + k - 1` shared
 * words yields at least one shared fingerprint. Fewer than `w` hashes: the minimum of all.
 */
export function winnow(hashes: Float64Array, w: number): number[] {
  const selected: number[] = [];
  if (hashes.length === 0) return selected;
  const windows = Math.max(1, hashes.length - w + 1);
  const width = Math.min(w, hashes.length);
  let last = -1;
  for (let start = 0; start < windows; start++) {
    let best = start;
    for (let i = start + 1; i < start + width; i++) if (hashes[i]! <= hashes[best]!) best = i;
    if (best !== last) {
      selected.push(best);
      last = best;
    }
  }
  return selected;
}
