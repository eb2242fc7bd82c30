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
  compareDir: 'compare',
} as const;

/** Absolute path of a case-relative POSIX path. */
export function casePath(caseDir: string, relative: string): string {
  return join(caseDir, ...relative.split('/'));
}
