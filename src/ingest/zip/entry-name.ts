import type { Entry } from 'yauzl';
import yauzl from 'yauzl';

/**
 * The entry's path as stored (UTF-8 flag or Info-ZIP Unicode Path field honoured; CP437
 * otherwise), WITHOUT yauzl's lenient rewriting of backslashes, so the safety check sees the
 * name as an extracting tool would.
 */
export function entryName(entry: Entry): string {
  const raw = entry.fileNameRaw ?? (Buffer.isBuffer(entry.fileName) ? entry.fileName : Buffer.from(String(entry.fileName)));
  return yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, raw, entry.extraFields ?? [], true);
}

/** Why an entry path could escape an extraction folder, or undefined when it is safe. */
export function unsafeReason(name: string): string | undefined {
  if (name.includes('\u0000')) return 'contains a NUL character';
  if (name.includes('\\')) return 'contains a backslash (a Windows path separator that can hide "..\\")';
  if (name.startsWith('/')) return 'is an absolute path';
  if (/^[A-Za-z]:/u.test(name)) return 'starts with a drive letter';
  if (name.split('/').some((part) => part === '..')) return 'climbs out of the archive with ".."';
  return undefined;
}

/** True when the entry is a symbolic link (Unix mode bits in the external attributes). */
export function isSymlink(entry: Pick<Entry, 'externalFileAttributes'>): boolean {
  return ((entry.externalFileAttributes >>> 16) & 0o170000) === 0o120000;
}
