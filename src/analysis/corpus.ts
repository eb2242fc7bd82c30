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
import { foldSpelling, wordKey } from './matcher.js';
import { SegmentFacts } from './segment-facts.js';
import { chiSquareFreeLL, logLikelihood2x2, logRatio, mutualInformation, round6, tScore } from './stats.js';

/** Options shared by the corpus tools. */
export interface CorpusOptions {
  /** Count stems instead of word forms (default false). */
  readonly lemma?: boolean;
  /** Per-segment facts (tokens, language) already computed in this run (shared with the other analyses). */
  readonly segmentFacts?: SegmentFacts;
}

/** One word token of the corpus, with its item key and document position. */
export interface CorpusToken {
  readonly item: string;
  /** `[start, end)` in the document text (UTF-16). */
  readonly range: Range;
  /** A sentence boundary (. ! ? … or line break) lies between this token and the previous one. */
  readonly breakBefore: boolean;
}

/** Word tokens of one segment. */
export interface CorpusUnit {
  readonly ref: SegmentRef;
  readonly tokens: readonly CorpusToken[];
}

/**
 * Tokenises the selected segments once; every tool below takes the result. Each distinct word is
 * normalised once per language (a chat repeats the same few thousand words).
 */
export function corpusUnits(segments: readonly SegmentRef[], options: CorpusOptions = {}): CorpusUnit[] {
  const facts = options.segmentFacts ?? new SegmentFacts();
  const items = new Map<LanguageCode | undefined, Map<string, string>>();
  const itemOf = (word: string, language: LanguageCode | undefined): string => {
    let known = items.get(language);
    if (!known) {
      known = new Map();
      items.set(language, known);
    }
    let item = known.get(word);
    if (item === undefined) {
      item = language ? wordKey(word, language).stem : foldSpelling(normaliseForMatching(word).normalised);
      known.set(word, item);
    }
    return item;
  };
  return segments.map((ref) => {
    const [start, end] = ref.segment.range;
    const text = ref.doc.text.slice(start, end);
    let language: LanguageCode | undefined;
    if (options.lemma) {
      const guess = facts.language(ref.doc, ref.segment, text).language;
      language = guess === 'und' ? undefined : guess;
    }
    const tokens: CorpusToken[] = [];
    let pendingBreak = true;
    let lastEnd = 0;
    for (const token of facts.tokens(ref.doc, ref.segment, text)) {
      if (text.slice(lastEnd, token.range[0]).includes('\n')) pendingBreak = true;
      lastEnd = token.range[1];
      if (token.kind === 'punct') {
        if (/[.!?…;:؟]/.test(token.text)) pendingBreak = true;
        continue;
      }
      if (token.kind !== 'word') continue;
      tokens.push({ item: itemOf(token.text, language), range: [start + token.range[0], start + token.range[1]], breakBefore: pendingBreak });
      pendingBreak = false;
    }
    return { ref, tokens };
  });
}

/** Normalises a query word the way corpus items are normalised (for KWIC and collocates). */
export function queryItem(word: string, options: CorpusOptions = {}): string {
  const folded = foldSpelling(normaliseForMatching(word).normalised);
  if (!options.lemma) return folded;
  const language = identifyLanguage(word).language;
  return language === 'und' ? folded : wordKey(word, language).stem;
}

function totalTokens(units: readonly CorpusUnit[]): number {
  return units.reduce((n, u) => n + u.tokens.length, 0);
}

function frequencies(units: readonly CorpusUnit[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const unit of units) for (const t of unit.tokens) counts.set(t.item, (counts.get(t.item) ?? 0) + 1);
  return counts;
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
  return ngramTable(units, 1, 1, undefined, (tokens, types, rows) => ({ tokens, types, typeTokenRatio: tokens === 0 ? 0 : round6(types / tokens), rows }));
}

/**
 * N-grams of `n` word tokens (1–5) that do not cross sentence or segment boundaries, with
 * frequency ≥ `minFrequency` (default 2 for n > 1, else 1), at most `limit` rows (most frequent first).
 */
export function ngrams(units: readonly CorpusUnit[], n: number, options: { minFrequency?: number; limit?: number } = {}): { n: number; total: number; rows: FrequencyRow[] } {
  if (!Number.isInteger(n) || n < 1 || n > 5) throw new RangeError(`n-gram size must be 1..5, got ${n}`);
  return ngramTable(units, n, options.minFrequency ?? (n > 1 ? 2 : 1), options.limit, (total, _types, rows) => ({ n, total, rows }));
}

function ngramTable<R>(units: readonly CorpusUnit[], n: number, minFrequency: number, limit: number | undefined, make: (total: number, types: number, rows: FrequencyRow[]) => R): R {
  // Items become small integers and an n-gram a number in base (vocabulary size), so counting
  // builds no string per n-gram; the text of an n-gram is made only for the rows kept. Documents
  // are walked one at a time, so an n-gram's range (documents it occurs in) grows when its last
  // document differs from the current one: no set of document ids per n-gram.
  const groups = unitsByDocument(units);
  const vocabulary = new Map<string, number>();
  const items: string[] = [];
  const idsOf = (unit: CorpusUnit): Int32Array =>
    Int32Array.from(unit.tokens, (token) => {
      let id = vocabulary.get(token.item);
      if (id === undefined) {
        id = items.length;
        vocabulary.set(token.item, id);
        items.push(token.item);
      }
      return id;
    });
  const ids = groups.map((group) => group.map(idsOf));
  const base = Math.max(1, items.length);
  const numeric = base ** n <= Number.MAX_SAFE_INTEGER;
  const counts = new Map<number | string, { frequency: number; range: number; lastDocument: number }>();
  let total = 0;
  groups.forEach((group, document) => {
    group.forEach((unit, u) => {
      const t = unit.tokens;
      const unitIds = (ids[document] as Int32Array[])[u] as Int32Array;
      for (let i = 0; i + n <= t.length; i++) {
        let crosses = false;
        for (let k = 1; k < n && !crosses; k++) crosses = (t[i + k] as CorpusToken).breakBefore;
        if (crosses) continue;
        total++;
        let key: number | string = 0;
        if (numeric) for (let k = 0; k < n; k++) key = key * base + (unitIds[i + k] as number);
        else key = unitIds.subarray(i, i + n).join(',');
        const entry = counts.get(key);
        if (entry === undefined) counts.set(key, { frequency: 1, range: 1, lastDocument: document });
        else {
          entry.frequency++;
          if (entry.lastDocument !== document) {
            entry.range++;
            entry.lastDocument = document;
          }
        }
      }
    });
  });
  const textOf = (key: number | string): string => {
    if (typeof key === 'string') return key.split(',').map((id) => items[Number(id)]).join(' ');
    const words: string[] = [];
    let rest = key;
    for (let k = 0; k < n; k++) {
      words.unshift(items[rest % base] as string);
      rest = Math.floor(rest / base);
    }
    return words.join(' ');
  };
  const rows: FrequencyRow[] = [];
  for (const [key, v] of counts) {
    if (v.frequency >= minFrequency) rows.push({ item: textOf(key), frequency: v.frequency, per1000: total === 0 ? 0 : round6((v.frequency * 1000) / total), range: v.range });
  }
  rows.sort(byFrequency);
  return make(total, counts.size, limit !== undefined ? rows.slice(0, limit) : rows);
}

/** The units grouped by document id, in order of each document's first unit. */
function unitsByDocument(units: readonly CorpusUnit[]): CorpusUnit[][] {
  const groups = new Map<string, CorpusUnit[]>();
  for (const unit of units) {
    const group = groups.get(unit.ref.doc.id);
    if (group) group.push(unit);
    else groups.set(unit.ref.doc.id, [unit]);
  }
  return [...groups.values()];
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
  const lines: KwicLine[] = [];
  for (const unit of units) {
    const { doc, segment } = unit.ref;
    const [segStart, segEnd] = segment.range;
    unit.tokens.forEach((token, i) => {
      if (token.item !== target) return;
      const leftStart = unit.tokens[Math.max(0, i - window)]?.range[0] ?? token.range[0];
      const rightEnd = unit.tokens[Math.min(unit.tokens.length - 1, i + window)]?.range[1] ?? token.range[1];
      const author = segment.message?.author.name ?? segment.author;
      lines.push({
        documentId: doc.id,
        evidenceName: doc.evidenceName,
        segmentId: segment.id,
        ...(segment.anchor.messageId !== undefined ? { messageId: segment.anchor.messageId } : {}),
        ...(author !== undefined ? { author } : {}),
        range: token.range,
        left: doc.text.slice(Math.max(segStart, leftStart), token.range[0]).replace(/\s+/g, ' '),
        keyword: doc.text.slice(token.range[0], token.range[1]),
        right: doc.text.slice(token.range[1], Math.min(segEnd, rightEnd)).replace(/\s+/g, ' '),
      });
    });
  }
  return lines;
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
export function collocates(units: readonly CorpusUnit[], node: string, options: CorpusOptions & { left?: number; right?: number; minFrequency?: number; limit?: number } = {}): { node: string; windowTokens: number; corpusTokens: number; rows: CollocateRow[] } {
  const target = queryItem(node, options);
  const left = options.left ?? 5;
  const right = options.right ?? 5;
  const minFrequency = options.minFrequency ?? 2;
  const inWindow = new Map<string, number>();
  let r1 = 0;
  for (const unit of units) {
    const t = unit.tokens;
    const marked = new Set<number>();
    t.forEach((token, i) => {
      if (token.item !== target) return;
      for (let k = Math.max(0, i - left); k <= Math.min(t.length - 1, i + right); k++) if (k !== i) marked.add(k);
    });
    for (const k of marked) {
      const item = (t[k] as CorpusToken).item;
      inWindow.set(item, (inWindow.get(item) ?? 0) + 1);
      r1++;
    }
  }
  const freq = frequencies(units);
  const n = totalTokens(units);
  const rows: CollocateRow[] = [];
  for (const [item, o11] of inWindow) {
    if (o11 < minFrequency) continue;
    const c1 = freq.get(item) ?? o11;
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
  return { node: target, windowTokens: r1, corpusTokens: n, rows: options.limit !== undefined ? rows.slice(0, options.limit) : rows };
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
export function keyness(target: readonly CorpusUnit[], reference: readonly CorpusUnit[], options: { minFrequency?: number; limit?: number } = {}): { targetTokens: number; referenceTokens: number; rows: KeynessRow[] } {
  const ft = frequencies(target);
  const fr = frequencies(reference);
  const nt = totalTokens(target);
  const nr = totalTokens(reference);
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
export function dispersion(units: readonly CorpusUnit[], options: { items?: readonly string[]; by?: 'document' | 'segment'; lemma?: boolean } = {}): { by: string; parts: number; rows: DispersionRow[] } {
  const by = options.by ?? 'document';
  const partSizes = new Map<string, number>();
  const counts = new Map<string, Map<string, number>>();
  for (const unit of units) {
    if (unit.tokens.length === 0) continue;
    const part = by === 'document' ? unit.ref.doc.id : `${unit.ref.doc.id}\u0000${unit.ref.segment.id}`;
    partSizes.set(part, (partSizes.get(part) ?? 0) + unit.tokens.length);
    for (const t of unit.tokens) {
      const perPart = counts.get(t.item) ?? new Map<string, number>();
      perPart.set(part, (perPart.get(part) ?? 0) + 1);
      counts.set(t.item, perPart);
    }
  }
  const parts = [...partSizes.keys()].sort(compareCodeUnits);
  const total = [...partSizes.values()].reduce((a, b) => a + b, 0);
  const items = options.items
    ? options.items.map((w) => queryItem(w, options))
    : wordList(units).rows.slice(0, 50).map((r) => r.item);
  const rows = items.map((item) => {
    const perPart = counts.get(item) ?? new Map<string, number>();
    const f = [...perPart.values()].reduce((a, b) => a + b, 0);
    const rel = parts.map((p) => (perPart.get(p) ?? 0) / (partSizes.get(p) ?? 1));
    const mean = rel.reduce((a, b) => a + b, 0) / Math.max(1, rel.length);
    const sd = Math.sqrt(rel.reduce((a, v) => a + (v - mean) ** 2, 0) / Math.max(1, rel.length));
    const juillandD = parts.length < 2 || mean === 0 ? 0 : 1 - sd / mean / Math.sqrt(parts.length - 1);
    const dp = f === 0 ? 0 : 0.5 * parts.reduce((a, p) => a + Math.abs((perPart.get(p) ?? 0) / f - (partSizes.get(p) ?? 0) / total), 0);
    return { item, frequency: f, range: perPart.size, parts: parts.length, juillandD: round6(juillandD), dp: round6(dp) };
  });
  return { by, parts: parts.length, rows };
}
