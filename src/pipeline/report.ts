/**
 * Renders the expert conclusion of a case: reads the case's records, assembles the conclusion
 * model (pure, `src/report/model.ts`) and writes `reports/report.<lang>.<ext>` atomically, logging
 * each file with its hash. The Markdown file is the reference text (`report.render`, digest line);
 * HTML, PDF and DOCX are logged as `report.export`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { parse as parseYaml } from 'yaml';
import type { HashedFile, LogEntry, ReportLanguage } from '../core/case.js';
import { REPORT_LANGUAGES } from '../core/case.js';
import type { ProgressListener } from '../core/progress.js';
import { InternalError, UserError } from '../core/errors.js';
import type { MessageRef } from '../core/messages.js';
import { sha256, sha256Hasher } from '../core/hash.js';
import { recordHeadOf } from '../core/log-head.js';
import type { AnalysisDataByName } from '../analysis/index.js';
import { analysisData, NGRAM_CAP } from '../analysis/index.js';
import { workerStart } from '../analysis/parallel.js';
import type { ConclusionInputs, ConclusionParts, NgramCapView } from '../report/model.js';
import { selectionView } from '../report/selection.js';
import { assembleConclusionParts, finalProblems, partsDigest } from '../report/model.js';
import { findingPictures } from './ocr-crops.js';
import type { ConclusionLabels } from '../report/labels.js';
import { conclusionLabelsSchema, labelProblems } from '../report/labels.js';
import { markdownConclusionParts, markdownLists } from '../report/markdown.js';
import type { MarkdownListTexts, RenderedMarkdownLists } from '../report/markdown-lists.js';
import type { FindingView } from '../report/model.js';
import type { SourceExcerpt } from '../report/excerpts.js';
import type { RenderedReport, ReportFormat, TextTemplates } from '../report/renderers.js';
import { REPORT_FORMATS, conclusionRenderers } from '../report/renderers.js';
import { CaseFiles } from '../case/layout.js';
import type { CaseWorkspace, Clock } from '../case/workspace.js';
import { LIABILITY_PATH, loadLiability, loadProcedure, PROCEDURE_PATH } from '../sop/data.js';
import { sopStatus, unmetForFinal } from '../sop/engine.js';
import type { AnalysisFile } from '../case/records.js';
import { analysisFiles, derivedDocumentHeaders, documentsOnce, readComparison, readManifest } from '../case/records.js';
import { listPartsWanted, listsInParts } from './report-lists.js';
import type { TemplateTexts } from './report-templates.js';
import { cachedLabels, withPrecompiledParts, writeCachedLabels, writePrecompiledTemplates } from './report-templates.js';
import { caseFileSha256 } from '../case/snapshot.js';
import { ListSpill } from '../case/list-spill.js';
import type { JsonShape } from '../core/canonical-json.js';
import type { StagedMove } from '../case/commit.js';
import { answerLegalWording, eachCaseFinding, heldFindings, readAnswer, readItemRelations, readPersonRelations, readPersons, readQuestions, readRabat, readReview, readStepRecords } from './examiner.js';
import { hashInstallFile, INSTALL_ROOT } from './install.js';
import { expertsFinalInputs } from './experts.js';
import { expertsFinalProblems } from '../sop/experts.js';
import type { FromReportWorker, ReportWorkerData, ThreadError } from './report-worker.js';

export { REPORT_FORMATS } from '../report/renderers.js';
export type { ReportFormat } from '../report/renderers.js';

export interface ReportOutcome {
  /** Case-relative path of the report. */
  readonly path: string;
  /** Markdown/HTML: SHA-256 of every byte above the digest line; PDF/DOCX: SHA-256 of the model's canonical JSON. */
  readonly digest: string;
}

/** One rendered file. */
export interface FormatOutcome extends ReportOutcome {
  readonly format: ReportFormat;
  /** SHA-256 of the file's bytes. */
  readonly sha256: string;
}

export interface ReportOptions {
  readonly clock: Clock;
  readonly actor: string;
  readonly language?: ReportLanguage;
  /** Told as documents are read and formats rendered (a progress display); never changes an output. */
  readonly onProgress?: ProgressListener;
}

/** Template files of the installation (under `root`), absolute paths. */
function templatePaths(language: ReportLanguage, root = INSTALL_ROOT) {
  return {
    md: join(root, 'templates', 'conclusion.md.hbs'),
    html: join(root, 'templates', 'conclusion.html.hbs'),
    labels: join(root, 'templates', language, 'conclusion.yaml'),
  };
}

/** The text templates' files under `root` as they are. */
function templateTexts(root: string): TemplateTexts {
  const paths = templatePaths('en', root);
  return { md: readFileSync(paths.md, 'utf8'), html: readFileSync(paths.html, 'utf8') };
}

/** The installed text templates, with their parts as the build precompiled them where it did for these texts. */
function installedTemplates(): TextTemplates {
  return withPrecompiledParts(INSTALL_ROOT, templateTexts(INSTALL_ROOT));
}

/** Precompiles the text templates under `root` into its data cache (part of `npm run build`); returns the file written. */
export function writeReportTemplatesCache(root = INSTALL_ROOT): string {
  return writePrecompiledTemplates(root, templateTexts(root));
}

/** The label file of a language, parsed but not yet validated. */
export function readRawLabels(language: ReportLanguage): { path: string; raw: unknown } {
  const path = templatePaths(language).labels;
  return { path, raw: parseYaml(readFileSync(path, 'utf8')) };
}

/**
 * Reads and validates the conclusion's labels for a language (as the build kept them checked, for
 * the same file text); a broken file is a UserError naming it.
 */
export function readLabels(language: ReportLanguage, root = INSTALL_ROOT): ConclusionLabels {
  const path = templatePaths(language, root).labels;
  const text = readFileSync(path, 'utf8');
  return cachedLabels(root, language, text) ?? checkedLabels(path, text);
}

function checkedLabels(path: string, text: string): ConclusionLabels {
  const raw: unknown = parseYaml(text);
  const parsed = conclusionLabelsSchema.safeParse(raw);
  if (!parsed.success) throw new UserError(`${labelProblems(path, raw)[0]} (run "soz data validate" for all problems)`, 'data.invalid', undefined, { key: 'error.data.invalid-first', params: { problem: labelProblems(path, raw)[0]! } });
  return parsed.data;
}

/** Keeps every language's checked labels under `root` in its data cache (part of `npm run build`); a broken label file is left to `soz data validate` and read as before. */
export function writeLabelsCaches(root = INSTALL_ROOT): string[] {
  return REPORT_LANGUAGES.flatMap((language) => {
    const path = templatePaths(language, root).labels;
    const text = readFileSync(path, 'utf8');
    let labels: ConclusionLabels;
    try {
      labels = checkedLabels(path, text);
    } catch {
      return [];
    }
    return [writeCachedLabels(root, language, text, labels)];
  });
}

/**
 * Assembles the conclusion of a case from its records, in parts (its unreviewed candidates and
 * excerpts are made one document at a time). With `spill`, they are made once, here, and kept
 * there for every pass that renders them; without, each pass makes them afresh. A `--final`
 * conclusion is refused with a UserError listing what is still open.
 */
export function buildConclusion(workspace: CaseWorkspace, language: ReportLanguage, final: boolean, onProgress?: ProgressListener, spill?: ListSpill): ConclusionParts {
  return buildConclusionWithMarkdown(workspace, language, final, onProgress, spill).parts;
}

/**
 * {@link buildConclusion}; with `markdown` (the lists' Markdown, see `report/markdown-lists.ts`)
 * and a spill, the one pass that keeps the unreviewed candidates and their excerpts (no decision
 * recorded) also makes and keeps their Markdown, returned beside the parts.
 */
function buildConclusionWithMarkdown(workspace: CaseWorkspace, language: ReportLanguage, final: boolean, onProgress?: ProgressListener, spill?: ListSpill, markdown?: MarkdownListTexts | null, reads: CaseReads = caseReads(workspace), inParts?: ListsInParts): { parts: ConclusionParts; markdown?: RenderedMarkdownLists } {
  let rendered: RenderedMarkdownLists | undefined = inParts?.rendered;
  const { documents, documentsRead, files } = reads;
  const { manifest, text: manifestText } = readManifest(workspace)!;
  const analyses = files.map((file) => file.result);
  const findings = eachCaseFinding(workspace, files);
  const overview = analysisData(analyses, 'language-overview') ?? null;
  const profileData = analysisData(analyses, 'profile');
  const procedure = loadProcedure();
  const questions = readQuestions(workspace);
  const answers: Record<string, ConclusionInputs['answers'][string]> = {};
  for (const question of questions) {
    const answer = readAnswer(workspace, question.id);
    if (answer) answers[question.id] = { ...answer, legalWording: answerLegalWording(answer) };
  }
  const log = workspace.readLog();
  const statuses = sopStatus(procedure, log, readStepRecords(workspace));
  const finalInputs = expertsFinalInputs(workspace);
  const paths = templatePaths(language);
  const parts = assembleConclusionParts({
    language,
    final,
    metadata: workspace.metadata,
    evidence: workspace.evidence(),
    documents,
    documentText: excerptSource(documentsRead.spans, documents.length, onProgress),
    overview,
    analyses: files.map((file) => ({ analysis: file.result.analysis, version: file.result.version, findings: file.findingCount })),
    selection: selectionView(analyses.find((result) => result.analysis === 'indicators')?.parameters),
    profileRows: Array.isArray(profileData?.rows) ? profileData.rows : null,
    manifest,
    manifestSha256: sha256(manifestText),
    recordHead: recordHeadOf(log),
    procedure: { id: procedure.id, version: procedure.version, title: procedure.title, file: hashInstallFile(PROCEDURE_PATH), skipReasons: procedure.skipReasons },
    liability: { data: loadLiability(), file: hashInstallFile(LIABILITY_PATH) },
    templates: [hashInstallFile(paths.md), hashInstallFile(paths.html), hashInstallFile(paths.labels)],
    statuses,
    questions,
    answers,
    findings,
    decisions: readReview(workspace),
    comparison: readComparison(workspace),
    labList: analysisData(analyses, 'org-list') ?? null,
    ngramCap: ngramCapOf(analysisData(analyses, 'ngrams')),
    itemRelations: readItemRelations(workspace),
    persons: readPersons(workspace),
    personRelations: readPersonRelations(workspace),
    rabat: readRabat(workspace),
    experts: finalInputs.experts,
    caseFacts: finalInputs.facts,
    expertDigests: finalInputs.digests,
    log,
    ...(inParts ? { madeLists: inParts.made } : {}),
    ...(spill
      ? {
          keepList: <T>(chunks: Iterable<readonly T[]>, itemShape?: JsonShape) => spill.keep<T>(chunks, itemShape),
          keepPairs: (pairs: Iterable<readonly [readonly FindingView[], readonly SourceExcerpt[]]>, shapes: readonly [JsonShape, JsonShape]) => {
            const kept = spill.keepPairs(pairs, shapes, markdown ? [markdown.unreviewed, markdown.excerpts] : undefined);
            if (markdown && kept[0].text && kept[1].text) {
              rendered = { texts: markdown, lists: { unreviewed: { chunks: markdown.unreviewed.chunks, text: kept[0].text }, excerpts: { chunks: markdown.excerpts.chunks, text: kept[1].text } } };
            }
            return kept;
          },
        }
      : {}),
  });
  if (final) {
    const problems = [...unmetForFinal(procedure, statuses), ...finalProblems(parts.head), ...expertsFinalProblems(finalInputs)];
    if (problems.length > 0) {
      throw new UserError(`${workspace.dir}: no final conclusion while ${problems.length} requirement(s) are unmet: ${problems.map((problem) => problem.text).join('; ')}`, 'report.not-final', undefined, {
        key: 'error.not-final',
        params: { dir: workspace.dir, count: problems.length, problems: problems.map((problem) => problem.message) },
      });
    }
  }
  return { parts, ...(rendered ? { markdown: rendered } : {}) };
}

/** What every pass over the case's findings reads, and the report's list threads are given. */
interface CaseReads {
  /** The documents' headers in reading order (a document's text is read where needed: excerpts, persons; never all at once). */
  readonly documents: ReturnType<typeof derivedDocumentHeaders>;
  /** Each document's file read once per pass, for its findings' contexts and its excerpts. */
  readonly documentsRead: ReturnType<typeof documentsOnce>;
  /** The analysis files; findings are read one at a time in each pass, never all held (see eachCaseFinding). */
  readonly files: readonly AnalysisFile[];
}

/** {@link CaseReads} of an analysed case; a case not analysed (or out of date) is a UserError. */
function caseReads(workspace: CaseWorkspace): CaseReads {
  if (!workspace.derivedIsCommitted()) {
    throw new UserError(`${workspace.dir}: nothing analysed yet, or the analysis is out of date; run "soz analyze ${workspace.dir}" first`, 'case.not-analysed', undefined, { key: 'error.not-analysed', params: { dir: workspace.dir } });
  }
  const documents = derivedDocumentHeaders(workspace);
  const documentsRead = documentsOnce(workspace);
  return { documents, documentsRead, files: analysisFiles(workspace, documentsRead.texts) };
}

/** The lists made by the report's list threads (`report-lists.ts`), with their Markdown. */
type ListsInParts = NonNullable<Awaited<ReturnType<typeof listsInParts>>>;

/**
 * The lists made in parts on `threads` threads where they may be (see `report-lists.ts`): with no
 * decision and no finding but the analyses', the Markdown's list texts known; else undefined, and
 * the one pass makes them.
 */
async function listsOfCase(workspace: CaseWorkspace, reads: CaseReads, spill: ListSpill, markdown: MarkdownListTexts | null, threads: number, onProgress: ProgressListener | undefined): Promise<ListsInParts | undefined> {
  if (threads < 2 || markdown === null || readReview(workspace).length > 0 || heldFindings(workspace).length > 0) return undefined;
  const { template, labels } = markdown;
  return listsInParts(
    {
      dir: workspace.dir,
      files: reads.files,
      documentIds: reads.documents.map(({ doc }) => doc.id),
      spans: excerptSource(reads.documentsRead.spans, reads.documents.length, onProgress),
      texts: () => markdownLists(template, labels)!,
    },
    spill,
    threads,
  );
}

/** The cap on distinct n-grams and the sizes where this run's tables reached it (`prunedAtOrBelow`); null without n-gram tables. */
function ngramCapOf(tables: AnalysisDataByName['ngrams'] | undefined): NgramCapView | null {
  if (!Array.isArray(tables)) return null;
  return { cap: NGRAM_CAP, reached: tables.flatMap((table) => (table.prunedAtOrBelow !== undefined ? [{ n: table.n, atOrBelow: table.prunedAtOrBelow }] : [])) };
}

/**
 * A document's text and spans for the excerpts, asked for once per document that holds a candidate
 * in each pass that makes the excerpts (one when they are kept in a spill), given by `spans` (the
 * read its findings' contexts came from); `onProgress` counts them against the case's documents,
 * starting again with each pass.
 */
function excerptSource(spans: ConclusionInputs['documentText'], total: number, onProgress: ProgressListener | undefined): ConclusionInputs['documentText'] {
  let done = 0;
  return (documentId) => {
    if (done >= total) done = 0;
    onProgress?.({ stage: 'documents read for excerpts', done, total });
    done += 1;
    return spans(documentId);
  };
}

/** One format staged (written under a temporary name) and not yet committed. */
export interface Staged {
  readonly format: ReportFormat;
  readonly move: StagedMove;
  /** SHA-256 of the file's bytes. */
  readonly sha256: string;
  readonly digest: string;
}

/**
 * Writes a rendered format under a temporary name beside its default path; its SHA-256 is the
 * renderer's where it hashed the bytes itself (the text formats), else taken as they are written.
 */
function stageRendered(workspace: CaseWorkspace, language: ReportLanguage, format: ReportFormat, rendered: RenderedReport): Staged {
  const path = `${CaseFiles.reportsDir}/report.${language}.${format}`;
  const parts = rendered.bytes instanceof Uint8Array ? [rendered.bytes] : rendered.bytes;
  if (rendered.sha256) {
    const move = workspace.stageFile(path, parts);
    return { format, move, sha256: rendered.sha256(), digest: rendered.digest() };
  }
  const file = sha256Hasher();
  function* hashed(): Generator<string | Uint8Array> {
    for (const part of parts) {
      file.update(part);
      yield part;
    }
  }
  const move = workspace.stageFile(path, hashed());
  return { format, move, sha256: file.hex(), digest: rendered.digest() };
}

/** Commits a staged format at `relative` with its log entry. */
function logRender(workspace: CaseWorkspace, options: ReportOptions, conclusion: StagedConclusion, staged: Staged, relative: string): FormatOutcome {
  const { format } = staged;
  const paths = templatePaths(conclusion.language);
  const templates: HashedFile[] = [hashInstallFile(paths.labels), hashInstallFile(PROCEDURE_PATH), ...(format === 'md' || format === 'html' ? [hashInstallFile(paths[format])] : [])];
  workspace.commit(options.clock, {
    actor: options.actor,
    action: format === 'md' ? 'report.render' : 'report.export',
    inputs: [{ path: CaseFiles.manifest, sha256: conclusion.manifestSha256 }],
    outputs: [{ path: relative, sha256: staged.sha256 }],
    details: { language: conclusion.language, format: format === 'md' ? 'markdown' : format, final: conclusion.final, reportDigest: staged.digest, modelDigest: conclusion.modelDigest, templates },
  }, [{ ...staged.move, to: relative }]);
  return { format, path: relative, digest: staged.digest, sha256: staged.sha256 };
}

/** A draft rendered after a final conclusion goes to `report.<lang>.draft.<ext>`; never sealed. */
export function isDraftCopy(path: string): boolean {
  return /\.draft\.[a-z]+$/.test(path);
}

/**
 * Final reports the log records, by case-relative path, with the entry that wrote each last.
 * A path once written as a final keeps that role: see {@link reportPaths}.
 */
function finalReports(workspace: CaseWorkspace): Map<string, LogEntry> {
  const finals = new Map<string, LogEntry>();
  for (const entry of workspace.readLog()) {
    if ((entry.action !== 'report.render' && entry.action !== 'report.export') || entry.details['final'] !== true) continue;
    for (const file of entry.outputs) finals.set(file.path, entry);
  }
  return finals;
}

/**
 * Where each rendered format goes. A final conclusion is never overwritten: a draft rendered after
 * it goes to `report.<lang>.draft.<ext>`, and a final whose bytes differ from the final already
 * written is refused as a whole before anything is written.
 */
function reportPaths(workspace: CaseWorkspace, language: ReportLanguage, final: boolean, staged: readonly Staged[]): string[] {
  const finals = finalReports(workspace);
  const base = `${CaseFiles.reportsDir}/report.${language}`;
  return staged.map(({ format, sha256: rendered }) => {
    const path = `${base}.${format}`;
    const existing = finals.get(path);
    if (!existing) return path;
    if (!final) return `${base}.draft.${format}`;
    const current = caseFileSha256(workspace.dir, path);
    if (current !== null && current !== rendered) {
      throw new UserError(`${path}: a final conclusion was rendered (log entry ${existing.seq}) and this render differs; a final is never overwritten — render a draft (soz report ${workspace.dir}), and put corrections in a supplementary conclusion`, 'report.final-exists', undefined, { key: 'error.final-exists', params: { path, entry: existing.seq, dir: workspace.dir } });
    }
    return path;
  });
}

/**
 * What a render leaves for its commit (plain data: it crosses from the report thread): the staged
 * files, the model digest, and what of the conclusion's head the log entries name.
 */
export interface StagedConclusion {
  readonly language: ReportLanguage;
  readonly final: boolean;
  readonly manifestSha256: string;
  readonly modelDigest: string;
  readonly staged: readonly Staged[];
}

/** The staged files of `parts` with the model digest, or every staged file removed if the digest fails. */
function stagedConclusion(workspace: CaseWorkspace, parts: ConclusionParts, staged: readonly Staged[]): StagedConclusion {
  try {
    return { language: parts.head.language, final: parts.head.final, manifestSha256: parts.head.manifest.sha256, modelDigest: partsDigest(parts), staged };
  } catch (error) {
    workspace.discardStaged(staged.map((item) => item.move));
    throw error;
  }
}

/**
 * Commits and logs each staged format at its path (see {@link reportPaths}); a refusal removes
 * every staged file and leaves the case as it was.
 */
function commitStaged(workspace: CaseWorkspace, options: ReportOptions, conclusion: StagedConclusion): FormatOutcome[] {
  const { staged } = conclusion;
  let paths: string[];
  try {
    paths = reportPaths(workspace, conclusion.language, conclusion.final, staged);
  } catch (error) {
    workspace.discardStaged(staged.map((item) => item.move));
    throw error;
  }
  return staged.map((item, index) => logRender(workspace, options, conclusion, item, paths[index]!));
}

/**
 * Renders the Markdown conclusion into `reports/report.<lang>.md` (a draft after a final: see
 * {@link reportPaths}) and logs it (`report.render`). Synchronous: `soz run`, the demo and
 * `soz verify` use it. The text is written part by part as it is rendered, never held whole.
 */
export function writeReport(workspace: CaseWorkspace, options: ReportOptions & { final?: boolean }): ReportOutcome {
  const language = options.language ?? workspace.metadata.reportLanguage;
  const spill = new ListSpill(workspace.dir);
  try {
    const templates = installedTemplates();
    const labels = readLabels(language);
    const { parts, markdown } = buildConclusionWithMarkdown(workspace, language, options.final ?? false, options.onProgress, spill, markdownLists(templates.md, labels));
    const text = markdownConclusionParts(parts, templates.md, labels, markdown, templates.precompiled);
    const staged = stagedConclusion(workspace, parts, [stageRendered(workspace, language, 'md', { bytes: text.parts, digest: text.digest, sha256: text.sha256 })]);
    const [outcome] = commitStaged(workspace, options, staged);
    return { path: outcome!.path, digest: outcome!.digest };
  } finally {
    spill.close();
  }
}

/** What rendering needs to know, and nothing that cannot cross to the report thread but the progress listener. */
export interface RenderRequest {
  readonly language?: ReportLanguage;
  readonly formats: readonly ReportFormat[];
  readonly final: boolean;
  readonly onProgress?: ProgressListener;
  /** Threads the unreviewed candidates and their excerpts are made on (`report-lists.ts`); one (the default): the one pass. */
  readonly listThreads?: number;
}

/**
 * Renders the conclusion in each requested format (Markdown always, as the reference text) and
 * logs each file. All formats come from one conclusion, so they say the same; all are written
 * under temporary names before any is committed, so a refusal leaves the case as it was. A large
 * case is rendered on a thread of its own (see {@link reportThreadWanted}); the commit is made here.
 */
export async function writeReports(workspace: CaseWorkspace, options: ReportOptions & RenderRequest & { thread?: boolean }): Promise<FormatOutcome[]> {
  const thread = options.thread ?? reportThreadWanted(workspace);
  // A case large enough for the report thread has its lists made on a thread per core.
  const listThreads = options.listThreads ?? (thread ? listPartsWanted() : 1);
  const request: RenderRequest = { formats: options.formats, final: options.final, listThreads, ...(options.language !== undefined ? { language: options.language } : {}), ...(options.onProgress ? { onProgress: options.onProgress } : {}) };
  const conclusion = thread ? await stageInThread(workspace.dir, request) : await stageReports(workspace, request);
  return commitStaged(workspace, options, conclusion);
}

/**
 * Renders and stages every requested format (nothing committed), with the conclusion's lists (and
 * the DOCX body on its way into the archive) kept in a spill inside the case for the time of it.
 * The case must be held by the caller (its lock), who commits the result.
 */
export async function stageReports(workspace: CaseWorkspace, options: RenderRequest): Promise<StagedConclusion> {
  const spill = new ListSpill(workspace.dir);
  try {
    return await stageFormats(workspace, options, spill);
  } finally {
    spill.close();
  }
}

/** {@link stageReports} with the spill given. */
async function stageFormats(workspace: CaseWorkspace, options: RenderRequest, spill: ListSpill): Promise<StagedConclusion> {
  const language = options.language ?? workspace.metadata.reportLanguage;
  const labels = readLabels(language);
  const templates = installedTemplates();
  const markdownTexts = markdownLists(templates.md, labels);
  const reads = caseReads(workspace);
  const inParts = await listsOfCase(workspace, reads, spill, markdownTexts, options.listThreads ?? 1, options.onProgress);
  const { parts, markdown } = buildConclusionWithMarkdown(workspace, language, options.final, options.onProgress, spill, markdownTexts, reads, inParts);
  const renderers = conclusionRenderers(templates, () => spill.spool(), markdown);
  // Crops of the pictures OCR findings came from: only the HTML and PDF show them.
  const pictures = options.formats.includes('html') || options.formats.includes('pdf') ? await findingPictures(workspace, parts.head) : {};
  const staged: Staged[] = [];
  const formats = REPORT_FORMATS.filter((candidate) => candidate === 'md' || options.formats.includes(candidate));
  try {
    for (const format of formats) {
      options.onProgress?.({ stage: 'formats rendered', done: staged.length, total: formats.length });
      staged.push(stageRendered(workspace, language, format, await renderers[format](parts, labels, pictures)));
    }
  } catch (error) {
    workspace.discardStaged(staged.map((item) => item.move));
    throw error;
  }
  return stagedConclusion(workspace, parts, staged);
}

const COMPILED_REPORT_WORKER = new URL('./report-worker.js', import.meta.url);

/**
 * Evidence in custody (bytes) from which `writeReports` renders on a thread of its own: below it
 * the thread's start (its modules loaded again, ≈ 0.2 s) costs more than its heap saves.
 */
const REPORT_THREAD_MIN_BYTES = 16 * 1024 * 1024;

/**
 * Young generation of the report thread (MiB; V8 makes each semi-space a third of it, 64 MiB).
 * Rendering makes and drops the whole text of the case's candidates and excerpts, a document at a
 * time; in the main thread's default young generation (16 MiB semi-spaces) much of it was copied,
 * promoted and collected again by full collections. Measured on the 200 MB export:
 * `--max-semi-space-size=64` took 25–28 % off the report's CPU for ≈ 140 MB more peak RSS (README,
 * "The report stage, sixth round"); the main thread's cannot be changed once the process runs.
 */
const REPORT_YOUNG_MB = 192;

/** Whether `writeReports` renders on a thread of its own: soz runs compiled and the case is large. */
function reportThreadWanted(workspace: CaseWorkspace): boolean {
  return existsSync(fileURLToPath(COMPILED_REPORT_WORKER)) && workspace.evidence().reduce((sum, record) => sum + record.size, 0) >= REPORT_THREAD_MIN_BYTES;
}

/**
 * {@link stageReports} on the report thread (`report-worker.ts`), progress relayed here; the
 * caller holds the case lock and commits. An error of the thread is raised here as it was raised
 * there (a `UserError` with its code, exit code and message key).
 */
function stageInThread(dir: string, request: RenderRequest): Promise<StagedConclusion> {
  const { onProgress, ...rest } = request;
  const { url, options } = workerStart(COMPILED_REPORT_WORKER);
  const data: ReportWorkerData = { dir, request: rest };
  return new Promise((resolve, reject) => {
    let settled = false;
    const worker = new Worker(url, { workerData: { ...(options.workerData as object | undefined), ...data }, resourceLimits: { maxYoungGenerationSizeMb: REPORT_YOUNG_MB } });
    worker.on('message', (message: FromReportWorker) => {
      if (message.kind === 'progress') {
        onProgress?.(message.step);
        return;
      }
      settled = true;
      if (message.kind === 'staged') resolve(message.conclusion);
      else reject(raisedAgain(message.error));
    });
    worker.on('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new InternalError(`the report thread stopped (exit code ${code}) without a result`));
    });
  });
}

/** The error the report thread raised, as the calling thread raises it. */
function raisedAgain(error: ThreadError): Error {
  if (error.name === 'UserError') return new UserError(error.message, error.code ?? 'report.failed', error.exitCode, error.localised as MessageRef | undefined);
  const raised = error.name === 'InternalError' ? new InternalError(error.message) : new Error(error.message);
  return Object.assign(raised, { ...(error.stack !== undefined ? { stack: error.stack } : {}), ...(error.code !== undefined ? { code: error.code } : {}), ...(error.path !== undefined ? { path: error.path } : {}) });
}
