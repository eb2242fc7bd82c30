/**
 * franc 6's trigram distance, computed directly from franc's own data (`franc/data.js`) for a
 * given script and candidate list. Same distances as `francAll(value, { only })` restricted to one
 * script, without franc's per-call detection of the dominant script over ~30 scripts and without
 * building trigram strings: characters are numbered per table, a trigram is one small integer that
 * indexes an array, and one read gives its rank in every candidate's model at once.
 */
import { data } from 'franc/data.js';

/** franc's penalty for a trigram absent from a language model. */
export const MAX_DIFFERENCE = 300;
/** franc reads only this many characters. */
const MAX_LENGTH = 2048;

/** franc's script names for the scripts soz identifies. */
export type FrancScript = 'Cyrillic' | 'Latin' | 'Arabic';

/** The models of one script's candidates, compiled for {@link trigramDistances}. */
export interface TrigramTable {
  /**
   * franc codes of the models, in the order of the distances returned: the candidates, then the
   * plain-keyboard model of each candidate that has one (`kaz~plain`).
   */
  readonly candidates: readonly string[];
  /** Per candidate (in the order given): index of its plain-keyboard model, −1 for none. */
  readonly plainModel: Int32Array;
  /** UTF-16 code unit → 1-based character number; 0 for characters no model contains. */
  readonly charIndex: Uint16Array;
  /** Number of distinct characters + 1 (the radix of trigram keys). */
  readonly radix: number;
  /**
   * Trigram key (`(x · radix + y) · radix + z` of its character numbers) → offset into `ranks`, −1
   * where no model has the trigram: radix³ entries (about 0.4 MB for the Cyrillic candidates).
   */
  readonly offsets: Int32Array;
  /**
   * Scratch: the call in which a key absent from every model was last met (to count the distinct
   * ones without sorting); {@link call} numbers the calls.
   */
  readonly absentSeen: Int32Array;
  call: number;
  /** Scratch: occurrences per model trigram (index = offset / candidates) during one call. */
  readonly occurrences: Int32Array;
  /** Rank of the trigram in each candidate's model (0 = most frequent), −1 where absent. */
  readonly ranks: Int16Array;
}

const SPACE = 0x20;

/**
 * Builds the table for `candidates` (franc codes) of `script`; a code without a model has no
 * trigrams. `plain[c]`, where given, maps candidate c's own letters to the Russian-keyboard letters
 * typed for them (ә → а): the table then also holds that candidate's model as typed plainly.
 */
export function trigramTable(script: FrancScript, candidates: readonly string[], plain: ReadonlyArray<Readonly<Record<string, string>> | undefined> = []): TrigramTable {
  const native = candidates.map((code) => data[script]?.[code]?.split('|') ?? []);
  const plainModel = new Int32Array(candidates.length).fill(-1);
  const plainLists: string[][] = [];
  const codes = [...candidates];
  candidates.forEach((code, c) => {
    const map = plain[c];
    if (!map) return;
    plainModel[c] = codes.length;
    codes.push(`${code}~plain`);
    plainLists.push(plainTyped(native[c]!, map));
  });
  const lists = [...native, ...plainLists];
  const charIndex = new Uint16Array(0x10000);
  let next = 1;
  charIndex[SPACE] = next++;
  for (const list of lists) {
    for (const trigram of list) {
      for (let i = 0; i < trigram.length; i++) {
        const c = trigram.charCodeAt(i);
        if (charIndex[c] === 0) charIndex[c] = next++;
      }
    }
  }
  const radix = next;
  // Every key indexes an array of radix³ entries.
  if (radix ** 3 > MAX_KEYS) throw new Error(`trigram table for ${script}: too many distinct characters (${radix - 1})`);
  const offsets = new Map<number, number>();
  const rankLists: number[] = [];
  lists.forEach((list, c) => {
    list.forEach((trigram, rank) => {
      if (trigram.length !== 3) return;
      const key = (charIndex[trigram.charCodeAt(0)]! * radix + charIndex[trigram.charCodeAt(1)]!) * radix + charIndex[trigram.charCodeAt(2)]!;
      let offset = offsets.get(key);
      if (offset === undefined) {
        offset = rankLists.length;
        offsets.set(key, offset);
        for (let k = 0; k < codes.length; k++) rankLists.push(-1);
      }
      rankLists[offset + c] = rank;
    });
  });
  const byKey = new Int32Array(radix ** 3).fill(-1);
  for (const [key, offset] of offsets) byKey[key] = offset;
  const occurrences = new Int32Array(Math.max(1, rankLists.length / Math.max(1, codes.length)));
  return { candidates: codes, plainModel, charIndex, radix, offsets: byKey, absentSeen: new Int32Array(radix ** 3), call: 0, occurrences, ranks: Int16Array.from(rankLists) };
}

/**
 * A franc model (trigrams, most frequent first) as its language looks typed on a Russian keyboard:
 * every trigram with `plain`'s letters replaced; where two trigrams become one (Kazakh «ін » and
 * «ин »), it keeps the rank of the more frequent, and the ranks close up.
 */
export function plainTyped(trigrams: readonly string[], plain: Readonly<Record<string, string>>): string[] {
  const typed = trigrams.map((t) => [...t].map((ch) => plain[ch] ?? ch).join(''));
  return [...new Set(typed)];
}

/** Most trigram keys a table indexes (64 MB of offsets and scratch). */
const MAX_KEYS = 1 << 23;

let touchedBuffer = new Int32Array(512);
let charBuffer = new Int32Array(512);

/**
 * franc distance of the text made of `words` joined by single spaces to every candidate of
 * `table`, written to `out` (same order as `table.candidates`). The text is cleaned as
 * trigram-utils does (ASCII punctuation and digits → space, spaces collapsed, padded with one
 * space each side) and read up to franc's 2,048 characters. Returns the number of trigrams.
 * A trigram containing a character no model knows is absent from every model; such trigrams are
 * counted once per occurrence (franc counts each distinct one once), which shifts every
 * candidate's distance equally.
 */
export function trigramDistances(table: TrigramTable, words: readonly string[], out: Float64Array): number {
  const { charIndex, radix, ranks, occurrences, offsets, absentSeen } = table;
  const n = table.candidates.length;
  const space = charIndex[SPACE]!;
  // Character numbers of the cleaned, padded text (0: a character no model knows).
  let chars = charBuffer;
  let len = 0;
  let lastSpace = true;
  let read = 0;
  let total = 0;
  for (let w = 0; w < words.length; w++) total += words[w]!.length + 1;
  const need = Math.min(MAX_LENGTH, total) + 2;
  if (chars.length < need) chars = charBuffer = new Int32Array(need * 2);
  chars[len++] = space;
  outer: for (let w = 0; w < words.length; w++) {
    const word = words[w]!;
    if (w > 0) {
      if (read++ >= MAX_LENGTH) break;
      if (!lastSpace) {
        chars[len++] = space;
        lastSpace = true;
      }
    }
    for (let i = 0; i < word.length; i++) {
      if (read++ >= MAX_LENGTH) break outer;
      const code = word.charCodeAt(i);
      if ((code >= 0x21 && code <= 0x40) || code === 0x09 || code === 0x0a || code === 0x0d || code === SPACE) {
        if (lastSpace) continue;
        lastSpace = true;
        chars[len++] = space;
      } else {
        lastSpace = false;
        chars[len++] = charIndex[code]!;
      }
    }
  }
  if (!lastSpace) chars[len++] = space;
  const count = len >= 3 ? len - 2 : 0;
  out.fill(0, 0, n);
  if (count === 0) return 0;
  if (touchedBuffer.length < count) touchedBuffer = new Int32Array(count * 2);
  // Trigrams of known characters that no model has count once per distinct key: marked with the call's number.
  if (table.call === 0x7fffffff) {
    table.absentSeen.fill(0);
    table.call = 0;
  }
  const call = ++table.call;
  let absentEverywhere = 0;
  let touched = 0;
  for (let i = 0; i < count; i++) {
    const x = chars[i]!;
    const y = chars[i + 1]!;
    const z = chars[i + 2]!;
    if (x === 0 || y === 0 || z === 0) {
      absentEverywhere++;
      continue;
    }
    const key = (x * radix + y) * radix + z;
    const offset = offsets[key]!;
    if (offset < 0) {
      if (absentSeen[key] !== call) {
        absentSeen[key] = call;
        absentEverywhere++;
      }
      continue;
    }
    const slot = offset / n;
    if (occurrences[slot]!++ === 0) touchedBuffer[touched++] = offset;
  }
  for (let c = 0; c < n; c++) out[c] = MAX_DIFFERENCE * absentEverywhere;
  for (let t = 0; t < touched; t++) {
    const offset = touchedBuffer[t]!;
    const slot = offset / n;
    const occ = occurrences[slot]!;
    occurrences[slot] = 0;
    for (let c = 0; c < n; c++) {
      const rank = ranks[offset + c]!;
      out[c]! += rank < 0 ? MAX_DIFFERENCE : Math.abs(occ - rank - 1);
    }
  }
  return count;
}

/**
 * franc similarity (0..1, 1 for the closest) of `value` to each candidate language of `script`
 * (franc codes such as `kir`), as franc computes it; languages franc has no model for are left out.
 */
export function francSimilarity(value: string, script: FrancScript, candidates: readonly string[]): Map<string, number> {
  const known = candidates.filter((code) => data[script]?.[code] !== undefined);
  const table = trigramTable(script, known);
  const text = value.slice(0, MAX_LENGTH);
  const out = new Float64Array(known.length);
  trigramDistances(table, [text.toLowerCase()], out);
  return similarities(known, out, text.length);
}

/** franc's normalisation of raw distances: 1 − (d − min) / (length · 300 − min). */
export function similarities(codes: readonly string[], distances: Float64Array, length: number): Map<string, number> {
  const result = new Map<string, number>();
  if (codes.length === 0) return result;
  let min = Infinity;
  for (let c = 0; c < codes.length; c++) min = Math.min(min, distances[c]!);
  const max = Math.min(length, MAX_LENGTH) * MAX_DIFFERENCE - min;
  codes.forEach((code, c) => result.set(code, 1 - (distances[c]! - min) / max || 0));
  return result;
}
