/**
 * The duration an MP4/QuickTime file declares in its movie header (`moov`/`mvhd`, ISO/IEC
 * 14496-12 §8.2.2; Apple QTFF "Movie header atom"). music-metadata takes the duration of these
 * containers from an audio track only, so a silent or video-only clip would otherwise have none.
 *
 * The walk reads box headers as the bytes stream past and skips every payload without keeping it,
 * so a `moov` behind a many-gigabyte `mdat` costs a sequential read, never the file in memory.
 * Damaged input gives `undefined`, never an error: a missing duration is an honest answer.
 */
import { ByteCursor } from './byte-cursor.js';

/** Media types whose container is the ISO base media file format or QuickTime. */
export const MOVIE_HEADER_TYPES: ReadonlySet<string> = new Set(['video/mp4', 'video/quicktime', 'video/3gpp', 'audio/mp4']);

/** Top-level boxes walked before giving up (a fragmented file has a `moof`/`mdat` pair per fragment). */
const MAX_TOP_LEVEL_BOXES = 4096;
/** Boxes inside `moov` walked before giving up; `mvhd` comes first in every real file. */
const MAX_MOVIE_BOXES = 256;

/** Duration in seconds from the movie header, or undefined when absent, unknown or unreadable. */
export async function movieHeaderDuration(chunks: AsyncIterable<Uint8Array>): Promise<number | undefined> {
  const cursor = new ByteCursor(chunks[Symbol.asyncIterator]());
  try {
    for (let walked = 0; walked < MAX_TOP_LEVEL_BOXES; walked++) {
      const box = await readBoxHeader(cursor);
      if (box === undefined) return undefined;
      if (box.type === 'moov') return await durationInMovie(cursor, box.payloadSize);
      if (box.payloadSize === undefined || !(await cursor.skip(box.payloadSize))) return undefined;
    }
    return undefined;
  } finally {
    await cursor.close();
  }
}

/** The `mvhd` duration among the children of a `moov` whose payload is `size` bytes (undefined: to the end). */
async function durationInMovie(cursor: ByteCursor, size: number | undefined): Promise<number | undefined> {
  let left = size ?? Number.POSITIVE_INFINITY;
  for (let walked = 0; walked < MAX_MOVIE_BOXES && left > 0; walked++) {
    const box = await readBoxHeader(cursor);
    if (box === undefined) return undefined;
    if (box.type === 'mvhd') return mvhdDuration(await cursor.read(MVHD_V1_DURATION_END));
    if (box.payloadSize === undefined || !(await cursor.skip(box.payloadSize))) return undefined;
    left -= box.headerSize + box.payloadSize;
  }
  return undefined;
}

/** Bytes of an `mvhd` payload up to the end of its duration field in version 1 (the longer layout). */
const MVHD_V1_DURATION_END = 32;

/** Duration / timescale from the start of an `mvhd` payload (version 0: 32-bit fields, 1: 64-bit times). */
function mvhdDuration(payload: Uint8Array): number | undefined {
  const view = new DataView(payload.buffer, payload.byteOffset, payload.byteLength);
  const version = payload[0];
  let timescale: number;
  let duration: number;
  if (version === 0 && payload.byteLength >= 20) {
    timescale = view.getUint32(12);
    duration = view.getUint32(16);
    if (duration === 0xffffffff) return undefined; // all ones: "unknown" in the specification
  } else if (version === 1 && payload.byteLength >= 32) {
    timescale = view.getUint32(20);
    const long = view.getBigUint64(24);
    if (long === 0xffffffffffffffffn) return undefined;
    duration = Number(long);
  } else {
    return undefined;
  }
  // A fragmented file writes 0 and leaves the length to its fragments; 0 seconds is not a duration.
  if (timescale === 0 || duration === 0) return undefined;
  return duration / timescale;
}

interface BoxHeader {
  readonly type: string;
  readonly headerSize: number;
  /** Undefined for size 0: the box runs to the end of the file. */
  readonly payloadSize: number | undefined;
}

/** The next box header (32-bit size, or 1 and a 64-bit size after the type), or undefined when damaged or at the end. */
async function readBoxHeader(cursor: ByteCursor): Promise<BoxHeader | undefined> {
  const head = await cursor.read(8);
  if (head.byteLength < 8) return undefined;
  const view = new DataView(head.buffer, head.byteOffset, 8);
  const type = String.fromCharCode(...head.subarray(4, 8));
  const size = view.getUint32(0);
  if (size === 0) return { type, headerSize: 8, payloadSize: undefined };
  if (size !== 1) return size < 8 ? undefined : { type, headerSize: 8, payloadSize: size - 8 };
  const large = await cursor.read(8);
  if (large.byteLength < 8) return undefined;
  const largeSize = new DataView(large.buffer, large.byteOffset, 8).getBigUint64(0);
  if (largeSize < 16n || largeSize > BigInt(Number.MAX_SAFE_INTEGER)) return undefined;
  return { type, headerSize: 16, payloadSize: Number(largeSize) - 16 };
}
