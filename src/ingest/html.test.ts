import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { segmentText } from '../core/document.js';
import type { SozDocument } from '../core/document.js';
import { UserError } from '../core/errors.js';
import { sha256 } from '../core/hash.js';
import { expectSoundDocuments } from '../../tests/support/adapter-invariants.js';
import { DEFAULT_LIMITS, collectDocuments, inputFromBytes } from './adapter.js';
import { htmlAdapter, htmlDocument } from './html.js';
import { MEDIA_TYPES, sniffMediaType } from './sniff.js';

const input = (bytes: Uint8Array, name = 'page.html') =>
  inputFromBytes(bytes, { name, sha256: sha256(bytes), mediaType: sniffMediaType(bytes), limits: DEFAULT_LIMITS });

const rows = (doc: SozDocument) => doc.segments.map((s) => [s.id, s.anchor.part, segmentText(doc, s)]);

const PAGE = `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>  Заголовок
 страницы </title>
<style>p { color: red }</style><script>var secret = "не текст";</script></head>
<body>
<h1>Раздел &laquo;1&raquo;</h1>
<p>Первый   абзац
 с <b>жирным</b> словом &amp; сущностью&nbsp;здесь.<br>Новая строка.</p>
<div>Текст в div<p>вложенный абзац</p>хвост div</div>
<pre>  код
   с отступами</pre>
<noscript>Включите JavaScript</noscript><template><p>шаблон</p></template>
<ul><li>пункт один</li><li>пункт два</ul>
<table><tr><td>ячейка</td><td>ещё</td></tr></table>
<!-- комментарий автора -->
<script src="x.js"></script>
</body></html>`;

describe('htmlAdapter', () => {
  it('visible text of block elements as paragraphs, title, entities; noscript and template labelled; no script/style', async () => {
    const bytes = new TextEncoder().encode(PAGE);
    expect(sniffMediaType(bytes)).toBe(MEDIA_TYPES.html);
    expect(htmlAdapter.detect(input(bytes))).toBe(true);
    const [doc] = await expectSoundDocuments(() => collectDocuments(htmlAdapter.extract(input(bytes))));
    if (!doc) throw new Error('no document');
    expect(rows(doc)).toEqual([
      ['title', 'title', 'Заголовок страницы'],
      ['p0', 'body', 'Раздел «1»'],
      ['p1', 'body', 'Первый абзац с жирным словом & сущностью\u00a0здесь.\nНовая строка.'],
      ['p2', 'body', 'Текст в div'],
      ['p3', 'body', 'вложенный абзац'],
      ['p4', 'body', 'хвост div'],
      ['p5', 'body', '  код\n   с отступами'],
      ['noscript0', 'noscript', 'Включите JavaScript'],
      ['template0', 'template', 'шаблон'],
      ['p6', 'body', 'пункт один'],
      ['p7', 'body', 'пункт два'],
      ['p8', 'body', 'ячейка'],
      ['p9', 'body', 'ещё'],
    ]);
    expect(doc.text).not.toContain('secret');
    expect(doc.text).not.toContain('color');
    expect(doc.segments.find((s) => s.id === 'p0')?.anchor.line).toBe(6);
    expect(doc.notices.map((n) => [n.code, n.message.includes('2 script')])).toEqual([
      ['html.scripts-removed', true],
      ['html.comments-ignored', false],
      ['html.not-read', false],
    ]);
    expect(doc.notices.at(-1)?.unread).toEqual({ kind: 'style element(s) (CSS)', count: 1, first: 'line 4' });
  });

  it('decodes a Windows-1251 page that declares it', () => {
    const html = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"></head><body><p>Привет, это проверка кодировки страницы.</p></body></html>';
    const doc = htmlDocument({ name: 'cp.html', sha256: 'a'.repeat(64), limits: DEFAULT_LIMITS }, new Uint8Array(iconv.encode(html, 'windows-1251')));
    expect(rows(doc)).toEqual([['p0', 'body', 'Привет, это проверка кодировки страницы.']]);
    expect(doc.properties).toMatchObject({ encoding: 'windows-1251', declaredCharset: 'windows-1251' });
    expect(doc.notices).toEqual([]);
  });

  it('a meta charset contradicted by the bytes gives html.charset-mismatch', () => {
    const html = '<html><head><meta charset="windows-1251"></head><body><p>Текст на самом деле в UTF-8.</p></body></html>';
    const doc = htmlDocument({ name: 'liar.html', sha256: 'a'.repeat(64), limits: DEFAULT_LIMITS }, new TextEncoder().encode(html));
    expect(rows(doc)).toEqual([['p0', 'body', 'Текст на самом деле в UTF-8.']]);
    expect(doc.notices.map((n) => n.code)).toEqual(['html.charset-mismatch']);
    expect(doc.notices[0]?.message).toContain('liar.html');
  });

  it('refuses nesting deeper than --max-depth, quickly', () => {
    const deep = new TextEncoder().encode(`<html><body>${'<div>'.repeat(100_000)}x</body></html>`);
    const started = performance.now();
    let error: unknown;
    try {
      htmlDocument({ name: 'deep.html', sha256: 'a'.repeat(64), limits: DEFAULT_LIMITS }, deep);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).code).toBe('limit.depth');
    expect((error as UserError).message).toContain('--max-depth');
    expect((error as UserError).message).toContain('deep.html');
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('many unclosed inline elements stay linear and keep their text', () => {
    const html = `<html><body><p>${'<span>слово '.repeat(400)}</p></body></html>`;
    const doc = htmlDocument({ name: 'spans.html', sha256: 'a'.repeat(64), limits: { ...DEFAULT_LIMITS, maxDepth: 1000 } }, new TextEncoder().encode(html));
    expect(doc.text.split('слово').length - 1).toBe(400);
  });
});
