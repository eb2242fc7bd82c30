// PDFs made for tests: by pdfkit (deterministic: fixed creation date) or by hand from raw objects,
// for what pdfkit cannot write (Type3 fonts, optional content, predefined CMaps).
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
