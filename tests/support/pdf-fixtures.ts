// PDFs made for tests: by pdfkit (deterministic: fixed creation date) or by hand from raw objects,
// for what pdfkit cannot write (Type3 fonts, optional content, predefined CMaps).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';

/** DejaVu Sans: covers Cyrillic and the other alphabets soz reads (the standard fonts do not). */
export const DEJAVU_SANS = createRequire(import.meta.url).resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');

/** A fixed creation date: pdfkit otherwise writes the clock into the file. */
export const FIXED_DATE = new Date(Date.UTC(2024, 0, 1));

/** Runs `draw` on a new pdfkit document (DejaVu Sans selected, no page added) and returns the file. */
export function pdfkitPdf(draw: (doc: PDFKit.PDFDocument) => void, options: PDFKit.PDFDocumentOptions = {}): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ autoFirstPage: false, ...options, info: { CreationDate: FIXED_DATE, ...options.info } });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
    doc.font(DEJAVU_SANS);
    draw(doc);
    doc.end();
  });
}

/** The fictional picture photo_1 of tests/fixtures/ocr (a Kyrgyz line and a Russian one; see its README). */
const SCANNED_PICTURE = new URL('../fixtures/ocr/telegram-photos/photos/photo_1@02-01-2026_10-15-00.jpg', import.meta.url).pathname;

/** One page without a text layer, as a scanner makes it: the 959 × 342 px picture (150 dpi) at its printed size. */
export function scannedPdf(): Promise<Uint8Array> {
  return pdfkitPdf((doc) => {
    doc.addPage({ size: [460.32, 164.16], margin: 0 });
    doc.image(readFileSync(SCANNED_PICTURE), 0, 0, { width: 460.32, height: 164.16 });
  });
}

/**
 * A PDF from raw object bodies: object i + 1 is `objects[i]`, object 1 must be the catalog. A
 * body may contain `{stream}…{/stream}`, replaced by a stream with the right `/Length`.
 */
export function handMadePdf(objects: readonly string[]): Uint8Array {
  let out = '%PDF-1.5\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(out.length);
    const body = object.replace(/\{stream\}([\s\S]*)\{\/stream\}/, (_, content: string) => `<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

/** The file embedded by `everythingPdf`. */
export const ATTACHED = new TextEncoder().encode('вложенный текст (вымышленный)');

/** One page with every kind of dropped or hidden text pdfkit can write, and every non-page part. */
export function everythingPdf(): Promise<Uint8Array> {
  return pdfkitPdf(
    (doc) => {
      doc.addPage();
      doc.fontSize(14).text('Видимый текст страницы.', 72, 72, { lineBreak: false });
      doc.fillColor('white').text('Белый текст', 72, 100, { lineBreak: false });
      doc.fillColor('black').fontSize(0.5).text('Крошечный текст', 72, 130, { lineBreak: false });
      doc.fontSize(14).text('Текст за краем', 700, 72, { lineBreak: false });
      doc.addContent('3 Tr');
      doc.text('Невидимый текст', 72, 160, { lineBreak: false });
      doc.addContent('0 Tr');
      // pdfkit writes String objects as PDF strings (plain strings become names).
      const pdfString = (value: string) => new String(value) as unknown as string;
      doc.note(72, 200, 50, 20, 'Заметка на полях', { T: pdfString('Айгүл'), M: pdfString("D:20240305101500+06'00'") } as PDFKit.Mixins.AnnotationOption);
      doc.link(72, 230, 100, 20, 'https://example.org/leaflet');
      doc.outline.addItem('Глава первая').addItem('Раздел 1.1');
      doc.initForm();
      doc.formText('surname', 72, 300, 200, 20, { value: 'Fictional' });
      doc.file(Buffer.from(ATTACHED), { name: 'note.txt', type: 'text/plain', description: 'записка', creationDate: FIXED_DATE, modifiedDate: FIXED_DATE });
    },
    { info: { Title: 'Листовка (вымышленная)', Author: 'Автор А.', Subject: 'Тема', Keywords: 'ключ; слово' } },
  );
}

/**
 * A Type3 font whose glyph names (/a1 /a2 /a3) are in no glyph list and which has no ToUnicode:
 * pdf.js shows the character codes ("ABC"). Also text in a layer that is off by default.
 */
export function type3AndLayerPdf(): Uint8Array {
  return handMadePdf([
    '<< /Type /Catalog /Pages 2 0 R /OCProperties << /OCGs [6 0 R] /D << /OFF [6 0 R] /Order [6 0 R] >> >> >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Resources << /Font << /F1 5 0 R /F2 7 0 R >> /Properties << /L1 6 0 R >> >> /Contents 4 0 R >>',
    '{stream}BT /F1 12 Tf 20 150 Td (ABC) Tj ET /OC /L1 BDC BT /F2 12 Tf 20 100 Td (Secret layer) Tj ET EMC BT /F2 12 Tf 20 50 Td (Visible words) Tj ET{/stream}',
    '<< /Type /Font /Subtype /Type3 /FontBBox [0 0 1000 1000] /FontMatrix [0.001 0 0 0.001 0 0] /CharProcs << /a1 8 0 R /a2 8 0 R /a3 8 0 R >> /Encoding << /Type /Encoding /Differences [65 /a1 /a2 /a3] >> /FirstChar 65 /LastChar 67 /Widths [1000 1000 1000] /Resources << >> >>',
    '<< /Type /OCG /Name (Hidden layer) >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    '{stream}1000 0 0 0 1000 1000 d1 0 0 1000 1000 re f{/stream}',
  ]);
}

/**
 * Pages that each repeat one content stream of `runs` text-showing operators, nearly all beyond
 * the page's right edge: a small file that keeps pdf.js busy for seconds.
 */
export function slowPdf(pages: number, runs: number): Uint8Array {
  const kids = Array.from({ length: pages }, (_, i) => `${5 + i} 0 R`).join(' ');
  const page = '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Resources << /Font << /F1 4 0 R >> >> /Contents 3 0 R >>';
  return handMadePdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`,
    `{stream}BT /F1 10 Tf 10 10 Td ${'(A) Tj '.repeat(runs)}ET{/stream}`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    ...Array.from({ length: pages }, () => page),
  ]);
}
