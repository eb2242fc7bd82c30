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
import type { ThreadError } from './thread-error.js';
import { threadError } from './thread-error.js';

/** What the calling thread gives: the case folder and the request without its progress listener. */
export interface ReportWorkerData {
  readonly dir: string;
  readonly request: Omit<RenderRequest, 'onProgress'>;
}

/** What the thread sends: progress steps, then the staged conclusion or the error that stopped it. */
export type FromReportWorker =
  | { readonly kind: 'progress'; readonly step: ProgressStep }
  | { readonly kind: 'staged'; readonly conclusion: StagedConclusion }
  | { readonly kind: 'failed'; readonly error: ThreadError };

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
