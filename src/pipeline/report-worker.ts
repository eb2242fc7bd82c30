/**
 * The report thread (see `stageInThread` in `report.ts`): renders and stages the conclusion of the
 * case at `dir` in every requested format, as `stageReports` does in the calling thread, and hands
 * back what the commit needs. The calling thread holds the case lock throughout and commits; this
 * thread reads the case and writes only staged files and its kept lists. It exists for its heap: a
 * young generation large enough that what one document's candidates and excerpts allocate dies
 * young (README, "The report stage, sixth round").
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ProgressStep } from '../core/progress.js';
import { CaseWorkspace } from '../case/workspace.js';
import type { RenderRequest, StagedConclusion } from './report.js';
import { stageReports } from './report.js';

/** What the calling thread gives: the case folder and the request without its progress listener. */
export interface ReportWorkerData {
  readonly dir: string;
  readonly request: Omit<RenderRequest, 'onProgress'>;
}

/** An error as it crosses back: enough to raise the same `UserError`, `InternalError` or system error. */
export interface ThreadError {
  readonly name: string;
  readonly message: string;
  readonly stack?: string;
  readonly code?: string;
  readonly path?: string;
  readonly exitCode?: number;
  readonly localised?: unknown;
}

/** What the thread sends: progress steps, then the staged conclusion or the error that stopped it. */
export type FromReportWorker =
  | { readonly kind: 'progress'; readonly step: ProgressStep }
  | { readonly kind: 'staged'; readonly conclusion: StagedConclusion }
  | { readonly kind: 'failed'; readonly error: ThreadError };

/** The members of an error that say what it was (structured clone keeps only name, message and stack). */
function threadError(error: unknown): ThreadError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const fields = error as Error & { code?: unknown; path?: unknown; exitCode?: unknown; localised?: unknown };
  return {
    name: error.name,
    message: error.message,
    ...(error.stack !== undefined ? { stack: error.stack } : {}),
    ...(typeof fields.code === 'string' ? { code: fields.code } : {}),
    ...(typeof fields.path === 'string' ? { path: fields.path } : {}),
    ...(typeof fields.exitCode === 'number' ? { exitCode: fields.exitCode } : {}),
    ...(fields.localised !== undefined ? { localised: fields.localised } : {}),
  };
}

const port = parentPort;
if (port !== null) {
  const { dir, request } = workerData as ReportWorkerData;
  const send = (message: FromReportWorker) => port.postMessage(message);
  Promise.resolve()
    .then(() => stageReports(CaseWorkspace.open(dir), { ...request, onProgress: (step) => send({ kind: 'progress', step }) }))
    .then((conclusion) => send({ kind: 'staged', conclusion }))
    .catch((error: unknown) => send({ kind: 'failed', error: threadError(error) }))
    .finally(() => port.close());
}
