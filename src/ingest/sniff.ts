import { UserError } from '../core/errors.js';
import { isValidUtf8 } from './text-decode.js';
import { localEntryNames, readZipDirectory } from './docs/zip.js';
import { parseHeader } from './whatsapp/header.js';
import { audioVisualExtension, audioVisualLabel, sniffAudioVisual } from './media-types.js';

/**
 * Media types from bytes only, never from the file name: a seized file may carry any extension.
 *
 * DOCX versus other ZIPs: from the head alone (`sniffMediaType`) the names in the local file
 * headers inside the head decide — Word writes `[Content_Types].xml`, `_rels/.rels` and
 * `word/document.xml` first, all small. With the whole file, `sniffZipKind` reads the central
 * directory, which is authoritative; intake should prefer it when it has the bytes.
 */

export const MEDIA_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  zip: 'application/zip',
  ole: 'application/x-ole-storage',
  png: 'image/png',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  tiff: 'image/tiff',
  webp: 'image/webp',
  json: 'application/json',
  html: 'text/html',
  text: 'text/plain',
  unknown: 'application/octet-stream',
} as const;

/** How many leading bytes the text heuristics look at. */
const TEXT_WINDOW = 8 * 1024;

/**
 * The media type of a file from its first bytes (pass up to 64 KiB; more is not needed).
 * Never throws; unknown bytes give `application/octet-stream`.
 */
export function sniffMediaType(head: Uint8Array): string {
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) {
    return isDocxNames(localEntryNames(head)) ? MEDIA_TYPES.docx : MEDIA_TYPES.zip;
  }
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return MEDIA_TYPES.ole;
  if (indexOfAscii(head, '%PDF-', 1024) >= 0) return MEDIA_TYPES.pdf;
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return MEDIA_TYPES.png;
  if (startsWith(head, [0xff, 0xd8, 0xff])) return MEDIA_TYPES.jpeg;
  if (startsWithAscii(head, 'GIF87a') || startsWithAscii(head, 'GIF89a')) return MEDIA_TYPES.gif;
  if (startsWith(head, [0x49, 0x49, 0x2a, 0x00]) || startsWith(head, [0x4d, 0x4d, 0x00, 0x2a])) return MEDIA_TYPES.tiff;
  if (startsWithAscii(head, 'RIFF') && asciiAt(head, 8, 'WEBP')) return MEDIA_TYPES.webp;
  return sniffAudioVisual(head) ?? sniffText(head);
}

/**
 * Whether a whole ZIP file is a DOCX, by its central directory: `docx` when its entries are
 * those of a Word package (see `isDocxNames`), `zip` for any other readable ZIP, `corrupt` when no directory
 * can be read (truncated or not a ZIP).
 */
export function sniffZipKind(bytes: Uint8Array): 'docx' | 'zip' | 'corrupt' {
  try {
    return isDocxNames(readZipDirectory(bytes).map((entry) => entry.name)) ? 'docx' : 'zip';
  } catch {
    return 'corrupt';
  }
}

/** Whether an OLE compound file (legacy Office) holds a Word document or an encrypted OOXML package. */
export function sniffOleKind(head: Uint8Array): 'word' | 'encrypted-ooxml' | 'other' {
  // Directory entry names are UTF-16LE; the directory of a small file sits within the first KiBs.
  if (indexOfUtf16(head, 'EncryptedPackage') >= 0) return 'encrypted-ooxml';
  if (indexOfUtf16(head, 'WordDocument') >= 0) return 'word';
  return 'other';
}

/** The extension soz gives a read-only evidence copy of this media type (with the dot). */
export function extensionForMediaType(mediaType: string): string {
  return EXTENSIONS[mediaType] ?? audioVisualExtension(mediaType) ?? '.bin';
}

/** A short human label of a media type for reports ("PDF document", "legacy Office file"). */
export function describeMediaType(mediaType: string): string {
  return DESCRIPTIONS[mediaType] ?? audioVisualLabel(mediaType) ?? mediaType;
}

/**
 * Whether a WebP is an animation: its extended header (`VP8X`) sets the animation flag (WebP
 * container specification). Leptonica decodes no frame of an animated WebP.
 */
export function isAnimatedWebp(head: Uint8Array): boolean {
  return startsWithAscii(head, 'RIFF') && asciiAt(head, 8, 'WEBPVP8X') && ((head[20] ?? 0) & 0x02) !== 0;
}

/** Pictures: soz reads no text from them (no OCR); they go into custody without text. */
export function isImageMediaType(mediaType: string): boolean {
  return mediaType.startsWith('image/');
}

/**
 * Why no adapter reads a file, worded by its sniffed type: legacy Office files need converting,
 * anything else is an unknown format (pictures and recordings are worded in `no-text.ts`).
 * `head` (the first bytes) lets a legacy Word file be named as such.
 */
export function unsupportedTypeError(name: string, mediaType: string, head?: Uint8Array): UserError {
  if (mediaType === MEDIA_TYPES.ole) {
    const kind = head ? sniffOleKind(head) : 'other';
    if (kind === 'word') return new UserError(`${name}: legacy Word .doc: save it as DOCX or PDF and add that copy`, 'docx.legacy-doc', undefined, { key: 'error.ingest.legacy-word', params: { name } });
    if (kind === 'encrypted-ooxml') return new UserError(`${name}: a password-protected Office document; obtain the password or an unprotected copy`, 'docx.encrypted', undefined, { key: 'error.ingest.encrypted-office', params: { name } });
    return new UserError(`${name}: legacy Office file (.xls/.ppt or similar): save it as DOCX, PDF or text and add that copy`, 'input.legacy-office', undefined, { key: 'error.ingest.legacy-office', params: { name } });
  }
  return new UserError(`${name}: ${describeMediaType(mediaType)} is not a format soz reads (PDF, DOCX, HTML, text, chat exports); convert it to one of these`, 'input.unknown-format', undefined, { key: 'error.ingest.unknown-format', params: { name, kind: describeMediaType(mediaType) } });
}

const EXTENSIONS: Readonly<Record<string, string>> = {
  [MEDIA_TYPES.pdf]: '.pdf',
  [MEDIA_TYPES.docx]: '.docx',
  [MEDIA_TYPES.zip]: '.zip',
  [MEDIA_TYPES.ole]: '.ole',
  [MEDIA_TYPES.png]: '.png',
  [MEDIA_TYPES.jpeg]: '.jpg',
  [MEDIA_TYPES.gif]: '.gif',
  [MEDIA_TYPES.tiff]: '.tif',
  [MEDIA_TYPES.webp]: '.webp',
  [MEDIA_TYPES.json]: '.json',
  [MEDIA_TYPES.html]: '.html',
  [MEDIA_TYPES.text]: '.txt',
};

const DESCRIPTIONS: Readonly<Record<string, string>> = {
  [MEDIA_TYPES.pdf]: 'PDF document',
  [MEDIA_TYPES.docx]: 'Word document (DOCX)',
  [MEDIA_TYPES.zip]: 'ZIP archive',
  [MEDIA_TYPES.ole]: 'legacy Office file (OLE: .doc/.xls/.ppt)',
  [MEDIA_TYPES.png]: 'PNG image',
  [MEDIA_TYPES.jpeg]: 'JPEG image',
  [MEDIA_TYPES.gif]: 'GIF image',
  [MEDIA_TYPES.tiff]: 'TIFF image',
  [MEDIA_TYPES.webp]: 'WebP image',
  [MEDIA_TYPES.json]: 'JSON',
  [MEDIA_TYPES.html]: 'HTML',
  [MEDIA_TYPES.text]: 'plain text',
  [MEDIA_TYPES.unknown]: 'unknown binary',
};

/**
 * A WordprocessingML package: `word/document.xml`, or — since the main part is wherever
 * `_rels/.rels` points (`word/document2.xml` after some editors) — a content-types part beside
 * any XML part under `word/`. The adapter then follows the relationships to the main part.
 */
function isDocxNames(names: readonly string[]): boolean {
  return names.some((name) => name === 'word/document.xml') || (names.includes('[Content_Types].xml') && names.some((name) => /^word\/[^/]+\.xml$/.test(name)));
}

function sniffText(head: Uint8Array): string {
  const window = head.subarray(0, TEXT_WINDOW);
  if (startsWith(window, [0xff, 0xfe]) || startsWith(window, [0xfe, 0xff])) {
    const decoded = new TextDecoder(window[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(window.subarray(2));
    return classifyDecoded(decoded);
  }
  const hasBom = startsWith(window, [0xef, 0xbb, 0xbf]);
  const body = hasBom ? window.subarray(3) : window;
  // The window may cut a multi-byte character: allow up to 3 trailing bytes to be incomplete.
  if (hasBom || isValidUtf8Prefix(body)) return classifyDecoded(new TextDecoder('utf-8').decode(body));
  if (isMostlyPrintableSingleByte(body)) return classifyDecoded(new TextDecoder('latin1').decode(body));
  return MEDIA_TYPES.unknown;
}

function classifyDecoded(text: string): string {
  const trimmed = text.replace(/^[\s\uFEFF]+/, '');
  if (trimmed.startsWith('{') || (trimmed.startsWith('[') && !isBracketedChatLine(trimmed))) return MEDIA_TYPES.json;
  const lower = trimmed.slice(0, 1024).toLowerCase();
  // At the start, after an optional XML prolog and comments (Telegram and VK exports begin so).
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!doctype html|<html[\s>])/.test(lower)) return MEDIA_TYPES.html;
  if (hasControlCharacters(text)) return MEDIA_TYPES.unknown;
  return MEDIA_TYPES.text;
}

/**
 * Whether text opening with `[` is an iOS WhatsApp export (`[12.03.21, 14:05:11] Name: text`),
 * which is text, not JSON: its first line is read by the WhatsApp adapter's own header reader.
 */
function isBracketedChatLine(text: string): boolean {
  const end = text.indexOf('\n');
  return parseHeader((end < 0 ? text : text.slice(0, end)).replace(/\r$/, '')) !== undefined;
}

/** Text files have no NUL and few C0 controls other than tab, CR, LF, FF, ESC. */
function hasControlCharacters(text: string): boolean {
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0) return true;
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c && code !== 0x1b) controls++;
  }
  return controls > text.length / 100;
}

function isValidUtf8Prefix(bytes: Uint8Array): boolean {
  for (let cut = 0; cut <= 3 && cut < bytes.byteLength; cut++) {
    if (isValidUtf8(bytes.subarray(0, bytes.byteLength - cut))) return true;
  }
  return bytes.byteLength === 0;
}

/** Cyrillic single-byte text: bytes ≥ 0x80 are letters; only C0 controls betray binary. */
function isMostlyPrintableSingleByte(bytes: Uint8Array): boolean {
  let bad = 0;
  for (const byte of bytes) {
    if (byte === 0) return false;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) bad++;
  }
  return bad <= bytes.byteLength / 100;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

function startsWithAscii(bytes: Uint8Array, prefix: string): boolean {
  return asciiAt(bytes, 0, prefix);
}

function asciiAt(bytes: Uint8Array, at: number, text: string): boolean {
  for (let i = 0; i < text.length; i++) if (bytes[at + i] !== text.charCodeAt(i)) return false;
  return true;
}

function indexOfAscii(bytes: Uint8Array, text: string, within: number): number {
  const last = Math.min(bytes.byteLength, within) - text.length;
  for (let at = 0; at <= last; at++) if (asciiAt(bytes, at, text)) return at;
  return -1;
}

function indexOfUtf16(bytes: Uint8Array, text: string): number {
  const pattern: number[] = [];
  for (let i = 0; i < text.length; i++) pattern.push(text.charCodeAt(i), 0);
  outer: for (let at = 0; at + pattern.length <= bytes.byteLength; at++) {
    for (let j = 0; j < pattern.length; j++) if (bytes[at + j] !== pattern[j]) continue outer;
    return at;
  }
  return -1;
}
