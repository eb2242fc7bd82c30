import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { ReportLanguage, RunManifest } from '../core/case.js';
import { UserError } from '../core/errors.js';
import { sha256 } from '../core/hash.js';
import type { AnalysisResult } from '../core/analysis-result.js';
import type { LanguageOverview } from '../analysis/language-overview.js';
import { LANGUAGE_OVERVIEW } from '../analysis/language-overview.js';
import { assembleReport } from '../report/model.js';
import { renderMarkdownReport } from '../report/markdown.js';
import { writeFileAtomic } from '../case/atomic.js';
import { CaseFiles } from '../case/layout.js';
import type { CaseWorkspace, Clock } from '../case/workspace.js';
import { documentFileName, readDerivedDocuments } from './analyze.js';
import { hashInstallFile, INSTALL_ROOT } from './install.js';

export interface ReportOutcome {
  /** Case-relative path of the report. */
  readonly path: string;
  readonly digest: string;
}

/** Renders the Markdown report of an analysed case into `reports/report.<lang>.md` and logs it. */
export function writeReport(workspace: CaseWorkspace, options: { clock: Clock; actor: string; language?: ReportLanguage }): ReportOutcome {
  const language = options.language ?? workspace.metadata.reportLanguage;
  if (!workspace.derivedIsCommitted()) {
    throw new UserError(`${workspace.dir}: nothing analysed yet, or the analysis is out of date; run "soz analyze ${workspace.dir}" first`, 'case.not-analysed');
  }
  const manifestText = readFileSync(workspace.path(CaseFiles.manifest), 'utf8');
  const manifest = JSON.parse(manifestText) as RunManifest;
  const documents = readDerivedDocuments(workspace).map((doc) => ({
    doc,
    sha256: sha256(readFileSync(join(workspace.path(CaseFiles.documentsDir), documentFileName(doc.id)))),
  }));
  const overview = readAnalysis<LanguageOverview>(workspace, LANGUAGE_OVERVIEW);

  const templatePath = join(INSTALL_ROOT, 'templates', 'report.md.hbs');
  const labelsPath = join(INSTALL_ROOT, 'templates', 'labels', `${language}.yaml`);
  const model = assembleReport({ metadata: workspace.metadata, evidence: workspace.evidence(), documents, overview, manifest, manifestSha256: sha256(manifestText) });
  const labels = parseYaml(readFileSync(labelsPath, 'utf8')) as Record<string, string>;
  const { text, digest } = renderMarkdownReport(model, readFileSync(templatePath, 'utf8'), labels, language);

  const relative = `${CaseFiles.reportsDir}/report.${language}.md`;
  writeFileAtomic(workspace.path(relative), text);
  workspace.appendLog(options.clock, {
    actor: options.actor,
    action: 'report.render',
    inputs: [{ path: CaseFiles.manifest, sha256: sha256(manifestText) }],
    outputs: [{ path: relative, sha256: sha256(text) }],
    details: { language, format: 'markdown', reportDigest: digest, templates: [hashInstallFile(templatePath), hashInstallFile(labelsPath)] },
  });
  return { path: relative, digest };
}

function readAnalysis<Data>(workspace: CaseWorkspace, name: string): Data {
  const path = workspace.path(`${CaseFiles.analysesDir}/${name}.json`);
  if (!existsSync(path)) throw new UserError(`${path}: analysis missing; run "soz analyze ${workspace.dir}" again`, 'case.analysis-missing');
  return (JSON.parse(readFileSync(path, 'utf8')) as AnalysisResult<Data>).data as Data;
}
