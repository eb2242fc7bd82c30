/**
 * The staging folder of an analysis run: everything a run writes goes to `derived.next/`, which
 * the commit renames over `derived/` (the log entry recording the outputs is the commit point,
 * see `case/commit.ts`).
 */
import { mkdirSync, rmSync } from 'node:fs';
import type { AnalysisResult } from '../core/analysis-result.js';
import type { HashedFile } from '../core/case.js';
import type { SozDocument } from '../core/document.js';
import { sha256 } from '../core/hash.js';
import { writeFileAtomic } from './atomic.js';
import type { StagedMove } from './commit.js';
import { COMPACT_EXTENSION, encodeAnalysis, encodeDocument } from './derived-format.js';
import { CaseFiles, casePath } from './layout.js';
import { documentFileName } from './records.js';

/** An analysis run being written: files go in with `write`; `move` is what the commit renames. */
export interface DerivedRun {
  /** Writes `relative` (below `derived/`, e.g. `documents/x.json`) and returns it as the log records it. */
  write(relative: string, content: string): HashedFile;
  /** Writes a document in the compact form (`documents/<id>.ndjson`, see `derived-format.ts`). */
  writeDocument(doc: SozDocument): HashedFile;
  /** Writes an analysis result in the compact form (`analyses/<name>.ndjson`). */
  writeAnalysis(result: AnalysisResult): HashedFile;
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
  const write = (relative: string, content: string): HashedFile => {
    writeFileAtomic(casePath(next, relative), content);
    return { path: `${CaseFiles.derivedDir}/${relative}`, sha256: sha256(content) };
  };
  return {
    write,
    writeDocument: (doc) => write(`documents/${documentFileName(doc.id)}`, [...encodeDocument(doc)].join('')),
    writeAnalysis: (result) => write(`analyses/${result.analysis}${COMPACT_EXTENSION}`, [...encodeAnalysis(result)].join('')),
    discard: () => rmSync(next, { recursive: true, force: true }),
    move: { from: staging, to: CaseFiles.derivedDir, directory: true },
  };
}
