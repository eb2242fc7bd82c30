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
  readonly rules: readonly PairRule[];
  /** The same for the last word of a sentence only. */
  readonly finalRules: readonly PairRule[];
  /** Word → its signed score by `rules` (see {@link pairWordScore}). */
  readonly words: Map<string, number>;
}

interface PairRule {
  readonly pattern: RegExp;
  readonly weight: number;
}

type PairSpec = NonNullable<IdentificationFile['plain_pairs']>[number];

/** The pairs whose two languages are both among `candidates` (codes in candidate order). */
export function compilePlainPairs(specs: readonly PairSpec[] | undefined, candidates: readonly LanguageCode[]): PlainPair[] {
  const pairs: PlainPair[] = [];
  for (const spec of specs ?? []) {
    const first = candidates.indexOf(spec.languages[0]);
    const second = candidates.indexOf(spec.languages[1]);
    if (first < 0 || second < 0) continue;
    const rule = (m: PairSpec['markers'][number]): PairRule => ({ pattern: new RegExp(m.pattern, 'u'), weight: m.language === spec.languages[0] ? m.weight : -m.weight });
    const rules = spec.markers.filter((m) => m.position !== 'final').map(rule);
    const finalRules = spec.markers.filter((m) => m.position === 'final').map(rule);
    pairs.push({ first, second, margin: spec.margin, firstStage: spec.first_stage, rules, finalRules, words: new Map() });
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
