/**
 * The loop of a Telegram part thread: builds document parts off the main thread (`pool.ts`).
 * Given `encode` (the case folder's document file encoder, from `pipeline/telegram-thread.ts`),
 * it also encodes each document it built and hashes the bytes, so `soz add`'s main thread only
 * writes them (issue 17: it encoded every kept document while these threads waited).
 */
import { parentPort } from 'node:worker_threads';
import type { SozDocument } from '../../core/document.js';
import { sha256 } from '../../core/hash.js';
import type { MadeDocumentFile } from '../../core/made-document-file.js';
import { PartBuilder } from './parse-batch.js';
import { transferList, unpackPart } from './part-transfer.js';
import type { FromWorker, ToWorker } from './pool.js';

/** Serves the parts the main thread streams to this thread; with `encode`, each built document's file comes with it. */
export function serveParts(encode?: (doc: SozDocument) => Uint8Array): void {
  const parts = new Map<number, PartBuilder>();
  parentPort?.on('message', (message: ToWorker) => {
    if (message.t === 0) parts.set(message.seq, new PartBuilder(message.header));
    else if (message.t === 1) parts.get(message.seq)?.add(message.job);
    else {
      const builder = parts.get(message.seq) as PartBuilder;
      parts.delete(message.seq);
      const result = builder.finish(message.end);
      // Unpacked here as the main thread unpacks it (the same document), before its memory moves.
      const file = result.ok && encode ? madeFile(encode(unpackPart(result).doc)) : undefined;
      const transfer = result.ok ? [...transferList(result), ...(file ? [file.bytes.buffer as ArrayBuffer] : [])] : [];
      parentPort?.postMessage({ seq: message.seq, result, ...(file ? { file } : {}) } satisfies FromWorker, transfer);
    }
  });
}

/** The bytes in memory of their own (a small Buffer may share a pool, which must not move) and their hash. */
function madeFile(encoded: Uint8Array): MadeDocumentFile {
  const whole = encoded.byteOffset === 0 && encoded.byteLength === encoded.buffer.byteLength;
  // A copy (a Buffer's `slice` would be a view of the pool).
  const bytes = whole ? encoded : new Uint8Array(encoded);
  return { bytes, sha256: sha256(bytes) };
}
