/**
 * The SOP engine: which steps are done, skipped, open or blocked, from the custody log and the
 * examiner's step records; and what a new record must satisfy. Pure.
 */
import type { LogEntry } from '../core/case.js';
import type { QuestionRecord, SopStepRecord } from '../core/examiner.js';
import type { Procedure, SopStep } from './schema.js';

/** Log action of an examiner's step record. */
export const SOP_RECORD_ACTION = 'sop.record';

/** State of one step. `blocked`: open, and a step it depends on is neither done nor skipped. */
export type StepState = 'done' | 'skipped' | 'open' | 'blocked';

/** One line of the checklist. */
export interface StepStatus {
  readonly id: string;
  /** Position in the procedure, starting at 1. */
  readonly number: number;
  readonly kind: SopStep['kind'];
  readonly title: SopStep['title'];
  readonly state: StepState;
  readonly afterFinal: boolean;
  /** Who did it: the log entry's actor. */
  readonly actor?: string;
  /** Sequence number (from 1) of the log entry that completed the step. */
  readonly logSeq?: number;
  /** ISO time of that log entry (for the terminal only; reports omit it to stay reproducible). */
  readonly time?: string;
  /** The examiner's record, for examiner steps and skipped steps. */
  readonly record?: SopStepRecord;
  /** Dependencies that are neither done nor skipped. */
  readonly waitingFor: readonly string[];
}

/** The checklist: every step in procedure order with its state. */
export function sopStatus(procedure: Procedure, log: readonly LogEntry[], records: readonly SopStepRecord[]): StepStatus[] {
  const byStep = new Map(records.map((record) => [record.stepId, record]));
  const lastEntry = (predicate: (entry: LogEntry) => boolean) => [...log].reverse().find(predicate);
  const settled = new Set<string>();
  const statuses: StepStatus[] = [];
  procedure.steps.forEach((step, index) => {
    const record = byStep.get(step.id);
    const automatedEntry = step.doneWhen ? lastEntry((entry) => entry.action === step.doneWhen!.action) : undefined;
    const recordEntry = record ? lastEntry((entry) => entry.action === SOP_RECORD_ACTION && entry.details['stepId'] === step.id) : undefined;
    const waitingFor = step.dependsOn.filter((dependency) => !settled.has(dependency));
    let state: StepState;
    let entry: LogEntry | undefined;
    if (automatedEntry) {
      state = 'done';
      entry = automatedEntry;
    } else if (record) {
      state = record.status;
      entry = recordEntry;
    } else {
      state = waitingFor.length > 0 ? 'blocked' : 'open';
    }
    if (state === 'done' || state === 'skipped') settled.add(step.id);
    statuses.push({
      id: step.id,
      number: index + 1,
      kind: step.kind,
      title: step.title,
      state,
      afterFinal: step.afterFinal ?? false,
      ...(entry ? { actor: entry.actor, logSeq: entry.seq, time: entry.time } : {}),
      ...(record && !automatedEntry ? { record } : {}),
      waitingFor,
    });
  });
  return statuses;
}

/** Steps that keep a report a draft: neither done nor skipped (after-final steps excluded). */
export function openBeforeFinal(statuses: readonly StepStatus[]): StepStatus[] {
  return statuses.filter((status) => !status.afterFinal && status.state !== 'done' && status.state !== 'skipped');
}

/** What the examiner asks to record. */
export interface RecordRequest {
  readonly stepId: string;
  readonly skip: boolean;
  readonly note: string;
  readonly fields: Readonly<Record<string, string>>;
  readonly fileCount: number;
}

/** Facts of the case a record's requirements are checked against. */
export interface RecordContext {
  readonly questions: readonly QuestionRecord[];
  /** Candidate findings not yet accepted or rejected. */
  readonly unreviewed: number;
}

/**
 * Problems with a record request, each a sentence that says what to do; empty when it may be
 * recorded. Skips need only a reason; a done record needs its dependencies settled and its
 * requirements met.
 */
export function recordProblems(procedure: Procedure, statuses: readonly StepStatus[], request: RecordRequest, context: RecordContext): string[] {
  const step = procedure.steps.find((candidate) => candidate.id === request.stepId);
  if (!step) return [`no step "${request.stepId}" in the procedure; steps are: ${procedure.steps.map((candidate) => candidate.id).join(', ')}`];
  const problems: string[] = [];
  const allowed = new Set(step.fields ?? []);
  for (const key of Object.keys(request.fields)) {
    if (!allowed.has(key)) problems.push(`step ${step.id} has no field "${key}"${allowed.size > 0 ? ` (fields: ${[...allowed].join(', ')})` : ''}`);
  }
  if (request.note.trim() === '') problems.push(request.skip ? `a skip needs --reason "…"` : `step ${step.id} needs --note "…" saying what was done`);
  if (request.skip) return problems;
  if (step.kind === 'automated') {
    problems.push(`step ${step.id} is automated: it is done when the log shows "${step.doneWhen?.action}"; only --skip --reason "…" can be recorded for it`);
    return problems;
  }
  const status = statuses.find((candidate) => candidate.id === step.id);
  if (status && status.waitingFor.length > 0) problems.push(`step ${step.id} depends on ${status.waitingFor.join(', ')}, not yet done or skipped; record those first`);
  for (const requirement of step.requires) {
    switch (requirement) {
      case 'file':
        if (request.fileCount === 0) problems.push(`step ${step.id} needs at least one --file`);
        break;
      case 'questions':
        if (context.questions.length === 0) problems.push(`step ${step.id} needs the order's questions; add each with soz question add DIR "…"`);
        break;
      case 'questions-decided': {
        const open = context.questions.filter((question) => question.disposition.status === 'open').map((question) => question.id);
        if (context.questions.length === 0) problems.push(`step ${step.id} needs the order's questions; add each with soz question add DIR "…"`);
        if (open.length > 0) problems.push(`questions ${open.join(', ')} have no decision; record one with soz question decide DIR Q… --answered | --reformulated "…" --consent "…" | --declined --reason "…"`);
        break;
      }
      case 'review-complete':
        if (context.unreviewed > 0) problems.push(`${context.unreviewed} candidate finding(s) not reviewed; accept or reject each with soz review DIR`);
        break;
      case 'fields':
        for (const field of step.fields ?? []) {
          if ((request.fields[field] ?? '').trim() === '') problems.push(`step ${step.id} needs --field ${field}=…`);
        }
        break;
      case 'note':
        break;
    }
  }
  return problems;
}
