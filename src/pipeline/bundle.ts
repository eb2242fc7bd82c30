import { basename } from 'node:path';
import JSZip from 'jszip';
import type { CaseMetadata, RunManifest } from '../core/case.js';
import { sha256 } from '../core/hash.js';
import { writeFileAtomic } from '../case/atomic.js';
import { CaseFiles } from '../case/layout.js';
import { listCaseFiles, readCaseFile, readCaseSnapshot } from '../case/snapshot.js';
import { readWhileQuiet } from '../case/quiet-read.js';
import { BUNDLE_ENTRY_DATE_MS, BUNDLE_README, belongsInBundle, bundleReadme, sortBundleEntries } from '../seal/bundle-rules.js';
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
