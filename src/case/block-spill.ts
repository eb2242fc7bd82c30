/**
 * Text of a run spilled to a temporary file in blocks, one per document, each with a sort key
 * (issue 17): what an analysis produces per document goes to disk as the document is analysed, and
 * is read back in reading order at the end, one block at a time. Memory holds each block's key and
 * place, not its text.
 */
import { closeSync, mkdirSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { InternalError } from '../core/errors.js';

interface Block<Key> {
  readonly key: Key;
  readonly offset: number;
  readonly length: number;
}

/** A spill file being written (`add`), then read back (`texts`, any number of times), then removed. */
export class BlockSpill<Key> {
  private readonly fd: number;
  private readonly blocks: Block<Key>[] = [];
  private size = 0;

  /** Opens a new spill file at `path` (its folder is made; a file left there is replaced). */
  constructor(private readonly path: string) {
    mkdirSync(dirname(path), { recursive: true });
    this.fd = openSync(path, 'w+');
  }

  /** Appends one block; `key` is kept in memory as given (give a copy of what must not outlive its document). */
  add(key: Key, text: string): void {
    const bytes = Buffer.from(text, 'utf8');
    for (let written = 0; written < bytes.length; ) written += writeSync(this.fd, bytes, written, bytes.length - written, this.size + written);
    this.blocks.push({ key, offset: this.size, length: bytes.length });
    this.size += bytes.length;
  }

  /** Every block's text, ordered by `compare` on their keys (blocks of equal keys in the order added). */
  *texts(compare: (a: Key, b: Key) => number): Generator<string> {
    for (const block of this.keyed(compare)) yield block.text;
  }

  /** Every block's bytes (its text as UTF-8, as written), ordered as `texts` gives them: copied on, not decoded. */
  *bytes(compare: (a: Key, b: Key) => number): Generator<Uint8Array> {
    for (const block of this.ordered(compare)) yield this.read(block);
  }

  /** The keys of the blocks, ordered as `texts` and `keyed` give them. */
  keys(compare: (a: Key, b: Key) => number): Key[] {
    return this.ordered(compare).map((block) => block.key);
  }

  /** Every block's key and text, ordered as `texts` gives them. */
  *keyed(compare: (a: Key, b: Key) => number): Generator<{ readonly key: Key; readonly text: string }> {
    for (const block of this.ordered(compare)) yield { key: block.key, text: this.read(block).toString('utf8') };
  }

  private read(block: Block<Key>): Buffer {
    const bytes = Buffer.alloc(block.length);
    for (let read = 0; read < block.length; ) {
      const got = readSync(this.fd, bytes, read, block.length - read, block.offset + read);
      if (got === 0) throw new InternalError(`${this.path}: the spill file ends early`);
      read += got;
    }
    return bytes;
  }

  private ordered(compare: (a: Key, b: Key) => number): Block<Key>[] {
    return [...this.blocks].sort((a, b) => compare(a.key, b.key));
  }

  /** Closes and removes the spill file. */
  remove(): void {
    closeSync(this.fd);
    rmSync(this.path, { force: true });
  }
}
