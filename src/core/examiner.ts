/**
 * What the examiner records in a case: questions of the order, review decisions on candidate
 * findings, SOP step records. Pure types; stored as canonical JSON under `examiner/`
 * (`examiner/questions.json`, `examiner/review.json`, `examiner/sop.json`), answers as the
 * examiner's own files `examiner/answers/<question id>.md`, attachments as
 * `examiner/files/<sha256>.<ext>`. Every change is logged with the file's hash; times live only in
 * the log.
 */
import type { HashedFile } from './case.js';
import type { Voice } from './finding.js';

/** One legal-qualification pattern of the competence guard that matched a question. */
export interface GuardMatch {
  /** Id of the guard pattern, e.g. `ru.extremist`. */
  readonly patternId: string;
  /** Why the wording asks for a legal qualification (in the pattern's language). */
  readonly reason: string;
  /** The matched text exactly as in the question. */
  readonly matched: string;
  /** `[start, end)` of the match in the question, UTF-16 code units, 0-based. */
  readonly range: readonly [number, number];
  /** Citations of the published sources the pattern rests on. */
  readonly sources: readonly string[];
}

/** The ordering body's consent to a reformulation: the document that records it. */
export interface ConsentRecord {
  /** Number (and kind) of the letter or decision, e.g. `№ 12/345`; must hold a digit. */
  readonly reference: string;
  /** Its date, `YYYY-MM-DD`. */
  readonly date: string;
}

/**
 * The examiner's decision on a question; `open` until recorded with `soz question decide`. A
 * question the competence guard flagged cannot be `answered` as put.
 */
export type QuestionDisposition =
  | { readonly status: 'open' }
  | { readonly status: 'answered' }
  | { readonly status: 'reformulated'; readonly reformulation: string; readonly consent: ConsentRecord }
  | { readonly status: 'declined'; readonly reason: string };

/** The examiner keeps legal-qualification wording the guard found in an answer, with a reason. */
export interface AnswerOverride {
  /** SHA-256 of the answer file the override was given for; a revised answer needs a new one. */
  readonly answerSha256: string;
  readonly reason: string;
  readonly actor: string;
}

/** A question of the order, stored verbatim with the competence guard's result. */
export interface QuestionRecord {
  /** `Q1`, `Q2`… in the order the questions were added (numbering starts at 1). */
  readonly id: string;
  /** The question exactly as written in the order, in its original language. */
  readonly text: string;
  /** Detected or stated language of the question (`ru`, `ky`, `en`). */
  readonly language: string;
  /** Result of the competence guard: legal-qualification patterns that matched, with reasons. */
  readonly guard: {
    readonly flagged: boolean;
    /** Version of each guard data file used, e.g. `{ ru: "1.0.0" }`. */
    readonly guardVersions: Readonly<Record<string, string>>;
    readonly matches: readonly GuardMatch[];
    /** Suggested reformulations into linguistic terms, one per distinct matched pattern. */
    readonly suggestions: readonly string[];
  };
  readonly disposition: QuestionDisposition;
  /** Recorded with `soz question override`; printed in the conclusion beside the answer. */
  readonly answerOverride?: AnswerOverride;
  /** Id of the expert who answers for the answer (`soz question answer --expert`), in a case naming experts. */
  readonly answeredBy?: string;
}

/** The examiner's decision on one candidate finding. */
export interface ReviewDecision {
  readonly findingId: string;
  readonly decision: 'accepted' | 'rejected';
  /** Required, non-empty: why the examiner accepted or set the candidate aside. */
  readonly reason: string;
  /** Questions the finding bears on (accepted findings go under these in the conclusion). */
  readonly questionIds: readonly string[];
  /** The examiner's own attribution of voice where it differs from soz's. */
  readonly voice?: Voice;
  /** Why the examiner changed the voice (required with `voice`). */
  readonly voiceReason?: string;
  readonly actor: string;
}

/**
 * How the person concerned relates to a seized item, as the examiner established it from the case
 * materials: wrote it, forwarded it, only reacted to it (like, emoji) or only stored it — the
 * distinction a court must not lose.
 */
export const ITEM_RELATIONS = ['authored', 'forwarded', 'reaction', 'stored', 'unknown'] as const;
export type ItemRelation = (typeof ITEM_RELATIONS)[number];

/** The examiner's record of the relation to one evidence item (`examiner/items.json`). */
export interface ItemRelationRecord {
  readonly evidenceSha256: string;
  readonly relation: ItemRelation;
  /** What the relation rests on (the order, a protocol, the export's author field…). */
  readonly note: string;
  readonly actor: string;
}

/**
 * The parts of the Rabat Plan of Action test the examiner records facts for, in its order:
 * context, speaker (and audience), content and form, extent. The plan's other two parts, intent
 * and likelihood of harm, are findings for the court, which the competence guard itself refuses
 * to an expert; soz never asks for them.
 */
export const RABAT_FIELDS = ['context', 'speaker', 'contentForm', 'extent'] as const;
export type RabatField = (typeof RABAT_FIELDS)[number];

/** Rabat parts that are for the court; an earlier soz recorded them, so old worksheets may hold them. */
export const RABAT_COURT_PARTS = ['intent', 'likelihood'] as const;
export type RabatCourtPart = (typeof RABAT_COURT_PARTS)[number];

/**
 * A Rabat worksheet for one statement: the accepted findings it covers (one utterance may hold
 * several) and the facts the examiner recorded for each part (`examiner/rabat.json`). Worksheets
 * of an earlier soz may also hold `intent` and `likelihood`; they are shown as recorded.
 */
export interface RabatWorksheet {
  readonly findingIds: readonly string[];
  readonly parts: Readonly<Record<RabatField, string>> & Readonly<Partial<Record<RabatCourtPart, string>>>;
  readonly actor: string;
}

/** A record of one SOP step. */
export interface SopStepRecord {
  readonly stepId: string;
  readonly status: 'done' | 'skipped';
  /** What was done, or why the step was skipped (required for a skip). */
  readonly note: string;
  /** Named values the step asks for (e.g. `translator`, the six Rabat fields), in key order. */
  readonly fields: Readonly<Record<string, string>>;
  /** Files the examiner attached (copied read-only into `examiner/files/`), by hash. */
  readonly files: readonly (HashedFile & { readonly originalName: string })[];
  readonly actor: string;
  /** For a skip: the admitted reason's id (from `sop/procedure.yaml`) and who decided it. */
  readonly skip?: { readonly reasonId: string; readonly decidedBy: string };
  /** Id of the expert whose part the step is (`--expert`, or the one expert of the step's speciality). */
  readonly expertId?: string;
}
