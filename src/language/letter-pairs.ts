/**
 * A letter-pair model for two neighbours typed on a Russian keyboard (round 17: Kazakh and Kyrgyz).
 * Once Kazakh is typed without its own letters, many short lines carry no word or ending the pair's
 * markers know («Бул жерде такси жок»), yet the letters still lean: Kazakh ш, у after a vowel and
 * unrounded vowels after о, Kyrgyz ч, long vowels and rounded ones. The model is the log ratio of the
 * two languages' letter-transition probabilities P(next letter | letter), words framed by
 * {@link WORD_EDGE}, trained on text typed plainly (`scripts/train-letter-pairs.mjs`: the langid
 * corpus's tuning half) and kept in `sop/language/identification.yaml`; a line's evidence is the sum
 * of its pairs' ratios over the square root of their number, so a long line does not outweigh the
 * markers by its length alone.
 */

/** Marks a word's start and end in a letter pair («_к» starts a word with к). */
export const WORD_EDGE = '_';

/** The letters a model is trained on: Russian-keyboard Cyrillic (what a plain-typed word is made of). */
const ALPHABET = 'абвгдеёжзийклмнопрстуфхцчшщъыьэюя';
const LETTERS_AND_EDGE = [...ALPHABET, WORD_EDGE];

/** How a model is trained. */
export interface LetterPairTraining {
  /** Add-k smoothing of each transition count. */
  readonly smoothing: number;
  /** Pairs seen fewer times than this in both texts together are left out (chance). */
  readonly minCount: number;
  /** Pairs whose |log ratio| is below this are left out (they say nothing either way). */
  readonly minRatio: number;
}

/** `word` lower-cased with `fold` applied letter by letter (ә → а …). */
export function foldWord(word: string, fold: Readonly<Record<string, string>>): string {
  let out = '';
  for (const ch of word.toLowerCase()) out += fold[ch] ?? ch;
  return out;
}

interface Counts {
  readonly pairs: Map<string, number>;
  readonly from: Map<string, number>;
}

function countPairs(lines: readonly string[], fold: Readonly<Record<string, string>>): Counts {
  const pairs = new Map<string, number>();
  const from = new Map<string, number>();
  for (const line of lines) {
    for (const word of foldWord(line, fold).match(/[а-яё]+/gu) ?? []) {
      const framed = WORD_EDGE + word + WORD_EDGE;
      for (let i = 0; i + 1 < framed.length; i++) {
        const pair = framed.slice(i, i + 2);
        pairs.set(pair, (pairs.get(pair) ?? 0) + 1);
        from.set(framed[i]!, (from.get(framed[i]!) ?? 0) + 1);
      }
    }
  }
  return { pairs, from };
}

/**
 * Log ratios ln P_first(b | a) / P_second(b | a) of the letter pairs `ab` that tell `first` from
 * `second` (both texts folded by `fold`), rounded to two decimals, keys in code-unit order.
 */
export function trainLetterPairs(first: readonly string[], second: readonly string[], fold: Readonly<Record<string, string>>, training: LetterPairTraining): Record<string, number> {
  const a = countPairs(first, fold);
  const b = countPairs(second, fold);
  const k = training.smoothing;
  const size = LETTERS_AND_EDGE.length;
  const ratios: Record<string, number> = {};
  for (const x of [...LETTERS_AND_EDGE].sort()) {
    for (const y of [...LETTERS_AND_EDGE].sort()) {
      const pair = x + y;
      const ca = a.pairs.get(pair) ?? 0;
      const cb = b.pairs.get(pair) ?? 0;
      if (ca + cb < training.minCount) continue;
      const ratio = Math.log(((ca + k) / ((a.from.get(x) ?? 0) + k * size)) / ((cb + k) / ((b.from.get(x) ?? 0) + k * size)));
      if (Math.abs(ratio) >= training.minRatio) ratios[pair] = Math.round(ratio * 100) / 100;
    }
  }
  return ratios;
}

/** The sum of the ratios of a folded word's letter pairs, its edges included (unknown pairs: 0). */
export function letterPairSum(ratios: ReadonlyMap<string, number>, folded: string): number {
  const framed = WORD_EDGE + folded + WORD_EDGE;
  let sum = 0;
  for (let i = 0; i + 1 < framed.length; i++) sum += ratios.get(framed.slice(i, i + 2)) ?? 0;
  return sum;
}

/** The number of letter pairs {@link letterPairSum} reads in a word of `length` code units. */
export function letterPairCount(length: number): number {
  return length + 1;
}

/** A line's evidence from its pairs' `sum` over `count` pairs: the sum over √count (0 for none). */
export function letterPairEvidence(sum: number, count: number): number {
  return count > 0 ? sum / Math.sqrt(count) : 0;
}
