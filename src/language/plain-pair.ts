/**
 * The second stage of language identification for two neighbours that look alike when typed on a
 * Russian keyboard (`plain_pairs` in `sop/language/identification.yaml`; round 15: Kyrgyz and
 * Kazakh). Typed without Kazakh's own letters (ә ғ қ ұ һ і), a Kazakh line is nearer franc's Kyrgyz
 * trigram model than its own, and a Kazakh plain model drew Kyrgyz lines to Kazakh (round 14). What
 * still tells them apart are words and sound rules that survive plain typing (Kazakh емес, маған,
 * -мыз, кеш for Kyrgyz эмес, мага, -быз, кеч; Kyrgyz long vowels and labial harmony): their sum
 * decides between the two, and below the pair's margin the first answer stands. Round 17: a pair may
 * also weigh its letter-pair model (`letter-pairs.ts`), for lines that carry none of those words.
 */
import type { IdentificationFile } from './data.js';
import { foldWord, letterPairEvidence, letterPairSum } from './letter-pairs.js';
import type { LanguageCode } from './types.js';

/** One pair as the identifier uses it, for the candidates of one script. */
export interface PlainPair {
  /** Candidate indexes of the pair's first and second language. */
  readonly first: number;
  readonly second: number;
  readonly margin: number;
  /** Weight of the first stage's score gap between the two in the decision. */
  readonly firstStage: number;
  /** Patterns with their signed weight: positive counts for the first language, negative for the second. */
  readonly rules: readonly PairRule[];
  /** The same for the last word of a sentence only. */
  readonly finalRules: readonly PairRule[];
  /** Word → its signed score by `rules` (see {@link pairWordScore}). */
  readonly words: Map<string, number>;
  /** The letter-pair model (`letter_pairs`), or undefined: the pair weighs words only. */
  readonly letters: LetterModel | undefined;
}

interface LetterModel {
  readonly weight: number;
  /** Letter pair → log ratio, first language over second. */
  readonly ratios: ReadonlyMap<string, number>;
  /** Both languages' own letters → the Russian-keyboard letters typed for them. */
  readonly fold: Readonly<Record<string, string>>;
  /** Word → the sum of its letter pairs' ratios (see {@link pairLetterSum}). */
  readonly sums: Map<string, number>;
}

/** A candidate of one script as a pair needs it: its code and its `plain_keyboard`. */
export interface PairCandidate {
  readonly code: LanguageCode;
  readonly plain: Readonly<Record<string, string>> | undefined;
}

interface PairRule {
  readonly pattern: RegExp;
  readonly weight: number;
}

type PairSpec = NonNullable<IdentificationFile['plain_pairs']>[number];

/** The pairs whose two languages are both among `candidates` (in candidate order). */
export function compilePlainPairs(specs: readonly PairSpec[] | undefined, candidates: readonly PairCandidate[]): PlainPair[] {
  const pairs: PlainPair[] = [];
  const codes = candidates.map((c) => c.code);
  for (const spec of specs ?? []) {
    const first = codes.indexOf(spec.languages[0]);
    const second = codes.indexOf(spec.languages[1]);
    if (first < 0 || second < 0) continue;
    const rule = (m: PairSpec['markers'][number]): PairRule => ({ pattern: new RegExp(m.pattern, 'u'), weight: m.language === spec.languages[0] ? m.weight : -m.weight });
    const rules = spec.markers.filter((m) => m.position !== 'final').map(rule);
    const finalRules = spec.markers.filter((m) => m.position === 'final').map(rule);
    const model = spec.letter_pairs;
    const letters = model && {
      weight: model.weight,
      ratios: new Map(Object.entries(model.ratios)),
      fold: { ...candidates[second]!.plain, ...candidates[first]!.plain },
      sums: new Map<string, number>(),
    };
    pairs.push({ first, second, margin: spec.margin, firstStage: spec.first_stage, rules, finalRules, words: new Map(), letters });
  }
  return pairs;
}

// Bounded like the identifier's word cache; clearing it changes speed, never results.
const PAIR_WORD_CACHE_LIMIT = 50_000;

function ruleSum(rules: readonly PairRule[], word: string): number {
  let score = 0;
  for (const rule of rules) if (rule.pattern.test(word)) score += rule.weight;
  return score;
}

/** Signed evidence of one lower-case word (`final`: it ends a sentence): every matching rule counts once. */
export function pairWordScore(pair: PlainPair, word: string, final: boolean): number {
  const last = final && pair.finalRules.length > 0 ? ruleSum(pair.finalRules, word) : 0;
  const hit = pair.words.get(word);
  if (hit !== undefined) return hit + last;
  const score = ruleSum(pair.rules, word);
  if (pair.words.size >= PAIR_WORD_CACHE_LIMIT) pair.words.clear();
  pair.words.set(word, score);
  return score + last;
}

/**
 * The sum of a lower-case word's letter-pair ratios (signed for the first language) after folding
 * both languages' own letters as typed plainly; 0 without a letter model.
 */
export function pairLetterSum(pair: PlainPair, word: string): number {
  const model = pair.letters;
  if (!model) return 0;
  const hit = model.sums.get(word);
  if (hit !== undefined) return hit;
  const sum = letterPairSum(model.ratios, foldWord(word, model.fold));
  if (model.sums.size >= PAIR_WORD_CACHE_LIMIT) model.sums.clear();
  model.sums.set(word, sum);
  return sum;
}

/** What a block gave a pair: its words' rule evidence and its letter pairs' summed ratios and number. */
export interface PairTally {
  words: number;
  letterSum: number;
  letterCount: number;
}

/**
 * The pair's signed evidence on a block: its words' evidence, its letter pairs' evidence (weighted)
 * and the first stage's score gap `gap` (first language minus second), weighted.
 */
export function pairEvidence(pair: PlainPair, tally: PairTally, gap: number): number {
  const letters = pair.letters ? pair.letters.weight * letterPairEvidence(tally.letterSum, tally.letterCount) : 0;
  return tally.words + letters + pair.firstStage * gap;
}

/**
 * The pair's decision on signed evidence `score` (positive: the first language): the candidate
 * index it chooses, or −1 when the evidence is below the margin (the first answer stands).
 */
export function pairChoice(pair: PlainPair, score: number): number {
  if (score >= pair.margin) return pair.first;
  if (score <= -pair.margin) return pair.second;
  return -1;
}
