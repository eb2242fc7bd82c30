import { describe, expect, it } from 'vitest';
import { segmentText } from '../core/document.js';
import type { SozDocument } from '../core/document.js';
import { expectSoundDocuments, extractOne, userErrorOf } from '../../tests/support/adapter-invariants.js';
import { DEFAULT_LIMITS } from './adapter.js';
import { htmlAdapter } from './html.js';

// Issue 13: HTML text a browser does not show as running text is read and labelled, after the
// paragraph that holds its element; what stays unread is counted. All text is fictional.

const rows = (doc: SozDocument) => doc.segments.map((s) => [s.id, s.anchor.part, segmentText(doc, s), s.anchor.line ?? null]);
const extract = async (html: string, limits = DEFAULT_LIMITS): Promise<SozDocument> => {
  const bytes = new TextEncoder().encode(html);
  const [doc] = await expectSoundDocuments(async () => [await extractOne(htmlAdapter, bytes, 'page.html', limits)]);
  if (!doc) throw new Error('no document');
  return doc;
};

describe('HTML attributes and hidden content, each labelled', () => {
  it('meta, alt, title, href, input values (hidden too), iframe src and srcdoc, in a stable order', async () => {
    const doc = await extract(`<!DOCTYPE html>
<html><head><meta charset="utf-8"><meta name="description" content="Описание страницы">
<meta property="og:title" content="Заголовок для соцсетей"><meta name="viewport" content="width=device-width"></head>
<body>
<p title="подсказка абзаца">Смотрите <a href="https://example.org/x" title="подсказка ссылки">здесь</a> и <img src="a.png" alt="Описание картинки"> конец.</p>
<form><input type="hidden" name="token" value="скрытое значение"><input type="text" value="видимое поле"></form>
<iframe src="https://example.org/frame" srcdoc="&lt;p&gt;Вложенный &lt;b&gt;документ&lt;/b&gt;&lt;img alt=&quot;вложенная картинка&quot;&gt;&lt;/p&gt;"></iframe>
</body></html>`);
    expect(rows(doc)).toEqual([
      ['meta0', 'metadata', 'description: Описание страницы', 2],
      ['meta1', 'metadata', 'og:title: Заголовок для соцсетей', 3],
      ['p0', 'body', 'Смотрите здесь и конец.', 5],
      ['tooltip0', 'tooltip', 'подсказка абзаца', 5],
      ['tooltip1', 'tooltip', 'подсказка ссылки', 5],
      ['link0', 'link', 'https://example.org/x', 5],
      ['alt0', 'alt-text', 'Описание картинки', 5],
      ['value0', 'form-value', 'скрытое значение', 6],
      ['value1', 'form-value', 'видимое поле', 6],
      ['link1', 'link', 'https://example.org/frame', 7],
      ['srcdoc0.p0', 'embedded', 'Вложенный документ', 7],
      ['srcdoc0.alt0', 'embedded', 'вложенная картинка', 7],
    ]);
    expect(doc.notices).toEqual([]);
  });

  it('aria-label and placeholder, which screen readers and empty fields show', async () => {
    const doc = await extract('<form><button aria-label="Отправить заявку">→</button><textarea placeholder="Ваше сообщение"></textarea></form>');
    expect(rows(doc)).toEqual([
      ['p0', 'body', '→', 1],
      ['label0', 'tooltip', 'Отправить заявку', 1],
      ['placeholder0', 'form-value', 'Ваше сообщение', 1],
    ]);
  });

  it('counts images without alt text, styles, event handlers and embedded objects, with the first place', async () => {
    const doc = await extract(
      '<html><head><style>p{}</style><link rel="canonical" href="https://example.org/c"></head><body>\n<p>Текст<img src="a.png"></p>\n<img src="b.png" onerror="x()"><object data="x.swf"></object></body></html>',
    );
    expect(rows(doc)).toEqual([
      ['link0', 'link', 'https://example.org/c', 1],
      ['p0', 'body', 'Текст', 2],
    ]);
    expect(doc.notices.filter((n) => n.code === 'html.not-read').map((n) => n.unread)).toEqual([
      { kind: 'style element(s) (CSS)', count: 1, first: 'line 1' },
      { kind: 'image(s) without alt text (any text inside needs OCR)', count: 2, first: 'line 2' },
      { kind: 'event-handler attribute(s) (script, e.g. onclick)', count: 1, first: 'line 3 (onerror)' },
      { kind: 'embedded object(s) (object, embed, applet)', count: 1, first: 'line 3' },
    ]);
  });

  it('srcdoc nested in srcdoc counts towards --max-depth', async () => {
    let html = '<p>дно</p>';
    for (let level = 0; level < 6; level++) html = `<div><iframe srcdoc="${html.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"></iframe></div>`;
    const deep = await extract(html);
    expect(deep.segments.at(-1)?.id).toBe('srcdoc0.srcdoc0.srcdoc0.srcdoc0.srcdoc0.srcdoc0.p0');
    const error = await userErrorOf(extractOne(htmlAdapter, new TextEncoder().encode(html), 'page.html', { ...DEFAULT_LIMITS, maxDepth: 10 }));
    expect(error.code).toBe('limit.depth');
  });
});
