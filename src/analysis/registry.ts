/**
 * The analyses of a run, each a module that declares its name, version and the per-segment facts
 * it reads, and the one runner that gives them a shared context: the selection is made once, each
 * segment is tokenised and its language identified once (`SegmentFacts`), and the corpus units
 * (normalised word tokens) are built once, only when an analysis asks for them.
 */
import type { AnalysisResult } from '../core/analysis-result.js';
import type { SozDocument } from '../core/document.js';
import type { Finding } from '../core/finding.js';
import { compareFindings } from '../core/finding.js';
import { InternalError } from '../core/errors.js';
import type { ProgressListener } from '../core/progress.js';
import type { LanguageCode } from '../language/index.js';
import type { CollocateTable, CollocateTallyState, CorpusUnit, DispersionTable, DispersionTallyState, FrequencyRow, FrequencyTallyState, KeynessRow, KwicGroup, KwicLine, NgramCounterState } from './corpus.js';
import { CollocateTally, corpusUnits, DispersionTally, FrequencyTally, keyness, KwicTally, NgramCounter, Vocabulary, wordListOf } from './corpus.js';
import type { SegmentRef, SelectionCounts, SelectionFilter } from './filters.js';
import { selectSegments } from './filters.js';
import type { IndicatorResult, IndicatorState } from './indicators.js';
import { INDICATORS_ANALYSIS, INDICATORS_VERSION, startIndicators } from './indicators.js';
import type { DocumentOverview, LanguageOverview, OverviewTotals } from './language-overview.js';
import { addToTotals, documentOverview, emptyTotals, LANGUAGE_OVERVIEW_VERSION, overviewResult } from './language-overview.js';
import type { Lexicon } from './lexicon-check.js';
import type { LexiconCategory } from './lexicon-schema.js';
import type { ProfileData, ProfileState } from './profile.js';
import { startProfile } from './profile.js';
import type { ProfileLists } from './profile-schema.js';
import { SegmentFacts } from './segment-facts.js';
import type { OrgList } from './org-list.js';
import { namesPerLanguage, orgNameFinder, ORG_LIST_ANALYSIS, ORG_LIST_VERSION } from './org-list.js';

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
  /**
   * Receives each document's indicator findings (sorted with `compareFindings`) as they are found;
   * the indicators result then holds none (its `findings` are empty) and the caller writes them.
   */
  readonly onDocumentFindings?: (findings: readonly Finding[]) => void;
  /**
   * Receives each document's language overview as it is made; the language-overview result then
   * holds only the totals (its `documents` are empty) and the caller writes the rows in reading
   * order (`compareOverviews`).
   */
  readonly onDocumentOverview?: (overview: DocumentOverview) => void;
}

/** Per-segment facts an analysis reads; `corpus-units` are built once when any analysis needs them. */
export type SegmentFact = 'tokens' | 'language' | 'corpus-units';

/** What every analysis of one run reads when it starts. */
export interface AnalysisContext {
  readonly options: AnalysisOptions;
  readonly filter: SelectionFilter;
  readonly facts: SegmentFacts;
  readonly limit: number;
  readonly lemma: boolean;
  readonly queries: readonly string[];
}

/**
 * One document's share of a run, handed to every analysis and then dropped: the document, its
 * segments the filter kept, and their word tokens (empty unless an analysis declared `corpus-units`).
 */
export interface DocumentPart {
  readonly doc: SozDocument;
  readonly segments: readonly SegmentRef[];
  readonly units: readonly CorpusUnit[];
}

/** The filter and what it kept over the whole run, recorded in every result's parameters. */
export interface RunSelection {
  readonly filter: SelectionFilter;
  readonly selection: SelectionCounts;
}

/**
 * The running state of one analysis: it takes documents one at a time, in any order, and holds only
 * its aggregate (counts, capped tables, findings), never the documents.
 */
export interface AnalysisAccumulator<Name extends AnalysisName = AnalysisName, State = unknown> {
  add(part: DocumentPart): void;
  /** Its aggregate as structured-clonable data, for a worker thread to send (see {@link merge}). */
  state(): State;
  /**
   * Adds the aggregate of an accumulator of the same analysis and options that was fed other
   * documents: after it, `finish` gives exactly what one accumulator fed all of them gives.
   */
  merge(other: State): void;
  finish(common: RunSelection): AnalysisResult<AnalysisDataByName[Name]>;
}

/** The data each analysis writes, by name: what the report and exports read, typed. */
export interface AnalysisDataByName {
  'language-overview': LanguageOverview;
  indicators: Pick<IndicatorResult, 'counts' | 'withheld'>;
  wordlist: { tokens: number; types: number; typeTokenRatio: number; rows: FrequencyRow[] };
  ngrams: { n: number; total: number; rows: FrequencyRow[]; prunedAtOrBelow?: number }[];
  kwic: { query: string; lines: KwicLine[] }[];
  collocates: CollocateTable[];
  keyness: { targetTokens: number; referenceTokens: number; rows: KeynessRow[] };
  dispersion: DispersionTable;
  profile: ProfileData;
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

/** One analysis: name, version, the facts it reads, and how it starts (undefined when it does not apply). */
export interface AnalysisModule<Name extends AnalysisName = AnalysisName> {
  readonly name: Name;
  readonly version: string;
  readonly needs: readonly SegmentFact[];
  start(context: AnalysisContext): AnalysisAccumulator<Name> | undefined;
}

/**
 * Most distinct n-grams of one size a run holds (issue 17): past it, the rarest are dropped (see
 * `NgramTable.prunedAtOrBelow`, written into the result when it happens). An ordinary case never
 * comes near it; a whole phone's chats can.
 */
export const NGRAM_CAP = 2_000_000;

const corpusParameters = (context: AnalysisContext, common: RunSelection) => ({ ...common, lemma: context.lemma, limit: context.limit });

/** Every analysis, in the order results are returned and written. */
export const ANALYSES: readonly AnalysisModule[] = [
  {
    name: 'language-overview',
    version: LANGUAGE_OVERVIEW_VERSION,
    needs: ['tokens', 'language'],
    start: ({ facts, options }) => {
      const handOut = options.onDocumentOverview;
      if (handOut) {
        // Rows go to the caller as they are made (one per document, with one per segment in it): only the totals stay.
        const totals = emptyTotals();
        return {
          add: ({ doc }) => {
            const overview = documentOverview(doc, facts);
            addToTotals(totals, overview);
            handOut(overview);
          },
          state: () => totals,
          merge: (other: OverviewTotals) => addToTotals(totals, other),
          finish: () => overviewResult([], totals),
        };
      }
      const overviews: DocumentOverview[] = [];
      return { add: ({ doc }) => overviews.push(documentOverview(doc, facts)), state: () => overviews, merge: (other: readonly DocumentOverview[]) => other.forEach((row) => overviews.push(row)), finish: () => overviewResult(overviews) };
    },
  } satisfies AnalysisModule<'language-overview'>,
  {
    name: 'indicators',
    version: INDICATORS_VERSION,
    needs: ['tokens', 'language'],
    start: ({ options, filter, facts }) => {
      const contextWindow = options.contextWindow ?? 60;
      const standaloneFeatures = options.standaloneFeatures === true;
      const stream = startIndicators({ lexicons: options.lexicons, filter, segmentFacts: facts, contextWindow, ...(options.languages ? { languages: options.languages } : {}), ...(options.categories ? { categories: options.categories } : {}), standaloneFeatures }, undefined, options.onDocumentFindings);
      return {
        add: ({ doc }) => stream.add(doc),
        state: () => stream.state(),
        merge: (other: IndicatorState) => stream.merge(other),
        finish: (common) => {
          const result = stream.finish();
          return {
            analysis: INDICATORS_ANALYSIS,
            version: INDICATORS_VERSION,
            parameters: { ...common, contextWindow, languages: options.languages ?? 'identified per segment', categories: options.categories ?? 'all', standaloneFeatures, lexicons: options.lexicons.map((l) => ({ lexicon: l.lexicon, version: l.version, entries: l.entries.length })) },
            findings: result.findings,
            data: { counts: result.counts, withheld: result.withheld },
          };
        },
      };
    },
  } satisfies AnalysisModule<'indicators'>,
  {
    name: ORG_LIST_ANALYSIS,
    version: ORG_LIST_VERSION,
    needs: [],
    // Names are searched in every segment, also outside a selection: who is named is a fact of the whole material.
    start: ({ options }) => {
      if (!options.orgList) return undefined;
      const { list, sha256 } = options.orgList;
      const find = orgNameFinder(list);
      const findings: Finding[] = [];
      return {
        add: ({ doc }) => findings.push(...find(doc)),
        state: () => findings,
        // One by one: spreading a huge array into push overflows the stack.
        merge: (other: readonly Finding[]) => other.forEach((finding) => findings.push(finding)),
        finish: () => ({
          analysis: ORG_LIST_ANALYSIS,
          version: ORG_LIST_VERSION,
          parameters: { scope: 'all segments', list: { name: list.name, version: list.version, updated: list.updated, sha256 } },
          findings: findings.sort(compareFindings),
          data: { name: list.name, version: list.version, updated: list.updated, sha256, entries: list.entries.length, names: namesPerLanguage(list) },
        }),
      };
    },
  } satisfies AnalysisModule<'org-list'>,
  {
    name: 'wordlist',
    version: ANALYSIS_VERSION,
    needs: ['corpus-units'],
    start: (context) => {
      const counter = new NgramCounter(1, new Vocabulary(), Infinity);
      return {
        add: ({ units }) => counter.addDocument(units),
        state: () => counter.state(),
        merge: (other: NgramCounterState) => counter.merge(other),
        finish: (common) => ({ analysis: 'wordlist', version: ANALYSIS_VERSION, parameters: corpusParameters(context, common), data: wordListOf(counter.table(1, context.limit)) }),
      };
    },
  } satisfies AnalysisModule<'wordlist'>,
  {
    name: 'ngrams',
    version: ANALYSIS_VERSION,
    needs: ['corpus-units'],
    start: (context) => {
      const sizes = context.options.ngramSizes ?? [2, 3];
      const vocabulary = new Vocabulary();
      const counters = sizes.map((n) => new NgramCounter(n, vocabulary, NGRAM_CAP));
      return {
        add: ({ units }) => {
          const ids = units.map((unit) => vocabulary.idsOf(unit));
          for (const counter of counters) counter.addDocument(units, ids);
        },
        state: () => counters.map((counter) => counter.state()),
        merge: (other: readonly NgramCounterState[]) => counters.forEach((counter, i) => counter.merge(other[i] as NgramCounterState)),
        finish: (common) => ({
          analysis: 'ngrams',
          version: ANALYSIS_VERSION,
          parameters: { ...corpusParameters(context, common), sizes },
          data: counters.map((counter) => {
            const { total, rows, prunedAtOrBelow } = counter.table(counter.n > 1 ? 2 : 1, context.limit);
            return { n: counter.n, total, rows, ...(prunedAtOrBelow !== undefined ? { prunedAtOrBelow, distinctCap: NGRAM_CAP } : {}) };
          }),
        }),
      };
    },
  } satisfies AnalysisModule<'ngrams'>,
  {
    name: 'kwic',
    version: ANALYSIS_VERSION,
    needs: ['corpus-units'],
    start: (context) => {
      const { queries, lemma, limit } = context;
      if (queries.length === 0) return undefined;
      const window = context.options.kwicWindow ?? 7;
      const tallies = queries.map((q) => new KwicTally(q, { lemma }, window, limit));
      return {
        add: ({ units }) => tallies.forEach((tally) => tally.addDocument(units)),
        state: () => tallies.map((tally) => tally.state()),
        merge: (other: readonly (readonly KwicGroup[])[]) => tallies.forEach((tally, i) => tally.merge(other[i] ?? [])),
        finish: (common) => ({ analysis: 'kwic', version: ANALYSIS_VERSION, parameters: { ...corpusParameters(context, common), queries, window }, data: tallies.map((tally) => ({ query: tally.query, lines: tally.lines() })) }),
      };
    },
  } satisfies AnalysisModule<'kwic'>,
  {
    name: 'collocates',
    version: ANALYSIS_VERSION,
    needs: ['corpus-units'],
    start: (context) => {
      const { queries, lemma, limit } = context;
      if (queries.length === 0) return undefined;
      const tallies = queries.map((q) => new CollocateTally(q, { lemma }, 5, 5));
      return {
        add: ({ units }) => tallies.forEach((tally) => tally.add(units)),
        state: () => tallies.map((tally) => tally.state()),
        merge: (other: readonly CollocateTallyState[]) => tallies.forEach((tally, i) => tally.merge(other[i] as CollocateTallyState)),
        finish: (common) => ({ analysis: 'collocates', version: ANALYSIS_VERSION, parameters: { ...corpusParameters(context, common), queries, left: 5, right: 5, minFrequency: 2 }, data: tallies.map((tally) => tally.table(2, limit)) }),
      };
    },
  } satisfies AnalysisModule<'collocates'>,
  {
    name: 'keyness',
    version: ANALYSIS_VERSION,
    needs: ['corpus-units'],
    start: (context) => {
      const reference = context.options.reference;
      if (!reference) return undefined;
      const target = new FrequencyTally();
      return {
        add: ({ units }) => target.add(units),
        state: () => target.state(),
        merge: (other: FrequencyTallyState) => target.merge(other),
        finish: (common) => {
          const referenceUnits = corpusUnits(selectSegments(reference).segments, { lemma: context.lemma, segmentFacts: context.facts });
          return { analysis: 'keyness', version: ANALYSIS_VERSION, parameters: { ...corpusParameters(context, common), minFrequency: 3, referenceDocuments: reference.map((d) => d.id).sort() }, data: keyness(target, referenceUnits, { limit: context.limit }) };
        },
      };
    },
  } satisfies AnalysisModule<'keyness'>,
  {
    name: 'dispersion',
    version: ANALYSIS_VERSION,
    needs: ['corpus-units'],
    start: (context) => {
      const { queries, lemma } = context;
      const tally = new DispersionTally('document');
      return {
        add: ({ units }) => tally.add(units),
        state: () => tally.state(),
        merge: (other: DispersionTallyState) => tally.merge(other),
        finish: (common) => ({ analysis: 'dispersion', version: ANALYSIS_VERSION, parameters: { ...corpusParameters(context, common), by: 'document', items: queries.length > 0 ? queries : 'top 50' }, data: tally.table(queries.length > 0 ? queries : undefined, { lemma }) }),
      };
    },
  } satisfies AnalysisModule<'dispersion'>,
  {
    name: 'profile',
    version: ANALYSIS_VERSION,
    needs: ['tokens', 'language'],
    start: ({ options, facts }) => {
      const lists = options.profileLists;
      if (!lists) return undefined;
      const stream = startProfile({ lists, lexicons: options.lexicons, segmentFacts: facts, ...(options.reference ? { reference: options.reference } : {}) });
      return {
        add: ({ segments }) => stream.add(segments),
        state: () => stream.state(),
        merge: (other: ProfileState) => stream.merge(other),
        finish: (common) => ({ analysis: 'profile', version: ANALYSIS_VERSION, parameters: { ...common, lists: lists.map((l) => ({ profile: l.profile, version: l.version })), reference: options.reference !== undefined }, data: stream.finish(common.selection) }),
      };
    },
  } satisfies AnalysisModule<'profile'>,
];

/** A run of the analyses that takes documents one at a time (see {@link startAnalyses}). */
export interface AnalysisRun {
  /** Analyses one document; nothing of it is held afterwards but what the aggregates keep. */
  add(doc: SozDocument): void;
  /** The aggregates and selection counts so far, structured-clonable: what a worker thread sends back. */
  state(): RunState;
  /**
   * Adds the state of a run with the same options that was fed other documents (each document to
   * exactly one run): `finish` then gives the bytes one run fed every document gives.
   */
  merge(other: RunState): void;
  /** One result per analysis that applies, in registry order. */
  finish(): AnalysisResult[];
}

/** What {@link AnalysisRun.state} gives: the selection counts, and each running analysis's state by name. */
export interface RunState {
  readonly selection: SelectionCounts;
  readonly analyses: readonly { readonly name: AnalysisName; readonly state: unknown }[];
}

/**
 * Starts the requested analyses (default all). Documents may come in any order, each once: every
 * result is put in reading order at `finish`, so the same documents give the same results, byte
 * for byte under `canonicalJson`, however they were streamed. Memory holds the aggregates and the
 * current document, not the case.
 */
export function startAnalyses(options: AnalysisOptions): AnalysisRun {
  const wanted = options.analyses ? ANALYSES.filter((module) => options.analyses?.includes(module.name)) : ANALYSES;
  const filter = options.filter ?? {};
  const facts = new SegmentFacts();
  const lemma = options.lemma ?? false;
  const needsUnits = wanted.some((module) => module.needs.includes('corpus-units'));
  const context: AnalysisContext = { options, filter, facts, limit: options.limit ?? 200, lemma, queries: options.queries ?? [] };
  const running = wanted.flatMap((module) => {
    const accumulator = module.start(context);
    return accumulator ? [{ name: module.name, accumulator }] : [];
  });
  const selection: Record<keyof SelectionCounts, number> = { considered: 0, kept: 0, byAuthor: 0, byRole: 0, unknownTime: 0, outsideDates: 0 };
  return {
    add(doc) {
      const { segments, counts } = selectSegments([doc], filter);
      for (const key of Object.keys(selection) as (keyof SelectionCounts)[]) selection[key] += counts[key];
      const part: DocumentPart = { doc, segments, units: needsUnits ? corpusUnits(segments, { lemma, segmentFacts: facts }) : [] };
      for (const { accumulator } of running) accumulator.add(part);
    },
    state: () => ({ selection, analyses: running.map(({ name, accumulator }) => ({ name, state: accumulator.state() })) }),
    merge(other) {
      if (other.analyses.map(({ name }) => name).join() !== running.map(({ name }) => name).join()) throw new InternalError('merged analysis runs started with different analyses');
      for (const key of Object.keys(selection) as (keyof SelectionCounts)[]) selection[key] += other.selection[key];
      running.forEach(({ accumulator }, i) => accumulator.merge(other.analyses[i]?.state));
    },
    finish() {
      return running.map(({ accumulator }, index) => {
        const result = accumulator.finish({ filter, selection });
        options.onProgress?.({ stage: 'analyses', done: index + 1, total: running.length });
        return result;
      });
    },
  };
}

/**
 * Runs the requested analyses (default all) over `docs`, filtered by `options.filter`. Returns one
 * result per analysis that applies, in registry order; same inputs → same results, byte for byte
 * under `canonicalJson`.
 */
export function runAnalyses(docs: Iterable<SozDocument>, options: AnalysisOptions): AnalysisResult[] {
  const run = startAnalyses(options);
  for (const doc of docs) run.add(doc);
  return run.finish();
}

/** The data of analysis `name` among `results` (as read back from a case), typed; undefined when absent. */
export function analysisData<Name extends AnalysisName>(results: readonly AnalysisResult[], name: Name): AnalysisDataByName[Name] | undefined {
  return results.find((result) => result.analysis === name)?.data as AnalysisDataByName[Name] | undefined;
}
