import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SegmentPart } from '../../src/core/document.js';
import { soz, tempDir } from '../support/cli.js';
import { NS, buildDocx, minimalParts, para, relsXml, run } from '../support/docx-package.js';
import { derivedDocumentList } from '../support/derived.js';

// Issue 13, "nothing dropped in silence", through the real CLI (`soz init` → `soz add` →
// `soz analyze`): each file that used to come out empty or without part of its text now yields
// that text, labelled, or a notice counting what was not read. README's "Hostile and broken
// input" table has one row per case. All text is fictional.

interface DroppedTextCase {
  readonly id: string;
  readonly file: string;
  bytes(): Promise<Uint8Array>;
  /** Each needle must be the whole text of a segment with this part. */
  readonly segments: readonly (readonly [part: SegmentPart, text: string])[];
  /** Kinds of `not-read` notices expected. */
  readonly unread?: readonly string[];
}

const INIT = ['--case-number', 'H-13', '--ordering-body', 'test', '--examiner', 'tester'];
const utf8 = (text: string) => Promise.resolve(new TextEncoder().encode(text));
const elementTree = (xml: string) => xml.replace(/xmlns:w=/g, 'xmlns:ns0=').replace(/(<\/?|\s)w:/g, '$1ns0:');

const CASES: readonly DroppedTextCase[] = [
  {
    id: 'docx-ns0-prefix',
    file: 'edited-by-python.docx',
    bytes: () => {
      const parts = minimalParts(para(run('Текст, пересохранённый ElementTree')));
      return buildDocx({ ...parts, 'word/document.xml': elementTree(parts['word/document.xml']) });
    },
    segments: [['body', 'Текст, пересохранённый ElementTree']],
  },
  {
    id: 'docx-default-namespace',
    file: 'default-namespace.docx',
    bytes: () => {
      const parts = minimalParts(para(run('Текст в пространстве имён по умолчанию')));
      return buildDocx({ ...parts, 'word/document.xml': parts['word/document.xml'].replace(/xmlns:w=/, 'xmlns=').replace(/(<\/?|\s)w:/g, '$1') });
    },
    segments: [['body', 'Текст в пространстве имён по умолчанию']],
  },
  {
    id: 'docx-document2',
    file: 'document2.docx',
    bytes: () => {
      const { 'word/document.xml': main, ...rest } = minimalParts(para(run('Основная часть в document2.xml')));
      return buildDocx({ ...rest, '_rels/.rels': relsXml([['rId1', 'officeDocument', 'word/document2.xml']]), 'word/document2.xml': main });
    },
    segments: [['body', 'Основная часть в document2.xml']],
  },
  {
    id: 'docx-dropped-parts',
    file: 'links-alt-math-props.docx',
    bytes: () =>
      buildDocx({
        ...minimalParts(
          para('<w:hyperlink r:id="rL">' + run('ссылка') + '</w:hyperlink>') +
            para('<w:fldSimple w:instr=" HYPERLINK &quot;https://example.org/field&quot; ">' + run('поле') + '</w:fldSimple>') +
            para('<w:r><w:drawing><wp:inline><wp:docPr id="1" name="p" descr="Описание рисунка"/></wp:inline></w:drawing></w:r>') +
            para('<m:oMath><m:r><m:t>x+y</m:t></m:r></m:oMath>') +
            '<w:altChunk r:id="rC"/>' +
            para('<w:r><w:object/></w:r>'),
        ),
        'word/_rels/document.xml.rels': relsXml([['rL', 'hyperlink', 'https://example.org/link', true], ['rC', 'aFChunk', 'chunk.html']]),
        'word/chunk.html': '<p>Вставленный HTML</p>',
        'docProps/core.xml': `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:subject>Тема документа</dc:subject><cp:keywords>ключ</cp:keywords></cp:coreProperties>`,
        'docProps/custom.xml': `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property name="Метка"><vt:lpwstr>значение</vt:lpwstr></property></Properties>`,
      }),
    segments: [
      ['link', 'https://example.org/link'],
      ['link', 'https://example.org/field'],
      ['alt-text', 'Описание рисунка'],
      ['equation', 'x+y'],
      ['embedded', 'Вставленный HTML'],
      ['metadata', 'Тема документа'],
      ['metadata', 'ключ'],
      ['metadata', 'Метка: значение'],
    ],
    unread: ['embedded object(s) (OLE; content not read)'],
  },
  {
    id: 'docx-style-hidden',
    file: 'style-hidden.docx',
    bytes: () =>
      buildDocx({
        ...minimalParts(para('<w:pPr><w:pStyle w:val="Secret"/></w:pPr>', run('скрыто стилем'))),
        'word/styles.xml': `<w:styles xmlns:w="${NS.w}"><w:style w:type="paragraph" w:styleId="Secret"><w:rPr><w:vanish/></w:rPr></w:style></w:styles>`,
      }),
    segments: [['hidden', 'скрыто стилем']],
  },
  {
    id: 'html-dropped-parts',
    file: 'hidden-parts.html',
    bytes: () =>
      utf8(`<!DOCTYPE html><html><head><meta name="description" content="Мета-описание"></head><body>
<p>Видимый текст <a href="https://example.org/a" title="подсказка">ссылка</a> <img src="i.png" alt="альт-текст"></p>
<noscript>Текст без скриптов</noscript><template><p>Текст шаблона</p></template>
<form><input type="hidden" value="скрытое поле"></form>
<iframe srcdoc="&lt;p&gt;Документ во фрейме&lt;/p&gt;"></iframe><style>p{}</style></body></html>`),
    segments: [
      ['metadata', 'description: Мета-описание'],
      ['link', 'https://example.org/a'],
      ['tooltip', 'подсказка'],
      ['alt-text', 'альт-текст'],
      ['noscript', 'Текст без скриптов'],
      ['template', 'Текст шаблона'],
      ['form-value', 'скрытое поле'],
      ['embedded', 'Документ во фрейме'],
    ],
    unread: ['style element(s) (CSS)'],
  },
];

describe('issue 13 files through soz add / soz analyze: text read and labelled, or counted', () => {
  for (const hostile of CASES) {
    it(`${hostile.id}: ${hostile.file}`, async () => {
      const dir = tempDir('soz-dropped-');
      const file = join(dir, hostile.file);
      writeFileSync(file, await hostile.bytes());
      const caseDir = join(dir, 'case');
      expect((await soz(['init', caseDir, ...INIT])).code).toBe(0);
      const added = await soz(['add', caseDir, file]);
      expect(added.code, added.stderr).toBe(0);
      const analysed = await soz(['analyze', caseDir]);
      expect(analysed.code, analysed.stderr).toBe(0);

      const documents = derivedDocumentList(caseDir);
      expect(documents).toHaveLength(1);
      const doc = documents[0]!;
      const labelled = doc.segments.map((segment) => [segment.anchor.part, doc.text.slice(segment.range[0], segment.range[1])]);
      for (const expected of hostile.segments) expect(labelled).toContainEqual(expected);
      const unread = doc.notices.flatMap((notice) => (notice.unread ? [notice.unread.kind] : []));
      expect(unread).toEqual(hostile.unread ?? []);
    });
  }
});
