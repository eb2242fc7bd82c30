// The chunk walk that finds the EXIF block of a WebP or PNG, on pictures built byte by byte
// (tests/support/media-files.ts) with a fictional camera; damaged and hostile files give a problem
// in words, never an exception.
import { describe, expect, it } from 'vitest';
import { exifTiff, png, pngChunk, riffChunk, webp } from '../../tests/support/media-files.js';
import { chunkedExif, MAX_CHUNKS, MAX_EXIF_BYTES } from './exif-block.js';

const CAMERA = { make: 'Fictional Optics', model: 'FX-1', dateTimeOriginal: '2024:03:01 10:15:00' };
const TIFF = exifTiff(CAMERA);

/** The bytes as a stream of 64 KiB chunks, so chunk headers straddle the pieces. */
async function* pieces(bytes: Buffer): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.byteLength; at += 65_536) yield bytes.subarray(at, at + 65_536);
}
const webpExif = (bytes: Buffer) => chunkedExif('image/webp', pieces(bytes));

describe('the EXIF block found by walking chunks', () => {
  it('takes a WebP EXIF chunk after 2 MiB of image data, and strips an "Exif\\0\\0" prefix', async () => {
    const data = riffChunk('VP8L', Buffer.alloc(2 * 1024 * 1024 + 1));
    expect(Buffer.from((await webpExif(webp(8, 8, [data, riffChunk('EXIF', TIFF)]))).tiff ?? [])).toEqual(TIFF);
    const prefixed = riffChunk('EXIF', Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), TIFF]));
    expect(Buffer.from((await webpExif(webp(8, 8, [prefixed]))).tiff ?? [])).toEqual(TIFF);
  });

  it('takes a PNG eXIf chunk after IDAT and stops at IEND', async () => {
    const late = png(4, 4, { dataBytes: 1_200_000, after: [pngChunk('eXIf', TIFF)] });
    expect(Buffer.from((await chunkedExif('image/png', pieces(late))).tiff ?? [])).toEqual(TIFF);
    expect(await chunkedExif('image/png', pieces(Buffer.concat([png(4, 4), pngChunk('eXIf', TIFF)])))).toEqual({});
  });

  it('finds nothing, and no problem, in a picture without EXIF, nor in bytes after the RIFF it declares', async () => {
    expect(await webpExif(webp(8, 8, [riffChunk('VP8L', Buffer.alloc(10))]))).toEqual({});
    expect(await webpExif(Buffer.concat([webp(8, 8, [riffChunk('VP8L', Buffer.alloc(10))]), Buffer.alloc(100), riffChunk('EXIF', TIFF)]))).toEqual({});
  });

  it.each([
    ['a chunk running past the end', webp(8, 8, [riffChunk('VP8L', Buffer.alloc(10), 0xfffffff0)]), /^RIFF chunk "VP8L" at byte 30 declares 4294967280 bytes, past the end of the file$/u],
    ['an EXIF chunk cut short', webp(8, 8, [riffChunk('EXIF', TIFF, TIFF.byteLength + 100)]), /^the EXIF chunk at byte 30 declares \d+ bytes, past the end of the file$/u],
    ['an oversized EXIF chunk', webp(8, 8, [riffChunk('EXIF', Buffer.alloc(4), MAX_EXIF_BYTES + 2)]), /^the EXIF chunk at byte 30 declares \d+ bytes, over the limit of \d+; not read$/u],
    ['an EXIF chunk without a TIFF header', webp(8, 8, [riffChunk('EXIF', Buffer.from('not a tiff'))]), /^the EXIF chunk at byte 30 holds no TIFF header$/u],
    ['garbage after the header', webp(8, 8, [Buffer.from([0xff, 0xfe, 0, 1, 2, 3, 4, 5, 6])]), /^damaged RIFF chunk header at byte 30$/u],
    ['a header cut off', webp(8, 8, [Buffer.from('VP8')]), /^RIFF chunk header at byte 30 cut off by the end of the file$/u],
    ['not a RIFF file', Buffer.from('GIF89a and more bytes'), /^no RIFF signature at the start$/u],
    ['more chunks than the walk takes', webp(8, 8, Array.from({ length: MAX_CHUNKS }, () => riffChunk('JUNK', Buffer.alloc(0)))), /^more than 100000 RIFF chunks without an EXIF chunk; the walk stopped there$/u],
  ])('says what stopped the walk: %s', async (_case, bytes, problem) => {
    const found = await webpExif(bytes);
    expect(found.tiff).toBeUndefined();
    expect(found.problem).toMatch(problem);
  });
});
