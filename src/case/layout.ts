import { join } from 'node:path';

/**
 * Where everything lives inside a case folder. Paths recorded in the log and manifest are
 * relative to the case folder with POSIX separators, so they read the same on every machine.
 */
export const CaseFiles = {
  metadata: 'case.json',
  evidenceDir: 'evidence',
  evidenceRegister: 'evidence.json',
  derivedDir: 'derived',
  documentsDir: 'derived/documents',
  analysesDir: 'derived/analyses',
  extractedDir: 'extracted',
  manifest: 'derived/manifest.json',
  log: 'log.jsonl',
  reportsDir: 'reports',
  /** CSV tables of the analyses, written on demand (`soz export --format csv`), never in `derived/`. */
  tablesDir: 'reports/tables',
  compareDir: 'compare',
  /** The lab's list of banned organisations as imported (`soz lists import`), read by `soz analyze`. */
  orgList: 'lists/organisations.json',
} as const;

/**
 * Where `soz compare` writes (case-relative): beside `derived/`, not in it, because `soz analyze`
 * replaces `derived/` as a whole and `soz verify` re-runs the analysis, not the comparison.
 */
export const COMPARE_FILES = { json: `${CaseFiles.compareDir}/matches.json`, csv: `${CaseFiles.compareDir}/matches.csv` } as const;

/** Absolute path of a case-relative POSIX path. */
export function casePath(caseDir: string, relative: string): string {
  return join(caseDir, ...relative.split('/'));
}
