/**
 * A candidate on a PDF page with a text layer, on the page itself: where its words lie (the page's
 * pdf.js text items, read again from the evidence copy at view time with the extractor's pdf.js and
 * joined as the extractor joins them) and the page rasterised by pdftoppm. Nothing is stored: the
 * derived documents stay as extracted. When the page text read again is not the document's page
 * text character for character (soz normalised it, or another pdf.js read it), no box is given.
 */
import { DEFAULT_LIMITS } from '../ingest/adapter.js';
import type { PageBox } from '../ingest/pdf/page-layout.js';
import { boxesOfRange } from '../ingest/pdf/page-layout.js';
import { PdfReadFailure, readPageLayoutInWorker } from '../ingest/pdf/runner.js';
import { normalisePdfText } from '../ingest/pdf.js';
import type { Finding } from '../core/finding.js';
import { readDerivedDocument } from '../case/records.js';
import type { CaseWorkspace } from '../case/workspace.js';
import { pagePdf, rasterise } from './ocr-crops.js';
import { findRasteriser } from './ocr.js';

/** Resolution the desk shows a text-layer page at: an A4 page is 827 × 1170 pixels. */
export const PDF_PAGE_VIEW_DPI = 100;

/** Why a candidate's words are not boxed on its page. */
export type UnmappedReason = 'normalised' | 'text-differs' | 'unreadable';

/**
 * A candidate's page: its size in points (1/72 in, top-left origin, as displayed) and, when its
 * characters map exactly onto the page's text items, the boxes of its words (`words`: each item's
 * box narrowed to the candidate's characters in proportion to their count) and of the whole text
 * runs they lie in (`runs`, pdf.js's own boxes); else why not. `rendered`: pdftoppm is installed,
 * so `pdfPagePicture` can draw the page.
 */
export type PdfPageRegion = {
  readonly page: number;
  readonly rendered: boolean;
} & ({ readonly mapped: true; readonly width: number; readonly height: number; readonly words: readonly PageBox[]; readonly runs: readonly PageBox[] } | { readonly mapped: false; readonly why: UnmappedReason });

/**
 * The PDF and page of a candidate on a text-layer page, when it is one: the PDF in custody, or the
 * PDF at the candidate's entry inside it (a ZIP member, a PDF's attachment), read again from the
 * evidence copy within the limits of the last analysis.
 */
async function textLayerPage(workspace: CaseWorkspace, finding: Finding): Promise<{ bytes: Uint8Array; page: number; name: string } | undefined> {
  const place = finding.place;
  if (place.image || place.page === undefined || place.part !== 'page') return undefined;
  const evidence = workspace.evidence();
  const record = evidence.find((item) => item.sha256 === place.evidenceSha256);
  const bytes = record ? await pagePdf(workspace, evidence, place.evidenceSha256, place.entry) : undefined;
  return record && bytes ? { bytes, page: place.page, name: place.entry === undefined ? record.originalName : `${record.originalName}!/${place.entry}` } : undefined;
}

/**
 * Where a candidate's words lie on its PDF page; undefined when the candidate is not on a page of
 * a PDF in custody with a text layer (text read by OCR has its own picture).
 */
export async function pdfPageRegion(workspace: CaseWorkspace, finding: Finding): Promise<PdfPageRegion | undefined> {
  const source = await textLayerPage(workspace, finding);
  const doc = source ? readDerivedDocument(workspace, finding.place.documentId) : undefined;
  const segment = doc?.segments.find((candidate) => candidate.id === finding.place.segmentId);
  if (!source || !doc || !segment) return undefined;
  const rendered = findRasteriser() !== undefined;
  let layout;
  try {
    layout = await readPageLayoutInWorker(source.bytes, source.page, source.name, { seconds: DEFAULT_LIMITS.maxPdfSeconds, memoryMb: DEFAULT_LIMITS.maxPdfMemoryMb });
  } catch (error) {
    if (error instanceof PdfReadFailure) return { page: source.page, rendered, mapped: false, why: 'unreadable' };
    throw error;
  }
  const normalised = normalisePdfText(layout.text);
  if (normalised.presentationForms > 0 || normalised.embeddingMarks > 0) return { page: source.page, rendered, mapped: false, why: 'normalised' };
  // The extractor keeps the page text but for trailing white space (and a blank page as "").
  const pageText = layout.text.trim() === '' ? '' : layout.text.replace(/\s+$/, '');
  if (pageText !== doc.text.slice(segment.range[0], segment.range[1])) return { page: source.page, rendered, mapped: false, why: 'text-differs' };
  const start = Math.max(0, finding.place.range[0] - segment.range[0]);
  const end = Math.min(pageText.length, finding.place.range[1] - segment.range[0]);
  const words = boxesOfRange(layout, start, end);
  const runs = layout.items.filter((item) => item.range[0] < end && start < item.range[1]).map((item) => item.box);
  return { page: source.page, rendered, mapped: true, width: layout.width, height: layout.height, words, runs };
}

/** The candidate's PDF page rasterised by pdftoppm at `PDF_PAGE_VIEW_DPI`; undefined when it has none or pdftoppm is missing or fails. */
export async function pdfPagePicture(workspace: CaseWorkspace, finding: Finding): Promise<Buffer | undefined> {
  const source = await textLayerPage(workspace, finding);
  return source ? rasterise(source.bytes, PDF_PAGE_VIEW_DPI, source.page) : undefined;
}
