import iconv from 'iconv-lite';
import type { Entry } from 'yauzl';
import yauzl from 'yauzl';
import type { Said } from '../../core/messages.js';
import { said } from '../../core/messages.js';
import { isSymlinkAttributes } from '../../core/zip-entry.js';

/**
 * How an entry name's bytes were read: flagged UTF-8, the Info-ZIP Unicode Path field, plain
 * ASCII (the same under every code page), or — without any of these — CP866 (the Cyrillic DOS
 * code page that Russian Windows archivers write) when the bytes spell Cyrillic words there,
 * else CP437 (what the ZIP specification prescribes).
 */
export type NameDecoding = 'utf-8' | 'unicode-path' | 'ascii' | 'cp866' | 'cp437';

/**
 * The entry's path as stored, WITHOUT yauzl's lenient rewriting of backslashes, so the safety
 * check sees the name as an extracting tool would, and how its bytes were decoded.
 */
export function entryName(entry: Entry): { name: string; decoding: NameDecoding } {
  const raw = entry.fileNameRaw ?? (Buffer.isBuffer(entry.fileName) ? entry.fileName : Buffer.from(String(entry.fileName)));
  const extraFields = entry.extraFields ?? [];
  const stored = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, raw, extraFields, true);
  if ((entry.generalPurposeBitFlag & UTF8_FLAG) !== 0) return { name: stored, decoding: 'utf-8' };
  if (extraFields.some((field) => field.id === UNICODE_PATH_FIELD)) return { name: stored, decoding: 'unicode-path' };
  if (raw.every((byte) => byte < 0x80)) return { name: stored, decoding: 'ascii' };
  if (spellsCp866Cyrillic(raw)) return { name: iconv.decode(raw, 'cp866'), decoding: 'cp866' };
  return { name: stored, decoding: 'cp437' };
}

/** General-purpose flag bit 11: the name is UTF-8 (APPNOTE 4.4.4). */
const UTF8_FLAG = 0x800;
/** Info-ZIP Unicode Path extra field (APPNOTE 4.6.9). */
const UNICODE_PATH_FIELD = 0x7075;

/**
 * Whether every non-ASCII byte is a Cyrillic letter in CP866 (А–п 0x80–0xAF, р–я 0xE0–0xEF, Ёё
 * 0xF0–0xF1) and some two stand together: Cyrillic words are runs of such bytes, while a CP437
 * name has accented letters one at a time among Latin ones (é in "Café") and box-drawing bytes
 * (0xB0–0xDF) in no real name — nor in a CP866 one.
 */
function spellsCp866Cyrillic(raw: Uint8Array): boolean {
  let adjacent = false;
  for (let i = 0; i < raw.length; i++) {
    const byte = raw[i] as number;
    if (byte < 0x80) continue;
    if (!((byte >= 0x80 && byte <= 0xaf) || (byte >= 0xe0 && byte <= 0xf1))) return false;
    if (i > 0 && (raw[i - 1] as number) >= 0x80) adjacent = true;
  }
  return adjacent;
}

/** Why an entry path could escape an extraction folder, or undefined when it is safe. */
export function unsafeReason(name: string): Said | undefined {
  if (name.includes('\u0000')) return said('contains a NUL character', 'problem.path.nul');
  if (name.includes('\\')) return said('contains a backslash (a Windows path separator that can hide "..\\")', 'problem.entry.backslash');
  if (name.startsWith('/')) return said('is an absolute path', 'problem.path.absolute');
  if (/^[A-Za-z]:/u.test(name)) return said('starts with a drive letter', 'problem.path.drive');
  if (name.split('/').some((part) => part === '..')) return said('climbs out of the archive with ".."', 'problem.entry.climbs');
  return undefined;
}

/** True when the entry is a symbolic link (Unix mode bits in the external attributes). */
export function isSymlink(entry: Pick<Entry, 'externalFileAttributes'>): boolean {
  return isSymlinkAttributes(entry.externalFileAttributes);
}
