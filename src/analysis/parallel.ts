/**
 * The analyses on several cores (issue 17): documents are dealt to worker threads, each running
 * every analysis over the documents it is given (`worker.ts`); at the end the calling thread merges
 * their aggregates in the order of the threads and finishes. Merging is exact and `finish` puts
 * every result in reading order, so the results are the bytes of one run over every document
 * (`merge.test.ts`), whatever the number of threads and however they are scheduled.
 *
 * Dealing is deterministic: each document goes to the thread dealt the fewest characters so far
 * (the first such thread on a tie), so even the one result that depends on grouping — an n-gram
 * table pruned past `NGRAM_CAP` — does not depend on timing. Each thread has at most two
 * documents in flight (one analysed, one queued), so memory holds a few documents and the
 * aggregates, not the case. When the run hands out each document's indicator findings
 * (`onDocumentFindings`), they come back with the thread's answer and are handed out in the order
 * the documents were dealt, as in one thread; so do their language overviews (`onDocumentOverview`).
 *
 * A document may come as its file's bytes (`DocumentParcel`): a thread decodes it, so the calling
 * thread never builds the segments only to clone them into a message; such documents need a
 * thread module that reads files (`pipeline/analyze-thread.ts`, given as `threadModule`).
 *
 * The worker is the compiled `analysis-thread.js` beside this file (soz run from `dist/`); run
 * from the TypeScript sources (tests), its `.ts` is started through `scripts/ts-worker.mjs`.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { WorkerOptions } from 'node:worker_threads';
import { Worker } from 'node:worker_threads';
import type { AnalysisResult } from '../core/analysis-result.js';
import type { SozDocument } from '../core/document.js';
import { ExitCode, messageOf, UserError } from '../core/errors.js';
import type { AnalysisWorkerLimits } from './heap-limit.js';
import { ANALYSIS_MEMORY_LIMIT, DEFAULT_ANALYSIS_HEAP_MB } from './heap-limit.js';
import type { AnalysisOptions, RunState } from './registry.js';
import { startAnalyses } from './registry.js';
import type { AnalysisWorkerData, DocumentParcel, FromAnalysisWorker, ToAnalysisWorker } from './worker.js';

/** A run of the analyses that takes documents one at a time, possibly on other threads. */
export interface ParallelAnalysisRun {
  /** Threads that analyse (1: the calling thread itself). */
  readonly workers: number;
  /** Deals one document (or its file); resolves when it is on its way (its thread had room for it). */
  add(doc: SozDocument | DocumentParcel): Promise<void>;
  /** Merges the threads' aggregates in thread order and gives the results (see `AnalysisRun.finish`). */
  finish(): Promise<AnalysisResult[]>;
  /** Stops the worker threads; call it always, after `finish` or a failure. */
  close(): Promise<void>;
}


const COMPILED_WORKER = new URL('./analysis-thread.js', import.meta.url);
/** Documents sent to a thread and not yet analysed, at most. */
const IN_FLIGHT = 2;

/**
 * Characters a case's documents must reach together before threads start when the examiner does
 * not set `--workers` (issue 17, fixed cost). Each thread loads the modules, the lexicons and the
 * dictionaries again before it analyses anything: on two documents of 0.55 million characters
 * (1 MB each of the ru+ky bench text), two threads took 7.8–11.4 s of CPU and 27–39 s of wall
 * against 4.6–6.8 s and 14–21 s in the calling thread (3 runs each, load 17); a 0.3 MB chat with
 * a one-line file, 4.3–5.1 against 3.3–3.8 s of CPU. Below this size the calling thread analyses
 * the case alone. It is below `NGRAM_CAP`: a text has no more n-grams of a size than characters,
 * so no n-gram table of such a case is pruned and its bytes cannot depend on the grouping
 * (`smallCaseNeverPruned` in parallel.test.ts); past it, the documents are dealt as before, from the first.
 */
export const THREADS_FROM_CHARACTERS = 1_000_000;

/**
 * How many threads analyse when the examiner does not say (`--workers`): one per core, at most
 * two, when soz runs compiled; one (the calling thread) from the TypeScript sources, where a
 * worker must be transpiled at start-up.
 */
export function defaultAnalysisWorkers(): number {
  return existsSync(fileURLToPath(COMPILED_WORKER)) ? Math.min(2, availableParallelism()) : 1;
}

/**
 * Starts the analyses on `workers` threads (1 or less: in the calling thread, as `startAnalyses`).
 * The threads start once at least two documents holding `threadsFromCharacters` characters
 * together have come (0: with the second document); until then the documents wait, and if no more
 * come, the calling thread analyses them, with the bytes one thread gives. `threadModule` is the
 * compiled module each thread runs (one that reads files when parcels are added).
 */
export function startParallelAnalyses(options: AnalysisOptions, workers: number, limits: AnalysisWorkerLimits = {}, threadsFromCharacters = 0, threadModule: URL = COMPILED_WORKER): ParallelAnalysisRun {
  const main = startAnalyses(options);
  if (workers <= 1) {
    return { workers: 1, add: (doc) => Promise.resolve(main.add(opened(doc))), finish: () => Promise.resolve(main.finish()), close: () => Promise.resolve() };
  }
  // Functions cannot be cloned: progress is told by the calling thread when it finishes, findings
  // come back with each document's answer.
  const data: AnalysisWorkerData = {
    options: { ...options, onProgress: undefined, onDocumentFindings: undefined, onDocumentOverview: undefined },
    findingsBack: options.onDocumentFindings !== undefined,
    overviewsBack: options.onDocumentOverview !== undefined,
  };
  const handOut = inDealingOrder(options);
  // The threads start with the second document, and only once the documents hold
  // `threadsFromCharacters`: a case of one document, or a small one, is analysed in the calling
  // thread, as with one worker (the same bytes), without paying for threads that load every module
  // and the dictionaries again only to wait (a third of the CPU of a small case). The documents
  // held until then are dealt in their order when the threads start, as they would have been.
  let threads: AnalysisThread[] = [];
  const held: (SozDocument | DocumentParcel)[] = [];
  let heldCharacters = 0;
  let dealt = 0;
  const deal = (doc: SozDocument | DocumentParcel) => (threads.reduce((least, next) => (next.characters < least.characters ? next : least)) as AnalysisThread).send(doc, dealt++);
  const close = () => Promise.all(threads.map((thread) => thread.close())).then(() => undefined);
  return {
    workers,
    async add(doc) {
      if (threads.length > 0) return deal(doc);
      held.push(doc);
      heldCharacters += charactersOf(doc);
      if (held.length < 2 || heldCharacters < threadsFromCharacters) return;
      threads = Array.from({ length: workers }, () => new AnalysisThread(threadModule, data, limits, handOut.answered));
      for (const waiting of held.splice(0)) await deal(waiting);
    },
    async finish() {
      for (const waiting of held.splice(0)) main.add(opened(waiting));
      for (const thread of threads) thread.requestState();
      for (const thread of threads) main.merge(await thread.state());
      await close();
      return main.finish();
    },
    close,
  };
}

const isParcel = (doc: SozDocument | DocumentParcel): doc is DocumentParcel => 'file' in doc;
const charactersOf = (doc: SozDocument | DocumentParcel): number => (isParcel(doc) ? doc.characters : doc.text.length);
/** The document itself, a parcel decoded in the calling thread. */
const opened = (doc: SozDocument | DocumentParcel): SozDocument => (isParcel(doc) ? doc.open() : doc);

/** What a thread hands back of one document: its indicator findings and language overview (when the run hands them out). */
type DocumentAnswer = Omit<Extract<FromAnalysisWorker, { kind: 'added' }>, 'kind'>;

/**
 * Hands each document's findings to `onDocumentFindings` and its overview to `onDocumentOverview`
 * in dealing order: an answer that comes before those of documents dealt earlier waits for them
 * (at most the documents in flight).
 */
function inDealingOrder({ onDocumentFindings, onDocumentOverview }: AnalysisOptions): { answered(seq: number, answer: DocumentAnswer): void } {
  const early = new Map<number, DocumentAnswer>();
  let next = 0;
  return {
    answered(seq, answer) {
      early.set(seq, answer);
      for (let ready = early.get(next); ready !== undefined; ready = early.get(next)) {
        early.delete(next++);
        if (onDocumentFindings) onDocumentFindings(ready.findings);
        if (onDocumentOverview) ready.overviews.forEach((overview) => onDocumentOverview(overview));
      }
    },
  };
}

/**
 * How to start the worker whose compiled module is `compiled` (`….js` beside the caller in
 * `dist/`): that module, or, run from the TypeScript sources, its `.ts` through `scripts/ts-worker.mjs`
 * (the `workerData` to merge into the thread's own).
 */
export function workerStart(compiled: URL): { url: URL; options: WorkerOptions } {
  if (existsSync(fileURLToPath(compiled))) return { url: compiled, options: {} };
  const source = new URL(compiled.href.replace(/\.js$/, '.ts'));
  return { url: new URL('../../scripts/ts-worker.mjs', import.meta.url), options: { workerData: { sourceWorker: source.href } } };
}

/**
 * Young generation of one analysis thread (MiB). Nearly everything a thread allocates (a part's
 * tokens, keys, candidate views) dies before the part is done; in V8's default young generation
 * (16 MiB semi-spaces at most) much of it is copied, promoted and collected again by a full
 * collection. The old-generation limit and the growing factor are unchanged.
 */
const ANALYSIS_YOUNG_MB = 96;

/** One worker thread, the documents in flight to it, and its failure once it has failed. */
class AnalysisThread {
  /** Characters dealt to it so far (the dealing key). */
  characters = 0;
  private readonly worker: Worker;
  /** Its old-generation heap limit, MiB (named in the error when it is reached). */
  private readonly heapMb: number;
  /** The documents sent and not yet analysed (dealing number, evidence name), oldest first. */
  private readonly inFlight: { readonly seq: number; readonly name: string }[] = [];
  private received: RunState | undefined;
  private failure: UserError | undefined;
  private wake: (() => void) | undefined;

  constructor(module: URL, data: AnalysisWorkerData, limits: AnalysisWorkerLimits, answered: (seq: number, answer: DocumentAnswer) => void) {
    const { url, options } = workerStart(module);
    const workerData = { ...(options.workerData as object | undefined), ...data };
    this.heapMb = limits.heapMb ?? DEFAULT_ANALYSIS_HEAP_MB;
    this.worker = new Worker(url, { workerData, resourceLimits: { maxOldGenerationSizeMb: this.heapMb, maxYoungGenerationSizeMb: ANALYSIS_YOUNG_MB } });
    this.worker.on('message', (message: FromAnalysisWorker) => {
      if (message.kind === 'added') answered((this.inFlight.shift() as { seq: number }).seq, message);
      else this.received = message.state;
      this.poke();
    });
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => {
      if (this.received === undefined) this.fail(new Error(`the thread stopped (exit code ${code})`));
    });
  }

  async send(doc: SozDocument | DocumentParcel, seq: number): Promise<void> {
    await this.until(() => this.inFlight.length < IN_FLIGHT);
    this.inFlight.push({ seq, name: doc.evidenceName });
    this.characters += charactersOf(doc);
    this.worker.postMessage((isParcel(doc) ? { kind: 'add-file', file: doc.file } : { kind: 'add', doc }) satisfies ToAnalysisWorker);
  }

  requestState(): void {
    this.worker.postMessage({ kind: 'finish' } satisfies ToAnalysisWorker);
  }

  async state(): Promise<RunState> {
    await this.until(() => this.received !== undefined);
    return this.received as RunState;
  }

  close(): Promise<number> {
    return this.worker.terminate();
  }

  /** Resolves once `ready()` holds, rejects once the thread has failed. */
  private until(ready: () => boolean): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (this.failure) reject(this.failure);
        else if (ready()) resolve();
        else this.wake = check;
      };
      check();
    });
  }

  private poke(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  /** One line naming the file being analysed when the thread failed (the first document in flight). */
  private fail(error: unknown): void {
    if (this.failure) return;
    const file = this.inFlight[0]?.name ?? 'the analyses';
    if ((error as { code?: unknown } | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY') {
      const mb = this.heapMb;
      this.failure = new UserError(`${file}: an analysis thread reached its memory limit of ${mb} MB (--max-heap-mb); the case is unchanged — run again with a larger --max-heap-mb`, ANALYSIS_MEMORY_LIMIT, ExitCode.userError, { key: 'analyze.worker-memory', params: { file, mb } });
    } else {
      const reason = messageOf(error).replace(/\s+/g, ' ');
      this.failure = new UserError(`${file}: an analysis worker thread failed: ${reason}; the case is unchanged — run again with --workers 1`, 'analysis.worker-failed', ExitCode.userError, { key: 'analyze.worker-failed', params: { file, reason } });
    }
    this.poke();
  }
}
