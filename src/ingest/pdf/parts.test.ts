// The PDF parts besides page text, and the flags on text a reader may not see (fixtures in
// tests/support/pdf-fixtures.ts; all text is fictional).
import { describe, expect, it } from 'vitest';
import type { SozDocument } from '../../core/document.js';
import { segmentText } from '../../core/document.js';
import { sha256 } from '../../core/hash.js';
import { collectDocuments } from '../adapter.js';
import { evidenceInputOf, expectSoundDocuments, extractOne } from '../../../tests/support/adapter-invariants.js';
import { ATTACHED, FIXED_DATE, everythingPdf, pdfkitPdf, type3AndLayerPdf } from '../../../tests/support/pdf-fixtures.js';
import { pdfAdapter } from '../documents.js';
import { pdfDate } from './parts.js';

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
    expect(attachment?.message).toContain(`${ATTACHED.byteLength} bytes, text/plain by its bytes, SHA-256 ${sha256(ATTACHED)}`);
    expect(attachment?.message).toContain('described as "записка" is read as 1 document(s) with entry "attachment.1/note.txt"');
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

describe('files embedded in a PDF', () => {
  it('are read as documents of their own when soz reads their format, in the custody of the PDF', async () => {
    const bytes = await everythingPdf();
    const docs = await expectSoundDocuments(() => collectDocuments(pdfAdapter.extract(evidenceInputOf(bytes, 'leaflet.pdf'))));
    expect(docs.map((d) => [d.format, d.entry ?? null, d.evidenceSha256, d.evidenceName])).toEqual([
      ['pdf', null, sha256(bytes), 'leaflet.pdf'],
      ['text', 'attachment.1/note.txt', sha256(bytes), 'leaflet.pdf'],
    ]);
    expect(docs[1]?.text).toBe(new TextDecoder().decode(ATTACHED));
    expect(docs[1]?.segments.every((s) => s.anchor.entry === 'attachment.1/note.txt')).toBe(true);
  });

  it('are named, sized and hashed but not opened past two levels of PDFs in PDFs', async () => {
    const inner = await everythingPdf();
    const middle = await pdfkitPdf((doc) => doc.addPage().file(Buffer.from(inner), { name: 'inner.pdf', creationDate: FIXED_DATE, modifiedDate: FIXED_DATE }));
    const outer = await pdfkitPdf((doc) => doc.addPage().file(Buffer.from(middle), { name: 'middle.pdf', creationDate: FIXED_DATE, modifiedDate: FIXED_DATE }));
    const docs = await collectDocuments(pdfAdapter.extract(evidenceInputOf(outer, 'outer.pdf')));
    expect(docs.map((d) => d.entry ?? null)).toEqual([null, 'attachment.1/middle.pdf', 'attachment.1/middle.pdf/attachment.1/inner.pdf']);
    const deepest = docs[2]?.notices.find((n) => n.code === 'pdf.attachment');
    expect(deepest?.message).toContain('is not read (nested 2 files deep); save it from the PDF and add it as evidence of its own');
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
