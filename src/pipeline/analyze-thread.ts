/**
 * The module of `soz analyze`'s analysis threads (`analysis/parallel.ts`): a kept document comes
 * as its file's bytes, checked against the custody log by the calling thread, and is decoded here,
 * by the case folder's reader, where it is analysed (issue 17: the calling thread no longer builds
 * the segments only to clone them into a message).
 */
import { serveAnalyses } from '../analysis/worker.js';
import { parsedDocument } from '../case/records.js';

serveAnalyses((file) => parsedDocument(file.relative, file.bytes));
