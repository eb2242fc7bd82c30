/**
 * Worker thread of the parallel analyses (see `parallel.ts`): runs the analyses over the documents
 * it is dealt, one at a time, holding only the current document and its aggregates, and sends the
 * aggregates back once, when asked.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { SozDocument } from '../core/document.js';
import type { Finding } from '../core/finding.js';
import type { AnalysisOptions, RunState } from './registry.js';
import { startAnalyses } from './registry.js';

/** What the main thread sends: a document to analyse, or the request for the aggregates (the last message). */
export type ToAnalysisWorker = { readonly kind: 'add'; readonly doc: SozDocument } | { readonly kind: 'finish' };

/**
 * What the worker answers: one `added` per document (with the document's indicator findings when
 * the run hands them out, `findingsBack`), then the aggregates.
 */
export type FromAnalysisWorker = { readonly kind: 'added'; readonly findings: readonly Finding[] } | { readonly kind: 'state'; readonly state: RunState };

/** The worker's `workerData`: the options of the run, without its callbacks (they cannot cross threads). */
export interface AnalysisWorkerData {
  readonly options: AnalysisOptions;
  /** Send each document's indicator findings back instead of holding them (the run's `onDocumentFindings`). */
  readonly findingsBack: boolean;
}

const port = parentPort;
if (port !== null) {
  const { options, findingsBack } = workerData as AnalysisWorkerData;
  let found: Finding[] = [];
  const run = startAnalyses(findingsBack ? { ...options, onDocumentFindings: (findings) => found.push(...findings) } : options);
  port.on('message', (message: ToAnalysisWorker) => {
    if (message.kind === 'add') {
      run.add(message.doc);
      port.postMessage({ kind: 'added', findings: found } satisfies FromAnalysisWorker);
      found = [];
    } else {
      port.postMessage({ kind: 'state', state: run.state() } satisfies FromAnalysisWorker);
      port.close();
    }
  });
}
