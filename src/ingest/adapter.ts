import type { DocumentFormat, SozDocument } from '../core/document.js';

/**
 * Limits on what one evidence file may make soz do. Defaults are generous for real seizures and
 * stop hostile files; every limit can be raised by a CLI flag named in the error.
 */
export interface Limits {
  /** Largest evidence file accepted, in bytes. */
  readonly maxFileBytes: number;
  /** Largest file an adapter may read into memory whole (formats that cannot stream), in bytes. */
  readonly maxInMemoryBytes: number;
  /** Largest total size unpacked from one container (ZIP, DOCX), in bytes. */
  readonly maxDecompressedBytes: number;
  /** Largest ratio of unpacked to packed size for one container entry. */
  readonly maxCompressionRatio: number;
  /** Deepest nesting accepted in JSON, HTML or XML. */
  readonly maxDepth: number;
  /** Most segments (pages, paragraphs, messages) in one document. */
  readonly maxSegments: number;
  /** Most documents (chats, chat parts, archive entries) from one evidence file. */
  readonly maxDocuments: number;
  /** Longest text of one segment (one message, paragraph or page), in UTF-16 code units. */
  readonly maxSegmentChars: number;
  /**
   * Longest time one PDF may be read, in seconds (pdf.js runs in a worker thread that is stopped
   * then). Genuine files take up to ~0.2 s a page on a loaded 2-core machine: 120 s covers ~600 pages.
   */
  readonly maxPdfSeconds: number;
  /** Largest heap of the thread reading one PDF, in MiB. */
  readonly maxPdfMemoryMb: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxFileBytes: 8 * 1024 ** 3,
  maxInMemoryBytes: 512 * 1024 ** 2,
  maxDecompressedBytes: 4 * 1024 ** 3,
  maxCompressionRatio: 200,
  maxDepth: 512,
  maxSegments: 5_000_000,
  maxDocuments: 20_000,
  maxSegmentChars: 5_000_000,
  maxPdfSeconds: 120,
  maxPdfMemoryMb: 1024,
};

/**
 * One evidence file handed to an adapter. The adapter never opens files itself: it reads the
 * bytes through this object, whole (`bytes`, bounded by `limits.maxInMemoryBytes`) or in chunks
 * (`chunks`, for exports larger than memory).
 */
export interface EvidenceInput {
  /** Original file name, no directory. */
  readonly name: string;
  readonly sha256: string;
  readonly size: number;
  /** Media type sniffed from the bytes (see `sniffMediaType`). */
  readonly mediaType: string;
  /** The first bytes of the file (at most 64 KiB), for detection. */
  readonly head: Uint8Array;
  readonly limits: Limits;
  /** Path inside a container when the input came out of one (ZIP entry), POSIX separators. */
  readonly entry?: string;
  /** Day/month order the examiner set for a chat export whose dates the file cannot settle (kept for ZIP entries). */
  readonly dateOrder?: 'day-first' | 'month-first';
  /** The whole file; throws a `UserError` past `limits.maxInMemoryBytes`. */
  bytes(): Promise<Uint8Array>;
  /** The file in order, in chunks of at most 1 MiB. */
  chunks(): AsyncIterable<Uint8Array>;
}

/**
 * One adapter per format: it says whether it recognises the input and turns it into documents,
 * yielding them one by one so a large export never has to fit in memory at once. It does no
 * file I/O; errors it cannot recover from are `UserError`s naming the file.
 */
export interface IngestAdapter {
  readonly id: string;
  readonly format: DocumentFormat;
  /** Whether this adapter recognises the input (from `mediaType`, `head`, `name`); first wins. */
  detect(input: EvidenceInput): boolean;
  extract(input: EvidenceInput, run?: ExtractRun): AsyncIterable<SozDocument>;
}

/** How the caller wants an extraction run (adapters that have no such choice ignore it). */
export interface ExtractRun {
  /**
   * The module of the threads that build a Telegram export's parts instead of the plain one: the
   * caller's, which also encodes each document built (`soz add` keeps them; see
   * `telegram/part-thread.ts`).
   */
  readonly partThread?: URL;
}

/** Wraps an in-memory buffer as an `EvidenceInput` (tests, ZIP entries). */
export function inputFromBytes(
  bytes: Uint8Array,
  meta: { name: string; sha256: string; mediaType: string; limits: Limits; entry?: string; dateOrder?: 'day-first' | 'month-first' },
): EvidenceInput {
  return {
    ...meta,
    size: bytes.byteLength,
    head: bytes.subarray(0, 64 * 1024),
    bytes: () => Promise.resolve(bytes),
    chunks: async function* () {
      for (let offset = 0; offset < bytes.byteLength; offset += 1024 * 1024) yield bytes.subarray(offset, offset + 1024 * 1024);
    },
  };
}

/** Collects an adapter's documents into an array (tests and small inputs). */
export async function collectDocuments(documents: AsyncIterable<SozDocument>): Promise<SozDocument[]> {
  const all: SozDocument[] = [];
  for await (const doc of documents) all.push(doc);
  return all;
}
