/**
 * Every report format as one renderer with one signature: the conclusion in parts and the labels
 * of its language in, the file's bytes and its digest out. `soz report` looks the format up here;
 * adding a format is one entry. The text formats yield their text part by part (never one
 * string), the PDF its bytes page by page, the DOCX its archive as its body is written (the body's
 * compressed bytes wait in a spool until their size is known). PDF and DOCX load their libraries
 * only when asked for.
 */
import type { ConclusionLabels } from './labels.js';
import type { ConclusionParts } from './model.js';
import type { FindingPictures } from './ocr-region.js';
import { partsDigest } from './model.js';
import { markdownConclusionParts, precompiledMarkdown } from './markdown.js';
import { htmlConclusionParts, precompiledHtml } from './html.js';
import type { PrecompiledTemplates } from './parts-render.js';
import type { ByteSpool } from './zip-writer.js';
import type { RenderedMarkdownLists } from './markdown-lists.js';

/** Formats `soz report` renders; Markdown is the reference text and is always written. */
export const REPORT_FORMATS = ['md', 'html', 'pdf', 'docx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Whether a value names a report format. */
export function isReportFormat(value: unknown): value is ReportFormat {
  return (REPORT_FORMATS as readonly unknown[]).includes(value);
}

/** One rendered file, not yet written. */
export interface RenderedReport {
  /** The file's bytes: whole, or parts to write one after another as they come (Markdown, HTML: text; PDF, DOCX: bytes). */
  readonly bytes: Uint8Array | Iterable<string | Uint8Array>;
  /** Markdown/HTML: SHA-256 of every byte above the digest line, known once every part was taken; PDF/DOCX: the model digest. */
  digest(): string;
  /** SHA-256 of the file's bytes, where the renderer hashed them itself (the text formats), known once every part was taken. */
  sha256?(): string;
}

/** parts + labels (+ crops of OCR pictures, which HTML and PDF show) → bytes; the same inputs always give the same bytes. */
export type ConclusionRenderer = (parts: ConclusionParts, labels: ConclusionLabels, pictures?: FindingPictures) => Promise<RenderedReport>;

/** The Handlebars templates of the text formats, as read from the installation, and their parts precompiled by the build where it made them. */
export interface TextTemplates {
  readonly md: string;
  readonly html: string;
  readonly precompiled?: PrecompiledTemplates;
}

/** Both text templates' parts precompiled, by key (the build's data cache; a template whose key is not here is compiled as it is read). */
export function precompiledTextTemplates(templates: TextTemplates): PrecompiledTemplates {
  return { ...precompiledMarkdown(templates.md), ...precompiledHtml(templates.html) };
}

/**
 * The renderer of every format; the text formats are laid out by the given templates. `spool`
 * gives the DOCX a place for its compressed body (on disk beside the kept lists: `soz report`);
 * without it, memory. `markdownLists`: the Markdown of the lists, made as they were kept.
 */
export function conclusionRenderers(templates: TextTemplates, spool?: () => ByteSpool, markdownLists?: RenderedMarkdownLists): Readonly<Record<ReportFormat, ConclusionRenderer>> {
  return {
    md: async (parts, labels) => {
      const text = markdownConclusionParts(parts, templates.md, labels, markdownLists, templates.precompiled);
      return { bytes: text.parts, digest: text.digest, sha256: text.sha256 };
    },
    html: async (parts, labels, pictures) => {
      const text = htmlConclusionParts(parts, templates.html, labels, pictures, templates.precompiled);
      return { bytes: text.parts, digest: text.digest, sha256: text.sha256 };
    },
    pdf: async (parts, labels, pictures) => {
      const { pdfConclusionParts } = await import('./pdf.js');
      const digest = partsDigest(parts);
      return { bytes: await pdfConclusionParts(parts, labels, digest, pictures), digest: () => digest };
    },
    docx: async (parts, labels) => {
      const { docxConclusionParts } = await import('./docx.js');
      const digest = partsDigest(parts);
      return { bytes: await docxConclusionParts(parts, labels, digest, spool), digest: () => digest };
    },
  };
}
