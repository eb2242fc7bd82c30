import type { IngestAdapter } from './adapter.js';
import { docxAdapter } from './docx.js';
import { htmlAdapter } from './html.js';
import { createPdfAdapter } from './pdf.js';
import { textAdapter } from './text.js';
import { transcriptAdapter } from './transcript.js';

/**
 * The document-format adapters in detection order (first match wins). Chat-export adapters go
 * before these, since a Telegram HTML export is also HTML and a WhatsApp export is also text;
 * a transcript is also text, so it goes before plain text.
 */
export const documentAdapters: readonly IngestAdapter[] = [createPdfAdapter(() => documentAdapters), docxAdapter, htmlAdapter, transcriptAdapter, textAdapter];

/** The PDF adapter: files embedded in a PDF are read with the document-format adapters above. */
export const pdfAdapter = documentAdapters[0] as IngestAdapter;
