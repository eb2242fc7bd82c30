/**
 * The EXIF block (a little TIFF: byte order, IFD0 with Make and Model, the EXIF IFD with the
 * dates) of a WebP or PNG, found by walking the file's chunks as the bytes stream past. exifr 7
 * refuses WebP, and both formats may put the block after the pixels (WebP: the `EXIF` chunk
 * follows the image data by the container specification; PNG: an `eXIf` chunk after `IDAT`, which
 * the 2017 extension allowed), past any fixed window of leading bytes.
 *
 * The walk keeps no payload but the EXIF block, and is bounded: at most {@link MAX_CHUNKS} chunks,
 * an EXIF block of at most {@link MAX_EXIF_BYTES}. A damaged or hostile file (a chunk running past
 * the end, a header of non-letters, too many chunks, an oversized block) gives a `problem` in words
 * for the examiner's notice, never an exception or an endless loop.
 */
import { ByteCursor } from './byte-cursor.js';

/** Chunks walked before giving up (an animated WebP has one `ANMF` chunk per frame). */
export const MAX_CHUNKS = 100_000;
/** Largest EXIF block read, in bytes (a JPEG's is at most 64 KiB; a thumbnail rarely makes more). */
export const MAX_EXIF_BYTES = 4 * 1024 * 1024;

/** What the walk found: the TIFF bytes of the EXIF block, or why none could be taken. */
export interface ExifSearch {
  readonly tiff?: Uint8Array;
  readonly problem?: string;
}

/** How one chunked container lays out its signature and chunk headers. */
interface ChunkLayout {
  readonly format: string;
  /** Bytes before the first chunk, and a test that they are this format's. */
  readonly signatureLength: number;
  readonly signature: (bytes: Uint8Array) => boolean;
  /** Where the chunks end, from the signature (RIFF declares its size: bytes after it are not chunks). */
  readonly end?: (signature: Uint8Array) => number;
  /** Type and payload length from an 8-byte chunk header. */
  readonly header: (view: DataView, bytes: Uint8Array) => { readonly type: string; readonly size: number };
  /** Bytes after a payload of `size`: RIFF pads odd payloads to even, PNG has a CRC. */
  readonly trailer: (size: number) => number;
  readonly exifType: string;
  /** The chunk after which nothing follows (PNG `IEND`). */
  readonly endType?: string;
}

const fourCc = (bytes: Uint8Array, at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));

/** WebP: `RIFF` size `WEBP`, then chunks of type, little-endian size, payload (Google, "WebP Container Specification"). */
const RIFF_WEBP: ChunkLayout = {
  format: 'RIFF',
  signatureLength: 12,
  signature: (bytes) => fourCc(bytes, 0) === 'RIFF' && fourCc(bytes, 8) === 'WEBP',
  end: (signature) => 8 + new DataView(signature.buffer, signature.byteOffset, 8).getUint32(4, true),
  header: (view, bytes) => ({ type: fourCc(bytes, 0), size: view.getUint32(4, true) }),
  trailer: (size) => size % 2,
  exifType: 'EXIF',
};

/** PNG: the 8-byte signature, then chunks of big-endian length, type, data, CRC (ISO/IEC 15948; eXIf: PNG 3rd edition). */
const PNG: ChunkLayout = {
  format: 'PNG',
  signatureLength: 8,
  signature: (bytes) => bytes[0] === 0x89 && fourCc(bytes, 1).startsWith('PNG'),
  header: (view, bytes) => ({ type: fourCc(bytes, 4), size: view.getUint32(0) }),
  trailer: () => 4,
  exifType: 'eXIf',
  endType: 'IEND',
};

/** The chunked containers whose EXIF is found by a walk, by media type. */
const LAYOUTS: ReadonlyMap<string, ChunkLayout> = new Map([
  ['image/webp', RIFF_WEBP],
  ['image/png', PNG],
]);

/** Whether the EXIF of pictures of this media type is found by walking their chunks. */
export function hasChunkedExif(mediaType: string): boolean {
  return LAYOUTS.has(mediaType);
}

/** Chunk types are four ASCII letters or digits (RIFF allows a trailing space: `VP8 `). */
const CHUNK_TYPE = /^[A-Za-z0-9][A-Za-z0-9 ]{3}$/u;

/** "Exif\0\0", which some writers put before the TIFF header (a JPEG APP1 habit). */
const EXIF_PREFIX = [0x45, 0x78, 0x69, 0x66, 0, 0];

/**
 * The EXIF block of a WebP or PNG given as a stream of chunks: its TIFF bytes (without an
 * "Exif\0\0" prefix), nothing when the file has none, or the problem that stopped the walk.
 */
export async function chunkedExif(mediaType: string, chunks: AsyncIterable<Uint8Array>): Promise<ExifSearch> {
  const layout = LAYOUTS.get(mediaType);
  if (layout === undefined) return {};
  const cursor = new ByteCursor(chunks[Symbol.asyncIterator]());
  try {
    return await walk(layout, cursor);
  } finally {
    await cursor.close();
  }
}

async function walk(layout: ChunkLayout, cursor: ByteCursor): Promise<ExifSearch> {
  const signature = await cursor.read(layout.signatureLength);
  if (signature.byteLength < layout.signatureLength || !layout.signature(signature)) return { problem: `no ${layout.format} signature at the start` };
  const end = layout.end?.(signature) ?? Number.POSITIVE_INFINITY;
  for (let walked = 0; walked < MAX_CHUNKS; walked++) {
    const at = cursor.offset;
    if (at >= end) return {};
    const head = await cursor.read(8);
    if (head.byteLength === 0) return {};
    if (head.byteLength < 8) return { problem: `${layout.format} chunk header at byte ${at} cut off by the end of the file` };
    const { type, size } = layout.header(new DataView(head.buffer, head.byteOffset, head.byteLength), head);
    if (!CHUNK_TYPE.test(type)) return { problem: `damaged ${layout.format} chunk header at byte ${at}` };
    if (type === layout.exifType) return exifPayload(layout, cursor, at, size);
    if (!(await cursor.skip(size + layout.trailer(size)))) return { problem: `${layout.format} chunk "${type}" at byte ${at} declares ${size} bytes, past the end of the file` };
    if (type === layout.endType) return {};
  }
  return { problem: `more than ${MAX_CHUNKS} ${layout.format} chunks without an EXIF chunk; the walk stopped there` };
}

async function exifPayload(layout: ChunkLayout, cursor: ByteCursor, at: number, size: number): Promise<ExifSearch> {
  if (size > MAX_EXIF_BYTES) return { problem: `the ${layout.exifType} chunk at byte ${at} declares ${size} bytes, over the limit of ${MAX_EXIF_BYTES}; not read` };
  const payload = await cursor.read(size);
  if (payload.byteLength < size) return { problem: `the ${layout.exifType} chunk at byte ${at} declares ${size} bytes, past the end of the file` };
  const tiff = EXIF_PREFIX.every((byte, i) => payload[i] === byte) ? payload.subarray(EXIF_PREFIX.length) : payload;
  const order = fourCc(tiff, 0);
  if (order !== 'II*\0' && order !== 'MM\0*') return { problem: `the ${layout.exifType} chunk at byte ${at} holds no TIFF header` };
  return { tiff };
}
