/**
 * The staging folder of an analysis run: everything a run writes goes to `derived.next/`, which
 * the commit renames over `derived/` (the log entry recording the outputs is the commit point,
 * see `case/commit.ts`).
 */
import { mkdirSync, rmSync } from 'node:fs';
import type { HashedFile } from '../core/case.js';
import { sha256 } from '../core/hash.js';
import { writeFileAtomic } from './atomic.js';
import type { StagedMove } from './commit.js';
import { CaseFiles, casePath } from './layout.js';

/** An analysis run being written: files go in with `write`; `move` is what the commit renames. */
export interface DerivedRun {
  /** Writes `relative` (below `derived/`, e.g. `documents/x.json`) and returns it as the log records it. */
  write(relative: string, content: string): HashedFile;
  /** Removes the staging folder of a run that failed. */
  discard(): void;
  readonly move: StagedMove;
}

/** Starts a run in a fresh `derived.next/` (one left by this command's earlier failure is replaced). */
export function startDerivedRun(caseDir: string): DerivedRun {
  const staging = `${CaseFiles.derivedDir}.next`;
  const next = casePath(caseDir, staging);
  rmSync(next, { recursive: true, force: true });
  mkdirSync(casePath(next, 'documents'), { recursive: true });
  mkdirSync(casePath(next, 'analyses'), { recursive: true });
  return {
    write: (relative, content) => {
      writeFileAtomic(casePath(next, relative), content);
      return { path: `${CaseFiles.derivedDir}/${relative}`, sha256: sha256(content) };
    },
    discard: () => rmSync(next, { recursive: true, force: true }),
    move: { from: staging, to: CaseFiles.derivedDir, directory: true },
  };
}
