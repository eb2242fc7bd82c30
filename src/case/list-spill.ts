/**
 * Lists kept on disk while a command renders them several times: the report's unreviewed
 * candidates and source excerpts are made once (reading every finding and every document that
 * holds one), written as they are made, one canonical JSON line per chunk, and read back chunk by
 * chunk for every later pass (each format); the model digest hashes those lines as they are, never
 * parsing them again. The DOCX body's compressed bytes wait here too until their size is known.
 * Memory holds one chunk at a time.
 *
 * They hold evidence text, so they live inside the case, never in the system's temporary folder:
 * in a folder named as a temporary of a write in progress (`.report-lists.tmp-<pid>-<n>`, see
 * `atomic.ts`), which every reader of the case skips (`listCaseFiles`). `close` removes it; a
 * folder a killed report left is moved to `quarantine/` by the next writing command's recovery,
 * as every temporary of a process that is gone.
 */
import { closeSync, mkdirSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { JsonShape } from '../core/canonical-json.js';
import { canonicalJson, canonicalJsonShapedItems } from '../core/canonical-json.js';
import { holdTemporary, tempSibling } from './atomic.js';
import { crashPoint } from './crash-points.js';

/** Bytes read from a spill file at a time. */
const READ_CHUNK = 1 << 20;

const LINE_BREAK = Buffer.from('\n');

/** A list kept on disk, read back afresh on every call. */
export interface KeptList<T> {
  /** The chunks, parsed. */
  readonly chunks: () => Iterable<readonly T[]>;
  /** Each chunk's canonical JSON (an array) as it was written, unparsed; valid until the next one is taken. */
  readonly canonicalChunks: () => Iterable<Uint8Array>;
  /** The text made of the chunks as they were kept (see {@link ChunkText}), UTF-8, a piece at a time; only where one was asked for. */
  readonly text?: () => Iterable<Uint8Array>;
}

/**
 * Text made of each chunk of a list as it is kept (a format's rendering of it: the Markdown of the
 * report's lists), written to a file beside the list, so the render reads bytes back instead of
 * parsing the list again; `end` gives what the last chunk's text held back.
 */
export interface ChunkText<T> {
  chunk(items: readonly T[]): string;
  end(): string;
}

/**
 * The crash-test point reached each time a list is on disk (`SOZ_CRASH_AT=report.lists/staged`):
 * the report commits only after its spill is removed, so no commit step finds one there.
 */
const LISTS_ON_DISK = 'report.lists';

/** A scratch folder of kept lists inside a case; `close` removes it. */
export class ListSpill {
  private readonly dir: string;
  private readonly release: () => void;
  private files = 0;

  /** Makes the scratch folder in the case folder `caseDir` (the command holds the case lock). */
  constructor(caseDir: string) {
    this.dir = tempSibling(join(caseDir, 'report-lists'));
    mkdirSync(this.dir);
    // This process's own recovery (a later command of the desk) must not take it for a leftover.
    this.release = holdTemporary(this.dir);
  }

  /**
   * Writes every chunk of `chunks` (consumed now, one at a time) to a file of its own, as
   * canonical JSON, and returns the list, read back from that file afresh on each call. The chunks
   * must survive canonical JSON and `JSON.parse` unchanged but for the order of object keys (plain
   * data: no `undefined`, no class instances). With `itemShape`, the items' declared shape, each
   * is written by `canonicalJsonShaped` (the same bytes, faster).
   */
  keep<T>(chunks: Iterable<readonly T[]>, itemShape?: JsonShape): KeptList<T> {
    const files = this.reserve(false);
    const file = listWriter<T>(files, itemShape);
    try {
      for (const chunk of chunks) file.add(chunk);
    } finally {
      file.close();
    }
    crashPoint(LISTS_ON_DISK, 'staged');
    return this.kept<T>(files);
  }

  /**
   * Two lists made together, chunk beside chunk (a list and what is made from each of its chunks),
   * each kept as {@link keep} keeps one, in one pass over `pairs`; with `texts`, each list's text
   * is made and kept beside it in the same pass.
   */
  keepPairs<A, B>(pairs: Iterable<readonly [readonly A[], readonly B[]]>, shapes: readonly [JsonShape, JsonShape], texts?: readonly [ChunkText<A>, ChunkText<B>]): [KeptList<A>, KeptList<B>] {
    const files = [this.reserve(texts !== undefined), this.reserve(texts !== undefined)] as const;
    keepPairsIn(files, pairs, shapes, texts);
    return [this.kept<A>(files[0]), this.kept<B>(files[1])];
  }

  /**
   * The names of a list's files in this spill, for {@link keepPairsIn} to write (in this thread or
   * another: the report's list threads write their parts of the lists into the one spill).
   */
  reserve(withText: boolean): ListFiles {
    return { list: this.nextFile('list', 'ndjson'), ...(withText ? { text: this.nextFile('text', 'txt') } : {}) };
  }

  /** The list written to `files` ({@link keepPairsIn}), read back afresh on each call. */
  kept<T>(files: ListFiles): KeptList<T> {
    const { list, text } = files;
    return { chunks: () => parsedLines(list) as Iterable<readonly T[]>, canonicalChunks: () => lineBytes(list), ...(text !== undefined ? { text: () => pieces(text, false) } : {}) };
  }

  /**
   * A file of bytes written in order and then read back once, a MiB at a time (a `ByteSpool` of
   * `report/zip-writer.ts`); it is removed when it has been read to the end.
   */
  spool(): { write(bytes: Uint8Array): void; read(): Iterable<Uint8Array> } {
    const path = this.nextFile('bytes', 'bin');
    const fd = openSync(path, 'w');
    return {
      write: (bytes) => writeAll(fd, bytes),
      read: () => {
        closeSync(fd);
        return pieces(path, true);
      },
    };
  }

  /** Removes the scratch folder and everything kept in it. */
  close(): void {
    rmSync(this.dir, { recursive: true, force: true });
    this.release();
  }

  private nextFile(stem: string, extension: string): string {
    this.files += 1;
    return join(this.dir, `${stem}-${this.files}.${extension}`);
  }
}

/** Where one kept list is written: its canonical JSON lines and, where asked for, its text. */
export interface ListFiles {
  readonly list: string;
  readonly text?: string;
}

/**
 * Writes two lists made together, chunk beside chunk, to the files reserved for them
 * ({@link ListSpill.reserve}): each chunk as a canonical JSON line (`shapes`: the items' declared
 * shapes) and, with `texts`, each chunk's text to the list's text file, in one pass over `pairs`.
 */
export function keepPairsIn<A, B>(files: readonly [ListFiles, ListFiles], pairs: Iterable<readonly [readonly A[], readonly B[]]>, shapes: readonly [JsonShape, JsonShape], texts?: readonly [ChunkText<A>, ChunkText<B>]): void {
  const first = listWriter<A>(files[0], shapes[0], texts?.[0]);
  const second = listWriter<B>(files[1], shapes[1], texts?.[1]);
  try {
    for (const [a, b] of pairs) {
      first.add(a);
      second.add(b);
    }
  } finally {
    first.close();
    second.close();
  }
  crashPoint(LISTS_ON_DISK, 'staged');
}

/**
 * Lists kept in parts, each part's files written on their own (the report's list threads), as one
 * list: the parts' chunks, canonical lines and texts one after the other. A part's text is given
 * in pieces of its own file, so where two parts meet two pieces meet, and the render's blank-line
 * collapse joins them (`BlankLines.bytes`): a text ends with the line breaks it held back, the next
 * begins as its first chunk began.
 */
export function joinedLists<T>(parts: readonly KeptList<T>[]): KeptList<T> {
  const texts = parts.map((part) => part.text);
  return {
    chunks: () => joined(parts.map((part) => part.chunks)),
    canonicalChunks: () => joined(parts.map((part) => part.canonicalChunks)),
    ...(texts.every((text) => text !== undefined) ? { text: () => joined(texts as (() => Iterable<Uint8Array>)[]) } : {}),
  };
}

function* joined<T>(sources: readonly (() => Iterable<T>)[]): Generator<T> {
  for (const source of sources) yield* source();
}

/** A list's files opened for writing: chunks added one by one as canonical JSON lines (and, with `text`, their text). */
function listWriter<T>(files: ListFiles, itemShape: JsonShape | undefined, text?: ChunkText<T>): { add(chunk: readonly T[]): void; close(): void } {
  const fd = openSync(files.list, 'w');
  const textFd = text && files.text !== undefined ? openSync(files.text, 'w') : undefined;
  const writeText = (value: string) => {
    if (textFd !== undefined && value !== '') writeString(textFd, value);
  };
  return {
    add: (chunk) => {
      // The line and its break written apart: appending the break would copy the whole line (a MiB or more) before it is encoded.
      writeString(fd, canonicalLine(chunk, itemShape));
      writeAll(fd, LINE_BREAK);
      if (textFd !== undefined) writeText(text!.chunk(chunk));
    },
    close: () => {
      closeSync(fd);
      if (textFd === undefined) return;
      try {
        writeText(text!.end());
      } finally {
        closeSync(textFd);
      }
    },
  };
}

/** A chunk's canonical JSON; items of a declared shape are written by one `JSON.stringify` of the chunk. */
function canonicalLine(chunk: readonly unknown[], itemShape: JsonShape | undefined): string {
  return itemShape === undefined ? canonicalJson(chunk) : canonicalJsonShapedItems(chunk, itemShape);
}

function writeAll(fd: number, bytes: Uint8Array): void {
  let written = 0;
  while (written < bytes.byteLength) written += writeSync(fd, bytes, written, bytes.byteLength - written);
}

/**
 * Writes `text` as UTF-8, encoded by the write itself: no Buffer is made for it (a Buffer of the
 * lists' MiB-long lines cost a UTF-8 length pass and the allocation on top of the encoding: 13 %
 * more CPU, measured on 3.6 MB lines of Cyrillic JSON). A short write is finished from the bytes.
 */
function writeString(fd: number, text: string): void {
  const written = writeSync(fd, text);
  if (written < Buffer.byteLength(text, 'utf8')) writeAll(fd, Buffer.from(text, 'utf8').subarray(written));
}

/** A file's bytes in fresh chunks of a MiB; with `remove`, the file is removed once read to the end. */
function* pieces(path: string, remove: boolean): Generator<Uint8Array> {
  const fd = openSync(path, 'r');
  try {
    for (;;) {
      const buffer = Buffer.alloc(READ_CHUNK);
      const read = readSync(fd, buffer, 0, READ_CHUNK, null);
      if (read === 0) break;
      yield buffer.subarray(0, read);
    }
  } finally {
    closeSync(fd);
  }
  if (remove) rmSync(path, { force: true });
}

/** Each line of a file, parsed, read a piece at a time. */
function* parsedLines(path: string): Generator<unknown> {
  for (const line of lineBytes(path)) yield JSON.parse(line.toString('utf8'));
}

/**
 * Each line of a file without its line break, read a MiB at a time; a line is a view of the read
 * buffer (copied only when it spans two reads), valid until the next line is taken.
 */
function* lineBytes(path: string): Generator<Buffer> {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(READ_CHUNK);
    let pending: Buffer[] = [];
    for (let read = readSync(fd, buffer, 0, READ_CHUNK, null); read > 0; read = readSync(fd, buffer, 0, READ_CHUNK, null)) {
      let start = 0;
      for (let end = buffer.indexOf(10, start); end !== -1 && end < read; end = buffer.indexOf(10, start)) {
        const tail = buffer.subarray(start, end);
        const line = pending.length === 0 ? tail : Buffer.concat([...pending, tail]);
        pending = [];
        start = end + 1;
        yield line;
      }
      if (start < read) pending.push(Buffer.from(buffer.subarray(start, read)));
    }
  } finally {
    closeSync(fd);
  }
}
