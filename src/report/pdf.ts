/**
 * The PDF conclusion, laid out with pdfkit from the conclusion model. DejaVu Sans is embedded
 * (Cyrillic including Kyrgyz ң ө ү, and Arabic letters; Arabic lines are not reordered — pdfkit
 * has no bidi — so Arabic quotations read best in the HTML or DOCX). The creation date is fixed
 * (the examination date, else the order date, else 2000-01-01) so the same model gives the same
 * bytes. Every page carries a footer: case number, report digest, "page x of y".
 *
 * Laid out in parts: the outline's blocks are drawn as they are made (the streamed lists one
 * document's chunk at a time) and each finished page is written out with its footer and let go,
 * so neither the model nor the document is held. "Page x of y" needs the page count before the
 * first page is written: a first layout pass counts the pages (nothing compressed, nothing kept),
 * the second writes them.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import type { ConclusionLabels } from './helpers.js';
import { label, pageLabel } from './helpers.js';
import { InternalError } from '../core/errors.js';
import type { ConclusionHead, ConclusionModel, ConclusionParts } from './model.js';
import { partsOfModel } from './model.js';
import type { FindingPictures } from './ocr-region.js';
import type { OutlineIndent, OutlineSize } from './outline.js';
import type { OutlineBlock } from './outline.js';
import { outlineBlocks } from './outline.js';
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
export function pdfDate(model: ConclusionHead): Date {
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

type Doc = PDFKit.PDFDocument;
/**
 * A picture opened by pdfkit (`openImage`, which its typings leave out), drawn by passing it to
 * `doc.image`; `image` (the decoder) is let go once the picture is embedded.
 */
interface OpenedImage {
  embed(document: Doc): void;
  readonly image: unknown;
}

/**
 * pdfkit's text and font state that drawing a footer changes and the page's text must get back:
 * private fields, read and restored as they are (a continued text keeps its wrapper and options).
 */
interface TextState {
  x: number;
  y: number;
  _font: unknown;
  _fontSize: number;
  _fontSource: unknown;
  _fontFamily: unknown;
  _fillColor: unknown;
  _wrapper: unknown;
  _textOptions: unknown;
}
const TEXT_STATE_KEYS = ['x', 'y', '_font', '_fontSize', '_fontSource', '_fontFamily', '_fillColor', '_wrapper', '_textOptions'] as const;

/** Renders the conclusion model to PDF bytes, with the crops of findings read by OCR where given; same inputs → same bytes. */
export async function renderPdfConclusion(model: ConclusionModel, labels: ConclusionLabels, pictures: FindingPictures = {}): Promise<Uint8Array> {
  const bytes = await pdfConclusionParts(partsOfModel(model), labels, modelDigest(model), pictures);
  return new Uint8Array(Buffer.concat([...bytes]));
}

/**
 * The PDF of a conclusion in parts: its bytes as pdfkit writes them, page by page (`digest` is the
 * model digest printed in every footer). The pictures are opened and embedded first (pdfkit reads
 * a PNG with transparency asynchronously); everything after is synchronous, so the bytes never
 * depend on timing.
 */
export async function pdfConclusionParts(parts: ConclusionParts, labels: ConclusionLabels, digest: string, pictures: FindingPictures = {}): Promise<Iterable<Uint8Array>> {
  const counted = countingPass(parts, labels, digest, pictures);
  const doc = newDocument(parts.head, labels, true);
  numberGlyphsAs(doc, counted.glyphs);
  const images = new Map<string, OpenedImage>();
  for (const [findingId, picture] of Object.entries(pictures)) {
    const image = (doc as unknown as { openImage(src: Buffer): OpenedImage }).openImage(Buffer.from(picture.png));
    image.embed(doc);
    images.set(findingId, image);
  }
  // A PNG with transparency is split in a callback of zlib.
  while ([...images.values()].some((image) => image.image !== null && image.image !== undefined)) await new Promise((resolve) => setImmediate(resolve));
  return writtenPages(doc, parts, labels, { digest, pages: counted.pages, pictures, images });
}

/** A conclusion's PDF document with the fonts registered; `final` documents compress their streams and hold pages until written. */
function newDocument(head: ConclusionHead, labels: ConclusionLabels, final: boolean): Doc {
  const date = pdfDate(head);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 64, left: 62, right: 56 },
    bufferPages: final,
    compress: final,
    autoFirstPage: true,
    info: { Title: head.case.caseNumber === null ? label(labels, 'title') : `${label(labels, 'title')} ${head.case.caseNumber}`, Author: head.case.examiner ?? label(labels, 'notRecorded'), Creator: `soz ${head.tool.version}`, Producer: 'soz (pdfkit)', CreationDate: date, ModDate: date },
  });
  doc.registerFont('regular', FONTS.regular);
  doc.registerFont('bold', FONTS.bold);
  doc.registerFont('mono', FONTS.mono);
  return doc;
}

/** Whatever pdfkit has written since the last call. */
function* drained(doc: Doc): Generator<Uint8Array> {
  for (let chunk = doc.read() as Buffer | null; chunk !== null; chunk = doc.read() as Buffer | null) yield chunk;
}

/**
 * A font's glyphs in the order a document laid out whole first used them (pdfkit numbers a
 * subset's glyphs by first use), with their widths and code points (pdfkit's private fields).
 */
interface GlyphOrder {
  readonly glyphs: readonly number[];
  readonly widths: readonly number[];
  readonly unicode: readonly (readonly number[])[];
}

/** The parts of pdfkit's embedded font that carry the glyph numbering (private fields). */
interface EmbeddedFontFields {
  readonly name: string;
  readonly subset: { readonly glyphs: readonly number[]; includeGlyph(glyph: number): number };
  widths: number[];
  unicode: number[][];
}

/**
 * The counting pass: the layout of the written pass, drawn and thrown away (nothing compressed,
 * no pictures), then every footer, as a document laid out whole draws them last. Gives the page
 * count and each font's glyph order, so the written pass can draw each footer when its page ends
 * and still number the glyphs as a whole document would.
 */
function countingPass(parts: ConclusionParts, labels: ConclusionLabels, digest: string, pictures: FindingPictures): { pages: number; glyphs: ReadonlyMap<string, GlyphOrder> } {
  const doc = newDocument(parts.head, labels, false);
  let pages = 1;
  doc.on('pageAdded', () => {
    pages += 1;
  });
  let blocks = 0;
  for (const block of outlineBlocks(parts, labels)) {
    drawBlock(doc, block, pictures, null);
    // The pages written so far are thrown away as they come.
    while (doc.read() !== null) continue;
    blocks = forgetLayouts(doc, blocks + 1);
  }
  for (let page = 1; page <= pages; page += 1) drawFooter(doc, parts.head, labels, digest, page, pages);
  const glyphs = new Map<string, GlyphOrder>();
  for (const font of Object.values((doc as unknown as { _fontFamilies: Record<string, EmbeddedFontFields> })._fontFamilies)) {
    if (font.subset) glyphs.set(font.name, { glyphs: [...font.subset.glyphs], widths: [...font.widths], unicode: [...font.unicode] });
  }
  return { pages, glyphs };
}

/** Gives every embedded font of `doc`, when it is first opened, the glyph numbering the counting pass found. */
function numberGlyphsAs(doc: Doc, glyphs: ReadonlyMap<string, GlyphOrder>): void {
  const seeded = new Set<unknown>();
  const font = doc.font.bind(doc) as (...args: unknown[]) => Doc;
  (doc as unknown as { font: (...args: unknown[]) => Doc }).font = (...args) => {
    font(...args);
    const opened = (doc as unknown as { _font: EmbeddedFontFields })._font;
    const order = glyphs.get(opened.name);
    if (!seeded.has(opened) && order && opened.subset) {
      seeded.add(opened);
      for (const glyph of order.glyphs) opened.subset.includeGlyph(glyph);
      opened.widths = [...order.widths];
      opened.unicode = order.unicode.map((points) => [...points]);
    }
    return doc;
  };
}

/**
 * The written pass. A page is written out (with its footer) when the next one starts. Until the
 * text has used both footer fonts, pages are held and their footers wait: pdfkit numbers a font's
 * objects where it is first used, and a footer written first would number them differently from
 * a document laid out whole (the bytes this renderer has always given; glyphs: `numberGlyphsAs`).
 */
function* writtenPages(doc: Doc, parts: ConclusionParts, labels: ConclusionLabels, layout: { digest: string; pages: number; pictures: FindingPictures; images: ReadonlyMap<string, OpenedImage> }): Generator<Uint8Array> {
  let footed = 0;
  let fontsUsed = false;
  const footAll = () => {
    const { start, count } = doc.bufferedPageRange();
    const current = start + count - 1;
    const state = saveTextState(doc);
    for (; footed <= current; footed += 1) {
      doc.switchToPage(footed);
      drawFooter(doc, parts.head, labels, layout.digest, footed + 1, layout.pages);
    }
    doc.switchToPage(current);
    restoreTextState(doc, state);
  };
  const addPage = doc.addPage.bind(doc);
  // pdfkit starts a new page itself when text runs over (`continueOnNewPage` calls `addPage`).
  doc.addPage = (options) => {
    if (fontsUsed) {
      footAll();
      doc.flushPages();
    }
    return addPage(options);
  };
  let blocks = 0;
  for (const block of outlineBlocks(parts, labels)) {
    drawBlock(doc, block, layout.pictures, layout.images);
    fontsUsed ||= block.kind === 'hash';
    yield* drained(doc);
    blocks = forgetLayouts(doc, blocks + 1);
  }
  footAll();
  if (footed !== layout.pages) throw new InternalError(`PDF conclusion: ${footed} pages laid out, ${layout.pages} counted`);
  doc.end();
  let last: Uint8Array | undefined;
  for (const chunk of drained(doc)) {
    last = chunk;
    yield chunk;
  }
  // Every picture was embedded before the layout, so pdfkit finishes the file synchronously.
  if (last === undefined || !Buffer.from(last).toString('latin1').endsWith('%%EOF\n')) throw new InternalError('PDF conclusion: pdfkit did not finish the file');
}

/** Blocks drawn between two clearings of the fonts' layout caches. */
const LAYOUT_CACHE_BLOCKS = 4096;

/**
 * pdfkit keeps the glyph layout of every distinct word it has set, per font, for the whole
 * document (`layoutCache`, private): with the candidates of a large case that grows by gigabytes.
 * Every `LAYOUT_CACHE_BLOCKS` blocks it is emptied; a layout is the same whether cached or made
 * again, so the bytes do not change. Returns the blocks counted since the last clearing.
 */
function forgetLayouts(doc: Doc, blocks: number): number {
  if (blocks < LAYOUT_CACHE_BLOCKS) return blocks;
  for (const font of Object.values((doc as unknown as { _fontFamilies: Record<string, { layoutCache?: object }> })._fontFamilies)) {
    if (font.layoutCache) font.layoutCache = Object.create(null) as object;
  }
  return 0;
}

/** The text state as it stands, with any continued text set aside so a footer starts its own. */
function saveTextState(doc: Doc): TextState {
  const fields = doc as unknown as TextState;
  const state = Object.fromEntries(TEXT_STATE_KEYS.map((key) => [key, fields[key]])) as unknown as TextState;
  fields._wrapper = null;
  fields._textOptions = null;
  return state;
}

function restoreTextState(doc: Doc, state: TextState): void {
  Object.assign(doc as unknown as TextState, state);
}

/** The footer of the current page: case number, record mark, page x of y, report digest. The bottom margin is lifted while writing so pdfkit does not start a new page for text below it. */
function drawFooter(doc: Doc, head: ConclusionHead, labels: ConclusionLabels, digest: string, page: number, pages: number): void {
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const bottom = doc.page.margins.bottom;
  doc.page.margins.bottom = 0;
  const y = doc.page.height - 44;
  doc.font('regular').fontSize(7.5).fillColor('#333333');
  doc.text(`${label(labels, 'caseNumber')}: ${clean(head.case.caseNumber ?? label(labels, 'notRecorded'))} — ${pageMark(head, labels)}`, doc.page.margins.left, y, { width, lineBreak: false });
  doc.text(pageLabel(labels, page, pages), doc.page.margins.left, y, { width, align: 'right', lineBreak: false });
  doc.font('regular').fontSize(7).text(`${label(labels, 'reportDigest')} (SHA-256): `, doc.page.margins.left, y + 11, { width, lineBreak: false, continued: true }).font('mono').text(digest, { lineBreak: false });
  doc.page.margins.bottom = bottom;
}

/** Draws one block of the outline where the text stands; `images` null lays pictures out without drawing them (the counting pass). */
function drawBlock(doc: Doc, block: OutlineBlock, pictures: FindingPictures, images: ReadonlyMap<string, OpenedImage> | null): void {
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const indentOf = (step: OutlineIndent) => PDF_INDENT[step];
  const text = (value: string, options: { font?: string; size?: number; indent?: number; gap?: number; color?: string; align?: 'left' | 'center' } = {}) => {
    doc.font(options.font ?? 'regular').fontSize(options.size ?? 10).fillColor(options.color ?? '#000000');
    doc.text(clean(value), doc.page.margins.left + (options.indent ?? 0), doc.y, { width: width - (options.indent ?? 0), align: options.align ?? 'left' });
    doc.moveDown(options.gap ?? 0.25);
  };
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
      const image = images?.get(block.findingId);
      if (image) {
        doc.image(image as unknown as Buffer, x, y, { width: picture.width * scale, height });
        const [left, top, boxWidth, boxHeight] = picture.region;
        doc.lineWidth(1.2).strokeColor(ALERT).rect(x + left * scale, y + top * scale, boxWidth * scale, boxHeight * scale).stroke();
      }
      doc.y = y + height;
      doc.moveDown(0.3);
      break;
    }
    case 'space':
      doc.moveDown(1);
      break;
  }
}
