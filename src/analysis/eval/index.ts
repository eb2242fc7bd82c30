/** The annotated evaluation set of indicator candidates and its scorer (`npm run bench:findings`). */
export { COUNTER_KINDS, checkEvalText, splitOf, locateWord, type CounterKind, type EvalItem, type EvalSplit, type Expectation } from './schema.js';
export { ENGINE_COUNTER_KINDS, TARGETS, counterKindsOf, headlines, scoreRuns, type Headline, type ItemRun, type ScoredCandidate, type SplitScore, type Tally } from './score.js';
export { benignRate, itemDocument, runEvalItems, type BenignRate } from './run.js';
export { formatBenign, formatByEntry, formatMisses, formatSplit } from './format.js';
export { EVAL_FINDINGS_DIR, loadEvalSet, validateEvalSet } from './files.js';
