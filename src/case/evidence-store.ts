import { closeSync, createReadStream, existsSync, chmodSync, rmSync, statSync, writeSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { EvidenceRecord } from '../core/case.js';
import { UserError } from '../core/errors.js';
import { holdTemporary, openNewFile, removeIfEmpty, tempSibling } from './atomic.js';
import type { StagedMove } from './commit.js';
import { CaseFiles, casePath } from './layout.js';
import { listCaseFiles } from './snapshot.js';

const CHUNK = 1024 * 1024;

/** Hashes and size of a file, read in 1 MiB chunks so any size fits in memory. */
export interface FileDigest {
  readonly sha256: string;
  readonly md5: string;
  readonly size: number;
}

/** Streams a file once through SHA-256 and MD5. */
export async function digestFile(path: string): Promise<FileDigest> {
  const sha = createHash('sha256');
  const md5 = createHash('md5');
  let size = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK }) as AsyncIterable<Buffer>) {
    sha.update(chunk);
    md5.update(chunk);
    size += chunk.byteLength;
  }
  return { sha256: sha.digest('hex'), md5: md5.digest('hex'), size };
}

/** The first `length` bytes of a file (for type sniffing). */
export async function readHead(path: string, length = 64 * 1024): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Checks that a path names a readable regular file; the error says which and what to do. */
export function assertReadableFile(path: string): void {
  if (!existsSync(path)) throw new UserError(`${path}: no such file; check the path and try again`, 'input.not-found', undefined, { key: 'error.no-such-file', params: { path } });
  const stat = statSync(path);
  if (!stat.isFile()) throw new UserError(`${path}: not a regular file; give the files inside it instead`, 'input.not-a-file', undefined, { key: 'error.input.not-a-file', params: { path } });
}

/**
 * An evidence file read once into the case: its digest and its copy, made from the same bytes in
 * one pass, waiting under a temporary name in `evidence/` for `add`'s commit. The extractors read
 * the copy (`path`), so the documents come from the very bytes the digest names even if the
 * original changes afterwards.
 */
export interface IncomingCopy {
  /** The SHA-256 and size of the bytes read (the MD5 comes with `stage`). */
  readonly digest: Omit<FileDigest, 'md5'>;
  /** Absolute path of the copy, for reading until the commit. */
  readonly path: string;
  /**
   * The copy flushed, read back and checked against the SHA-256 of the bytes read, made read-only:
   * the rename the commit performs, onto `evidence/<sha256><extension>`, and the whole digest (the
   * MD5 computed from the copy as it was read back, the bytes read as its SHA-256 shows).
   */
  stage(extension: string): Promise<{ readonly move: StagedMove; readonly digest: FileDigest }>;
  /** Removes the copy when it is not committed (refused, a duplicate, the command failed). */
  discard(): void;
}

/**
 * Reads `source` once (issue 17: it was read four times — hashed, extracted, copied, the copy
 * hashed), hashing it and writing its copy into the case folder `caseDir` under a temporary name
 * of this process; the copy is flushed and read back for its check and MD5 while the caller
 * extracts it (so only the SHA-256, which names the documents, is computed before extraction).
 * Like the kept documents (`extraction-store.ts`) it is written before the case lock is taken: a
 * temporary of a live process, left alone by other writers' recovery, quarantined once the
 * process is gone.
 */
export async function copyIntoCase(caseDir: string, source: string): Promise<IncomingCopy> {
  const dir = casePath(caseDir, CaseFiles.evidenceDir);
  const temp = tempSibling(join(dir, 'incoming'));
  const release = holdTemporary(temp);
  const discard = () => {
    rmSync(temp, { force: true });
    release();
    removeIfEmpty(dir);
  };
  let digest: Omit<FileDigest, 'md5'>;
  try {
    digest = await copyDigesting(source, temp);
  } catch (error) {
    discard();
    throw error;
  }
  const copyDigest = flushedDigest(temp);
  copyDigest.catch(() => undefined); // awaited by `stage`; a copy discarded before that is not read
  return {
    digest,
    path: temp,
    stage: async (extension) => {
      const copied = await copyDigest;
      if (copied.sha256 !== digest.sha256 || copied.size !== digest.size) {
        // The catalogue's message of the copy check before the single read (its text is hashed into every manifest: rewording it waits for a data bump).
        throw new UserError(`${source}: the file changed while it was being copied (hash differs); make sure nothing is writing to it and add it again`, 'evidence.changed-during-copy', undefined, { key: 'error.evidence.changed-during-copy', params: { source } });
      }
      chmodSync(temp, 0o444);
      return { move: { from: `${CaseFiles.evidenceDir}/${basename(temp)}`, to: `${CaseFiles.evidenceDir}/${digest.sha256}${extension}` }, digest: copied };
    },
    discard,
  };
}

/** Streams `source` once through SHA-256 and into the new file `copy`. */
async function copyDigesting(source: string, copy: string): Promise<Omit<FileDigest, 'md5'>> {
  const sha = createHash('sha256');
  let size = 0;
  // The folder is made here, with the file (another add's refusal may remove it while it is empty).
  const fd = openNewFile(copy);
  try {
    for await (const chunk of createReadStream(source, { highWaterMark: CHUNK }) as AsyncIterable<Buffer>) {
      sha.update(chunk);
      size += chunk.byteLength;
      for (let written = 0; written < chunk.byteLength; ) written += writeSync(fd, chunk, written, chunk.byteLength - written);
    }
  } finally {
    closeSync(fd);
  }
  return { sha256: sha.digest('hex'), size };
}

/** The digest of a file after forcing it to disk (a power cut after the rename cannot leave a short copy), read back in chunks. */
async function flushedDigest(path: string): Promise<FileDigest> {
  const handle = await open(path, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
  return digestFile(path);
}

/** An evidence record for the register. */
export function evidenceRecord(source: string, digest: FileDigest, mediaType: string, copy: string): EvidenceRecord {
  return { sha256: digest.sha256, md5: digest.md5, size: digest.size, originalName: basename(source), mediaType, copy };
}

/** Makes the evidence copies of a case folder read-only, as `soz add` leaves them (an unpacked bundle). */
export function makeEvidenceReadOnly(dir: string): void {
  for (const path of listCaseFiles(dir, CaseFiles.evidenceDir)) chmodSync(casePath(dir, path), 0o444);
}
