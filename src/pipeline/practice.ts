/**
 * I/O of practice cases: list the library, start a case for a trainee, grade the trainee's work.
 *
 * The key is kept from the trainee by construction: `start` is given only the paths
 * `practiceSource()` returns — the case's `case.yaml` and the files in its `materials/` — and never
 * builds a path to `key.yaml`. Only `grade` (and `practiceKeyPath`) name the key.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { CaseMetadata } from '../core/case.js';
import type { ReportLanguage } from '../core/case.js';
import { CASE_SCHEMA, defaultActor } from '../core/case.js';
import { canonicalJson, compareCodeUnits } from '../core/canonical-json.js';
import { UserError } from '../core/errors.js';
import { sha256 } from '../core/hash.js';
import type { Limits } from '../ingest/adapter.js';
import { DEFAULT_LIMITS } from '../ingest/adapter.js';
import { inputFromFile } from '../ingest/file-input.js';
import { adapterFor } from '../ingest/registry.js';
import { sniffMediaType } from '../ingest/sniff.js';
import { readHead } from '../case/evidence-store.js';
import { CaseWorkspace } from '../case/workspace.js';
import { unusedFolder } from '../case/new-folder.js';
import type { Clock } from '../case/workspace.js';
import type { PracticeCase, PracticeKey } from '../practice/schema.js';
import { caseKeyProblems, parsePracticeCase, parsePracticeKey } from '../practice/schema.js';
import type { GradeResult } from '../practice/grade.js';
import { gradePractice } from '../practice/grade.js';
import type { SheetSay } from '../practice/feedback.js';
import { feedbackHtml } from '../practice/feedback.js';
import { formatMessage } from '../core/messages.js';
import { readCliCatalogue } from './cli-catalogue.js';
import { addEvidence } from './intake.js';
import { analyzeCase } from './analyze.js';
import { readCaseJson, readDerivedDocuments } from '../case/records.js';
import { addQuestion, readAnswer, readCaseFindings, readPersonRelations, readQuestions, readReview, readStepRecords } from './examiner.js';
import { writeReport } from './report.js';
import { INSTALL_ROOT } from './install.js';

/** The bundled library of fictional practice cases. */
export const PRACTICE_LIBRARY = join(INSTALL_ROOT, 'corpora', 'practice');

/** The practice case the demo runs on. */
export const PRACTICE_DEMO_CASE = 'ru-grey-stone';

/** Files `soz practice` writes inside a case folder (POSIX, case-relative). */
export const PracticeFiles = {
  record: 'practice/practice.json',
  grade: 'practice/grade.json',
  feedback: 'practice/feedback.html',
} as const;

/** What a started case records about where it came from (never anything of the key). */
export interface PracticeRecord {
  readonly schema: 'soz.practice/1';
  readonly caseId: string;
  readonly caseYamlSha256: string;
  readonly materials: readonly { readonly name: string; readonly sha256: string }[];
}

/** The only inputs of `start`: the order and the materials. */
export interface PracticeSource {
  readonly caseYaml: string;
  readonly materialsDir: string;
}

function assertId(id: string): void {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) throw new UserError(`practice case "${id}": not a case id; see "soz practice list"`, 'practice.unknown-case', undefined, { key: 'error.practice.not-an-id', params: { id } });
}

/** Paths of a case's order and materials in a library; a `UserError` when the case is not there. */
export function practiceSource(id: string, library: string = PRACTICE_LIBRARY): PracticeSource {
  assertId(id);
  const caseYaml = join(library, id, 'case.yaml');
  const materialsDir = join(library, id, 'materials');
  if (!existsSync(caseYaml) || !existsSync(materialsDir)) {
    throw new UserError(`practice case "${id}": not in the library ${library}; see "soz practice list"`, 'practice.unknown-case', undefined, { key: 'error.practice.unknown-case', params: { id, library } });
  }
  return { caseYaml, materialsDir };
}

/** Path of a case's key in a library (used by grading and the trainer's tools only). */
export function practiceKeyPath(id: string, library: string = PRACTICE_LIBRARY): string {
  assertId(id);
  return join(library, id, 'key.yaml');
}

/** Material files of a source, sorted by name (hidden files ignored). */
export function materialFiles(source: PracticeSource): string[] {
  return readdirSync(source.materialsDir)
    .filter((name) => !name.startsWith('.') && statSync(join(source.materialsDir, name)).isFile())
    .sort(compareCodeUnits)
    .map((name) => join(source.materialsDir, name));
}

/** Reads and validates a case's `case.yaml`. */
export function readPracticeCase(source: PracticeSource): PracticeCase {
  return parsePracticeCase(readFileSync(source.caseYaml, 'utf8'), source.caseYaml);
}

/** Reads and validates a key file. */
export function readPracticeKey(path: string): PracticeKey {
  if (!existsSync(path)) throw new UserError(`${path}: key file not found; give the trainer's key with --key FILE`, 'practice.no-key', undefined, { key: 'error.practice.no-key', params: { path } });
  return parsePracticeKey(readFileSync(path, 'utf8'), path);
}

/** One library entry as `soz practice list` shows it. */
export interface PracticeListing {
  readonly id: string;
  readonly title: string;
  readonly languages: readonly string[];
  /** Formats of the materials as soz's ingest recognises them (e.g. `telegram-json`, `pdf`). */
  readonly formats: readonly string[];
  readonly materials: number;
}

/** Format soz's ingest assigns to a file (the adapter that detects it). */
async function formatOf(path: string): Promise<string> {
  const head = await readHead(path);
  const bytes = readFileSync(path);
  const input = inputFromFile(path, { name: basename(path), sha256: sha256(bytes), size: bytes.length, mediaType: sniffMediaType(head), head, limits: DEFAULT_LIMITS });
  return adapterFor(input).format;
}

/** Every case of a library, by id; reads each `case.yaml` and sniffs the materials. */
export async function listPracticeCases(library: string = PRACTICE_LIBRARY): Promise<PracticeListing[]> {
  if (!existsSync(library)) throw new UserError(`${library}: no practice library here`, 'practice.no-library', undefined, { key: 'error.practice.no-library', params: { library } });
  const listings: PracticeListing[] = [];
  for (const id of readdirSync(library).sort(compareCodeUnits)) {
    if (!existsSync(join(library, id, 'case.yaml'))) continue;
    const source = practiceSource(id, library);
    const practiceCase = readPracticeCase(source);
    const files = materialFiles(source);
    const formats = new Set<string>();
    for (const file of files) formats.add(await formatOf(file));
    listings.push({ id, title: practiceCase.title, languages: practiceCase.languages, formats: [...formats].sort(compareCodeUnits), materials: files.length });
  }
  return listings;
}

/** Case metadata `soz init` would record for a practice case. */
export function practiceMetadata(practiceCase: PracticeCase): CaseMetadata {
  return {
    schema: CASE_SCHEMA,
    caseNumber: practiceCase.caseNumber,
    orderingBody: practiceCase.orderingBody,
    orderDate: practiceCase.orderDate,
    examiner: practiceCase.examiner,
    examinationDate: practiceCase.examinationDate,
    reportLanguage: practiceCase.reportLanguage,
  };
}

/** What `start` did. */
export interface StartOutcome {
  readonly caseId: string;
  readonly dir: string;
  readonly materials: number;
  readonly documents: number;
  readonly questions: number;
  readonly flagged: number;
}

/** Options of `start`; `library` lets tests use a copy of the library. */
export interface StartOptions {
  readonly clock: Clock;
  readonly library?: string;
  readonly limits?: Limits;
}

/**
 * Creates a practice case folder for a trainee: init from `case.yaml`, custody of every
 * material, the order's questions through the competence guard, analysis, and
 * `practice/practice.json` naming the case id. Reads nothing but `case.yaml` and `materials/`.
 */
export async function startPracticeCase(id: string, dir: string, options: StartOptions): Promise<StartOutcome> {
  const source = practiceSource(id, options.library);
  const practiceCase = readPracticeCase(source);
  if (practiceCase.id !== id) throw new UserError(`${source.caseYaml}: id ${practiceCase.id} is not the folder name ${id}; fix the id`, 'practice.invalid-case', undefined, { key: 'error.practice.id-not-folder', params: { path: source.caseYaml, caseId: practiceCase.id, id } });
  const files = materialFiles(source);
  if (files.length === 0) throw new UserError(`${source.materialsDir}: no materials; a practice case needs at least one`, 'practice.no-materials', undefined, { key: 'error.practice.no-materials', params: { path: source.materialsDir } });
  const limits = options.limits ?? DEFAULT_LIMITS;
  const actor = practiceCase.examiner;
  const { workspace } = CaseWorkspace.init(dir, practiceMetadata(practiceCase), options.clock, actor);
  await addEvidence(workspace, files, { clock: options.clock, actor, limits });
  let flagged = 0;
  for (const question of practiceCase.questions) {
    if (addQuestion(workspace, question.text, { clock: options.clock, actor }).guard.flagged) flagged += 1;
  }
  const analysis = await analyzeCase(workspace, { clock: options.clock, actor, limits });
  const record: PracticeRecord = {
    schema: 'soz.practice/1',
    caseId: practiceCase.id,
    caseYamlSha256: sha256(readFileSync(source.caseYaml)),
    materials: files.map((file) => ({ name: basename(file), sha256: sha256(readFileSync(file)) })),
  };
  const text = canonicalJson(record, true);
  workspace.commit(options.clock, { actor, action: 'practice.start', inputs: [], outputs: [{ path: PracticeFiles.record, sha256: sha256(text) }], details: { caseId: practiceCase.id } }, [workspace.stageFile(PracticeFiles.record, text)]);
  return { caseId: practiceCase.id, dir, materials: files.length, documents: analysis.documents, questions: practiceCase.questions.length, flagged };
}

/** Reads `practice/practice.json` of a case folder. */
export function readPracticeRecord(workspace: CaseWorkspace): PracticeRecord {
  const path = workspace.path(PracticeFiles.record);
  const record = readCaseJson(workspace, PracticeFiles.record, 'practice') as PracticeRecord | null;
  if (record === null) throw new UserError(`${workspace.dir}: not a practice case (no ${PracticeFiles.record}); start one with "soz practice start ID DIR"`, 'practice.not-practice', undefined, { key: 'error.practice.not-practice', params: { dir: workspace.dir, file: PracticeFiles.record } });
  if (record === null || typeof record !== 'object' || record.schema !== 'soz.practice/1' || typeof record.caseId !== 'string') throw new UserError(`${path}: not a practice record; start the case again`, 'practice.not-practice', undefined, { key: 'error.practice.not-a-record', params: { path } });
  return record;
}

/** Options of `grade`: a key file other than the library's, a library copy for tests. */
export interface GradeOptions {
  readonly clock: Clock;
  readonly keyFile?: string;
  readonly library?: string;
  readonly actor?: string;
  /** Language of the feedback sheet (the examiner's `--lang`); English when not given. */
  readonly language?: ReportLanguage;
}

/** What `grade` did: the result and the files it wrote. */
export interface GradeOutcome {
  readonly result: GradeResult;
  readonly feedbackPath: string;
  readonly gradePath: string;
}

/** The sheet's texts in one language, from the CLI catalogue (English where the language lacks a key). */
function sheetSay(language: ReportLanguage): SheetSay {
  const english = readCliCatalogue('en').messages;
  const own = language === 'en' ? english : readCliCatalogue(language).messages;
  const lookup = (key: string) => own[key] ?? english[key];
  return (key, params) => formatMessage(lookup(key) ?? key, params, lookup);
}

/**
 * Grades the trainee's records in a case against the key (the library's key for the recorded
 * case id unless `keyFile` is given); writes `practice/grade.json` and `practice/feedback.html`
 * and logs them with the key's hash.
 */
export function gradePracticeCase(dir: string, options: GradeOptions): GradeOutcome {
  const workspace = CaseWorkspace.open(dir);
  const record = readPracticeRecord(workspace);
  const practiceCase = readPracticeCase(practiceSource(record.caseId, options.library));
  const keyPath = options.keyFile ?? practiceKeyPath(record.caseId, options.library);
  const key = readPracticeKey(keyPath);
  const problems = caseKeyProblems(practiceCase, key, record.materials.map((m) => m.name));
  if (problems.length > 0) throw new UserError(`${keyPath}: does not fit case ${record.caseId} — ${problems.join('; ')}`, 'practice.key-mismatch', undefined, { key: 'error.practice.key-mismatch', params: { keyPath, caseId: record.caseId, problems: problems.join('; ') } });
  const questions = readQuestions(workspace);
  const documents = readDerivedDocuments(workspace);
  const result = gradePractice({
    practiceCase,
    key,
    documents,
    findings: readCaseFindings(workspace),
    work: {
      questions,
      reviews: readReview(workspace),
      steps: readStepRecords(workspace),
      answered: questions.filter((q) => readAnswer(workspace, q.id) !== null).map((q) => q.id),
      relations: readPersonRelations(workspace, documents),
    },
  });
  const json = canonicalJson(result, true);
  const language = options.language ?? 'en';
  const html = feedbackHtml(result, language, sheetSay(language));
  workspace.commit(options.clock, {
    actor: options.actor ?? 'trainer',
    action: 'practice.grade',
    inputs: [],
    outputs: [
      { path: PracticeFiles.grade, sha256: sha256(json) },
      { path: PracticeFiles.feedback, sha256: sha256(html) },
    ],
    details: { caseId: record.caseId, keySha256: sha256(readFileSync(keyPath)), language },
  }, [workspace.stageFile(PracticeFiles.grade, json), workspace.stageFile(PracticeFiles.feedback, html)]);
  return { result, feedbackPath: workspace.path(PracticeFiles.feedback), gradePath: workspace.path(PracticeFiles.grade) };
}

/** What `soz demo` made: the case folder as given, the practice case's counts, the report. */
export interface PracticeDemoOutcome {
  readonly out: string;
  readonly caseId: string;
  readonly materials: number;
  readonly documents: number;
  readonly questions: number;
  /** The Markdown report, as a path beside `out`. */
  readonly reportPath: string;
  readonly digest: string;
}

/**
/**
 * The demo on a practice case: start `PRACTICE_DEMO_CASE` in `out`, or beside it in the first free
 * `out-2`, `out-3`, … when `out` holds anything (an earlier demo case is evidence custody too, so
 * it is never replaced), then render the report. `out` of the outcome is the folder used.
 */
export async function runPracticeDemo(out: string, clock: Clock): Promise<PracticeDemoOutcome> {
  const folder = unusedFolder(out);
  const target = resolve(folder);
  const outcome = await startPracticeCase(PRACTICE_DEMO_CASE, target, { clock });
  const workspace = CaseWorkspace.open(target);
  const report = writeReport(workspace, { clock, actor: defaultActor(workspace.metadata) });
  return { out: folder, caseId: outcome.caseId, materials: outcome.materials, documents: outcome.documents, questions: outcome.questions, reportPath: join(folder, report.path), digest: report.digest };
}
