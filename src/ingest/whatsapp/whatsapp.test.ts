import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentProblems, segmentText } from '../../core/document.js';
import type { SozDocument } from '../../core/document.js';
import { UserError } from '../../core/errors.js';
import { collectDocuments, DEFAULT_LIMITS, inputFromBytes } from '../adapter.js';
import { decideDateOrder } from './date-order.js';
import { parseHeader } from './header.js';
import { createWhatsappAdapter, whatsappAdapter } from './index.js';

const RUNS = Number(process.env['SOZ_FUZZ_RUNS'] ?? 200);
const FIXTURES = new URL('../../../tests/fixtures/chats/', import.meta.url).pathname;

function input(text: string | Uint8Array, name = 'WhatsApp Chat with Test.txt') {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  return inputFromBytes(bytes, { name, sha256: 'a'.repeat(64), mediaType: 'text/plain', limits: DEFAULT_LIMITS });
}

async function ingest(text: string | Uint8Array, adapter = whatsappAdapter): Promise<SozDocument> {
  const docs = await collectDocuments(adapter.extract(input(text)));
  expect(docs).toHaveLength(1);
  const doc = docs[0] as SozDocument;
  expect(documentProblems(doc)).toEqual([]);
  return doc;
}

describe('parseHeader', () => {
  it.each([
    ['24.09.2020, 11:38 - A: x', 'android', [24, 9, 2020], 11],
    ['[02/11/2020, 9:47:19 pm] Bob: x', 'ios', [2, 11, 2020], 9],
    ['2022/12/14, 13:34. - A: x', 'android', [2022, 12, 14], 13],
    ['09/10/22, 10:37 p.\u00a0m. - A: x', 'android', [9, 10, 22], 10],
    ['\u200e[02/11/2020, 9:49:51\u202fpm] Bob: x', 'ios', [2, 11, 2020], 9],
    ['[10.24.21, 15:21:43] A: x', 'ios', [10, 24, 21], 15],
  ])('reads %s', (line, layout, fields, hour) => {
    const header = parseHeader(line);
    expect(header?.layout).toBe(layout);
    expect(header?.fields).toEqual(fields);
    expect(header?.hour).toBe(hour);
  });

  it.each(['Hello there', '99.99.2020, 11:38 - A: x', '24.09.2020, 25:38 - A: x', '- 24.09.2020'])('rejects %s', (line) => {
    expect(parseHeader(line)).toBeUndefined();
  });
});

describe('whatsapp adapter', () => {
  it('keeps multi-line bodies, roles and line anchors', async () => {
    const doc = await ingest(
      [
        '24.09.2020, 11:38 - Аня: первая строка',
        'вторая строка',
        '',
        '24.09.2020, 11:39 - Борис: <Без медиафайлов>',
        '24.09.2020, 11:40 - Аня: Данное сообщение удалено',
        '25.09.2020, 09:10 - \u200eАня удалил Борис',
        '25.09.2020, 09:11 - Борис: IMG-20200925-WA0001.jpg (файл добавлен)',
        '25.09.2020, 09:12 - Борис: подпись <Сообщение изменено>',
        '',
      ].join('\n'),
    );
    const rows = doc.segments.map((s) => [s.id, s.anchor.line, s.message?.author.name, s.message?.role, segmentText(doc, s)]);
    expect(rows).toEqual([
      ['m1', 1, 'Аня', 'authored', 'первая строка\nвторая строка\n'],
      ['m2', 4, 'Борис', 'media-only', '<Без медиафайлов>'],
      ['m3', 5, 'Аня', 'deleted', 'Данное сообщение удалено'],
      ['m4', 6, '', 'service', 'Аня удалил Борис'],
      ['m5', 7, 'Борис', 'media-only', 'IMG-20200925-WA0001.jpg (файл добавлен)'],
      ['m6', 8, 'Борис', 'authored', 'подпись <Сообщение изменено>'],
    ]);
    expect(doc.segments[4]?.message?.media).toEqual([{ type: 'photo', fileName: 'IMG-20200925-WA0001.jpg', inExport: 'unknown' }]);
    expect(doc.segments[5]?.message?.edited).toBe(true);
    expect(doc.segments[0]?.message?.timestamp).toEqual({ iso: '2020-09-24T11:38:00', offset: 'unknown', raw: '24.09.2020, 11:38' });
    expect(doc.segments[0]?.message?.chatName).toBe('Test');
  });

  it('keeps text before the first header as uninterpreted and counts it', async () => {
    const doc = await ingest('garbage line\n24.09.2020, 11:38 - A: hi\n');
    expect(doc.segments[0]?.message?.role).toBe('uninterpreted');
    expect(segmentText(doc, doc.segments[0] as never)).toBe('garbage line');
    expect(doc.notices.map((n) => n.code)).toContain('whatsapp.uninterpreted');
  });

  it('reports an undecidable day/month order and leaves iso empty', async () => {
    const doc = await ingest(readFileSync(`${FIXTURES}whatsapp_nbsp_ambiguous.txt`));
    const notice = doc.notices.find((n) => n.code === 'whatsapp.date-order-ambiguous');
    expect(notice?.severity).toBe('warning');
    expect(notice?.message).toContain('2022-10-09 day-first');
    expect(notice?.message).toContain('2022-09-10 month-first');
    expect(doc.segments.every((s) => s.message?.timestamp.iso === null && s.message.timestamp.raw !== '')).toBe(true);
    expect(doc.segments.map((s) => s.message?.author.name)).toEqual(['John Doe', 'John Doe 🤓', '🤓']);
  });

  it('uses the dateOrder option only when the file does not decide', async () => {
    const withOption = await ingest(readFileSync(`${FIXTURES}whatsapp_nbsp_ambiguous.txt`), createWhatsappAdapter({ dateOrder: 'day-first' }));
    expect(withOption.segments[0]?.message?.timestamp.iso).toBe('2022-10-09T22:37:00');
    expect(withOption.notices.find((n) => n.code === 'whatsapp.date-order')?.severity).toBe('warning');
    const decided = await ingest(readFileSync(`${FIXTURES}whatsapp_ddmmyy.txt`), createWhatsappAdapter({ dateOrder: 'month-first' }));
    expect(decided.properties['dateOrder']).toBe('day-first');
  });

  it('resolves day-first from an impossible month-first date anywhere in the file', async () => {
    const doc = await ingest(readFileSync(`${FIXTURES}whatsapp_ddmmyy.txt`));
    expect(doc.properties['dateOrderBasis']).toBe('impossible-dates');
    const m4 = doc.segments.find((s) => s.id === 'm4');
    expect(m4?.message?.timestamp.iso).toBe('2020-06-10T15:55:00');
    expect(segmentText(doc, doc.segments.find((s) => s.id === 'm2') as never)).toBe('.');
    expect(doc.notices.some((n) => n.code === 'whatsapp.date-order-ambiguous')).toBe(false);
  });

  it('decides by chronology and by attachment names', () => {
    const h = (line: string, n: number) => ({ header: parseHeader(line)!, line: n });
    const chrono = decideDateOrder([h('01/02/20, 10:00 - A: x', 1), h('02/02/20, 10:00 - A: x', 2), h('03/02/20, 10:00 - A: x', 3), h('01/03/20, 10:00 - A: x', 4), h('04/03/20, 10:00 - A: x', 5), h('01/04/20, 10:00 - A: x', 6)]);
    expect(chrono.order).toBe('day-first');
    expect(chrono.basis).toBe('chronology');
    const named = decideDateOrder([{ ...h('03/04/21, 10:00 - A: x', 1), attachmentDate: { year: 2021, month: 3, day: 4 } }]);
    expect(named).toMatchObject({ order: 'month-first', basis: 'attachment-names' });
  });

  it('marks an impossible 12-hour time instead of guessing', async () => {
    const doc = await ingest('[10/10/22 13:37:00 p.m.] A: x\n');
    expect(doc.segments[0]?.message?.timestamp.iso).toBeNull();
    expect(doc.notices.map((n) => n.code)).toContain('whatsapp.time-invalid');
  });

  it('treats an iOS body starting with U+200E as a system line, attachments as media', async () => {
    const doc = await ingest('[01/01/2021, 10:00:00] Group: \u200eAlice added Bob\n[01/01/2021, 10:00:01] Bob: \u200e<attached: 00000010-PHOTO-2021-01-01-10-00-01.jpg>\n');
    expect(doc.segments.map((s) => s.message?.role)).toEqual(['service', 'media-only']);
    expect(doc.segments[1]?.message?.media?.[0]).toEqual({ type: 'photo', fileName: '00000010-PHOTO-2021-01-01-10-00-01.jpg', inExport: 'unknown' });
  });

  it('detects exports and not other text', () => {
    expect(whatsappAdapter.detect(input('\ufeff24.09.2020, 11:38 - A: hi\n'))).toBe(true);
    expect(whatsappAdapter.detect(input('Dear sir,\n24.09.2020, 11:38 - A: hi\n'))).toBe(false);
  });

  it('throws a UserError for text without any header', async () => {
    await expect(collectDocuments(whatsappAdapter.extract(input('just text')))).rejects.toMatchObject({ code: 'whatsapp.no-messages' });
  });

  it('ends in documents or a UserError for garbage and truncated input', async () => {
    const sample = readFileSync(`${FIXTURES}whatsapp_ddmmyy.txt`);
    const arbitrary = fc.oneof(
      fc.uint8Array({ maxLength: 2048 }),
      fc.nat({ max: sample.length }).map((cut) => new Uint8Array(sample.subarray(0, cut))),
      fc.tuple(fc.nat({ max: sample.length - 1 }), fc.integer({ min: 0, max: 255 })).map(([at, value]) => {
        const copy = new Uint8Array(sample);
        copy[at] = value;
        return copy;
      }),
      fc.string({ unit: 'grapheme', maxLength: 300 }).map((s) => new TextEncoder().encode(`24.09.2020, 11:38 - ${s}\n${s}`)),
    );
    await fc.assert(
      fc.asyncProperty(arbitrary, async (bytes) => {
        try {
          const docs = await collectDocuments(whatsappAdapter.extract(input(bytes)));
          for (const doc of docs) expect(documentProblems(doc)).toEqual([]);
        } catch (error) {
          expect(error).toBeInstanceOf(UserError);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe('whatsapp adapter: other locales and unreadable headers', () => {
  it('reads a Turkish export (marker before the time) with authors and 24-hour times', async () => {
    const doc = await ingest('24.09.2020 ÖÖ 9:07 - Ayşe: Günaydın\n24.09.2020 ÖS 9:08 - Mehmet: Merhaba\nikinci satır\n');
    const rows = doc.segments.map((s) => [s.message?.author.name, s.message?.role, s.message?.timestamp.iso, segmentText(doc, s)]);
    expect(rows).toEqual([
      ['Ayşe', 'authored', '2020-09-24T09:07:00', 'Günaydın'],
      ['Mehmet', 'authored', '2020-09-24T21:08:00', 'Merhaba\nikinci satır'],
    ]);
    expect(doc.notices.map((n) => n.code)).not.toContain('whatsapp.header-unreadable');
  });

  it('keeps a header-like line it cannot read as its own uninterpreted segment, counted in a notice', async () => {
    const doc = await ingest(
      ['24.09.2020, 11:38 - Аня: привет', '24.09.2020, 9:07 xyz. - Борис: ответ', 'вторая строка', '24.09.2020, 25:40 - Борис: ещё', '24.09.2020, 11:41 - Аня: ок', ''].join('\n'),
    );
    const rows = doc.segments.map((s) => [s.id, s.anchor.line, s.message?.author.name, s.message?.role, segmentText(doc, s)]);
    expect(rows).toEqual([
      ['m1', 1, 'Аня', 'authored', 'привет'],
      ['m2', 2, '', 'uninterpreted', '24.09.2020, 9:07 xyz. - Борис: ответ\nвторая строка'],
      ['m3', 4, '', 'uninterpreted', '24.09.2020, 25:40 - Борис: ещё'],
      ['m4', 5, 'Аня', 'authored', 'ок'],
    ]);
    const notice = doc.notices.find((n) => n.code === 'whatsapp.header-unreadable');
    expect(notice).toMatchObject({ severity: 'warning', anchor: { line: 2 } });
    expect(notice?.message).toMatch(/^2 line\(s\) .*line 2 \("24\.09\.2020, 9:07 xyz\."\)/u);
    expect(doc.notices.map((n) => n.code)).not.toContain('whatsapp.uninterpreted');
  });

  it('still joins a continuation line that merely starts with a date', async () => {
    const doc = await ingest('24.09.2020, 11:38 - Аня: план\n25.09.2020, 10:00 встреча у входа\n');
    expect(doc.segments).toHaveLength(1);
    expect(segmentText(doc, doc.segments[0] as never)).toBe('план\n25.09.2020, 10:00 встреча у входа');
  });

  it('names unreadable header lines when no header at all can be read', async () => {
    await expect(collectDocuments(whatsappAdapter.extract(input('24.09.2020, 9:07 xyz. - A: x\n')))).rejects.toMatchObject({
      code: 'whatsapp.no-messages',
      message: expect.stringContaining('1 line(s) look like message headers') as unknown as string,
    });
  });
});
