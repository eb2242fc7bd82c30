import type { SozDocument } from '../core/document.js';
import { identifyLanguage, tokenize } from '../language/index.js';
import type { AnalysisResult } from '../core/analysis-result.js';
import { compareCodeUnits } from '../core/canonical-json.js';
import type { LanguageGuess } from './segment-facts.js';
import type { SegmentFacts } from './segment-facts.js';

export const LANGUAGE_OVERVIEW = 'language-overview';
/** Bump when the same text would be identified otherwise (2: the Kyrgyz/Kazakh second stage for text typed without either's letters; 3: its letter-pair model, round 17). */
export const LANGUAGE_OVERVIEW_VERSION = '3';

/** Counts of one text span: every token, and the word tokens among them. */
export interface SpanCounts {
  readonly characters: number;
  readonly tokens: number;
  readonly words: number;
  /** Detected language code, or `und`. */
  readonly language: string;
  /** Why the language is `und` (too short, no letters…). */
  readonly languageReason?: string;
}

export interface SegmentOverview extends SpanCounts {
  readonly segmentId: string;
}

export interface DocumentOverview extends SpanCounts {
  readonly documentId: string;
  readonly evidenceName: string;
  readonly format: string;
  readonly segmentCount: number;
  readonly segments: readonly SegmentOverview[];
}

export interface LanguageOverview {
  readonly documents: readonly DocumentOverview[];
  readonly totals: { readonly documents: number; readonly segments: number; readonly tokens: number; readonly words: number; readonly byLanguage: Readonly<Record<string, number>> };
}

function countSpan(text: string): SpanCounts {
  const tokens = tokenize(text);
  return spanCounts(text, { tokens: tokens.length, words: tokens.filter((token) => token.kind === 'word').length }, identifyLanguage(text));
}

function spanCounts(text: string, counts: { readonly tokens: number; readonly words: number }, guess: LanguageGuess): SpanCounts {
  return {
    characters: text.length,
    tokens: counts.tokens,
    words: counts.words,
    language: guess.language,
    ...(guess.reason !== undefined ? { languageReason: guess.reason } : {}),
  };
}

const WHITESPACE = /^\s*$/u;

/**
 * The token and word counts of the whole text as sums over its segments, when they must be the
 * same as tokenising the text again: the segments are in order, apart, and only whitespace lies
 * before, between (at least one character) and after them. No token contains whitespace, and every
 * look-around of the tokeniser reads whitespace as it reads a text's edge, so the tokens of the text
 * are then exactly the tokens of its segments. Undefined otherwise (the caller tokenises the text).
 */
function countsFromSegments(doc: SozDocument, segments: readonly SpanCounts[]): { tokens: number; words: number } | undefined {
  let end = 0;
  for (const [i, segment] of doc.segments.entries()) {
    const [start, next] = segment.range;
    if (start < end || (i > 0 && start === end) || !WHITESPACE.test(doc.text.slice(end, start))) return undefined;
    end = next;
  }
  if (!WHITESPACE.test(doc.text.slice(end))) return undefined;
  return { tokens: segments.reduce((sum, s) => sum + s.tokens, 0), words: segments.reduce((sum, s) => sum + s.words, 0) };
}

/**
 * Per document and per segment: characters, tokens, words and the detected language; the first
 * analysis of every case. Segment tokens and languages come from `facts`, shared with the other
 * analyses of the run.
 */
export function documentOverview(doc: SozDocument, facts: SegmentFacts): DocumentOverview {
  const segments = doc.segments.map((segment) => {
    const text = doc.text.slice(segment.range[0], segment.range[1]);
    const words = facts.words(doc, segment, text);
    return { segmentId: segment.id, ...spanCounts(text, { tokens: words.tokenCount, words: words.ids.length }, facts.language(doc, segment, text)) };
  });
  const counts = countsFromSegments(doc, segments);
  return {
    documentId: doc.id,
    evidenceName: doc.evidenceName,
    format: doc.format,
    segmentCount: doc.segments.length,
    ...(counts ? spanCounts(doc.text, counts, identifyLanguage(doc.text)) : countSpan(doc.text)),
    segments,
  };
}

/** The overview's totals as they add up, document by document (integer sums: any order gives the same). */
export type OverviewTotals = LanguageOverview['totals'];

/** Totals of no document. */
export function emptyTotals(): { documents: number; segments: number; tokens: number; words: number; byLanguage: Record<string, number> } {
  return { documents: 0, segments: 0, tokens: 0, words: 0, byLanguage: {} };
}

/** Adds one document's overview, or the totals of other documents, to `totals`. */
export function addToTotals(totals: ReturnType<typeof emptyTotals>, add: DocumentOverview | OverviewTotals): void {
  if ('documentId' in add) {
    totals.documents += 1;
    totals.segments += add.segmentCount;
    totals.tokens += add.tokens;
    totals.words += add.words;
    for (const segment of add.segments) totals.byLanguage[segment.language] = (totals.byLanguage[segment.language] ?? 0) + segment.words;
    return;
  }
  totals.documents += add.documents;
  totals.segments += add.segments;
  totals.tokens += add.tokens;
  totals.words += add.words;
  for (const [language, words] of Object.entries(add.byLanguage)) totals.byLanguage[language] = (totals.byLanguage[language] ?? 0) + words;
}

/** Reading order of document overviews (evidence name, then document id, as `compareDocuments`). */
export function compareOverviews(a: Pick<DocumentOverview, 'evidenceName' | 'documentId'>, b: Pick<DocumentOverview, 'evidenceName' | 'documentId'>): number {
  return compareCodeUnits(a.evidenceName, b.evidenceName) || compareCodeUnits(a.documentId, b.documentId);
}

/**
 * The overview of a run from its documents' overviews, in any order: rows are put in reading order
 * (`compareOverviews`), and the totals are sums of integers. With `totals` given, `documents` is
 * empty and the rows were handed out as they were made (`AnalysisOptions.onDocumentOverview`).
 */
export function overviewResult(documents: readonly DocumentOverview[], totals?: OverviewTotals): AnalysisResult<LanguageOverview> {
  const overviews = [...documents].sort(compareOverviews);
  const summed = emptyTotals();
  for (const doc of overviews) addToTotals(summed, doc);
  return {
    analysis: LANGUAGE_OVERVIEW,
    version: LANGUAGE_OVERVIEW_VERSION,
    parameters: {},
    data: { documents: overviews, totals: totals ?? summed },
  };
}
