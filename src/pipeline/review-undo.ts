/**
 * Undo of review decisions as a new record, never a deletion from the log: the review record is
 * set back to what it held for the findings before a decision, and that is logged as
 * `review.undo` with the decisions it restores (the earlier `review.decide` entry stays).
 */
import { compareCodeUnits } from '../core/canonical-json.js';
import type { ReviewDecision } from '../core/examiner.js';
import type { CaseWorkspace } from '../case/workspace.js';
import type { RecordOptions } from './examiner.js';
import { ExaminerFiles, readReview, writeRecord } from './examiner.js';

/** What a finding's review record held before a decision: its decision, or none (not reviewed). */
export interface PriorDecision {
  readonly findingId: string;
  readonly previous: ReviewDecision | null;
}

/** The review records of `findingIds` as they are now, to be restored by `restoreDecisions`. */
export function priorDecisions(workspace: CaseWorkspace, findingIds: readonly string[]): PriorDecision[] {
  const byId = new Map(readReview(workspace).map((decision) => [decision.findingId, decision]));
  return [...new Set(findingIds)].map((findingId) => ({ findingId, previous: byId.get(findingId) ?? null }));
}

/**
 * Sets each finding's review record back to `previous` (none: not reviewed again) and logs it as
 * `review.undo` with the reason; returns the review records now held.
 */
export function restoreDecisions(workspace: CaseWorkspace, prior: readonly PriorDecision[], reason: string, options: RecordOptions): ReviewDecision[] {
  const byId = new Map(readReview(workspace).map((decision) => [decision.findingId, decision]));
  for (const { findingId, previous } of prior) {
    if (previous === null) byId.delete(findingId);
    else byId.set(findingId, previous);
  }
  const decisions = [...byId.values()].sort((a, b) => compareCodeUnits(a.findingId, b.findingId));
  writeRecord(workspace, ExaminerFiles.review, decisions, options, 'review.undo', {
    reason,
    restored: prior.map(({ findingId, previous }) => ({ findingId, decision: previous?.decision ?? 'not-reviewed', ...(previous?.voice ? { voice: previous.voice } : {}) })),
  });
  return decisions;
}
