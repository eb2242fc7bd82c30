/**
 * What long commands tell the terminal while they work, and the notice summary they end with.
 * Pure: the pipeline reports steps to a listener the CLI gives it (only `cli/` writes to the
 * terminal), and nothing here reaches a hashed output.
 */
import type { SozDocument } from './document.js';

/**
 * Every stage a command reports. A closed list, so the CLI's table of their texts in the
 * examiner's language (`cli/progress.ts`) cannot miss one: a new stage fails the type check there.
 */
export const PROGRESS_STAGES = [
  'files read and checked',
  'evidence analysed',
  'analyses',
  'documents read for excerpts',
  'formats rendered',
  'evidence hashed',
  'recorded files hashed',
  'artefacts compared',
  'reports re-rendered',
] as const;

/** One of `PROGRESS_STAGES`. */
export type ProgressStage = (typeof PROGRESS_STAGES)[number];

/** `done` of `total` units of one stage of a command (e.g. evidence files extracted). */
export interface ProgressStep {
  readonly stage: ProgressStage;
  readonly done: number;
  readonly total: number;
}

/** Receives progress steps; the pipeline calls it synchronously and never depends on it. */
export type ProgressListener = (step: ProgressStep) => void;

/** Notices of one code: how many, and whether any of them is a warning. */
export interface NoticeTally {
  readonly code: string;
  readonly count: number;
  readonly warning: boolean;
}

/** The documents' notices counted by code, in code order (the one-line summary of a command). */
export function tallyNotices(documents: Iterable<Pick<SozDocument, 'notices'>>): NoticeTally[] {
  const byCode = new Map<string, { count: number; warning: boolean }>();
  for (const doc of documents) {
    for (const notice of doc.notices) {
      const tally = byCode.get(notice.code) ?? { count: 0, warning: false };
      tally.count++;
      tally.warning ||= notice.severity === 'warning';
      byCode.set(notice.code, tally);
    }
  }
  return [...byCode.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([code, tally]) => ({ code, ...tally }));
}
