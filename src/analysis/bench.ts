/**
 * Benchmark of indicator matching (wired by the lead into `npm run bench`). Measures wall-clock
 * time with `performance.now()` and CPU time of this process with `process.cpuUsage()` (on a
 * shared machine wall time mostly measures the neighbours); the numbers are for people, never
 * hashed or written to a case.
 */
import type { SozDocument } from '../core/document.js';
import { compileIndicators, runIndicators } from './indicators.js';
import type { Lexicon } from './lexicon-check.js';

/** Result of {@link benchmarkIndicators}. */
export interface IndicatorBenchmark {
  readonly documents: number;
  readonly characters: number;
  readonly segments: number;
  readonly findings: number;
  readonly rules: number;
  readonly compileMs: number;
  /** Median of the timed runs, milliseconds. */
  readonly medianRunMs: number;
  readonly charactersPerSecond: number;
  /** Median CPU time (user + system) of the timed runs, milliseconds. */
  readonly medianRunCpuMs: number;
  /** Characters per CPU second at the median CPU time. */
  readonly charactersPerCpuSecond: number;
  /** Wall and CPU milliseconds of the first run (cold: the per-word memos start empty). */
  readonly firstRunMs: number;
  readonly firstRunCpuMs: number;
  readonly runs: number;
}

/** Compiles the lexicons once and runs the indicators `runs` times (default 5) over `docs`. */
export function benchmarkIndicators(docs: readonly SozDocument[], lexicons: readonly Lexicon[], runs = 5): IndicatorBenchmark {
  const t0 = performance.now();
  const compiled = compileIndicators(lexicons);
  const compileMs = performance.now() - t0;
  const times: number[] = [];
  const cpuTimes: number[] = [];
  let findings = 0;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    findings = runIndicators(docs, { lexicons }, compiled).findings.length;
    const cpu = process.cpuUsage(cpuStart);
    times.push(performance.now() - start);
    cpuTimes.push((cpu.user + cpu.system) / 1000);
  }
  const firstRunMs = times[0] ?? 0;
  const firstRunCpuMs = cpuTimes[0] ?? 0;
  times.sort((a, b) => a - b);
  cpuTimes.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] ?? 0;
  const medianCpu = cpuTimes[Math.floor(cpuTimes.length / 2)] ?? 0;
  const characters = docs.reduce((n, d) => n + d.text.length, 0);
  let rules = 0;
  for (const c of compiled.indicators.values()) rules += c.ruleCount;
  return {
    documents: docs.length,
    characters,
    segments: docs.reduce((n, d) => n + d.segments.length, 0),
    findings,
    rules,
    compileMs: Math.round(compileMs * 10) / 10,
    medianRunMs: Math.round(median * 10) / 10,
    charactersPerSecond: median > 0 ? Math.round((characters / median) * 1000) : 0,
    medianRunCpuMs: Math.round(medianCpu * 10) / 10,
    charactersPerCpuSecond: medianCpu > 0 ? Math.round((characters / medianCpu) * 1000) : 0,
    firstRunMs: Math.round(firstRunMs * 10) / 10,
    firstRunCpuMs: Math.round(firstRunCpuMs * 10) / 10,
    runs,
  };
}
