import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SozDocument } from '../../src/core/document.js';
import { findTesseract, TESSERACT_INSTALL } from '../../src/pipeline/ocr.js';
import { soz, tempDir } from '../support/cli.js';
import { caseWith } from '../support/custody.js';
import { derivedDocumentList } from '../support/derived.js';

// Damaged WebP, BMP and GIF pictures (issue 16): each is kept in custody without text and one notice
// names the file and why OCR gave nothing; never a crash. The cut files are the first 300 bytes of
// the fictional fixtures of tests/fixtures/ocr (their headers, so the size is read, the pixels not).

const FIXTURES = new URL('../fixtures/ocr/', import.meta.url).pathname;
const HAVE_TESSERACT = findTesseract() !== undefined;

/** A BMP header (BITMAPINFOHEADER, 24 bits) declaring `width` × `height` pixels and holding none. */
function bmpHeader(width: number, height: number): Buffer {
  const out = Buffer.alloc(54);
  out.write('BM', 0, 'latin1');
  out.writeUInt32LE(54, 2);
  out.writeUInt32LE(54, 10);
  out.writeUInt32LE(40, 14);
  out.writeInt32LE(width, 18);
  out.writeInt32LE(height, 22);
  out.writeUInt16LE(1, 26);
  out.writeUInt16LE(24, 28);
  return out;
}

/** A little-endian TIFF of two pages: 200 × 100, then `width` × `height` (under Leptonica's own cap of 2^29 pixels, over soz's limit), each in one deflated strip of 16 bytes. */
function tiffBombOnPage2(width: number, height: number): Buffer {
  const ifd = (at: number, size: readonly [number, number], next: number): Buffer => {
    const out = Buffer.alloc(2 + 5 * 12 + 4);
    out.writeUInt16LE(5, 0);
    const tags: [number, number, number][] = [[256, 4, size[0]], [257, 4, size[1]], [259, 3, 8], [273, 4, at + out.byteLength], [279, 4, 16]];
    tags.forEach(([tag, type, value], index) => {
      out.writeUInt16LE(tag, 2 + index * 12);
      out.writeUInt16LE(type, 4 + index * 12);
      out.writeUInt32LE(1, 6 + index * 12);
      out.writeUInt32LE(value, 10 + index * 12);
    });
    out.writeUInt32LE(next, 2 + 5 * 12);
    return Buffer.concat([out, Buffer.alloc(16)]);
  };
  const header = Buffer.from([0x49, 0x49, 42, 0, 8, 0, 0, 0]);
  const first = ifd(8, [200, 100], 8 + 82);
  return Buffer.concat([header, first, ifd(8 + 82, [width, height], 0)]);
}

/** The head of an animated WebP: RIFF, the extended header `VP8X` with the animation flag and a 959 × 342 canvas, an `ANIM` chunk. */
function animatedWebp(): Buffer {
  const vp8x = Buffer.from([0x02, 0, 0, 0, 0xbe, 0x03, 0x00, 0x55, 0x01, 0x00]);
  const chunk = (type: string, data: Buffer) => Buffer.concat([Buffer.from(type, 'latin1'), Buffer.from([data.byteLength, 0, 0, 0]), data]);
  const body = Buffer.concat([Buffer.from('WEBP', 'latin1'), chunk('VP8X', vp8x), chunk('ANIM', Buffer.alloc(6))]);
  return Buffer.concat([Buffer.from('RIFF', 'latin1'), Buffer.from([body.byteLength, 0, 0, 0]), body]);
}

const CASES = [
  { id: 'webp-cut', file: 'cut.webp', bytes: () => readFileSync(join(FIXTURES, 'card-ky.webp')).subarray(0, 300), ocr: 'ocr.failed', reason: /^cut\.webp: Tesseract could not read it \(.*WebP.*\); kept without text$/u },
  { id: 'bmp-cut', file: 'cut.bmp', bytes: () => readFileSync(join(FIXTURES, 'note-ky.bmp')).subarray(0, 300), ocr: 'ocr.failed', reason: /^cut\.bmp: Tesseract could not read it \(.*Bmp.*\); kept without text$/u },
  { id: 'gif-cut', file: 'cut.gif', bytes: () => readFileSync(join(FIXTURES, 'animated-ky.gif')).subarray(0, 300), ocr: 'ocr.failed', reason: /^cut\.gif: Tesseract could not read it \(.*GIF.*\); kept without text$/u },
  { id: 'webp-animated', file: 'moving.webp', bytes: animatedWebp, ocr: 'ocr.skipped', reason: /^moving\.webp: an animated WebP, of which Tesseract's image library decodes no frame, so OCR was not run; save its frames as pictures \(e\.g\. webpmux -get frame 1\) and add them as evidence of their own$/u },
  { id: 'tiff-bomb-on-page-2', file: 'two-pages.tif', bytes: () => tiffBombOnPage2(20_000, 20_000), ocr: 'ocr.skipped', reason: /^two-pages\.tif: page 2 of 2 is 20000 × 20000 pixels, over the OCR limit of 60000000 pixels; no page was read; raise it with --max-ocr-pixels$/u },
  { id: 'bmp-bomb', file: 'bomb.bmp', bytes: () => bmpHeader(100_000, 100_000), ocr: 'ocr.skipped', reason: /^bomb\.bmp: 100000 × 100000 pixels exceeds the OCR limit of 60000000 pixels; raise it with --max-ocr-pixels$/u },
] as const;

describe('damaged WebP, BMP and GIF pictures', () => {
  let documents: Map<string, SozDocument>;
  beforeAll(async () => {
    const folder = tempDir('soz-hostile-pictures-');
    const files = CASES.map((hostile) => {
      const file = join(folder, hostile.file);
      writeFileSync(file, hostile.bytes());
      return file;
    });
    const dir = await caseWith(files);
    const analysed = await soz(['analyze', dir]);
    expect(analysed.code, analysed.stderr).toBe(0);
    documents = new Map(derivedDocumentList(dir).map((doc) => [doc.evidenceName, doc]));
  }, 300_000);

  it.each(CASES)('$id: kept without text, its size from the header, one notice naming the file and why', ({ file, ocr, reason }) => {
    const doc = documents.get(file);
    expect(doc?.format).toBe('no-text');
    expect(doc?.properties['imageWidth']).toBeGreaterThan(0);
    const ocrNotices = doc?.notices.filter((notice) => notice.code.startsWith('ocr.')) ?? [];
    expect(ocrNotices.map((notice) => notice.code)).toEqual([HAVE_TESSERACT ? ocr : 'ocr.unavailable']);
    if (HAVE_TESSERACT) expect(ocrNotices[0]?.message).toMatch(reason);
  });

  it('without Tesseract: the picture is in custody with its size, and one line says what to install', async () => {
    const dir = await caseWith([join(FIXTURES, 'note-ky.bmp')]);
    const empty = join(tempDir('soz-no-tesseract-'), 'bin');
    mkdirSync(empty);
    const path = process.env['PATH'];
    process.env['PATH'] = empty;
    try {
      expect((await soz(['analyze', dir])).code).toBe(0);
    } finally {
      process.env['PATH'] = path;
    }
    const [doc] = derivedDocumentList(dir);
    expect(doc?.properties).toMatchObject({ imageWidth: 959, imageHeight: 342 });
    expect(doc?.notices.filter((notice) => notice.code.startsWith('ocr.')).map((notice) => notice.message)).toEqual([
      `note-ky.bmp: OCR needs Tesseract, which is not installed; install it (${TESSERACT_INSTALL}) and run soz analyze again`,
    ]);
  });
});
