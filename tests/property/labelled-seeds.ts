import { NS, buildDocx, minimalParts, para, relsXml, run } from '../support/docx-package.js';
import { FICTIONAL_SRT, FICTIONAL_TIMECODED, FICTIONAL_VTT } from '../support/transcripts.js';

/**
 * Generated seeds (fictional text) that reach every labelled path of the DOCX and HTML readers,
 * so the property tests mutate them too: namespace prefixes other than `w:`, style-level hidden
 * text, hyperlinks, field URLs, image descriptions, equations, altChunk HTML, document
 * properties, unread objects and parts; in HTML noscript, template, attributes, meta and srcdoc.
 */

/** A page with every HTML construct `readHtmlText` labels or counts. */
export const LABELLED_HTML = `<!DOCTYPE html><html><head><meta charset="utf-8"><meta name="description" content="описание"><title>Заголовок</title>
<style>p{}</style><script>var x = 1;</script></head><body>
<p title="подсказка">Текст <a href="https://example.org/">ссылка</a> <img src="a.png" alt="альт"> <img src="b.png"></p>
<noscript><p>без скриптов</p></noscript><template><p>шаблон</p></template>
<form><input type="hidden" value="скрыто"></form><object data="x.swf"></object>
<iframe src="https://example.org/f" srcdoc="&lt;p title=&quot;t&quot;&gt;во фрейме&lt;iframe srcdoc=&quot;&amp;lt;p&amp;gt;глубже&amp;lt;/p&amp;gt;&quot;&gt;&lt;/iframe&gt;&lt;/p&gt;"></iframe>
<!-- комментарий --></body></html>`;

/** A DOCX written with `ns0:` prefixes holding every construct the Word readers label or count. */
export async function labelledDocx(): Promise<Uint8Array> {
  const body = [
    para('<w:pPr><w:pStyle w:val="Secret"/></w:pPr>', run('скрыто стилем')),
    para(run('обычный '), run('знак', '<w:rStyle w:val="HiddenChar"/>'), '<w:hyperlink r:id="rL" w:tooltip="т">' + run('ссылка') + '</w:hyperlink>', '<w:hyperlink w:anchor="a">' + run('якорь') + '</w:hyperlink>'),
    para('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> HYPERLINK "http://example.org/f" \\o "подсказка" \\l "x"</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>', run('поле'), '<w:r><w:fldChar w:fldCharType="end"/></w:r>'),
    para('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> MACROBUTTON x текст </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'),
    para('<w:r><w:drawing><wp:inline><wp:docPr id="1" name="n" descr="описание" title="название"/></wp:inline></w:drawing></w:r>', '<w:r><w:drawing><wp:inline><wp:docPr id="2" name="m"/></wp:inline></w:drawing></w:r>'),
    para('<m:oMathPara><m:oMath><m:r><m:t>a+b</m:t></m:r></m:oMath></m:oMathPara>'),
    '<w:altChunk r:id="rC"/><w:altChunk r:id="rR"/>',
    para('<w:r><w:object/></w:r>', '<w:del w:author="А"><w:r><w:delText>удалено</w:delText></w:r></w:del>'),
  ].join('');
  const parts = minimalParts(body);
  const ns0 = (xml: string) => xml.replace(/xmlns:w=/g, 'xmlns:ns0=').replace(/(<\/?|\s)w:/g, '$1ns0:');
  return buildDocx({
    ...parts,
    'word/document.xml': ns0(parts['word/document.xml']),
    'word/_rels/document.xml.rels': relsXml([['rL', 'hyperlink', 'https://example.org/l', true], ['rC', 'aFChunk', 'chunk.htm'], ['rR', 'aFChunk', 'chunk.rtf'], ['rS', 'styles', 'styles.xml']]),
    'word/styles.xml': ns0(`<w:styles xmlns:w="${NS.w}"><w:style w:type="paragraph" w:styleId="Secret"><w:basedOn w:val="Secret"/><w:rPr><w:vanish/></w:rPr></w:style><w:style w:type="character" w:styleId="HiddenChar"><w:rPr><w:vanish/></w:rPr></w:style></w:styles>`),
    'word/chunk.htm': LABELLED_HTML,
    'word/chunk.rtf': '{\\rtf1 x}',
    'word/embeddings/oleObject1.bin': new Uint8Array([1, 2, 3]),
    'docProps/core.xml': '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>т</dc:title><cp:keywords>к</cp:keywords></cp:coreProperties>',
    'docProps/custom.xml': '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property name="п"><vt:lpwstr>з</vt:lpwstr></property></Properties>',
    'docProps/app.xml': '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Company>к</Company></Properties>',
  });
}

/** Generated seeds per adapter id, added to the real-corpus seeds. */
export async function labelledSeedsFor(adapterId: string): Promise<Uint8Array[]> {
  if (adapterId === 'docx') return [await labelledDocx()];
  if (adapterId === 'html') return [new TextEncoder().encode(LABELLED_HTML)];
  if (adapterId === 'transcript') return [FICTIONAL_SRT, FICTIONAL_VTT, FICTIONAL_TIMECODED].map((text) => new TextEncoder().encode(text));
  return [];
}
