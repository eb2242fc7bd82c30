/**
 * Benchmark of indicator matching (wired by the lead into `npm run bench`). Measures wall-clock
 * time with `performance.now()`; the numbers are for people, never hashed or written to a case.
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
  readonly runs: number;
}

/** Compiles the lexicons once and runs the indicators `runs` times (default 5) over `docs`. */
export function benchmarkIndicators(docs: readonly SozDocument[], lexicons: readonly Lexicon[], runs = 5): IndicatorBenchmark {
  const t0 = performance.now();
  const compiled = compileIndicators(lexicons);
  const compileMs = performance.now() - t0;
  const times: number[] = [];
  let findings = 0;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    findings = runIndicators(docs, { lexicons }, compiled).findings.length;
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] ?? 0;
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
    runs,
  };
}
