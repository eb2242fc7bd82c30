/**
 * The PDF conclusion, laid out with pdfkit from the conclusion model. DejaVu Sans is embedded
 * (Cyrillic including Kyrgyz ң ө ү, and Arabic letters; Arabic lines are not reordered — pdfkit
 * has no bidi — so Arabic quotations read best in the HTML or DOCX). The creation date is fixed
 * (the examination date, else the order date, else 2000-01-01) so the same model gives the same
 * bytes. Every page carries a footer: case number, report digest, "page x of y".
 */
import type { LabelKey } from './labels.js';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import type { ConclusionLabels } from './helpers.js';
import { label, pageLabel } from './helpers.js';
import type { ConclusionModel } from './model.js';
import type { FindingPictures } from './ocr-region.js';
import type { OutlineIndent, OutlineSize } from './outline.js';
import { conclusionOutline } from './outline.js';
import { pageMark } from './record-text.js';
import { withEmojiNames } from './glyphs.js';
import { modelDigest } from './model.js';

const require = createRequire(import.meta.url);
const FONT_DIR = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const FONTS = {
  regular: join(FONT_DIR, 'DejaVuSans.ttf'),
  bold: join(FONT_DIR, 'DejaVuSans-Bold.ttf'),
  mono: join(FONT_DIR, 'DejaVuSansMono.ttf'),
};

const PDF_SIZE: Readonly<Record<OutlineSize, number>> = { normal: 10, small: 9.5, smaller: 9, tiny: 8.5 };
const PDF_INDENT: Readonly<Record<OutlineIndent, number>> = { 0: 0, 1: 12, 2: 22 };
const ALERT = '#b00000';

/** The fixed creation date of a conclusion's PDF: a date of the case, never the clock. */
export function pdfDate(model: ConclusionModel): Date {
  const iso = model.case.examinationDate ?? model.case.orderDate ?? '2000-01-01';
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

/**
 * Strips control and bidi-override characters, which a PDF would show as boxes or misorder, and
 * writes pictographs the font lacks as their Unicode names (see `glyphs.ts`).
 */
function clean(value: unknown): string {
  // eslint-disable-next-line no-control-regex -- stripping control and bidi characters is the point
  return withEmojiNames(String(value).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, ''));
}

/** Widest a crop of an OCR picture is drawn, in points; a larger crop is scaled down to it. */
const CROP_MAX_WIDTH = 320;

/** Renders the conclusion model to PDF bytes, with the crops of findings read by OCR where given; same inputs → same bytes. */
export async function renderPdfConclusion(model: ConclusionModel, labels: ConclusionLabels, pictures: FindingPictures = {}): Promise<Uint8Array> {
  const t = (key: LabelKey) => label(labels, key);
  const digest = modelDigest(model);
  const date = pdfDate(model);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 64, left: 62, right: 56 },
    bufferPages: true,
    autoFirstPage: true,
    info: { Title: model.case.caseNumber === null ? t('title') : `${t('title')} ${model.case.caseNumber}`, Author: model.case.examiner ?? t('notRecorded'), Creator: `soz ${model.tool.version}`, Producer: 'soz (pdfkit)', CreationDate: date, ModDate: date },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  doc.registerFont('regular', FONTS.regular);
  doc.registerFont('bold', FONTS.bold);
  doc.registerFont('mono', FONTS.mono);

  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const indentOf = (step: OutlineIndent) => PDF_INDENT[step];
  const text = (value: string, options: { font?: string; size?: number; indent?: number; gap?: number; color?: string; align?: 'left' | 'center' } = {}) => {
    doc.font(options.font ?? 'regular').fontSize(options.size ?? 10).fillColor(options.color ?? '#000000');
    doc.text(clean(value), doc.page.margins.left + (options.indent ?? 0), doc.y, { width: width - (options.indent ?? 0), align: options.align ?? 'left' });
    doc.moveDown(options.gap ?? 0.25);
  };
  for (const block of conclusionOutline(model, labels)) {
    switch (block.kind) {
      case 'heading':
        doc.moveDown(block.level === 1 ? 0.3 : 0.6);
        if (block.level === 2 && doc.y > doc.page.height - doc.page.margins.bottom - 80) doc.addPage();
        text(block.text, { font: 'bold', size: block.level === 1 ? 15 : block.level === 2 ? 12.5 : 11, align: block.level === 1 ? 'center' : 'left', gap: 0.35 });
        break;
      case 'text':
        text(block.text, { font: block.bold ? 'bold' : 'regular', size: PDF_SIZE[block.size], indent: indentOf(block.indent), color: block.alert ? ALERT : '#000000', align: block.center ? 'center' : 'left' });
        break;
      case 'hash': {
        const indent = indentOf(block.indent);
        doc.font('regular').fontSize(9).fillColor('#000000');
        doc.text(clean(block.label) + ' ', doc.page.margins.left + indent, doc.y, { width: width - indent, continued: true });
        doc.font('mono').fontSize(7.5).text(block.value);
        doc.moveDown(0.2);
        break;
      }
      case 'kwic': {
        const indent = indentOf(block.indent);
        doc.font('regular').fontSize(9.5).fillColor('#000000');
        doc.text(`${clean(block.label)}: …${clean(block.left)}`, doc.page.margins.left + indent, doc.y, { width: width - indent, continued: true });
        doc.font('bold').text(`⟦${clean(block.actual)}⟧`, { continued: true });
        doc.font('regular').text(`${clean(block.right)}…`);
        doc.moveDown(0.2);
        break;
      }
      case 'fill-in':
        text(block.note, { font: 'bold', color: ALERT });
        break;
      case 'picture': {
        // The crop at one point per pixel (scaled down when wider), the finding's words boxed.
        const picture = pictures[block.findingId];
        if (!picture) break;
        const scale = Math.min(1, CROP_MAX_WIDTH / picture.width);
        const height = picture.height * scale;
        if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
        const x = doc.page.margins.left + indentOf(block.indent);
        const y = doc.y;
        doc.image(Buffer.from(picture.png), x, y, { width: picture.width * scale, height });
        const [left, top, width, boxHeight] = picture.region;
        doc.lineWidth(1.2).strokeColor(ALERT).rect(x + left * scale, y + top * scale, width * scale, boxHeight * scale).stroke();
        doc.y = y + height;
        doc.moveDown(0.3);
        break;
      }
      case 'space':
        doc.moveDown(1);
        break;
    }
  }

  // Footers last, once the page count is known; the bottom margin is lifted while writing so
  // pdfkit does not start a new page for text below it.
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index += 1) {
    doc.switchToPage(index);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - 44;
    doc.font('regular').fontSize(7.5).fillColor('#333333');
    doc.text(`${t('caseNumber')}: ${clean(model.case.caseNumber ?? t('notRecorded'))} — ${pageMark(model, labels)}`, doc.page.margins.left, y, { width, lineBreak: false });
    doc.text(pageLabel(labels, index - range.start + 1, range.count), doc.page.margins.left, y, { width, align: 'right', lineBreak: false });
    doc.font('regular').fontSize(7).text(`${t('reportDigest')} (SHA-256): `, doc.page.margins.left, y + 11, { width, lineBreak: false, continued: true }).font('mono').text(digest, { lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}
