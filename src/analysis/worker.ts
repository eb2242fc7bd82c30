/**
 * The work of an analysis thread (see `parallel.ts`): runs the analyses over the documents it is
 * dealt, one at a time, holding only the current document and its aggregates, and sends the
 * aggregates back once, when asked. The thread's module calls {@link serveAnalyses}: the plain one
 * is `analysis-thread.ts`; `pipeline/analyze-thread.ts` also reads documents sent as their files'
 * bytes (a case's kept extraction), through the case folder's reader.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { SozDocument } from '../core/document.js';
import type { Finding } from '../core/finding.js';
import type { DocumentOverview } from './language-overview.js';
import type { AnalysisOptions, RunState } from './registry.js';
import { startAnalyses } from './registry.js';

/** A document file's bytes and its case-relative path (the name its errors give). */
export interface EncodedDocument {
  readonly relative: string;
  readonly bytes: Uint8Array;
}

/**
 * A document still in the bytes of its file (issue 17): the thread that analyses it decodes it,
 * so the calling thread does not build its segments only to clone them into a message.
 */
export interface DocumentParcel {
  readonly evidenceName: string;
  /** Characters of its text (what dealing weighs). */
  readonly characters: number;
  readonly file: EncodedDocument;
  /** The document, decoded in the calling thread (when no thread takes it). */
  open(): SozDocument;
}

/** What the main thread sends: a document to analyse (itself or its file), or the request for the aggregates (the last message). */
export type ToAnalysisWorker = { readonly kind: 'add'; readonly doc: SozDocument } | { readonly kind: 'add-file'; readonly file: EncodedDocument } | { readonly kind: 'finish' };

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

/**
 * Serves the analyses on this thread's port; `decode` reads a document sent as its file (without
 * it, such a message fails the thread).
 */
export function serveAnalyses(decode?: (file: EncodedDocument) => SozDocument): void {
  const port = parentPort;
  if (port === null) return;
  const { options, findingsBack, overviewsBack } = workerData as AnalysisWorkerData;
  let found: Finding[] = [];
  let overviews: DocumentOverview[] = [];
  const run = startAnalyses({
    ...options,
    ...(findingsBack ? { onDocumentFindings: (findings: readonly Finding[]) => found.push(...findings) } : {}),
    ...(overviewsBack ? { onDocumentOverview: (overview: DocumentOverview) => overviews.push(overview) } : {}),
  });
  const opened = (file: EncodedDocument): SozDocument => {
    if (decode === undefined) throw new Error(`${file.relative}: this analysis thread reads no document files`);
    return decode(file);
  };
  port.on('message', (message: ToAnalysisWorker) => {
    if (message.kind === 'finish') {
      port.postMessage({ kind: 'state', state: run.state() } satisfies FromAnalysisWorker);
      port.close();
      return;
    }
    run.add(message.kind === 'add' ? message.doc : opened(message.file));
    port.postMessage({ kind: 'added', findings: found, overviews } satisfies FromAnalysisWorker);
    found = [];
    overviews = [];
  });
}
