import type { Finding } from './finding.js';

/**
 * What one analysis returns: JSON-serialisable, deterministic. Written by the pipeline to
 * `derived/analyses/<analysis>.json` with canonical JSON.
 */
export interface AnalysisResult<Data = unknown> {
  /** Module id, e.g. `language-overview`, `indicators`. */
  readonly analysis: string;
  readonly version: string;
  readonly parameters: Readonly<Record<string, unknown>>;
  /** Candidates for the examiner, sorted with `compareFindings`. */
  readonly findings?: readonly Finding[];
  readonly data?: Data;
}
