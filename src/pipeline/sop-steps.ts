/**
 * What a face of soz needs to record SOP steps beyond `recordStep`: the form each step asks for
 * (fields, admitted skip reasons in a language) and the withdrawal of a step's record ("not done
 * after all"), logged as its own entry; the log keeps the record that was withdrawn.
 */
import type { ReportLanguage } from '../core/case.js';
import { UserError } from '../core/errors.js';
import type { SopStepRecord } from '../core/examiner.js';
import type { CaseWorkspace } from '../case/workspace.js';
import { loadProcedure } from '../sop/data.js';
import { ExaminerFiles, readStepRecords, writeRecord } from './examiner.js';
import type { RecordOptions } from './examiner.js';

/** Log action of a withdrawn step record. */
export const SOP_WITHDRAW_ACTION = 'sop.withdraw';

/** What recording one step asks for. */
export interface StepForm {
  readonly id: string;
  readonly kind: 'automated' | 'examiner';
  /** Fields the record must carry, then those it may carry. */
  readonly fields: readonly string[];
  readonly optionalFields: readonly string[];
  /** Skip reasons the step admits, titled in the language; `named`: the record names who decided. */
  readonly skipReasons: readonly { readonly id: string; readonly title: string; readonly named: boolean }[];
}

/** The form of every step of the procedure, in its order. */
export function stepForms(language: ReportLanguage): StepForm[] {
  const procedure = loadProcedure();
  return procedure.steps.map((step) => ({
    id: step.id,
    kind: step.kind,
    fields: step.fields ?? [],
    optionalFields: step.optionalFields ?? [],
    skipReasons: (step.skipReasons ?? []).map((id) => {
      const reason = procedure.skipReasons.find((candidate) => candidate.id === id)!;
      return { id, title: reason.title[language], named: reason.decidedBy === 'named' };
    }),
  }));
}

/**
 * Withdraws the examiner's record of a step (done or skipped): the step is open again. Refused
 * while a recorded step depends on it (withdraw that one first), so the checklist never shows a
 * step settled after one that is not.
 */
export function withdrawStep(workspace: CaseWorkspace, stepId: string, reason: string, options: RecordOptions): SopStepRecord {
  const records = readStepRecords(workspace);
  const record = records.find((existing) => existing.stepId === stepId);
  if (!record) throw new UserError(`${workspace.dir}: step ${stepId} has no record to withdraw`, 'sop.nothing-to-withdraw', undefined, { key: 'error.sop.nothing-to-withdraw', params: { dir: workspace.dir, step: stepId } });
  if (reason.trim() === '') throw new UserError(`${workspace.dir}: say why the record of step ${stepId} is withdrawn`, 'sop.withdraw-reason', undefined, { key: 'error.sop.withdraw-reason', params: { dir: workspace.dir, step: stepId } });
  const recorded = new Set(records.map((existing) => existing.stepId));
  const dependants = loadProcedure().steps.filter((step) => recorded.has(step.id) && step.dependsOn.includes(stepId)).map((step) => step.id);
  if (dependants.length > 0) throw new UserError(`${workspace.dir}: step ${dependants.join(', ')} depends on ${stepId}; withdraw ${dependants.length > 1 ? 'those' : 'it'} first`, 'sop.withdraw-dependants', undefined, { key: 'error.sop.withdraw-dependants', params: { dir: workspace.dir, dependants: dependants.join(', '), step: stepId } });
  writeRecord(
    workspace,
    ExaminerFiles.sop,
    records.filter((existing) => existing.stepId !== stepId),
    options,
    SOP_WITHDRAW_ACTION,
    { stepId, withdrawn: record.status, reason: reason.trim() },
  );
  return record;
}
