import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { segmentText } from '../core/document.js';
import type { SozDocument } from '../core/document.js';
import { sha256 } from '../core/hash.js';
import { handMadePdf, pdfkitPdf } from '../../tests/support/pdf-fixtures.js';
import { REAL_CORPORA, evidenceInputOf, expectSoundDocuments, extractOne, userErrorOf } from '../../tests/support/adapter-invariants.js';
import { pdfAdapter } from './documents.js';
import { normalisePdfText, pdfLoadOptions } from './pdf.js';
import { readPdfContent } from './pdf/read.js';
import { MEDIA_TYPES, sniffMediaType } from './sniff.js';

/** A PDF made with pdfkit: one entry per page, `null` for a page with nothing on it. */
function makePdf(pages: (string | null)[], options: PDFKit.PDFDocumentOptions = {}): Promise<Uint8Array> {
  const draw = (doc: PDFKit.PDFDocument) => {
    for (const text of pages) {
      doc.addPage();
      if (text !== null) doc.fontSize(14).text(text, 72, 72);
    }
  };
  return pdfkitPdf(draw, { info: { Producer: 'soz-test\u202Eevil\u0007', Creator: 'unit test' }, ...options });
}

/**
 * A hand-made PDF whose text uses the predefined CMap UniJIS-UCS2-H and a non-embedded CID font:
 * pdf.js can only read it with its bundled CMap files (without them it warns and returns "").
 */
function predefinedCMapPdf(): Uint8Array {
  return handMadePdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    '{stream}BT /F1 24 Tf 20 100 Td <65E5672C8A9E> Tj ET{/stream}',
    '<< /Type /Font /Subtype /Type0 /BaseFont /MS-Mincho /Encoding /UniJIS-UCS2-H /DescendantFonts [6 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /MS-Mincho /CIDSystemInfo << /Registry (Adobe) /Ordering (Japan1) /Supplement 2 >> /FontDescriptor 7 0 R >>',
    '<< /Type /FontDescriptor /FontName /MS-Mincho /Flags 4 /FontBBox [0 0 1000 1000] /ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 >>',
  ]);
}

const inputOf = (bytes: Uint8Array, name = 'evidence.pdf') => evidenceInputOf(bytes, name);
const extract = (bytes: Uint8Array, name = 'evidence.pdf'): Promise<SozDocument> => extractOne(pdfAdapter, bytes, name);

describe('normalisePdfText', () => {
  it('turns Arabic presentation forms into letters, Farsi yeh from them into Arabic yeh, strips embedding marks', () => {
    // ﻣﺮﺣﺒﺎ = مرحبا in presentation forms; ﻲ (U+FEF2, final yeh) and ﯾ (U+FBFE, Farsi yeh initial).
    const result = normalisePdfText('\u202B\uFEE3\uFEAE\uFEA3\uFE92\uFE8E\u202C \uFEF2 \uFBFE');
    expect(result.text).toBe('مرحبا \u064A \u064A');
    expect(result.presentationForms).toBe(7);
    expect(result.embeddingMarks).toBe(2);
  });

  it('leaves other text exactly as printed (no NFKC on №, ligatures, full-width)', () => {
    const text = '№ 5 ﬁle ＡＢ ٣ ی';
    expect(normalisePdfText(text)).toEqual({ text, presentationForms: 0, embeddingMarks: 0 });
  });
});

describe('pdfAdapter', () => {
  it('one segment per page, a blank page reported as needing OCR, metadata sanitised', async () => {
    const bytes = await makePdf(['Первая страница: текст.', null, 'Третья страница']);
    expect(sniffMediaType(bytes)).toBe(MEDIA_TYPES.pdf);
    expect(pdfAdapter.detect(inputOf(bytes))).toBe(true);
    const [doc] = await expectSoundDocuments(async () => [await extract(bytes)]);
    if (!doc) throw new Error('no document');
    expect(doc.segments.map((s) => [s.id, s.anchor.page, segmentText(doc, s)])).toEqual([
      ['page1', 1, 'Первая страница: текст.'],
      ['page2', 2, ''],
      ['page3', 3, 'Третья страница'],
    ]);
    expect(doc.notices).toHaveLength(1);
    expect(doc.notices[0]).toMatchObject({ code: 'pdf.needs-ocr', anchor: { page: 2 } });
    expect(doc.notices[0]?.message).toContain('evidence.pdf');
    expect(doc.properties).toMatchObject({ pages: 3, pagesNeedingOcr: 1, pagesNeedingOcrList: '2', producer: 'soz-test evil', creator: 'unit test', normalisation: 'none' });
  });

  it('does not detach or change the evidence buffer it is given', async () => {
    const bytes = await makePdf(['x']);
    const before = sha256(bytes);
    await extract(bytes);
    expect(bytes.byteLength).toBeGreaterThan(0);
    expect(sha256(bytes)).toBe(before);
  });

  it('encrypted → pdf.encrypted naming the file', async () => {
    const bytes = await makePdf(['секрет'], { userPassword: 'pw', ownerPassword: 'owner' });
    const error = await userErrorOf(extract(bytes, 'locked.pdf'));
    expect(error.code).toBe('pdf.encrypted');
    expect(error.message).toContain('locked.pdf');
    expect(error.message).toContain('obtain the password or an unencrypted copy');
  });

  it('truncated real PDF → pdf.corrupt naming the file', async () => {
    const name = readdirSync(`${REAL_CORPORA}pdf`).find((n) => n.startsWith('ru_libreoffice')) ?? '';
    const whole = new Uint8Array(readFileSync(`${REAL_CORPORA}pdf/${name}`));
    const error = await userErrorOf(extract(whole.subarray(0, Math.floor(whole.length / 2)), 'cut.pdf'));
    expect(error.code).toBe('pdf.corrupt');
    expect(error.message).toContain('cut.pdf');
  });

  it('random bytes and a bare header → pdf.corrupt', async () => {
    let state = 12345;
    const random = Uint8Array.from({ length: 4096 }, () => (state = (state * 1103515245 + 12345) >>> 0) >>> 24);
    for (const bytes of [random, new TextEncoder().encode('%PDF-1.7\n'), new Uint8Array(0)]) {
      const error = await userErrorOf(extract(bytes, 'junk.pdf'));
      expect(error.code).toBe('pdf.corrupt');
      expect(error.message).toContain('junk.pdf');
    }
  });

  it('reads predefined CMaps from the installed pdfjs-dist, offline and silently', async () => {
    expect((await extract(predefinedCMapPdf(), 'cjk.pdf')).text).toBe('日本語');
    // The adapter reads in a worker thread, out of reach of spies here: run the same reader in
    // this thread to see that it neither fetches nor prints.
    const log = vi.spyOn(console, 'log');
    const fetchSpy = vi.spyOn(globalThis, 'fetch').mockImplementation(() => Promise.reject(new Error('network used')));
    try {
      const content = await readPdfContent(predefinedCMapPdf());
      expect(content.pages).toEqual(['日本語']);
      expect(fetchSpy).not.toHaveBeenCalled();
      expect(log).not.toHaveBeenCalled();
    } finally {
      vi.restoreAllMocks();
    }
  });

  it('points pdf.js at the bundled CMaps, standard fonts and wasm (nothing is fetched)', () => {
    const options = pdfLoadOptions();
    expect(existsSync(`${String(options['cMapUrl'])}UniJIS-UCS2-H.bcmap`)).toBe(true);
    expect(existsSync(`${String(options['standardFontDataUrl'])}FoxitSerif.pfb`)).toBe(true);
    expect(existsSync(String(options['wasmUrl']))).toBe(true);
    expect(options['isEvalSupported']).toBe(false);
    expect(options['verbosity']).toBe(0);
  });
});
