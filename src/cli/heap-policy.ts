/**
 * soz's heap policy for the main thread: how far V8 lets a heap grow past its live data before
 * the next full collection, in percent. V8 reads it at every collection, so setting it when a
 * stage starts takes effect (a heap size limit set at run time would not). Outputs never depend on it.
 */
import { setFlagsFromString } from 'node:v8';

/**
 * For the process and its analysis threads. By default V8 grows a heap up to 4× once the machine
 * has memory, so `soz analyze` peaked at 650 → 1149 MB from a 52 to a 419 MB export while its live
 * data stayed near 100 MB: the rest was garbage not yet collected (README, "Memory bounded by the
 * largest part").
 */
const ANALYSIS_HEAP_GROWING_PERCENT = 30;

/**
 * For rendering a report, once the analysis threads are done. Its live heap is small (the
 * conclusion's head and one chunk of a list: the lists wait on disk), but it makes and drops the
 * whole text of the case's candidates and excerpts, so at 30 % it ran 64 full collections on the
 * 100 MB export where 100 % runs 35: 11–18 % less CPU for 15–37 MB more peak RSS (README, "End to
 * end at 1 GB, fourth round").
 */
const REPORT_HEAP_GROWING_PERCENT = 100;

/** Sets the heap policy of the stage about to run: `analysis` (the default of every command) or `report`. */
export function useHeapPolicy(stage: 'analysis' | 'report'): void {
  setFlagsFromString(`--heap-growing-percent=${stage === 'report' ? REPORT_HEAP_GROWING_PERCENT : ANALYSIS_HEAP_GROWING_PERCENT}`);
}
