/**
 * The heap limit of an analysis thread (issue 13: memory bounded by the largest part, a limit
 * reached is an error naming its flag). Kept apart from `parallel.ts` so the command line can show
 * the default without loading the analyses.
 */

/** Limits of one analysis worker thread. */
export interface AnalysisWorkerLimits {
  /** Old-generation heap of one worker, MiB (default `DEFAULT_ANALYSIS_HEAP_MB`; `--max-heap-mb`). */
  readonly heapMb?: number;
}

/**
 * Old-generation heap limit of one analysis thread when the examiner does not say, MiB. A thread
 * holds the aggregates and at most two documents: the generated Telegram exports' live heap is
 * about 100 MB at any size, and two n-gram tables at `NGRAM_CAP` on a 400,000-word vocabulary
 * hold about 440 MB, so this leaves room for a real phone's vocabulary. A limit below 2 GiB also
 * lowers V8's largest heap growing factor (4× above it, 1.8× here), so a thread collects before
 * its heap runs far ahead of its live data. Past it the run stops with the limit error (exit 2).
 */
export const DEFAULT_ANALYSIS_HEAP_MB = 1536;

/** The code of the error a thread past its heap limit stops the run with. */
export const ANALYSIS_MEMORY_LIMIT = 'limit.analysis-memory';
