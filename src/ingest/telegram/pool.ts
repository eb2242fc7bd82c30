/**
 * Runs `PartBuilder`s in worker threads when the compiled worker file exists (running from
 * `dist/`), otherwise in the calling thread (tests run the TypeScript sources, where there is no
 * `worker.js`). A part lives on one thread from `begin` to `end`; its batches are streamed to it
 * as the scanner finds them, their bytes transferred, not copied.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { BatchJob, BuiltPart, PartEnd, PartFailure, PartHeader, PartResult } from './parse-batch.js';
import { PartBuilder } from './parse-batch.js';
import type { MadeDocumentFile } from '../../core/made-document-file.js';
import { rememberDocumentFile } from '../../core/made-document-file.js';
import type { PackedPart } from './part-transfer.js';
import { unpackPart } from './part-transfer.js';

/** Builds parts; `end` returns the built part, `close` stops the threads. */
export interface PartRunner {
  /** How many worker threads build parts (0 = in the calling thread). */
  readonly threads: number;
  begin(seq: number, header: PartHeader): void;
  /** Hands over a batch; its `bytes` (whole buffer) may be detached afterwards. */
  add(seq: number, job: BatchJob): void;
  end(seq: number, end: PartEnd): Promise<PartResult>;
  close(): Promise<void>;
}

/** Old-generation heap of one worker (MiB): a part in progress is far smaller; see `json-adapter.ts`. */
const WORKER_HEAP_MB = 384;
/**
 * Young generation of one worker (MiB). Nearly everything a worker allocates dies with its part,
 * and a young generation this size lets it die there instead of being copied and promoted.
 * Measured on 2 cores (`npm run bench:ingest`): 48 → 96 MiB saved ~5 % of CPU; 128 MiB saved no
 * more and pushed peak RSS towards the 512 MB target.
 */
const WORKER_YOUNG_MB = 96;

/**
 * A runner with `threads` workers (default: one per available core), or in-thread when
 * `threads` is 0 or the worker file is missing. `workerUrl` overrides the worker file (tests).
 */
export function createPartRunner(threads?: number, workerUrl?: URL): PartRunner {
  const wanted = threads ?? availableParallelism();
  const url = workerUrl ?? new URL('./worker.js', import.meta.url);
  if (wanted <= 0 || url.protocol !== 'file:' || !existsSync(fileURLToPath(url))) return new InThreadRunner();
  return new WorkerRunner(url, wanted);
}

class InThreadRunner implements PartRunner {
  readonly threads = 0;
  private readonly parts = new Map<number, PartBuilder>();

  begin(seq: number, header: PartHeader): void {
    this.parts.set(seq, new PartBuilder(header));
  }

  add(seq: number, job: BatchJob): void {
    this.parts.get(seq)?.add(job);
  }

  end(seq: number, end: PartEnd): Promise<PartResult> {
    const builder = this.parts.get(seq) as PartBuilder;
    this.parts.delete(seq);
    const result = builder.finish(end);
    return Promise.resolve(result.ok ? unpackPart(result) : result);
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

/** Messages to a worker: 0 = begin, 1 = batch, 2 = end. */
export type ToWorker = { readonly t: 0; readonly seq: number; readonly header: PartHeader } | { readonly t: 1; readonly seq: number; readonly job: BatchJob } | { readonly t: 2; readonly seq: number; readonly end: PartEnd };

/** A worker's answer: a built part travels packed (see `part-transfer.ts`), a failure as is. */
export interface FromWorker {
  readonly seq: number;
  readonly result: PackedPart | PartFailure;
  /** The built document's file, where the thread encodes (see `part-thread.ts`). */
  readonly file?: MadeDocumentFile;
}

interface Pending {
  resolve(result: PartResult): void;
  reject(error: unknown): void;
}

/** The part, its document's file (made by its thread) remembered by the document object. */
function withFile(part: BuiltPart, file: MadeDocumentFile | undefined): BuiltPart {
  if (file !== undefined) rememberDocumentFile(part.doc, file);
  return part;
}

class WorkerRunner implements PartRunner {
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<number, Pending>();
  private readonly home = new Map<number, Worker>();
  private failure: unknown = null;
  private awaited = 0;

  constructor(
    url: URL,
    readonly threads: number,
  ) {
    for (let i = 0; i < threads; i++) {
      // A capped heap makes a worker collect garbage early instead of growing towards the
      // machine's default limit; parts are bounded well below it.
      const worker = new Worker(url, { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_MB } });
      worker.on('message', (message: FromWorker) => {
        const waiting = this.pending.get(message.seq);
        this.pending.delete(message.seq);
        this.refs(-1);
        waiting?.resolve(message.result.ok ? withFile(unpackPart(message.result), message.file) : message.result);
      });
      worker.on('error', (error) => this.fail(error));
      worker.unref();
      this.workers.push(worker);
    }
  }

  begin(seq: number, header: PartHeader): void {
    const worker = this.workers[seq % this.workers.length] as Worker;
    this.home.set(seq, worker);
    worker.postMessage({ t: 0, seq, header } satisfies ToWorker);
  }

  add(seq: number, job: BatchJob): void {
    const worker = this.home.get(seq) as Worker;
    const whole = job.bytes.byteOffset === 0 && job.bytes.byteLength === job.bytes.buffer.byteLength;
    const bytes = whole ? job.bytes : job.bytes.slice();
    worker.postMessage({ t: 1, seq, job: { ...job, bytes } } satisfies ToWorker, [bytes.buffer as ArrayBuffer]);
  }

  end(seq: number, end: PartEnd): Promise<PartResult> {
    const worker = this.home.get(seq) as Worker;
    this.home.delete(seq);
    if (this.failure !== null) return Promise.reject(this.failure);
    return new Promise<PartResult>((resolve, reject) => {
      this.pending.set(seq, { resolve, reject });
      this.refs(1);
      worker.postMessage({ t: 2, seq, end } satisfies ToWorker);
    });
  }

  /**
   * Workers keep the process alive only while a result is awaited: a consumer that stops
   * iterating without closing the generator must not hang the process, but an awaited result must
   * not let it exit either.
   */
  private refs(delta: number): void {
    const before = this.awaited;
    this.awaited += delta;
    if (before === 0 && this.awaited > 0) for (const worker of this.workers) worker.ref();
    if (before > 0 && this.awaited === 0) for (const worker of this.workers) worker.unref();
  }

  private fail(error: unknown): void {
    this.failure = error;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
    this.refs(-this.awaited);
  }

  async close(): Promise<void> {
    // A terminating worker does not keep the event loop alive (Node 20, even after `ref()`): when
    // nothing else does, the process ended inside `terminate` — silently, exit code 0 — before the
    // caller's error (e.g. a limit reached) was reported. A timer holds the loop until they stop.
    const keepAlive = setInterval(() => undefined, 60_000);
    try {
      await Promise.all(this.workers.map((worker) => worker.terminate()));
    } finally {
      clearInterval(keepAlive);
    }
  }
}
