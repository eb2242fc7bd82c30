/**
 * The analyses of a run, each a module that declares its name, version and the per-segment facts
 * it reads, and the one runner that gives them a shared context: the selection is made once, each
 * segment is tokenised and its language identified once (`SegmentFacts`), and the corpus units
 * (normalised word tokens) are built once, only when an analysis asks for them.
 */
import type { AnalysisResult } from '../core/analysis-result.js';
import type { SozDocument } from '../core/document.js';
import type { ProgressListener } from '../core/progress.js';
import type { LanguageCode } from '../language/index.js';
import type { CorpusUnit, DispersionRow, FrequencyRow, KeynessRow, KwicLine, CollocateRow } from './corpus.js';
import { collocates, corpusUnits, dispersion, keyness, kwic, ngrams, wordList } from './corpus.js';
import type { SelectionCounts, SelectionFilter } from './filters.js';
import { selectSegments } from './filters.js';
import type { IndicatorResult } from './indicators.js';
import { compileIndicators, INDICATORS_ANALYSIS, INDICATORS_VERSION, runIndicators } from './indicators.js';
import type { LanguageOverview } from './language-overview.js';
import { LANGUAGE_OVERVIEW_VERSION, languageOverview } from './language-overview.js';
import type { Lexicon } from './lexicon-check.js';
import type { LexiconCategory } from './lexicon-schema.js';
import { runProfile } from './profile.js';
import type { ProfileLists } from './profile-schema.js';
import { SegmentFacts } from './segment-facts.js';
import type { OrgList } from './org-list.js';
import { findOrgNames, namesPerLanguage, ORG_LIST_ANALYSIS, ORG_LIST_VERSION } from './org-list.js';

/** Version of the corpus tools' output shapes; bump on any change to their results. */
export const ANALYSIS_VERSION = '1.0.0';

/** Everything `runAnalyses` needs; data comes from the loaders, never from disk here. */
export interface AnalysisOptions {
  readonly lexicons: readonly Lexicon[];
  readonly profileLists?: readonly ProfileLists[];
  /** Reference corpus for keyness and profile comparison (`--reference DIR`, ingested). */
  readonly reference?: readonly SozDocument[];
  readonly filter?: SelectionFilter;
  /** Which analyses to run (default all available). */
  readonly analyses?: readonly AnalysisName[];
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
  /** Told after each analysis (stage `analyses`), for a progress display. */
  readonly onProgress?: ProgressListener;
  /** The lab's list of banned organisations recorded in the case (`soz lists import`), with its file's SHA-256. */
  readonly orgList?: { readonly list: OrgList; readonly sha256: string };
}

/** Per-segment facts an analysis reads; `corpus-units` are built once when any analysis needs them. */
export type SegmentFact = 'tokens' | 'language' | 'corpus-units';

/** What every analysis of one run reads. */
export interface AnalysisContext {
  readonly docs: readonly SozDocument[];
  readonly options: AnalysisOptions;
  /** The filter and what it kept, recorded in every result's parameters. */
  readonly common: { readonly filter: SelectionFilter; readonly selection: SelectionCounts };
  readonly facts: SegmentFacts;
  /** Word tokens of the selected segments (empty unless an analysis declared `corpus-units`). */
  readonly units: readonly CorpusUnit[];
  readonly limit: number;
  readonly lemma: boolean;
  readonly queries: readonly string[];
}

/** The data each analysis writes, by name: what the report and exports read, typed. */
export interface AnalysisDataByName {
  'language-overview': LanguageOverview;
  indicators: Pick<IndicatorResult, 'counts' | 'withheld'>;
  wordlist: { tokens: number; types: number; typeTokenRatio: number; rows: FrequencyRow[] };
  ngrams: { n: number; total: number; rows: FrequencyRow[] }[];
  kwic: { query: string; lines: KwicLine[] }[];
  collocates: { node: string; windowTokens: number; corpusTokens: number; rows: CollocateRow[] }[];
  keyness: { targetTokens: number; referenceTokens: number; rows: KeynessRow[] };
  dispersion: { by: string; parts: number; rows: DispersionRow[] };
  profile: ReturnType<typeof runProfile>;
  'org-list': OrgListData;
}

/** What the `org-list` analysis records about the list it searched for: the report cites it and warns when it is empty. */
export interface OrgListData {
  readonly name: string;
  readonly version: string;
  readonly updated: string;
  readonly sha256: string;
  readonly entries: number;
  /** Names per language code, and `abbreviation`. */
  readonly names: Readonly<Record<string, number>>;
}

/** Name of an analysis of the registry. */
export type AnalysisName = keyof AnalysisDataByName;

/** One analysis: name, version, the facts it reads, and how it runs (undefined when it does not apply). */
export interface AnalysisModule<Name extends AnalysisName = AnalysisName> {
  readonly name: Name;
  readonly version: string;
  readonly needs: readonly SegmentFact[];
  run(context: AnalysisContext): AnalysisResult<AnalysisDataByName[Name]> | undefined;
}

const corpusParameters = (context: AnalysisContext) => ({ ...context.common, lemma: context.lemma, limit: context.limit });

/** Every analysis, in the order results are returned and written. */
export const ANALYSES: readonly AnalysisModule[] = [
  {
    name: 'language-overview',
    version: LANGUAGE_OVERVIEW_VERSION,
    needs: ['tokens', 'language'],
    run: (context) => languageOverview(context.docs, context.facts),
  } satisfies AnalysisModule<'language-overview'>,
  {
    name: 'indicators',
    version: INDICATORS_VERSION,
    needs: ['tokens', 'language'],
    run: ({ docs, options, common, facts }) => {
      const contextWindow = options.contextWindow ?? 60;
      const standaloneFeatures = options.standaloneFeatures === true;
      const compiled = compileIndicators(options.lexicons, options.categories);
      const result = runIndicators(docs, { lexicons: options.lexicons, filter: common.filter, segmentFacts: facts, contextWindow, ...(options.languages ? { languages: options.languages } : {}), ...(options.categories ? { categories: options.categories } : {}), standaloneFeatures }, compiled);
      return {
        analysis: INDICATORS_ANALYSIS,
        version: INDICATORS_VERSION,
        parameters: { ...common, contextWindow, languages: options.languages ?? 'identified per segment', categories: options.categories ?? 'all', standaloneFeatures, lexicons: options.lexicons.map((l) => ({ lexicon: l.lexicon, version: l.version, entries: l.entries.length })) },
        findings: result.findings,
        data: { counts: result.counts, withheld: result.withheld },
      };
    },
  } satisfies AnalysisModule<'indicators'>,
  {
    name: ORG_LIST_ANALYSIS,
    version: ORG_LIST_VERSION,
    needs: [],
    // Names are searched in every segment, also outside a selection: who is named is a fact of the whole material.
    run: ({ docs, options }) => {
      if (!options.orgList) return undefined;
      const { list, sha256 } = options.orgList;
      return {
        analysis: ORG_LIST_ANALYSIS,
        version: ORG_LIST_VERSION,
        parameters: { scope: 'all segments', list: { name: list.name, version: list.version, updated: list.updated, sha256 } },
        findings: findOrgNames(docs, list),
        data: { name: list.name, version: list.version, updated: list.updated, sha256, entries: list.entries.length, names: namesPerLanguage(list) },
      };
    },
  } satisfies AnalysisModule<'org-list'>,
  {
    name: 'wordlist',
    version: ANALYSIS_VERSION,
    needs: ['corpus-units'],
    run: (context) => {
      const list = wordList(context.units);
      return { analysis: 'wordlist', version: ANALYSIS_VERSION, parameters: corpusParameters(context), data: { ...list, rows: list.rows.slice(0, context.limit) } };
    },
  } satisfies AnalysisModule<'wordlist'>,
  {
    name: 'ngrams',
    version: ANALYSIS_VERSION,
    needs: ['corpus-units'],
    run: (context) => {
      const sizes = context.options.ngramSizes ?? [2, 3];
      return { analysis: 'ngrams', version: ANALYSIS_VERSION, parameters: { ...corpusParameters(context), sizes }, data: sizes.map((n) => ngrams(context.units, n, { limit: context.limit })) };
    },
  } satisfies AnalysisModule<'ngrams'>,
  {
    name: 'kwic',
    version: ANALYSIS_VERSION,
    needs: ['corpus-units'],
    run: (context) => {
      const { queries, lemma, limit } = context;
      if (queries.length === 0) return undefined;
      const window = context.options.kwicWindow ?? 7;
      return { analysis: 'kwic', version: ANALYSIS_VERSION, parameters: { ...corpusParameters(context), queries, window }, data: queries.map((q) => ({ query: q, lines: kwic(context.units, q, { lemma, window }).slice(0, limit) })) };
    },
  } satisfies AnalysisModule<'kwic'>,
  {
    name: 'collocates',
    version: ANALYSIS_VERSION,
    needs: ['corpus-units'],
    run: (context) => {
      const { queries, lemma, limit } = context;
      if (queries.length === 0) return undefined;
      return { analysis: 'collocates', version: ANALYSIS_VERSION, parameters: { ...corpusParameters(context), queries, left: 5, right: 5, minFrequency: 2 }, data: queries.map((q) => collocates(context.units, q, { lemma, limit })) };
    },
  } satisfies AnalysisModule<'collocates'>,
  {
    name: 'keyness',
    version: ANALYSIS_VERSION,
    needs: ['corpus-units'],
    run: (context) => {
      const reference = context.options.reference;
      if (!reference) return undefined;
      const referenceUnits = corpusUnits(selectSegments(reference).segments, { lemma: context.lemma, segmentFacts: context.facts });
      return { analysis: 'keyness', version: ANALYSIS_VERSION, parameters: { ...corpusParameters(context), minFrequency: 3, referenceDocuments: reference.map((d) => d.id).sort() }, data: keyness(context.units, referenceUnits, { limit: context.limit }) };
    },
  } satisfies AnalysisModule<'keyness'>,
  {
    name: 'dispersion',
    version: ANALYSIS_VERSION,
    needs: ['corpus-units'],
    run: (context) => {
      const { queries, lemma } = context;
      return { analysis: 'dispersion', version: ANALYSIS_VERSION, parameters: { ...corpusParameters(context), by: 'document', items: queries.length > 0 ? queries : 'top 50' }, data: dispersion(context.units, { ...(queries.length > 0 ? { items: queries } : {}), lemma }) };
    },
  } satisfies AnalysisModule<'dispersion'>,
  {
    name: 'profile',
    version: ANALYSIS_VERSION,
    needs: ['tokens', 'language'],
    run: ({ docs, options, common, facts }) => {
      if (!options.profileLists) return undefined;
      const data = runProfile(docs, { lists: options.profileLists, lexicons: options.lexicons, filter: common.filter, segmentFacts: facts, ...(options.reference ? { reference: options.reference } : {}) });
      return { analysis: 'profile', version: ANALYSIS_VERSION, parameters: { ...common, lists: options.profileLists.map((l) => ({ profile: l.profile, version: l.version })), reference: options.reference !== undefined }, data };
    },
  } satisfies AnalysisModule<'profile'>,
];

/**
 * Runs the requested analyses (default all) over `docs`, filtered by `options.filter`. Returns one
 * result per analysis that applies, in registry order; same inputs → same results, byte for byte
 * under `canonicalJson`.
 */
export function runAnalyses(docs: readonly SozDocument[], options: AnalysisOptions): AnalysisResult[] {
  const wanted = options.analyses ? ANALYSES.filter((module) => options.analyses?.includes(module.name)) : ANALYSES;
  const filter = options.filter ?? {};
  const selection = selectSegments(docs, filter);
  const facts = new SegmentFacts();
  const lemma = options.lemma ?? false;
  const units = wanted.some((module) => module.needs.includes('corpus-units')) ? corpusUnits(selection.segments, { lemma, segmentFacts: facts }) : [];
  const context: AnalysisContext = { docs, options, common: { filter, selection: selection.counts }, facts, units, limit: options.limit ?? 200, lemma, queries: options.queries ?? [] };
  const results: AnalysisResult[] = [];
  for (const [index, module] of wanted.entries()) {
    const result = module.run(context);
    if (result) results.push(result);
    options.onProgress?.({ stage: 'analyses', done: index + 1, total: wanted.length });
  }
  return results;
}

/** The data of analysis `name` among `results` (as read back from a case), typed; undefined when absent. */
export function analysisData<Name extends AnalysisName>(results: readonly AnalysisResult[], name: Name): AnalysisDataByName[Name] | undefined {
  return results.find((result) => result.analysis === name)?.data as AnalysisDataByName[Name] | undefined;
}

