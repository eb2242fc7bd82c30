/**
 * Lists kept on disk while a command renders them several times: the report's unreviewed
 * candidates and source excerpts are made once (reading every finding and every document that
 * holds one), written as they are made, one JSON line per chunk, to a scratch folder outside the
 * case, and read back chunk by chunk for every later pass (each format, the model digest). Memory
 * holds one chunk at a time. The folder is removed by `close`; one that a killed report left is
 * removed by the next soz that makes such a folder (`temp-folder.ts`).
 */
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempFolder, removeTempFolder } from './temp-folder.js';

/** Bytes read from a spill file at a time. */
const READ_CHUNK = 1 << 20;

/** A scratch folder of kept lists; `close` removes it. */
export class ListSpill {
  private readonly dir = makeTempFolder('soz-report-lists-');
  private files = 0;

  /**
   * Writes every chunk of `chunks` (consumed now, one at a time) to a file of its own and returns
   * the list, read back from that file afresh on each call. The chunks must survive
   * `JSON.stringify`/`JSON.parse` unchanged (plain data: no `undefined`, no class instances).
   */
  keep<T>(chunks: Iterable<readonly T[]>): () => Iterable<readonly T[]> {
    this.files += 1;
    const path = join(this.dir, `list-${this.files}.ndjson`);
    const fd = openSync(path, 'w');
    try {
      for (const chunk of chunks) writeAll(fd, Buffer.from(`${JSON.stringify(chunk)}\n`, 'utf8'));
    } finally {
      closeSync(fd);
    }
    return () => readLines(path) as Iterable<readonly T[]>;
  }

  /** Removes the scratch folder and everything kept in it. */
  close(): void {
    removeTempFolder(this.dir);
  }
}

function writeAll(fd: number, bytes: Buffer): void {
  let written = 0;
  while (written < bytes.byteLength) written += writeSync(fd, bytes, written, bytes.byteLength - written);
}

/** Each line of a file, parsed, read a piece at a time. */
function* readLines(path: string): Generator<unknown> {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(READ_CHUNK);
    let pending: Buffer[] = [];
    for (let read = readSync(fd, buffer, 0, READ_CHUNK, null); read > 0; read = readSync(fd, buffer, 0, READ_CHUNK, null)) {
      let start = 0;
      for (let end = buffer.indexOf(10, start); end !== -1 && end < read; end = buffer.indexOf(10, start)) {
        pending.push(buffer.subarray(start, end));
        const line = Buffer.concat(pending).toString('utf8');
        pending = [];
        start = end + 1;
        yield JSON.parse(line);
      }
      if (start < read) pending.push(Buffer.from(buffer.subarray(start, read)));
    }
  } finally {
    closeSync(fd);
  }
}
