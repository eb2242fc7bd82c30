/**
 * I/O of the examiner's records in a case folder: questions, review decisions, SOP step records,
 * answers and attached files under `examiner/`. Every write is atomic and logged with the hash of
 * what was written; the pure rules live in `src/sop/`.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { HashedFile } from '../core/case.js';
import { canonicalJson, compareCodeUnits } from '../core/canonical-json.js';
import { InternalError, UserError } from '../core/errors.js';
import type { Said } from '../core/messages.js';
import { said, saidMessages, saidText } from '../core/messages.js';
import type { GuardMatch, ItemRelationRecord, QuestionDisposition, QuestionRecord, RabatField, RabatWorksheet, ReviewDecision, SopStepRecord } from '../core/examiner.js';
import { ITEM_RELATIONS, RABAT_COURT_PARTS, RABAT_FIELDS } from '../core/examiner.js';
import type { SozDocument } from '../core/document.js';
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
import { examinerFinding, noMessage } from '../sop/added.js';
import { itemsNamed } from './intake.js';
import type { AnalysisFile } from '../case/records.js';
import { analysisFiles, eachDerivedDocument, readAnalyses, readCaseJson, readCaseText, readComparison, readDerivedDocuments, readExaminerRecord } from '../case/records.js';
import type { AnalysisResult } from '../core/analysis-result.js';
import type { PersonRecord, PersonRelation, RelationOverride } from '../core/persons.js';
import { handleKey, SETTABLE_RELATIONS } from '../core/persons.js';
import { compareIds, personRelations } from '../sop/relations.js';
import type { DecisionRequest } from '../sop/review.js';
import type { PriorDecision } from '../sop/review.js';

export type { PriorDecision };
import { applyDecisions, changeVoice, decideQuestion, newQuestion, overrideAnswer, restoreDecisions, unknownQuestionIds, unreviewedFindings } from '../sop/review.js';

/** Where the examiner's records live inside a case folder (POSIX, case-relative). */
export const ExaminerFiles = {
  dir: 'examiner',
  questions: 'examiner/questions.json',
  review: 'examiner/review.json',
  sop: 'examiner/sop.json',
  added: 'examiner/added-findings.json',
  items: 'examiner/items.json',
  rabat: 'examiner/rabat.json',
  persons: 'examiner/persons.json',
  relations: 'examiner/relations.json',
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

/** A JSON record of the case as parsed (validated by the caller), or `fallback` when the file does not exist. */
export function readRecordJson(workspace: CaseWorkspace, relative: string, fallback: unknown): unknown {
  return readCaseJson(workspace, relative, 'examiner') ?? fallback;
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
  return validRecord(workspace, ExaminerFiles.experts, expertsFileSchema, readRecordJson(workspace, ExaminerFiles.experts, NO_EXPERTS));
}

/**
 * A record read from the case checked against its schema: a file edited by hand into another shape
 * is a UserError naming the file and the first problems, never a crash further on.
 */
export function validRecord<T>(workspace: CaseWorkspace, relative: string, schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new UserError(`${relative}: not a valid record (${schemaProblems(parsed.error).slice(0, 3).join('; ')}); restore it from the case bundle (the log holds its hash)`, 'case.corrupt-examiner', undefined, { key: 'error.case.corrupt-examiner', params: { relative, problems: schemaProblems(parsed.error).slice(0, 3).join('; ') } });
}

/** The order's questions, in order. */
export function readQuestions(workspace: CaseWorkspace): QuestionRecord[] {
  return readExaminerRecord<QuestionRecord>(workspace, ExaminerFiles.questions, 'questions');
}

/** The review decisions, by finding id. */
export function readReview(workspace: CaseWorkspace): ReviewDecision[] {
  return readExaminerRecord<ReviewDecision>(workspace, ExaminerFiles.review, 'review');
}

/** The examiner's SOP step records, in procedure order of recording. */
export function readStepRecords(workspace: CaseWorkspace): SopStepRecord[] {
  return readExaminerRecord<SopStepRecord>(workspace, ExaminerFiles.sop, 'sop');
}

/** The examiner's answer to a question, or null when none was recorded. */
export function readAnswer(workspace: CaseWorkspace, questionId: string): { text: string; sha256: string; path: string } | null {
  const relative = answerPath(questionId);
  const answer = readCaseText(workspace, relative);
  return answer === null ? null : { ...answer, path: relative };
}

/**
 * Every candidate finding of the case: the `findings` of each `derived/analyses/*.json`, the
 * passages `soz compare` found reproducing library items (`compare/matches.json`) and the findings
 * the examiner added (`examiner/added-findings.json`), in the one stable order, each id once.
 */
export function readCaseFindings(workspace: CaseWorkspace, analyses: readonly AnalysisResult[] = readAnalyses(workspace)): Finding[] {
  const byId = new Map<string, Finding>();
  const found = [...analyses.flatMap((result) => result.findings ?? []), ...(readComparison(workspace)?.findings ?? [])];
  for (const finding of found) if (!byId.has(finding.id)) byId.set(finding.id, finding);
  for (const finding of readExaminerRecord<Finding>(workspace, ExaminerFiles.added, 'added')) if (!byId.has(finding.id)) byId.set(finding.id, finding);
  return [...byId.values()].sort(compareFindings);
}

/**
 * The candidate findings of {@link readCaseFindings}, in its order, never all held: each analysis
 * file's findings (written in `compareFindings` order) are read one at a time and merged with the
 * comparison's and the examiner's added ones (held: they are few); of findings with one id the
 * first source's is kept, as there (the same finding from two sources sorts side by side).
 * Iterable again: each pass reads the files afresh.
 */
export function eachCaseFinding(workspace: CaseWorkspace, files: readonly AnalysisFile[] = analysisFiles(workspace)): Iterable<Finding> {
  const held = heldFindings(workspace);
  return { [Symbol.iterator]: () => mergedFindings([...files.map((file) => file.findings), () => held])[Symbol.iterator]() };
}

/** The candidates that are not the analyses': the comparison's and those the examiner added (few: held), in finding order. */
export function heldFindings(workspace: CaseWorkspace): Finding[] {
  return [...(readComparison(workspace)?.findings ?? []), ...readExaminerRecord<Finding>(workspace, ExaminerFiles.added, 'added')].sort(compareFindings);
}

/** Sorted finding sources merged in `compareFindings` order (the earlier source first on a tie), each id once. */
export function* mergedFindings(sources: readonly (() => Iterable<Finding>)[]): Generator<Finding> {
  const iterators = sources.map((source) => source()[Symbol.iterator]());
  const heads = iterators.map((iterator) => iterator.next());
  let last: Finding | undefined;
  for (;;) {
    let at = -1;
    for (let index = 0; index < heads.length; index += 1) {
      const head = heads[index]!;
      if (!head.done && (at === -1 || compareFindings(head.value, (heads[at] as IteratorYieldResult<Finding>).value) < 0)) at = index;
    }
    if (at === -1) return;
    const finding = (heads[at] as IteratorYieldResult<Finding>).value;
    heads[at] = iterators[at]!.next();
    const next = heads[at]!;
    if (!next.done && compareFindings(next.value, finding) < 0) throw new InternalError(`findings of one analysis are out of order (${next.value.id} after ${finding.id}); run "soz analyze" again`);
    if (last !== undefined && last.id === finding.id) continue;
    last = finding;
    yield finding;
  }
}

/** Stores a question verbatim with the guard's result and logs it. */
export function addQuestion(workspace: CaseWorkspace, text: string, options: RecordOptions): QuestionRecord {
  if (text.trim() === '') throw new UserError('soz question add: the question is empty; pass the question text exactly as in the order', 'question.empty', undefined, { key: 'error.question-empty', params: {} });
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
  if (problems.length > 0) throw new UserError(`${workspace.dir}: cannot decide ${id}: ${saidText(problems)}`, 'question.invalid-decision', undefined, { key: 'error.cannot-decide', params: { dir: workspace.dir, id, problems: saidMessages(problems) } });
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
  if (problems.length > 0) throw new UserError(`${workspace.dir}: cannot override the answer to ${id}: ${saidText(problems)}`, 'question.invalid-override', undefined, { key: 'error.cannot-override', params: { dir: workspace.dir, id, problems: saidMessages(problems) } });
  writeRecord(workspace, ExaminerFiles.questions, questions, options, 'question.override', { questionId: id, answerSha256: answer!.sha256, reason: reason.trim() });
  return questions.find((question) => question.id === id)!;
}

/**
 * Copies the examiner's answer file (UTF-8 text, e.g. Markdown) to `examiner/answers/<id>.md`;
 * returns it with the legal-qualification wording the guard finds in it (which blocks a final
 * conclusion until the answer is revised or the wording kept with `soz question override`).
 */
export function recordAnswer(workspace: CaseWorkspace, id: string, file: string, options: RecordOptions & { expertId?: string }): RecordedAnswer {
  return commitAnswer(workspace, id, options, () => {
    if (!existsSync(file) || !statSync(file).isFile()) throw new UserError(`${file}: answer file not found; write the answer in a text file and pass its path`, 'input.not-found', undefined, { key: 'error.answer-not-found', params: { path: file } });
    const bytes = readFileSync(file);
    if (Buffer.from(bytes.toString('utf8'), 'utf8').compare(bytes) !== 0) throw new UserError(`${file}: not UTF-8 text; save the answer as UTF-8`, 'question.answer-encoding', undefined, { key: 'error.answer-encoding', params: { path: file } });
    return { bytes, originalName: basename(file) };
  });
}

/** Name the log gives an answer typed in the desk rather than copied from a file. */
export const TYPED_ANSWER_NAME = '(typed in soz desk)';

/** Records an answer typed by the examiner (the desk), exactly as `recordAnswer` records a file's. */
export function recordAnswerText(workspace: CaseWorkspace, id: string, text: string, options: RecordOptions & { expertId?: string }): RecordedAnswer {
  return commitAnswer(workspace, id, options, () => {
    if (text.trim() === '') throw new UserError(`${workspace.dir}: the answer to ${id} is empty; write it first`, 'question.answer-empty', undefined, { key: 'error.question.answer-empty', params: { dir: workspace.dir, id } });
    return { bytes: Buffer.from(text, 'utf8'), originalName: TYPED_ANSWER_NAME };
  });
}

/** A recorded answer: its file and hash, the guard's findings in it, who answers for it. */
export type RecordedAnswer = HashedFile & { legalWording: GuardMatch[]; expertId: string | null };

/** The question and its expert checked first, then the answer read, stored and logged in one commit. */
function commitAnswer(workspace: CaseWorkspace, id: string, options: RecordOptions & { expertId?: string }, read: () => { bytes: Buffer; originalName: string }): RecordedAnswer {
  const questions = readQuestions(workspace);
  if (!questions.some((question) => question.id === id)) throw new UserError(`${workspace.dir}: unknown question ${id}; see soz question list ${workspace.dir}`, 'question.unknown', undefined, { key: 'error.unknown-question', params: { dir: workspace.dir, id } });
  const assigned = assignAnswer(readExperts(workspace), options.expertId);
  if (assigned.problem) throw new UserError(`${workspace.dir}: cannot record the answer to ${id}: ${assigned.problem.text}`, 'question.answer-expert', undefined, { key: 'error.cannot-answer', params: { dir: workspace.dir, id, problems: assigned.problem.message } });
  const { bytes, originalName } = read();
  const relative = answerPath(id);
  const output = { path: relative, sha256: sha256(bytes) };
  const legalWording = answerLegalWording({ text: bytes.toString('utf8') });
  const staged = [workspace.stageFile(relative, bytes)];
  const outputs = [output];
  if (assigned.expertId !== null) {
    // Who answers for the answer is part of the question's record: written in the same commit.
    const updated = canonicalJson(questions.map((question) => (question.id === id ? { ...question, answeredBy: assigned.expertId! } : question)), true);
    staged.push(workspace.stageFile(ExaminerFiles.questions, updated));
    outputs.push({ path: ExaminerFiles.questions, sha256: sha256(updated) });
  }
  workspace.commit(options.clock, { actor: options.actor, action: 'question.answer', inputs: [], outputs, details: { questionId: id, originalName, legalWording: legalWording.map((match) => match.patternId), ...(assigned.expertId !== null ? { expertId: assigned.expertId } : {}) } }, staged);
  return { ...output, legalWording, expertId: assigned.expertId };
}

/** Applies review decisions; unknown ids or a missing reason are a UserError and nothing changes. */
export function recordReview(workspace: CaseWorkspace, requests: readonly DecisionRequest[], options: RecordOptions): ReviewDecision[] {
  const findings = readCaseFindings(workspace);
  const { decisions, problems } = applyDecisions(readReview(workspace), requests, findings, readQuestions(workspace));
  if (problems.length > 0) throw new UserError(`${workspace.dir}: ${saidText(problems)}`, 'review.invalid', undefined, { key: 'error.review-invalid', params: { dir: workspace.dir, problems: saidMessages(problems) } });
  const manifest = workspace.has(CaseFiles.manifest) ? [workspace.hashedFile(CaseFiles.manifest)] : [];
  writeRecord(workspace, ExaminerFiles.review, decisions, options, 'review.decide', {
    decisions: requests.map((request) => ({ findingIds: [...request.findingIds], decision: request.decision, reason: request.reason, questionIds: [...request.questionIds] })),
  }, manifest);
  return decisions;
}

/**
 * Undoes a review decision: a new entry `review.undo` puts the findings back to what they were
 * before it (earlier decision or undecided); nothing is removed from the log.
 */
export function undoReview(workspace: CaseWorkspace, prior: readonly PriorDecision[], options: RecordOptions, reason?: string): ReviewDecision[] {
  const known = new Set(readCaseFindings(workspace).map((finding) => finding.id));
  const unknown = prior.filter((entry) => !known.has(entry.findingId)).map((entry) => entry.findingId);
  if (unknown.length > 0) throw new UserError(`${workspace.dir}: cannot undo: unknown finding id(s) ${unknown.join(', ')}`, 'review.invalid', undefined, { key: 'error.cannot-undo', params: { dir: workspace.dir, ids: unknown.join(', ') } });
  const decisions = restoreDecisions(readReview(workspace), prior);
  writeRecord(workspace, ExaminerFiles.review, decisions, options, 'review.undo', {
    ...(reason !== undefined ? { reason } : {}),
    restored: prior.map((entry) => ({ findingId: entry.findingId, decision: entry.decision?.decision ?? null, ...(entry.decision?.voice ? { voice: entry.decision.voice } : {}) })),
  });
  return decisions;
}

/** The review records of `findingIds` as they are now: what `undoReview` restores. */
export function priorDecisions(workspace: CaseWorkspace, findingIds: readonly string[]): PriorDecision[] {
  const byId = new Map(readReview(workspace).map((decision) => [decision.findingId, decision]));
  return [...new Set(findingIds)].map((findingId) => ({ findingId, decision: byId.get(findingId) ?? null }));
}

/** Reasons the examiner gave in the case's review decisions, most recent first, each once. */
export function recentReviewReasons(workspace: CaseWorkspace, limit: number): string[] {
  const reasons: string[] = [];
  for (const entry of workspace.readLog().reverse()) {
    if (entry.action !== 'review.decide') continue;
    const decisions = (entry.details['decisions'] ?? []) as { reason?: unknown }[];
    for (const decision of decisions) {
      if (typeof decision.reason === 'string' && decision.reason.trim() !== '' && !reasons.includes(decision.reason)) reasons.push(decision.reason);
    }
    if (reasons.length >= limit) break;
  }
  return reasons.slice(0, limit);
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
  if (unknown.length > 0) problems.push(unknownQuestionIds(unknown));
  const existing = readCaseFindings(workspace);
  if (finding && existing.some((candidate) => candidate.place.documentId === finding.place.documentId && candidate.place.range[0] === finding.place.range[0] && candidate.place.range[1] === finding.place.range[1])) {
    const [start, end] = finding.place.range;
    problems.push(said(`${finding.place.documentId} ${start}-${end} is already a candidate; accept it with soz review DIR --accept …`, 'problem.added.already', { id: finding.place.documentId, start, end }));
  }
  if (problems.length > 0 || !finding) throw new UserError(`${workspace.dir}: cannot add the finding: ${saidText(problems)}`, 'review.invalid-added', undefined, { key: 'error.cannot-add-finding', params: { dir: workspace.dir, problems: saidMessages(problems) } });
  const added = [...readExaminerRecord<Finding>(workspace, ExaminerFiles.added, 'added'), finding].sort(compareFindings);
  writeRecord(workspace, ExaminerFiles.added, added, options, 'finding.add', { findingId: finding.id, documentId: finding.place.documentId, range: [...finding.place.range], category: finding.category, ...(request.quoted ? { quoted: request.quoted } : {}) });
  recordReview(workspace, [{ findingIds: [finding.id], decision: 'accepted', reason: request.reason, questionIds, actor: options.actor }], options);
  return finding;
}

/** The examiner's attribution of voice for decided findings, with a reason; logged as `review.voice`. */
export function recordVoice(workspace: CaseWorkspace, findingIds: readonly string[], voice: string, reason: string, options: RecordOptions): ReviewDecision[] {
  const { decisions, problems } = changeVoice(readReview(workspace), findingIds, voice, reason, readCaseFindings(workspace));
  if (problems.length > 0) throw new UserError(`${workspace.dir}: cannot change the voice: ${saidText(problems)}`, 'review.invalid-voice', undefined, { key: 'error.cannot-change-voice', params: { dir: workspace.dir, problems: saidMessages(problems) } });
  writeRecord(workspace, ExaminerFiles.review, decisions, options, 'review.voice', { findingIds: [...findingIds], voice, reason: reason.trim() });
  return decisions;
}

/** The examiner's records of the relation of the person concerned to each evidence item, by hash. */
export function readItemRelations(workspace: CaseWorkspace): ItemRelationRecord[] {
  return readExaminerRecord<ItemRelationRecord>(workspace, ExaminerFiles.items, 'items');
}

/** A relation soz does not know, with the ones that may be given. */
function unknownRelation(relation: string, allowed: readonly string[]): Said {
  return said(`--relation ${relation}: use one of ${allowed.join(', ')}`, 'problem.relation.value', { relation, relations: allowed.join(', ') });
}

/**
 * Records how the person concerned relates to one evidence item, named by its original file name
 * or by at least 8 leading hex digits of its SHA-256; a later record for the item replaces the
 * earlier (the log keeps both).
 */
export function relateItem(workspace: CaseWorkspace, item: string, relation: string, note: string, options: RecordOptions): ItemRelationRecord & { evidenceName: string } {
  const evidence = workspace.evidence();
  const matches = itemsNamed(evidence, item);
  const problems: Said[] = [];
  if (matches.length !== 1) {
    const items = evidence.map((record) => record.originalName).join(', ');
    problems.push(
      matches.length === 0
        ? said(`no evidence item "${item}"; name it by its file name or SHA-256 (items: ${items})`, 'problem.item.none', { item, items })
        : said(`more than one evidence item "${item}"; name it by its file name or SHA-256 (items: ${items})`, 'problem.item.many', { item, items }),
    );
  }
  if (!(ITEM_RELATIONS as readonly string[]).includes(relation)) problems.push(unknownRelation(relation, ITEM_RELATIONS));
  if (note.trim() === '') problems.push(said('--note "…" is required: say what the relation rests on', 'problem.item.note'));
  if (problems.length > 0) throw new UserError(`${workspace.dir}: cannot record the relation: ${saidText(problems)}`, 'item.invalid-relation', undefined, { key: 'error.cannot-record-relation', params: { dir: workspace.dir, problems: saidMessages(problems) } });
  const target = matches[0]!;
  const record: ItemRelationRecord = { evidenceSha256: target.sha256, relation: relation as ItemRelationRecord['relation'], note: note.trim(), actor: options.actor };
  const records = [...readItemRelations(workspace).filter((existing) => existing.evidenceSha256 !== target.sha256), record].sort((a, b) => compareCodeUnits(a.evidenceSha256, b.evidenceSha256));
  writeRecord(workspace, ExaminerFiles.items, records, options, 'item.relate', { evidenceSha256: target.sha256, relation });
  return { ...record, evidenceName: target.originalName };
}

/** The persons of interest, in the order they were added. */
export function readPersons(workspace: CaseWorkspace): PersonRecord[] {
  return readExaminerRecord<PersonRecord>(workspace, ExaminerFiles.persons, 'persons');
}

/** The relations the examiner set by hand. */
export function readRelationOverrides(workspace: CaseWorkspace): RelationOverride[] {
  return readExaminerRecord<RelationOverride>(workspace, ExaminerFiles.relations, 'relations');
}

/** Every relation of every person of interest: derived from the derived documents, the examiner's replacing them. */
export function readPersonRelations(workspace: CaseWorkspace, documents: Iterable<SozDocument> = eachDerivedDocument(workspace)): PersonRelation[] {
  return personRelations(readPersons(workspace), documents, readRelationOverrides(workspace));
}

/** Records a person of interest with the accounts that are theirs in the evidence; logged as `person.add`. */
export function addPerson(workspace: CaseWorkspace, name: string, handles: readonly string[], note: string, options: RecordOptions): PersonRecord {
  const persons = readPersons(workspace);
  const problems: Said[] = [];
  if (name.trim() === '') problems.push(said('--name "…" is required: the name as the ordering body gives it', 'problem.person.name'));
  const cleaned = [...new Set(handles.map((handle) => handle.trim()).filter((handle) => handle !== ''))];
  if (cleaned.length === 0) problems.push(said('give at least one --handle: an account name, id or phone-book name that is theirs in the evidence', 'problem.person.handle'));
  if (note.trim() === '') problems.push(said('--note "…" is required: say what the attribution of the accounts rests on', 'problem.person.note'));
  const taken = cleaned.filter((handle) => persons.some((person) => person.handles.some((other) => handleKey(other) === handleKey(handle))));
  if (taken.length > 0) problems.push(said(`handle(s) ${taken.join(', ')} already belong to another person; see soz person list ${workspace.dir}`, 'problem.person.taken', { handles: taken.join(', '), dir: workspace.dir }));
  if (problems.length > 0) throw new UserError(`${workspace.dir}: cannot add the person: ${saidText(problems)}`, 'person.invalid', undefined, { key: 'error.cannot-add-person', params: { dir: workspace.dir, problems: saidMessages(problems) } });
  const record: PersonRecord = { id: `P${persons.length + 1}`, name: name.trim(), handles: cleaned, note: note.trim(), actor: options.actor };
  writeRecord(workspace, ExaminerFiles.persons, [...persons, record], options, 'person.add', { personId: record.id, handles: cleaned });
  return record;
}

/** What `soz relation set` asks for: `target` is `DOC` or `DOC#MESSAGE` (document id or evidence file name). */
export interface RelationRequest {
  readonly personId: string;
  readonly target: string;
  readonly relation: string;
  readonly reason: string;
}

/**
 * Sets a person's relation to a document or one of its messages by hand, replacing what the data
 * gave for that place (a later setting replaces an earlier; the log keeps both); `relation.set`.
 */
export function setRelation(workspace: CaseWorkspace, request: RelationRequest, options: RecordOptions): RelationOverride {
  const documents = readDerivedDocuments(workspace);
  const problems: Said[] = [];
  const personId = request.personId.toUpperCase();
  if (!readPersons(workspace).some((person) => person.id === personId)) problems.push(said(`no person ${request.personId}; add them with soz person add ${workspace.dir} --name "…" --handle …`, 'problem.relation.no-person', { id: request.personId, dir: workspace.dir }));
  if (!(SETTABLE_RELATIONS as readonly string[]).includes(request.relation)) problems.push(unknownRelation(request.relation, SETTABLE_RELATIONS));
  if (request.reason.trim() === '') problems.push(said('--reason "…" is required: say what the relation rests on', 'problem.relation.reason'));
  const hash = request.target.lastIndexOf('#');
  const name = hash === -1 ? request.target : request.target.slice(0, hash);
  const messageId = hash === -1 ? undefined : request.target.slice(hash + 1);
  const docs = documents.filter((doc) => doc.id === name || doc.evidenceName === name);
  if (docs.length !== 1) {
    const listed = documents.map((doc) => `${doc.id} ${doc.evidenceName}`).join(', ');
    problems.push(
      docs.length === 0
        ? said(`no document "${name}"; give --doc as a document id or evidence file name (documents: ${listed}), with #MESSAGE for a message`, 'problem.relation.no-document', { name, documents: listed })
        : said(`more than one document "${name}"; give --doc as a document id or evidence file name (documents: ${listed}), with #MESSAGE for a message`, 'problem.relation.many-documents', { name, documents: listed }),
    );
  } else if (messageId === '') {
    problems.push(said(`--doc ${request.target}: give the message id after #, or leave out # for the whole document`, 'problem.relation.hash', { target: request.target }));
  } else if (messageId !== undefined && !docs[0]!.segments.some((segment) => segment.message?.messageId === messageId)) {
    problems.push(noMessage(docs[0]!, messageId));
  }
  if (problems.length > 0) throw new UserError(`${workspace.dir}: cannot set the relation: ${saidText(problems)}`, 'relation.invalid', undefined, { key: 'error.cannot-set-relation', params: { dir: workspace.dir, problems: saidMessages(problems) } });
  const record: RelationOverride = { personId, documentId: docs[0]!.id, ...(messageId !== undefined ? { messageId } : {}), relation: request.relation as RelationOverride['relation'], reason: request.reason.trim(), actor: options.actor };
  const same = (other: RelationOverride) => other.personId === record.personId && other.documentId === record.documentId && other.messageId === record.messageId;
  const records = [...readRelationOverrides(workspace).filter((other) => !same(other)), record].sort(
    (a, b) => compareIds(a.personId, b.personId) || compareCodeUnits(a.documentId, b.documentId) || compareIds(a.messageId ?? '', b.messageId ?? ''),
  );
  writeRecord(workspace, ExaminerFiles.relations, records, options, 'relation.set', { personId, documentId: record.documentId, ...(messageId !== undefined ? { messageId } : {}), relation: record.relation, reason: record.reason });
  return record;
}

/** The Rabat worksheets, one per statement. */
export function readRabat(workspace: CaseWorkspace): RabatWorksheet[] {
  return readExaminerRecord<RabatWorksheet>(workspace, ExaminerFiles.rabat, 'rabat');
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
  const problems: Said[] = [];
  if (findingIds.length === 0) problems.push(said('name the statement\'s findings with --finding F…', 'problem.rabat.findings'));
  const notAccepted = findingIds.filter((id) => !accepted.has(id));
  if (notAccepted.length > 0) problems.push(said(`finding(s) ${notAccepted.join(', ')} are not accepted; a worksheet covers accepted findings only (soz review DIR --accept …)`, 'problem.rabat.not-accepted', { ids: notAccepted.join(', ') }));
  const forCourt = Object.keys(fields).filter((key) => (RABAT_COURT_PARTS as readonly string[]).includes(key));
  if (forCourt.length > 0) problems.push(said(`${forCourt.join(', ')}: for the court to establish, not the expert; record the facts only (parts: ${RABAT_FIELDS.join(', ')})`, 'problem.rabat.for-court', { parts: forCourt.join(', '), fields: RABAT_FIELDS.join(', ') }));
  const unknown = Object.keys(fields).filter((key) => !(RABAT_FIELDS as readonly string[]).includes(key) && !forCourt.includes(key));
  if (unknown.length > 0) problems.push(said(`no Rabat part ${unknown.join(', ')} (parts: ${RABAT_FIELDS.join(', ')})`, 'problem.rabat.unknown', { parts: unknown.join(', '), fields: RABAT_FIELDS.join(', ') }));
  const missing = RABAT_FIELDS.filter((key) => (fields[key] ?? '').trim() === '');
  if (missing.length > 0) problems.push(said(`give the facts of every part: --field ${missing.map((key) => `${key}=…`).join(' --field ')}`, 'problem.rabat.missing', { fields: missing.map((key) => `${key}=…`).join(' --field ') }));
  if (problems.length > 0) throw new UserError(`${workspace.dir}: cannot record the Rabat worksheet: ${saidText(problems)}`, 'rabat.invalid', undefined, { key: 'error.cannot-record-rabat', params: { dir: workspace.dir, problems: saidMessages(problems) } });
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
  /** Files to attach given as bytes (the desk's uploads): `name` is kept as the original name only, never read as a path. */
  readonly uploads?: readonly { readonly name: string; readonly bytes: Uint8Array }[];
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
  // An item is related once the examiner recorded the relation of the person concerned to it, or
  // a person of interest has a relation to one of its documents (derived from the data or set).
  const related = new Set([...readItemRelations(workspace), ...readPersonRelations(workspace)].map((record) => record.evidenceSha256));
  const unrelatedItems = workspace.evidence().filter((record) => !related.has(record.sha256)).map((record) => record.originalName);
  const experts = readExperts(workspace);
  const assigned = assignExpert(experts, procedure, request.stepId, request.expertId, request.skip);
  for (const file of request.files) {
    if (!existsSync(file) || !statSync(file).isFile()) throw new UserError(`${file}: file to attach not found; check the path`, 'input.not-found', undefined, { key: 'error.attachment-not-found', params: { path: file } });
  }
  const problems = recordProblems(
    procedure,
    statuses,
    { stepId: request.stepId, skip: request.skip, ...(request.skipReason !== undefined ? { skipReason: request.skipReason } : {}), ...(request.decidedBy !== undefined ? { decidedBy: request.decidedBy } : {}), note: request.note, fields: request.fields, fileCount: request.files.length + (request.uploads?.length ?? 0) },
    { questions, unreviewed, unrelatedItems, uncoveredStatements: uncoveredStatements(workspace), unacknowledgedExperts: experts.experts.filter((expert) => !expert.acknowledgement).map((expert) => `${expert.id} ${expert.name}`) },
  );
  if (assigned.problem) problems.push(assigned.problem);
  if (problems.length > 0) {
    throw new UserError(`${workspace.dir}: cannot record step ${request.stepId}: ${problems.map((problem) => problem.text).join('; ')}`, 'sop.invalid-record', undefined, {
      key: 'error.cannot-record-step',
      params: { dir: workspace.dir, step: request.stepId, problems: problems.map((problem) => problem.message) },
    });
  }

  const attached: SopStepRecord['files'][number][] = [];
  const staged: StagedMove[] = [];
  for (const { name, bytes } of [...request.files.map((file) => ({ name: basename(file), bytes: readFileSync(file) })), ...(request.uploads ?? [])]) {
    const hash = sha256(bytes);
    const relative = `${ExaminerFiles.filesDir}/${hash}.${safeExtension(name)}`;
    if (!workspace.has(relative) && !staged.some((move) => move.to === relative)) staged.push(workspace.stageFile(relative, bytes, 0o444));
    attached.push({ path: relative, sha256: hash, originalName: name });
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
