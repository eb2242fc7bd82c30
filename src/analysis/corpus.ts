/**
 * Corpus tools as AntConc users know them: word list, n-grams, KWIC concordance, collocates,
 * keyness against a reference corpus, dispersion. All pure, over selected segments
 * (`selectSegments`). Items are normalised word forms (lower-cased, homoglyph- and spelling-folded),
 * or stems when `lemma` is set (stemmed through the language layer in each segment's language).
 * Counts are of word tokens only (no numbers, punctuation, URLs or emoji). Numbers in results are
 * rounded to 6 decimals so output bytes do not depend on the last floating-point digit.
 */
import { compareCodeUnits } from '../core/canonical-json.js';
import type { Range } from '../core/document.js';
import type { LanguageCode } from '../language/index.js';
import { identifyLanguage, normaliseForMatching } from '../language/index.js';
import type { SegmentRef } from './filters.js';
import { foldSpelling, wordStem } from './matcher.js';
import { detachedData, detachedString } from './detached.js';
import { SegmentFacts } from './segment-facts.js';
import type { SegmentWords } from './segment-words.js';
import { BREAK_BEFORE } from './segment-words.js';
import { WORDS } from './word-table.js';
import { GramCounts } from './gram-counts.js';
import { chiSquareFreeLL, logLikelihood2x2, logRatio, mutualInformation, round6, tScore } from './stats.js';

/** Options shared by the corpus tools. */
export interface CorpusOptions {
  /** Count stems instead of word forms (default false). */
  readonly lemma?: boolean;
  /** Per-segment facts (tokens, language) already computed in this run (shared with the other analyses). */
  readonly segmentFacts?: SegmentFacts;
}

/**
 * Word tokens of one segment as parallel arrays (no object per token): the item of each, and the
 * segment's prepared words for their offsets and boundaries (see {@link tokenRange},
 * {@link breakBefore}).
 */
export interface CorpusUnit {
  readonly ref: SegmentRef;
  /** The item of each word token, in order. */
  readonly items: readonly string[];
  readonly words: SegmentWords;
  /**
   * The memo slot the items were made in (the language, or '' for none): the item of a word is a
   * pure function of its interned id and this slot, so a {@link Vocabulary} may remember its id
   * per word instead of looking up the string per token. Absent: no such memo is kept.
   */
  readonly itemSlot?: string;
}

/** `[start, end)` of word token `i` of `unit` in the document text (UTF-16 code units). */
export function tokenRange(unit: CorpusUnit, i: number): Range {
  const start = unit.ref.segment.range[0];
  return [start + (unit.words.ranges[2 * i] as number), start + (unit.words.ranges[2 * i + 1] as number)];
}

/** Whether a sentence boundary (. ! ? … ; : or a line break) lies between word token `i` of `unit` and the one before. */
export function breakBefore(unit: CorpusUnit, i: number): boolean {
  return ((unit.words.flags[i] as number) & BREAK_BEFORE) !== 0;
}

/** Owner of the corpus-item memos (one per language, and one for no language). */
const ITEMS = {};

/**
 * Tokenises the selected segments once; every tool below takes the result. The item of each
 * distinct word is computed once per language for the whole run (a chat repeats the same few
 * thousand words), in a memo indexed by the word's interned id.
 */
export function corpusUnits(segments: readonly SegmentRef[], options: CorpusOptions = {}): CorpusUnit[] {
  const facts = options.segmentFacts ?? new SegmentFacts();
  return segments.map((ref) => {
    const [start, end] = ref.segment.range;
    const text = ref.doc.text.slice(start, end);
    let language: LanguageCode | undefined;
    if (options.lemma) {
      const guess = facts.language(ref.doc, ref.segment, text).language;
      language = guess === 'und' ? undefined : guess;
    }
    const words = facts.words(ref.doc, ref.segment, text);
    const itemSlot = language ?? '';
    const memo = WORDS.memo<string>(ITEMS, itemSlot);
    const items = new Array<string>(words.ids.length);
    for (let i = 0; i < items.length; i++) {
      const id = words.ids[i] as number;
      let item = memo.get(id);
      if (item === undefined) {
        const word = WORDS.textOf(id);
        item = detachedString(language ? wordStem(word, language) : foldSpelling(normaliseForMatching(word).normalised));
        memo.set(id, item);
      }
      items[i] = item;
    }
    return { ref, items, words, itemSlot };
  });
}

/** Normalises a query word the way corpus items are normalised (for KWIC and collocates). */
export function queryItem(word: string, options: CorpusOptions = {}): string {
  const folded = foldSpelling(normaliseForMatching(word).normalised);
  if (!options.lemma) return folded;
  const language = identifyLanguage(word).language;
  return language === 'und' ? folded : wordStem(word, language);
}

/** Item frequencies and the token total, added to part by part. */
export class FrequencyTally {
  readonly counts = new Map<string, number>();
  total = 0;

  add(units: readonly CorpusUnit[]): void {
    for (const unit of units) {
      for (const item of unit.items) this.counts.set(item, (this.counts.get(item) ?? 0) + 1);
      this.total += unit.items.length;
    }
  }

  /** The tally as data another thread can receive (see {@link merge}). */
  state(): FrequencyTallyState {
    return { counts: this.counts, total: this.total };
  }

  /** Adds a tally of other tokens (another worker's): the same as having added its units here. */
  merge(other: FrequencyTallyState): void {
    for (const [item, n] of other.counts) this.counts.set(item, (this.counts.get(item) ?? 0) + n);
    this.total += other.total;
  }
}

/** What {@link FrequencyTally.state} gives: structured-clonable. */
export interface FrequencyTallyState {
  readonly counts: ReadonlyMap<string, number>;
  readonly total: number;
}

function frequencies(units: readonly CorpusUnit[]): FrequencyTally {
  const tally = new FrequencyTally();
  tally.add(units);
  return tally;
}

function byFrequency<T extends { item: string; frequency: number }>(a: T, b: T): number {
  return b.frequency - a.frequency || compareCodeUnits(a.item, b.item);
}

/** A row of a frequency list. `range` = number of documents the item occurs in. */
export interface FrequencyRow {
  readonly item: string;
  readonly frequency: number;
  /** Occurrences per 1000 word tokens. */
  readonly per1000: number;
  readonly range: number;
}

/** Word list: token and type counts, type-token ratio and each item's frequency. */
export function wordList(units: readonly CorpusUnit[]): { tokens: number; types: number; typeTokenRatio: number; rows: FrequencyRow[] } {
  return wordListOf(countByDocument(units, 1, Infinity).table(1));
}

/** The word list of a unigram table. */
export function wordListOf(table: NgramTable): { tokens: number; types: number; typeTokenRatio: number; rows: FrequencyRow[] } {
  return { tokens: table.total, types: table.types, typeTokenRatio: table.total === 0 ? 0 : round6(table.types / table.total), rows: table.rows };
}

/**
 * N-grams of `n` word tokens (1–5) that do not cross sentence or segment boundaries, with
 * frequency ≥ `minFrequency` (default 2 for n > 1, else 1), at most `limit` rows (most frequent first).
 */
export function ngrams(units: readonly CorpusUnit[], n: number, options: { minFrequency?: number; limit?: number } = {}): { n: number; total: number; rows: FrequencyRow[] } {
  const { total, rows } = countByDocument(units, n, Infinity).table(options.minFrequency ?? (n > 1 ? 2 : 1), options.limit);
  return { n, total, rows };
}

function countByDocument(units: readonly CorpusUnit[], n: number, maxDistinct: number): NgramCounter {
  const counter = new NgramCounter(n, new Vocabulary(), maxDistinct);
  for (const group of unitsByDocument(units)) counter.addDocument(group);
  return counter;
}

/** Items as small integers, so counting builds no string per n-gram. */
export class Vocabulary {
  private readonly ids = new Map<string, number>();
  private readonly items: string[] = [];

  /**
   * The ids of a unit's items, in token order. A unit that says its item slot has its ids looked
   * up per interned word (the item is a function of the word and the slot); the first token of a
   * word still interns its item, in token order, so the ids are those of a look-up per token.
   */
  idsOf(unit: CorpusUnit): Int32Array {
    const { items } = unit;
    const ids = new Int32Array(items.length);
    const words = unit.words.ids;
    const memo = unit.itemSlot === undefined ? undefined : WORDS.memo<number>(this, unit.itemSlot);
    for (let i = 0; i < ids.length; i++) {
      const word = words[i] as number;
      let id = memo?.get(word);
      if (id === undefined) {
        id = this.idOf(items[i] as string);
        memo?.set(word, id);
      }
      ids[i] = id;
    }
    return ids;
  }

  idOf(item: string): number {
    let id = this.ids.get(item);
    if (id === undefined) {
      id = this.items.length;
      this.ids.set(item, id);
      this.items.push(item);
    }
    return id;
  }

  item(id: number): string {
    return this.items[id] as string;
  }

  /** Every item, by id. */
  all(): readonly string[] {
    return this.items;
  }

  /** This vocabulary's id of each item of `items` (another vocabulary's, by its ids). */
  idsFrom(items: readonly string[]): Int32Array {
    const ids = new Int32Array(items.length);
    for (let i = 0; i < ids.length; i++) ids[i] = this.idOf(items[i] as string);
    return ids;
  }
}

/** What an n-gram counter holds at the end: rows kept, and whether a cap pruned it. */
export interface NgramTable {
  /** N-grams counted (tokens for n = 1). */
  readonly total: number;
  /** Distinct n-grams held at the end. */
  readonly types: number;
  readonly rows: FrequencyRow[];
  /**
   * Set when the table grew past its cap of distinct n-grams and the rarest were dropped: every
   * n-gram seen at most this often at a pruning was forgotten, so a row's frequency and range may
   * be too low by up to this much, and an n-gram may be missing.
   */
  readonly prunedAtOrBelow?: number;
}

/** What {@link NgramCounter.state} gives: structured-clonable, ids relative to `items`. */
export interface NgramCounterState {
  readonly n: number;
  readonly items: readonly string[];
  readonly total: number;
  readonly prunedAtOrBelow: number;
  /** `n` item ids per n-gram, n-gram after n-gram. */
  readonly grams: Int32Array;
  readonly frequency: Int32Array;
  readonly range: Int32Array;
}

/**
 * Counts the n-grams of one size document by document, as item ids in a typed table
 * ({@link GramCounts}: no string or object per n-gram); an n-gram's range grows when its last
 * document differs from the current one, so no set of documents per n-gram. With a cap
 * (`maxDistinct`), when more distinct n-grams are held after a document, the rarest are dropped
 * until half the cap remains (see {@link NgramTable}).
 */
export class NgramCounter {
  private readonly counts: GramCounts;
  private total = 0;
  private documents = 0;
  private prunedAtOrBelow = 0;

  constructor(
    readonly n: number,
    private readonly vocabulary: Vocabulary,
    private readonly maxDistinct: number,
  ) {
    if (!Number.isInteger(n) || n < 1 || n > 5) throw new RangeError(`n-gram size must be 1..5, got ${n}`);
    this.counts = new GramCounts(n);
  }

  /** Counts the n-grams of one document's units (each document in one call). */
  addDocument(units: readonly CorpusUnit[], ids: readonly Int32Array[] = units.map((unit) => this.vocabulary.idsOf(unit))): void {
    const { n, counts } = this;
    const document = this.documents++;
    units.forEach((unit, u) => {
      const unitIds = ids[u] as Int32Array;
      for (let i = 0; i + n <= unit.items.length; i++) {
        let crosses = false;
        for (let k = 1; k < n && !crosses; k++) crosses = breakBefore(unit, i + k);
        if (crosses) continue;
        this.total++;
        counts.count(unitIds, i, document);
      }
    });
    if (counts.size > this.maxDistinct) this.prune();
  }

  /** The rows with frequency ≥ `minFrequency`, most frequent first, at most `limit`. */
  table(minFrequency: number, limit?: number): NgramTable {
    const { counts } = this;
    const rows: FrequencyRow[] = [];
    for (let e = 0; e < counts.size; e++) {
      const frequency = counts.frequency(e);
      if (frequency >= minFrequency) rows.push({ item: this.textOf(e), frequency, per1000: this.total === 0 ? 0 : round6((frequency * 1000) / this.total), range: counts.range(e) });
    }
    rows.sort(byFrequency);
    return { total: this.total, types: counts.size, rows: limit !== undefined ? rows.slice(0, limit) : rows, ...(this.prunedAtOrBelow > 0 ? { prunedAtOrBelow: this.prunedAtOrBelow } : {}) };
  }

  /**
   * The counts as data another thread can receive: each n-gram as its items' ids in `items`
   * (`n` ids an n-gram, flattened), with its frequency and range.
   */
  state(): NgramCounterState {
    return { n: this.n, items: this.vocabulary.all(), total: this.total, prunedAtOrBelow: this.prunedAtOrBelow, ...this.counts.arrays() };
  }

  /**
   * Adds the counts of other documents (another worker's counter of the same size): frequencies,
   * ranges and totals add up, so the table is the one a single counter fed every document gives.
   * Past the cap, the rarest are dropped as after a document (then the forgotten n-grams depend on
   * how the documents were grouped; `prunedAtOrBelow` bounds them either way).
   */
  merge(other: NgramCounterState): void {
    if (other.n !== this.n) throw new RangeError(`cannot merge ${other.n}-grams into ${this.n}-grams`);
    const ids = this.vocabulary.idsFrom(other.items);
    const grams = other.grams.map((id) => ids[id] as number);
    for (let e = 0; e < other.frequency.length; e++) this.counts.add(grams, e * this.n, other.frequency[e] as number, other.range[e] as number);
    this.total += other.total;
    this.prunedAtOrBelow = Math.max(this.prunedAtOrBelow, other.prunedAtOrBelow);
    if (this.counts.size > this.maxDistinct) this.prune();
  }

  /** The items of entry `e`, joined by spaces. */
  private textOf(e: number): string {
    const items: string[] = [];
    for (let k = 0; k < this.n; k++) items.push(this.vocabulary.item(this.counts.id(e, k)));
    return items.join(' ');
  }

  /** Drops the rarest n-grams (every one at or below a frequency) until at most half the cap remain. */
  private prune(): void {
    const { counts } = this;
    const byFrequency = new Map<number, number>();
    for (let e = 0; e < counts.size; e++) byFrequency.set(counts.frequency(e), (byFrequency.get(counts.frequency(e)) ?? 0) + 1);
    let remaining = counts.size;
    let threshold = 0;
    for (const frequency of [...byFrequency.keys()].sort((a, b) => a - b)) {
      if (remaining <= this.maxDistinct / 2) break;
      remaining -= byFrequency.get(frequency) as number;
      threshold = frequency;
    }
    counts.retain((frequency) => frequency > threshold);
    this.prunedAtOrBelow = Math.max(this.prunedAtOrBelow, threshold);
  }
}

/** The units grouped by document id, in order of each document's first unit. */
function unitsByDocument(units: readonly CorpusUnit[]): CorpusUnit[][] {
  return [...groupUnits(units, (unit) => unit.ref.doc.id).values()];
}

function groupUnits(units: readonly CorpusUnit[], keyOf: (unit: CorpusUnit) => string): Map<string, CorpusUnit[]> {
  const groups = new Map<string, CorpusUnit[]>();
  for (const unit of units) {
    const key = keyOf(unit);
    const group = groups.get(key);
    if (group) group.push(unit);
    else groups.set(key, [unit]);
  }
  return groups;
}

/** One concordance line; `left`/`right` are document text cut at the segment bounds. */
export interface KwicLine {
  readonly documentId: string;
  readonly evidenceName: string;
  readonly segmentId: string;
  readonly messageId?: string;
  readonly author?: string;
  /** `[start, end)` of the keyword in the document text. */
  readonly range: Range;
  readonly left: string;
  readonly keyword: string;
  readonly right: string;
}

/**
 * KWIC concordance of `query` (a word; compared as a normalised form, or a stem with `lemma`),
 * with `window` word tokens of context on each side (default 7), in document order.
 */
export function kwic(units: readonly CorpusUnit[], query: string, options: CorpusOptions & { window?: number } = {}): KwicLine[] {
  const target = queryItem(query, options);
  const window = options.window ?? 7;
  return units.flatMap((unit) => kwicLines(unit, target, window));
}

function kwicLines(unit: CorpusUnit, target: string, window: number): KwicLine[] {
  const { doc, segment } = unit.ref;
  const [segStart, segEnd] = segment.range;
  const lines: KwicLine[] = [];
  unit.items.forEach((item, i) => {
    if (item !== target) return;
    const range = tokenRange(unit, i);
    const leftStart = tokenRange(unit, Math.max(0, i - window))[0];
    const rightEnd = tokenRange(unit, Math.min(unit.items.length - 1, i + window))[1];
    const author = segment.message?.author.name ?? segment.author;
    lines.push({
      documentId: doc.id,
      evidenceName: doc.evidenceName,
      segmentId: segment.id,
      ...(segment.anchor.messageId !== undefined ? { messageId: segment.anchor.messageId } : {}),
      ...(author !== undefined ? { author } : {}),
      range,
      left: doc.text.slice(Math.max(segStart, leftStart), range[0]).replace(/\s+/g, ' '),
      keyword: doc.text.slice(range[0], range[1]),
      right: doc.text.slice(range[1], Math.min(segEnd, rightEnd)).replace(/\s+/g, ' '),
    });
  });
  return lines;
}

/** One document's concordance lines, as a {@link KwicTally} holds them. */
export interface KwicGroup {
  readonly evidenceName: string;
  readonly documentId: string;
  readonly lines: readonly KwicLine[];
}

/**
 * The first `limit` concordance lines of a query in reading order (evidence name, document id),
 * gathered document by document in any order: only the lines that can still be among the first
 * `limit` are held, so a huge case keeps at most `limit` lines plus one document's.
 */
export class KwicTally {
  private readonly target: string;
  private groups: KwicGroup[] = [];

  constructor(
    readonly query: string,
    options: CorpusOptions,
    private readonly window: number,
    private readonly limit: number,
  ) {
    this.target = queryItem(query, options);
  }

  /** Adds the lines of one document's units (each document in one call). */
  addDocument(units: readonly CorpusUnit[]): void {
    const first = units[0];
    if (!first) return;
    const lines = units.flatMap((unit) => kwicLines(unit, this.target, this.window));
    if (lines.length === 0) return;
    this.hold([{ evidenceName: first.ref.doc.evidenceName, documentId: first.ref.doc.id, lines: detachedData(lines) }]);
  }

  /** The lines held, by document, as data another thread can receive. */
  state(): readonly KwicGroup[] {
    return this.groups;
  }

  /** Adds the lines another tally (of other documents) held: the first `limit` come out as if one tally saw all. */
  merge(other: readonly KwicGroup[]): void {
    this.hold(other);
  }

  /** Puts `groups` among the held ones in reading order and drops those that can no longer be among the first `limit` lines. */
  private hold(groups: readonly KwicGroup[]): void {
    const order = (a: KwicGroup, b: KwicGroup) => compareCodeUnits(a.evidenceName, b.evidenceName) || compareCodeUnits(a.documentId, b.documentId);
    this.groups = [...this.groups, ...groups].sort(order);
    let held = this.groups.reduce((sum, g) => sum + g.lines.length, 0);
    while (this.groups.length > 1 && held - (this.groups[this.groups.length - 1] as KwicGroup).lines.length >= this.limit) held -= (this.groups.pop() as KwicGroup).lines.length;
  }

  lines(): KwicLine[] {
    return this.groups.flatMap((group) => group.lines).slice(0, this.limit);
  }
}

/** A collocate of the node word with its association measures. */
export interface CollocateRow {
  readonly item: string;
  /** Co-occurrences within the window (O11). */
  readonly observed: number;
  /** Expected co-occurrences under independence (E11 = R1·C1/N). */
  readonly expected: number;
  /** Frequency of the collocate in the whole corpus (C1). */
  readonly frequency: number;
  readonly logLikelihood: number;
  readonly mutualInformation: number;
  readonly tScore: number;
  readonly logRatio: number;
}

/**
 * Collocates of `node` within `left`/`right` word tokens (default 5/5, not crossing segments).
 * Contingency table per collocate c: O11 = c inside the node's windows, R1 = all tokens inside the
 * windows, C1 = frequency of c, N = corpus size. Measures: log-likelihood G² (Dunning 1993), MI =
 * log2(O11/E11) (Church & Hanks 1990), t-score = (O11−E11)/√O11, log ratio = log2 of the relative
 * frequency inside vs outside the windows with 0.5 for zero counts (Hardie 2014). Sorted by
 * log-likelihood, then item.
 */
export function collocates(units: readonly CorpusUnit[], node: string, options: CorpusOptions & { left?: number; right?: number; minFrequency?: number; limit?: number } = {}): CollocateTable {
  const tally = new CollocateTally(node, options, options.left ?? 5, options.right ?? 5);
  tally.add(units);
  return tally.table(options.minFrequency ?? 2, options.limit);
}

/** What {@link collocates} returns. */
export interface CollocateTable {
  readonly node: string;
  readonly windowTokens: number;
  readonly corpusTokens: number;
  readonly rows: CollocateRow[];
}

/** What {@link CollocateTally.state} gives: structured-clonable. */
export interface CollocateTallyState {
  readonly inWindow: ReadonlyMap<string, number>;
  readonly corpus: FrequencyTallyState;
  readonly r1: number;
}

/** The contingency counts of a node's collocates, added to part by part (see {@link collocates}). */
export class CollocateTally {
  private readonly target: string;
  private readonly inWindow = new Map<string, number>();
  private readonly corpus = new FrequencyTally();
  private r1 = 0;

  constructor(
    node: string,
    options: CorpusOptions,
    private readonly left: number,
    private readonly right: number,
  ) {
    this.target = queryItem(node, options);
  }

  add(units: readonly CorpusUnit[]): void {
    for (const unit of units) {
      const t = unit.items;
      const marked = new Set<number>();
      t.forEach((item, i) => {
        if (item !== this.target) return;
        for (let k = Math.max(0, i - this.left); k <= Math.min(t.length - 1, i + this.right); k++) if (k !== i) marked.add(k);
      });
      for (const k of marked) {
        const item = t[k] as string;
        this.inWindow.set(item, (this.inWindow.get(item) ?? 0) + 1);
        this.r1++;
      }
    }
    this.corpus.add(units);
  }

  /** The counts as data another thread can receive. */
  state(): CollocateTallyState {
    return { inWindow: this.inWindow, corpus: this.corpus.state(), r1: this.r1 };
  }

  /** Adds another tally's counts (of other units): the same as having added its units here. */
  merge(other: CollocateTallyState): void {
    for (const [item, n] of other.inWindow) this.inWindow.set(item, (this.inWindow.get(item) ?? 0) + n);
    this.corpus.merge(other.corpus);
    this.r1 += other.r1;
  }

  table(minFrequency: number, limit?: number): CollocateTable {
    const { r1 } = this;
    const n = this.corpus.total;
    const rows: CollocateRow[] = [];
    for (const [item, o11] of this.inWindow) {
      if (o11 < minFrequency) continue;
      const c1 = this.corpus.counts.get(item) ?? o11;
      const o12 = r1 - o11;
      const o21 = c1 - o11;
      const o22 = n - r1 - o21;
      const expected = (r1 * c1) / n;
      rows.push({
        item,
        observed: o11,
        expected: round6(expected),
        frequency: c1,
        logLikelihood: round6(logLikelihood2x2(o11, o12, o21, o22)),
        mutualInformation: round6(mutualInformation(o11, expected)),
        tScore: round6(tScore(o11, expected)),
        logRatio: round6(logRatio(o11, r1, o21, n - r1)),
      });
    }
    rows.sort((a, b) => b.logLikelihood - a.logLikelihood || compareCodeUnits(a.item, b.item));
    return { node: this.target, windowTokens: r1, corpusTokens: n, rows: limit !== undefined ? rows.slice(0, limit) : rows };
  }
}

/** Keyness of one item in the target corpus against the reference corpus. */
export interface KeynessRow {
  readonly item: string;
  readonly target: number;
  readonly reference: number;
  readonly targetPer1000: number;
  readonly referencePer1000: number;
  /** Log-likelihood G² (Dunning 1993; two-corpus form of Rayson & Garside 2000). */
  readonly logLikelihood: number;
  /** log2 of the ratio of relative frequencies, 0.5 for zero counts (Hardie 2014); > 0 = more in target. */
  readonly logRatio: number;
}

/**
 * Keyness of the target corpus against a reference corpus supplied by the examiner. Items with
 * total frequency ≥ `minFrequency` (default 3); sorted by log-likelihood then item. Positive and
 * negative keywords are both listed (sign of `logRatio`).
 */
export function keyness(target: readonly CorpusUnit[] | FrequencyTally, reference: readonly CorpusUnit[], options: { minFrequency?: number; limit?: number } = {}): { targetTokens: number; referenceTokens: number; rows: KeynessRow[] } {
  const { counts: ft, total: nt } = target instanceof FrequencyTally ? target : frequencies(target);
  const { counts: fr, total: nr } = frequencies(reference);
  const items = new Set([...ft.keys(), ...fr.keys()]);
  const rows: KeynessRow[] = [];
  for (const item of items) {
    const a = ft.get(item) ?? 0;
    const b = fr.get(item) ?? 0;
    if (a + b < (options.minFrequency ?? 3)) continue;
    rows.push({
      item,
      target: a,
      reference: b,
      targetPer1000: nt === 0 ? 0 : round6((a * 1000) / nt),
      referencePer1000: nr === 0 ? 0 : round6((b * 1000) / nr),
      logLikelihood: round6(chiSquareFreeLL(a, b, nt, nr)),
      logRatio: round6(logRatio(a, nt, b, nr)),
    });
  }
  rows.sort((x, y) => y.logLikelihood - x.logLikelihood || compareCodeUnits(x.item, y.item));
  return { targetTokens: nt, referenceTokens: nr, rows: options.limit !== undefined ? rows.slice(0, options.limit) : rows };
}

/** Dispersion of one item over parts (documents or segments). */
export interface DispersionRow {
  readonly item: string;
  readonly frequency: number;
  /** Number of parts it occurs in. */
  readonly range: number;
  readonly parts: number;
  /** Juilland's D on relative frequencies per part: 1 − (sd/mean)/√(n−1); 1 = perfectly even. */
  readonly juillandD: number;
  /** Gries's DP (2008): ½·Σ|v_i/f − s_i|; 0 = distributed as the part sizes, → 1 = concentrated. */
  readonly dp: number;
}

/**
 * Dispersion of items across documents (`by: 'document'`, default) or segments. Items default to
 * the 50 most frequent. Parts without word tokens are ignored.
 */
export function dispersion(units: readonly CorpusUnit[], options: { items?: readonly string[]; by?: 'document' | 'segment'; lemma?: boolean } = {}): DispersionTable {
  const tally = new DispersionTally(options.by ?? 'document');
  tally.add(units);
  return tally.table(options.items, options);
}

/** What {@link dispersion} returns. */
export interface DispersionTable {
  readonly by: string;
  readonly parts: number;
  readonly rows: DispersionRow[];
}

/** What {@link DispersionTally.state} gives: structured-clonable. */
export interface DispersionTallyState {
  readonly items: readonly string[];
  readonly parts: ReadonlyMap<string, PackedPart>;
}

/** One part's item counts, packed (8 bytes per distinct item of the part). */
export interface PackedPart {
  readonly size: number;
  readonly ids: Int32Array;
  readonly counts: Int32Array;
}

/**
 * Item counts per part (document or segment), added part by part and kept packed: a huge case
 * holds 8 bytes per distinct item of each part, not its tokens. A part must come in one call.
 */
export class DispersionTally {
  private readonly vocabulary = new Vocabulary();
  private readonly parts = new Map<string, PackedPart>();

  constructor(private readonly by: 'document' | 'segment') {}

  add(units: readonly CorpusUnit[]): void {
    const groups = groupUnits(
      units.filter((unit) => unit.items.length > 0),
      (unit) => (this.by === 'document' ? unit.ref.doc.id : `${unit.ref.doc.id}\u0000${unit.ref.segment.id}`),
    );
    for (const [part, group] of groups) {
      const counts = new Map<number, number>();
      let size = 0;
      for (const unit of group) {
        size += unit.items.length;
        // The ids of a look-up per token, in its order, but looked up once per distinct word.
        for (const id of this.vocabulary.idsOf(unit)) counts.set(id, (counts.get(id) ?? 0) + 1);
      }
      this.keep(detachedString(part), { size, ids: Int32Array.from(counts.keys()), counts: Int32Array.from(counts.values()) });
    }
  }

  /** The parts' counts as data another thread can receive (ids relative to `items`). */
  state(): DispersionTallyState {
    return { items: this.vocabulary.all(), parts: this.parts };
  }

  /** Adds the parts another tally counted (other documents; a part counted by both is an error). */
  merge(other: DispersionTallyState): void {
    const ids = this.vocabulary.idsFrom(other.items);
    for (const [part, packed] of other.parts) this.keep(part, { size: packed.size, ids: packed.ids.map((id) => ids[id] as number), counts: packed.counts });
  }

  private keep(part: string, packed: PackedPart): void {
    if (this.parts.has(part)) throw new RangeError(`dispersion part ${part} was added twice`);
    this.parts.set(part, packed);
  }

  /** Rows for `items` (normalised as queries), by default the 50 most frequent items. */
  table(items: readonly string[] | undefined, options: CorpusOptions): DispersionTable {
    const parts = [...this.parts.keys()].sort(compareCodeUnits);
    const partSizes = new Map([...this.parts].map(([part, packed]) => [part, packed.size]));
    const total = [...partSizes.values()].reduce((a, b) => a + b, 0);
    const wanted = items ? items.map((w) => queryItem(w, options)) : this.mostFrequent(50);
    const perItem = this.countsPerPart(new Set(wanted));
    const rows = wanted.map((item) => {
      const perPart = perItem.get(item) ?? new Map<string, number>();
      const f = [...perPart.values()].reduce((a, b) => a + b, 0);
      const rel = parts.map((p) => (perPart.get(p) ?? 0) / (partSizes.get(p) ?? 1));
      const mean = rel.reduce((a, b) => a + b, 0) / Math.max(1, rel.length);
      const sd = Math.sqrt(rel.reduce((a, v) => a + (v - mean) ** 2, 0) / Math.max(1, rel.length));
      const juillandD = parts.length < 2 || mean === 0 ? 0 : 1 - sd / mean / Math.sqrt(parts.length - 1);
      const dp = f === 0 ? 0 : 0.5 * parts.reduce((a, p) => a + Math.abs((perPart.get(p) ?? 0) / f - (partSizes.get(p) ?? 0) / total), 0);
      return { item, frequency: f, range: perPart.size, parts: parts.length, juillandD: round6(juillandD), dp: round6(dp) };
    });
    return { by: this.by, parts: parts.length, rows };
  }

  /** The `count` most frequent items, as the word list orders them (frequency, then item). */
  private mostFrequent(count: number): string[] {
    const frequency = new Map<number, number>();
    for (const packed of this.parts.values()) packed.ids.forEach((id, i) => frequency.set(id, (frequency.get(id) ?? 0) + (packed.counts[i] as number)));
    return [...frequency]
      .map(([id, f]) => ({ item: this.vocabulary.item(id), frequency: f }))
      .sort(byFrequency)
      .slice(0, count)
      .map((row) => row.item);
  }

  private countsPerPart(items: ReadonlySet<string>): Map<string, Map<string, number>> {
    const out = new Map<string, Map<string, number>>();
    for (const [part, packed] of this.parts) {
      packed.ids.forEach((id, i) => {
        const item = this.vocabulary.item(id);
        if (!items.has(item)) return;
        const perPart = out.get(item) ?? new Map<string, number>();
        perPart.set(part, packed.counts[i] as number);
        out.set(item, perPart);
      });
    }
    return out;
  }
}
