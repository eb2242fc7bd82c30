import { describe, expect, it } from 'vitest';
import { GramCounts } from './gram-counts.js';

/** What a `Map` keyed by the joined ids gives for the same calls: the behaviour the typed table replaces. */
class MapCounts {
  readonly entries = new Map<string, { frequency: number; range: number; last: number }>();

  count(ids: Int32Array, at: number, n: number, document: number): void {
    const key = ids.subarray(at, at + n).join(',');
    const entry = this.entries.get(key);
    if (!entry) this.entries.set(key, { frequency: 1, range: 1, last: document });
    else {
      entry.frequency++;
      if (entry.last !== document) {
        entry.range++;
        entry.last = document;
      }
    }
  }

  add(ids: Int32Array, at: number, n: number, frequency: number, range: number): void {
    const key = ids.subarray(at, at + n).join(',');
    const entry = this.entries.get(key);
    if (!entry) this.entries.set(key, { frequency, range, last: -1 });
    else {
      entry.frequency += frequency;
      entry.range += range;
    }
  }
}

function rowsOf(counts: GramCounts): string[] {
  const rows: string[] = [];
  for (let e = 0; e < counts.size; e++) {
    const ids = Array.from({ length: counts.n }, (_, k) => counts.id(e, k));
    rows.push(`${ids.join(',')}:${counts.frequency(e)}:${counts.range(e)}`);
  }
  return rows;
}

/** Counts every n-gram of `ids` in `document` into both tables. */
function countBoth(typed: GramCounts, map: MapCounts, ids: Int32Array, document: number, upTo = ids.length): void {
  for (let i = 0; i + typed.n <= upTo; i++) {
    typed.count(ids, i, document);
    map.count(ids, i, typed.n, document);
  }
}

const mapRows = (counts: MapCounts) => [...counts.entries].map(([key, v]) => `${key}:${v.frequency}:${v.range}`);

/** A deterministic stream of ids (xorshift), some small and frequent, some beyond 2^17 (which no longer fit a 52-bit key for n = 3). */
function idStream(seed: number, length: number): Int32Array {
  const ids = new Int32Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    const r = (x >>> 0) % 1000;
    ids[i] = r < 900 ? r % 40 : 200_000 + r;
  }
  return ids;
}

describe('GramCounts', () => {
  for (const n of [1, 2, 3, 5]) {
    it(`counts ${n}-grams document by document as a Map keyed by the ids does, in first-seen order`, () => {
      const typed = new GramCounts(n);
      const map = new MapCounts();
      for (let document = 0; document < 6; document++) {
        countBoth(typed, map, idStream(document + 7 * n, 3000), document);
      }
      expect(typed.size).toBe(map.entries.size);
      expect(rowsOf(typed)).toEqual(mapRows(map));
    });
  }

  it('adds another table`s entries, then keeps counting ranges from the next document', () => {
    const [typed, map] = [new GramCounts(2), new MapCounts()];
    const first = idStream(3, 500);
    countBoth(typed, map, first, 0);
    const other = new GramCounts(2);
    const second = idStream(11, 500);
    for (let i = 0; i + 2 <= second.length; i++) other.count(second, i, 0);
    const { grams, frequency, range } = other.arrays();
    for (let e = 0; e < frequency.length; e++) {
      typed.add(grams, 2 * e, frequency[e] as number, range[e] as number);
      map.add(grams, 2 * e, 2, frequency[e] as number, range[e] as number);
    }
    countBoth(typed, map, first, 1);
    expect(rowsOf(typed)).toEqual(mapRows(map));
  });

  it('drops the entries refused, keeps the order of the others and finds them again afterwards', () => {
    const [typed, map] = [new GramCounts(3), new MapCounts()];
    const ids = idStream(5, 20_000);
    countBoth(typed, map, ids, 0);
    typed.retain((frequency) => frequency > 1);
    for (const [key, entry] of map.entries) if (entry.frequency <= 1) map.entries.delete(key);
    expect(rowsOf(typed)).toEqual(mapRows(map));
    // A dropped n-gram seen again is a new entry at the end; a kept one counts on in place.
    countBoth(typed, map, ids, 1, 300);
    expect(rowsOf(typed)).toEqual(mapRows(map));
  });
});
