/**
 * The desk's writes: each is one call of the case function the CLI uses (`recordReview`,
 * `recordVoice`, `addFindingIn`, `undoReview`, `writeReports`, `recordStep`, `withdrawStep`,
 * `addQuestion`, `decideQuestionIn`, `recordAnswerText`, `overrideAnswerIn`, `relateItem`,
 * `setCaseFacts`) on a case opened for writing, so every decision holds the case lock and gets
 * its own log entry. Requests are validated here, at the boundary; the case functions check ids
 * and reasons as they do for the CLI.
 */
import { z } from 'zod';
import { DeskError } from './errors.js';
import type { ReportLanguage } from '../core/case.js';
import type { CaseWorkspace, Clock } from '../case/workspace.js';
import type { QuestionDisposition } from '../core/examiner.js';
import { addFindingIn, addQuestion, decideQuestionIn, overrideAnswerIn, priorDecisions, readCaseFindings, recordAnswerText, recordRabat, recordReview, recordStep, recordVoice, relateItem, undoReview } from '../pipeline/examiner.js';
import { acknowledgeExpert, addExpertIn, recordDissentIn, recordJointIn, setCaseFacts, signExpert } from '../pipeline/experts.js';
import { readExperts } from '../pipeline/examiner.js';
import { withdrawStep } from '../pipeline/sop-steps.js';
import type { PriorDecision } from '../pipeline/examiner.js';
import { writeReports } from '../pipeline/report.js';

const nonEmpty = z.string().trim().min(1);
const ids = z.array(nonEmpty).min(1).max(100_000);

/** POST /api/decide: accept or reject findings with a reason (and, accepted, the questions they bear on). */
export const decideSchema = z.object({ findingIds: ids, decision: z.enum(['accepted', 'rejected']), reason: z.string(), questionIds: z.array(nonEmpty).default([]) }).strict();
/** POST /api/voice: the examiner's attribution of voice for decided findings. */
export const voiceSchema = z.object({ findingIds: ids, voice: nonEmpty, reason: z.string() }).strict();
/** POST /api/rule: one decision for every candidate of one lexicon entry in one document. */
export const ruleSchema = z.object({ findingId: nonEmpty, decision: z.enum(['accepted', 'rejected']), reason: z.string(), questionIds: z.array(nonEmpty).default([]) }).strict();
/** POST /api/add: an examiner finding from a selection in a document's text. */
export const addSchema = z.object({ documentId: nonEmpty, start: z.number().int().min(0), end: z.number().int().min(0), category: nonEmpty, reason: z.string(), voice: nonEmpty.optional() }).strict();
/** Most the files attached to one step record in the desk may hold together (larger ones: `soz sop record --file`). */
export const MAX_ATTACHMENT_BYTES = 16 * 1024 * 1024;
/** A file sent by the page: the name the examiner's browser gave it (kept as the original name only) and its bytes in base64. */
const uploadSchema = z.object({ name: z.string().max(1000), base64: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64') }).strict();
/** POST /api/step: a step done (note, fields, attached files) or skipped for an admitted reason, as `soz sop record`. */
export const stepSchema = z
  .object({ stepId: nonEmpty, note: z.string(), fields: z.record(z.string(), z.string()).default({}), skipReason: nonEmpty.optional(), decidedBy: z.string().optional(), files: z.array(uploadSchema).max(50).default([]), expertId: nonEmpty.optional() })
  .strict();
/** POST /api/step-withdraw: the step's record withdrawn, with why. */
export const withdrawSchema = z.object({ stepId: nonEmpty, reason: z.string() }).strict();
/** POST /api/question: the examiner's decision on a question, as `soz question decide`. */
export const questionSchema = z
  .object({
    questionId: nonEmpty,
    disposition: z.discriminatedUnion('status', [
      z.object({ status: z.literal('answered') }).strict(),
      z.object({ status: z.literal('reformulated'), reformulation: nonEmpty, consent: z.object({ reference: nonEmpty, date: nonEmpty }).strict() }).strict(),
      z.object({ status: z.literal('declined'), reason: nonEmpty }).strict(),
    ]),
  })
  .strict();
/** POST /api/answer: the examiner's answer to a question, typed in the desk, as `soz question answer` records a file. */
export const answerSchema = z.object({ questionId: nonEmpty, text: z.string().max(500_000), expertId: nonEmpty.optional() }).strict();
/** POST /api/expert-add: an expert of a complex or commission expertise, as `soz expert add`. */
export const expertAddSchema = z.object({ name: z.string(), speciality: z.string(), qualification: z.string(), experience: z.string(), institution: z.string() }).strict();
/** POST /api/expert-acknowledge and /api/expert-sign: one expert's act with its note, as `soz expert acknowledge|sign`. */
export const expertActSchema = z.object({ expertId: nonEmpty, note: z.string() }).strict();
/** POST /api/joint: the experts' common conclusions, as `soz sop joint`. */
export const jointSchema = z.object({ conclusions: z.string().max(500_000) }).strict();
/** POST /api/rabat: the Rabat worksheet of one statement (its accepted findings, the facts of each part), as `soz sop rabat`. */
export const rabatSchema = z.object({ findingIds: z.array(nonEmpty).max(100_000), parts: z.record(z.string(), z.string().max(100_000)) }).strict();
/** POST /api/dissent: one expert's dissent from them, as `soz sop dissent`. */
export const dissentSchema = z.object({ expertId: nonEmpty, text: z.string().max(500_000) }).strict();
/** POST /api/answer-override: keep the legal wording the guard found in an answer, with why, as `soz question override`. */
export const overrideSchema = z.object({ questionId: nonEmpty, reason: z.string() }).strict();
/** POST /api/question-add: a question of the order, as `soz question add`. */
export const questionAddSchema = z.object({ text: z.string().max(10_000) }).strict();
/** POST /api/case-facts: facts of the introductory part (only those given change), as `soz case set`. */
export const factsSchema = z.object({ facts: z.record(z.string(), z.string().max(100_000)) }).strict();
/** POST /api/relate: how the person concerned relates to an evidence item, as `soz sop relate`. */
export const relateSchema = z.object({ item: nonEmpty, relation: nonEmpty, note: z.string() }).strict();
/** POST /api/undo: no fields. */
export const undoSchema = z.object({}).strict();

/** Who writes and when. */
export interface DeskActor {
  readonly clock: Clock;
  readonly actor: string;
}

/**
 * The decisions this desk made, newest last, each with what the findings held before: what
 * `undo` sets back. Kept for the life of the server (shared by its tabs); the log is the record.
 */
export class UndoStack {
  private readonly entries: PriorDecision[][] = [];

  push(prior: PriorDecision[]): void {
    this.entries.push(prior);
  }

  pop(): PriorDecision[] | undefined {
    return this.entries.pop();
  }

  get size(): number {
    return this.entries.length;
  }
}

/** Records a decision on findings; remembers what it replaced for undo. */
export function decide(workspace: CaseWorkspace, body: z.infer<typeof decideSchema>, who: DeskActor, undo: UndoStack): Record<string, unknown> {
  const prior = priorDecisions(workspace, body.findingIds);
  recordReview(workspace, [{ findingIds: body.findingIds, decision: body.decision, reason: body.reason, questionIds: body.questionIds, actor: who.actor }], who);
  undo.push(prior);
  return { decided: body.findingIds.length };
}

/**
 * Decision by rule: every candidate of the same lexicon entry (`ruleId`) in the same document as
 * `findingId`, with one reason; the log entry lists every finding decided.
 */
export function decideByRule(workspace: CaseWorkspace, body: z.infer<typeof ruleSchema>, who: DeskActor, undo: UndoStack): Record<string, unknown> {
  const findings = readCaseFindings(workspace);
  const model = findings.find((finding) => finding.id === body.findingId);
  if (!model) throw new DeskError(`unknown finding ${body.findingId}`, 'desk.unknown-finding', { id: body.findingId });
  const same = findings.filter((finding) => finding.ruleId === model.ruleId && finding.analysis === model.analysis && finding.place.documentId === model.place.documentId).map((finding) => finding.id);
  return { ...decide(workspace, { findingIds: same, decision: body.decision, reason: body.reason, questionIds: body.questionIds }, who, undo), findingIds: same };
}

/** Changes the voice of decided findings; undo sets back their earlier record. */
export function changeVoice(workspace: CaseWorkspace, body: z.infer<typeof voiceSchema>, who: DeskActor, undo: UndoStack): Record<string, unknown> {
  const prior = priorDecisions(workspace, body.findingIds);
  recordVoice(workspace, body.findingIds, body.voice, body.reason, who);
  undo.push(prior);
  return { changed: body.findingIds.length };
}

/** Sets back the desk's last decision, logged as a new `review.undo` entry. */
export function undoLast(workspace: CaseWorkspace, who: DeskActor, undo: UndoStack): Record<string, unknown> {
  const prior = undo.pop();
  if (!prior) throw new DeskError('nothing to undo: this desk has made no decision yet', 'desk.nothing-to-undo');
  try {
    undoReview(workspace, prior, who, 'undone in the desk');
  } catch (error) {
    undo.push(prior);
    throw error;
  }
  return { restored: prior.map(({ findingId, decision }) => ({ findingId, status: decision?.decision ?? 'open' })) };
}

/** Adds and accepts the examiner's own finding for a selection of a document's text. */
export function addFinding(workspace: CaseWorkspace, body: z.infer<typeof addSchema>, who: DeskActor): Record<string, unknown> {
  const finding = addFindingIn(workspace, { documentId: body.documentId, range: [body.start, body.end], category: body.category, reason: body.reason, ...(body.voice !== undefined ? { voice: body.voice } : {}) }, [], who);
  return { findingId: finding.id };
}

/** Renders the draft conclusion (Markdown and HTML) into the case, as `soz report --format html` does. */
export async function renderDraft(workspace: CaseWorkspace, language: ReportLanguage, who: DeskActor): Promise<{ path: string; digest: string }> {
  const outcomes = await writeReports(workspace, { clock: who.clock, actor: who.actor, language, formats: ['html'], final: false });
  const html = outcomes.find((outcome) => outcome.format === 'html')!;
  return { path: html.path, digest: html.digest };
}

/**
 * The name a browser gave a file, as an original name only: the part after the last slash or
 * backslash, without control characters, at most 200 characters ("attachment" when nothing is
 * left). It never becomes a path: the case stores the file under its hash.
 */
export function uploadName(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is removed
  const base = (name.split(/[/\\]/).pop() ?? '').replace(/[\u0000-\u001F\u007F-\u009F]/g, '').trim().slice(0, 200);
  return base === '' || base === '.' || base === '..' ? 'attachment' : base;
}

/** The files of a step record sent by the page, decoded; more than `MAX_ATTACHMENT_BYTES` together is refused. */
function uploadsOf(files: z.infer<typeof stepSchema>['files']): { name: string; bytes: Uint8Array }[] {
  const uploads = files.map((file) => ({ name: uploadName(file.name), bytes: new Uint8Array(Buffer.from(file.base64, 'base64')) }));
  const total = uploads.reduce((sum, upload) => sum + upload.bytes.byteLength, 0);
  if (total > MAX_ATTACHMENT_BYTES) throw new DeskError(`the attached files come to ${mebibytes(total)} MiB; at most ${mebibytes(MAX_ATTACHMENT_BYTES)} MiB can be attached in the desk (larger files: soz sop record … --file)`, 'desk.attachment-too-large', { size: mebibytes(total), limit: mebibytes(MAX_ATTACHMENT_BYTES) });
  return uploads;
}

const mebibytes = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);

/** Records a step done or skipped (`recordStep`, as `soz sop record`), with the files the page sent attached as `--file` attaches them. */
export function recordStepFrom(workspace: CaseWorkspace, body: z.infer<typeof stepSchema>, who: DeskActor): Record<string, unknown> {
  const fields = Object.fromEntries(Object.entries(body.fields).filter(([, value]) => value.trim() !== ''));
  const skip = body.skipReason !== undefined;
  const uploads = uploadsOf(body.files);
  const record = recordStep(workspace, { stepId: body.stepId, note: body.note, skip, ...(skip ? { skipReason: body.skipReason } : {}), ...(body.decidedBy !== undefined && body.decidedBy.trim() !== '' ? { decidedBy: body.decidedBy } : {}), fields, files: [], uploads, ...(body.expertId !== undefined ? { expertId: body.expertId } : {}) }, who);
  return { stepId: record.stepId, status: record.status, files: record.files };
}

/** Withdraws a step's record (`withdrawStep`): the step is open again, the log says why. */
export function withdrawStepFrom(workspace: CaseWorkspace, body: z.infer<typeof withdrawSchema>, who: DeskActor): Record<string, unknown> {
  const record = withdrawStep(workspace, body.stepId, body.reason, who);
  return { stepId: record.stepId, withdrawn: record.status };
}

/** Records the decision on a question (`decideQuestionIn`, as `soz question decide`). */
export function decideQuestionFrom(workspace: CaseWorkspace, body: z.infer<typeof questionSchema>, who: DeskActor): Record<string, unknown> {
  const disposition: QuestionDisposition = body.disposition;
  const question = decideQuestionIn(workspace, body.questionId, disposition, who);
  return { questionId: question.id, disposition: question.disposition.status };
}

/** Records the relation of the person concerned to an item (`relateItem`, as `soz sop relate`). */
export function relateItemFrom(workspace: CaseWorkspace, body: z.infer<typeof relateSchema>, who: DeskActor): Record<string, unknown> {
  const record = relateItem(workspace, body.item, body.relation, body.note, who);
  return { evidenceName: record.evidenceName, relation: record.relation };
}

/** Keeps the legal wording the guard found in an answer, with why (`overrideAnswerIn`, as `soz question override`). */
export function overrideAnswerFrom(workspace: CaseWorkspace, body: z.infer<typeof overrideSchema>, who: DeskActor): Record<string, unknown> {
  const question = overrideAnswerIn(workspace, body.questionId, body.reason, who);
  return { questionId: question.id, reason: question.answerOverride?.reason ?? '' };
}

/** Registers a question of the order (`addQuestion`, as `soz question add`), with the competence guard's result. */
export function addQuestionFrom(workspace: CaseWorkspace, body: z.infer<typeof questionAddSchema>, who: DeskActor): Record<string, unknown> {
  const question = addQuestion(workspace, body.text, who);
  return { questionId: question.id, flagged: question.guard.flagged };
}

/** Records facts of the introductory part (`setCaseFacts`, as `soz case set`); an empty value leaves a fact as it is. */
export function setFactsFrom(workspace: CaseWorkspace, body: z.infer<typeof factsSchema>, who: DeskActor): Record<string, unknown> {
  const update = Object.fromEntries(Object.entries(body.facts).filter(([, value]) => value.trim() !== '').map(([key, value]) => [key, value.trim()]));
  return { facts: setCaseFacts(workspace, update, who) };
}

/** Records the examiner's answer typed in the desk (`recordAnswerText`, as `soz question answer` records a file). */
export function answerFrom(workspace: CaseWorkspace, body: z.infer<typeof answerSchema>, who: DeskActor): Record<string, unknown> {
  const answer = recordAnswerText(workspace, body.questionId, body.text, { ...who, ...(body.expertId !== undefined ? { expertId: body.expertId } : {}) });
  return { questionId: body.questionId, path: answer.path, sha256: answer.sha256, legalWording: answer.legalWording.map((match) => match.matched) };
}

/**
 * Who records an expert's own act: the desk's actor when one was named (`soz desk --actor`), else
 * the expert, as the CLI's `soz expert acknowledge|sign` and `soz sop dissent` default to.
 */
function expertWho(workspace: CaseWorkspace, who: DeskActor, named: boolean, expertId: string): DeskActor {
  const expert = readExperts(workspace).experts.find((candidate) => candidate.id === expertId);
  return named || !expert ? who : { ...who, actor: expert.name };
}

/** Names an expert (`addExpertIn`, as `soz expert add`). */
export function addExpertFrom(workspace: CaseWorkspace, body: z.infer<typeof expertAddSchema>, who: DeskActor): Record<string, unknown> {
  const expert = addExpertIn(workspace, { name: body.name, speciality: body.speciality, qualification: body.qualification, experienceYears: body.experience, institution: body.institution }, who);
  return { expertId: expert.id };
}

/** One expert's acknowledgement of liability (`acknowledgeExpert`, as `soz expert acknowledge`). */
export function acknowledgeExpertFrom(workspace: CaseWorkspace, body: z.infer<typeof expertActSchema>, who: DeskActor, named: boolean): Record<string, unknown> {
  return { expertId: acknowledgeExpert(workspace, body.expertId, body.note, expertWho(workspace, who, named, body.expertId)).id };
}

/** One expert's signature of their part as it stands (`signExpert`, as `soz expert sign`). */
export function signExpertFrom(workspace: CaseWorkspace, body: z.infer<typeof expertActSchema>, who: DeskActor, named: boolean): Record<string, unknown> {
  const expert = signExpert(workspace, body.expertId, body.note, expertWho(workspace, who, named, body.expertId));
  return { expertId: expert.id, partDigest: expert.signature?.partDigest ?? '' };
}

/** The joint section's common conclusions (`recordJointIn`, as `soz sop joint`). */
export function recordJointFrom(workspace: CaseWorkspace, body: z.infer<typeof jointSchema>, who: DeskActor): Record<string, unknown> {
  return { joint: recordJointIn(workspace, body.conclusions, who).joint };
}

/** One expert's dissent (`recordDissentIn`, as `soz sop dissent`). */
export function recordDissentFrom(workspace: CaseWorkspace, body: z.infer<typeof dissentSchema>, who: DeskActor, named: boolean): Record<string, unknown> {
  return { joint: recordDissentIn(workspace, body.expertId, body.text, expertWho(workspace, who, named, body.expertId)).joint };
}

/** The Rabat worksheet of one statement (`recordRabat`, as `soz sop rabat`): facts only, every part. */
export function recordRabatFrom(workspace: CaseWorkspace, body: z.infer<typeof rabatSchema>, who: DeskActor): Record<string, unknown> {
  return { findingIds: recordRabat(workspace, body.findingIds, body.parts, who).findingIds };
}
