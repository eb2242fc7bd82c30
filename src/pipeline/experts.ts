/**
 * I/O of the experts of a case (`examiner/experts.json`) and of the conclusion's introductory facts
 * (`examiner/case-facts.json`): each change is checked by the pure rules of `src/sop/experts.ts`
 * before anything is written, then written and logged in one commit.
 */
import type { CaseFacts, ExpertRecord, ExpertsFile } from '../core/experts.js';
import { UserError } from '../core/errors.js';
import type { Said } from '../core/messages.js';
import { said, saidMessages, saidText } from '../core/messages.js';
import type { CaseWorkspace } from '../case/workspace.js';
import { loadProcedure } from '../sop/data.js';
import { sopStatus } from '../sop/engine.js';
import type { ExpertRequest, ExpertsFinalInputs } from '../sop/experts.js';
import { addExpert, caseFactsSchema, expertPartDigest, findExpert, mergeCaseFacts, recordDissent, recordJointSection } from '../sop/experts.js';
import type { RecordOptions } from './examiner.js';
import { ExaminerFiles, readAnswer, readExperts, readQuestions, readRecordJson, readStepRecords, validRecord, writeRecord } from './examiner.js';

function writeExperts(workspace: CaseWorkspace, file: ExpertsFile, options: RecordOptions, action: string, details: Record<string, unknown>): void {
  writeRecord(workspace, ExaminerFiles.experts, file, options, action, details);
}

/** What an expert command was refused to do, in the code's English (`error.expert.<action>` in the catalogue). */
const REFUSED_ACTIONS = {
  add: () => 'add the expert',
  acknowledge: (id: string) => `record the acknowledgement of ${id}`,
  sign: (id: string) => `record the signature of ${id}`,
  joint: () => 'record the joint section',
  dissent: (id: string) => `record the dissent of ${id}`,
  facts: () => 'set the case facts',
} as const;

type RefusedAction = keyof typeof REFUSED_ACTIONS;

function refuse(workspace: CaseWorkspace, action: RefusedAction, problems: readonly Said[], code: string, id = ''): never {
  throw new UserError(`${workspace.dir}: cannot ${REFUSED_ACTIONS[action](id)}: ${saidText(problems)}`, code, undefined, {
    key: 'error.expert.cannot',
    params: { dir: workspace.dir, what: { key: `error.expert.${action}`, params: { id }, fallback: REFUSED_ACTIONS[action](id) }, problems: saidMessages(problems) },
  });
}

/** Names an expert of the case (`expert.add`). */
export function addExpertIn(workspace: CaseWorkspace, request: ExpertRequest, options: RecordOptions): ExpertRecord {
  const { file, expert, problems } = addExpert(readExperts(workspace), request);
  if (problems.length > 0 || !expert) refuse(workspace, 'add', problems, 'expert.invalid');
  writeExperts(workspace, file, options, 'expert.add', { expertId: expert.id, speciality: expert.speciality });
  return expert;
}

/** Replaces one expert's record after checks that need the whole file. */
function updateExpert(workspace: CaseWorkspace, id: string, change: (expert: ExpertRecord, file: ExpertsFile) => { expert: ExpertRecord; problems: Said[] }, what: RefusedAction, options: RecordOptions, action: string, details: (expert: ExpertRecord) => Record<string, unknown>): ExpertRecord {
  const file = readExperts(workspace);
  const { expert, problem } = findExpert(file, id);
  if (!expert) refuse(workspace, what, [problem!], 'expert.unknown', id);
  const changed = change(expert, file);
  if (changed.problems.length > 0) refuse(workspace, what, changed.problems, 'expert.invalid', id);
  writeExperts(workspace, { ...file, experts: file.experts.map((candidate) => (candidate.id === id ? changed.expert : candidate)) }, options, action, { expertId: id, ...details(changed.expert) });
  return changed.expert;
}

/** The expert's own acknowledgement of liability (`expert.acknowledge`), with what it rests on. */
export function acknowledgeExpert(workspace: CaseWorkspace, id: string, note: string, options: RecordOptions): ExpertRecord {
  return updateExpert(
    workspace,
    id,
    (expert) => ({ expert: { ...expert, acknowledgement: { note: note.trim() } }, problems: note.trim() === '' ? [said('--note "…" is required: the signed warning (document, date)', 'problem.expert.note')] : [] }),
    'acknowledge',
    options,
    'expert.acknowledge',
    () => ({}),
  );
}

/** The current part digest of every expert (see `expertPartDigest`). */
export function expertDigests(workspace: CaseWorkspace, file: ExpertsFile = readExperts(workspace)): Record<string, string> {
  const steps = readStepRecords(workspace);
  const questions = readQuestions(workspace);
  const answers: Record<string, string> = {};
  for (const question of questions) {
    const answer = readAnswer(workspace, question.id);
    if (answer) answers[question.id] = answer.sha256;
  }
  return Object.fromEntries(file.experts.map((expert) => [expert.id, expertPartDigest(expert, steps, questions, answers, file.joint)]));
}

/**
 * The expert's signature act (`expert.sign`): records the digest of their part as it stands. The
 * expert must have acknowledged liability and have a part: a step, an answer or the joint section.
 */
export function signExpert(workspace: CaseWorkspace, id: string, note: string, options: RecordOptions): ExpertRecord {
  const digests = expertDigests(workspace);
  const owns = readStepRecords(workspace).some((step) => step.expertId === id) || readQuestions(workspace).some((question) => question.answeredBy === id);
  return updateExpert(
    workspace,
    id,
    (expert, file) => {
      const problems: Said[] = [];
      if (!expert.acknowledgement) problems.push(said(`${id} has not acknowledged liability; first soz expert acknowledge DIR ${id} --note "…"`, 'problem.expert.sign-unwarned', { id }));
      if (!owns && file.joint === null) problems.push(said(`${id} has no part to sign: no step (soz sop record … --expert ${id}), answer (--expert ${id}) or joint section is theirs`, 'problem.expert.nothing-to-sign', { id }));
      return { expert: { ...expert, signature: { partDigest: digests[id]!, note: note.trim() } }, problems };
    },
    'sign',
    options,
    'expert.sign',
    (expert) => ({ partDigest: expert.signature!.partDigest }),
  );
}

/** Ids of the steps of a speciality that are neither done nor skipped. */
function unsettledParts(workspace: CaseWorkspace): string[] {
  const procedure = loadProcedure();
  const specialitySteps = new Set(procedure.steps.filter((step) => step.speciality).map((step) => step.id));
  return sopStatus(procedure, workspace.readLog(), readStepRecords(workspace))
    .filter((status) => specialitySteps.has(status.id) && status.state !== 'done' && status.state !== 'skipped')
    .map((status) => status.id);
}

/** The joint section's common conclusions (`expert.joint`), after every part is settled. */
export function recordJointIn(workspace: CaseWorkspace, conclusions: string, options: RecordOptions): ExpertsFile {
  const { file, problems } = recordJointSection(readExperts(workspace), conclusions, unsettledParts(workspace));
  if (problems.length > 0) refuse(workspace, 'joint', problems, 'expert.invalid-joint');
  writeExperts(workspace, file, options, 'expert.joint', {});
  return file;
}

/** One expert's dissent from the joint section (`expert.dissent`). */
export function recordDissentIn(workspace: CaseWorkspace, expertId: string, text: string, options: RecordOptions): ExpertsFile {
  const { file, problems } = recordDissent(readExperts(workspace), expertId, text);
  if (problems.length > 0) refuse(workspace, 'dissent', problems, 'expert.invalid-dissent', expertId);
  writeExperts(workspace, file, options, 'expert.dissent', { expertId });
  return file;
}

/** The introductory facts recorded so far. */
export function readCaseFacts(workspace: CaseWorkspace): CaseFacts {
  return validRecord(workspace, ExaminerFiles.caseFacts, caseFactsSchema, readRecordJson(workspace, ExaminerFiles.caseFacts, {}));
}

/** Sets some of the introductory facts (`case.set`); the merged whole is checked first. */
export function setCaseFacts(workspace: CaseWorkspace, update: Readonly<Record<string, string>>, options: RecordOptions): CaseFacts {
  if (Object.keys(update).length === 0) refuse(workspace, 'facts', [said('give at least one fact, e.g. --kind first --form complex (see soz case set --help)', 'problem.facts.empty')], 'case.facts-empty');
  const { facts, problems } = mergeCaseFacts(readCaseFacts(workspace), update, workspace.metadata.orderDate);
  if (problems.length > 0) refuse(workspace, 'facts', problems, 'case.invalid-facts');
  writeRecord(workspace, ExaminerFiles.caseFacts, facts, options, 'case.set', { keys: Object.keys(update).sort() });
  return facts;
}

/** What `expertsFinalProblems` needs, read from the case. */
export function expertsFinalInputs(workspace: CaseWorkspace): ExpertsFinalInputs {
  const experts = readExperts(workspace);
  const procedure = loadProcedure();
  const specialitySteps = new Set(procedure.steps.filter((step) => step.speciality).map((step) => step.id));
  return {
    experts,
    facts: readCaseFacts(workspace),
    parts: readStepRecords(workspace)
      .filter((record) => record.status === 'done' && specialitySteps.has(record.stepId))
      .map((record) => ({ stepId: record.stepId, expertId: record.expertId !== undefined && experts.experts.some((expert) => expert.id === record.expertId) ? record.expertId : null })),
    answers: readQuestions(workspace)
      .filter((question) => readAnswer(workspace, question.id) !== null)
      .map((question) => ({ questionId: question.id, expertId: question.answeredBy ?? null })),
    digests: expertDigests(workspace, experts),
  };
}
