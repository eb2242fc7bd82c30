/**
 * Every report format as one renderer with one signature: the conclusion model and the labels of
 * its language in, the file's bytes and its digest out. `soz report` looks the format up here;
 * adding a format is one entry. PDF and DOCX load their libraries only when asked for.
 */
import type { ConclusionLabels } from './labels.js';
import type { ConclusionModel } from './model.js';
import type { FindingPictures } from './ocr-region.js';
import { modelDigest } from './model.js';
import { renderMarkdownConclusion } from './markdown.js';
import { renderHtmlConclusion } from './html.js';

/** Formats `soz report` renders; Markdown is the reference text and is always written. */
export const REPORT_FORMATS = ['md', 'html', 'pdf', 'docx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Whether a value names a report format. */
export function isReportFormat(value: unknown): value is ReportFormat {
  return (REPORT_FORMATS as readonly unknown[]).includes(value);
}

/** One rendered file, not yet written. */
export interface RenderedReport {
  readonly bytes: string | Uint8Array;
  /** Markdown/HTML: SHA-256 of every byte above the digest line; PDF/DOCX: the model digest. */
  readonly digest: string;
}

/** model + labels (+ crops of OCR pictures, which HTML and PDF show) → bytes; the same inputs always give the same bytes. */
export type ConclusionRenderer = (model: ConclusionModel, labels: ConclusionLabels, pictures?: FindingPictures) => Promise<RenderedReport>;

/** The Handlebars templates of the text formats, as read from the installation. */
export interface TextTemplates {
  readonly md: string;
  readonly html: string;
}

/** The renderer of every format; the text formats are laid out by the given templates. */
export function conclusionRenderers(templates: TextTemplates): Readonly<Record<ReportFormat, ConclusionRenderer>> {
  return {
    md: async (model, labels) => {
      const { text, digest } = renderMarkdownConclusion(model, templates.md, labels);
      return { bytes: text, digest };
    },
    html: async (model, labels, pictures) => {
      const { text, digest } = renderHtmlConclusion(model, templates.html, labels, pictures);
      return { bytes: text, digest };
    },
    pdf: async (model, labels, pictures) => {
      const { renderPdfConclusion } = await import('./pdf.js');
      return { bytes: await renderPdfConclusion(model, labels, pictures), digest: modelDigest(model) };
    },
    docx: async (model, labels) => {
      const { renderDocxConclusion } = await import('./docx.js');
      return { bytes: await renderDocxConclusion(model, labels), digest: modelDigest(model) };
    },
  };
}
