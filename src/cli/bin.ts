import { setFlagsFromString } from 'node:v8';
import { runCli } from './main.js';
import { processIo } from './io.js';

/**
 * How far V8 lets a heap grow past its live data before the next full collection, in percent,
 * for the soz process and its threads (V8 reads it at every collection, so setting it here takes
 * effect; a heap size limit set here would not). By default V8 grows a heap up to 4× once the
 * machine has memory, so `soz analyze` peaked at 650 → 1149 MB from a 52 to a 419 MB export while
 * its live data stayed near 100 MB: the rest was garbage not yet collected (README, "Memory
 * bounded by the largest part"). Outputs never depend on it.
 */
const HEAP_GROWING_PERCENT = 30;

setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
process.exitCode = await runCli(process.argv.slice(2), processIo());
