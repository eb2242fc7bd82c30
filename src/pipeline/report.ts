/**
 * Renders the expert conclusion of a case: reads the case's records, assembles the conclusion
 * model (pure, `src/report/model.ts`) and writes `reports/report.<lang>.<ext>` atomically, logging
 * each file with its hash. The Markdown file is the reference text (`report.render`, digest line);
 * HTML, PDF and DOCX are logged as `report.export`.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { HashedFile, ReportLanguage, RunManifest } from '../core/case.js';
import type { AnalysisResult } from '../core/analysis-result.js';
import { compareCodeUnits } from '../core/canonical-json.js';
import { UserError } from '../core/errors.js';
import { sha256 } from '../core/hash.js';
import type { LanguageOverview } from '../analysis/language-overview.js';
import { LANGUAGE_OVERVIEW } from '../analysis/language-overview.js';
import type { ConclusionModel } from '../report/model.js';
import { selectionView } from '../report/selection.js';
import { assembleConclusion, finalProblems, modelDigest } from '../report/model.js';
import type { ConclusionLabels } from '../report/helpers.js';
import { renderMarkdownConclusion } from '../report/markdown.js';
import { renderHtmlConclusion } from '../report/html.js';
import { writeFileAtomic } from '../case/atomic.js';
import { CaseFiles } from '../case/layout.js';
import type { CaseWorkspace, Clock } from '../case/workspace.js';
import { loadProcedure, PROCEDURE_PATH } from '../sop/data.js';
import { sopStatus } from '../sop/engine.js';
import { documentFileName, readDerivedDocuments } from './analyze.js';
import { readAnswer, readCaseFindings, readQuestions, readReview, readStepRecords } from './examiner.js';
import { hashInstallFile, INSTALL_ROOT } from './install.js';

/** Formats `soz report` renders. */
export const REPORT_FORMATS = ['md', 'html', 'pdf', 'docx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

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
}

/** Template files of the installation, absolute paths. */
function templatePaths(language: ReportLanguage) {
  return {
    md: join(INSTALL_ROOT, 'templates', 'conclusion.md.hbs'),
    html: join(INSTALL_ROOT, 'templates', 'conclusion.html.hbs'),
    labels: join(INSTALL_ROOT, 'templates', language, 'conclusion.yaml'),
  };
}

/** Reads the conclusion's labels for a language. */
export function readLabels(language: ReportLanguage): ConclusionLabels {
  return parseYaml(readFileSync(templatePaths(language).labels, 'utf8')) as ConclusionLabels;
}

function readAnalyses(workspace: CaseWorkspace): AnalysisResult[] {
  const dir = workspace.path(CaseFiles.analysesDir);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort(compareCodeUnits)
    .map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as AnalysisResult);
}

/**
 * Assembles the conclusion model of a case from its records. A `--final` model is refused with a
 * UserError listing what is still open.
 */
export function buildConclusion(workspace: CaseWorkspace, language: ReportLanguage, final: boolean): ConclusionModel {
  if (!workspace.derivedIsCommitted()) {
    throw new UserError(`${workspace.dir}: nothing analysed yet, or the analysis is out of date; run "soz analyze ${workspace.dir}" first`, 'case.not-analysed');
  }
  const manifestText = readFileSync(workspace.path(CaseFiles.manifest), 'utf8');
  const manifest = JSON.parse(manifestText) as RunManifest;
  const documents = readDerivedDocuments(workspace).map((doc) => ({
    doc,
    sha256: sha256(readFileSync(join(workspace.path(CaseFiles.documentsDir), documentFileName(doc.id)))),
  }));
  const analyses = readAnalyses(workspace);
  const overview = (analyses.find((result) => result.analysis === LANGUAGE_OVERVIEW)?.data as LanguageOverview | undefined) ?? null;
  const profileData = analyses.find((result) => result.analysis === 'profile')?.data as { rows?: { unit: string; key: string; tokens: number; rates: Record<string, number> }[] } | undefined;
  const procedure = loadProcedure();
  const questions = readQuestions(workspace);
  const answers: Record<string, { path: string; sha256: string; text: string }> = {};
  for (const question of questions) {
    const answer = readAnswer(workspace, question.id);
    if (answer) answers[question.id] = answer;
  }
  const paths = templatePaths(language);
  const model = assembleConclusion({
    language,
    final,
    metadata: workspace.metadata,
    evidence: workspace.evidence(),
    documents,
    overview,
    analyses: analyses.map((result) => ({ analysis: result.analysis, version: result.version, findings: result.findings?.length ?? 0 })),
    selection: selectionView(analyses.find((result) => result.analysis === 'indicators')?.parameters),
    profileRows: Array.isArray(profileData?.rows) ? profileData.rows : null,
    manifest,
    manifestSha256: sha256(manifestText),
    procedure: { id: procedure.id, version: procedure.version, title: procedure.title, file: hashInstallFile(PROCEDURE_PATH) },
    templates: [hashInstallFile(paths.md), hashInstallFile(paths.html), hashInstallFile(paths.labels)],
    statuses: sopStatus(procedure, workspace.readLog(), readStepRecords(workspace)),
    questions,
    answers,
    findings: readCaseFindings(workspace),
    decisions: readReview(workspace),
  });
  if (final) {
    const problems = finalProblems(model);
    if (problems.length > 0) throw new UserError(`${workspace.dir}: a final report needs every step done or skipped — ${problems.join('; ')}`, 'report.not-final');
  }
  return model;
}

function logRender(workspace: CaseWorkspace, options: ReportOptions, model: ConclusionModel, format: ReportFormat, relative: string, bytes: string | Uint8Array, digest: string): FormatOutcome {
  writeFileAtomic(workspace.path(relative), bytes);
  const fileSha256 = sha256(bytes);
  const paths = templatePaths(model.language);
  const templates: HashedFile[] = [hashInstallFile(paths.labels), hashInstallFile(PROCEDURE_PATH), ...(format === 'md' || format === 'html' ? [hashInstallFile(paths[format])] : [])];
  workspace.appendLog(options.clock, {
    actor: options.actor,
    action: format === 'md' ? 'report.render' : 'report.export',
    inputs: [{ path: CaseFiles.manifest, sha256: model.manifest.sha256 }],
    outputs: [{ path: relative, sha256: fileSha256 }],
    details: { language: model.language, format: format === 'md' ? 'markdown' : format, final: model.final, reportDigest: digest, modelDigest: modelDigest(model), templates },
  });
  return { format, path: relative, digest, sha256: fileSha256 };
}

/**
 * Renders the Markdown conclusion into `reports/report.<lang>.md` and logs it (`report.render`).
 * Synchronous: `soz run`, the demo and `soz verify` use it.
 */
export function writeReport(workspace: CaseWorkspace, options: ReportOptions & { final?: boolean }): ReportOutcome {
  const language = options.language ?? workspace.metadata.reportLanguage;
  const model = buildConclusion(workspace, language, options.final ?? false);
  const { text, digest } = renderMarkdownConclusion(model, readFileSync(templatePaths(language).md, 'utf8'), readLabels(language));
  const outcome = logRender(workspace, options, model, 'md', `${CaseFiles.reportsDir}/report.${language}.md`, text, digest);
  return { path: outcome.path, digest: outcome.digest };
}

/**
 * Renders the conclusion in each requested format (Markdown always, as the reference text) and
 * logs each file. All formats come from one model, so they say the same.
 */
export async function writeReports(workspace: CaseWorkspace, options: ReportOptions & { formats: readonly ReportFormat[]; final: boolean }): Promise<FormatOutcome[]> {
  const language = options.language ?? workspace.metadata.reportLanguage;
  const model = buildConclusion(workspace, language, options.final);
  const labels = readLabels(language);
  const paths = templatePaths(language);
  const base = `${CaseFiles.reportsDir}/report.${language}`;
  const outcomes: FormatOutcome[] = [];
  const markdown = renderMarkdownConclusion(model, readFileSync(paths.md, 'utf8'), labels);
  outcomes.push(logRender(workspace, options, model, 'md', `${base}.md`, markdown.text, markdown.digest));
  for (const format of REPORT_FORMATS.filter((candidate) => candidate !== 'md' && options.formats.includes(candidate))) {
    if (format === 'html') {
      const html = renderHtmlConclusion(model, readFileSync(paths.html, 'utf8'), labels);
      outcomes.push(logRender(workspace, options, model, 'html', `${base}.html`, html.text, html.digest));
    } else if (format === 'pdf') {
      const { renderPdfConclusion } = await import('../report/pdf.js');
      outcomes.push(logRender(workspace, options, model, 'pdf', `${base}.pdf`, await renderPdfConclusion(model, labels), modelDigest(model)));
    } else {
      const { renderDocxConclusion } = await import('../report/docx.js');
      outcomes.push(logRender(workspace, options, model, 'docx', `${base}.docx`, await renderDocxConclusion(model, labels), modelDigest(model)));
    }
  }
  return outcomes;
}
