import { describe, expect, it } from 'vitest';
import { segmentText } from '../core/document.js';
import type { SozDocument } from '../core/document.js';
import { expectSoundDocuments, extractOne } from '../../tests/support/adapter-invariants.js';
import { CONTENT_TYPES, NS, buildDocx, documentXml, minimalParts, para, relsXml, run } from '../../tests/support/docx-package.js';
import { docxAdapter } from './docx.js';
import { MEDIA_TYPES, sniffMediaType, sniffZipKind } from './sniff.js';

// Issue 13: DOCX text that used to be dropped in silence is read and labelled, or counted in a
// `docx.not-read` notice. Every package here is built in the test; all text is fictional.

const rows = (doc: SozDocument) => doc.segments.map((s) => [s.id, s.anchor.part, segmentText(doc, s)]);
const extract = async (files: Record<string, string | Uint8Array>): Promise<SozDocument> => {
  const bytes = await buildDocx(files);
  const [doc] = await expectSoundDocuments(async () => [await extractOne(docxAdapter, bytes, 'evidence.docx')]);
  if (!doc) throw new Error('no document');
  return doc;
};
const unread = (doc: SozDocument) => doc.notices.filter((n) => n.code === 'docx.not-read').map((n) => n.unread);

const BODY = [
  para(run('Первый абзац.')),
  para(run('Видимо '), run('скрыто', '<w:vanish/>'), '<w:del w:author="Автор"><w:r><w:delText>удалено</w:delText></w:r></w:del>'),
  para('<w:pPr><w:pStyle w:val="Hidden"/></w:pPr>', run('абзац скрытого стиля')),
].join('');
const STYLES = `<w:styles xmlns:w="${NS.w}"><w:style w:type="paragraph" w:styleId="Hidden"><w:rPr><w:vanish/></w:rPr></w:style></w:styles>`;
const EXPECTED = [
  ['body.0', 'body', 'Первый абзац.'],
  ['body.1', 'body', 'Видимо '],
  ['body.1.hid0', 'hidden', 'скрыто'],
  ['body.1.del0', 'deleted', 'удалено'],
  ['body.2.hid0', 'hidden', 'абзац скрытого стиля'],
];

/** The same package with every `w:` prefix of the Word parts rewritten by `rewrite`. */
function withPrefixes(rewrite: (xml: string) => string): Record<string, string> {
  const parts = { ...minimalParts(BODY), 'word/styles.xml': STYLES };
  return { ...parts, 'word/document.xml': rewrite(parts['word/document.xml']), 'word/styles.xml': rewrite(STYLES) };
}

describe('DOCX read by namespace URI, not prefix', () => {
  it('reads the usual w: prefix', async () => {
    expect(rows(await extract(withPrefixes((xml) => xml)))).toEqual(EXPECTED);
  });

  it('reads ns0: prefixes, as Python ElementTree writes them after editing', async () => {
    const doc = await extract(withPrefixes((xml) => xml.replace(/xmlns:w=/g, 'xmlns:ns0=').replace(/(<\/?|\s)w:/g, '$1ns0:')));
    expect(rows(doc)).toEqual(EXPECTED);
  });

  it('reads a default namespace (elements unprefixed, attributes prefixed or not)', async () => {
    const prefixed = await extract(withPrefixes((xml) => xml.replace(/xmlns:w="/g, `xmlns="${NS.w}" xmlns:w="`).replace(/(<\/?)w:/g, '$1')));
    expect(rows(prefixed)).toEqual(EXPECTED);
    const bare = await extract(withPrefixes((xml) => xml.replace(/xmlns:w=/g, 'xmlns=').replace(/(<\/?|\s)w:/g, '$1')));
    expect(rows(bare)).toEqual(EXPECTED);
  });

  it('does not take an element of another namespace for a Word one, but counts its text', async () => {
    const doc = await extract(minimalParts(para(run('своё')) + '<x:p xmlns:x="urn:example:other"><x:r><x:t>чужое</x:t></x:r></x:p>'));
    expect(rows(doc)).toEqual([['body.0', 'body', 'своё']]);
    expect(unread(doc)).toEqual([{ kind: 'text in element(s) soz does not read', count: 1, first: 'word/document.xml (<{urn:example:other}t>)' }]);
  });

  it('a part that never declares its w: prefix is still read (an undeclared prefix is kept as written)', async () => {
    const parts = minimalParts(para(run('без объявления')));
    const doc = await extract({ ...parts, 'word/document.xml': parts['word/document.xml'].replace(/ xmlns:w="[^"]*"/, '') });
    expect(rows(doc)).toEqual([['body.0', 'body', 'без объявления']]);
  });

  it('a part in no namespace at all is not Word: its text is counted, never an empty document in silence', async () => {
    const doc = await extract({ ...minimalParts(''), 'word/document.xml': '<document><body><p><r><t>вне пространства имён</t></r></p></body></document>' });
    expect(rows(doc)).toEqual([]);
    expect(unread(doc)).toEqual([{ kind: 'text in element(s) soz does not read', count: 1, first: 'word/document.xml (<t>)' }]);
  });
});

describe('DOCX main part found through the package relationships', () => {
  it('reads word/document2.xml named by _rels/.rels, with its own relationships part', async () => {
    const files = {
      '[Content_Types].xml': CONTENT_TYPES,
      '_rels/.rels': relsXml([['rId1', 'officeDocument', 'word/document2.xml']]),
      'word/document2.xml': documentXml(para(run('Текст основной части'), '<w:hyperlink r:id="rL">' + run('ссылка') + '</w:hyperlink>')),
      'word/_rels/document2.xml.rels': relsXml([['rL', 'hyperlink', 'https://example.org/page', true]]),
    };
    const bytes = await buildDocx(files);
    expect(sniffMediaType(bytes)).toBe(MEDIA_TYPES.docx);
    expect(sniffZipKind(bytes)).toBe('docx');
    const doc = await extract(files);
    expect(rows(doc)).toEqual([
      ['body.0', 'body', 'Текст основной частиссылка'],
      ['body.0.link0', 'link', 'https://example.org/page'],
    ]);
  });
});

describe('DOCX text that is not running text, each labelled after what it belongs to', () => {
  it('hyperlink targets (r:id and w:anchor), tooltips and field-instruction URLs', async () => {
    const body = [
      para(run('См. '), '<w:hyperlink r:id="rL" w:tooltip="подсказка">' + run('сайт') + '</w:hyperlink>', run(' и '), '<w:hyperlink w:anchor="glava2">' + run('главу') + '</w:hyperlink>'),
      para(
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK "http://example.net/a b" \\o "всплывающая" </w:instrText></w:r>',
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
        run('текст поля'),
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
      ),
      para('<w:fldSimple w:instr=" INCLUDEPICTURE &quot;C:\\\\Users\\\\x\\\\pic.png&quot; \\* MERGEFORMAT ">' + run('[рисунок]') + '</w:fldSimple>'),
      para('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'),
      para('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> MACROBUTTON NoMacro Нажмите здесь </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'),
    ].join('');
    const doc = await extract({ ...minimalParts(body), 'word/_rels/document.xml.rels': relsXml([['rL', 'hyperlink', 'https://example.org/', true]]) });
    expect(rows(doc)).toEqual([
      ['body.0', 'body', 'См. сайт'],
      ['body.0.link0', 'link', 'https://example.org/'],
      ['body.0.tip0', 'tooltip', 'подсказка'],
      ['body.0.txt1', 'body', ' и главу'],
      ['body.0.link1', 'link', '#glava2'],
      ['body.1.link0', 'link', 'http://example.net/a b'],
      ['body.1.tip0', 'tooltip', 'всплывающая'],
      ['body.1', 'body', 'текст поля'],
      ['body.2.link0', 'link', 'C:\\Users\\x\\pic.png'],
      ['body.2', 'body', '[рисунок]'],
    ]);
    // PAGE only lays out its result; MACROBUTTON's instruction holds text soz does not show.
    expect(unread(doc)).toEqual([{ kind: 'field instruction(s) not shown as text', count: 1, first: 'word/document.xml paragraph 4 (MACROBUTTON)' }]);
    expect(doc.properties).toMatchObject({ linkTargets: 4, tooltips: 2 });
  });

  it('image descriptions and titles (wp:docPr, VML), and images without one counted', async () => {
    const drawing = (attributes: string) => `<w:r><w:drawing><wp:inline><wp:docPr id="1" name="Рисунок 1"${attributes}/></wp:inline></w:drawing></w:r>`;
    const vml = '<w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" alt="старая картинка"><v:imagedata o:title="имя файла"/></v:shape></w:pict></w:r>';
    const doc = await extract(minimalParts(para(run('Фото: '), drawing(' descr="Плакат с надписью" title="Заголовок рисунка"'), run(' конец'), vml) + para(drawing(''))));
    expect(rows(doc)).toEqual([
      ['body.0', 'body', 'Фото: '],
      ['body.0.alt0', 'alt-text', 'Плакат с надписью'],
      ['body.0.tip0', 'tooltip', 'Заголовок рисунка'],
      ['body.0.txt1', 'body', ' конец'],
      ['body.0.alt1', 'alt-text', 'старая картинка'],
      ['body.0.tip1', 'tooltip', 'имя файла'],
    ]);
    expect(unread(doc)).toEqual([{ kind: 'image(s) or drawing(s) without alt text (any text inside needs OCR)', count: 1, first: 'word/document.xml paragraph 1' }]);
  });

  it('equations: the m:t text of m:oMath, labelled equation', async () => {
    const math = '<m:oMath><m:r><m:t>E=m</m:t></m:r><m:sSup><m:e><m:r><m:t>c</m:t></m:r></m:e><m:sup><m:r><m:t>2</m:t></m:r></m:sup></m:sSup></m:oMath>';
    const doc = await extract(minimalParts(para(run('Формула '), math, run(' верна.'))));
    expect(rows(doc)).toEqual([
      ['body.0', 'body', 'Формула '],
      ['body.0.eq0', 'equation', 'E=mc2'],
      ['body.0.txt1', 'body', ' верна.'],
    ]);
  });

  it('altChunk: an imported HTML part read in place, labelled embedded; other formats counted', async () => {
    const body = para(run('До вставки')) + '<w:altChunk r:id="rC"/><w:altChunk r:id="rR"/>' + para(run('После вставки'));
    const doc = await extract({
      ...minimalParts(body),
      'word/_rels/document.xml.rels': relsXml([['rC', 'aFChunk', 'afchunk.htm'], ['rR', 'aFChunk', 'afchunk2.rtf']]),
      'word/afchunk.htm': '<html><head><title>Вставка</title></head><body><p>Импортированный <b>текст</b></p><img src="x.png" alt="картинка"></body></html>',
      'word/afchunk2.rtf': '{\\rtf1 скрытый формат}',
    });
    expect(rows(doc)).toEqual([
      ['body.0', 'body', 'До вставки'],
      ['body.altChunk1.title', 'embedded', 'Вставка'],
      ['body.altChunk1.p0', 'embedded', 'Импортированный текст'],
      ['body.altChunk1.alt0', 'embedded', 'картинка'],
      ['body.1', 'body', 'После вставки'],
    ]);
    expect(unread(doc)).toEqual([
      { kind: 'imported document(s) (altChunk) in a format soz does not read here (RTF, MHT, DOCX …)', count: 1, first: 'word/document.xml before paragraph 1: word/afchunk2.rtf' },
    ]);
  });

  it('document properties: core, custom and app, as metadata segments after the text', async () => {
    const doc = await extract({
      ...minimalParts(para(run('Текст'))),
      'docProps/core.xml': `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">
<dc:title>Название</dc:title><dc:subject>Тема</dc:subject><cp:keywords>слово1, слово2</cp:keywords><dc:description>Аннотация автора</dc:description>
<dc:creator>Создатель</dc:creator><cp:lastModifiedBy>Правщик</cp:lastModifiedBy><dcterms:created>2024-01-01T00:00:00Z</dcterms:created></cp:coreProperties>`,
      'docProps/custom.xml': `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Отдел"><vt:lpwstr>Пятый</vt:lpwstr></property></Properties>`,
      'docProps/app.xml': '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Company>ОсОО Пример</Company><Pages>1</Pages></Properties>',
    });
    expect(rows(doc)).toEqual([
      ['body.0', 'body', 'Текст'],
      ['core.title', 'metadata', 'Название'],
      ['core.subject', 'metadata', 'Тема'],
      ['core.keywords', 'metadata', 'слово1, слово2'],
      ['core.description', 'metadata', 'Аннотация автора'],
      ['core.creator', 'metadata', 'Создатель'],
      ['core.lastModifiedBy', 'metadata', 'Правщик'],
      ['custom.0', 'metadata', 'Отдел: Пятый'],
      ['app.company', 'metadata', 'ОсОО Пример'],
    ]);
    expect(doc.properties).toMatchObject({ coreTitle: 'Название', coreCreator: 'Создатель', coreCreated: '2024-01-01T00:00:00Z' });
  });
});

describe('DOCX hidden text set through styles', () => {
  const styles = `<w:styles xmlns:w="${NS.w}">
<w:docDefaults><w:rPrDefault><w:rPr><w:lang w:val="ru-RU"/></w:rPr></w:rPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"/>
<w:style w:type="paragraph" w:styleId="Secret"><w:basedOn w:val="Normal"/><w:rPr><w:vanish/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="SecretChild"><w:basedOn w:val="Secret"/></w:style>
<w:style w:type="paragraph" w:styleId="LoopA"><w:basedOn w:val="LoopB"/></w:style>
<w:style w:type="paragraph" w:styleId="LoopB"><w:basedOn w:val="LoopA"/></w:style>
<w:style w:type="character" w:styleId="HiddenChar"><w:rPr><w:vanish w:val="true"/></w:rPr></w:style>
<w:style w:type="character" w:styleId="ShownChar"><w:rPr><w:vanish w:val="0"/></w:rPr></w:style>
</w:styles>`;
  const styled = (style: string, ...runs: string[]) => para(`<w:pPr><w:pStyle w:val="${style}"/></w:pPr>`, ...runs);

  it('labels hidden the runs of a hidden paragraph or character style, through basedOn, with overrides', async () => {
    const body = [
      styled('Secret', run('скрыт стилем абзаца')),
      styled('SecretChild', run('скрыт через basedOn')),
      para(run('обычный '), run('скрыт стилем знака', '<w:rStyle w:val="HiddenChar"/>')),
      styled('Secret', run('виден: стиль знака отменяет', '<w:rStyle w:val="ShownChar"/>'), run(' виден: прямая отмена', '<w:vanish w:val="0"/>')),
      styled('LoopA', run('цикл basedOn не мешает')),
    ].join('');
    const doc = await extract({
      ...minimalParts(body),
      'word/_rels/document.xml.rels': relsXml([['rS', 'styles', 'styles.xml']]),
      'word/styles.xml': styles,
    });
    expect(rows(doc)).toEqual([
      ['body.0.hid0', 'hidden', 'скрыт стилем абзаца'],
      ['body.1.hid0', 'hidden', 'скрыт через basedOn'],
      ['body.2', 'body', 'обычный '],
      ['body.2.hid0', 'hidden', 'скрыт стилем знака'],
      ['body.3', 'body', 'виден: стиль знака отменяет виден: прямая отмена'],
      ['body.4', 'body', 'цикл basedOn не мешает'],
    ]);
    expect(doc.notices.find((n) => n.code === 'docx.hidden-text')?.message).toContain('3 passage(s)');
  });

  it('document defaults with w:vanish hide every run without a style that shows it', async () => {
    const doc = await extract({
      ...minimalParts(para(run('всё скрыто'))),
      'word/styles.xml': `<w:styles xmlns:w="${NS.w}"><w:docDefaults><w:rPrDefault><w:rPr><w:vanish/></w:rPr></w:rPrDefault></w:docDefaults></w:styles>`,
    });
    expect(rows(doc)).toEqual([['body.0.hid0', 'hidden', 'всё скрыто']]);
  });
});

describe('DOCX parts and elements soz does not read are counted, never dropped in silence', () => {
  it('embedded OLE objects, ActiveX controls and unknown parts: kind, count, first place', async () => {
    const body = para(run('Объект: '), '<w:r><w:object><o:OLEObject xmlns:o="urn:schemas-microsoft-com:office:office"/></w:object></w:r>') + para('<w:r><w:object/></w:r>', '<w:r><w:control r:id="rX"/></w:r>');
    const doc = await extract({
      ...minimalParts(body),
      'word/embeddings/oleObject1.bin': new Uint8Array([1, 2, 3]),
      'word/embeddings/oleObject2.bin': new Uint8Array([4, 5, 6]),
      'customXml/item1.xml': '<data>значение</data>',
      'word/settings.xml': `<w:settings xmlns:w="${NS.w}"/>`,
    });
    expect(unread(doc)).toEqual([
      { kind: 'embedded object(s) (OLE; content not read)', count: 2, first: 'word/document.xml paragraph 0' },
      { kind: 'ActiveX control(s)', count: 1, first: 'word/document.xml paragraph 1' },
      { kind: 'package part(s) under word/embeddings/', count: 2, first: 'word/embeddings/oleObject1.bin' },
      { kind: 'package part(s) under customXml/', count: 1, first: 'customXml/item1.xml' },
    ]);
    const notice = doc.notices.find((n) => n.unread?.kind === 'package part(s) under word/embeddings/');
    expect(notice?.message).toBe('evidence.docx: 2 package part(s) under word/embeddings/ not extracted (first: word/embeddings/oleObject1.bin); check them by hand');
  });
});
