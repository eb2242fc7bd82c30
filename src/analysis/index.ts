/**
 * The analysis layer: indicator candidates from lexicons, corpus tools and the psycholinguistic
 * profile. `runAnalyses` is pure and deterministic; the caller loads the data (`loadLexicons`,
 * `loadProfileLists`) and writes each result to `derived/analyses/<analysis>.json`.
 */
import type { SozDocument } from '../core/document.js';
import type { LanguageCode } from '../language/index.js';
import { collocates, corpusUnits, dispersion, keyness, kwic, ngrams, wordList } from './corpus.js';
import type { SelectionFilter } from './filters.js';
import { selectSegments } from './filters.js';
import { compileIndicators, INDICATORS_ANALYSIS, INDICATORS_VERSION, runIndicators } from './indicators.js';
import type { Lexicon } from './lexicon-check.js';
import type { LexiconCategory } from './lexicon-schema.js';
import { runProfile } from './profile.js';
import { SegmentLanguages } from './segment-language.js';
import type { ProfileLists } from './profile-schema.js';

import type { AnalysisResult } from '../core/analysis-result.js';

export { CANDIDATE_LABEL, INDICATORS_ANALYSIS, INDICATORS_VERSION, runIndicators, compileIndicators } from './indicators.js';
export { validateLexicons, loadLexicons, loadProfileLists, type DataFileRecord } from './lexicon-files.js';
export { checkLexiconText, type Lexicon } from './lexicon-check.js';
export { lexiconTable, LEXICON_DOCS_PATH } from './lexicon-docs.js';
export { selectSegments, filterFindings, type SelectionFilter } from './filters.js';
export { corpusUnits, wordList, ngrams, kwic, collocates, keyness, dispersion } from './corpus.js';
export { runProfile, PROFILE_CATEGORIES } from './profile.js';
export { toCsv, recordsToCsv, csvCell } from './csv.js';
export { benchmarkIndicators } from './bench.js';

/** Version of the analysis layer's output shapes; bump on any change to results. */
export const ANALYSIS_VERSION = '1.0.0';


/** Everything `runAnalyses` needs; data comes from the loaders, never from disk here. */
export interface AnalysisOptions {
  readonly lexicons: readonly Lexicon[];
  readonly profileLists?: readonly ProfileLists[];
  /** Reference corpus for keyness and profile comparison (`--reference DIR`, ingested). */
  readonly reference?: readonly SozDocument[];
  readonly filter?: SelectionFilter;
  /** Which analyses to run (default all available). */
  readonly analyses?: readonly ('indicators' | 'wordlist' | 'ngrams' | 'kwic' | 'collocates' | 'keyness' | 'dispersion' | 'profile')[];
  readonly contextWindow?: number;
  readonly languages?: readonly LanguageCode[];
  readonly categories?: readonly LexiconCategory[];
  /** Keep us/them pronouns, imperatives and modals as candidates of their own (default false). */
  readonly standaloneFeatures?: boolean;
  /** Lemma-aware corpus tools (default false). */
  readonly lemma?: boolean;
  /** N-gram sizes (default [2, 3]). */
  readonly ngramSizes?: readonly number[];
  /** Rows kept per table (default 200). */
  readonly limit?: number;
  /** KWIC / collocate query words. */
  readonly queries?: readonly string[];
  /** KWIC window in word tokens (default 7). */
  readonly kwicWindow?: number;
}

/**
 * Runs the requested analyses over `docs` (filtered by `filter`). Returns one result per analysis
 * in a fixed order; same inputs → same results, byte for byte under `canonicalJson`.
 */
export function runAnalyses(docs: readonly SozDocument[], options: AnalysisOptions): AnalysisResult[] {
  const wanted = new Set(options.analyses ?? ['indicators', 'wordlist', 'ngrams', 'kwic', 'collocates', 'keyness', 'dispersion', 'profile']);
  const filter = options.filter ?? {};
  const limit = options.limit ?? 200;
  const lemma = options.lemma ?? false;
  const queries = options.queries ?? [];
  const results: AnalysisResult[] = [];
  const selection = selectSegments(docs, filter);
  const common = { filter, selection: selection.counts };
  // Each segment's language is identified once and shared by indicators, corpus tools and profile.
  const segmentLanguages = new SegmentLanguages();

  if (wanted.has('indicators')) {
    const compiled = compileIndicators(options.lexicons, options.categories);
    const result = runIndicators(docs, { lexicons: options.lexicons, filter, segmentLanguages, contextWindow: options.contextWindow ?? 60, ...(options.languages ? { languages: options.languages } : {}), ...(options.categories ? { categories: options.categories } : {}), standaloneFeatures: options.standaloneFeatures === true }, compiled);
    results.push({
      analysis: INDICATORS_ANALYSIS,
      version: INDICATORS_VERSION,
      parameters: { ...common, contextWindow: options.contextWindow ?? 60, languages: options.languages ?? 'identified per segment', categories: options.categories ?? 'all', standaloneFeatures: options.standaloneFeatures === true, lexicons: options.lexicons.map((l) => ({ lexicon: l.lexicon, version: l.version, entries: l.entries.length })) },
      findings: result.findings,
      data: { counts: result.counts, withheld: result.withheld },
    });
  }
  const units = corpusUnits(selection.segments, { lemma, segmentLanguages });
  const corpusParams = { ...common, lemma, limit };
  if (wanted.has('wordlist')) {
    const list = wordList(units);
    results.push({ analysis: 'wordlist', version: ANALYSIS_VERSION, parameters: corpusParams, data: { ...list, rows: list.rows.slice(0, limit) } });
  }
  if (wanted.has('ngrams')) {
    const sizes = options.ngramSizes ?? [2, 3];
    results.push({ analysis: 'ngrams', version: ANALYSIS_VERSION, parameters: { ...corpusParams, sizes }, data: sizes.map((n) => ngrams(units, n, { limit })) });
  }
  if (wanted.has('kwic') && queries.length > 0) {
    const window = options.kwicWindow ?? 7;
    results.push({ analysis: 'kwic', version: ANALYSIS_VERSION, parameters: { ...corpusParams, queries, window }, data: queries.map((q) => ({ query: q, lines: kwic(units, q, { lemma, window }).slice(0, limit) })) });
  }
  if (wanted.has('collocates') && queries.length > 0) {
    results.push({ analysis: 'collocates', version: ANALYSIS_VERSION, parameters: { ...corpusParams, queries, left: 5, right: 5, minFrequency: 2 }, data: queries.map((q) => collocates(units, q, { lemma, limit })) });
  }
  if (wanted.has('keyness') && options.reference) {
    const refUnits = corpusUnits(selectSegments(options.reference).segments, { lemma, segmentLanguages });
    results.push({ analysis: 'keyness', version: ANALYSIS_VERSION, parameters: { ...corpusParams, minFrequency: 3, referenceDocuments: options.reference.map((d) => d.id).sort() }, data: keyness(units, refUnits, { limit }) });
  }
  if (wanted.has('dispersion')) {
    results.push({ analysis: 'dispersion', version: ANALYSIS_VERSION, parameters: { ...corpusParams, by: 'document', items: queries.length > 0 ? queries : 'top 50' }, data: dispersion(units, { ...(queries.length > 0 ? { items: queries } : {}), lemma }) });
  }
  if (wanted.has('profile') && options.profileLists) {
    const profile = runProfile(docs, { lists: options.profileLists, lexicons: options.lexicons, filter, segmentLanguages, ...(options.reference ? { reference: options.reference } : {}) });
    results.push({ analysis: 'profile', version: ANALYSIS_VERSION, parameters: { ...common, lists: options.profileLists.map((l) => ({ profile: l.profile, version: l.version })), reference: options.reference !== undefined }, data: profile });
  }
  return results;
}
