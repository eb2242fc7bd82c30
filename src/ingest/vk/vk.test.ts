import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { documentProblems, segmentText } from '../../core/document.js';
import type { SozDocument } from '../../core/document.js';
import { UserError } from '../../core/errors.js';
import { collectDocuments, DEFAULT_LIMITS, inputFromBytes } from '../adapter.js';
import { vkIso } from './dates.js';
import { vkAdapter } from './index.js';

const RUNS = Number(process.env['SOZ_FUZZ_RUNS'] ?? 200);

// A fictional page in the layout of VK's "Архив" export (names and texts invented).
const owner = Buffer.from(JSON.stringify({ user_id: 111, time_current: 1 })).toString('base64');
const message = (id: number, header: string, body: string) =>
  `<div class="item"><div class='item__main'><div class="message" data-id="${id}">\n  <div class="message__header">${header}</div>\n  <div>${body}</div>\n</div></div></div>`;
const PAGE = `<!DOCTYPE html><html><head><meta charset="windows-1251"><meta name="jd" content="${owner}"><title>VK</title></head><body>
<div class="page_block_header_inner"><a class="ui_crumb" href="../../index.html">Профиль</a><div class="ui_crumb_sep"></div><div class="ui_crumb">Кружок&#33;</div></div>
<div class="wrap_page_content">
${message(14, 'Вы, 6 мая 2026 в 18:14:40', '<div class="kludges"><div class="attachment">\n  <div class="attachment__description">Стикер</div>\n</div></div>')}
${message(13, '<a href="https://vk.com/id222">Пётр Пример</a>, 5 мая 2026 в 9:01:02', 'Вот<div class="kludges"><div class="attachment">\n  <div class="attachment__description">2 прикреплённых сообщения</div>\n</div></div>')}
${message(12, '<a href="https://vk.com/id222">Пётр Пример</a>, 4 мая 2026 в 9:00:00', '<div class="kludges"><a class="im_srv_lnk" href="https://vk.com/id222">Пётр Пример</a> вышел из чата</div>')}
${message(11, 'Вы, 15 фев 2012 в 13:23:12', 'строка&#33;<br>вторая<div class="kludges"><div class="attachment">\n  <div class="attachment__description">Фотография</div>\n  <a class="attachment__link" href="https://example.org/p.jpg">https://example.org/p.jpg</a></div></div>')}
<div class="message">no header here</div>
</div></body></html>`;

function input(bytes: Uint8Array, name = 'messages0.html', entry?: string) {
  return inputFromBytes(bytes, { name, sha256: 'c'.repeat(64), mediaType: 'text/html', limits: DEFAULT_LIMITS, ...(entry ? { entry } : {}) });
}

async function ingest(bytes: Uint8Array, entry?: string): Promise<SozDocument> {
  const [doc] = await collectDocuments(vkAdapter.extract(input(bytes, 'messages0.html', entry)));
  expect(documentProblems(doc as SozDocument)).toEqual([]);
  return doc as SozDocument;
}

describe('vkIso', () => {
  it.each([
    ['15 фев 2012 в 13:23:12', '2012-02-15T13:23:12'],
    ['6 мая 2026 в 18:14:40', '2026-05-06T18:14:40'],
    ['1 дек 2019 в 0:05', '2019-12-01T00:05:00'],
    ['1 зюк 2019 в 0:05', null],
  ])('%s → %s', (raw, iso) => expect(vkIso(raw)).toBe(iso));
});

describe('vk adapter', () => {
  const cp1251 = new Uint8Array(iconv.encode(PAGE, 'windows-1251'));

  it('reads a windows-1251 page oldest-first with authors, roles and media', async () => {
    const doc = await ingest(cp1251, 'messages/2000000001/messages0.html');
    const rows = doc.segments.map((s) => [s.id, s.message?.author, s.message?.role, segmentText(doc, s), s.message?.timestamp.iso]);
    expect(rows).toEqual([
      ['mp5', { name: '' }, 'uninterpreted', 'no header here', null],
      ['m11', { name: 'Вы', id: 'id111' }, 'authored', 'строка!\nвторая', '2012-02-15T13:23:12'],
      ['m12', { name: 'Пётр Пример', id: 'id222' }, 'service', 'Пётр Пример вышел из чата', '2026-05-04T09:00:00'],
      ['m13', { name: 'Пётр Пример', id: 'id222' }, 'forwarded', 'Вот', '2026-05-05T09:01:02'],
      ['m14', { name: 'Вы', id: 'id111' }, 'media-only', '', '2026-05-06T18:14:40'],
    ]);
    expect(doc.segments[1]?.message?.media).toEqual([{ type: 'photo', fileName: 'https://example.org/p.jpg', inExport: false }]);
    expect(doc.segments[3]?.message?.media).toHaveLength(2);
    expect(doc.segments[1]?.message?.chatName).toBe('Кружок!');
    expect(doc.segments[1]?.message?.chatId).toBe('2000000001');
    expect(doc.properties['encoding']).toBe('windows-1251');
    expect(doc.notices.map((n) => n.code).sort()).toEqual(['vk.date-unreadable', 'vk.forwarded-not-in-export', 'vk.uninterpreted']);
  });

  it('decodes UTF-8 bytes behind a windows-1251 meta tag and reports the mismatch', async () => {
    const utf8 = await ingest(new TextEncoder().encode(PAGE));
    const legacy = await ingest(cp1251);
    expect(utf8.text).toBe(legacy.text);
    expect(utf8.notices.find((n) => n.code === 'vk.charset-mismatch')?.severity).toBe('warning');
    expect(legacy.notices.some((n) => n.code === 'vk.charset-mismatch')).toBe(false);
  });

  it('reads an image in a message as its alt text and counts images without one', async () => {
    const page = PAGE.replace('строка&#33;<br>вторая', 'строка <img class="emoji" src="e/1.png" alt="🙂"> и <img src="scan.png"> конец');
    const doc = await ingest(new Uint8Array(iconv.encode(page, 'utf8')));
    const m11 = doc.segments.find((s) => s.id === 'm11');
    expect(m11 && segmentText(doc, m11)).toBe('строка 🙂 и  конец');
    expect(doc.notices.find((n) => n.code === 'vk.not-read')?.message).toMatch(/^1 image\(s\) in messages without alt text/u);
    expect((await ingest(cp1251)).notices.some((n) => n.code === 'vk.not-read')).toBe(false);
  });

  it('detects VK pages only', () => {
    expect(vkAdapter.detect(input(cp1251))).toBe(true);
    expect(vkAdapter.detect(input(new TextEncoder().encode('<html><body><div class="message">x</div></body></html>')))).toBe(false);
  });

  it('ends in documents or a UserError for garbage and truncated input', async () => {
    const arbitrary = fc.oneof(
      fc.uint8Array({ maxLength: 2048 }),
      fc.nat({ max: cp1251.length }).map((cut) => cp1251.slice(0, cut)),
      fc.string({ maxLength: 200 }).map((s) => new TextEncoder().encode(`<div class="message" data-id="${s}"><div class="message__header">${s}</div><div>${s}<div class="kludges">${s}</div></div></div>`)),
    );
    await fc.assert(
      fc.asyncProperty(arbitrary, async (bytes) => {
        try {
          const docs = await collectDocuments(vkAdapter.extract(input(bytes)));
          for (const doc of docs) expect(documentProblems(doc)).toEqual([]);
        } catch (error) {
          expect(error).toBeInstanceOf(UserError);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('refuses HTML nested beyond the depth limit', async () => {
    const deep = new TextEncoder().encode(`<div class="message__header">${'<div>'.repeat(600)}`);
    await expect(collectDocuments(vkAdapter.extract(input(deep)))).rejects.toMatchObject({ code: 'limit.depth' });
  });
});
