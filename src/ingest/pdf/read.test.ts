// Loading pdf.js for reading: the thread keeps the engine's own Array.prototype.push (pdf.js's
// bundled core-js replaces it with a slower one), and a PDF read after that is read as before.
import { describe, expect, it } from 'vitest';
import { pdfkitPdf } from '../../../tests/support/pdf-fixtures.js';
import { loadPdfjs, readPdfContent } from './read.js';

const isEngineCode = (fn: unknown) => typeof fn === 'function' && /\[native code\]/.test(Function.prototype.toString.call(fn));

describe('loadPdfjs', () => {
  it("loads pdf-parse, pdf.js and pdf.js's worker code once and leaves the engine's push in place", async () => {
    const before = Object.getOwnPropertyDescriptor(Array.prototype, 'push');
    expect(isEngineCode(before?.value)).toBe(true);
    const first = await loadPdfjs();
    expect(await loadPdfjs()).toBe(first);
    expect(typeof first.pdfjs.OPS['showText']).toBe('number');
    expect(Object.getOwnPropertyDescriptor(Array.prototype, 'push')).toEqual(before);
    // A fictional two-word page, read with pdf.js after the swap: the text as written, an ordinary push.
    const content = await readPdfContent(await pdfkitPdf((doc) => doc.addPage({ size: 'A6' }).fontSize(14).text('Тестовый листок', 40, 60)));
    expect(content.pages).toEqual(['Тестовый листок']);
    const list: number[] = [];
    expect(list.push(1, 2)).toBe(2);
    expect(isEngineCode(Array.prototype.push)).toBe(true);
  });
});
