import { createWriteStream, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import JSZip from 'jszip';
import type { Entry, ZipFile } from 'yauzl';
import yauzl from 'yauzl';
import type { CaseMetadata, RunManifest } from '../core/case.js';
import { UserError, messageOf } from '../core/errors.js';
import { sha256 } from '../core/hash.js';
import type { Limits } from '../ingest/adapter.js';
import { writeFileAtomic } from '../case/atomic.js';
import { CaseFiles } from '../case/layout.js';
import { listCaseFiles, readCaseFile, readCaseSnapshot } from '../case/snapshot.js';
import { readWhileQuiet } from '../case/quiet-read.js';
import { makeEvidenceReadOnly } from '../case/evidence-store.js';
import { BUNDLE_ENTRY_DATE_MS, BUNDLE_README, belongsInBundle, bundleReadme, isSymlinkAttributes, sortBundleEntries, unsafeEntryReason } from '../seal/bundle-rules.js';
import { installFacts } from './install.js';

/** What `soz bundle` wrote. */
export interface BundleOutcome {
  readonly path: string;
  readonly entries: number;
  readonly sha256: string;
  readonly bytes: number;
}

/**
 * Packs a case into one deterministic ZIP: README.txt first, then every case file in path
 * order, all with the same fixed date, so the same case gives the same bytes. The case is
 * only read. The ZIP is written atomically.
 */
export async function createBundle(dir: string, out: string): Promise<BundleOutcome> {
  const { readme, contents } = await readWhileQuiet(dir, 'bundle', () => bundleContents(dir, basename(out)));
  const zip = new JSZip();
  const date = new Date(BUNDLE_ENTRY_DATE_MS);
  const entries = sortBundleEntries([BUNDLE_README, ...contents.keys()]);
  for (const path of entries) zip.file(path, path === BUNDLE_README ? Buffer.from(readme, 'utf8') : contents.get(path)!, { date, binary: true, createFolders: false });
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 }, platform: 'DOS' });
  writeFileAtomic(out, bytes);
  return { path: out, entries: entries.length, sha256: sha256(bytes), bytes: bytes.byteLength };
}

/** The bundle's README text and every case file it holds, read at one moment (no writer between). */
function bundleContents(dir: string, bundleName: string): { readme: string; contents: Map<string, Uint8Array> } {
  readCaseSnapshot(dir);
  const metadata = JSON.parse(readCaseFile(dir, CaseFiles.metadata)!.toString('utf8')) as CaseMetadata;
  const manifestBytes = readCaseFile(dir, CaseFiles.manifest);
  const manifest = manifestBytes === null ? null : (JSON.parse(manifestBytes.toString('utf8')) as RunManifest);
  const facts = installFacts();
  const readme = bundleReadme({
    caseNumber: metadata.caseNumber,
    packageName: facts.name,
    repository: facts.repository,
    version: manifest?.tool.version ?? facts.version,
    lockfileSha256: manifest?.lockfileSha256 ?? facts.lockfileSha256,
    node: manifest?.runtime.node ?? process.version,
    bundleName,
  });
  const contents = new Map<string, Uint8Array>();
  for (const path of listCaseFiles(dir).filter(belongsInBundle)) contents.set(path, readCaseFile(dir, path)!);
  return { readme, contents };
}

/**
 * Unpacks a bundle into `dest` (which must not exist or be empty) with every entry checked first:
 * no absolute path, `..`, drive letter, backslash, link, duplicate, or entry / total size or
 * compression ratio beyond `limits`. Anything wrong → `UserError` naming the entry. Evidence
 * copies are made read-only again.
 */
export async function unpackBundle(file: string, dest: string, limits: Limits): Promise<{ entries: number }> {
  if (existsSync(dest) && readdirSync(dest).length > 0) throw new UserError(`${dest}: folder is not empty; choose a new folder to unpack into`, 'bundle.dest-not-empty');
  mkdirSync(dest, { recursive: true });
  const zip = await new Promise<ZipFile>((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, decodeStrings: false, validateEntrySizes: true, autoClose: true }, (error, opened) => {
      if (error || !opened) reject(new UserError(`${file}: not a readable ZIP bundle (${messageOf(error)}); give the file made by "soz bundle"`, 'bundle.not-zip'));
      else resolve(opened);
    });
  });
  const seen = new Set<string>();
  let total = 0;
  let count = 0;
  const bad = (name: string, why: string, code: string) => new UserError(`${file}: entry "${name}" ${why}; the bundle was refused, nothing from it is used`, code);
  await new Promise<void>((resolve, reject) => {
    const fail = (error: unknown) => {
      zip.close();
      reject(error instanceof UserError ? error : new UserError(`${file}: damaged bundle — ${messageOf(error)}`, 'bundle.corrupt'));
    };
    zip.on('error', fail);
    zip.on('end', () => resolve());
    zip.on('entry', (entry: Entry) => {
      const name = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, false);
      const unsafe = unsafeEntryReason(name);
      if (unsafe) return fail(bad(name, unsafe, 'bundle.unsafe-path'));
      if (isSymlinkAttributes(entry.externalFileAttributes)) return fail(bad(name, 'is a symbolic link', 'bundle.link'));
      if (name.endsWith('/')) {
        zip.readEntry();
        return;
      }
      if (seen.has(name.toLowerCase())) return fail(bad(name, 'appears twice (perhaps differing only in letter case)', 'bundle.duplicate'));
      seen.add(name.toLowerCase());
      if (entry.uncompressedSize > limits.maxFileBytes) return fail(bad(name, `is ${entry.uncompressedSize} bytes, over the file-size limit ${limits.maxFileBytes}`, 'limit.file-size'));
      total += entry.uncompressedSize;
      if (total > limits.maxDecompressedBytes) return fail(bad(name, `brings the unpacked total over ${limits.maxDecompressedBytes} bytes`, 'limit.decompressed-bytes'));
      if (entry.compressedSize > 0 && entry.uncompressedSize / entry.compressedSize > limits.maxCompressionRatio) {
        return fail(bad(name, `expands ${Math.floor(entry.uncompressedSize / entry.compressedSize)}-fold, over the ratio limit ${limits.maxCompressionRatio}`, 'limit.compression-ratio'));
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
            if (written > entry.uncompressedSize) callback(bad(name, 'holds more bytes than its header declares', 'bundle.corrupt'));
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
