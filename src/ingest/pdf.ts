import type { EvidenceInput, IngestAdapter, Limits } from './adapter.js';
import type { SozDocument } from '../core/document.js';
import { DocumentBuilder } from '../core/document-builder.js';
import { UserError, messageOf } from '../core/errors.js';
import type { PdfContent } from './pdf/content.js';
import { readAttachments } from './pdf/attachments.js';
import { addPdfParts } from './pdf/parts.js';
import { PdfReadFailure, readPdfInWorker } from './pdf/runner.js';
import { MEDIA_TYPES } from './sniff.js';
import { checkSegmentCount, sanitiseMetadata } from './docs/common.js';

export { pdfLoadOptions } from './pdf/read.js';

/** Arabic presentation forms A (U+FB50–U+FDFF) and B (U+FE70–U+FEFC): glyph codes, not letters. */
const PRESENTATION_FORMS = /[\uFB50-\uFDFF\uFE70-\uFEFC]+/g;
/** Bidi embedding and override marks U+202A–U+202E that PDF producers wrap around runs. */
const EMBEDDING_MARKS = /[\u202A-\u202E]/g;

/** What `normalisePdfText` changed, in UTF-16 code units of the input. */
export interface PdfNormalisation {
  readonly text: string;
  readonly presentationForms: number;
  readonly embeddingMarks: number;
}

/**
 * Turns Arabic presentation forms into letters (NFKC on those runs only, so e.g. "№" or
 * ligatures elsewhere stay as printed) and maps the Farsi yeh NFKC yields from them back to the
 * Arabic yeh U+064A; strips bidi embedding marks U+202A–U+202E. Other text is unchanged.
 */
export function normalisePdfText(text: string): PdfNormalisation {
  let presentationForms = 0;
  let embeddingMarks = 0;
  const letters = text.replace(PRESENTATION_FORMS, (run) => {
    presentationForms += run.length;
    return run.normalize('NFKC').replace(/\u06CC/g, '\u064A');
  });
  const stripped = letters.replace(EMBEDDING_MARKS, () => {
    embeddingMarks++;
    return '';
  });
  return { text: stripped, presentationForms, embeddingMarks };
}

/**
 * PDF with a text layer, one segment per page (`page<N>`, part `page`, anchor `page` N, from 1).
 * A page without text gets an empty segment and a `pdf.needs-ocr` notice; `soz analyze` reads such
 * pages by OCR (`pipeline/ocr.ts`), which replaces the notice for each page it reads.
 * Encrypted files raise `pdf.encrypted`, unreadable ones `pdf.corrupt`. The other parts follow
 * the pages (see `pdf/parts.ts`); embedded files that one of `nested()` reads come after the PDF's
 * document as documents of their own. `nested` is a function so the adapter list can include this
 * adapter without an import cycle.
 */
export function createPdfAdapter(nested: () => readonly IngestAdapter[]): IngestAdapter {
  return {
    id: 'pdf',
    format: 'pdf',
    detect(input: EvidenceInput): boolean {
      return input.mediaType === MEDIA_TYPES.pdf;
    },
    async *extract(input: EvidenceInput): AsyncIterable<SozDocument> {
      const content = await readPdf(await input.bytes(), input.name, input.limits);
      const attachments = await readAttachments(content.attachments, input, nested());
      yield pdfDocument(input, content, attachments.outcomes);
      yield* attachments.documents;
    },
  };
}

/** Builds the PDF's document from what was read; `attachmentOutcomes` says what became of each embedded file. */
function pdfDocument(input: EvidenceInput, content: PdfContent, attachmentOutcomes: readonly string[]): SozDocument {
  checkSegmentCount(content.pages.length, input.limits, input.name);
  const builder = new DocumentBuilder({ sha256: input.sha256, name: input.name, ...(input.entry !== undefined ? { entry: input.entry } : {}) }, 'pdf');
  const needingOcr: number[] = [];
  let presentationForms = 0;
  let embeddingMarks = 0;
  content.pages.forEach((raw, index) => {
    const page = index + 1;
    const normalised = normalisePdfText(raw);
    presentationForms += normalised.presentationForms;
    embeddingMarks += normalised.embeddingMarks;
    const text = normalised.text.trim() === '' ? '' : normalised.text.replace(/\s+$/, '');
    if (text === '') needingOcr.push(page);
    builder.add({ id: `page${page}`, text, part: 'page', anchor: { page } });
  });
  for (const page of needingOcr) {
    builder.notice({
      code: 'pdf.needs-ocr',
      severity: 'warning',
      message: `${input.name}: page ${page} has no text layer (a scan or image); soz analyze reads its text by OCR where Tesseract and pdftoppm are installed`,
      anchor: { page, part: 'page' },
    });
  }
  const parts = addPdfParts(builder, content, input.name, attachmentOutcomes);
  checkSegmentCount(builder.segmentCount, input.limits, input.name);
  const producer = sanitiseMetadata(content.info['Producer']);
  const creator = sanitiseMetadata(content.info['Creator']);
  const pdfVersion = sanitiseMetadata(content.info['PDFFormatVersion'], 10);
  // Encrypted with an empty user password: readable, but worth recording.
  const encryption = sanitiseMetadata(content.info['EncryptFilterName'], 40);
  return builder.build({
    pages: content.pages.length,
    pagesNeedingOcr: needingOcr.length,
    ...(needingOcr.length > 0 ? { pagesNeedingOcrList: needingOcr.join(',') } : {}),
    ...(producer !== undefined ? { producer } : {}),
    ...(creator !== undefined ? { creator } : {}),
    ...(pdfVersion !== undefined ? { pdfVersion } : {}),
    ...(encryption !== undefined ? { encryption } : {}),
    normalisation: presentationForms > 0 || embeddingMarks > 0 ? 'arabic-presentation-forms-nfkc,bidi-marks-removed' : 'none',
    arabicPresentationFormsNormalised: presentationForms,
    bidiEmbeddingMarksRemoved: embeddingMarks,
    ...parts,
  });
}

async function readPdf(bytes: Uint8Array, name: string, limits: Limits): Promise<PdfContent> {
  try {
    return await readPdfInWorker(bytes, name, { seconds: limits.maxPdfSeconds, memoryMb: limits.maxPdfMemoryMb });
  } catch (error) {
    throw error instanceof PdfReadFailure ? pdfError(error, name) : error;
  }
}

function pdfError(error: PdfReadFailure, name: string): UserError {
  if (error.kind === 'PasswordException') {
    return new UserError(`${name}: the PDF is encrypted; obtain the password or an unencrypted copy`, 'pdf.encrypted', undefined, { key: 'error.ingest.pdf-encrypted', params: { name } });
  }
  const detail = sanitiseMetadata(messageOf(error), 120) ?? 'unreadable';
  return new UserError(`${name}: not a readable PDF (${detail}); check the file is complete or obtain another copy`, 'pdf.corrupt', undefined, { key: 'error.ingest.pdf-corrupt', params: { name, detail } });
}
