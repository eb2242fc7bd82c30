/**
 * Extract once: the documents `soz add` extracted from an evidence file, kept in
 * `extracted/<sha256>.<key>/<id>.ndjson` (the compact form of `derived-format.ts`), where `key`
 * names the extractor (soz version, dependency lockfile, Node, limits: `pipeline/extract.ts`).
 * They are written while `add` reads the file into a staging folder of this process inside the
 * case (nothing goes outside the case folder), and renamed into place by `add`'s commit, whose log
 * entry records every file with its hash. `analyze` reads them back only when the folder holds
 * exactly the files the log records, byte for byte.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { basename } from 'node:path';
import type { HashedFile } from '../core/case.js';
import { compareCodeUnits } from '../core/canonical-json.js';
import type { SozDocument } from '../core/document.js';
import { UserError } from '../core/errors.js';
import { sha256 } from '../core/hash.js';
import { madeDocumentFile } from '../core/made-document-file.js';
import { flushFiles, holdTemporary, inFolderMade, removeIfEmpty, tempSibling, writeNewFile } from './atomic.js';
import type { StagedMove } from './commit.js';
import { encodeDocument } from './derived-format.js';
import { CaseFiles, casePath } from './layout.js';
import { documentFileHead, documentFileName, parsedDocumentFile } from './records.js';
import { caseFileSha256 } from './snapshot.js';

/** An extraction being kept: documents go in with `write`; `stage` hands them to the commit. */
export interface KeptExtraction {
  write(doc: SozDocument): void;
  /** The files written, as the log records them (final paths in the case). */
  files(): HashedFile[];
  /** Flushes the files written and gives the rename the commit performs: the staging folder onto its place in `extracted/`. */
  stage(): StagedMove;
  /** Removes what is not committed (the file was refused, a duplicate, or the command failed). */
  discard(): void;
}

/** A kept document's file: its compact form encoded to UTF-8 once, for the file and its hash alike. */
export function documentFileBytes(doc: SozDocument): Uint8Array {
  return Buffer.from([...encodeDocument(doc)].join(''), 'utf8');
}

/** Case-relative folder of the kept extraction of one evidence file by one extractor. */
export function extractionFolder(evidenceSha256: string, key: string): string {
  return `${CaseFiles.extractedDir}/${evidenceSha256}.${key}`;
}

/**
 * Starts keeping the documents of one evidence file in `caseDir`. They are written while `add`
 * reads the file, before it takes the case lock, into a staging folder named as a temporary of
 * this process (`extracted/.<sha256>.<key>.tmp-<pid>-<n>/`): readers and `verify` skip it, another
 * writer's recovery leaves it while this process lives and moves it to `quarantine/` once it is
 * gone, and it is renamed into place by the commit, so nothing is written outside the case folder.
 */
export function keepExtraction(caseDir: string, evidenceSha256: string, key: string): KeptExtraction {
  const folder = extractionFolder(evidenceSha256, key);
  const temp = `${CaseFiles.extractedDir}/${basename(tempSibling(casePath(caseDir, folder)))}`;
  // extracted/ may be removed by another add's refusal while it is empty: made with the staging folder.
  inFolderMade(casePath(caseDir, CaseFiles.extractedDir), () => mkdirSync(casePath(caseDir, temp)));
  const release = holdTemporary(casePath(caseDir, temp));
  const written: HashedFile[] = [];
  const names: string[] = [];
  return {
    write: (doc) => {
      const name = documentFileName(doc.id);
      // Made where the document was built (a Telegram part's thread, by `documentFileBytes`), else here.
      const made = madeDocumentFile(doc);
      const content = made?.bytes ?? documentFileBytes(doc);
      // The staging folder is this process's own: each file is written once, under its final
      // name, and all are flushed when the folder is staged (a refused add flushes nothing).
      writeNewFile(casePath(caseDir, `${temp}/${name}`), content);
      names.push(name);
      written.push({ path: `${folder}/${name}`, sha256: made?.sha256 ?? sha256(content) });
    },
    files: () => [...written].sort((a, b) => compareCodeUnits(a.path, b.path)),
    stage: () => {
      flushFiles(casePath(caseDir, temp), names);
      return { from: temp, to: folder, directory: true };
    },
    discard: () => {
      rmSync(casePath(caseDir, temp), { recursive: true, force: true });
      release();
      removeIfEmpty(casePath(caseDir, CaseFiles.extractedDir));
    },
  };
}

/**
 * A kept document file, read and checked against the hash the log records. `head` (the document
 * without its segments, from the file's first two lines) lets the caller pass the bytes on to
 * where the document is analysed instead of decoding it here.
 */
export interface KeptDocument {
  /** Case-relative path and bytes of the file. */
  readonly file: { readonly relative: string; readonly bytes: Uint8Array };
  readonly sha256: string;
  /** The document but its segments; undefined for a file of an earlier schema (`open` it: it is written anew). */
  readonly head: Omit<SozDocument, 'segments'> | undefined;
  /** The whole document (its file given to `takeKeptDocumentFile` when of today's schema). */
  open(): SozDocument;
}

/**
 * The kept documents of one evidence file by the extractor `key`, or null when there are none or
 * the folder does not hold exactly the files `recorded` (path → SHA-256 from the log) with those
 * hashes — then the caller extracts afresh. The files are hashed in chunks first; the documents are
 * then read one at a time as they are asked for, so a phone's export of many parts is never held
 * whole.
 */
export function readKeptExtraction(caseDir: string, evidenceSha256: string, key: string, recorded: ReadonlyMap<string, string>): Iterable<KeptDocument> | null {
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
function* keptDocuments(caseDir: string, files: readonly string[], recorded: ReadonlyMap<string, string>): Generator<KeptDocument> {
  for (const relative of files) {
    const bytes = readFileSync(casePath(caseDir, relative));
    const digest = sha256(bytes);
    if (recorded.get(relative) !== digest) throw new UserError(`${relative}: changed while it was read; run "soz analyze" again`, 'case.corrupt-record', undefined, { key: 'error.case.changed-while-read', params: { relative } });
    yield {
      file: { relative, bytes },
      sha256: digest,
      head: documentFileHead(relative, bytes),
      open: () => {
        const { doc, current } = parsedDocumentFile(relative, bytes);
        if (current) keptFiles.set(doc, { bytes, sha256: digest });
        return doc;
      },
    };
  }
}

/**
 * The file a kept document was read from, by the document object read (a document changed on its
 * way, e.g. linked to the photos its chat posted, is another object and has none). A file of the
 * current schema is what `encodeDocument` writes of that document, byte for byte (canonical JSON of
 * the same object), so `analyze` writes these bytes into `derived/` instead of encoding the
 * document again.
 */
const keptFiles = new WeakMap<SozDocument, { readonly bytes: Uint8Array; readonly sha256: string }>();

/**
 * The bytes and SHA-256 of the kept file `doc` was read from unchanged (see `keptFiles`), else
 * undefined; given once, then let go (a weak entry would hold the bytes until the document's next
 * full collection, which for a document moved to the old generation can be much later: 100 MB of
 * files on the 100 MB case).
 */
export function takeKeptDocumentFile(doc: SozDocument): { readonly bytes: Uint8Array; readonly sha256: string } | undefined {
  const file = keptFiles.get(doc);
  keptFiles.delete(doc);
  return file;
}

