/**
 * A ZIP archive written as it is read, byte for byte the archive jszip 3.10 writes with
 * `generateAsync({ compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'DOS' })`
 * for the same entries in the same order, each dated `date` (the archive soz made with jszip of
 * the DOCX before issue 17, and of the XLSX workbook): the same deflate (pako 1.0, raw, level 6, the library jszip
 * packs with; Node's zlib compresses differently), local headers carrying CRC-32 and sizes (no
 * data descriptors), DOS attributes, no comments. So an entry whose content is made part by part
 * (the DOCX body) never has to be held: its compressed bytes go to a {@link ByteSpool} until its
 * size is known, then follow its header.
 */
import { crc32 } from 'node:zlib';
import pako from 'pako';
import { InternalError, UserError } from '../core/errors.js';

/** Bytes kept until read back once, in the order written: an entry's compressed data while its size is not yet known. */
export interface ByteSpool {
  write(bytes: Uint8Array): void;
  /** Everything written, in order, in pieces; asked once, after the last write. */
  read(): Iterable<Uint8Array>;
}

/** A spool in memory: for entries known to be small. */
export function memorySpool(): ByteSpool {
  const chunks: Uint8Array[] = [];
  return { write: (bytes) => chunks.push(bytes), read: () => chunks };
}

/** One file of the archive. */
export interface ZipEntry {
  /** Its path in the archive (printable ASCII, as the parts of an Office package are named). */
  readonly name: string;
  /** Its bytes whole (compressed in memory), or in parts made as they are read (text as UTF-8; compressed into a spool). */
  readonly content: Uint8Array | Iterable<string | Uint8Array>;
}

/** What jszip 3 compresses with. */
const DEFLATE_LEVEL = 6;
/** Text parts are gathered to about this many UTF-16 units before they are encoded and compressed. */
const TEXT_BATCH = 1 << 16;
/** Sizes and offsets of a ZIP without the ZIP64 extension, which jszip does not write. */
const ZIP32_LIMIT = 0x1_0000_0000;
const ENTRY_LIMIT = 0xffff;

/**
 * The archive of `entries` in order, as byte parts made as they are read: an entry given in parts
 * is compressed into a spool from `spool` (whole entries into memory) and written after its
 * header. An archive past the 4 GiB of a plain ZIP is a UserError naming `what`.
 */
export function* zipParts(entries: Iterable<ZipEntry>, date: Date, spool: () => ByteSpool, what: string): Generator<Uint8Array> {
  const time = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1);
  const day = ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  const directory: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    if (!/^[\x20-\x7e]+$/u.test(entry.name)) throw new InternalError(`zip entry name ${JSON.stringify(entry.name)} is not printable ASCII`);
    const packed = deflated(entry.content, entry.content instanceof Uint8Array ? memorySpool() : spool());
    const name = Buffer.from(entry.name, 'latin1');
    checkZip32(Math.max(packed.size, offset + 30 + name.length + packed.compressed), what);
    const header = entryHeader(time, day, packed, name.length);
    const local = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), header, name]);
    yield local;
    yield* packed.data;
    const madeBy = Buffer.from('PK\x01\x02\x14\x00', 'latin1'); // made by DOS, version 2.0
    // Then the header, and: comment length, disk number, internal and external attributes (all 0), the local header's offset.
    const tail = Buffer.alloc(14);
    tail.writeUInt32LE(offset, 10);
    directory.push(Buffer.concat([madeBy, header, tail, name]));
    offset += local.length + packed.compressed;
  }
  if (directory.length > ENTRY_LIMIT) throw new InternalError(`zip of ${directory.length} entries`);
  const size = directory.reduce((sum, record) => sum + record.length, 0);
  checkZip32(offset + size, what);
  yield Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.write('PK\x05\x06', 0, 'latin1');
  end.writeUInt16LE(directory.length, 8);
  end.writeUInt16LE(directory.length, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  yield end;
}

interface Packed {
  readonly crc: number;
  readonly size: number;
  readonly compressed: number;
  readonly data: Iterable<Uint8Array>;
}

/** The part of a local header after its signature, which the central record repeats. */
function entryHeader(time: number, day: number, packed: Packed, nameLength: number): Buffer {
  const header = Buffer.alloc(26);
  header.writeUInt16LE(0x000a, 0); // version needed to extract, as jszip writes it
  header.writeUInt16LE(0, 2); // flags: sizes in the header, name not UTF-8
  header.writeUInt16LE(8, 4); // deflate
  header.writeUInt16LE(time & 0xffff, 6);
  header.writeUInt16LE(day & 0xffff, 8);
  header.writeUInt32LE(packed.crc >>> 0, 10);
  header.writeUInt32LE(packed.compressed, 14);
  header.writeUInt32LE(packed.size, 18);
  header.writeUInt16LE(nameLength, 22);
  return header; // extra field length 0
}

/** Compresses `content` into `spool`, counting its CRC-32 and sizes on the way. */
function deflated(content: ZipEntry['content'], spool: ByteSpool): Packed {
  const deflate = new pako.Deflate({ raw: true, level: DEFLATE_LEVEL });
  let compressed = 0;
  deflate.onData = (chunk) => {
    compressed += chunk.length;
    spool.write(chunk);
  };
  let crc = 0;
  let size = 0;
  const push = (bytes: Uint8Array) => {
    crc = crc32(bytes, crc);
    size += bytes.length;
    // Deflate's output does not depend on how its input is cut (no flush until the end).
    deflate.push(bytes, false);
  };
  if (content instanceof Uint8Array) push(content);
  else {
    let pending: string[] = [];
    let length = 0;
    const flush = () => {
      push(Buffer.from(pending.join(''), 'utf8'));
      pending = [];
      length = 0;
    };
    for (const part of content) {
      if (typeof part !== 'string') {
        if (length > 0) flush();
        push(part);
        continue;
      }
      pending.push(part);
      length += part.length;
      if (length >= TEXT_BATCH) flush();
    }
    if (length > 0) flush();
  }
  deflate.push(new Uint8Array(0), true);
  if (deflate.err !== 0) throw new InternalError(`deflate failed with status ${deflate.err}`);
  return { crc, size, compressed, data: spool.read() };
}

/** A size or offset past what a plain ZIP records is a UserError naming the file (`what`). */
function checkZip32(bytes: number, what: string): void {
  if (bytes >= ZIP32_LIMIT) {
    throw new UserError(`${what}: larger than 4 GiB, the limit of the ZIP format soz writes (no ZIP64); render the conclusion as md, html or pdf`, 'report.zip-limit', undefined, { key: 'error.zip-limit', params: { what } });
  }
}
