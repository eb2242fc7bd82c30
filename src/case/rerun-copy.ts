/**
 * The temporary copy of a case that `soz verify` re-runs the analysis and the reports in: made in a
 * fresh temporary folder that is always removed, holding what a re-run starts from (`case.json`,
 * the registered evidence copies, `examiner/`, `lists/`, `compare/`) and a log written as it stood before each step.
 * Every path taken from the log goes through `resolveInside`.
 */
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { EvidenceRecord, LogEntry } from '../core/case.js';
import { rechainedLog } from '../core/custody-log.js';
import { CaseFiles, casePath } from './layout.js';
import { listCaseFiles, resolveInside } from './snapshot.js';
import { makeTempFolder, removeTempFolder } from './temp-folder.js';

/** Runs `work` with a fresh temporary folder and removes the folder afterwards, whatever happens. */
export async function withTempFolder<T>(prefix: string, work: (temp: string) => Promise<T>): Promise<T> {
  const temp = makeTempFolder(prefix);
  try {
    return await work(temp);
  } finally {
    removeTempFolder(temp);
  }
}

/**
 * Copies what a re-run starts from into `copy`: case.json, the registered evidence copies, `examiner/`,
 * `lists/`, `compare/`, and `kept` — files of `extracted/` (case-relative) that verify has just
 * proved identical to a fresh extraction, so the re-run reads them as `soz analyze` did instead of
 * extracting every file a second time (and holding the extractor's threads beside the analyses').
 */
export function prepareRerunCopy(dir: string, copy: string, register: readonly EvidenceRecord[], kept: readonly string[] = []): void {
  mkdirSync(casePath(copy, CaseFiles.evidenceDir), { recursive: true });
  copyFileSync(resolveInside(dir, CaseFiles.metadata, CaseFiles.metadata), resolveInside(copy, CaseFiles.metadata, CaseFiles.metadata));
  for (const record of register) {
    const where = `log.jsonl evidence.add of ${record.originalName}: evidence copy`;
    const source = resolveInside(dir, record.copy, where);
    if (existsSync(source)) copyFileSync(source, resolveInside(copy, record.copy, where));
  }
  copyCaseFiles(dir, copy, kept, 'kept extraction');
  // The examiner's records, the lab's list the analysis read and the comparison with the reference
  // library are inputs the re-run does not reproduce (soz compare needs the library): copied as recorded.
  copyCaseFiles(dir, copy, [...listCaseFiles(dir, 'examiner'), ...listCaseFiles(dir, 'lists'), ...listCaseFiles(dir, CaseFiles.compareDir)], 'examiner record');
}

/** Copies case-relative `paths` from `dir` into `copy`, each resolved inside its folder (`what` names them in a refusal). */
function copyCaseFiles(dir: string, copy: string, paths: readonly string[], what: string): void {
  for (const path of paths) {
    const target = resolveInside(copy, path, what);
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(resolveInside(dir, path, what), target);
  }
}

/** Writes the re-run copy's log: `entries` re-numbered and re-chained. */
export function writeRerunLog(copy: string, entries: readonly LogEntry[]): void {
  writeFileSync(casePath(copy, CaseFiles.log), rechainedLog(entries));
}
