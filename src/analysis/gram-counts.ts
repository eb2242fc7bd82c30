/**
 * Counts of n-grams of item ids, kept in typed arrays (issue 17, round 12): an open-addressing
 * hash index over entries stored in insertion order — each entry its `n` ids, frequency, range
 * and the last document that had it. A `Map` from a number key to an object per n-gram cost a
 * heap number and an object per distinct n-gram and a hash of a double per token, and keys that
 * did not fit 52 bits (large vocabularies, longer n-grams) fell back to joined strings; here a
 * token costs a few integer reads and no allocation, and any id fits.
 *
 * Entries are visited in the order they were first added, and dropping some ({@link retain})
 * keeps the others' order, as a `Map` visits its keys: the order every caller saw before.
 */
import { grown } from '../core/typed-arrays.js';

/** The last document of an entry merged from another counter: none of this counter's. */
const NO_DOCUMENT = -1;

export class GramCounts {
  /** `n` ids per entry, entry after entry. */
  private grams: Int32Array;
  private frequencies: Int32Array;
  private ranges: Int32Array;
  private lastDocuments: Int32Array;
  /** Hash slots: entry index + 1, 0 for an empty slot; its length a power of two, at most half full. */
  private slots: Int32Array;
  /** Entries held. */
  size = 0;

  constructor(readonly n: number) {
    this.grams = new Int32Array(64 * n);
    this.frequencies = new Int32Array(64);
    this.ranges = new Int32Array(64);
    this.lastDocuments = new Int32Array(64);
    this.slots = new Int32Array(128);
  }

  /** Counts one occurrence, in `document`, of the n-gram `ids[at .. at + n)`: its range widens when its last document was another. */
  count(ids: Int32Array, at: number, document: number): void {
    const e = this.find(ids, at);
    if (e < 0) {
      this.append(ids, at, 1, 1, document);
      return;
    }
    this.frequencies[e] = (this.frequencies[e] as number) + 1;
    if (this.lastDocuments[e] !== document) {
      this.ranges[e] = (this.ranges[e] as number) + 1;
      this.lastDocuments[e] = document;
    }
  }

  /**
   * Adds another counter's entry (other documents): its frequency and range add up. A new entry
   * has no document of this counter yet ({@link NO_DOCUMENT}), so the next one widens its range.
   */
  add(ids: Int32Array, at: number, frequency: number, range: number): void {
    const e = this.find(ids, at);
    if (e < 0) {
      this.append(ids, at, frequency, range, NO_DOCUMENT);
      return;
    }
    this.frequencies[e] = (this.frequencies[e] as number) + frequency;
    this.ranges[e] = (this.ranges[e] as number) + range;
  }

  /** Frequency of entry `e` (insertion order). */
  frequency(e: number): number {
    return this.frequencies[e] as number;
  }

  /** Documents entry `e` occurs in. */
  range(e: number): number {
    return this.ranges[e] as number;
  }

  /** Id `k` of entry `e`'s n-gram. */
  id(e: number, k: number): number {
    return this.grams[e * this.n + k] as number;
  }

  /** The entries as arrays another thread can receive: ids (`n` per entry), frequencies and ranges, in insertion order. */
  arrays(): { grams: Int32Array; frequency: Int32Array; range: Int32Array } {
    return { grams: this.grams.slice(0, this.size * this.n), frequency: this.frequencies.slice(0, this.size), range: this.ranges.slice(0, this.size) };
  }

  /** Drops every entry `keep` refuses; the others keep their order. */
  retain(keep: (frequency: number) => boolean): void {
    const { n } = this;
    let kept = 0;
    for (let e = 0; e < this.size; e++) {
      if (!keep(this.frequencies[e] as number)) continue;
      if (kept !== e) {
        this.grams.copyWithin(kept * n, e * n, e * n + n);
        this.frequencies[kept] = this.frequencies[e] as number;
        this.ranges[kept] = this.ranges[e] as number;
        this.lastDocuments[kept] = this.lastDocuments[e] as number;
      }
      kept++;
    }
    this.size = kept;
    this.reindex(this.slots.length);
  }

  /** The entry holding the n-gram at `ids[at]`, or −1. */
  private find(ids: Int32Array, at: number): number {
    const { n, grams, slots } = this;
    const mask = slots.length - 1;
    for (let slot = hashOf(ids, at, n) & mask; ; slot = (slot + 1) & mask) {
      const held = slots[slot] as number;
      if (held === 0) return -1;
      const e = held - 1;
      let same = true;
      for (let k = 0; k < n && same; k++) same = grams[e * n + k] === ids[at + k];
      if (same) return e;
    }
  }

  private append(ids: Int32Array, at: number, frequency: number, ranges: number, document: number): void {
    const { n } = this;
    const e = this.size;
    if (e === this.frequencies.length) {
      this.grams = grown(this.grams, new Int32Array(2 * e * n));
      this.frequencies = grown(this.frequencies, new Int32Array(2 * e));
      this.ranges = grown(this.ranges, new Int32Array(2 * e));
      this.lastDocuments = grown(this.lastDocuments, new Int32Array(2 * e));
    }
    for (let k = 0; k < n; k++) this.grams[e * n + k] = ids[at + k] as number;
    this.frequencies[e] = frequency;
    this.ranges[e] = ranges;
    this.lastDocuments[e] = document;
    this.size = e + 1;
    if (2 * this.size > this.slots.length) this.reindex(2 * this.slots.length);
    else this.place(e);
  }

  /** Rebuilds the hash slots (`length` of them) from the entries. */
  private reindex(length: number): void {
    this.slots = new Int32Array(length);
    for (let e = 0; e < this.size; e++) this.place(e);
  }

  private place(e: number): void {
    const { slots } = this;
    const mask = slots.length - 1;
    let slot = hashOf(this.grams, e * this.n, this.n) & mask;
    while (slots[slot] !== 0) slot = (slot + 1) & mask;
    slots[slot] = e + 1;
  }
}

/** A 32-bit hash of `n` ids from `ids[at]` (multiply-xorshift: spreads small consecutive ids over the slots). */
function hashOf(ids: Int32Array, at: number, n: number): number {
  let h = 0x9e3779b9 | 0;
  for (let k = 0; k < n; k++) {
    h = Math.imul(h ^ (ids[at + k] as number), 0x85ebca6b);
    h ^= h >>> 13;
  }
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
