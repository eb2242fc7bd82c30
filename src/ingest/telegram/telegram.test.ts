import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SozDocument } from '../../core/document.js';
import { UserError } from '../../core/errors.js';
import { expectSoundDocuments } from '../../../tests/support/adapter-invariants.js';
import type { EvidenceInput } from '../adapter.js';
import { DEFAULT_LIMITS, collectDocuments, inputFromBytes } from '../adapter.js';
import type { ScanEvent } from './index.js';
import { TelegramJsonScanner, chatParticipants, createTelegramJsonAdapter, htmlTimestamp, telegramHtmlAdapter, telegramJsonAdapter } from './index.js';

const FIXTURE = new URL('../../../tests/fixtures/telegram/fictional_group_quotes_reactions.result.json', import.meta.url);

function input(text: string | Uint8Array, mediaType = 'application/json', limits = DEFAULT_LIMITS, chunk = 0): EvidenceInput {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  const base = inputFromBytes(bytes, { name: 'result.json', sha256: createHash('sha256').update(bytes).digest('hex'), mediaType, limits });
  if (chunk === 0) return base;
  return {
    ...base,
    chunks: async function* () {
      for (let at = 0; at < bytes.byteLength; at += chunk) yield bytes.subarray(at, at + chunk);
    },
  };
}

/** Runs the scanner over `text` cut into chunks of `size` bytes. */
function scan(text: string, size: number, maxDepth = 64): ScanEvent[] {
  const bytes = new TextEncoder().encode(text);
  const scanner = new TelegramJsonScanner('x.json', maxDepth);
  const events: ScanEvent[] = [];
  for (let at = 0; at < bytes.byteLength; at += size) events.push(...scanner.feed(bytes.subarray(at, at + size)));
  events.push(...scanner.end());
  return events;
}

function messagesOf(events: readonly ScanEvent[]): unknown[] {
  const out: unknown[] = [];
  for (const event of events) {
    if (event.kind !== 'batch') continue;
    const { bytes, starts, ends } = event.batch;
    for (let i = 0; i < starts.length; i++) out.push(JSON.parse(new TextDecoder().decode(bytes.subarray(starts[i], ends[i]))));
  }
  return out;
}

function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return undefined;
}

function textOf(doc: SozDocument, id: string): string | undefined {
  const segment = doc.segments.find((s) => s.id === id);
  return segment === undefined ? undefined : doc.text.slice(segment.range[0], segment.range[1]);
}

describe('TelegramJsonScanner', () => {
  const tricky = {
    name: 'x',
    type: 'personal_chat',
    id: 1,
    about_strings: ['{"messages": [ {', '\\', '"'],
    messages: [
      { id: 1, text: 'braces } ] { [ and "quotes" and \\" backslash-quote', nested: { a: [[{ b: '}' }]] } },
      { id: 2, text: '\\\\', emoji: '🙂 тест' },
      'a string element',
      42,
      { id: 3, text: '' },
    ],
  };

  it('finds every message whatever the chunk size, with strings holding braces and escapes', () => {
    const text = JSON.stringify(tricky, null, 1);
    for (const size of [1, 2, 3, 7, 64, 100_000]) {
      const events = scan(text, size);
      expect(messagesOf(events), `chunk ${size}`).toEqual(tricky.messages);
      expect(events.filter((e) => e.kind === 'chat-start')).toEqual([{ kind: 'chat-start', chat: { section: 'root', index: 0, name: 'x', type: 'personal_chat', id: '1', fullAccount: true } }]);
    }
  });

  it('reports each chat of a full-account export with its section and index', () => {
    const text = JSON.stringify({ about: 'a', personal_information: { user_id: 1 }, chats: { about: 'b', list: [{ name: 'A', type: 'personal_chat', id: 5, messages: [{ id: 1 }] }, { name: 'B', id: 6, messages: [] }] }, left_chats: { list: [{ id: 7, messages: [{ id: 9 }] }] } });
    const events = scan(text, 5);
    expect(events.filter((e) => e.kind === 'chat-start').map((e) => (e.kind === 'chat-start' ? e.chat : null))).toEqual([
      { section: 'chats', index: 0, name: 'A', type: 'personal_chat', id: '5', fullAccount: true },
      { section: 'chats', index: 1, name: 'B', id: '6', fullAccount: true },
      { section: 'left_chats', index: 0, id: '7', fullAccount: true },
    ]);
    expect(events.filter((e) => e.kind === 'chat-end')).toHaveLength(3);
    expect(events.filter((e) => e.kind === 'section')).toEqual([{ kind: 'section', key: 'personal_information' }]);
  });

  it('rejects nesting deeper than the limit with a UserError', () => {
    const deep = `{"messages":[${'['.repeat(40)}${']'.repeat(40)}]}`;
    const error = catchError(() => scan(deep, 8, 20));
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toMatch(/x\.json: nests deeper than 20 levels at byte \d+/);
    expect(() => scan(deep, 8, 64)).not.toThrow();
  });

  it('names the byte offset when the file is truncated or malformed', () => {
    const text = JSON.stringify(tricky);
    const truncated = text.slice(0, text.indexOf('"id":2') + 3);
    expect(() => scan(truncated, 16)).toThrowError(/x\.json: ends unexpectedly at byte \d+ \(inside the value starting at byte \d+\)/);
    expect(() => scan('{"messages":[{"id":1]]}', 4)).toThrowError(/malformed JSON at byte 20: unexpected '\]'/);
    expect(() => scan('{"messages" [] }', 4)).toThrowError(/malformed JSON at byte 12/);
    expect(() => scan('[1,2]', 4)).toThrowError(/does not start with a JSON object/);
    expect(() => scan('   ', 4)).toThrowError(/is empty/);
    expect(() => scan('{"messages":[]} x', 4)).toThrowError(/unexpected 'x'/);
  });

  it('handles a chat with zero messages', () => {
    const events = scan('{"name":"n","type":"personal_chat","id":3,"messages":[]}', 3);
    expect(events.map((e) => e.kind)).toEqual(['chat-start', 'chat-end']);
  });
});

describe('telegramJsonAdapter', () => {
  const fixture = new Uint8Array(readFileSync(FIXTURE));

  it('detects Telegram exports but not other JSON', () => {
    expect(telegramJsonAdapter.detect(input(fixture))).toBe(true);
    expect(telegramJsonAdapter.detect(input('{"messages": [{"id": 1}], "foo": "bar"}'))).toBe(false);
    expect(telegramJsonAdapter.detect(input('{"participants": [], "messages": [{"sender_name": "a", "timestamp_ms": 1}]}'))).toBe(false);
    expect(telegramJsonAdapter.detect(input(fixture, 'text/plain'))).toBe(false);
    expect(telegramJsonAdapter.detect(input('{"about": "x", "personal_information": {"user_id": 1}}'))).toBe(true);
  });

  it('maps quotes, reactions, forwarded replies, media and uninterpreted messages', async () => {
    const [doc] = await expectSoundDocuments(() => collectDocuments(telegramJsonAdapter.extract(input(fixture))));
    if (doc === undefined) throw new Error('no document');
    // An element without an id is named after its byte offset in the file.
    const stringAt = Buffer.from(fixture).indexOf('"not a message object"');
    expect(doc.segments.map((s) => s.id)).toEqual(['m10', 'm10.q0', 'm10.t0', 'm10.r0', 'm10.r1', 'm11', 'm12', 'm13', 'm14', 'm14.q0', 'm14.t0', `m@${stringAt}`]);
    expect(textOf(doc, 'm10')).toBe('Мен мындай деп жаздым: ');
    expect(textOf(doc, 'm10.q0')).toBe('цитата с «кавычками» и {скобками} "внутри"');
    expect(textOf(doc, 'm10.t0')).toBe(' — бул менин оюм эмес.');
    const seg = (id: string) => doc.segments.find((s) => s.id === id)?.message;
    expect(seg('m10')).toMatchObject({ role: 'authored', author: { name: 'Айгүл', id: 'user1' }, timestamp: { iso: '2024-03-01T06:00:00Z', offset: 'recorded', raw: '2024-03-01T09:00:00 (unixtime 1709272800)' } });
    expect(seg('m10')?.reactions).toEqual([{ emoji: '👍', count: 2, from: [{ name: 'Bolot', id: 'user2' }, { name: 'Айгүл', id: 'user1' }] }]);
    expect(seg('m10.r0')).toMatchObject({ role: 'reaction', reactionTo: '10', author: { name: 'Bolot' }, timestamp: { iso: '2024-03-01T09:05:00', offset: 'unknown' } });
    expect(seg('m11')).toMatchObject({ role: 'forwarded', replyTo: '10', forwardedFrom: { name: 'Some Channel', id: 'channel99' } });
    expect(textOf(doc, 'm11')).toBe('forwarded reply with a backslash \\ and a quote " and }]');
    expect(seg('m12')?.role).toBe('uninterpreted');
    expect(JSON.parse(textOf(doc, 'm12') ?? '')).toMatchObject({ id: 12, type: 'story_mention' });
    expect(seg('m13')).toMatchObject({ role: 'media-only', media: [{ type: 'voice_message', fileName: 'voice.ogg', inExport: false }] });
    expect(seg('m14')).toMatchObject({ role: 'reply', replyTo: '13', media: [{ type: 'photo', fileName: 'photos/photo_1.jpg', inExport: true }] });
    expect(textOf(doc, 'm14')).toBe('');
    expect(textOf(doc, 'm14.q0')).toBe('quoted first');
    expect(textOf(doc, `m@${stringAt}`)).toBe('"not a message object"');
    expect(doc.notices.map((n) => n.code)).toEqual(['telegram.uninterpreted']);
    expect(doc.notices[0]?.message).toMatch(/^2 message/);
    expect(doc.properties).toMatchObject({ messages: 6, uninterpreted: 2, chatId: '4242', exportKind: 'single-chat' });
    expect(chatParticipants(doc)).toEqual([
      { author: { name: '' }, counts: { uninterpreted: 1 }, total: 1 },
      { author: { name: 'Bolot' }, counts: { uninterpreted: 1 }, total: 1 },
      { author: { name: 'Bolot', id: 'user2' }, counts: { reaction: 1, forwarded: 1, reply: 1 }, total: 3 },
      { author: { name: 'Айгүл', id: 'user1' }, counts: { authored: 1, reaction: 1, 'media-only': 1 }, total: 3 },
    ]);
  });

  it('gives the same documents in-thread for any chunking', async () => {
    const whole = await collectDocuments(telegramJsonAdapter.extract(input(fixture)));
    const tiny = await collectDocuments(createTelegramJsonAdapter({ threads: 0 }).extract(input(fixture, 'application/json', DEFAULT_LIMITS, 13)));
    expect(tiny).toEqual(whole);
  });

  it('splits a large chat between messages into parts with their own entries', async () => {
    const list = Array.from({ length: 7 }, (_, i) => ({ id: i + 1, type: 'message', date: '2024-01-01T00:00:00', from: 'A', from_id: 'user1', text: `t${i}`, text_entities: [] }));
    const text = JSON.stringify({ about: 'x', chats: { list: [{ name: 'C', type: 'private_group', id: 77, messages: list }] } });
    const docs = await expectSoundDocuments(() => collectDocuments(createTelegramJsonAdapter({ threads: 0, maxMessagesPerDocument: 3 }).extract(input(text, 'application/json', DEFAULT_LIMITS, 50))));
    expect(docs.map((d) => [d.entry, d.properties.messages, d.properties.part ?? null])).toEqual([
      ['chats/77/part1', 3, 1],
      ['chats/77/part2', 3, 2],
      ['chats/77/part3', 1, 3],
      ['export', undefined, null],
    ]);
    expect(docs.flatMap((d) => d.segments.map((s) => s.id))).toEqual(list.map((m) => `m${m.id}`));
  });

  it('throws a UserError naming the file and offset for a bad message', async () => {
    const text = '{"name":"n","type":"personal_chat","id":1,"messages":[{"id":1,"type":"message"},{"id":2 "type":"message"}]}';
    await expect(collectDocuments(telegramJsonAdapter.extract(input(text)))).rejects.toThrowError(`result.json: malformed JSON in the message starting at byte ${text.indexOf('{"id":2')} `);
    await expect(collectDocuments(telegramJsonAdapter.extract(input(text.slice(0, 60))))).rejects.toBeInstanceOf(UserError);
  });

  it('turns damaged UTF-8 inside a message into U+FFFD exactly as TextDecoder does', async () => {
    const damaged = [0x61, 0xff, 0xc3, 0x28, 0x62, 0xe2, 0x82, 0x20, 0xf0, 0x9f, 0x98, 0xed, 0xa0, 0x80, 0x63];
    const head = new TextEncoder().encode('{"name":"n","type":"personal_chat","id":1,"messages":[{"id":1,"type":"message","text":"');
    const tail = new TextEncoder().encode('"}]}');
    const bytes = new Uint8Array([...head, ...damaged, ...tail]);
    const [doc] = await collectDocuments(createTelegramJsonAdapter({ threads: 0 }).extract(input(bytes)));
    const expected = new TextDecoder().decode(new Uint8Array(damaged));
    expect(expected).toContain('\uFFFD');
    expect(doc?.text).toBe(expected);
  });

  it('keeps empty chats as empty documents', async () => {
    const docs = await collectDocuments(telegramJsonAdapter.extract(input('{"name":"n","type":"personal_chat","id":1,"messages":[]}')));
    expect(docs).toHaveLength(1);
    expect(docs[0]?.segments).toEqual([]);
  });
});

describe('telegramHtmlAdapter', () => {
  const page = `<!DOCTYPE html><html><head><title>Exported Data</title></head><body><div class="page_wrap"><div class="page_header"><div class="content"><div class="text bold">
Чат
</div></div></div><div class="page_body chat_page"><div class="history">
<div class="message service" id="message-1"><div class="body details">
1 March 2024
</div></div>
<div class="message default clearfix joined" id="message5"><div class="body"><div class="pull_right date details" title="01.03.2024 09:00:00 UTC+06:00">09:00</div><div class="text">
orphan
</div></div></div>
<div class="message default clearfix" id="message6"><div class="body"><div class="pull_right date details" title="01.03.2024 09:01:00">09:01</div><div class="from_name">
Bolot
</div><div class="text">
a<br><blockquote>q &amp; q</blockquote>b
</div><span class="reactions"><span class="reaction"><span class="emoji">👍</span><span class="userpics"><div class="userpic"><div class="initials" title="Айгүл">А</div></div></span></span></span></div></div>
<div class="message default clearfix joined" id="message7"><div class="body"><div class="pull_right date details" title="01.03.2024 09:02:00 UTC+06:00">09:02</div><div class="reply_to details">In reply to <a href="#go_to_message6" onclick="return GoToMessage(6)">this message</a></div><div class="text">
ok
</div></div></div>
<div class="message weird" id="message8"><div class="body">???</div></div>
</div></div></div></body></html>`;

  it('reads joined authors, quotes, reactions, replies, day separators and odd blocks', async () => {
    const html = input(page, 'text/html');
    expect(telegramHtmlAdapter.detect(html)).toBe(true);
    expect(telegramJsonAdapter.detect(html)).toBe(false);
    const [doc] = await expectSoundDocuments(() => collectDocuments(telegramHtmlAdapter.extract(html)));
    if (doc === undefined) throw new Error('no document');
    expect(doc.segments.map((s) => s.id)).toEqual(['m5', 'm6', 'm6.q0', 'm6.t0', 'm6.r0', 'm7', 'm8']);
    expect(textOf(doc, 'm6')).toBe('a\n');
    expect(textOf(doc, 'm6.q0')).toBe('q & q');
    expect(doc.segments.map((s) => s.message?.author.name)).toEqual(['', 'Bolot', 'Bolot', 'Bolot', 'Айгүл', 'Bolot', '']);
    expect(doc.segments.map((s) => s.message?.role)).toEqual(['authored', 'authored', 'authored', 'authored', 'reaction', 'reply', 'uninterpreted']);
    expect(doc.segments[0]?.message?.timestamp).toEqual({ iso: '2024-03-01T03:00:00Z', offset: 'recorded', raw: '01.03.2024 09:00:00 UTC+06:00' });
    expect(doc.segments[1]?.message?.timestamp).toEqual({ iso: '2024-03-01T09:01:00', offset: 'unknown', raw: '01.03.2024 09:01:00' });
    expect(doc.properties).toMatchObject({ chatName: 'Чат', messages: 4, authorsInherited: 1, daySeparators: 1, uninterpreted: 1 });
    expect(doc.notices.map((n) => n.code)).toEqual(['telegram.author-unknown', 'telegram.uninterpreted']);
  });

  it('converts UTC offsets in both directions', () => {
    expect(htmlTimestamp('13.05.2025 03:22:40 UTC-08:00').iso).toBe('2025-05-13T11:22:40Z');
    expect(htmlTimestamp('31.12.2024 23:30:00 UTC+03:00').iso).toBe('2024-12-31T20:30:00Z');
    expect(htmlTimestamp('garbage')).toEqual({ iso: null, offset: 'unknown', raw: 'garbage' });
  });
});
