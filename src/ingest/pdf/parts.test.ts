// The PDF parts besides page text, and the flags on text a reader may not see. Fixtures are made
// here (pdfkit, or raw objects where pdfkit cannot write the feature); all text is fictional.
import { describe, expect, it } from 'vitest';
import type { SozDocument } from '../../core/document.js';
import { segmentText } from '../../core/document.js';
import { sha256 } from '../../core/hash.js';
import { expectSoundDocuments, extractOne } from '../../../tests/support/adapter-invariants.js';
import { FIXED_DATE, handMadePdf, pdfkitPdf } from '../../../tests/support/pdf-fixtures.js';
import { pdfAdapter } from '../pdf.js';
import { pdfDate } from './parts.js';

const ATTACHED = new TextEncoder().encode('вложенный текст (вымышленный)');

/** One page with every kind of dropped or hidden text pdfkit can write, and every non-page part. */
function everythingPdf(): Promise<Uint8Array> {
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
function type3AndLayerPdf(): Uint8Array {
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

const byPart = (doc: SozDocument, part: string) => doc.segments.filter((s) => s.anchor.part === part).map((s) => [s.id, segmentText(doc, s), s.anchor.page ?? null, s.author ?? null]);
const notices = (doc: SozDocument, code: string) => doc.notices.filter((n) => n.code === code);

describe('PDF parts besides the page text', () => {
  it('reads info, bookmarks, annotations with author and date, links, form fields and attachment names as labelled segments', async () => {
    const bytes = await everythingPdf();
    const [doc] = await expectSoundDocuments(async () => [await extractOne(pdfAdapter, bytes, 'leaflet.pdf')]);
    if (!doc) throw new Error('no document');
    expect(doc.segments[0]).toMatchObject({ id: 'page1', anchor: { part: 'page', page: 1 } });
    expect(byPart(doc, 'pdf-info')).toEqual([
      ['info.Title', 'Листовка (вымышленная)', null, null],
      ['info.Author', 'Автор А.', null, null],
      ['info.Subject', 'Тема', null, null],
      ['info.Keywords', 'ключ; слово', null, null],
    ]);
    expect(byPart(doc, 'pdf-bookmark')).toEqual([
      ['bookmark.1', 'Глава первая', null, null],
      ['bookmark.1.1', 'Раздел 1.1', null, null],
    ]);
    expect(byPart(doc, 'pdf-annotation')).toEqual([['p1.annotation1', 'Заметка на полях', 1, 'Айгүл']]);
    expect(notices(doc, 'pdf.annotation')[0]?.message).toBe('leaflet.pdf: page 1: Text annotation (segment p1.annotation1) by "Айгүл", modified 2024-03-05T10:15:00+06:00');
    expect(byPart(doc, 'pdf-link')).toEqual([['p1.link1', 'https://example.org/leaflet', 1, null]]);
    expect(byPart(doc, 'pdf-form-field')).toEqual([['field.surname', 'Fictional', 1, null]]);
    expect(byPart(doc, 'pdf-attachment-name')).toEqual([['attachment.1', 'note.txt', null, null]]);
    const [attachment] = notices(doc, 'pdf.attachment');
    expect(attachment?.message).toContain(`${ATTACHED.byteLength} bytes, SHA-256 ${sha256(ATTACHED)}`);
    expect(attachment?.message).toContain('described as "записка"');
    expect(doc.properties).toMatchObject({ infoEntriesRead: 4, bookmarks: 2, annotations: 1, links: 1, formFields: 1, attachments: 1 });
  });

  it('flags invisible, white and tiny text (kept in the page text) and keeps off-page text pdf.js drops', async () => {
    const doc = await extractOne(pdfAdapter, await everythingPdf(), 'leaflet.pdf');
    const page = segmentText(doc, doc.segments[0]!);
    for (const seen of ['Видимый текст страницы.', 'Белый текст', 'Крошечный текст', 'Невидимый текст']) expect(page).toContain(seen);
    expect(page).not.toContain('Текст за краем');
    expect(byPart(doc, 'pdf-off-page')).toEqual([['p1.offpage', 'Текст за краем', 1, null]]);
    const flagged = (code: string) => notices(doc, code).map((n) => [n.anchor?.page, n.message.match(/e\.g\. "(.*)";/)?.[1]]);
    expect(flagged('pdf.white-text')).toEqual([[1, 'Белый текст']]);
    expect(flagged('pdf.tiny-text')).toEqual([[1, 'Крошечный текст']]);
    expect(flagged('pdf.invisible-text')).toEqual([[1, 'Невидимый текст']]);
    expect(flagged('pdf.off-page-text')).toEqual([[1, 'Текст за краем']]);
    expect(notices(doc, 'pdf.unmapped-glyphs')).toEqual([]);
    expect(doc.properties).toMatchObject({ whiteTextRuns: 1, tinyTextRuns: 1, invisibleTextRuns: 1, offPageTextRuns: 1 });
  });

  it('flags Type3 glyphs without Unicode ("ABC" is a guess) and text in a layer hidden by default', async () => {
    const doc = await extractOne(pdfAdapter, type3AndLayerPdf(), 'type3.pdf');
    expect(segmentText(doc, doc.segments[0]!)).toContain('Visible words');
    expect(notices(doc, 'pdf.unmapped-glyphs').map((n) => n.message)).toEqual([
      'type3.pdf: page 1: 1 text run(s) in glyphs that do not map to Unicode (no ToUnicode table, non-standard glyph names), e.g. "ABC"; the page text shows character codes there, not what is printed; compare with the page image',
    ]);
    expect(notices(doc, 'pdf.hidden-layer-text').map((n) => n.message.match(/e\.g\. "(.*)";/)?.[1])).toEqual(['Secret layer']);
    expect(notices(doc, 'pdf.white-text')).toEqual([]);
  });

  it('a PDF without such parts gets no new segments, notices or properties', async () => {
    const bytes = await pdfkitPdf((doc) => doc.addPage().fontSize(12).text('Обычный текст.', 72, 72));
    const doc = await extractOne(pdfAdapter, bytes, 'plain.pdf');
    expect(doc.segments.map((s) => s.id)).toEqual(['page1']);
    expect(doc.notices).toEqual([]);
    expect(Object.keys(doc.properties).sort()).toEqual(['arabicPresentationFormsNormalised', 'bidiEmbeddingMarksRemoved', 'creator', 'normalisation', 'pages', 'pagesNeedingOcr', 'pdfVersion', 'producer']);
  });
});

describe('pdfDate', () => {
  it('turns PDF dates into ISO 8601, keeping what the file records of the offset', () => {
    expect(pdfDate("D:20240305101500+06'00'")).toBe('2024-03-05T10:15:00+06:00');
    expect(pdfDate('D:20240305101500Z')).toBe('2024-03-05T10:15:00Z');
    expect(pdfDate('D:2024')).toBe('2024-01-01T00:00:00');
    expect(pdfDate('yesterday\u202E')).toBe('yesterday');
  });
});
