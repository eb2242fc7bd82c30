/**
 * Extract once: the documents `soz add` extracted from an evidence file, kept in
 * `extracted/<sha256>.<key>/<id>.ndjson` (the compact form of `derived-format.ts`), where `key`
 * names the extractor (soz version, dependency lockfile, Node, limits: `pipeline/extract.ts`).
 * They are written while `add` reads the file, staged into the case under its lock like the
 * evidence copy, and renamed into place by `add`'s commit, whose log entry records every file with its hash. `analyze` reads them back only
 * when the folder holds exactly the files the log records, byte for byte.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { HashedFile } from '../core/case.js';
import { compareCodeUnits } from '../core/canonical-json.js';
import type { SozDocument } from '../core/document.js';
import { UserError } from '../core/errors.js';
import { sha256 } from '../core/hash.js';
import { tempSibling, writeFileAtomic } from './atomic.js';
import type { StagedMove } from './commit.js';
import { encodeDocument } from './derived-format.js';
import { CaseFiles, casePath } from './layout.js';
import { documentFileName, parsedDocument } from './records.js';
import { caseFileSha256 } from './snapshot.js';

/** An extraction being kept: documents go in with `write`; `stage` puts them into the case for the commit. */
export interface KeptExtraction {
  write(doc: SozDocument): void;
  /** The files written, as the log records them (final paths in the case). */
  files(): HashedFile[];
  /**
   * Moves the documents into a temporary folder of the case (under its lock, like an evidence copy)
   * and returns the rename that the commit performs.
   */
  stage(caseDir: string): StagedMove;
  /** Removes what is not committed (the file was refused, a duplicate, or the command failed). */
  discard(): void;
}

/** Case-relative folder of the kept extraction of one evidence file by one extractor. */
export function extractionFolder(evidenceSha256: string, key: string): string {
  return `${CaseFiles.extractedDir}/${evidenceSha256}.${key}`;
}

/**
 * Starts keeping the documents of one evidence file. They are written while `add` reads the file,
 * before it takes the case lock, so into a folder of the system's temporary directory: the case
 * sees them only as the staged folder of `stage`.
 */
export function keepExtraction(evidenceSha256: string, key: string): KeptExtraction {
  const folder = extractionFolder(evidenceSha256, key);
  const outside = mkdtempSync(join(tmpdir(), 'soz-extract-'));
  const written: HashedFile[] = [];
  let staged: { caseDir: string; temp: string } | undefined;
  return {
    write: (doc) => {
      const name = documentFileName(doc.id);
      const content = [...encodeDocument(doc)].join('');
      writeFileSync(join(outside, name), content);
      written.push({ path: `${folder}/${name}`, sha256: sha256(content) });
    },
    files: () => [...written].sort((a, b) => compareCodeUnits(a.path, b.path)),
    stage: (caseDir) => {
      mkdirSync(casePath(caseDir, CaseFiles.extractedDir), { recursive: true });
      const temp = `${CaseFiles.extractedDir}/${basename(tempSibling(casePath(caseDir, folder)))}`;
      mkdirSync(casePath(caseDir, temp));
      staged = { caseDir, temp };
      // Copied and flushed file by file: the temporary directory may be on another file system.
      for (const name of readdirSync(outside).sort(compareCodeUnits)) writeFileAtomic(casePath(caseDir, `${temp}/${name}`), readFileSync(join(outside, name)));
      rmSync(outside, { recursive: true, force: true });
      return { from: temp, to: folder, directory: true };
    },
    discard: () => {
      rmSync(outside, { recursive: true, force: true });
      if (staged === undefined) return;
      rmSync(casePath(staged.caseDir, staged.temp), { recursive: true, force: true });
      // A refused add leaves the case as it was: no empty `extracted/` either.
      const parent = casePath(staged.caseDir, CaseFiles.extractedDir);
      if (existsSync(parent) && readdirSync(parent).length === 0) rmdirSync(parent);
    },
  };
}

/**
 * The kept documents of one evidence file by the extractor `key`, or null when there are none or
 * the folder does not hold exactly the files `recorded` (path → SHA-256 from the log) with those
 * hashes — then the caller extracts afresh. The files are hashed in chunks first; the documents are
 * then read one at a time as they are asked for, so a phone's export of many parts is never held
 * whole.
 */
export function readKeptExtraction(caseDir: string, evidenceSha256: string, key: string, recorded: ReadonlyMap<string, string>): Iterable<SozDocument> | null {
  const folder = extractionFolder(evidenceSha256, key);
  const dir = casePath(caseDir, folder);
  if (!existsSync(dir)) return null;
  const names = readdirSync(dir).sort(compareCodeUnits);
  const expected = [...recorded.keys()].filter((path) => path.startsWith(`${folder}/`));
  if (names.length === 0 || names.length !== expected.length) return null;
  const files = names.map((name) => `${folder}/${name}`);
  if (files.some((relative) => recorded.get(relative) !== caseFileSha256(caseDir, relative))) return null;
  return keptDocuments(caseDir, files, recorded);
}

/** The kept documents of `files`, each read and checked against its recorded hash again when asked for. */
function* keptDocuments(caseDir: string, files: readonly string[], recorded: ReadonlyMap<string, string>): Generator<SozDocument> {
  for (const relative of files) {
    const bytes = readFileSync(casePath(caseDir, relative));
    if (recorded.get(relative) !== sha256(bytes)) throw new UserError(`${relative}: changed while it was read; run "soz analyze" again`, 'case.corrupt-record');
    yield parsedDocument(relative, bytes);
  }
}
