/**
 * The folder a case bundle (`soz bundle`) is unpacked into, for `soz verify` of a bundle: every
 * entry checked before a byte of it is written, written only inside that folder.
 */
import { createWriteStream, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import type { Entry, ZipFile } from 'yauzl';
import yauzl from 'yauzl';
import { UserError, messageOf } from '../core/errors.js';
import type { Said } from '../core/messages.js';
import { said } from '../core/messages.js';
import { isSymlinkAttributes, unsafeEntryReason } from '../core/zip-entry.js';
import { makeEvidenceReadOnly } from './evidence-store.js';

/** The limits an unpacking obeys (the evidence limits of `ingest/adapter.ts` of the same names). */
export interface BundleUnpackLimits {
  /** Largest one entry may be, in bytes. */
  readonly maxFileBytes: number;
  /** Largest all entries may be together, in bytes. */
  readonly maxDecompressedBytes: number;
  /** Largest ratio of an entry's size to its compressed size. */
  readonly maxCompressionRatio: number;
}

/** What a path given to `soz verify` is: a bundle file, a folder (a case, if anything), or nothing. */
export function verifyTargetKind(target: string): 'file' | 'folder' | 'missing' {
  if (!existsSync(target)) return 'missing';
  return statSync(target).isFile() ? 'file' : 'folder';
}

/**
 * Unpacks a bundle into `dest` (which must not exist or be empty) with every entry checked first:
 * no absolute path, `..`, drive letter, backslash, link, duplicate, or entry / total size or
 * compression ratio beyond `limits`. Anything wrong → `UserError` naming the entry. Evidence
 * copies are made read-only again.
 */
export async function unpackBundle(file: string, dest: string, limits: BundleUnpackLimits): Promise<{ entries: number }> {
  if (existsSync(dest) && readdirSync(dest).length > 0) throw new UserError(`${dest}: folder is not empty; choose a new folder to unpack into`, 'bundle.dest-not-empty', undefined, { key: 'error.bundle.dest-not-empty', params: { dest } });
  mkdirSync(dest, { recursive: true });
  const zip = await new Promise<ZipFile>((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, decodeStrings: false, validateEntrySizes: true, autoClose: true }, (error, opened) => {
      if (error || !opened) reject(new UserError(`${file}: not a readable ZIP bundle (${messageOf(error)}); give the file made by "soz bundle"`, 'bundle.not-zip', undefined, { key: 'error.bundle.not-zip', params: { file, detail: messageOf(error) } }));
      else resolve(opened);
    });
  });
  const seen = new Set<string>();
  let total = 0;
  let count = 0;
  const bad = (name: string, why: Said, code: string) => new UserError(`${file}: entry "${name}" ${why.text}; the bundle was refused, nothing from it is used`, code, undefined, { key: 'error.bundle.bad-entry', params: { file, name, why: why.message } });
  await new Promise<void>((resolve, reject) => {
    const fail = (error: unknown) => {
      zip.close();
      reject(error instanceof UserError ? error : new UserError(`${file}: damaged bundle — ${messageOf(error)}`, 'bundle.corrupt', undefined, { key: 'error.bundle.corrupt', params: { file, detail: messageOf(error) } }));
    };
    zip.on('error', fail);
    zip.on('end', () => resolve());
    zip.on('entry', (entry: Entry) => {
      const name = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, false);
      const unsafe = unsafeEntryReason(name);
      if (unsafe) return fail(bad(name, unsafe, 'bundle.unsafe-path'));
      if (isSymlinkAttributes(entry.externalFileAttributes)) return fail(bad(name, said('is a symbolic link', 'problem.entry.link'), 'bundle.link'));
      if (name.endsWith('/')) {
        zip.readEntry();
        return;
      }
      if (seen.has(name.toLowerCase())) return fail(bad(name, said('appears twice (perhaps differing only in letter case)', 'problem.entry.twice'), 'bundle.duplicate'));
      seen.add(name.toLowerCase());
      if (entry.uncompressedSize > limits.maxFileBytes) return fail(bad(name, said(`is ${entry.uncompressedSize} bytes, over the file-size limit ${limits.maxFileBytes}`, 'problem.entry.size', { size: entry.uncompressedSize, limit: limits.maxFileBytes }), 'limit.file-size'));
      total += entry.uncompressedSize;
      if (total > limits.maxDecompressedBytes) return fail(bad(name, said(`brings the unpacked total over ${limits.maxDecompressedBytes} bytes`, 'problem.entry.total', { limit: limits.maxDecompressedBytes }), 'limit.decompressed-bytes'));
      if (entry.compressedSize > 0 && entry.uncompressedSize / entry.compressedSize > limits.maxCompressionRatio) {
        return fail(bad(name, said(`expands ${Math.floor(entry.uncompressedSize / entry.compressedSize)}-fold, over the ratio limit ${limits.maxCompressionRatio}`, 'problem.entry.ratio', { ratio: Math.floor(entry.uncompressedSize / entry.compressedSize), limit: limits.maxCompressionRatio }), 'limit.compression-ratio'));
      }
      count += 1;
      const target = join(dest, ...name.split('/'));
      mkdirSync(dirname(target), { recursive: true });
      zip.openReadStream(entry, (error, stream) => {
        if (error || !stream) return fail(error);
        let written = 0;
        const guard = new Transform({
          transform(chunk: Buffer, _encoding, callback) {
            written += chunk.byteLength;
            if (written > entry.uncompressedSize) callback(bad(name, said('holds more bytes than its header declares', 'problem.entry.more-bytes'), 'bundle.corrupt'));
            else callback(null, chunk);
          },
        });
        pipeline(stream, guard, createWriteStream(target, { flags: 'wx', mode: 0o600 }))
          .then(() => zip.readEntry())
          .catch(fail);
      });
    });
    zip.readEntry();
  });
  makeEvidenceReadOnly(dest);
  return { entries: count };
}
