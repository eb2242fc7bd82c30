import { inflateRawSync } from 'node:zlib';
import type { Limits } from '../adapter.js';
import { UserError } from '../../core/errors.js';
import type { NameDecoding } from '../zip/entry-name.js';
import { decodeEntryName, parseExtraFields } from '../zip/entry-name.js';

/**
 * A minimal, bounded ZIP reader for OOXML packages. It reads the central directory (the
 * authoritative list of entries) and inflates single entries with a hard output cap, so a
 * package whose headers lie about sizes cannot make soz inflate more than the declared bytes.
 */

/** One entry of the central directory. Sizes in bytes; offsets 0-based into the file. */
export interface ZipEntry {
  /** The path, decoded by the rule every ZIP reader of soz follows (`decodeEntryName`). */
  readonly name: string;
  /** How the name's bytes were decoded, and the bytes as stored (lowercase hex). */
  readonly nameDecoding: NameDecoding;
  readonly nameHex: string;
  /** 0 = stored, 8 = deflate; anything else is reported as unsupported. */
  readonly method: number;
  readonly flags: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localHeaderOffset: number;
}

/** Thrown (as a plain Error) when the bytes are not a readable ZIP; adapters wrap it. */
export class ZipFormatError extends Error {
  override readonly name = 'ZipFormatError';
}

const EOCD = 0x06054b50;
const ZIP64_EOCD = 0x06064b50;
const ZIP64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** Reads the central directory of a whole ZIP file; throws `ZipFormatError` when absent or broken. */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  if (eocd < 0) throw new ZipFormatError('no end-of-central-directory record');
  let count = view.getUint16(eocd + 10, true);
  let size = view.getUint32(eocd + 12, true);
  let offset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || view.getUint32(locator, true) !== ZIP64_LOCATOR) throw new ZipFormatError('ZIP64 locator missing');
    const record = safeNumber(view.getBigUint64(locator + 8, true));
    if (record + 56 > bytes.byteLength || view.getUint32(record, true) !== ZIP64_EOCD) throw new ZipFormatError('ZIP64 end record missing');
    count = safeNumber(view.getBigUint64(record + 32, true));
    size = safeNumber(view.getBigUint64(record + 40, true));
    offset = safeNumber(view.getBigUint64(record + 48, true));
  }
  if (offset + size > bytes.byteLength) throw new ZipFormatError('central directory lies outside the file');
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.byteLength || view.getUint32(at, true) !== CENTRAL) throw new ZipFormatError(`central directory entry ${i} is broken`);
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    let compressedSize = view.getUint32(at + 20, true);
    let uncompressedSize = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    let localHeaderOffset = view.getUint32(at + 42, true);
    const extra = bytes.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength);
    const { name, decoding: nameDecoding, rawHex: nameHex } = decodeEntryName(flags, bytes.subarray(at + 46, at + 46 + nameLength), parseExtraFields(extra));
    if (uncompressedSize === 0xffffffff || compressedSize === 0xffffffff || localHeaderOffset === 0xffffffff) {
      const zip64 = readZip64Extra(extra, uncompressedSize === 0xffffffff, compressedSize === 0xffffffff, localHeaderOffset === 0xffffffff);
      uncompressedSize = zip64.uncompressedSize ?? uncompressedSize;
      compressedSize = zip64.compressedSize ?? compressedSize;
      localHeaderOffset = zip64.localHeaderOffset ?? localHeaderOffset;
    }
    entries.push({ name, nameDecoding, nameHex, method, flags, compressedSize, uncompressedSize, localHeaderOffset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * Refuses a package before anything is inflated when its declared total size or one entry's
 * compression ratio exceeds the limits; the message names the limit and the flag that raises it.
 */
export function checkZipLimits(entries: readonly ZipEntry[], limits: Limits, fileName: string): void {
  let total = 0;
  for (const entry of entries) {
    total += entry.uncompressedSize;
    const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
    if (entry.uncompressedSize > 1024 * 1024 && ratio > limits.maxCompressionRatio) {
      throw new UserError(
        `${fileName}: entry ${entry.name} would unpack ${entry.uncompressedSize} bytes from ${entry.compressedSize} (ratio ${Math.round(ratio)} > limit ${limits.maxCompressionRatio}); if the file is genuine, raise --max-compression-ratio`,
        'limit.compression-ratio',
        undefined,
        { key: 'error.limit.entry-ratio', params: { fileName, name: entry.name, size: entry.uncompressedSize, packed: entry.compressedSize, ratio: Math.round(ratio), limit: limits.maxCompressionRatio } },
      );
    }
  }
  if (total > limits.maxDecompressedBytes) {
    throw new UserError(
      `${fileName}: would unpack ${total} bytes (limit ${limits.maxDecompressedBytes}); if the file is genuine, raise --max-decompressed-bytes`,
      'limit.decompressed-bytes',
      undefined,
      { key: 'error.limit.unpacked-total', params: { fileName, total, limit: limits.maxDecompressedBytes } },
    );
  }
}

/**
 * Inflates one entry, never producing more than its declared size: an entry that inflates past
 * what the directory declared is treated as corrupt (a lying header is a zip-bomb technique).
 */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.byteLength || view.getUint32(at, true) !== LOCAL) throw new ZipFormatError(`local header of ${entry.name} is broken`);
  if ((entry.flags & 0x1) !== 0) throw new ZipFormatError(`entry ${entry.name} is encrypted`);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.byteLength) throw new ZipFormatError(`entry ${entry.name} is truncated`);
  const data = bytes.subarray(start, end);
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.uncompressedSize) throw new ZipFormatError(`stored entry ${entry.name} has inconsistent sizes`);
    return data;
  }
  if (entry.method !== 8) throw new ZipFormatError(`entry ${entry.name} uses unsupported compression method ${entry.method}`);
  let out: Buffer;
  try {
    // One byte of headroom so that "more than declared" is detectable rather than silently cut.
    out = inflateRawSync(data, { maxOutputLength: Math.max(entry.uncompressedSize + 1, 1) });
  } catch (error) {
    throw new ZipFormatError(`entry ${entry.name} does not inflate: ${(error as Error).message}`);
  }
  if (out.byteLength !== entry.uncompressedSize) {
    throw new ZipFormatError(`entry ${entry.name} inflates to ${out.byteLength} bytes, not the declared ${entry.uncompressedSize}`);
  }
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

/**
 * Names of the entries whose local file headers lie inside `head` (the first bytes of a ZIP), in
 * order. Used for sniffing when only the head is available; stops at the first header it cannot
 * step over (sizes deferred to a data descriptor), after which it scans for the next signature.
 */
export function localEntryNames(head: Uint8Array): string[] {
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const names: string[] = [];
  const decoder = new TextDecoder('utf-8');
  let at = 0;
  while (at + 30 <= head.byteLength && view.getUint32(at, true) === LOCAL) {
    const flags = view.getUint16(at + 6, true);
    const compressedSize = view.getUint32(at + 18, true);
    const nameLength = view.getUint16(at + 26, true);
    const extraLength = view.getUint16(at + 28, true);
    if (at + 30 + nameLength > head.byteLength) break;
    names.push(decoder.decode(head.subarray(at + 30, at + 30 + nameLength)));
    const next = at + 30 + nameLength + extraLength + compressedSize;
    if ((flags & 0x8) !== 0 || compressedSize === 0xffffffff) {
      at = nextLocalSignature(head, at + 30 + nameLength);
      if (at < 0) break;
    } else {
      at = next;
    }
  }
  return names;
}

function nextLocalSignature(head: Uint8Array, from: number): number {
  for (let i = from; i + 4 <= head.byteLength; i++) {
    if (head[i] === 0x50 && head[i + 1] === 0x4b && head[i + 2] === 0x03 && head[i + 3] === 0x04) return i;
  }
  return -1;
}

function findEndOfCentralDirectory(view: DataView): number {
  // The record is 22 bytes plus a comment of at most 65535 bytes, at the very end.
  const lowest = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let at = view.byteLength - 22; at >= lowest; at--) {
    if (view.getUint32(at, true) === EOCD) return at;
  }
  return -1;
}

function readZip64Extra(
  extra: Uint8Array,
  wantUncompressed: boolean,
  wantCompressed: boolean,
  wantOffset: boolean,
): { uncompressedSize?: number; compressedSize?: number; localHeaderOffset?: number } {
  const view = new DataView(extra.buffer, extra.byteOffset, extra.byteLength);
  for (let at = 0; at + 4 <= extra.byteLength; ) {
    const id = view.getUint16(at, true);
    const length = view.getUint16(at + 2, true);
    if (id === 0x0001) {
      const result: { uncompressedSize?: number; compressedSize?: number; localHeaderOffset?: number } = {};
      let field = at + 4;
      const take = () => {
        if (field + 8 > at + 4 + length) throw new ZipFormatError('ZIP64 extra field too short');
        const value = safeNumber(view.getBigUint64(field, true));
        field += 8;
        return value;
      };
      if (wantUncompressed) result.uncompressedSize = take();
      if (wantCompressed) result.compressedSize = take();
      if (wantOffset) result.localHeaderOffset = take();
      return result;
    }
    at += 4 + length;
  }
  throw new ZipFormatError('ZIP64 sizes announced but no ZIP64 extra field');
}

function safeNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipFormatError('ZIP64 value too large');
  return Number(value);
}
