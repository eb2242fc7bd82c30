/**
 * Removing a case folder that a failed `soz run` created in the same run before any evidence was
 * taken into custody: it holds nothing but its own creation, and left behind it would block the
 * corrected command ("folder is not empty").
 */
import { rmSync } from 'node:fs';
import { CaseWorkspace } from './workspace.js';

/**
 * Removes `dir` when its log records no evidence; returns whether it did. A case that holds
 * evidence is never removed: custody, once logged, stays.
 */
export function discardCaseWithoutEvidence(dir: string): boolean {
  const log = CaseWorkspace.open(dir).readLog();
  if (log.some((entry) => entry.action !== 'case.init')) return false;
  rmSync(dir, { recursive: true, force: true });
  return true;
}
