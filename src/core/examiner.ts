/**
 * What the examiner records in a case: questions of the order, review decisions on candidate
 * findings, SOP step records, answers. Pure types; stored as canonical JSON under `examiner/`
 * (see `src/case/layout.ts`), every change logged with the file's hash. Times live in the log.
 */
import type { HashedFile } from './case.js';
import type { Voice } from './finding.js';

/** A question of the order, stored verbatim with the competence guard's result. */
export interface QuestionRecord {
  /** `Q1`, `Q2`… in the order the questions were added. */
  readonly id: string;
  /** The question exactly as written in the order, in its original language. */
  readonly text: string;
  /** Detected or stated language of the question (`ru`, `ky`, `en`…). */
  readonly language: string;
  /** Result of the competence guard: legal-qualification patterns that matched, with reasons. */
  readonly guard: {
    readonly flagged: boolean;
    readonly matches: readonly { readonly patternId: string; readonly reason: string; readonly matched: string }[];
    /** Suggested reformulation into linguistic terms, where the guard has one. */
    readonly suggestion?: string;
  };
  /** What the examiner decided; `open` until then. */
  readonly disposition:
    | { readonly status: 'open' }
    | { readonly status: 'answered' }
    | { readonly status: 'reformulated'; readonly reformulation: string; readonly consent: string }
    | { readonly status: 'declined'; readonly reason: string };
}

/** The examiner's decision on one candidate finding. */
export interface ReviewDecision {
  readonly findingId: string;
  readonly decision: 'accepted' | 'rejected';
  readonly reason: string;
  /** Questions the finding bears on (accepted findings go under these in the conclusion). */
  readonly questionIds: readonly string[];
  /** The examiner's own attribution of voice where it differs from soz's. */
  readonly voice?: Voice;
}

/** A record of one SOP step. */
export interface SopStepRecord {
  readonly stepId: string;
  readonly status: 'done' | 'skipped';
  /** What was done, or why the step was skipped (required for a skip). */
  readonly note: string;
  /** Files the examiner attached (copied into the case), by hash. */
  readonly files: readonly HashedFile[];
  readonly actor: string;
}
