// Fictional pages in the layout of tdesktop's HTML writer (export_output_html.cpp,
// HtmlWriter::Wrap::pushMessage / pushServiceMessage / pushGenericMedia / writeDialogSlice).
// The official writer prints its fixed strings in English whatever the interface language; the
// Russian variant below stands for a translated writer (a fork) and must give the same roles.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { SozDocument } from '../../core/document.js';
import { expectSoundDocuments } from '../../../tests/support/adapter-invariants.js';
import { DEFAULT_LIMITS, collectDocuments, inputFromBytes } from '../adapter.js';
import { telegramHtmlAdapter } from './index.js';

interface Ui {
  day: string;
  replyTo: (id: number) => string;
  replyElsewhere: string;
  pinned: (who: string, id: number) => string;
  notIncluded: string;
  photo: string;
}

const EN: Ui = {
  day: '3 November 2025',
  replyTo: (id) => `In reply to <a href="#go_to_message${id}" onclick="return GoToMessage(${id})">this message</a>`,
  replyElsewhere: 'In reply to a message in another chat',
  pinned: (who, id) => `${who} pinned <a href="#go_to_message${id}" onclick="return GoToMessage(${id})">this message</a>`,
  notIncluded: 'Not included, change data exporting settings to download.',
  photo: 'Photo',
};

const RU: Ui = {
  day: '3 ноября 2025 г.',
  replyTo: (id) => `В ответ на <a href="#go_to_message${id}" onclick="return GoToMessage(${id})">это сообщение</a>`,
  replyElsewhere: 'В ответ на сообщение в другом чате',
  pinned: (who, id) => `${who} закрепил(а) <a href="#go_to_message${id}" onclick="return GoToMessage(${id})">это сообщение</a>`,
  notIncluded: 'Не включено, измените настройки экспорта, чтобы скачать.',
  photo: 'Фото',
};

function page(blocks: string[]): string {
  return `<!DOCTYPE html>
<html>
 <head>
  <meta charset="utf-8"/>
<title>Exported Data</title>
 </head>
 <body onload="CheckLocation();">
  <div class="page_wrap">
   <div class="page_header">
    <div class="content">
     <div class="text bold">
Вымышленная группа
     </div>
    </div>
   </div>
   <div class="page_body chat_page">
    <div class="history">
${blocks.join('\n')}
    </div>
   </div>
  </div>
 </body>
</html>`;
}

function service(id: number, html: string): string {
  return `     <div class="message service" id="message${id}">
      <div class="body details">
${html}
      </div>
     </div>`;
}

interface Msg {
  id: number;
  name?: string;
  minute: number;
  forwarded?: { name?: string };
  reply?: string;
  media?: string;
  text?: string;
}

/** One `message default` block as pushMessage writes it; no `name` means a joined message. */
function message(m: Msg): string {
  const joined = m.name === undefined;
  const parts = [
    `     <div class="message default clearfix${joined ? ' joined' : ''}" id="message${m.id}">`,
    joined ? '' : '      <div class="pull_left userpic_wrap">\n       <div class="userpic userpic3" style="width: 42px; height: 42px">\n        <div class="initials" style="line-height: 42px">\nX\n        </div>\n       </div>\n      </div>',
    '      <div class="body">',
    `       <div class="pull_right date details" title="03.11.2025 10:${String(m.minute).padStart(2, '0')}:00 UTC+06:00">\n10:${String(m.minute).padStart(2, '0')}\n       </div>`,
    joined ? '' : `       <div class="from_name">\n${m.name ?? ''} \n       </div>`,
  ];
  if (m.forwarded !== undefined) {
    if (m.forwarded.name !== undefined) parts.push('       <div class="pull_left forwarded userpic_wrap">\n        <div class="userpic userpic5" style="width: 42px; height: 42px"><div class="initials">Y</div></div>\n       </div>');
    parts.push('       <div class="forwarded body">');
    if (m.forwarded.name !== undefined) parts.push(`        <div class="from_name">\n${m.forwarded.name}<span class="date details" title="01.11.2025 08:00:00 UTC+06:00"> 01.11.2025 08:00:00</span>\n        </div>`);
  }
  if (m.reply !== undefined) parts.push(`       <div class="reply_to details">\n${m.reply}\n       </div>`);
  if (m.media !== undefined) parts.push(m.media);
  if (m.text !== undefined) parts.push(`       <div class="text">\n${m.text}\n       </div>`);
  if (m.forwarded !== undefined) parts.push('       </div>');
  parts.push('      </div>', '     </div>');
  return parts.filter((p) => p !== '').join('\n');
}

function genericMedia(kind: string, title: string, description: string, href?: string, status = '1280x720, 120.5 KB'): string {
  const open = href === undefined ? `<div class="media clearfix pull_left ${kind}">` : `<a class="media clearfix pull_left block_link ${kind}" href="${href}">`;
  const close = href === undefined ? '</div>' : '</a>';
  return `       <div class="media_wrap clearfix">
        ${open}
         <div class="fill pull_left"></div>
         <div class="body">
          <div class="title bold">
${title}
          </div>
${description === '' ? '' : `          <div class="description">\n${description}\n          </div>`}
          <div class="status details">
${status}
          </div>
         </div>
        ${close}
       </div>`;
}

const PHOTO_IN_EXPORT = `       <div class="media_wrap clearfix">
        <a class="photo_wrap clearfix pull_left" href="photos/photo_1@03-11-2025_10-08-00.jpg">
         <img class="photo" src="photos/photo_1@03-11-2025_10-08-00_thumb.jpg" style="width: 260px; height: 195px"/>
        </a>
       </div>`;

/** A chat page covering every role, with the fixed strings of `ui`. */
function chat(ui: Ui): string {
  return page([
    service(-1, ui.day),
    service(1, ui.pinned('Айбек', 2)),
    message({ id: 2, name: 'Айбек', minute: 0, text: 'Вымышленный текст.' }),
    message({ id: 3, name: 'Айбек', minute: 1, forwarded: { name: 'Канал «Пример»' }, text: 'Пересланный текст.' }),
    message({ id: 4, minute: 1, forwarded: {}, text: 'Ещё один из того же источника.' }),
    message({ id: 5, name: 'Гүлнара', minute: 3, reply: ui.replyTo(2), text: 'Ответ.' }),
    message({ id: 6, minute: 4, reply: ui.replyElsewhere, text: 'Ответ в другой чат.' }),
    message({ id: 7, minute: 5, media: genericMedia('media_photo', ui.photo, ui.notIncluded) }),
    message({ id: 8, minute: 8, media: PHOTO_IN_EXPORT }),
    message({ id: 9, name: 'Гүлнара via @fict_poll_bot', minute: 30, text: 'Через бота.' }),
  ]);
}

async function extract(html: string): Promise<SozDocument> {
  const bytes = new TextEncoder().encode(html);
  const input = inputFromBytes(bytes, { name: 'messages.html', sha256: createHash('sha256').update(bytes).digest('hex'), mediaType: 'text/html', limits: DEFAULT_LIMITS });
  expect(telegramHtmlAdapter.detect(input)).toBe(true);
  const [doc] = await expectSoundDocuments(() => collectDocuments(telegramHtmlAdapter.extract(input)));
  if (doc === undefined) throw new Error('no document');
  return doc;
}

/** Everything but the words: what must not depend on the interface language. */
function structure(doc: SozDocument) {
  return doc.segments.map((s) => {
    const m = s.message;
    return { id: s.id, role: m?.role, author: m?.author.name, replyTo: m?.replyTo, forwardedFrom: m?.forwardedFrom?.name, media: m?.media?.map((x) => ({ type: x.type, inExport: x.inExport })), time: m?.timestamp.iso };
  });
}

describe('Telegram HTML: roles from the page structure, in any interface language', () => {
  for (const [label, ui] of [['English', EN], ['Russian', RU]] as const) {
    it(`${label} fixed strings: service, forwarded, reply, media-only and via-bot messages`, async () => {
      const doc = await extract(chat(ui));
      expect(structure(doc)).toEqual([
        { id: 'm1', role: 'service', author: '', replyTo: undefined, forwardedFrom: undefined, media: undefined, time: null },
        { id: 'm2', role: 'authored', author: 'Айбек', replyTo: undefined, forwardedFrom: undefined, media: undefined, time: '2025-11-03T04:00:00Z' },
        { id: 'm3', role: 'forwarded', author: 'Айбек', replyTo: undefined, forwardedFrom: 'Канал «Пример»', media: undefined, time: '2025-11-03T04:01:00Z' },
        // Joined forward without its own header: same origin as the message before.
        { id: 'm4', role: 'forwarded', author: 'Айбек', replyTo: undefined, forwardedFrom: 'Канал «Пример»', media: undefined, time: '2025-11-03T04:01:00Z' },
        { id: 'm5', role: 'reply', author: 'Гүлнара', replyTo: '2', forwardedFrom: undefined, media: undefined, time: '2025-11-03T04:03:00Z' },
        // The target is in another chat: still a reply, target unknown.
        { id: 'm6', role: 'reply', author: 'Гүлнара', replyTo: undefined, forwardedFrom: undefined, media: undefined, time: '2025-11-03T04:04:00Z' },
        { id: 'm7', role: 'media-only', author: 'Гүлнара', replyTo: undefined, forwardedFrom: undefined, media: [{ type: 'photo', inExport: false }], time: '2025-11-03T04:05:00Z' },
        { id: 'm8', role: 'media-only', author: 'Гүлнара', replyTo: undefined, forwardedFrom: undefined, media: [{ type: 'photo', inExport: true }], time: '2025-11-03T04:08:00Z' },
        { id: 'm9', role: 'authored', author: 'Гүлнара', replyTo: undefined, forwardedFrom: undefined, media: undefined, time: '2025-11-03T04:30:00Z' },
      ]);
      expect(doc.segments[7]?.message?.media?.[0]?.fileName).toBe('photos/photo_1@03-11-2025_10-08-00.jpg');
      expect(doc.properties).toMatchObject({ messages: 9, daySeparators: 1, authorsInherited: 4, forwardsInherited: 1, repliesElsewhere: 1, uninterpreted: 0 });
      const notices = doc.notices.map((n) => [n.code, n.anchor?.messageId]);
      expect(notices).toEqual([
        ['telegram.reply-target-elsewhere', undefined],
        ['telegram.via-bot', '9'],
      ]);
      expect(doc.notices[1]?.message).toContain('@fict_poll_bot');
    });
  }

  it('gives the same structure for both interface languages', async () => {
    expect(structure(await extract(chat(RU)))).toEqual(structure(await extract(chat(EN))));
  });
});

describe('Telegram HTML: edited messages', () => {
  it('never claims edited or not edited: the writer does not mark edits', async () => {
    // pushMessage writes only the send date in `.date[title]`; an edited message looks the same.
    const doc = await extract(page([message({ id: 40, name: 'Айбек', minute: 0, text: 'Исправленный вымышленный текст.' })]));
    expect(doc.segments.map((s) => s.message?.edited)).toEqual([undefined]);
    expect(doc.properties.editsRecorded).toBe(false);
  });
});

describe('Telegram HTML: ids the writer gives its own lines', () => {
  it('skips day headers and the empty-chat line, keeps messages of a migrated group (ids near -2^30)', async () => {
    const doc = await extract(
      page([
        service(-1, '1 May 2025'),
        service(-999663280, 'Айбек invited Гүлнара'),
        message({ id: -999663275, name: 'Айбек', minute: 0, text: 'Из старой группы.' }),
        service(-2, '2 мая 2025 г.'),
        message({ id: 12, name: 'Гүлнара', minute: 1, text: 'Уже в супергруппе.' }),
      ]),
    );
    expect(doc.segments.map((s) => [s.id, s.message?.role])).toEqual([
      ['m-999663280', 'service'],
      ['m-999663275', 'authored'],
      ['m12', 'authored'],
    ]);
    expect(doc.properties).toMatchObject({ messages: 3, daySeparators: 2 });

    const empty = await extract(page([service(-1, 'No exported messages')]));
    expect(empty.segments).toEqual([]);
    expect(empty.notices.map((n) => [n.code, n.message])).toEqual([['telegram.exporter-note', 'the exporter wrote a line that is not a message: "No exported messages"']]);
  });
});

describe('Telegram HTML: media', () => {
  it('types every media block and says whether a file is in the export by the link, not the words', async () => {
    const poll = `       <div class="media_wrap clearfix">
        <div class="media_poll">
         <div class="question bold">Вымышленный вопрос?</div>
         <div class="details">Anonymous poll</div>
         <div class="answer">- Да</div>
         <div class="total details">No votes</div>
        </div>
       </div>`;
    const doc = await extract(
      page([
        message({ id: 20, name: 'Айбек', minute: 0, media: genericMedia('media_file', 'отчёт.docx', '', 'files/отчёт.docx') }),
        message({ id: 21, minute: 1, media: genericMedia('media_file', 'смета.xlsx', 'Exceeds maximum size, change data exporting settings to download.') }),
        message({ id: 22, minute: 2, media: genericMedia('media_location', 'Location', '', 'https://maps.google.com/maps?q=42.87,74.59&ll=42.87,74.59&z=16') }),
        message({ id: 23, minute: 3, media: poll }),
        message({ id: 24, minute: 4, media: genericMedia('media_voice_message', 'Voice message', '', 'voice_messages/audio_1.ogg'), text: 'С подписью.' }),
      ]),
    );
    expect(doc.segments.map((s) => [s.id, s.message?.role, s.message?.media])).toEqual([
      ['m20', 'media-only', [{ type: 'file', fileName: 'files/отчёт.docx', inExport: true }]],
      ['m21', 'media-only', [{ type: 'file', fileName: 'смета.xlsx', inExport: false }]],
      ['m22', 'media-only', [{ type: 'location', inExport: 'unknown' }]],
      // The question and answers are the author's words, as in the JSON export.
      ['m23', 'authored', [{ type: 'poll', inExport: 'unknown' }]],
      ['m24', 'authored', [{ type: 'voice_message', fileName: 'voice_messages/audio_1.ogg', inExport: true }]],
    ]);
    const poll23 = doc.segments.find((s) => s.id === 'm23');
    expect(poll23 && doc.text.slice(poll23.range[0], poll23.range[1])).toBe('Вымышленный вопрос?\nДа');
  });

  it('keeps the words of contacts, venues, games, audio files, stickers and hidden link targets as the JSON export does', async () => {
    const worded = (kind: string, title: string, description: string, status: string) => genericMedia(kind, title, description, undefined, status);
    const doc = await extract(
      page([
        message({ id: 40, name: 'Айбек', minute: 0, media: worded('media_contact', 'Эркин Вымышленный', '', '+996 000 000 000 - vCard') }),
        message({ id: 41, minute: 1, media: worded('media_venue', 'Кафе «Вымысел»', 'ул. Придуманная, 1', '') }),
        message({ id: 42, minute: 2, media: worded('media_game', 'Вымышленная игра', 'Собери все буквы', '') }),
        message({ id: 43, minute: 3, media: worded('media_audio_file', 'Вымышленный исполнитель – Песня о поле', '', '03:00, 1.0 KB') }),
        message({ id: 44, minute: 4, media: worded('media_audio_file', 'Audio file', '', '03:00') }),
        message({ id: 45, minute: 5, media: worded('media_photo', 'Sticker', '', '😀, 4.7 KB') }),
        message({ id: 46, minute: 6, text: 'Читайте <a href="https://example.org/statya">здесь</a>, <a href="https://example.org">https://example.org</a> и <a href="https://t.me/kanal">@kanal</a>' }),
      ]),
    );
    const extras = doc.segments.filter((s) => !/^m\d+$/.test(s.id)).map((s) => [s.id, doc.text.slice(s.range[0], s.range[1])]);
    expect(extras).toEqual([
      ['m40.contact0', 'Эркин Вымышленный\n+996 000 000 000'],
      ['m41.place0', 'Кафе «Вымысел»\nул. Придуманная, 1'],
      ['m42.game0', 'Вымышленная игра\nСобери все буквы'],
      ['m43.audio0', 'Вымышленный исполнитель\nПесня о поле'],
      ['m45.sticker0', '😀'],
      ['m46.link0', 'https://example.org/statya'],
    ]);
  });

  it('counts words in page elements it does not read beside a message it does read', async () => {
    const block = message({ id: 31, name: 'Айбек', minute: 0, text: 'Обычный текст.' }).replace('      </div>\n     </div>', '       <div class="rich_page"><p>Вымышленная статья.</p></div>\n      </div>\n     </div>');
    const doc = await extract(page([block, message({ id: 32, minute: 1, text: 'Ещё.' })]));
    expect(doc.segments.map((s) => s.message?.role)).toEqual(['authored', 'authored']);
    expect(doc.notices.map((n) => [n.code, n.anchor])).toEqual([['telegram.unread-element', { messageId: '31' }]]);
    expect(doc.notices[0]?.message).toMatch(/^1 message\(s\) show words in page elements soz does not read/);
  });

  it('keeps a message of an unknown layout as uninterpreted text instead of an empty message', async () => {
    const block = message({ id: 30, name: 'Айбек', minute: 0 }).replace('      </div>\n     </div>', '       <div class="rich_page"><p>Вымышленная статья.</p></div>\n      </div>\n     </div>');
    const doc = await extract(page([block]));
    expect(doc.segments.map((s) => s.message?.role)).toEqual(['uninterpreted']);
    expect(doc.text).toContain('Вымышленная статья.');
    expect(doc.notices.map((n) => n.code)).toEqual(['telegram.uninterpreted']);
  });
});
