import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DocumentBuilder } from '../../core/document-builder.js';
import type { TelegramMessage, TextRun } from './message.js';
import { hasText, isTrimmedSpace, messageSegments, unixToIso } from './message.js';
import { normalizeJsonMessage } from './json-message.js';

/** What `unixToIso` must equal: the `Date` formatting it replaces. */
function viaDate(seconds: number): string {
  return new Date(Math.trunc(seconds) * 1000).toISOString().replace('.000Z', 'Z');
}

const MAX_SECONDS = 8.64e12;

describe('unixToIso', () => {
  it('equals Date#toISOString for every whole second in the range of Date', () => {
    fc.assert(
      fc.property(fc.integer({ min: -MAX_SECONDS, max: MAX_SECONDS }), (s) => unixToIso(s) === viaDate(s)),
      { numRuns: 20_000 },
    );
  });

  it('equals Date#toISOString around day, leap-year, era and four-digit-year boundaries', () => {
    // The last and first second of days from -2e6 to 2e6 days around 1970 (years ~ -3500 … 7400).
    fc.assert(
      fc.property(fc.integer({ min: -2_000_000, max: 2_000_000 }), fc.constantFrom(-1, 0), (day, offset) => unixToIso(day * 86_400 + offset) === viaDate(day * 86_400 + offset)),
      { numRuns: 20_000 },
    );
    const edges = [0, -1, 951_782_400, 951_868_800, -62_167_219_200, -62_167_219_201, 253_402_300_799, 253_402_300_800, -12_219_292_800, MAX_SECONDS, -MAX_SECONDS];
    for (const s of edges) expect(unixToIso(s)).toBe(viaDate(s));
    expect(unixToIso(253_402_300_800)).toBe('+010000-01-01T00:00:00Z');
    expect(unixToIso(-62_167_219_201)).toBe('-000001-12-31T23:59:59Z');
  });

  it('truncates fractions and returns null outside the range of Date', () => {
    fc.assert(fc.property(fc.double({ min: -MAX_SECONDS, max: MAX_SECONDS, noNaN: true }), (s) => unixToIso(s) === viaDate(s)));
    expect(unixToIso(-0.5)).toBe('1970-01-01T00:00:00Z');
    for (const s of [MAX_SECONDS + 1, -MAX_SECONDS - 0.5, Number.NaN, Number.POSITIVE_INFINITY]) expect(unixToIso(s)).toBeNull();
  });
});

describe('hasText', () => {
  it('treats exactly the code units String#trim removes as whitespace', () => {
    const disagreeing: string[] = [];
    for (let c = 0; c <= 0xffff; c++) if (isTrimmedSpace(c) !== (String.fromCharCode(c).trim() === '')) disagreeing.push(`U+${c.toString(16)}`);
    expect(disagreeing).toEqual([]);
  });

  it('agrees with trimming every run', () => {
    const text = fc.string({ unit: fc.constantFrom(' ', '\n', '\u00a0', '\u2003', '\ufeff', '\u200b', 'a', 'я', '\ud83d') });
    fc.assert(fc.property(fc.array(fc.record({ text, quote: fc.boolean() })), (runs) => hasText(runs) === runs.some((run) => run.text.trim() !== '')));
  });
});

/** Any JSON value, and objects that look like messages with odd values in the fields read. */
const hostileMessage = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.dictionary(
    fc.constantFrom('id', 'type', 'date', 'date_unixtime', 'text', 'text_entities', 'from', 'from_id', 'forwarded_from', 'saved_from', 'reply_to_message_id', 'reactions', 'photo', 'file', 'media_type', 'poll', '__proto__', 'constructor'),
    fc.jsonValue({ maxDepth: 3 }),
  ),
  fc.record({ id: fc.oneof(fc.integer(), fc.string()), type: fc.constantFrom('message', 'service'), date_unixtime: fc.oneof(fc.string(), fc.double()), text_entities: fc.array(fc.jsonValue({ maxDepth: 2 })), reactions: fc.jsonValue({ maxDepth: 3 }) }, { requiredKeys: ['id', 'type'] }),
);

describe('normalizeJsonMessage', () => {
  it('never throws; what it cannot read it reports with a reason', () => {
    fc.assert(
      fc.property(hostileMessage, (value) => {
        // Through JSON text, as the adapter gets them (`__proto__` becomes an own key).
        const result = normalizeJsonMessage(JSON.parse(JSON.stringify(value) ?? 'null'));
        if ('uninterpreted' in result) return typeof result.reason === 'string' && result.reason !== '';
        return typeof result.id === 'string' && Array.isArray(result.runs);
      }),
      { numRuns: 5_000 },
    );
  });

  it('keeps the key order of messages and their parts', () => {
    const message = normalizeJsonMessage({
      reactions: [{ type: 'emoji', count: 2, emoji: '👍', recent: [{ from: 'Bolot', from_id: 'user2', date: '2024-03-01T09:05:00' }] }],
      photo: '(File exceeds maximum size. Change data exporting settings to download.)',
      file: 'files/a.pdf',
      media_type: 'video_file',
      poll: { question: 'Q?', answers: [{ text: 'A' }, { text: 'B' }] },
      text_entities: [{ type: 'plain', text: 'own ' }, { type: 'blockquote', text: 'quoted' }],
      reply_to_message_id: '7',
      forwarded_from: null,
      from_id: 'user1',
      from: 'Айгүл',
      edited_unixtime: '1709272900',
      date_unixtime: 1709272800,
      date: '2024-03-01T09:00:00',
      type: 'message',
      id: 10,
    });
    expect(JSON.stringify(message)).toBe(
      JSON.stringify({
        id: '10',
        timestamp: { iso: '2024-03-01T06:00:00Z', offset: 'recorded', raw: '2024-03-01T09:00:00 (unixtime 1709272800)' },
        runs: [
          { text: 'own ', quote: false },
          { text: 'quoted', quote: true },
          { text: 'Q?\nA\nB', quote: false },
        ],
        author: { name: 'Айгүл', id: 'user1' },
        role: 'forwarded',
        forwardedFrom: { name: '' },
        replyTo: '7',
        edited: true,
        reactions: [{ emoji: '👍', count: 2, from: [{ name: 'Bolot', id: 'user2' }] }],
        reactors: [{ party: { name: 'Bolot', id: 'user2' }, emoji: '👍', timestamp: { iso: '2024-03-01T09:05:00', offset: 'unknown', raw: '2024-03-01T09:05:00' } }],
        media: [
          { type: 'photo', inExport: false },
          { type: 'video_file', fileName: 'files/a.pdf', inExport: true },
          { type: 'poll', inExport: 'unknown' },
        ],
      }),
    );
    const bad = normalizeJsonMessage({ id: '12', type: 'story', actor: 'A', actor_id: 5, date: 'yesterday' });
    expect(JSON.stringify(bad)).toBe(JSON.stringify({ uninterpreted: true, id: '12', author: { name: 'A', id: '5' }, timestamp: { iso: null, offset: 'unknown', raw: 'yesterday' }, reason: 'unknown message type "story"' }));
  });

  it('reads ids and unix times as the patterns -?digits (up to 20 and 15 digits)', () => {
    const idOf = (id: unknown) => {
      const result = normalizeJsonMessage({ id, type: 'message' });
      return 'uninterpreted' in result ? null : result.id;
    };
    expect([idOf('-12'), idOf('1'.repeat(20)), idOf('1'.repeat(21)), idOf('-'), idOf(''), idOf(' 1'), idOf('1e3'), idOf('١'), idOf(2 ** 53), idOf(-7)]).toEqual(['-12', '1'.repeat(20), null, null, null, null, null, null, null, '-7']);
    const isoOf = (unix: unknown) => {
      const result = normalizeJsonMessage({ id: 1, type: 'message', date_unixtime: unix });
      return result.timestamp.iso;
    };
    expect([isoOf('-1'), isoOf('9'.repeat(15)), isoOf('1'.repeat(16)), isoOf('+1'), isoOf('1.5'), isoOf(86_400)]).toEqual(['1969-12-31T23:59:59Z', null, null, null, null, '1970-01-02T00:00:00Z']);
  });
});

describe('messageSegments', () => {
  const chat = { chatId: '1', chatName: 'c' };
  const message = (runs: TextRun[]): TelegramMessage => ({ id: '5', author: { name: 'a' }, timestamp: { iso: null, offset: 'unknown', raw: '' }, role: 'authored', runs });
  const own = (text: string): TextRun => ({ text, quote: false });
  const quote = (text: string): TextRun => ({ text, quote: true });
  const view = (runs: TextRun[]) => messageSegments(message(runs), chat).map((s) => [s.id, s.text]);

  it('merges runs of one voice, skipping empty runs, and numbers quotes from 0', () => {
    expect(view([])).toEqual([['m5', '']]);
    expect(view([own('a'), quote(''), own('b'), quote('q1'), quote('q2'), own(''), own('c'), quote('z')])).toEqual([
      ['m5', 'ab'],
      ['m5.q0', 'q1q2'],
      ['m5.t0', 'c'],
      ['m5.q1', 'z'],
    ]);
    expect(view([own(''), quote('q'), own('t')])).toEqual([
      ['m5', ''],
      ['m5.q0', 'q'],
      ['m5.t0', 't'],
    ]);
  });
});

describe('DocumentBuilder', () => {
  it('joins texts with the separator and keeps the key order of anchors and segments', () => {
    const builder = new DocumentBuilder({ sha256: 'ab', name: 'n', entry: 'e' }, 'text');
    builder.add({ id: 'a', text: 'x', part: 'body', anchor: { line: 3, entry: 'inner' }, author: 'W' });
    builder.add({ id: 'b', text: '', part: 'page' });
    builder.add({ id: 'c', text: 'yz', part: 'body', anchor: { page: 2 } });
    const doc = builder.build();
    expect(doc.text).toBe('x\n\n\n\nyz');
    expect(JSON.stringify(doc.segments)).toBe(
      JSON.stringify([
        { id: 'a', range: [0, 1], anchor: { evidenceSha256: 'ab', entry: 'inner', line: 3, part: 'body' }, author: 'W' },
        { id: 'b', range: [3, 3], anchor: { evidenceSha256: 'ab', entry: 'e', part: 'page' } },
        { id: 'c', range: [5, 7], anchor: { evidenceSha256: 'ab', entry: 'e', page: 2, part: 'body' } },
      ]),
    );
    const plain = new DocumentBuilder({ sha256: 'ab', name: 'n' }, 'text').add({ id: 'a', text: 't', part: 'body', anchor: { entry: 'late' } }).build();
    expect(JSON.stringify(plain.segments[0]?.anchor)).toBe('{"evidenceSha256":"ab","entry":"late","part":"body"}');
  });
});
