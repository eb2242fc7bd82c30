/**
 * The staging folder of an analysis run: everything a run writes goes to `derived.next/`, which
 * the commit renames over `derived/` (the log entry recording the outputs is the commit point,
 * see `case/commit.ts`).
 */
import type { Hash } from 'node:crypto';
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { AnalysisResult } from '../core/analysis-result.js';
import type { HashedFile } from '../core/case.js';
import type { SozDocument } from '../core/document.js';
import { sha256 } from '../core/hash.js';
import { flushFiles, writeNewFile } from './atomic.js';
import type { StagedMove } from './commit.js';
import type { EncodedPart, FindingSource } from './derived-format.js';
import { COMPACT_EXTENSION, encodeAnalysis, encodeDocument } from './derived-format.js';
import { takeKeptDocumentFile } from './extraction-store.js';
import { CaseFiles, casePath } from './layout.js';
import { documentFileName, documentTextsIn } from './records.js';

/** An analysis run being written: files go in with `write`; `move` is what the commit renames. */
export interface DerivedRun {
  /**
   * Writes `relative` (below `derived/`, e.g. `documents/x.ndjson`) and returns it as the log
   * records it. Content given in parts is written and hashed part by part (a file bigger than memory).
   */
  write(relative: string, content: string | Iterable<string | Uint8Array>): HashedFile;
  /** Writes a document in the compact form (`documents/<id>.ndjson`, see `derived-format.ts`). */
  writeDocument(doc: SozDocument): HashedFile;
  /**
   * Writes the document `documentId` as the bytes of a file in the compact form of today's schema
   * (a kept document read unchanged, its hash checked as it was read: what `writeDocument` writes of it).
   */
  writeDocumentFile(documentId: string, file: { readonly bytes: Uint8Array; readonly sha256: string }): HashedFile;
  /**
   * Writes an analysis result in the compact form (`analyses/<name>.ndjson`); its findings are
   * `source`'s when given (a spill). Write the documents first: a finding's context is kept as a
   * range of its document's text where the document is written. `documentRows` are the rows of
   * `data.documents` given apart, in order (see `encodeAnalysis`).
   */
  writeAnalysis(result: AnalysisResult, source?: FindingSource, documentRows?: Iterable<EncodedPart>): HashedFile;
  /** Removes the staging folder of a run that failed. */
  discard(): void;
  /**
   * Flushes every file written, then their folders, to disk — once each, at the end of the run,
   * not as each is written — and returns what the commit renames (staged, complete and flushed).
   */
  flush(): StagedMove;
  /**
   * A folder inside the staging folder (not yet made) for the run's temporary files: whoever makes
   * it removes it before the commit, and `discard` removes it with the rest — so a run, verify's
   * re-run included, never writes outside the case folder it works in.
   */
  readonly scratch: string;
  /** Removes `scratch` (before the commit: nothing temporary is committed with the run). */
  removeScratch(): void;
}

/** Starts a run in a fresh `derived.next/` (one left by this command's earlier failure is replaced). */
export function startDerivedRun(caseDir: string): DerivedRun {
  const staging = `${CaseFiles.derivedDir}.next`;
  const next = casePath(caseDir, staging);
  rmSync(next, { recursive: true, force: true });
  mkdirSync(casePath(next, 'documents'), { recursive: true });
  mkdirSync(casePath(next, 'analyses'), { recursive: true });
  // Files of the staging folder are written whole once and never renamed: a run cut short leaves
  // `derived.next/`, which recovery moves to quarantine, so they are flushed together by `flush`.
  const written = new Map<string, string[]>();
  const write = (relative: string, content: string | Iterable<string | Uint8Array>): HashedFile => {
    const path = casePath(next, relative);
    let sha: string;
    if (typeof content === 'string') {
      // Encoded once, for the hash and the file alike.
      const bytes = Buffer.from(content, 'utf8');
      writeNewFile(path, bytes);
      sha = sha256(bytes);
    } else {
      const hash = createHash('sha256');
      writeNewFile(path, hashedParts(content, hash));
      sha = hash.digest('hex');
    }
    return recorded(path, relative, sha);
  };
  const recorded = (path: string, relative: string, sha: string): HashedFile => {
    const folder = dirname(path);
    const names = written.get(folder) ?? [];
    if (names.length === 0) written.set(folder, names);
    names.push(basename(path));
    return { path: `${CaseFiles.derivedDir}/${relative}`, sha256: sha };
  };
  // A document read unchanged from the file `soz add` kept is written as those bytes, whose hash
  // was checked as they were read: the same bytes `encodeDocument` would make, neither encoded nor hashed again.
  const writeDocumentFile = (documentId: string, file: { readonly bytes: Uint8Array; readonly sha256: string }): HashedFile => {
    const relative = `documents/${documentFileName(documentId)}`;
    const path = casePath(next, relative);
    writeNewFile(path, file.bytes);
    return recorded(path, relative, file.sha256);
  };
  const writeDocument = (doc: SozDocument): HashedFile => {
    const kept = takeKeptDocumentFile(doc);
    return kept === undefined ? write(`documents/${documentFileName(doc.id)}`, batched(encodeDocument(doc))) : writeDocumentFile(doc.id, kept);
  };
  return {
    write,
    writeDocument,
    writeDocumentFile,
    // A finding's context is written as a range of its document's text, read back from this run's documents.
    writeAnalysis: (result, source, documentRows) => write(`analyses/${result.analysis}${COMPACT_EXTENSION}`, batched(encodeAnalysis(result, source, documentTextsIn(casePath(next, 'documents')), documentRows))),
    discard: () => rmSync(next, { recursive: true, force: true }),
    flush: () => {
      for (const [folder, names] of written) flushFiles(folder, names);
      flushFiles(next, []);
      return { from: staging, to: CaseFiles.derivedDir, directory: true };
    },
    scratch: casePath(next, '.scratch'),
    removeScratch: () => rmSync(casePath(next, '.scratch'), { recursive: true, force: true }),
  };
}

/** `parts` as they are written, each added to `hash` (text as UTF-8, as the file gets it, encoded once for both). */
function* hashedParts(parts: Iterable<string | Uint8Array>, hash: Hash): Generator<Uint8Array> {
  for (const part of parts) {
    const bytes = typeof part === 'string' ? Buffer.from(part, 'utf8') : part;
    hash.update(bytes);
    yield bytes;
  }
}

/** Bytes of one part of a file as `batched` gathers them. */
const PART_BYTES = 1 << 20;

/**
 * `lines` as UTF-8 in parts of about a MiB: each line is encoded straight into the part's buffer,
 * with no joined string per part and no line encoded twice (bytes given are copied in as they
 * are); a line longer than a part is a part of its own. Few writes, and never one string or buffer
 * of a whole huge file.
 */
function* batched(lines: Iterable<EncodedPart>): Generator<Uint8Array> {
  let part = Buffer.allocUnsafe(PART_BYTES);
  let used = 0;
  for (const line of lines) {
    // A UTF-16 code unit takes at most 3 bytes in UTF-8.
    const most = typeof line === 'string' ? line.length * 3 : line.length;
    if (used + most > PART_BYTES && used > 0) {
      yield part.subarray(0, used);
      part = Buffer.allocUnsafe(PART_BYTES);
      used = 0;
    }
    if (most > PART_BYTES) yield typeof line === 'string' ? Buffer.from(line, 'utf8') : line;
    else if (typeof line === 'string') used += part.write(line, used, 'utf8');
    else {
      part.set(line, used);
      used += line.length;
    }
  }
  if (used > 0) yield part.subarray(0, used);
}
