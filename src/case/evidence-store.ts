import { closeSync, createReadStream, createWriteStream, existsSync, chmodSync, fsyncSync, mkdirSync, openSync, rmSync, statSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import type { EvidenceRecord } from '../core/case.js';
import { UserError } from '../core/errors.js';
import { tempSibling } from './atomic.js';
import type { StagedMove } from './commit.js';
import { CaseFiles, casePath } from './layout.js';
import { listCaseFiles } from './snapshot.js';
import type { CaseWorkspace } from './workspace.js';

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

/** The SHA-256 of a file, read in chunks (the copy check: the MD5 of the register is the original's). */
async function fileSha256(path: string): Promise<string> {
  const sha = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK }) as AsyncIterable<Buffer>) sha.update(chunk);
  return sha.digest('hex');
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
 * Copies an evidence file to a temporary name beside `evidence/<sha256><ext>`, flushes it, checks
 * the copy's hash against the original's and makes it read-only. Committing it (the rename and
 * its log entry) is `CaseWorkspace.commit`'s, so the copy appears under its name only when logged.
 */
export async function stageEvidenceCopy(workspace: CaseWorkspace, source: string, digest: FileDigest, extension: string): Promise<StagedMove> {
  const relative = `${CaseFiles.evidenceDir}/${digest.sha256}${extension}`;
  const temp = tempSibling(workspace.path(relative));
  mkdirSync(workspace.path(CaseFiles.evidenceDir), { recursive: true });
  await pipeline(createReadStream(source, { highWaterMark: CHUNK }), createWriteStream(temp, { flags: 'wx', mode: 0o600 }));
  flushFile(temp);
  if ((await fileSha256(temp)) !== digest.sha256) {
    rmSync(temp, { force: true });
    throw new UserError(`${source}: the file changed while it was being copied (hash differs); make sure nothing is writing to it and add it again`, 'evidence.changed-during-copy', undefined, { key: 'error.evidence.changed-during-copy', params: { source } });
  }
  chmodSync(temp, 0o444);
  return { from: `${CaseFiles.evidenceDir}/${basename(temp)}`, to: relative };
}

/** Forces a file's bytes to disk, so a power cut after the rename cannot leave a short copy. */
function flushFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** An evidence record for the register. */
export function evidenceRecord(source: string, digest: FileDigest, mediaType: string, copy: string): EvidenceRecord {
  return { sha256: digest.sha256, md5: digest.md5, size: digest.size, originalName: basename(source), mediaType, copy };
}

/** Makes the evidence copies of a case folder read-only, as `soz add` leaves them (an unpacked bundle). */
export function makeEvidenceReadOnly(dir: string): void {
  for (const path of listCaseFiles(dir, CaseFiles.evidenceDir)) chmodSync(casePath(dir, path), 0o444);
}
