import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tiffPageSizes } from './tiff-pages.js';

// TIFFs built by hand (TIFF 6.0 section 2, BigTIFF): the IFDs and their size tags only, no pixels.

/** A little-endian classic TIFF whose IFDs declare `sizes`, chained in order; `loop` points the last back at the first. */
function tiff(sizes: readonly (readonly [number, number])[], loop = false): Uint8Array {
  const ifdBytes = 2 + 2 * 12 + 4;
  const out = Buffer.alloc(8 + sizes.length * ifdBytes);
  out.write('II', 0, 'latin1');
  out.writeUInt16LE(42, 2);
  out.writeUInt32LE(8, 4);
  sizes.forEach(([width, height], index) => {
    const at = 8 + index * ifdBytes;
    out.writeUInt16LE(2, at);
    out.writeUInt16LE(256, at + 2);
    out.writeUInt16LE(4, at + 4);
    out.writeUInt32LE(1, at + 6);
    out.writeUInt32LE(width, at + 10);
    out.writeUInt16LE(257, at + 14);
    out.writeUInt16LE(3, at + 16);
    out.writeUInt32LE(1, at + 18);
    out.writeUInt16LE(height, at + 22);
    const last = index === sizes.length - 1;
    out.writeUInt32LE(last ? (loop ? 8 : 0) : at + ifdBytes, at + 26);
  });
  return out;
}

/** A big-endian BigTIFF of one page declaring `width` × `height` (LONG8 width, SHORT height). */
function bigTiff(width: number, height: number): Uint8Array {
  const out = Buffer.alloc(16 + 8 + 2 * 20 + 8);
  out.write('MM', 0, 'latin1');
  out.writeUInt16BE(43, 2);
  out.writeUInt16BE(8, 4);
  out.writeBigUInt64BE(16n, 8);
  out.writeBigUInt64BE(2n, 16);
  out.writeUInt16BE(256, 24);
  out.writeUInt16BE(16, 26);
  out.writeBigUInt64BE(1n, 28);
  out.writeBigUInt64BE(BigInt(width), 36);
  out.writeUInt16BE(257, 44);
  out.writeUInt16BE(3, 46);
  out.writeBigUInt64BE(1n, 48);
  out.writeUInt16BE(height, 56);
  return out;
}

describe('tiffPageSizes', () => {
  it('gives the size of every page of the chain', () => {
    expect(tiffPageSizes(readFileSync(new URL('../../tests/fixtures/ocr/pages-ky.tif', import.meta.url)))).toEqual([
      { width: 959, height: 342 },
      { width: 959, height: 342 },
    ]);
    expect(tiffPageSizes(tiff([[200, 100], [65_535, 65_535]]))).toEqual([{ width: 200, height: 100 }, { width: 65_535, height: 65_535 }]);
    expect(tiffPageSizes(bigTiff(100_000, 300))).toEqual([{ width: 100_000, height: 300 }]);
  });

  it('gives none for a chain that loops, an IFD outside the file, a page without its size, or no TIFF', () => {
    expect(tiffPageSizes(tiff([[10, 10], [20, 20]], true))).toBeUndefined();
    const cut = tiff([[10, 10], [20, 20]]);
    expect(tiffPageSizes(cut.subarray(0, cut.byteLength - 10))).toBeUndefined();
    const sizeless = Buffer.from(tiff([[10, 10]]));
    sizeless.writeUInt16LE(300, 10);
    expect(tiffPageSizes(sizeless)).toBeUndefined();
    expect(tiffPageSizes(Buffer.from('II*\0 but nothing after it', 'latin1'))).toBeUndefined();
    expect(tiffPageSizes(Buffer.from('not a picture, just some text', 'latin1'))).toBeUndefined();
  });
});
