/**
 * Runs `parseBatch` in worker threads when the compiled worker file exists (running from
 * `dist/`), otherwise in the calling thread (tests run the TypeScript sources, where there is no
 * `worker.js`). Results come back in submission order.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { BatchJob, BatchResult } from './parse-batch.js';
import { parseBatch } from './parse-batch.js';

/** Parses batches; `submit` returns the result promise, `close` stops the workers. */
export interface BatchParser {
  /** How many threads parse (0 = in the calling thread). */
  readonly threads: number;
  submit(job: BatchJob): Promise<BatchResult>;
  close(): Promise<void>;
}

/**
 * A parser with `threads` workers (default: one per available core), or in-thread when
 * `threads` is 0 or the worker file is missing.
 */
export function createBatchParser(threads?: number): BatchParser {
  const wanted = threads ?? availableParallelism();
  const url = new URL('./worker.js', import.meta.url);
  if (wanted <= 0 || url.protocol !== 'file:' || !existsSync(fileURLToPath(url))) return inThread();
  return new WorkerParser(url, wanted);
}

function inThread(): BatchParser {
  return {
    threads: 0,
    submit: (job) => Promise.resolve(parseBatch(job)),
    close: () => Promise.resolve(),
  };
}

interface Pending {
  resolve(result: BatchResult): void;
  reject(error: unknown): void;
}

class WorkerParser implements BatchParser {
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<number, Pending>();
  private seq = 0;
  private failure: unknown = null;

  constructor(
    url: URL,
    readonly threads: number,
  ) {
    for (let i = 0; i < threads; i++) {
      const worker = new Worker(url);
      worker.on('message', (message: { seq: number; result: BatchResult }) => {
        const waiting = this.pending.get(message.seq);
        this.pending.delete(message.seq);
        waiting?.resolve(message.result);
      });
      worker.on('error', (error) => this.fail(error));
      worker.unref();
      this.workers.push(worker);
    }
  }

  submit(job: BatchJob): Promise<BatchResult> {
    if (this.failure !== null) return Promise.reject(this.failure);
    const seq = this.seq++;
    const worker = this.workers[seq % this.workers.length] as Worker;
    return new Promise<BatchResult>((resolve, reject) => {
      this.pending.set(seq, { resolve, reject });
      // The bytes are a copy made by the scanner: transfer instead of cloning them again.
      worker.postMessage({ seq, job }, [job.bytes.buffer as ArrayBuffer]);
    });
  }

  private fail(error: unknown): void {
    this.failure = error;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}
