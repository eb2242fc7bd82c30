import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { segmentText } from '../core/document.js';
import type { SozDocument } from '../core/document.js';
import { evidenceInputOf, expectSoundDocuments, extractOne, userErrorOf } from '../../tests/support/adapter-invariants.js';
import { REL, W, buildDocx as zipParts, para, run } from '../../tests/support/docx-package.js';
import { DEFAULT_LIMITS } from './adapter.js';
import type { Limits } from './adapter.js';
import { docxAdapter } from './docx.js';
import { MEDIA_TYPES, sniffMediaType } from './sniff.js';

const DOCUMENT = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document ${W}><w:body>
${para(run('Первый абзац &amp; «кавычки»'))}
${para(
  run('Мы встретимся '),
  '<w:del w:id="1" w:author="Алия Асанова" w:date="2024-01-01T00:00:00Z"><w:r><w:delText xml:space="preserve">завтра </w:delText></w:r></w:del>',
  '<w:ins w:id="2" w:author="Бакыт Осмонов"><w:r><w:t xml:space="preserve">сегодня </w:t></w:r></w:ins>',
  run('в парке.'),
  run(' Скрытая приписка.', '<w:vanish/>'),
  run(' Видимый хвост', '<w:vanish w:val="0"/>'),
)}
${para('<w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs><w:rPr><w:vanish/></w:rPr></w:pPr>', '<w:r><w:t>A</w:t><w:tab/><w:t>B</w:t><w:br/><w:t>C</w:t></w:r>')}
${para()}
<w:tbl><w:tr><w:tc>${para(run('ячейка 1'))}</w:tc><w:tc>${para(run('ячейка 2'))}</w:tc></w:tr></w:tbl>
${para(run('Сноска'), '<w:r><w:footnoteReference w:id="1"/></w:r>', '<w:commentRangeStart w:id="3"/>', run('комментированный текст'), '<w:commentRangeEnd w:id="3"/>')}
${para('<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent>' + para(run('текст в рамке')) + '</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>' + para(run('текст в рамке')) + '</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>')}
${para('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>', run('7'), '<w:r><w:fldChar w:fldCharType="end"/></w:r>')}
<w:sectPr/></w:body></w:document>`;

const FILES: Record<string, string> = {
  '[Content_Types].xml': '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
  '_rels/.rels': `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships>`,
  'word/document.xml': DOCUMENT,
  'word/_rels/document.xml.rels': `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="${REL}/header" Target="header1.xml"/>
<Relationship Id="rId2" Type="${REL}/footer" Target="footer1.xml"/>
<Relationship Id="rId3" Type="${REL}/footnotes" Target="footnotes.xml"/>
<Relationship Id="rId4" Type="${REL}/comments" Target="comments.xml"/>
<Relationship Id="rId5" Type="${REL}/hyperlink" Target="http://example.org/" TargetMode="External"/></Relationships>`,
  'word/header1.xml': `<w:hdr ${W}>${para(run('Верхний колонтитул'))}</w:hdr>`,
  'word/footer1.xml': `<w:ftr ${W}>${para(run('Страница '), run('1'))}</w:ftr>`,
  'word/footnotes.xml': `<w:footnotes ${W}><w:footnote w:type="separator" w:id="-1">${para('<w:r><w:separator/></w:r>')}</w:footnote><w:footnote w:id="1">${para(run('Текст сноски.'))}${para(run('Второй абзац сноски.'))}</w:footnote></w:footnotes>`,
  'word/comments.xml': `<w:comments ${W}><w:comment w:id="3" w:author="Эксперт Э." w:initials="ЭЭ">${para(run('Замечание к фразе'))}</w:comment></w:comments>`,
  'docProps/core.xml': '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Автор\u202Eобманка</dc:creator><cp:lastModifiedBy>Редактор</cp:lastModifiedBy></cp:coreProperties>',
};

const buildDocx = (files: Record<string, string | Uint8Array> = FILES, options: { streamFiles?: boolean } = {}) => zipParts(files, options);

const inputOf = (bytes: Uint8Array, name = 'evidence.docx', limits?: Limits) => evidenceInputOf(bytes, name, limits);
const extract = (bytes: Uint8Array, name = 'evidence.docx', limits?: Limits): Promise<SozDocument> => extractOne(docxAdapter, bytes, name, limits);

describe('docxAdapter on a generated package', () => {
  it('labels every part, keeps deleted/inserted/hidden text apart, in reading order', async () => {
    const bytes = await buildDocx();
    expect(sniffMediaType(bytes)).toBe(MEDIA_TYPES.docx);
    expect(docxAdapter.detect(inputOf(bytes))).toBe(true);
    const [doc] = await expectSoundDocuments(async () => [await extract(bytes)]);
    if (!doc) throw new Error('no document');
    const rows = doc.segments.map((s) => [s.id, s.anchor.part, s.anchor.paragraph, segmentText(doc, s), s.author ?? null]);
    expect(rows).toEqual([
      ['body.0', 'body', 0, 'Первый абзац & «кавычки»', null],
      ['body.1', 'body', 1, 'Мы встретимся ', null],
      ['body.1.del0', 'deleted', 1, 'завтра ', 'Алия Асанова'],
      ['body.1.ins0', 'inserted', 1, 'сегодня ', 'Бакыт Осмонов'],
      ['body.1.txt1', 'body', 1, 'в парке.', null],
      ['body.1.hid0', 'hidden', 1, ' Скрытая приписка.', null],
      ['body.1.txt2', 'body', 1, ' Видимый хвост', null],
      ['body.2', 'body', 2, 'A\tB\nC', null],
      ['body.4', 'body', 4, 'ячейка 1', null],
      ['body.5', 'body', 5, 'ячейка 2', null],
      ['body.6', 'body', 6, 'Сноскакомментированный текст', null],
      // Paragraph 3 is empty; 7 only holds the text box whose paragraph is 8 (mc:Fallback copy skipped).
      ['body.8', 'body', 8, 'текст в рамке', null],
      ['body.9', 'body', 9, '7', null],
      ['header1.0', 'header', 0, 'Верхний колонтитул', null],
      ['footer1.0', 'footer', 0, 'Страница 1', null],
      ['footnote.1', 'footnote', 1, 'Текст сноски.', null],
      ['footnote.1.1', 'footnote', 2, 'Второй абзац сноски.', null],
      ['comment.3', 'comment', 0, 'Замечание к фразе', 'Эксперт Э.'],
      // Document properties come last, as evidence text; the scalar properties stay sanitised.
      ['core.creator', 'metadata', undefined, 'Автор\u202Eобманка', null],
      ['core.lastModifiedBy', 'metadata', undefined, 'Редактор', null],
    ]);
    expect(doc.notices.map((n) => n.code).sort()).toEqual(['docx.hidden-text', 'docx.tracked-changes']);
    expect(doc.properties).toMatchObject({
      headers: 1,
      footers: 1,
      footnotes: 1,
      comments: 1,
      deletedPassages: 1,
      insertedPassages: 1,
      hiddenPassages: 1,
      coreCreator: 'Автор обманка',
      coreLastModifiedBy: 'Редактор',
    });
  });

  it('shows what mammoth would lose: deleted text, headers, notes, comments, and hidden text shown as visible', async () => {
    const bytes = await buildDocx();
    const raw = (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
    expect(raw).not.toContain('завтра');
    expect(raw).not.toContain('Верхний колонтитул');
    expect(raw).not.toContain('Замечание к фразе');
    expect(raw).toContain('Скрытая приписка');
    const doc = await extract(bytes);
    for (const text of ['завтра', 'Верхний колонтитул', 'Замечание к фразе', 'Текст сноски.']) expect(doc.text).toContain(text);
  });

  it('reads packages whose local headers defer sizes to data descriptors', async () => {
    const bytes = await buildDocx(FILES, { streamFiles: true });
    expect(sniffMediaType(bytes)).toBe(MEDIA_TYPES.docx);
    expect((await extract(bytes)).segments.length).toBeGreaterThan(10);
  });
});

describe('docxAdapter errors', () => {
  it('legacy .doc (OLE) → docx.legacy-doc naming the file', async () => {
    const ole = new Uint8Array(4096);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    ole.set(new Uint8Array(Buffer.from('WordDocument', 'utf16le')), 1024);
    expect(sniffMediaType(ole)).toBe(MEDIA_TYPES.ole);
    expect(docxAdapter.detect(inputOf(ole, 'old.doc'))).toBe(true);
    const error = await userErrorOf(extract(ole, 'old.doc'));
    expect(error.code).toBe('docx.legacy-doc');
    expect(error.message).toContain('old.doc');
    expect(error.message).toContain('save it as DOCX or PDF');
  });

  it('password-protected OOXML (OLE with EncryptedPackage) → docx.encrypted', async () => {
    const ole = new Uint8Array(4096);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    ole.set(new Uint8Array(Buffer.from('EncryptedPackage', 'utf16le')), 1024);
    const error = await userErrorOf(extract(ole, 'locked.docx'));
    expect(error.code).toBe('docx.encrypted');
    expect(error.message).toContain('locked.docx');
  });

  it('a ZIP without word/document.xml → docx.corrupt', async () => {
    const zip = await buildDocx({ 'notes.txt': 'hello', 'data/x.json': '{}' });
    expect(sniffMediaType(zip)).toBe(MEDIA_TYPES.zip);
    expect(docxAdapter.detect(inputOf(zip))).toBe(false);
    const error = await userErrorOf(extract(zip, 'archive.zip'));
    expect(error.code).toBe('docx.corrupt');
    expect(error.message).toContain('archive.zip');
  });

  it('a truncated DOCX → docx.corrupt', async () => {
    const bytes = await buildDocx();
    const error = await userErrorOf(extract(bytes.subarray(0, Math.floor(bytes.length / 2)), 'cut.docx'));
    expect(error.code).toBe('docx.corrupt');
    expect(error.message).toContain('cut.docx');
  });

  it('an entry inflating to more than its declared size → docx.corrupt (lying header)', async () => {
    const bytes = (await buildDocx()).slice();
    const view = new DataView(bytes.buffer);
    // Patch the central directory entry of word/document.xml to declare 10 bytes.
    const name = new TextEncoder().encode('word/document.xml');
    for (let at = 0; at + 46 < bytes.length; at++) {
      if (view.getUint32(at, true) === 0x02014b50 && Buffer.from(bytes.subarray(at + 46, at + 46 + name.length)).equals(Buffer.from(name))) {
        view.setUint32(at + 24, 10, true);
      }
    }
    const error = await userErrorOf(extract(bytes, 'liar.docx'));
    expect(error.code).toBe('docx.corrupt');
  });

  it('refuses before unpacking: total size over --max-decompressed-bytes', async () => {
    const bytes = await buildDocx();
    const error = await userErrorOf(extract(bytes, 'big.docx', { ...DEFAULT_LIMITS, maxDecompressedBytes: 1000 }));
    expect(error.code).toBe('limit.decompressed-bytes');
    expect(error.message).toContain('--max-decompressed-bytes');
    expect(error.message).toContain('big.docx');
  });

  it('refuses before unpacking: an entry compressed beyond --max-compression-ratio', async () => {
    const bytes = await buildDocx({ ...FILES, 'word/media/zeros.bin': new Uint8Array(8 * 1024 * 1024) });
    const error = await userErrorOf(extract(bytes, 'bomb.docx'));
    expect(error.code).toBe('limit.compression-ratio');
    expect(error.message).toContain('--max-compression-ratio');
    expect(error.message).toContain('word/media/zeros.bin');
  });

  it('refuses XML nested deeper than --max-depth', async () => {
    const deep = `<w:document ${W}><w:body>${'<w:sdt><w:sdtContent>'.repeat(400)}${para(run('x'))}${'</w:sdtContent></w:sdt>'.repeat(400)}</w:body></w:document>`;
    const bytes = await buildDocx({ ...FILES, 'word/document.xml': deep });
    const error = await userErrorOf(extract(bytes, 'deep.docx'));
    expect(error.code).toBe('limit.depth');
    expect(error.message).toContain('--max-depth');
    expect((await extract(bytes, 'deep.docx', { ...DEFAULT_LIMITS, maxDepth: 2000 })).text).toContain('x');
  });
});
