/**
 * The second stage of language identification for two neighbours that look alike when typed on a
 * Russian keyboard (`plain_pairs` in `sop/language/identification.yaml`; round 15: Kyrgyz and
 * Kazakh). Typed without Kazakh's own letters (ә ғ қ ұ һ і), a Kazakh line is nearer franc's Kyrgyz
 * trigram model than its own, and a Kazakh plain model drew Kyrgyz lines to Kazakh (round 14). What
 * still tells them apart are words and sound rules that survive plain typing (Kazakh емес, маған,
 * -мыз, кеш for Kyrgyz эмес, мага, -быз, кеч; Kyrgyz long vowels and labial harmony): their sum
 * decides between the two, and below the pair's margin the first answer stands.
 */
import type { IdentificationFile } from './data.js';
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
  readonly rules: ReadonlyArray<{ readonly pattern: RegExp; readonly weight: number }>;
  /** Word → its signed score (see {@link pairWordScore}). */
  readonly words: Map<string, number>;
}

type PairSpec = NonNullable<IdentificationFile['plain_pairs']>[number];

/** The pairs whose two languages are both among `candidates` (codes in candidate order). */
export function compilePlainPairs(specs: readonly PairSpec[] | undefined, candidates: readonly LanguageCode[]): PlainPair[] {
  const pairs: PlainPair[] = [];
  for (const spec of specs ?? []) {
    const first = candidates.indexOf(spec.languages[0]);
    const second = candidates.indexOf(spec.languages[1]);
    if (first < 0 || second < 0) continue;
    const rules = spec.markers.map((m) => ({ pattern: new RegExp(m.pattern, 'u'), weight: m.language === spec.languages[0] ? m.weight : -m.weight }));
    pairs.push({ first, second, margin: spec.margin, firstStage: spec.first_stage, rules, words: new Map() });
  }
  return pairs;
}

// Bounded like the identifier's word cache; clearing it changes speed, never results.
const PAIR_WORD_CACHE_LIMIT = 50_000;

/** Signed evidence of one lower-case word: every matching rule counts once. */
export function pairWordScore(pair: PlainPair, word: string): number {
  const hit = pair.words.get(word);
  if (hit !== undefined) return hit;
  let score = 0;
  for (const rule of pair.rules) if (rule.pattern.test(word)) score += rule.weight;
  if (pair.words.size >= PAIR_WORD_CACHE_LIMIT) pair.words.clear();
  pair.words.set(word, score);
  return score;
}

/**
 * The pair's signed evidence on a block: its words' evidence `words` plus the first stage's score
 * gap `gap` (first language minus second), weighted.
 */
export function pairEvidence(pair: PlainPair, words: number, gap: number): number {
  return words + pair.firstStage * gap;
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
