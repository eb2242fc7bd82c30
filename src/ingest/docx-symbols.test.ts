import { describe, expect, it } from 'vitest';
import { segmentText } from '../core/document.js';
import type { SozDocument } from '../core/document.js';
import { expectSoundDocuments, extractOne } from '../../tests/support/adapter-invariants.js';
import { buildDocx, minimalParts, para, run } from '../../tests/support/docx-package.js';
import { docxAdapter } from './docx.js';

// Symbol runs (`w:sym`) and what Word keeps beside the running text (alternate content, form
// fields, content controls): read, or counted in a notice. Every package is built here; all text
// is fictional.

const extract = async (body: string): Promise<SozDocument> => {
  const bytes = await buildDocx(minimalParts(body));
  const [doc] = await expectSoundDocuments(async () => [await extractOne(docxAdapter, bytes, 'evidence.docx')]);
  if (!doc) throw new Error('no document');
  return doc;
};
const texts = (doc: SozDocument) => doc.segments.map((s) => segmentText(doc, s));
const sym = (font: string, char: string) => `<w:r><w:sym w:font="${font}" w:char="${char}"/></w:r>`;

describe('DOCX symbol runs (w:sym)', () => {
  it('maps the Symbol font to Unicode and keeps a Wingdings character in the private-use area, counted per font', async () => {
    const doc = await extract(para(run('Угол '), sym('Symbol', 'F061'), run(' и '), sym('Symbol', '0062'), run(' рядом '), sym('Wingdings', 'F04A'), sym('Wingdings', 'F04A')));
    expect(texts(doc)).toEqual(['Угол α и β рядом \uF04A\uF04A']);
    const notice = doc.notices.find((n) => n.code === 'docx.symbols');
    expect(notice?.severity).toBe('warning');
    expect(notice?.message).toBe(
      "evidence.docx: 4 symbol character(s) (w:sym) from the fonts Symbol 2, Wingdings 2; the Symbol font's mapped to Unicode (Adobe Symbol encoding); 2 kept as private-use characters U+F000–U+F0FF that show the font's pictures, search them by hand (first: word/document.xml paragraph 0)",
    );
    expect(doc.properties['symbols']).toBe(4);
  });

  it('a Symbol character without a Unicode counterpart stays private-use; a character from an ordinary font is itself', async () => {
    // 0xF0 is unassigned in the Symbol encoding.
    const doc = await extract(para(sym('Symbol', 'F0F0'), sym('Times New Roman', '2014')));
    expect(texts(doc)).toEqual(['\uF0F0—']);
    expect(doc.notices.find((n) => n.code === 'docx.symbols')?.message).toBe(
      "evidence.docx: 2 symbol character(s) (w:sym) from the fonts Symbol 1, Times New Roman 1; the Symbol font's mapped to Unicode (Adobe Symbol encoding); 1 kept as private-use characters U+F000–U+F0FF that show the font's pictures, search them by hand (first: word/document.xml paragraph 0)",
    );
  });

  it('only mapped symbols: an info notice, no private-use characters', async () => {
    const doc = await extract(para(run('Итого '), sym('Symbol', 'F0B1'), run('5')));
    expect(texts(doc)).toEqual(['Итого ±5']);
    const notice = doc.notices.find((n) => n.code === 'docx.symbols');
    expect(notice?.severity).toBe('info');
    expect(notice?.message).toBe("evidence.docx: 1 symbol character(s) (w:sym) from the fonts Symbol 1; the Symbol font's mapped to Unicode (Adobe Symbol encoding)");
  });

  it('a symbol with an unreadable code is counted, never dropped in silence', async () => {
    const doc = await extract(para(run('текст'), sym('Wingdings', 'zz')));
    expect(texts(doc)).toEqual(['текст']);
    expect(doc.notices.filter((n) => n.code === 'docx.not-read').map((n) => n.unread)).toEqual([
      { kind: 'symbol(s) (w:sym) without a readable character code', count: 1, first: 'word/document.xml paragraph 0 (Wingdings zz)' },
    ]);
  });

  it('a document without symbols has no symbol notice', async () => {
    const doc = await extract(para(run('текст')));
    expect(doc.notices.some((n) => n.code === 'docx.symbols')).toBe(false);
    expect(doc.properties['symbols']).toBeUndefined();
  });
});

const unread = (doc: SozDocument) => doc.notices.filter((n) => n.code === 'docx.not-read').map((n) => n.unread);
const V = 'xmlns:v="urn:schemas-microsoft-com:vml"';

describe('DOCX elements beside the running text: read, or counted', () => {
  it('reads a VML text box, a simple field\'s result and content-control text as body text', async () => {
    const doc = await extract(
      para(`<w:r><w:pict><v:shape ${V}><v:textbox><w:txbxContent>${para(run('в рамке VML'))}</w:txbxContent></v:textbox></v:shape></w:pict></w:r>`) +
        para('<w:fldSimple w:instr=" DOCPROPERTY Title ">', run('Заголовок'), '</w:fldSimple>') +
        `<w:sdt><w:sdtPr><w:alias w:val="Поле"/></w:sdtPr><w:sdtContent>${para(run('внутри элемента управления'))}</w:sdtContent></w:sdt>`,
    );
    expect(texts(doc)).toEqual(['в рамке VML', 'Заголовок', 'внутри элемента управления']);
    expect(unread(doc)).toEqual([{ kind: 'field instruction(s) not shown as text', count: 1, first: 'word/document.xml paragraph 2 (DOCPROPERTY)' }]);
  });

  it('alternate content: a fallback repeating the choice is skipped; one with other text is counted', async () => {
    const alternate = (choice: string, fallback: string) =>
      para(`<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent>${para(run(choice))}</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>${para(run(fallback))}</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>`);
    const same = await extract(alternate('одно и то же', 'одно и то же'));
    expect(texts(same)).toEqual(['одно и то же']);
    expect(unread(same)).toEqual([]);
    const other = await extract(alternate('видимый текст', 'другой текст в запасной ветви'));
    expect(texts(other)).toEqual(['видимый текст']);
    expect(unread(other)).toEqual([{ kind: 'alternate content (mc:Fallback) whose text differs from the content read', count: 1, first: 'word/document.xml paragraph 0' }]);
  });

  it('the items of drop-down lists and the help texts of form fields are counted', async () => {
    const doc = await extract(
      `<w:sdt><w:sdtPr><w:dropDownList><w:listItem w:displayText="Да" w:value="1"/><w:listItem w:displayText="Нет" w:value="2"/></w:dropDownList></w:sdtPr><w:sdtContent>${para(run('Да'))}</w:sdtContent></w:sdt>` +
        para('<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Выбор"/><w:ddList><w:listEntry w:val="первый"/><w:listEntry w:val="второй"/></w:ddList><w:helpText w:type="text" w:val="подсказка"/></w:ffData></w:fldChar></w:r><w:r><w:instrText> FORMDROPDOWN </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>', run('первый'), '<w:r><w:fldChar w:fldCharType="end"/></w:r>'),
    );
    expect(texts(doc)).toEqual(['Да', 'первый']);
    expect(unread(doc)).toEqual([
      { kind: 'list item(s) of drop-down content controls and form fields (only the chosen one is text)', count: 4, first: 'word/document.xml (Да)' },
      { kind: 'help and status text(s) of form fields', count: 1, first: 'word/document.xml paragraph 1 (подсказка)' },
    ]);
  });
});
