/**
 * Renders the expert conclusion of a case: reads the case's records, assembles the conclusion
 * model (pure, `src/report/model.ts`) and writes `reports/report.<lang>.<ext>` atomically, logging
 * each file with its hash. The Markdown file is the reference text (`report.render`, digest line);
 * HTML, PDF and DOCX are logged as `report.export`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { HashedFile, LogEntry, ReportLanguage } from '../core/case.js';
import type { Finding } from '../core/finding.js';
import type { ProgressListener } from '../core/progress.js';
import { UserError } from '../core/errors.js';
import { sha256 } from '../core/hash.js';
import { recordHeadOf } from '../core/log-head.js';
import type { AnalysisDataByName } from '../analysis/index.js';
import { analysisData, NGRAM_CAP } from '../analysis/index.js';
import type { ConclusionInputs, ConclusionModel, NgramCapView } from '../report/model.js';
import { selectionView } from '../report/selection.js';
import { assembleConclusion, finalProblems, modelDigest } from '../report/model.js';
import { findingPictures } from './ocr-crops.js';
import type { ConclusionLabels } from '../report/labels.js';
import { conclusionLabelsSchema, labelProblems } from '../report/labels.js';
import { renderMarkdownConclusion } from '../report/markdown.js';
import type { RenderedReport, ReportFormat } from '../report/renderers.js';
import { REPORT_FORMATS, conclusionRenderers } from '../report/renderers.js';
import { CaseFiles } from '../case/layout.js';
import type { CaseWorkspace, Clock } from '../case/workspace.js';
import { LIABILITY_PATH, loadLiability, loadProcedure, PROCEDURE_PATH } from '../sop/data.js';
import { sopStatus, unmetForFinal } from '../sop/engine.js';
import { derivedDocumentHeaders, readAnalyses, readComparison, readDerivedDocument, readManifest } from '../case/records.js';
import { readCaseFile } from '../case/snapshot.js';
import { answerLegalWording, readAnswer, readCaseFindings, readItemRelations, readPersonRelations, readPersons, readQuestions, readRabat, readReview, readStepRecords } from './examiner.js';
import { hashInstallFile, INSTALL_ROOT } from './install.js';
import { expertsFinalInputs } from './experts.js';
import { expertsFinalProblems } from '../sop/experts.js';

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

/** Template files of the installation, absolute paths. */
function templatePaths(language: ReportLanguage) {
  return {
    md: join(INSTALL_ROOT, 'templates', 'conclusion.md.hbs'),
    html: join(INSTALL_ROOT, 'templates', 'conclusion.html.hbs'),
    labels: join(INSTALL_ROOT, 'templates', language, 'conclusion.yaml'),
  };
}

/** The label file of a language, parsed but not yet validated. */
export function readRawLabels(language: ReportLanguage): { path: string; raw: unknown } {
  const path = templatePaths(language).labels;
  return { path, raw: parseYaml(readFileSync(path, 'utf8')) };
}

/** Reads and validates the conclusion's labels for a language; a broken file is a UserError naming it. */
export function readLabels(language: ReportLanguage): ConclusionLabels {
  const { path, raw } = readRawLabels(language);
  const parsed = conclusionLabelsSchema.safeParse(raw);
  if (!parsed.success) throw new UserError(`${labelProblems(path, raw)[0]} (run "soz data validate" for all problems)`, 'data.invalid', undefined, { key: 'error.data.invalid-first', params: { problem: labelProblems(path, raw)[0]! } });
  return parsed.data;
}

/**
 * Assembles the conclusion model of a case from its records. A `--final` model is refused with a
 * UserError listing what is still open.
 */
export function buildConclusion(workspace: CaseWorkspace, language: ReportLanguage, final: boolean, onProgress?: ProgressListener): ConclusionModel {
  if (!workspace.derivedIsCommitted()) {
    throw new UserError(`${workspace.dir}: nothing analysed yet, or the analysis is out of date; run "soz analyze ${workspace.dir}" first`, 'case.not-analysed', undefined, { key: 'error.not-analysed', params: { dir: workspace.dir } });
  }
  const { manifest, text: manifestText } = readManifest(workspace)!;
  // Documents are read one at a time where their text is needed (excerpts, persons), never all at once.
  const documents = derivedDocumentHeaders(workspace);
  const analyses = readAnalyses(workspace);
  const findings = readCaseFindings(workspace, analyses);
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
  const model = assembleConclusion({
    language,
    final,
    metadata: workspace.metadata,
    evidence: workspace.evidence(),
    documents,
    documentText: excerptSource(workspace, findings, onProgress),
    overview,
    analyses: analyses.map((result) => ({ analysis: result.analysis, version: result.version, findings: result.findings?.length ?? 0 })),
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
  });
  if (final) {
    const problems = [...unmetForFinal(procedure, statuses), ...finalProblems(model), ...expertsFinalProblems(finalInputs)];
    if (problems.length > 0) {
      throw new UserError(`${workspace.dir}: no final conclusion while ${problems.length} requirement(s) are unmet: ${problems.map((problem) => problem.text).join('; ')}`, 'report.not-final', undefined, {
        key: 'error.not-final',
        params: { dir: workspace.dir, count: problems.length, problems: problems.map((problem) => problem.message) },
      });
    }
  }
  return model;
}

/** The cap on distinct n-grams and the sizes where this run's tables reached it (`prunedAtOrBelow`); null without n-gram tables. */
function ngramCapOf(tables: AnalysisDataByName['ngrams'] | undefined): NgramCapView | null {
  if (!Array.isArray(tables)) return null;
  return { cap: NGRAM_CAP, reached: tables.flatMap((table) => (table.prunedAtOrBelow !== undefined ? [{ n: table.n, atOrBelow: table.prunedAtOrBelow }] : [])) };
}

/**
 * A document's text for the excerpts, read from its file when asked (once per document that holds
 * a candidate); `onProgress` counts them against the documents the findings lie in.
 */
function excerptSource(workspace: CaseWorkspace, findings: readonly Finding[], onProgress: ProgressListener | undefined): ConclusionInputs['documentText'] {
  const total = new Set(findings.map((finding) => finding.place.documentId)).size;
  let done = 0;
  return (documentId) => {
    onProgress?.({ stage: 'documents read for excerpts', done, total });
    done += 1;
    return readDerivedDocument(workspace, documentId);
  };
}

function logRender(workspace: CaseWorkspace, options: ReportOptions, model: ConclusionModel, format: ReportFormat, relative: string, bytes: string | Uint8Array, digest: string): FormatOutcome {
  const staged = workspace.stageFile(relative, bytes);
  const fileSha256 = sha256(bytes);
  const paths = templatePaths(model.language);
  const templates: HashedFile[] = [hashInstallFile(paths.labels), hashInstallFile(PROCEDURE_PATH), ...(format === 'md' || format === 'html' ? [hashInstallFile(paths[format])] : [])];
  workspace.commit(options.clock, {
    actor: options.actor,
    action: format === 'md' ? 'report.render' : 'report.export',
    inputs: [{ path: CaseFiles.manifest, sha256: model.manifest.sha256 }],
    outputs: [{ path: relative, sha256: fileSha256 }],
    details: { language: model.language, format: format === 'md' ? 'markdown' : format, final: model.final, reportDigest: digest, modelDigest: modelDigest(model), templates },
  }, [staged]);
  return { format, path: relative, digest, sha256: fileSha256 };
}

/** A draft rendered after a final conclusion goes to `report.<lang>.draft.<ext>`; never sealed. */
export function isDraftCopy(path: string): boolean {
  return /\.draft\.[a-z]+$/.test(path);
}

/** One rendered format, not yet written. */
interface Rendered extends RenderedReport {
  readonly format: ReportFormat;
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
function reportPaths(workspace: CaseWorkspace, language: ReportLanguage, final: boolean, rendered: readonly Rendered[]): string[] {
  const finals = finalReports(workspace);
  const base = `${CaseFiles.reportsDir}/report.${language}`;
  return rendered.map(({ format, bytes }) => {
    const path = `${base}.${format}`;
    const existing = finals.get(path);
    if (!existing) return path;
    if (!final) return `${base}.draft.${format}`;
    const current = readCaseFile(workspace.dir, path);
    if (current !== null && !current.equals(typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : Buffer.from(bytes))) {
      throw new UserError(`${path}: a final conclusion was rendered (log entry ${existing.seq}) and this render differs; a final is never overwritten — render a draft (soz report ${workspace.dir}), and put corrections in a supplementary conclusion`, 'report.final-exists', undefined, { key: 'error.final-exists', params: { path, entry: existing.seq, dir: workspace.dir } });
    }
    return path;
  });
}

/** Writes and logs each rendered format at its path (see {@link reportPaths}). */
function writeRendered(workspace: CaseWorkspace, options: ReportOptions, model: ConclusionModel, rendered: readonly Rendered[]): FormatOutcome[] {
  const paths = reportPaths(workspace, model.language, model.final, rendered);
  return rendered.map((item, index) => logRender(workspace, options, model, item.format, paths[index]!, item.bytes, item.digest));
}

/**
 * Renders the Markdown conclusion into `reports/report.<lang>.md` (a draft after a final: see
 * {@link reportPaths}) and logs it (`report.render`). Synchronous: `soz run`, the demo and
 * `soz verify` use it.
 */
export function writeReport(workspace: CaseWorkspace, options: ReportOptions & { final?: boolean }): ReportOutcome {
  const language = options.language ?? workspace.metadata.reportLanguage;
  const model = buildConclusion(workspace, language, options.final ?? false, options.onProgress);
  const { text, digest } = renderMarkdownConclusion(model, readFileSync(templatePaths(language).md, 'utf8'), readLabels(language));
  const [outcome] = writeRendered(workspace, options, model, [{ format: 'md', bytes: text, digest }]);
  return { path: outcome!.path, digest: outcome!.digest };
}

/**
 * Renders the conclusion in each requested format (Markdown always, as the reference text) and
 * logs each file. All formats come from one model, so they say the same; all are rendered before
 * any is written, so a refusal leaves the case as it was.
 */
export async function writeReports(workspace: CaseWorkspace, options: ReportOptions & { formats: readonly ReportFormat[]; final: boolean }): Promise<FormatOutcome[]> {
  const language = options.language ?? workspace.metadata.reportLanguage;
  const model = buildConclusion(workspace, language, options.final, options.onProgress);
  const labels = readLabels(language);
  const paths = templatePaths(language);
  const renderers = conclusionRenderers({ md: readFileSync(paths.md, 'utf8'), html: readFileSync(paths.html, 'utf8') });
  // Crops of the pictures OCR findings came from: only the HTML and PDF show them.
  const pictures = options.formats.includes('html') || options.formats.includes('pdf') ? await findingPictures(workspace, model) : {};
  const rendered: Rendered[] = [];
  const formats = REPORT_FORMATS.filter((candidate) => candidate === 'md' || options.formats.includes(candidate));
  for (const format of formats) {
    options.onProgress?.({ stage: 'formats rendered', done: rendered.length, total: formats.length });
    rendered.push({ format, ...(await renderers[format](model, labels, pictures)) });
  }
  return writeRendered(workspace, options, model, rendered);
}
