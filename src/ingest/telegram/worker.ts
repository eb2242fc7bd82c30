/**
 * Worker thread of the Telegram JSON adapter: builds document parts off the main thread. Only
 * used from compiled code (`dist/`); see `pool.ts`.
 */
import { parentPort } from 'node:worker_threads';
import { PartBuilder } from './parse-batch.js';
import { transferList } from './part-transfer.js';
import type { FromWorker, ToWorker } from './pool.js';

const parts = new Map<number, PartBuilder>();

parentPort?.on('message', (message: ToWorker) => {
  if (message.t === 0) parts.set(message.seq, new PartBuilder(message.header));
  else if (message.t === 1) parts.get(message.seq)?.add(message.job);
  else {
    const builder = parts.get(message.seq) as PartBuilder;
    parts.delete(message.seq);
    const result = builder.finish(message.end);
    parentPort?.postMessage({ seq: message.seq, result } satisfies FromWorker, result.ok ? transferList(result) : []);
  }
});
