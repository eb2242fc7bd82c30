import { Readable } from 'node:stream';
import type { DocumentProperties, Notice, SozDocument } from '../core/document.js';
import { DocumentBuilder } from '../core/document-builder.js';
import type { EvidenceInput, IngestAdapter } from './adapter.js';
import { chunkedExif, hasChunkedExif } from './exif-block.js';
import { isAudioOrVideo } from './media-types.js';
import { MOVIE_HEADER_TYPES, movieHeaderDuration } from './movie-header.js';
import { describeMediaType, isImageMediaType, MEDIA_TYPES, unsupportedTypeError } from './sniff.js';

/**
 * Custody of items soz reads no text from: pictures, sound, video and unknown binaries. Every such
 * file still becomes one document — no segments, a notice saying why there is no text and what
 * the examiner can do, and the properties read from the bytes (image size, EXIF date and device,
 * audio/video container and duration) — so it is hashed, copied, logged and listed in the report.
 *
 * Properties come from libraries that read headers only: a picture declaring 100 000 × 100 000
 * pixels is measured, never decoded, so an image bomb allocates nothing.
 */
export const noTextAdapter: IngestAdapter = {
  id: 'no-text',
  format: 'no-text',
  // The fallback after every adapter that reads text (see `adapterFor`), so it takes anything.
  detect: () => true,
  extract: extractNoText,
};

/** How many leading bytes the image readers see; the frame header and a JPEG's EXIF sit well inside. */
const IMAGE_HEADER_WINDOW = 1024 * 1024;

async function* extractNoText(input: EvidenceInput): AsyncGenerator<SozDocument> {
  const { properties, problem } = await readProperties(input);
  const notices = [whyNoText(input)];
  if (problem !== undefined) {
    notices.push({ code: 'no-text.properties-unread', severity: 'warning', message: `${input.name}: properties could not be read from the bytes (${problem}); the file is kept as received` });
  }
  yield noTextDocument(input, notices, properties);
}

/**
 * A document without text for an item in custody: the notices say why, the properties what the
 * bytes told. Also used for a damaged file taken in knowingly (`soz add --keep-unreadable`).
 */
export function noTextDocument(input: Pick<EvidenceInput, 'sha256' | 'name' | 'entry' | 'mediaType'>, notices: readonly Notice[], properties: DocumentProperties = {}): SozDocument {
  const builder = new DocumentBuilder({ sha256: input.sha256, name: input.name, ...(input.entry !== undefined ? { entry: input.entry } : {}) }, 'no-text');
  for (const notice of notices) builder.notice(notice);
  return builder.build({ mediaType: input.mediaType, ...properties });
}

/** The notice for a damaged file of a known format that the examiner took in knowingly. */
export function keptUnreadableNotice(name: string, reason: string, error: string): Notice {
  return {
    code: 'no-text.kept-unreadable',
    severity: 'warning',
    message: `${name}: taken into custody unreadable at the examiner's request (reason: ${reason}); the error was: ${error}`,
    unread: { kind: 'damaged file', count: 1, first: 'whole file' },
  };
}

/** Why an item has no text, in words naming what the examiner can do about it. */
function whyNoText(input: EvidenceInput): Notice {
  const label = describeMediaType(input.mediaType);
  const unread = (kind: string) => ({ kind, count: 1, first: 'whole file' });
  if (isImageMediaType(input.mediaType)) {
    return { code: 'no-text.needs-ocr', severity: 'warning', message: `${input.name}: ${label} has no text layer; soz analyze reads its text by OCR where Tesseract is installed`, unread: unread('image needing OCR') };
  }
  if (isAudioOrVideo(input.mediaType)) {
    return {
      code: 'no-text.needs-transcript',
      severity: 'warning',
      message: `${input.name}: ${label}; speech is not recognised offline — add the examiner's transcript (.srt, .vtt or time-coded text) with "soz add CASE TRANSCRIPT --transcribes ${input.sha256.slice(0, 16)}"`,
      unread: unread('audio or video needing a transcript'),
    };
  }
  const refusal = unsupportedTypeError(input.name, input.mediaType, input.head);
  return { code: 'no-text.unknown-format', severity: 'warning', message: `${refusal.message}; kept in custody without text`, unread: unread('file of a format soz does not read') };
}

async function readProperties(input: EvidenceInput): Promise<{ properties: DocumentProperties; problem?: string }> {
  try {
    if (isImageMediaType(input.mediaType)) return await imageProperties(input);
    if (isAudioOrVideo(input.mediaType)) return { properties: await audioVisualProperties(input) };
    return { properties: {} };
  } catch (error) {
    return { properties: {}, problem: firstLineOf(error) };
  }
}

/**
 * Width and height from the header (the logical screen of a GIF), and EXIF date and device as
 * written. The size is kept when only the EXIF block is damaged: OCR needs it for its pixel limit.
 */
async function imageProperties(input: EvidenceInput): Promise<{ properties: DocumentProperties; problem?: string }> {
  // The header readers load only when a picture or a clip is taken into custody, not on every command.
  const [{ imageSize }, { default: exifr }] = await Promise.all([import('image-size'), import('exifr')]);
  const head = await headerBytes(input);
  const size = imageSize(head);
  const properties: Record<string, string | number> = {};
  if (size.width !== undefined && size.height !== undefined) Object.assign(properties, { imageWidth: size.width, imageHeight: size.height });
  const block = hasChunkedExif(input.mediaType) ? await chunkedExif(input.mediaType, input.chunks()) : { tiff: EXIF_TYPES.has(input.mediaType) ? head : undefined };
  if (block.problem !== undefined) return { properties, problem: `EXIF: ${block.problem}` };
  if (block.tiff === undefined) return { properties };
  try {
    // Values as written (`2024:03:01 10:15:00`), never revived into Dates: a Date would be read
    // in the machine's time zone, and the same image must give the same bytes everywhere.
    const exif: Record<string, unknown> | undefined = await exifr.parse(block.tiff, { pick: [...EXIF_FIELDS], reviveValues: false, translateValues: false });
    for (const field of EXIF_FIELDS) {
      const value = exif?.[field];
      if (typeof value === 'string' && value.trim() !== '') properties[`exif${field}`] = value.replace(/\0+$/u, '').trim();
    }
    return { properties };
  } catch (error) {
    return { properties, problem: `EXIF: ${firstLineOf(error)}` };
  }
}

/**
 * The bytes the header readers see: the leading window, or a whole TIFF within the in-memory limit,
 * because a TIFF's directories (size and EXIF) may follow its pixels — ImageMagick and many
 * scanners write them at the end.
 */
async function headerBytes(input: EvidenceInput): Promise<Uint8Array> {
  if (input.mediaType === MEDIA_TYPES.tiff && input.size > IMAGE_HEADER_WINDOW && input.size <= input.limits.maxInMemoryBytes) return input.bytes();
  return leadingBytes(input, IMAGE_HEADER_WINDOW);
}

function firstLineOf(error: unknown): string {
  return error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
}

/** The picture types whose EXIF exifr 7 finds in the header bytes; WebP and PNG are walked chunk by chunk (`chunkedExif`). */
const EXIF_TYPES: ReadonlySet<string> = new Set([MEDIA_TYPES.jpeg, MEDIA_TYPES.tiff]);
const EXIF_FIELDS = ['DateTimeOriginal', 'CreateDate', 'Make', 'Model'] as const;

/** Container, codec and duration (seconds, to the millisecond) from the container's headers. */
async function audioVisualProperties(input: EvidenceInput): Promise<DocumentProperties> {
  const { parseStream } = await import('music-metadata');
  const { format } = await parseStream(Readable.from(input.chunks(), { objectMode: false }), { mimeType: input.mediaType, size: input.size }, { skipCovers: true, duration: false });
  const properties: Record<string, string | number> = {};
  if (format.container !== undefined) properties['container'] = format.container;
  if (format.codec !== undefined) properties['codec'] = format.codec;
  // music-metadata reads an MP4/QuickTime duration from an audio track only; a silent or
  // video-only clip still declares one in its movie header, read in a second streamed pass.
  const duration = format.duration ?? (MOVIE_HEADER_TYPES.has(input.mediaType) ? await movieHeaderDuration(input.chunks()) : undefined);
  if (duration !== undefined && Number.isFinite(duration)) properties['durationSeconds'] = Math.round(duration * 1000) / 1000;
  return properties;
}

async function leadingBytes(input: EvidenceInput, limit: number): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of input.chunks()) {
    parts.push(chunk);
    length += chunk.byteLength;
    if (length >= limit) break;
  }
  return Buffer.concat(parts).subarray(0, limit);
}
