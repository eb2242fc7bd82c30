/**
 * I/O of the examiner's records in a case folder: questions, review decisions, SOP step records,
 * answers and attached files under `examiner/`. Every write is atomic and logged with the hash of
 * what was written; the pure rules live in `src/sop/`.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { HashedFile } from '../core/case.js';
import { canonicalJson, compareCodeUnits } from '../core/canonical-json.js';
import { UserError } from '../core/errors.js';
import type { GuardMatch, ItemRelationRecord, QuestionDisposition, QuestionRecord, RabatField, RabatWorksheet, ReviewDecision, SopStepRecord } from '../core/examiner.js';
import { ITEM_RELATIONS, RABAT_COURT_PARTS, RABAT_FIELDS } from '../core/examiner.js';
import type { ExpertsFile } from '../core/experts.js';
import { assignAnswer, assignExpert, expertsFileSchema, NO_EXPERTS } from '../sop/experts.js';
import type { z } from 'zod';
import { schemaProblems } from '../case/metadata.js';
import type { Finding } from '../core/finding.js';
import { compareFindings } from '../core/finding.js';
import { sha256 } from '../core/hash.js';
import type { StagedMove } from '../case/commit.js';
import { CaseFiles } from '../case/layout.js';
import type { CaseWorkspace, Clock } from '../case/workspace.js';
import { loadGuards, loadProcedure } from '../sop/data.js';
import type { StepStatus } from '../sop/engine.js';
import { recordProblems, SOP_RECORD_ACTION, sopStatus } from '../sop/engine.js';
import { guardQuestion, questionLanguage } from '../sop/guard.js';
import type { AddedFindingRequest } from '../sop/added.js';
import { examinerFinding } from '../sop/added.js';
import { readDerivedDocuments } from './analyze.js';
import type { DecisionRequest } from '../sop/review.js';
import { applyDecisions, changeVoice, decideQuestion, newQuestion, overrideAnswer, unreviewedFindings } from '../sop/review.js';

/** Where the examiner's records live inside a case folder (POSIX, case-relative). */
export const ExaminerFiles = {
  dir: 'examiner',
  questions: 'examiner/questions.json',
  review: 'examiner/review.json',
  sop: 'examiner/sop.json',
  added: 'examiner/added-findings.json',
  items: 'examiner/items.json',
  rabat: 'examiner/rabat.json',
  experts: 'examiner/experts.json',
  caseFacts: 'examiner/case-facts.json',
  answersDir: 'examiner/answers',
  filesDir: 'examiner/files',
} as const;

/** Case-relative path of the examiner's answer to a question. */
export function answerPath(questionId: string): string {
  return `${ExaminerFiles.answersDir}/${questionId}.md`;
}

/** Who and when, for every write. */
export interface RecordOptions {
  readonly clock: Clock;
  readonly actor: string;
}

/** A JSON record of the case, or `fallback` when the file does not exist; unparsable JSON is a UserError. */
export function readJson<T>(workspace: CaseWorkspace, relative: string, fallback: T): T {
  const path = workspace.path(relative);
  if (!existsSync(path)) return fallback;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch {
    throw new UserError(`${path}: not valid JSON; restore it from the case bundle (the log holds its hash)`, 'case.corrupt-examiner');
  }
}

/**
 * Writes one examiner record and commits it with its log entry. Files attached to the record
 * (copied into `examiner/files/` by this same command) are outputs of the entry like the record
 * itself, so `soz verify` finds every one of them recorded.
 */
export function writeRecord(workspace: CaseWorkspace, relative: string, value: unknown, options: RecordOptions, action: string, details: Record<string, unknown>, attachedFiles: HashedFile[] = [], attached: StagedMove[] = []): void {
  const text = canonicalJson(value, true);
  const staged = workspace.stageFile(relative, text);
  workspace.commit(options.clock, { actor: options.actor, action, inputs: [], outputs: [...attachedFiles, { path: relative, sha256: sha256(text) }], details }, [...attached, staged]);
}

/** The experts of the case and the joint section; none named in a single-examiner case. */
export function readExperts(workspace: CaseWorkspace): ExpertsFile {
  return validRecord(workspace, ExaminerFiles.experts, expertsFileSchema, readJson<unknown>(workspace, ExaminerFiles.experts, NO_EXPERTS));
}

/**
 * A record read from the case checked against its schema: a file edited by hand into another shape
 * is a UserError naming the file and the first problems, never a crash further on.
 */
export function validRecord<T>(workspace: CaseWorkspace, relative: string, schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new UserError(`${workspace.path(relative)}: not a valid record (${schemaProblems(parsed.error).slice(0, 3).join('; ')}); restore it from the case bundle (the log holds its hash)`, 'case.corrupt-examiner');
}

/** The order's questions, in order. */
export function readQuestions(workspace: CaseWorkspace): QuestionRecord[] {
  return readJson<QuestionRecord[]>(workspace, ExaminerFiles.questions, []);
}

/** The review decisions, by finding id. */
export function readReview(workspace: CaseWorkspace): ReviewDecision[] {
  return readJson<ReviewDecision[]>(workspace, ExaminerFiles.review, []);
}

/** The examiner's SOP step records, in procedure order of recording. */
export function readStepRecords(workspace: CaseWorkspace): SopStepRecord[] {
  return readJson<SopStepRecord[]>(workspace, ExaminerFiles.sop, []);
}

/** The examiner's answer to a question, or null when none was recorded. */
export function readAnswer(workspace: CaseWorkspace, questionId: string): { text: string; sha256: string; path: string } | null {
  const relative = answerPath(questionId);
  const path = workspace.path(relative);
  if (!existsSync(path)) return null;
  const bytes = readFileSync(path);
  return { text: bytes.toString('utf8'), sha256: sha256(bytes), path: relative };
}

/**
 * Every candidate finding of the case: the `findings` of each `derived/analyses/*.json` and the
 * findings the examiner added (`examiner/added-findings.json`), in the one stable order, each id once.
 */
export function readCaseFindings(workspace: CaseWorkspace): Finding[] {
  const dir = workspace.path(CaseFiles.analysesDir);
  const byId = new Map<string, Finding>();
  for (const name of (existsSync(dir) ? readdirSync(dir) : []).filter((file) => file.endsWith('.json')).sort(compareCodeUnits)) {
    const result = JSON.parse(readFileSync(workspace.path(`${CaseFiles.analysesDir}/${name}`), 'utf8')) as { findings?: Finding[] };
    for (const finding of result.findings ?? []) if (!byId.has(finding.id)) byId.set(finding.id, finding);
  }
  for (const finding of readJson<Finding[]>(workspace, ExaminerFiles.added, [])) if (!byId.has(finding.id)) byId.set(finding.id, finding);
  return [...byId.values()].sort(compareFindings);
}

/** Stores a question verbatim with the guard's result and logs it. */
export function addQuestion(workspace: CaseWorkspace, text: string, options: RecordOptions): QuestionRecord {
  if (text.trim() === '') throw new UserError('soz question add: the question is empty; pass the question text exactly as in the order', 'question.empty');
  const questions = readQuestions(workspace);
  const guards = loadGuards();
  const language = questionLanguage(text, guards);
  const record = newQuestion(questions, text, language, guardQuestion(text, guards, language));
  writeRecord(workspace, ExaminerFiles.questions, [...questions, record], options, 'question.add', { questionId: record.id, flagged: record.guard.flagged, patterns: record.guard.matches.map((match) => match.patternId) });
  return record;
}

/** Records the examiner's decision on a question. */
export function decideQuestionIn(workspace: CaseWorkspace, id: string, disposition: QuestionDisposition, options: RecordOptions): QuestionRecord {
  const { questions, problems } = decideQuestion(readQuestions(workspace), id, disposition, loadGuards());
  if (problems.length > 0) throw new UserError(`${workspace.dir}: cannot decide ${id}: ${problems.join('; ')}`, 'question.invalid-decision');
  writeRecord(workspace, ExaminerFiles.questions, questions, options, 'question.decide', { questionId: id, disposition });
  return questions.find((question) => question.id === id)!;
}

/**
 * Legal-qualification wording the competence guard finds in the examiner's answer to a question
 * (the same patterns as for questions); empty when there is no answer or nothing is found.
 */
export function answerLegalWording(answer: { text: string } | null): GuardMatch[] {
  return answer ? [...guardQuestion(answer.text, loadGuards()).matches] : [];
}

/** Keeps the legal-qualification wording of the current answer with a reason (logged, printed). */
export function overrideAnswerIn(workspace: CaseWorkspace, id: string, reason: string, options: RecordOptions): QuestionRecord {
  const answer = readAnswer(workspace, id);
  const { questions, problems } = overrideAnswer(readQuestions(workspace), id, answer ? { sha256: answer.sha256, matches: answerLegalWording(answer) } : null, reason, options.actor);
  if (problems.length > 0) throw new UserError(`${workspace.dir}: cannot override the answer to ${id}: ${problems.join('; ')}`, 'question.invalid-override');
  writeRecord(workspace, ExaminerFiles.questions, questions, options, 'question.override', { questionId: id, answerSha256: answer!.sha256, reason: reason.trim() });
  return questions.find((question) => question.id === id)!;
}

/**
 * Copies the examiner's answer file (UTF-8 text, e.g. Markdown) to `examiner/answers/<id>.md`;
 * returns it with the legal-qualification wording the guard finds in it (which blocks a final
 * conclusion until the answer is revised or the wording kept with `soz question override`).
 */
export function recordAnswer(workspace: CaseWorkspace, id: string, file: string, options: RecordOptions & { expertId?: string }): HashedFile & { legalWording: GuardMatch[]; expertId: string | null } {
  const questions = readQuestions(workspace);
  if (!questions.some((question) => question.id === id)) throw new UserError(`${workspace.dir}: unknown question ${id}; see soz question list ${workspace.dir}`, 'question.unknown');
  const assigned = assignAnswer(readExperts(workspace), options.expertId);
  if (assigned.problem) throw new UserError(`${workspace.dir}: cannot record the answer to ${id}: ${assigned.problem}`, 'question.answer-expert');
  if (!existsSync(file) || !statSync(file).isFile()) throw new UserError(`${file}: answer file not found; write the answer in a text file and pass its path`, 'input.not-found');
  const bytes = readFileSync(file);
  const text = bytes.toString('utf8');
  if (Buffer.from(text, 'utf8').compare(bytes) !== 0) throw new UserError(`${file}: not UTF-8 text; save the answer as UTF-8`, 'question.answer-encoding');
  const relative = answerPath(id);
  const output = { path: relative, sha256: sha256(bytes) };
  const legalWording = answerLegalWording({ text });
  const staged = [workspace.stageFile(relative, bytes)];
  const outputs = [output];
  if (assigned.expertId !== null) {
    // Who answers for the answer is part of the question's record: written in the same commit.
    const updated = canonicalJson(questions.map((question) => (question.id === id ? { ...question, answeredBy: assigned.expertId! } : question)), true);
    staged.push(workspace.stageFile(ExaminerFiles.questions, updated));
    outputs.push({ path: ExaminerFiles.questions, sha256: sha256(updated) });
  }
  workspace.commit(options.clock, { actor: options.actor, action: 'question.answer', inputs: [], outputs, details: { questionId: id, originalName: basename(file), legalWording: legalWording.map((match) => match.patternId), ...(assigned.expertId !== null ? { expertId: assigned.expertId } : {}) } }, staged);
  return { ...output, legalWording, expertId: assigned.expertId };
}

/** Applies review decisions; unknown ids or a missing reason are a UserError and nothing changes. */
export function recordReview(workspace: CaseWorkspace, requests: readonly DecisionRequest[], options: RecordOptions): ReviewDecision[] {
  const findings = readCaseFindings(workspace);
  const { decisions, problems } = applyDecisions(readReview(workspace), requests, findings, readQuestions(workspace));
  if (problems.length > 0) throw new UserError(`${workspace.dir}: ${problems.join('; ')}`, 'review.invalid');
  const manifest = existsSync(workspace.path(CaseFiles.manifest)) ? [workspace.hashedFile(CaseFiles.manifest)] : [];
  writeRecord(workspace, ExaminerFiles.review, decisions, options, 'review.decide', {
    decisions: requests.map((request) => ({ findingIds: [...request.findingIds], decision: request.decision, reason: request.reason, questionIds: [...request.questionIds] })),
  }, manifest);
  return decisions;
}

/**
 * Adds a finding the examiner located (a fragment soz did not offer) and accepts it with the
 * examiner's reason and the questions it bears on. Everything is checked before anything is
 * written; the finding is logged as `finding.add`, the acceptance as `review.decide`.
 */
export function addFindingIn(workspace: CaseWorkspace, request: AddedFindingRequest, questionIds: readonly string[], options: RecordOptions): Finding {
  const { finding, problems } = examinerFinding(readDerivedDocuments(workspace), request);
  const known = new Set(readQuestions(workspace).map((question) => question.id));
  const unknown = questionIds.filter((id) => !known.has(id));
  if (unknown.length > 0) problems.push(`unknown question id(s) ${unknown.join(', ')}; list them with soz question list DIR`);
  const existing = readCaseFindings(workspace);
  if (finding && existing.some((candidate) => candidate.place.documentId === finding.place.documentId && candidate.place.range[0] === finding.place.range[0] && candidate.place.range[1] === finding.place.range[1])) {
    problems.push(`${finding.place.documentId} ${finding.place.range[0]}-${finding.place.range[1]} is already a candidate; accept it with soz review DIR --accept …`);
  }
  if (problems.length > 0 || !finding) throw new UserError(`${workspace.dir}: cannot add the finding: ${problems.join('; ')}`, 'review.invalid-added');
  const added = [...readJson<Finding[]>(workspace, ExaminerFiles.added, []), finding].sort(compareFindings);
  writeRecord(workspace, ExaminerFiles.added, added, options, 'finding.add', { findingId: finding.id, documentId: finding.place.documentId, range: [...finding.place.range], category: finding.category });
  recordReview(workspace, [{ findingIds: [finding.id], decision: 'accepted', reason: request.reason, questionIds, actor: options.actor }], options);
  return finding;
}

/** The examiner's attribution of voice for decided findings, with a reason; logged as `review.voice`. */
export function recordVoice(workspace: CaseWorkspace, findingIds: readonly string[], voice: string, reason: string, options: RecordOptions): ReviewDecision[] {
  const { decisions, problems } = changeVoice(readReview(workspace), findingIds, voice, reason, readCaseFindings(workspace));
  if (problems.length > 0) throw new UserError(`${workspace.dir}: cannot change the voice: ${problems.join('; ')}`, 'review.invalid-voice');
  writeRecord(workspace, ExaminerFiles.review, decisions, options, 'review.voice', { findingIds: [...findingIds], voice, reason: reason.trim() });
  return decisions;
}

/** The examiner's records of the relation of the person concerned to each evidence item, by hash. */
export function readItemRelations(workspace: CaseWorkspace): ItemRelationRecord[] {
  return readJson<ItemRelationRecord[]>(workspace, ExaminerFiles.items, []);
}

/**
 * Records how the person concerned relates to one evidence item, named by its original file name
 * or by at least 8 leading hex digits of its SHA-256; a later record for the item replaces the
 * earlier (the log keeps both).
 */
export function relateItem(workspace: CaseWorkspace, item: string, relation: string, note: string, options: RecordOptions): ItemRelationRecord & { evidenceName: string } {
  const evidence = workspace.evidence();
  const matches = evidence.filter((record) => record.originalName === item || (/^[0-9a-f]{8,64}$/.test(item) && record.sha256.startsWith(item)));
  const problems: string[] = [];
  if (matches.length !== 1) problems.push(`${matches.length === 0 ? 'no' : 'more than one'} evidence item "${item}"; name it by its file name or SHA-256 (items: ${evidence.map((record) => record.originalName).join(', ') || 'none'})`);
  if (!(ITEM_RELATIONS as readonly string[]).includes(relation)) problems.push(`--relation ${relation}: use one of ${ITEM_RELATIONS.join(', ')}`);
  if (note.trim() === '') problems.push('--note "…" is required: say what the relation rests on');
  if (problems.length > 0) throw new UserError(`${workspace.dir}: cannot record the relation: ${problems.join('; ')}`, 'item.invalid-relation');
  const target = matches[0]!;
  const record: ItemRelationRecord = { evidenceSha256: target.sha256, relation: relation as ItemRelationRecord['relation'], note: note.trim(), actor: options.actor };
  const records = [...readItemRelations(workspace).filter((existing) => existing.evidenceSha256 !== target.sha256), record].sort((a, b) => compareCodeUnits(a.evidenceSha256, b.evidenceSha256));
  writeRecord(workspace, ExaminerFiles.items, records, options, 'item.relate', { evidenceSha256: target.sha256, relation });
  return { ...record, evidenceName: target.originalName };
}

/** The Rabat worksheets, one per statement. */
export function readRabat(workspace: CaseWorkspace): RabatWorksheet[] {
  return readJson<RabatWorksheet[]>(workspace, ExaminerFiles.rabat, []);
}

/** Accepted findings that no Rabat worksheet covers, in finding order. */
export function uncoveredStatements(workspace: CaseWorkspace): string[] {
  const covered = new Set(readRabat(workspace).flatMap((sheet) => sheet.findingIds));
  const accepted = new Set(readReview(workspace).filter((decision) => decision.decision === 'accepted').map((decision) => decision.findingId));
  return readCaseFindings(workspace).filter((finding) => accepted.has(finding.id) && !covered.has(finding.id)).map((finding) => finding.id);
}

/**
 * Records the Rabat worksheet of one statement: the accepted findings it covers and the facts of
 * all six parts. Findings covered by an earlier worksheet move to this one.
 */
export function recordRabat(workspace: CaseWorkspace, findingIds: readonly string[], fields: Readonly<Record<string, string>>, options: RecordOptions): RabatWorksheet {
  const accepted = new Set(readReview(workspace).filter((decision) => decision.decision === 'accepted').map((decision) => decision.findingId));
  const problems: string[] = [];
  if (findingIds.length === 0) problems.push('name the statement\'s findings with --finding F…');
  const notAccepted = findingIds.filter((id) => !accepted.has(id));
  if (notAccepted.length > 0) problems.push(`finding(s) ${notAccepted.join(', ')} are not accepted; a worksheet covers accepted findings only (soz review DIR --accept …)`);
  const forCourt = Object.keys(fields).filter((key) => (RABAT_COURT_PARTS as readonly string[]).includes(key));
  if (forCourt.length > 0) problems.push(`${forCourt.join(' and ')} ${forCourt.length > 1 ? 'are' : 'is'} for the court to establish, not the expert; record the facts only (parts: ${RABAT_FIELDS.join(', ')})`);
  const unknown = Object.keys(fields).filter((key) => !(RABAT_FIELDS as readonly string[]).includes(key) && !forCourt.includes(key));
  if (unknown.length > 0) problems.push(`no Rabat part ${unknown.join(', ')} (parts: ${RABAT_FIELDS.join(', ')})`);
  const missing = RABAT_FIELDS.filter((key) => (fields[key] ?? '').trim() === '');
  if (missing.length > 0) problems.push(`give the facts of every part: --field ${missing.map((key) => `${key}=…`).join(' --field ')}`);
  if (problems.length > 0) throw new UserError(`${workspace.dir}: cannot record the Rabat worksheet: ${problems.join('; ')}`, 'rabat.invalid');
  const parts = Object.fromEntries(RABAT_FIELDS.map((key) => [key, fields[key]!.trim()])) as Record<RabatField, string>;

  const ids = [...new Set(findingIds)].sort(compareCodeUnits);
  const sheet: RabatWorksheet = { findingIds: ids, parts, actor: options.actor };
  const sheets = [
    ...readRabat(workspace)
      .map((earlier) => ({ ...earlier, findingIds: earlier.findingIds.filter((id) => !ids.includes(id)) }))
      .filter((earlier) => earlier.findingIds.length > 0),
    sheet,
  ].sort((a, b) => compareCodeUnits(a.findingIds[0]!, b.findingIds[0]!));
  writeRecord(workspace, ExaminerFiles.rabat, sheets, options, 'rabat.record', { findingIds: ids });
  return sheet;
}

/** The SOP checklist of the case. */
export function caseSopStatus(workspace: CaseWorkspace): { statuses: StepStatus[]; procedureVersion: string; procedureId: string } {
  const procedure = loadProcedure();
  return { statuses: sopStatus(procedure, workspace.readLog(), readStepRecords(workspace)), procedureVersion: procedure.version, procedureId: procedure.id };
}

/** What `soz sop record` asks for. */
export interface StepRecordRequest {
  readonly stepId: string;
  readonly note: string;
  readonly skip: boolean;
  /** With `skip`: id of an admitted skip reason, and who decided (default: the actor). */
  readonly skipReason?: string;
  readonly decidedBy?: string;
  readonly fields: Readonly<Record<string, string>>;
  /** Paths of files to attach (copied read-only into `examiner/files/`). */
  readonly files: readonly string[];
  /** The expert whose part this is (`--expert E…`); default: the one expert of the step's speciality. */
  readonly expertId?: string;
}

/** Extension kept on an attached copy: letters and digits only, else `bin`. */
function safeExtension(name: string): string {
  const match = /\.([A-Za-z0-9]{1,10})$/.exec(name);
  return match ? match[1]!.toLowerCase() : 'bin';
}

/** Records an examiner step (or a skip); dependencies and requirements are enforced. */
export function recordStep(workspace: CaseWorkspace, request: StepRecordRequest, options: RecordOptions): SopStepRecord {
  const procedure = loadProcedure();
  const records = readStepRecords(workspace);
  const statuses = sopStatus(procedure, workspace.readLog(), records);
  const questions = readQuestions(workspace);
  const unreviewed = unreviewedFindings(readCaseFindings(workspace), readReview(workspace)).length;
  const related = new Set(readItemRelations(workspace).map((record) => record.evidenceSha256));
  const unrelatedItems = workspace.evidence().filter((record) => !related.has(record.sha256)).map((record) => record.originalName);
  const experts = readExperts(workspace);
  const assigned = assignExpert(experts, procedure, request.stepId, request.expertId, request.skip);
  for (const file of request.files) {
    if (!existsSync(file) || !statSync(file).isFile()) throw new UserError(`${file}: file to attach not found; check the path`, 'input.not-found');
  }
  const problems = recordProblems(
    procedure,
    statuses,
    { stepId: request.stepId, skip: request.skip, ...(request.skipReason !== undefined ? { skipReason: request.skipReason } : {}), ...(request.decidedBy !== undefined ? { decidedBy: request.decidedBy } : {}), note: request.note, fields: request.fields, fileCount: request.files.length },
    { questions, unreviewed, unrelatedItems, uncoveredStatements: uncoveredStatements(workspace), unacknowledgedExperts: experts.experts.filter((expert) => !expert.acknowledgement).map((expert) => `${expert.id} ${expert.name}`) },
  );
  if (assigned.problem) problems.push(assigned.problem);
  if (problems.length > 0) throw new UserError(`${workspace.dir}: cannot record step ${request.stepId}: ${problems.join('; ')}`, 'sop.invalid-record');

  const attached: SopStepRecord['files'][number][] = [];
  const staged: StagedMove[] = [];
  for (const file of request.files) {
    const bytes = readFileSync(file);
    const hash = sha256(bytes);
    const relative = `${ExaminerFiles.filesDir}/${hash}.${safeExtension(file)}`;
    if (!existsSync(workspace.path(relative)) && !staged.some((move) => move.to === relative)) staged.push(workspace.stageFile(relative, bytes, 0o444));
    attached.push({ path: relative, sha256: hash, originalName: basename(file) });
  }
  const fields: Record<string, string> = {};
  for (const key of Object.keys(request.fields).sort(compareCodeUnits)) fields[key] = request.fields[key]!.trim();
  const record: SopStepRecord = {
    stepId: request.stepId,
    status: request.skip ? 'skipped' : 'done',
    note: request.note.trim(),
    fields,
    files: attached,
    actor: options.actor,
    ...(request.skip ? { skip: { reasonId: request.skipReason!, decidedBy: (request.decidedBy ?? '').trim() || options.actor } } : {}),
    ...(assigned.expertId !== null ? { expertId: assigned.expertId } : {}),
  };
  const order = new Map(procedure.steps.map((step, index) => [step.id, index]));
  const next = [...records.filter((existing) => existing.stepId !== request.stepId), record].sort((a, b) => (order.get(a.stepId) ?? 0) - (order.get(b.stepId) ?? 0));
  writeRecord(workspace, ExaminerFiles.sop, next, options, SOP_RECORD_ACTION, { stepId: record.stepId, status: record.status, ...(record.skip ? { skip: record.skip } : {}), ...(record.expertId ? { expertId: record.expertId } : {}), procedure: procedure.id, procedureVersion: procedure.version }, attached.map(({ path, sha256: hash }) => ({ path, sha256: hash })), staged);
  return record;
}
