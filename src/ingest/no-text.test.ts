import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { collectDocuments, DEFAULT_LIMITS, inputFromBytes } from './adapter.js';
import { keptUnreadableNotice, noTextAdapter, noTextDocument } from './no-text.js';
import { sniffMediaType } from './sniff.js';
import { exifTiff, isoBox, jpegWithExif, movieHeader, mp4, mp4Ftyp, png, pngChunk, riffChunk, wav, webp } from '../../tests/support/media-files.js';

const SHA = 'ab'.repeat(32);

async function extract(name: string, bytes: Uint8Array) {
  const input = inputFromBytes(bytes, { name, sha256: SHA, mediaType: sniffMediaType(bytes), limits: DEFAULT_LIMITS });
  const docs = await collectDocuments(noTextAdapter.extract(input));
  expect(docs).toHaveLength(1);
  const [doc] = docs;
  if (!doc) throw new Error('no document');
  expect(doc.text).toBe('');
  expect(doc.segments).toEqual([]);
  return doc;
}

describe('items soz reads no text from', () => {
  it('a PNG gets its size from the header and a notice that it needs OCR', async () => {
    const doc = await extract('photo.png', png(3, 2));
    expect(doc.properties).toEqual({ mediaType: 'image/png', imageWidth: 3, imageHeight: 2 });
    expect(doc.notices.map((notice) => notice.code)).toEqual(['no-text.needs-ocr']);
    expect(doc.notices[0]?.unread).toEqual({ kind: 'image needing OCR', count: 1, first: 'whole file' });
  });

  it('an image bomb (100 000 × 100 000 declared) is measured from its header, never decoded', async () => {
    const doc = await extract('bomb.png', png(100_000, 100_000));
    expect(doc.properties).toMatchObject({ imageWidth: 100_000, imageHeight: 100_000 });
  });

  it('a JPEG keeps its EXIF date and device exactly as written (no time-zone revival)', async () => {
    const doc = await extract('a.jpg', jpegWithExif({ make: 'Fictional Optics', model: 'FX-1', dateTimeOriginal: '2024:03:01 10:15:00' }));
    expect(doc.properties).toEqual({
      mediaType: 'image/jpeg',
      imageWidth: 640,
      imageHeight: 480,
      exifDateTimeOriginal: '2024:03:01 10:15:00',
      exifMake: 'Fictional Optics',
      exifModel: 'FX-1',
    });
  });

  describe('EXIF past the first MiB, or in a container exifr refuses', () => {
    const camera = { make: 'Fictional Optics', model: 'FX-1', dateTimeOriginal: '2024:03:01 10:15:00' };
    const read = { exifDateTimeOriginal: '2024:03:01 10:15:00', exifMake: 'Fictional Optics', exifModel: 'FX-1' };
    const pixels = Buffer.alloc(1536 * 1024);

    it('a WebP: the EXIF chunk after 1.5 MiB of image data', async () => {
      const doc = await extract('card.webp', webp(320, 200, [riffChunk('VP8L', pixels), riffChunk('EXIF', exifTiff(camera))]));
      expect(doc.properties).toEqual({ mediaType: 'image/webp', imageWidth: 320, imageHeight: 200, ...read });
    });

    it('a WebP written by exiftool (tests/fixtures/ocr/card-ky-exif.webp)', async () => {
      const doc = await extract('card-ky-exif.webp', readFileSync(new URL('../../tests/fixtures/ocr/card-ky-exif.webp', import.meta.url)));
      expect(doc.properties).toMatchObject(read);
    });

    it('a PNG: an eXIf chunk after a 1.5 MiB IDAT', async () => {
      const doc = await extract('late.png', png(40, 30, { dataBytes: pixels.byteLength, after: [pngChunk('eXIf', exifTiff(camera))] }));
      expect(doc.properties).toEqual({ mediaType: 'image/png', imageWidth: 40, imageHeight: 30, ...read });
    });

    it('a TIFF whose directory follows 1.5 MiB of pixels (as ImageMagick writes it): size and EXIF', async () => {
      const tiff = exifTiff(camera, { size: { width: 1200, height: 1300 }, ifdAt: 8 + pixels.byteLength });
      const doc = await extract('scan.tif', tiff);
      expect(doc.properties).toEqual({ mediaType: 'image/tiff', imageWidth: 1200, imageHeight: 1300, ...read });
    });

    it('a WebP whose chunks run past the end keeps its size, with a notice naming the file and the damage', async () => {
      const doc = await extract('cut.webp', webp(320, 200, [riffChunk('VP8L', Buffer.alloc(64), 1_000_000)]));
      expect(doc.properties).toEqual({ mediaType: 'image/webp', imageWidth: 320, imageHeight: 200 });
      expect(doc.notices[1]?.message).toBe('cut.webp: properties could not be read from the bytes (EXIF: RIFF chunk "VP8L" at byte 30 declares 1000000 bytes, past the end of the file); the file is kept as received');
    });
  });

  it('a WAV gets container and duration and a notice asking for the transcript by hash', async () => {
    const doc = await extract('call.wav', wav(3));
    expect(doc.properties).toMatchObject({ mediaType: 'audio/wav', container: 'WAVE', durationSeconds: 3 });
    expect(doc.notices[0]?.code).toBe('no-text.needs-transcript');
    expect(doc.notices[0]?.message).toContain(`--transcribes ${SHA.slice(0, 16)}`);
  });

  it('an MP4 without an audio track gets its duration from the movie header', async () => {
    const doc = await extract('clip.mp4', mp4(12));
    expect(doc.properties).toMatchObject({ mediaType: 'video/mp4', durationSeconds: 12 });
    expect(doc.notices.map((notice) => notice.code)).toEqual(['no-text.needs-transcript']);
  });

  it('an MP4 whose moov follows the media data is read to the movie header', async () => {
    const doc = await extract('late.mp4', Buffer.concat([mp4Ftyp(), isoBox('mdat', Buffer.alloc(3 * 1024 * 1024 + 5), { largeSize: true }), isoBox('moov', movieHeader(61.5, 1))]));
    expect(doc.properties).toMatchObject({ mediaType: 'video/mp4', durationSeconds: 61.5 });
  });

  it('an MP4 with garbage after ftyp is kept without a duration, with the notice that its properties were unread', async () => {
    const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131 + 7) % 256));
    const doc = await extract('broken.mp4', Buffer.concat([mp4Ftyp(), garbage]));
    expect(doc.properties['mediaType']).toBe('video/mp4');
    expect(doc.properties['durationSeconds']).toBeUndefined();
    expect(doc.notices.map((notice) => notice.code)).toEqual(['no-text.needs-transcript', 'no-text.properties-unread']);
  });

  it('a truncated image is still kept, with a notice that its properties could not be read', async () => {
    const doc = await extract('cut.jpg', Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0x00]));
    expect(doc.notices.map((notice) => notice.code)).toEqual(['no-text.needs-ocr', 'no-text.properties-unread']);
    expect(doc.notices[1]?.message).toMatch(/^cut\.jpg: properties could not be read/);
  });

  it('an unknown binary gets the reason soz does not read it', async () => {
    const doc = await extract('blob', Buffer.from([0, 1, 2, 3, 0, 0, 0, 9]));
    expect(doc.notices[0]?.code).toBe('no-text.unknown-format');
    expect(doc.notices[0]?.message).toMatch(/^blob: unknown binary is not a format soz reads .*kept in custody without text$/);
  });

  it('gives the same document for the same bytes', async () => {
    const bytes = jpegWithExif({ make: 'A', model: 'B', dateTimeOriginal: '2020:01:01 00:00:00' });
    expect(JSON.stringify(await extract('x.jpg', bytes))).toBe(JSON.stringify(await extract('x.jpg', bytes)));
  });

  it('a damaged file kept knowingly carries the reason and the error', () => {
    const doc = noTextDocument({ sha256: SHA, name: 'broken.pdf', mediaType: 'application/pdf' }, [keptUnreadableNotice('broken.pdf', 'seized as is', 'no xref table')]);
    expect(doc.format).toBe('no-text');
    expect(doc.notices[0]?.message).toBe("broken.pdf: taken into custody unreadable at the examiner's request (reason: seized as is); the error was: no xref table");
  });
});
