/**
 * The analysis layer: indicator candidates from lexicons, corpus tools and the psycholinguistic
 * profile, each a module of the registry (`registry.ts`). `runAnalyses` is pure and
 * deterministic; the caller loads the data (`loadLexicons`, `loadProfileLists`) and writes each
 * result to `derived/analyses/<analysis>.json`.
 */
export { CANDIDATE_LABEL, INDICATORS_ANALYSIS, INDICATORS_VERSION, runIndicators, compileIndicators } from './indicators.js';
export { validateLexicons, loadLexicons, loadProfileLists, type DataFileRecord } from './lexicon-files.js';
export { checkLexiconText, type Lexicon } from './lexicon-check.js';
export { lexiconTable, LEXICON_DOCS_PATH } from './lexicon-docs.js';
export { selectSegments, filterFindings, type SelectionFilter } from './filters.js';
export { corpusUnits, wordList, ngrams, kwic, collocates, keyness, dispersion } from './corpus.js';
export { runProfile, PROFILE_CATEGORIES } from './profile.js';
export { toCsv, recordsToCsv, csvCell } from './csv.js';
export { benchmarkIndicators } from './bench.js';
export { ANALYSES, ANALYSIS_VERSION, NGRAM_CAP, analysisData, runAnalyses, startAnalyses, type AnalysisRun, type DocumentPart, type AnalysisContext, type AnalysisDataByName, type AnalysisModule, type AnalysisName, type AnalysisOptions, type SegmentFact } from './registry.js';
