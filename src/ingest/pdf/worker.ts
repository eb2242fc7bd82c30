/**
 * Worker thread that reads PDFs (see `runner.ts`): pdf.js runs here so that a file keeping it busy
 * can be stopped by terminating the thread, and one using too much memory stops only the thread.
 */
import { parentPort } from 'node:worker_threads';
import type { PdfContent } from './content.js';
import type { PageLayout } from './page-layout.js';
import { loadPdfjs, readPageLayout, readPdfContent } from './read.js';

/**
 * A job: the PDF's bytes (transferred; a copy of the evidence, never the evidence buffer), read
 * whole, or only the layout of page `layoutPage` (1-based).
 */
export interface PdfJob {
  readonly bytes: Uint8Array;
  readonly layoutPage?: number;
}

/** The worker's answer: `ready` once pdf.js is loaded, then one result per job. */
export type FromPdfWorker =
  | { readonly kind: 'ready' }
  | { readonly kind: 'content'; readonly content: PdfContent }
  | { readonly kind: 'layout'; readonly layout: PageLayout }
  | { readonly kind: 'failed'; readonly name: string; readonly message: string };

const failure = (error: unknown): FromPdfWorker => ({ kind: 'failed', name: error instanceof Error ? error.name : '', message: error instanceof Error ? error.message : String(error) });

const port = parentPort;
if (port !== null) {
  // Loading pdf.js before saying ready keeps start-up out of the time a file is given.
  await loadPdfjs();
  port.on('message', (job: PdfJob) => {
    if (job.layoutPage !== undefined) {
      readPageLayout(job.bytes, job.layoutPage).then(
        (layout) => port.postMessage({ kind: 'layout', layout } satisfies FromPdfWorker),
        (error: unknown) => port.postMessage(failure(error)),
      );
      return;
    }
    readPdfContent(job.bytes).then(
      (content) => port.postMessage({ kind: 'content', content } satisfies FromPdfWorker, content.attachments.map((a) => a.bytes.buffer as ArrayBuffer)),
      (error: unknown) => port.postMessage(failure(error)),
    );
  });
  port.postMessage({ kind: 'ready' } satisfies FromPdfWorker);
}
