/**
 * A report list thread (see `listsInParts` in `report-lists.ts`): makes one part of the report's
 * two lists — its byte ranges of the analysis files, the candidates' views, their excerpts and the
 * Markdown of both — into the files of the spill it is given, and sends back what the join checks.
 * The thread that started it holds the case (its lock, the spill) and joins the parts; this thread
 * reads the case and writes only its part's files.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { CaseWorkspace } from '../case/workspace.js';
import { analysisFiles, documentsOnce } from '../case/records.js';
import { markdownLists } from '../report/markdown.js';
import type { FromListThread, ListThreadData } from './report-lists.js';
import { makeListPart } from './report-lists.js';

const port = parentPort;
if (port !== null) {
  const data = workerData as ListThreadData;
  const send = (message: FromListThread) => port.postMessage(message);
  try {
    const workspace = CaseWorkspace.open(data.dir);
    const documents = documentsOnce(workspace);
    const files = analysisFiles(workspace, documents.texts, data.files);
    const texts = markdownLists(data.template, data.labels);
    send(texts === null ? { kind: 'failed' } : { kind: 'made', part: makeListPart(files, data.ranges, documents.spans, texts, data.out) });
  } catch {
    // The calling thread's one pass makes the lists instead, and raises this error as it always did.
    send({ kind: 'failed' });
  } finally {
    port.close();
  }
}
