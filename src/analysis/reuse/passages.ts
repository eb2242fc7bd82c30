/**
 * Finding reused passages: seeds are k-grams of the evidence whose hash is a library fingerprint;
 * seeds of one item are chained when both positions advance together (any order of passages, any
 * number per item); between seeds the words are aligned (Myers diff with OCR-tolerant equality)
 * and each chain is extended outward word by word, resynchronising over small insertions,
 * deletions and substitutions. Pure and deterministic.
 */
import type { AlignmentOp } from './diff.js';
import { alignWords } from './diff.js';
import { kgramHashes } from './fingerprint.js';
import type { FingerprintIndex } from './index-data.js';
import { postingsOf } from './index-data.js';
import { similarWords } from './similar.js';

/** How passages are searched and which are kept. */
export interface PassageOptions {
  /** A passage is kept when it spans at least this many words on one side (default 40). */
  readonly minWords: number;
  /** Largest gap, in words on either side, between two seeds of one chain (default 100). */
  readonly maxGap: number;
  /** Fingerprints found in more places of the library than this are too common to seed (default 64). */
  readonly maxPostings: number;
  /** Least share of a passage's longer side that must be paired words (default 0.6). */
  readonly minSameShare: number;
  /** More unpaired words in a row than this (on either side) end a passage (default 12). */
  readonly maxUnpairedRun: number;
}

/** Defaults of {@link PassageOptions}. */
export const DEFAULT_PASSAGE_OPTIONS: PassageOptions = { minWords: 40, maxGap: 100, maxPostings: 64, minSameShare: 0.6, maxUnpairedRun: 12 };

/** One reused passage: half-open word ranges in the evidence text and in library item `item`. */
export interface WordPassage {
  readonly item: number;
  readonly evidenceWords: readonly [number, number];
  readonly itemWords: readonly [number, number];
  /** Words paired as the same word (exactly or within OCR-noise distance). */
  readonly sameWords: number;
  /** The alignment, word by word, from the first to the last paired word. */
  readonly ops: readonly AlignmentOp[];
}

interface Seed {
  readonly q: number;
  readonly l: number;
}

/** Seeds per item: evidence k-grams whose hash is one of the item's fingerprints. */
function collectSeeds(evidenceKeys: readonly string[], index: FingerprintIndex, maxPostings: number): Map<number, Seed[]> {
  const seeds = new Map<number, Seed[]>();
  const hashes = kgramHashes(evidenceKeys, index.parameters.k);
  for (let q = 0; q < hashes.length; q++) {
    const [from, to] = postingsOf(index, hashes[q]!);
    if (to - from > maxPostings) continue;
    for (let slot = from; slot < to; slot++) {
      const item = index.items[slot]!;
      let list = seeds.get(item);
      if (!list) seeds.set(item, (list = []));
      list.push({ q, l: index.positions[slot]! });
    }
  }
  return seeds;
}

/** Groups seeds (sorted by evidence position) into chains that advance on both sides. */
function chainSeeds(seeds: readonly Seed[], maxGap: number): Seed[][] {
  const done: Seed[][] = [];
  let active: Seed[][] = [];
  for (const seed of seeds) {
    active = active.filter((chain) => {
      const open = seed.q - chain[chain.length - 1]!.q <= maxGap;
      if (!open) done.push(chain);
      return open;
    });
    let best: Seed[] | undefined;
    let bestDistance = Infinity;
    for (const chain of active) {
      const tail = chain[chain.length - 1]!;
      const dq = seed.q - tail.q;
      const dl = seed.l - tail.l;
      if (dq <= 0 || dl <= 0 || dl > maxGap || Math.abs(dq - dl) > maxGap / 2) continue;
      if (dq + dl < bestDistance) {
        best = chain;
        bestDistance = dq + dl;
      }
    }
    if (best) best.push(seed);
    else active.push([seed]);
  }
  return [...done, ...active];
}

/** Aligns a chain from its first seed to the end of its last one. */
function alignChain(chain: readonly Seed[], q: readonly string[], l: readonly string[], k: number): { ops: AlignmentOp[]; endQ: number; endL: number } {
  const ops: AlignmentOp[] = [];
  let cq = chain[0]!.q;
  let cl = chain[0]!.l;
  for (const seed of chain) {
    if (seed.q >= cq && seed.l >= cl) {
      ops.push(...alignWords(q, cq, seed.q, l, cl, seed.l, similarWords));
      cq = seed.q;
      cl = seed.l;
    } else if (seed.q - cq !== seed.l - cl) continue;
    for (; cq < seed.q + k; cq++, cl++) ops.push({ kind: 'same', a: cq, b: cl });
  }
  return { ops, endQ: cq, endL: cl };
}

// Ways to step over a difference, tried in order: substitution, insertion, deletion, then two,
// then blocks of three and four words of which some are hit by OCR noise.
const RESYNC: ReadonlyArray<readonly [number, number]> = [[1, 1], [1, 0], [0, 1], [2, 2], [2, 0], [0, 2], [2, 1], [1, 2], [3, 3], [4, 4]];
const RESYNC_CONFIRM = 2;

/**
 * Extends an alignment from (`q0`, `l0`) in direction `step` (+1 forward, -1 backward) while the
 * words pair up, stepping over a small difference when the next two words pair again. Returns the
 * ops in the order they were walked and the new boundary.
 */
function extend(q: readonly string[], l: readonly string[], q0: number, l0: number, step: 1 | -1): { ops: AlignmentOp[]; q: number; l: number } {
  // Forward, (cq, cl) is the next pair to look at; backward, the pair just before is (cq-1, cl-1).
  const at = (keys: readonly string[], cursor: number, ahead: number): string | undefined => keys[step === 1 ? cursor + ahead : cursor - 1 - ahead];
  const ops: AlignmentOp[] = [];
  let cq = q0;
  let cl = l0;
  const pairs = (dq: number, dl: number, count: number): boolean => {
    for (let i = 0; i < count; i++) {
      const a = at(q, cq, dq + i);
      const b = at(l, cl, dl + i);
      if (a === undefined || b === undefined || !similarWords(a, b)) return false;
    }
    return true;
  };
  for (;;) {
    if (pairs(0, 0, 1)) {
      const a = step === 1 ? cq : cq - 1;
      const b = step === 1 ? cl : cl - 1;
      ops.push({ kind: 'same', a, b });
      cq += step;
      cl += step;
      continue;
    }
    const skip = RESYNC.find(([dq, dl]) => pairs(dq, dl, RESYNC_CONFIRM));
    if (!skip) break;
    // Inside a block of equal length, words that still pair are paired, the others marked.
    const paired = skip[0] === skip[1];
    for (let i = 0; i < Math.max(skip[0], skip[1]); i++) {
      const a = step === 1 ? cq : cq - 1;
      const b = step === 1 ? cl : cl - 1;
      if (paired && pairs(0, 0, 1)) ops.push({ kind: 'same', a, b });
      else {
        if (i < skip[0]) ops.push({ kind: 'only-a', a });
        if (i < skip[1]) ops.push({ kind: 'only-b', b });
      }
      if (i < skip[0]) cq += step;
      if (i < skip[1]) cl += step;
    }
  }
  return { ops, q: cq, l: cl };
}

/**
 * Cuts an alignment where more than `maxRun` words in a row on either side are unpaired: text put
 * between two reused passages is a boundary, not a difference. Each piece starts and ends with a
 * paired word.
 */
export function splitAtGaps(ops: readonly AlignmentOp[], maxRun: number): AlignmentOp[][] {
  const pieces: AlignmentOp[][] = [];
  let piece: AlignmentOp[] = [];
  let pending: AlignmentOp[] = [];
  let onlyA = 0;
  let onlyB = 0;
  for (const op of ops) {
    if (op.kind !== 'same') {
      pending.push(op);
      if (op.kind === 'only-a') onlyA++;
      else onlyB++;
      continue;
    }
    if (Math.max(onlyA, onlyB) > maxRun && piece.length > 0) {
      pieces.push(piece);
      piece = [];
    } else if (piece.length > 0) piece.push(...pending);
    piece.push(op);
    pending = [];
    onlyA = 0;
    onlyB = 0;
  }
  if (piece.length > 0) pieces.push(piece);
  return pieces;
}

/** The passages a chain grows into that are long and close enough to keep. */
function passagesOf(item: number, chain: readonly Seed[], q: readonly string[], l: readonly string[], k: number, options: PassageOptions): WordPassage[] {
  const middle = alignChain(chain, q, l, k);
  const before = extend(q, l, chain[0]!.q, chain[0]!.l, -1);
  const after = extend(q, l, middle.endQ, middle.endL, 1);
  const kept: WordPassage[] = [];
  for (const ops of splitAtGaps([...before.ops.reverse(), ...middle.ops, ...after.ops], options.maxUnpairedRun)) {
    const first = ops[0] as Extract<AlignmentOp, { kind: 'same' }>;
    const last = ops[ops.length - 1] as Extract<AlignmentOp, { kind: 'same' }>;
    const sameWords = ops.filter((op) => op.kind === 'same').length;
    const evidenceWords: [number, number] = [first.a, last.a + 1];
    const itemWords: [number, number] = [first.b, last.b + 1];
    const longer = Math.max(evidenceWords[1] - evidenceWords[0], itemWords[1] - itemWords[0]);
    if (longer >= options.minWords && sameWords >= options.minSameShare * longer) kept.push({ item, evidenceWords, itemWords, sameWords, ops });
  }
  return kept;
}

function overlaps(a: readonly [number, number], b: readonly [number, number]): boolean {
  return a[0] < b[1] && b[0] < a[1];
}

/**
 * Every passage of the evidence words that reproduces a passage of a library item. `itemKeys`
 * returns an item's word keys (called once per item that has seeds). Passages of one item that
 * overlap on both sides are one passage: the one with more paired words is kept. Sorted by
 * evidence start, then item, then item start.
 */
export function findPassages(evidenceKeys: readonly string[], index: FingerprintIndex, itemKeys: (item: number) => readonly string[], options: PassageOptions = DEFAULT_PASSAGE_OPTIONS): WordPassage[] {
  const k = index.parameters.k;
  const found: WordPassage[] = [];
  const seedsByItem = [...collectSeeds(evidenceKeys, index, options.maxPostings)].sort((a, b) => a[0] - b[0]);
  for (const [item, seeds] of seedsByItem) {
    const keys = itemKeys(item);
    const verified = seeds.filter((s) => evidenceKeys.slice(s.q, s.q + k).every((key, i) => key === keys[s.l + i]));
    verified.sort((a, b) => a.q - b.q || a.l - b.l);
    const candidates = chainSeeds(verified, options.maxGap)
      .flatMap((chain) => passagesOf(item, chain, evidenceKeys, keys, k, options))
      .sort((a, b) => b.sameWords - a.sameWords || a.evidenceWords[0] - b.evidenceWords[0] || a.itemWords[0] - b.itemWords[0]);
    const kept: WordPassage[] = [];
    for (const candidate of candidates) {
      if (!kept.some((p) => overlaps(p.evidenceWords, candidate.evidenceWords) && overlaps(p.itemWords, candidate.itemWords))) kept.push(candidate);
    }
    found.push(...kept);
  }
  return found.sort((a, b) => a.evidenceWords[0] - b.evidenceWords[0] || a.item - b.item || a.itemWords[0] - b.itemWords[0]);
}

/** Share (0–1) of `total` words covered by the union of `ranges`. */
export function coveredShare(ranges: ReadonlyArray<readonly [number, number]>, total: number): number {
  if (total === 0) return 0;
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let covered = 0;
  let reach = 0;
  for (const [start, end] of sorted) {
    const from = Math.max(start, reach);
    if (end > from) covered += end - from;
    reach = Math.max(reach, end);
  }
  return covered / total;
}
