import { deflateSync } from 'node:zlib';

// Minimal, fictional media files built byte by byte for tests: headers as the format
// specifications define them (PNG: ISO/IEC 15948; JPEG/EXIF: CIPA DC-008; WAV: RIFF WAVE; WebP:
// Google's WebP Container Specification; TIFF 6.0).

/**
 * A PNG of `width` × `height` whose pixel data is a few bytes only (an image bomb when huge);
 * `dataBytes` pads its `IDAT` to that many bytes, `before`/`after` are chunks (see `pngChunk`) put
 * before or after it.
 */
export function png(width: number, height: number, options: { dataBytes?: number; before?: readonly Buffer[]; after?: readonly Buffer[] } = {}): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8);
  const data = deflateSync(Buffer.alloc(16));
  const idat = options.dataBytes === undefined ? data : Buffer.concat([data, Buffer.alloc(Math.max(0, options.dataBytes - data.byteLength))]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    ...(options.before ?? []),
    pngChunk('IDAT', idat),
    ...(options.after ?? []),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A PNG chunk: length, type, data, CRC. */
export function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.byteLength);
  // Readers of headers do not check the CRC; a fixed value keeps the builder short.
  return Buffer.concat([length, Buffer.from(type, 'latin1'), data, Buffer.alloc(4)]);
}

/** A JPEG with an EXIF block (Make, Model, DateTimeOriginal) and a baseline frame header. */
export function jpegWithExif(fields: ExifFields, width = 640, height = 480): Buffer {
  const tiff = exifTiff(fields);
  const app1 = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const sof = Buffer.from([0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 0x01, 0x01, 0x11, 0x00]);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), segment(0xe1, app1), segment(0xc0, sof), Buffer.from([0xff, 0xd9])]);
}

function segment(marker: number, data: Buffer): Buffer {
  const header = Buffer.from([0xff, marker, 0, 0]);
  header.writeUInt16BE(data.byteLength + 2, 2);
  return Buffer.concat([header, data]);
}

/** The fields of a fictional camera's EXIF block. */
export interface ExifFields {
  readonly make: string;
  readonly model: string;
  readonly dateTimeOriginal: string;
}

/**
 * Little-endian TIFF: IFD0 with Make, Model and a pointer to the EXIF IFD with DateTimeOriginal.
 * `size` adds ImageWidth and ImageLength (a TIFF picture rather than an EXIF block); `ifdAt` puts
 * IFD0 there, after zero bytes standing for the pixels (as ImageMagick writes TIFF).
 */
export function exifTiff(fields: ExifFields, options: { size?: { width: number; height: number }; ifdAt?: number } = {}): Buffer {
  const ascii = (text: string) => Buffer.from(`${text}\0`, 'latin1');
  const make = ascii(fields.make);
  const model = ascii(fields.model);
  const date = ascii(fields.dateTimeOriginal);
  const sizeEntries = options.size === undefined ? [] : [[0x0100, options.size.width], [0x0101, options.size.height]];
  const ifd0At = options.ifdAt ?? 8;
  const ifd0Size = 2 + (sizeEntries.length + 3) * 12 + 4;
  const exifAt = ifd0At + ifd0Size;
  const exifSize = 2 + 12 + 4;
  let dataAt = exifAt + exifSize;
  const out = Buffer.alloc(dataAt + make.length + model.length + date.length);
  out.write('II', 0, 'latin1');
  out.writeUInt16LE(42, 2);
  out.writeUInt32LE(ifd0At, 4);
  const entry = (at: number, tag: number, type: number, count: number, value: number) => {
    out.writeUInt16LE(tag, at);
    out.writeUInt16LE(type, at + 2);
    out.writeUInt32LE(count, at + 4);
    out.writeUInt32LE(value, at + 8);
  };
  const place = (bytes: Buffer) => {
    const at = dataAt;
    bytes.copy(out, at);
    dataAt += bytes.length;
    return at;
  };
  out.writeUInt16LE(sizeEntries.length + 3, ifd0At);
  sizeEntries.forEach(([tag, value], i) => entry(ifd0At + 2 + 12 * i, tag as number, 4, 1, value as number));
  const next = ifd0At + 2 + 12 * sizeEntries.length;
  entry(next, 0x010f, 2, make.length, place(make));
  entry(next + 12, 0x0110, 2, model.length, place(model));
  entry(next + 24, 0x8769, 4, 1, exifAt);
  out.writeUInt16LE(1, exifAt);
  entry(exifAt + 2, 0x9003, 2, date.length, place(date));
  return out;
}

/** A RIFF chunk: type, little-endian size, data, a pad byte after odd data. */
export function riffChunk(type: string, data: Buffer, declaredSize = data.byteLength): Buffer {
  const header = Buffer.alloc(8);
  header.write(type, 0, 'latin1');
  header.writeUInt32LE(declaredSize, 4);
  return Buffer.concat([header, data, Buffer.alloc(data.byteLength % 2)]);
}

/** An extended WebP of `width` × `height` (a `VP8X` chunk), with `chunks` after it (see `riffChunk`); no pixels are needed to measure it. */
export function webp(width: number, height: number, chunks: readonly Buffer[]): Buffer {
  const vp8x = Buffer.alloc(10);
  vp8x.writeUInt8(0x08, 0); // the EXIF flag
  vp8x.writeUIntLE(width - 1, 4, 3);
  vp8x.writeUIntLE(height - 1, 7, 3);
  const body = Buffer.concat([Buffer.from('WEBP', 'latin1'), riffChunk('VP8X', vp8x), ...chunks]);
  const header = Buffer.alloc(8);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(body.byteLength, 4);
  return Buffer.concat([header, body]);
}

/** A mono 16-bit PCM WAV of silence lasting `seconds` at 8000 Hz. */
export function wav(seconds: number): Buffer {
  const rate = 8000;
  const data = Buffer.alloc(rate * 2 * seconds);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(36 + data.byteLength, 4);
  header.write('WAVEfmt ', 8, 'latin1');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'latin1');
  header.writeUInt32LE(data.byteLength, 40);
  return Buffer.concat([header, data]);
}

/** An MPEG-4 file of `seconds` (ISO/IEC 14496-12): `ftyp` brand isom and a `moov` holding only the movie header. */
export function mp4(seconds: number): Buffer {
  return Buffer.concat([mp4Ftyp(), isoBox('moov', movieHeader(seconds))]);
}

/** The `ftyp` box of an MPEG-4 file, brand isom. */
export function mp4Ftyp(): Buffer {
  return isoBox('ftyp', Buffer.from('isom\0\0\0\0isommp41', 'latin1'));
}

/** An ISO box; `largeSize` writes size 1 and the 64-bit size after the type, `declaredSize` overrides the size field (a fake length). */
export function isoBox(type: string, data: Buffer, options: { largeSize?: boolean; declaredSize?: bigint } = {}): Buffer {
  const headerSize = options.largeSize === true ? 16 : 8;
  const size = options.declaredSize ?? BigInt(headerSize + data.byteLength);
  const header = Buffer.alloc(headerSize);
  header.write(type, 4, 'latin1');
  if (options.largeSize === true) {
    header.writeUInt32BE(1, 0);
    header.writeBigUInt64BE(size, 8);
  } else {
    header.writeUInt32BE(Number(size), 0);
  }
  return Buffer.concat([header, data]);
}

/** A movie header box (`mvhd`) of `seconds` at a millisecond timescale; version 1 has 64-bit times and duration. */
export function movieHeader(seconds: number, version: 0 | 1 = 0): Buffer {
  const rest = version === 1 ? 32 : 20; // after version/flags, creation, modification, timescale, duration
  const mvhd = Buffer.alloc(rest + 80);
  mvhd.writeUInt8(version, 0);
  if (version === 1) {
    mvhd.writeUInt32BE(1000, 20); // timescale: milliseconds
    mvhd.writeBigUInt64BE(BigInt(seconds * 1000), 24);
  } else {
    mvhd.writeUInt32BE(1000, 12);
    mvhd.writeUInt32BE(seconds * 1000, 16);
  }
  mvhd.writeUInt32BE(0x00010000, rest); // rate 1.0
  mvhd.writeUInt16BE(0x0100, rest + 4); // volume 1.0
  [0x00010000, 0, 0, 0, 0x00010000, 0, 0, 0, 0x40000000].forEach((value, i) => mvhd.writeUInt32BE(value, rest + 16 + 4 * i)); // unity matrix
  mvhd.writeUInt32BE(1, rest + 76); // next track id
  return isoBox('mvhd', mvhd);
}
