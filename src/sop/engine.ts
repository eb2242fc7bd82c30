/**
 * The SOP engine: which steps are done, skipped, open or blocked, from the custody log and the
 * examiner's step records; and what a new record must satisfy. Pure.
 */
import type { LogEntry } from '../core/case.js';
import type { QuestionRecord, SopStepRecord } from '../core/examiner.js';
import type { Procedure, SopStep } from './schema.js';
import type { Said } from '../core/messages.js';
import { said } from '../core/messages.js';

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
  /** Whether a final conclusion needs the step done or skipped for an admitted reason. */
  readonly requiredForFinal: boolean;
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

/**
 * The checklist: every step in procedure order with its state. An automated step is done by the
 * first log entry of its action from the one that settled the last of its dependencies on (so a draft
 * rendered before the Rabat worksheet does not count as the assembly after it, and the entry that
 * completed a step never moves when the same action is repeated).
 */
export function sopStatus(procedure: Procedure, log: readonly LogEntry[], records: readonly SopStepRecord[]): StepStatus[] {
  const byStep = new Map(records.map((record) => [record.stepId, record]));
  const lastEntry = (predicate: (entry: LogEntry) => boolean) => [...log].reverse().find(predicate);
  /** Step id → seq of the log entry that settled it (done or skipped). */
  const settled = new Map<string, number>();
  const statuses: StepStatus[] = [];
  procedure.steps.forEach((step, index) => {
    const record = byStep.get(step.id);
    const waitingFor = step.dependsOn.filter((dependency) => !settled.has(dependency));
    const after = Math.max(0, ...step.dependsOn.map((dependency) => settled.get(dependency) ?? 0));
    const automatedEntry = step.doneWhen && waitingFor.length === 0 ? log.find((entry) => entry.action === step.doneWhen!.action && entry.seq >= after) : undefined;
    const recordEntry = record ? lastEntry((entry) => entry.action === SOP_RECORD_ACTION && entry.details['stepId'] === step.id) : undefined;
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
    if (state === 'done' || state === 'skipped') settled.set(step.id, entry?.seq ?? 0);
    statuses.push({
      id: step.id,
      number: index + 1,
      kind: step.kind,
      title: step.title,
      state,
      afterFinal: step.afterFinal ?? false,
      requiredForFinal: step.requiredForFinal,
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

/**
 * Steps a `--final` conclusion cannot have unmet, each a sentence naming the step and how to meet
 * it: a required step neither done nor skipped, or skipped for a reason it does not admit (a
 * record made under another version of the procedure).
 */
export function unmetForFinal(procedure: Procedure, statuses: readonly StepStatus[]): Said[] {
  const problems: Said[] = [];
  for (const status of statuses) {
    const step = procedure.steps.find((candidate) => candidate.id === status.id);
    if (!step || !step.requiredForFinal) continue;
    const name = `step ${status.number} ${status.id}`;
    const where = { number: status.number, step: status.id };
    const how = howToMeet(step);
    if (status.state === 'skipped') {
      const reason = status.record?.skip?.reasonId;
      if (!reason || !(step.skipReasons ?? []).includes(reason)) {
        const text = `${name} is skipped${reason ? ` for "${reason}"` : ' without an admitted reason'}, which it does not admit — ${how.text}`;
        problems.push(reason ? said(text, 'final.step-skip-not-admitted', { ...where, reason, how: how.message }) : said(text, 'final.step-skip-no-reason', { ...where, how: how.message }));
      }
    } else if (status.state === 'blocked') {
      problems.push(said(`${name} is waiting for ${status.waitingFor.join(', ')} — ${how.text}`, 'final.step-waiting', { ...where, steps: status.waitingFor.join(', '), how: how.message }));
    } else if (status.state !== 'done') {
      problems.push(said(`${name} is not done — ${how.text}`, 'final.step-not-done', { ...where, how: how.message }));
    }
  }
  return problems;
}

/** How a step is met, for refusal messages. */
function howToMeet(step: SopStep): Said {
  const after = step.dependsOn.join(', ');
  const action = step.doneWhen?.action ?? '';
  const record = `soz sop record DIR ${step.id} --note "…"${(step.fields ?? []).map((field) => ` --field ${field}=…`).join('')}`;
  const how =
    step.kind === 'automated'
      ? action === 'report.render'
        ? said(`it is done when the log shows "${action}" after ${after || 'the start'} (render a draft with soz report DIR)`, after ? 'final.how.render-after' : 'final.how.render', { action, after })
        : said(`it is done when the log shows "${action}" after ${after || 'the start'}`, after ? 'final.how.logged-after' : 'final.how.logged', { action, after })
      : said(`record it with ${record}`, 'final.how.record', { command: record });
  const skips = step.skipReasons ?? [];
  if (skips.length === 0) return how;
  return said(`${how.text}, or skip it with --skip --reason ${skips.join('|')} --note "…"`, 'final.how.or-skip', { how: how.message, reasons: skips.join('|') });
}

/** What the examiner asks to record. */
export interface RecordRequest {
  readonly stepId: string;
  readonly skip: boolean;
  /** Id of the admitted skip reason (with `skip`). */
  readonly skipReason?: string;
  /** Who decided the skip; required when the reason says `decidedBy: named`. */
  readonly decidedBy?: string;
  readonly note: string;
  readonly fields: Readonly<Record<string, string>>;
  readonly fileCount: number;
}

/** Facts of the case a record's requirements are checked against. */
export interface RecordContext {
  readonly questions: readonly QuestionRecord[];
  /** Candidate findings not yet accepted or rejected. */
  readonly unreviewed: number;
  /** Names of evidence items without a recorded relation of the person concerned. */
  readonly unrelatedItems: readonly string[];
  /** Accepted findings not covered by a Rabat worksheet. */
  readonly uncoveredStatements: readonly string[];
  /** Experts named in the case who have not acknowledged liability (`id name`). */
  readonly unacknowledgedExperts: readonly string[];
}

/**
 * Problems with a record request, each a sentence that says what to do; empty when it may be
 * recorded. Done or skipped, a step waits for the steps it depends on. A skip needs a reason the
 * step admits (and who decided, where the reason asks) and a note; a done record needs its
 * requirements met.
 */
export function recordProblems(procedure: Procedure, statuses: readonly StepStatus[], request: RecordRequest, context: RecordContext): Said[] {
  const step = procedure.steps.find((candidate) => candidate.id === request.stepId);
  if (!step) {
    const steps = procedure.steps.map((candidate) => candidate.id).join(', ');
    return [said(`no step "${request.stepId}" in the procedure; steps are: ${steps}`, 'record.no-step', { step: request.stepId, steps })];
  }
  const id = step.id;
  const problems: Said[] = [];
  const allowed = new Set([...(step.fields ?? []), ...(step.optionalFields ?? [])]);
  for (const key of Object.keys(request.fields)) {
    if (allowed.size === 0) problems.push(said(`step ${id} has no field "${key}"`, 'record.no-fields', { step: id, field: key }));
    else if (!allowed.has(key)) problems.push(said(`step ${id} has no field "${key}" (fields: ${[...allowed].join(', ')})`, 'record.unknown-field', { step: id, field: key, fields: [...allowed].join(', ') }));
  }
  const status = statuses.find((candidate) => candidate.id === id);
  if (status && status.waitingFor.length > 0) problems.push(said(`step ${id} depends on ${status.waitingFor.join(', ')}, not yet done or skipped; record those first`, 'record.waiting', { step: id, steps: status.waitingFor.join(', ') }));
  if (request.skip) return [...problems, ...skipProblems(procedure, step, request)];
  if (request.note.trim() === '') problems.push(said(`step ${id} needs --note "…" saying what was done`, 'record.note', { step: id }));
  if (step.kind === 'automated') {
    const action = step.doneWhen?.action ?? '';
    const skips = step.skipReasons ?? [];
    problems.push(
      skips.length > 0
        ? said(`step ${id} is automated: it is done when the log shows "${action}"; only --skip --reason ${skips.join('|')} can be recorded for it`, 'record.automated-skip', { step: id, action, reasons: skips.join('|') })
        : said(`step ${id} is automated: it is done when the log shows "${action}"`, 'record.automated', { step: id, action }),
    );
    return problems;
  }
  const needsQuestions = said(`step ${id} needs the order's questions; add each with soz question add DIR "…"`, 'record.questions', { step: id });
  for (const requirement of step.requires) {
    switch (requirement) {
      case 'file':
        if (request.fileCount === 0) problems.push(said(`step ${id} needs at least one --file`, 'record.file', { step: id }));
        break;
      case 'questions':
        if (context.questions.length === 0) problems.push(needsQuestions);
        break;
      case 'questions-decided': {
        const open = context.questions.filter((question) => question.disposition.status === 'open').map((question) => question.id);
        if (context.questions.length === 0) problems.push(needsQuestions);
        if (open.length > 0) problems.push(said(`questions ${open.join(', ')} have no decision; record one with soz question decide DIR Q… --answered | --reformulated "…" --consent-ref "№ …" --consent-date YYYY-MM-DD | --declined --reason "…"`, 'record.questions-open', { ids: open.join(', ') }));
        break;
      }
      case 'review-complete':
        if (context.unreviewed > 0) problems.push(said(`${context.unreviewed} candidate finding(s) not reviewed; accept or reject each with soz review DIR`, 'record.unreviewed', { count: context.unreviewed }));
        break;
      case 'fields':
        for (const field of step.fields ?? []) {
          if ((request.fields[field] ?? '').trim() === '') problems.push(said(`step ${id} needs --field ${field}=…`, 'record.field', { step: id, field }));
        }
        break;
      case 'items-related':
        if (context.unrelatedItems.length > 0) {
          const items = context.unrelatedItems.join(', ');
          problems.push(said(`no relation recorded for ${items}; record each with soz sop relate DIR ITEM --relation authored|forwarded|reaction|stored|unknown --note "…", or record the persons of interest with soz person add DIR --name "…" --handle … (relations derived from the data; soz relation set DIR … where it says nothing)`, 'record.items-related', { items }));
        }
        break;
      case 'rabat-per-statement':
        if (context.uncoveredStatements.length > 0) {
          const ids = context.uncoveredStatements.join(', ');
          problems.push(said(`accepted finding(s) ${ids} have no Rabat worksheet; fill one per statement with soz sop rabat DIR --finding F… --field context=… --field speaker=… --field contentForm=… --field extent=…`, 'record.rabat', { ids }));
        }
        break;
      case 'experts-acknowledged':
        if (context.unacknowledgedExperts.length > 0) {
          const experts = context.unacknowledgedExperts.join(', ');
          problems.push(said(`expert(s) ${experts} have not acknowledged liability; each does with soz expert acknowledge DIR E… --note "…"`, 'record.experts-acknowledged', { experts }));
        }
        break;
      case 'note':
        break;
    }
  }
  return problems;
}

/** Problems of a skip: the reason must be one the step admits; a named decision names who. */
function skipProblems(procedure: Procedure, step: SopStep, request: RecordRequest): Said[] {
  const id = step.id;
  const admitted = step.skipReasons ?? [];
  if (admitted.length === 0) {
    return [
      step.requiredForFinal
        ? said(`step ${id} cannot be skipped: a final conclusion needs it done`, 'record.no-skip-final', { step: id })
        : said(`step ${id} cannot be skipped: the procedure admits no reason to skip it`, 'record.no-skip', { step: id }),
    ];
  }
  const list = admitted.map((reasonId) => `${reasonId} (${procedure.skipReasons.find((reason) => reason.id === reasonId)?.title.en ?? reasonId})`).join(', ');
  const reason = procedure.skipReasons.find((candidate) => candidate.id === request.skipReason);
  if (!request.skipReason || !reason || !admitted.includes(reason.id)) {
    const values = { step: id, reasons: admitted.join(', ') };
    return [
      request.skipReason
        ? said(`"${request.skipReason}" is not a reason step ${id} admits; give --reason with one of: ${list}`, 'record.reason-not-admitted', { ...values, reason: request.skipReason })
        : said(`a skip of step ${id} needs --reason; give --reason with one of: ${list}`, 'record.reason-missing', values),
    ];
  }
  const problems: Said[] = [];
  if (request.note.trim() === '') problems.push(said(`a skip needs --note "…" saying concretely why (${reason.id})`, 'record.skip-note', { reason: reason.id }));
  if (reason.decidedBy === 'named' && (request.decidedBy ?? '').trim() === '') problems.push(said(`reason ${reason.id} needs --decided-by "…" naming who decided (name and position)`, 'record.decided-by', { reason: reason.id }));
  return problems;
}
