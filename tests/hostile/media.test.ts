import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SozDocument } from '../../src/core/document.js';
import { findTesseract } from '../../src/pipeline/ocr.js';
import { soz, tempDir } from '../support/cli.js';
import { caseWith } from '../support/custody.js';
import { png } from '../support/media-files.js';
import { derivedDocumentList } from '../support/derived.js';

// Hostile pictures, sound and video (issue 16): taken into custody without a crash, a hang or a
// large allocation; what cannot be read is a notice naming the file. All bytes are made up here.

/** A little-endian TIFF whose one IFD declares `width` × `height` pixels in one deflated strip. */
function tiffBomb(width: number, height: number): Buffer {
  const out = Buffer.alloc(8 + 2 + 5 * 12 + 4 + 16);
  out.write('II', 0, 'latin1');
  out.writeUInt16LE(42, 2);
  out.writeUInt32LE(8, 4);
  out.writeUInt16LE(5, 8);
  const tags: [number, number, number][] = [[256, 4, width], [257, 4, height], [259, 3, 8], [273, 4, 8 + 2 + 5 * 12 + 4], [279, 4, 16]];
  tags.forEach(([tag, type, value], index) => {
    const at = 10 + index * 12;
    out.writeUInt16LE(tag, at);
    out.writeUInt16LE(type, at + 2);
    out.writeUInt32LE(1, at + 4);
    out.writeUInt32LE(value, at + 8);
  });
  return out;
}

/** An MP4 `ftyp` box followed by a box that claims 4 GiB and a box of size 0 (runs to the end). */
function mp4WithLyingBoxes(): Buffer {
  const ftyp = Buffer.from('00000018667479706d703432000000006d703432' + '69736f6d', 'hex');
  const liar = Buffer.from('ffffffff6d6f6f76', 'hex');
  const toEnd = Buffer.from('000000006d646174', 'hex');
  return Buffer.concat([ftyp, liar, Buffer.alloc(64, 7), toEnd, Buffer.alloc(64, 9)]);
}

const HAVE_TESSERACT = findTesseract() !== undefined;

const CASES: readonly { id: string; file: string; bytes: () => Buffer; notices: string[]; ocr?: string; properties?: Record<string, unknown> }[] = [
  { id: 'image-bomb-png', file: 'bomb.png', bytes: () => png(100_000, 100_000), notices: ['no-text.needs-ocr'], ocr: 'ocr.skipped', properties: { imageWidth: 100_000, imageHeight: 100_000 } },
  { id: 'tiff-decompression-bomb', file: 'bomb.tif', bytes: () => tiffBomb(65_535, 65_535), notices: ['no-text.needs-ocr'], ocr: 'ocr.skipped', properties: { imageWidth: 65_535, imageHeight: 65_535 } },
  { id: 'gif-huge-declared', file: 'huge.gif', bytes: () => Buffer.concat([Buffer.from('GIF89a', 'latin1'), Buffer.from([0xff, 0xff, 0xff, 0xff, 0, 0, 0]), Buffer.from([0x3b])]), notices: ['no-text.needs-ocr'], properties: { imageWidth: 65_535 } },
  { id: 'corrupt-jpeg', file: 'cut.jpg', bytes: () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0xff, 0xff]), Buffer.from('Exif\0\0MM\0*', 'latin1'), Buffer.alloc(40, 0xee)]), notices: ['no-text.needs-ocr', 'no-text.properties-unread'], ocr: 'ocr.skipped' },
  { id: 'mp4-lying-boxes', file: 'clip.mp4', bytes: mp4WithLyingBoxes, notices: ['no-text.needs-transcript', 'no-text.properties-unread'] },
  { id: 'mp3-sync-garbage', file: 'noise.mp3', bytes: () => Buffer.concat([Buffer.from([0xff, 0xfb, 0x90, 0x00]), Buffer.alloc(3000, 0xff)]), notices: ['no-text.needs-transcript'] },
];

function documentsOf(dir: string): SozDocument[] {
  return derivedDocumentList(dir);
}

describe('hostile media files', () => {
  for (const hostile of CASES) {
    it(`${hostile.id}: kept in custody, one document without text, notices ${hostile.notices.join(', ')}`, async () => {
      const dir = await caseWith([]);
      const file = join(tempDir('soz-hostile-media-'), hostile.file);
      writeFileSync(file, hostile.bytes());
      const added = await soz(['add', dir, file]);
      expect(added.code, added.stderr).toBe(0);
      expect(added.stdout).toContain('1 document(s)');
      expect((await soz(['analyze', dir])).code).toBe(0);
      const [doc] = documentsOf(dir);
      expect(doc?.format).toBe('no-text');
      const codes = doc?.notices.map((notice) => notice.code) ?? [];
      expect(codes.filter((code) => !code.startsWith('ocr.'))).toEqual(hostile.notices);
      // With Tesseract installed, a picture bomb is never handed to it: the size limit says so.
      if (hostile.ocr !== undefined) expect(codes.filter((code) => code.startsWith('ocr.'))).toEqual([HAVE_TESSERACT ? hostile.ocr : 'ocr.unavailable']);
      for (const notice of doc?.notices ?? []) expect(notice.message.startsWith(`${hostile.file}: `), notice.message).toBe(true);
      if (hostile.properties) expect(doc?.properties).toMatchObject(hostile.properties);
    });
  }
});
