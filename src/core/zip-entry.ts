/**
 * Pure checks on a ZIP entry as an archive declares it, shared by the ZIP adapter (`ingest/zip/`)
 * and the unpacking of a case bundle (`case/bundle-folder.ts`).
 */
import type { Said } from './messages.js';
import { relativePathProblem } from './relative-path.js';

/** True when the entry's external attributes (Unix mode bits in the high 16) declare a symbolic link. */
export function isSymlinkAttributes(externalFileAttributes: number): boolean {
  return ((externalFileAttributes >>> 16) & 0o170000) === 0o120000;
}

/** Why a bundle entry name could escape the unpack folder or is not a plain relative path; undefined when safe. */
export function unsafeEntryReason(name: string): Said | undefined {
  return relativePathProblem(name, { directory: true });
}
