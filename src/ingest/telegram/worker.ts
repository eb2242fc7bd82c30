/**
 * Worker thread of the Telegram JSON adapter: parses batches of message bytes off the main
 * thread. Only used from compiled code (`dist/`); see `pool.ts`.
 */
import { parentPort } from 'node:worker_threads';
import type { BatchJob } from './parse-batch.js';
import { parseBatch } from './parse-batch.js';

parentPort?.on('message', (message: { readonly seq: number; readonly job: BatchJob }) => {
  parentPort?.postMessage({ seq: message.seq, result: parseBatch(message.job) });
});
