import type { CaseMetadata, RunManifest } from '../core/case.js';
import { logChainProblems } from '../core/case.js';
import { canonicalJson } from '../core/canonical-json.js';
import { UserError } from '../core/errors.js';
import { sha256 } from '../core/hash.js';
import { CaseFiles } from '../case/layout.js';
import { readCaseFile, readCaseSnapshot } from '../case/snapshot.js';
import { readWhileQuiet } from '../case/quiet-read.js';
import type { CaseUcoDocument } from '../seal/case-uco.js';
import { caseUcoDocument } from '../seal/case-uco.js';
import { evidenceRegister } from '../core/custody-log.js';
import { installFacts } from './install.js';

/** Export formats `soz export` knows. */
export const EXPORT_FORMATS = ['case-uco'] as const;

/**
 * The case's chain of custody and investigative actions as CASE/UCO JSON-LD, serialised with
 * canonical JSON (same case → same bytes). Reads the case only, while no writer works on it
 * (`readWhileQuiet`); refuses a broken log.
 */
export async function exportCase(dir: string, format: string): Promise<{ text: string; document: CaseUcoDocument }> {
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
    throw new UserError(`--format ${format}: soz exports ${EXPORT_FORMATS.join(', ')}`, 'usage.export-format', undefined, { key: 'error.export.format', params: { format, formats: EXPORT_FORMATS.join(', ') } });
  }
  return readWhileQuiet(dir, 'export', () => exportDocument(dir));
}

/** The CASE/UCO document of a case as its files stand now. */
function exportDocument(dir: string): { text: string; document: CaseUcoDocument } {
  const snapshot = readCaseSnapshot(dir);
  if (snapshot.badLogLines.length > 0 || logChainProblems(snapshot.log).length > 0) {
    throw new UserError(`${dir}: the custody log is damaged; run "soz verify ${dir}" to see where, and export from an intact copy`, 'export.log-broken', undefined, { key: 'error.export.log-broken', params: { dir } });
  }
  const caseBytes = readCaseFile(dir, CaseFiles.metadata)!;
  const metadata = JSON.parse(caseBytes.toString('utf8')) as CaseMetadata;
  const manifestBytes = readCaseFile(dir, CaseFiles.manifest);
  let toolVersion = installFacts().version;
  if (manifestBytes !== null) {
    try {
      toolVersion = (JSON.parse(manifestBytes.toString('utf8')) as RunManifest).tool.version;
    } catch {
      // A damaged manifest is verify's business; the installed version names the instrument.
    }
  }
  const document = caseUcoDocument({ metadata, caseSha256: sha256(caseBytes), log: snapshot.log, evidence: evidenceRegister(snapshot.log), toolVersion });
  return { text: canonicalJson(document, true), document };
}
