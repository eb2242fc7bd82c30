/**
 * franc 6's trigram distance, computed directly from franc's own data (`franc/data.js`) for a
 * given script and candidate list. Same numbers as `francAll(value, { only })` restricted to one
 * script, without franc's per-call detection of the dominant script over ~30 scripts, which made
 * franc alone ~10,000 calls/s — too slow for the 20,000 segments/s budget.
 */
import { data } from 'franc/data.js';

/** franc's penalty for a trigram absent from a language model. */
const MAX_DIFFERENCE = 300;
/** franc reads only this many characters. */
const MAX_LENGTH = 2048;

/** franc's script names for the scripts soz identifies. */
export type FrancScript = 'Cyrillic' | 'Latin' | 'Arabic';

const models = new Map<string, ReadonlyMap<string, number>>();

function model(script: FrancScript, code: string): ReadonlyMap<string, number> | undefined {
  const key = `${script}:${code}`;
  let m = models.get(key);
  if (!m) {
    const source = data[script]?.[code];
    if (source === undefined) return undefined;
    const map = new Map<string, number>();
    source.split('|').forEach((trigram, rank) => map.set(trigram, rank));
    models.set(key, map);
    m = map;
  }
  return m;
}

/** Trigram counts of `value` cleaned as trigram-utils does (ASCII punctuation and digits → space). */
function trigramCounts(value: string): Map<string, number> {
  const cleaned = ` ${value.replace(/[\u0021-\u0040]+/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase()} `;
  const counts = new Map<string, number>();
  for (let i = 0; i + 3 <= cleaned.length; i++) {
    const t = cleaned.slice(i, i + 3);
    counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  return counts;
}

/**
 * franc similarity (0..1, 1 for the closest) of `value` to each candidate language of `script`
 * (franc codes such as `kir`); languages franc has no model for are left out.
 */
export function francSimilarity(value: string, script: FrancScript, candidates: readonly string[]): Map<string, number> {
  const text = value.slice(0, MAX_LENGTH);
  const counts = trigramCounts(text);
  const distances: Array<[string, number]> = [];
  for (const code of candidates) {
    const m = model(script, code);
    if (!m) continue;
    let distance = 0;
    for (const [trigram, count] of counts) {
      const rank = m.get(trigram);
      distance += rank === undefined ? MAX_DIFFERENCE : Math.abs(count - rank - 1);
    }
    distances.push([code, distance]);
  }
  const result = new Map<string, number>();
  if (distances.length === 0) return result;
  const min = Math.min(...distances.map((d) => d[1]));
  const max = text.length * MAX_DIFFERENCE - min;
  for (const [code, d] of distances) result.set(code, 1 - (d - min) / max || 0);
  return result;
}
