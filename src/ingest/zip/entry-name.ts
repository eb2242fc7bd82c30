import iconv from 'iconv-lite';
import { crc32 } from 'node:zlib';
import type { Entry } from 'yauzl';
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

/** One extra field of a central-directory entry (APPNOTE 4.5): its id and its data. */
export interface ExtraField {
  readonly id: number;
  readonly data: Uint8Array;
}

/** An entry name as read: the path, how its bytes were decoded, and the bytes themselves in hex. */
export interface DecodedName {
  readonly name: string;
  readonly decoding: NameDecoding;
  /** The stored name bytes, lowercase hex: the record of what the archive holds, whatever the decoding. */
  readonly rawHex: string;
}

/**
 * The entry's path as stored, WITHOUT yauzl's lenient rewriting of backslashes, so the safety
 * check sees the name as an extracting tool would, and how its bytes were decoded.
 */
export function entryName(entry: Entry): DecodedName {
  const raw = entry.fileNameRaw ?? (Buffer.isBuffer(entry.fileName) ? entry.fileName : Buffer.from(String(entry.fileName)));
  return decodeEntryName(entry.generalPurposeBitFlag, raw, entry.extraFields ?? []);
}

/**
 * An entry name from its central-directory bytes, by one rule for every ZIP reader of soz (the ZIP
 * adapter, the OOXML reader, the photos of a chat export in a ZIP): a valid Info-ZIP Unicode Path
 * field wins (its CRC-32 must match the stored name, APPNOTE 4.6.9); then the UTF-8 flag; ASCII
 * bytes as they are; else CP866 when the bytes spell Cyrillic words there, else CP437.
 */
export function decodeEntryName(flags: number, raw: Uint8Array, extraFields: readonly ExtraField[]): DecodedName {
  const bytes = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  const rawHex = bytes.toString('hex');
  const unicode = unicodePath(bytes, extraFields);
  if (unicode !== undefined) return { name: unicode, decoding: 'unicode-path', rawHex };
  if ((flags & UTF8_FLAG) !== 0) return { name: bytes.toString('utf8'), decoding: 'utf-8', rawHex };
  if (bytes.every((byte) => byte < 0x80)) return { name: bytes.toString('latin1'), decoding: 'ascii', rawHex };
  const decoding = spellsCp866Cyrillic(bytes) ? 'cp866' : 'cp437';
  return { name: iconv.decode(bytes, decoding), decoding, rawHex };
}

/** Whether a name's decoding came from a rule or a field rather than its bytes alone (not UTF-8-flagged, not ASCII): then its stored bytes are recorded. */
export function decodedByRule(decoding: NameDecoding): boolean {
  return decoding !== 'utf-8' && decoding !== 'ascii';
}

/** The UTF-8 name of a version-1 Unicode Path field whose CRC-32 matches `raw`; undefined otherwise (the field is then ignored, as APPNOTE says). */
function unicodePath(raw: Buffer, extraFields: readonly ExtraField[]): string | undefined {
  for (const field of extraFields) {
    if (field.id !== UNICODE_PATH_FIELD || field.data.byteLength < 6 || field.data[0] !== 1) continue;
    const data = Buffer.from(field.data.buffer, field.data.byteOffset, field.data.byteLength);
    if (data.readUInt32LE(1) === crc32(raw)) return data.subarray(5).toString('utf8');
  }
  return undefined;
}

/** The extra fields of a central-directory entry; a field running past the end closes the list. */
export function parseExtraFields(extra: Uint8Array): ExtraField[] {
  const fields: ExtraField[] = [];
  const view = new DataView(extra.buffer, extra.byteOffset, extra.byteLength);
  for (let at = 0; at + 4 <= extra.byteLength; ) {
    const length = view.getUint16(at + 2, true);
    if (at + 4 + length > extra.byteLength) break;
    fields.push({ id: view.getUint16(at, true), data: extra.subarray(at + 4, at + 4 + length) });
    at += 4 + length;
  }
  return fields;
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
