/**
 * Reads PDFs in worker threads with a deadline and a heap limit. pdf.js works synchronously for
 * long stretches on a damaged file (6 s on one 29 KB file found by fuzzing) and cannot be
 * interrupted in the thread that runs it; a worker can be terminated. Workers are kept for the
 * next file and hold the process open only while a file is being read.
 *
 * The worker is the compiled `worker.js` beside this file (soz run from `dist/`); run from the
 * TypeScript sources (tests), `worker.ts` is started through `scripts/ts-worker.mjs`.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { WorkerOptions } from 'node:worker_threads';
import { Worker } from 'node:worker_threads';
import { InternalError, UserError, messageOf } from '../../core/errors.js';
import type { PdfContent } from './content.js';
import type { PageLayout } from './page-layout.js';
import type { FromPdfWorker, PdfJob } from './worker.js';

/** How long and with how much heap one PDF may be read. */
export interface PdfReadLimits {
  /** Seconds of reading (`Limits.maxPdfSeconds`). */
  readonly seconds: number;
  /** Old-generation heap of the reading thread, MiB (`Limits.maxPdfMemoryMb`). */
  readonly memoryMb: number;
}

/** A failure pdf.js reported, by its error name (`PasswordException`, `InvalidPDFException`…). */
export class PdfReadFailure extends Error {
  constructor(
    readonly kind: string,
    message: string,
  ) {
    super(message);
  }
}

interface PdfThread {
  readonly worker: Worker;
  readonly memoryMb: number;
  readonly ready: Promise<void>;
  /** Receives the next message or failure of the thread; set while a job runs. */
  settle?: (outcome: { message: FromPdfWorker } | { error: unknown }) => void;
}

const idle: PdfThread[] = [];

function workerStart(): { url: URL; options: WorkerOptions } {
  const compiled = new URL('./worker.js', import.meta.url);
  if (existsSync(fileURLToPath(compiled))) return { url: compiled, options: {} };
  const source = new URL('./worker.ts', import.meta.url);
  return { url: new URL('../../../scripts/ts-worker.mjs', import.meta.url), options: { workerData: { sourceWorker: source.href } } };
}

function startThread(memoryMb: number): PdfThread {
  const { url, options } = workerStart();
  const worker = new Worker(url, { ...options, resourceLimits: { maxOldGenerationSizeMb: memoryMb } });
  let resolveReady: () => void = () => undefined;
  let rejectReady: (error: unknown) => void = () => undefined;
  const ready = new Promise<void>((resolve, reject) => {
    resolveReady = resolve;
    rejectReady = reject;
  });
  // Awaited by the job that started the thread; a later failure must not count as unhandled.
  ready.catch(() => undefined);
  const thread: PdfThread = { worker, memoryMb, ready };
  worker.on('message', (message: FromPdfWorker) => {
    if (message.kind === 'ready') resolveReady();
    else thread.settle?.({ message });
  });
  const fail = (error: unknown) => {
    rejectReady(error);
    thread.settle?.({ error });
    const at = idle.indexOf(thread);
    if (at >= 0) idle.splice(at, 1);
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new InternalError(`the PDF worker thread stopped (exit code ${code})`)));
  return thread;
}

/**
 * Reads one PDF in a worker thread. A deadline or heap limit reached is a `UserError` naming the
 * limit and its flag; pdf.js's own failures come back as `PdfReadFailure`. `bytes` is copied,
 * never transferred: it may be the evidence itself.
 */
export async function readPdfInWorker(bytes: Uint8Array, name: string, limits: PdfReadLimits): Promise<PdfContent> {
  const message = await runJob(bytes, undefined, name, limits);
  if (message.kind !== 'content') throw new InternalError('the PDF worker thread answered out of turn');
  return message.content;
}

/**
 * The layout of one page (1-based) of a PDF, read in a worker thread under the same limits and
 * with the same failures as `readPdfInWorker` (a page the file lacks is a `PdfReadFailure`).
 */
export async function readPageLayoutInWorker(bytes: Uint8Array, page: number, name: string, limits: PdfReadLimits): Promise<PageLayout> {
  const message = await runJob(bytes, page, name, limits);
  if (message.kind !== 'layout') throw new InternalError('the PDF worker thread answered out of turn');
  return message.layout;
}

/** Runs one job on an idle thread (or a new one) and returns its answer; pdf.js's failures are thrown. */
async function runJob(bytes: Uint8Array, layoutPage: number | undefined, name: string, limits: PdfReadLimits): Promise<Exclude<FromPdfWorker, { kind: 'ready' | 'failed' }>> {
  const at = idle.findIndex((t) => t.memoryMb === limits.memoryMb);
  const thread = at >= 0 ? (idle.splice(at, 1)[0] as PdfThread) : startThread(limits.memoryMb);
  thread.worker.ref();
  await thread.ready.catch((error: unknown) => {
    const failure = threadFailure(error, name, limits);
    // Before any file was given, only the heap limit is the file's concern; anything else is soz's.
    throw failure instanceof UserError ? failure : new InternalError(`the PDF worker thread did not start: ${failure.message}`);
  });
  const copy = bytes.slice();
  const outcome = await new Promise<{ message: FromPdfWorker } | { error: unknown } | 'deadline'>((resolve) => {
    const timer = setTimeout(() => resolve('deadline'), limits.seconds * 1000);
    thread.settle = (result) => {
      clearTimeout(timer);
      resolve(result);
    };
    thread.worker.postMessage({ bytes: copy, ...(layoutPage !== undefined ? { layoutPage } : {}) } satisfies PdfJob, [copy.buffer as ArrayBuffer]);
  });
  delete thread.settle;
  if (outcome === 'deadline') {
    await thread.worker.terminate();
    throw new UserError(`${name}: reading the PDF took longer than ${limits.seconds} s; if the file is genuine, raise the limit with --max-pdf-seconds`, 'limit.pdf-seconds', undefined, { key: 'error.limit.pdf-seconds', params: { name, limit: limits.seconds } });
  }
  if ('error' in outcome) throw threadFailure(outcome.error, name, limits);
  thread.worker.unref();
  idle.push(thread);
  if (outcome.message.kind === 'failed') throw new PdfReadFailure(outcome.message.name, outcome.message.message);
  if (outcome.message.kind === 'ready') throw new InternalError('the PDF worker thread answered out of turn');
  return outcome.message;
}

/**
 * Why a thread stopped: its heap limit (a `UserError` naming the flag), a soz bug (`InternalError`),
 * or an exception pdf.js left uncaught — for the file, one more way of being unreadable.
 */
function threadFailure(error: unknown, name: string, limits: PdfReadLimits): Error {
  if (error instanceof InternalError) return error;
  if ((error as { code?: unknown } | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return new UserError(`${name}: reading the PDF needed more than ${limits.memoryMb} MiB of memory; if the file is genuine, raise the limit with --max-pdf-memory-mb`, 'limit.pdf-memory', undefined, { key: 'error.limit.pdf-memory', params: { name, limit: limits.memoryMb } });
  }
  return new PdfReadFailure(error instanceof Error ? error.name : '', messageOf(error));
}
