/**
 * How many frames a GIF holds, for the notice that OCR read its first frame only: Leptonica (inside
 * Tesseract) decodes the first image of a GIF and no other. image-size reads the logical screen
 * only, and omggif, which lists frames, keeps an object per frame, so a hostile GIF of millions of
 * tiny frames would fill the memory; this walk over the block structure (GIF89a specification,
 * sections 17–27) decodes nothing and keeps one counter.
 */

const TRAILER = 0x3b;
const EXTENSION = 0x21;
const IMAGE_DESCRIPTOR = 0x2c;
/** Signature (6), logical screen width, height, packed fields, background, aspect ratio. */
const HEADER_BYTES = 13;
/** Separator, left, top, width, height (2 each), packed fields. */
const DESCRIPTOR_BYTES = 10;

/**
 * The number of images (frames) in a GIF file's bytes, counted up to the trailer (or the end of the
 * bytes when a writer left the trailer out); undefined when the bytes are no GIF or a block runs
 * past the end or is of an unknown kind.
 */
export function gifFrameCount(bytes: Uint8Array): number | undefined {
  const signature = String.fromCharCode(...bytes.subarray(0, 6));
  if (bytes.byteLength < HEADER_BYTES || (signature !== 'GIF87a' && signature !== 'GIF89a')) return undefined;
  let at: number | undefined = HEADER_BYTES + colourTableBytes(bytes[10] ?? 0);
  let frames = 0;
  while (at !== undefined && at < bytes.byteLength) {
    const introducer = bytes[at];
    if (introducer === TRAILER) return frames;
    if (introducer === EXTENSION) at = afterSubBlocks(bytes, at + 2);
    else if (introducer === IMAGE_DESCRIPTOR && at + DESCRIPTOR_BYTES <= bytes.byteLength) {
      frames += 1;
      // After the descriptor and its local colour table: one byte of LZW code size, then the data.
      at = afterSubBlocks(bytes, at + DESCRIPTOR_BYTES + colourTableBytes(bytes[at + 9] ?? 0) + 1);
    } else return undefined;
  }
  return at === bytes.byteLength ? frames : undefined;
}

/** Bytes of the colour table a packed-fields byte announces (flag 0x80, size 2^(n+1) entries of 3 bytes). */
function colourTableBytes(packed: number): number {
  return (packed & 0x80) !== 0 ? 3 * (1 << ((packed & 0x07) + 1)) : 0;
}

/** Where a run of data sub-blocks starting at `at` ends (after its zero-length terminator); undefined past the end. */
function afterSubBlocks(bytes: Uint8Array, at: number): number | undefined {
  let next = at;
  while (next < bytes.byteLength) {
    const size = bytes[next] ?? 0;
    if (size === 0) return next + 1;
    next += size + 1;
  }
  return undefined;
}
