/**
 * The DOCX conclusion: an editable Word document built with `docx` from the conclusion model.
 * Answer sections are fill-in places (highlighted placeholder paragraphs) where the examiner has
 * not written an answer yet. `docx` stamps the current time into `docProps/core.xml` and into
 * every zip entry; both are replaced afterwards (jszip) by the conclusion's fixed date so the same
 * model gives the same bytes.
 */
import type { LabelKey } from './labels.js';
import { AlignmentType, Document, Footer, HeadingLevel, Packer, PageNumber, Paragraph, TextRun } from 'docx';
import { withFixedZipDates } from './fixed-zip-dates.js';
import type { ConclusionLabels } from './helpers.js';
import { label } from './helpers.js';
import type { ConclusionHead, ConclusionModel, ConclusionParts } from './model.js';
import { partsOfModel } from './model.js';
import type { OutlineIndent, OutlineSize } from './outline.js';
import { outlineBlocks } from './outline.js';
import { pageMark } from './record-text.js';
import { modelDigest } from './model.js';
import { pdfDate } from './pdf.js';

const FONT = 'DejaVu Sans';
/** Sizes in half-points and indents in twentieths of a point, as Word counts them. */
const DOCX_SIZE: Readonly<Record<OutlineSize, number>> = { normal: 21, small: 19, smaller: 18, tiny: 17 };
const DOCX_INDENT: Readonly<Record<OutlineIndent, number>> = { 0: 0, 1: 300, 2: 480 };
const ALERT = 'B00000';

/** XML 1.0 forbids most control characters; bidi overrides could misorder what a reader sees. */
function clean(value: unknown): string {
  // eslint-disable-next-line no-control-regex -- stripping control and bidi characters is the point
  return String(value).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069\ufffe\uffff]/g, '');
}

function run(text: string, options: { bold?: boolean; highlight?: 'yellow'; color?: string; size?: number; mono?: boolean } = {}): TextRun {
  return new TextRun({ text: clean(text), font: options.mono ? 'DejaVu Sans Mono' : FONT, size: options.size ?? 21, ...(options.bold ? { bold: true } : {}), ...(options.highlight ? { highlight: options.highlight } : {}), ...(options.color ? { color: options.color } : {}) });
}

function para(children: TextRun[], options: { heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel]; indent?: number; align?: 'center' } = {}): Paragraph {
  return new Paragraph({ children, ...(options.heading ? { heading: options.heading } : {}), ...(options.indent ? { indent: { left: options.indent } } : {}), ...(options.align ? { alignment: AlignmentType.CENTER } : {}), spacing: { after: 80 } });
}

/** Renders the conclusion model to DOCX bytes; same model and labels → same bytes. */
export async function renderDocxConclusion(model: ConclusionModel, labels: ConclusionLabels): Promise<Uint8Array> {
  return docxConclusionParts(partsOfModel(model), labels, modelDigest(model));
}

/**
 * The DOCX of a conclusion in parts (`digest`: the model digest in its footer and properties).
 * The outline's blocks become paragraphs as the streamed lists are read, but `docx` lays out and
 * packs the document as one object: every paragraph is held until the file is written.
 */
export async function docxConclusionParts(parts: ConclusionParts, labels: ConclusionLabels, digest: string): Promise<Uint8Array> {
  const t = (key: LabelKey) => label(labels, key);
  const model: ConclusionHead = parts.head;
  const body: Paragraph[] = [];
  for (const block of outlineBlocks(parts, labels)) {
    switch (block.kind) {
      case 'heading':
        body.push(para([run(block.text, { bold: true, size: block.level === 1 ? 30 : block.level === 2 ? 26 : 22 })], { heading: block.level === 1 ? HeadingLevel.TITLE : block.level === 2 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2, ...(block.level === 1 ? { align: 'center' as const } : {}) }));
        break;
      case 'text':
        body.push(para([run(block.text, { bold: block.bold, size: DOCX_SIZE[block.size], ...(block.alert ? { color: ALERT } : {}) })], { indent: DOCX_INDENT[block.indent], ...(block.center ? { align: 'center' as const } : {}) }));
        break;
      case 'hash':
        body.push(para([run(`${block.label} `, { size: 18 }), run(block.value, { mono: true, size: 16 })], { indent: DOCX_INDENT[block.indent] }));
        break;
      case 'kwic':
        body.push(para([run(`${block.label}: …${block.left}`, { size: 19 }), run(`⟦${block.actual}⟧`, { bold: true, size: 19 }), run(`${block.right}…`, { size: 19 })], { indent: DOCX_INDENT[block.indent] }));
        break;
      case 'fill-in':
        body.push(para([run(block.text, { highlight: 'yellow' })], { indent: DOCX_INDENT[1] }));
        break;
      case 'picture':
        // The crop is drawn in the HTML and PDF reports; here the source line above gives the picture's hash and box.
        break;
      case 'space':
        body.push(para([run('')]));
        break;
    }
  }

  const [beforePage, rest = ''] = t('pageOf').split('{page}');
  const [between, afterPages = ''] = rest.split('{pages}');
  const pageRuns: (string | (typeof PageNumber)[keyof typeof PageNumber])[] = [clean(beforePage ?? ''), PageNumber.CURRENT, clean(between ?? ''), PageNumber.TOTAL_PAGES, clean(afterPages)];
  const footer = new Footer({
    children: [
      para([run(`${t('caseNumber')}: ${model.case.caseNumber ?? t('notRecorded')} — ${pageMark(model, labels)}    `, { size: 15 }), new TextRun({ children: pageRuns, font: FONT, size: 15 })]),
      para([run(`${t('reportDigest')} (SHA-256): `, { size: 14 }), run(digest, { mono: true, size: 14 })]),
    ],
  });
  const document = new Document({
    creator: model.case.examiner ?? t('notRecorded'),
    title: model.case.caseNumber === null ? t('title') : `${t('title')} ${model.case.caseNumber}`,
    description: `soz ${model.tool.version}; ${t('reportDigest')} ${digest}`,
    styles: { default: { document: { run: { font: FONT } } } },
    sections: [{ footers: { default: footer }, children: body }],
  });
  return fixDocxDates(await Packer.toBuffer(document), pdfDate(model));
}

/**
 * Replaces the times `docx` stamps (core properties and zip entry dates) with `date`, keeping
 * entry order, so the same content gives the same bytes.
 */
export async function fixDocxDates(bytes: Uint8Array, date: Date): Promise<Uint8Array> {
  const iso = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return withFixedZipDates(bytes, date, (name, content) =>
    name === 'docProps/core.xml' ? Buffer.from(Buffer.from(content).toString('utf8').replace(/(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${iso}$3`), 'utf8') : content,
  );
}
