/**
 * Worker thread of the parallel analyses (see `parallel.ts`): runs the analyses over the documents
 * it is dealt, one at a time, holding only the current document and its aggregates, and sends the
 * aggregates back once, when asked.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { SozDocument } from '../core/document.js';
import type { Finding } from '../core/finding.js';
import type { DocumentOverview } from './language-overview.js';
import type { AnalysisOptions, RunState } from './registry.js';
import { startAnalyses } from './registry.js';

/** What the main thread sends: a document to analyse, or the request for the aggregates (the last message). */
export type ToAnalysisWorker = { readonly kind: 'add'; readonly doc: SozDocument } | { readonly kind: 'finish' };

/**
 * What the worker answers: one `added` per document (with the document's indicator findings and
 * language overview when the run hands them out, `findingsBack`, `overviewsBack`), then the aggregates.
 */
export type FromAnalysisWorker = { readonly kind: 'added'; readonly findings: readonly Finding[]; readonly overviews: readonly DocumentOverview[] } | { readonly kind: 'state'; readonly state: RunState };

/** The worker's `workerData`: the options of the run, without its callbacks (they cannot cross threads). */
export interface AnalysisWorkerData {
  readonly options: AnalysisOptions;
  /** Send each document's indicator findings back instead of holding them (the run's `onDocumentFindings`). */
  readonly findingsBack: boolean;
  /** Send each document's language overview back instead of holding it (the run's `onDocumentOverview`). */
  readonly overviewsBack: boolean;
}

const port = parentPort;
if (port !== null) {
  const { options, findingsBack, overviewsBack } = workerData as AnalysisWorkerData;
  let found: Finding[] = [];
  let overviews: DocumentOverview[] = [];
  const run = startAnalyses({
    ...options,
    ...(findingsBack ? { onDocumentFindings: (findings: readonly Finding[]) => found.push(...findings) } : {}),
    ...(overviewsBack ? { onDocumentOverview: (overview: DocumentOverview) => overviews.push(overview) } : {}),
  });
  port.on('message', (message: ToAnalysisWorker) => {
    if (message.kind === 'add') {
      run.add(message.doc);
      port.postMessage({ kind: 'added', findings: found, overviews } satisfies FromAnalysisWorker);
      found = [];
      overviews = [];
    } else {
      port.postMessage({ kind: 'state', state: run.state() } satisfies FromAnalysisWorker);
      port.close();
    }
  });
}
