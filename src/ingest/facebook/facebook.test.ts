import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentProblems, segmentText } from '../../core/document.js';
import type { SozDocument } from '../../core/document.js';
import { UserError } from '../../core/errors.js';
import { collectDocuments, DEFAULT_LIMITS, inputFromBytes } from '../adapter.js';
import { facebookAdapter } from './index.js';
import { repairMojibake } from './mojibake.js';

const RUNS = Number(process.env['SOZ_FUZZ_RUNS'] ?? 200);
const FIXTURES = new URL('../../../tests/fixtures/chats/', import.meta.url).pathname;

/** Meta's encoding: every UTF-8 byte becomes one code unit. */
function metaEscape(text: string): string {
  return [...new TextEncoder().encode(text)].map((b) => String.fromCharCode(b)).join('');
}

function input(content: string | Uint8Array, name = 'message_1.json') {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return inputFromBytes(bytes, { name, sha256: 'b'.repeat(64), mediaType: 'application/json', limits: DEFAULT_LIMITS });
}

async function ingest(content: string | Uint8Array, name?: string): Promise<SozDocument> {
  const [doc, ...rest] = await collectDocuments(facebookAdapter.extract(input(content, name)));
  expect(rest).toEqual([]);
  expect(documentProblems(doc as SozDocument)).toEqual([]);
  return doc as SozDocument;
}

describe('repairMojibake', () => {
  it('decodes UTF-8 bytes stored as Latin-1 and leaves other text alone', () => {
    expect(repairMojibake(metaEscape('Добрый день 👌🏼'))).toBe('Добрый день 👌🏼');
    expect(repairMojibake('café')).toBe('café');
    expect(repairMojibake('plain')).toBe('plain');
    expect(repairMojibake('Уже юникод')).toBe('Уже юникод');
  });
});

describe('facebook adapter', () => {
  const thread = (messages: unknown[], extra: Record<string, unknown> = {}) => JSON.stringify({ participants: [{ name: metaEscape('Ана') }, { name: 'Bob' }], messages, title: metaEscape('Чат'), thread_path: 'inbox/x_1', ...extra });

  it('emits messages oldest-first with ids pointing into the export, repairing mojibake', async () => {
    const doc = await ingest(
      thread([
        { sender_name: 'Bob', timestamp_ms: 3000, content: 'third', reactions: [{ reaction: metaEscape('❤️'), actor: metaEscape('Ана') }, { reaction: metaEscape('❤️'), actor: 'Bob' }] },
        { sender_name: metaEscape('Ана'), timestamp_ms: 2000, content: metaEscape('второе') },
        { sender_name: 'Bob', timestamp_ms: 2000, content: 'same time, earlier in export' },
        { sender_name: 'Bob', timestamp_ms: 1000, is_unsent: true },
      ]),
    );
    expect(doc.segments.map((s) => [s.id, s.message?.author.name, s.message?.role, segmentText(doc, s)])).toEqual([
      ['m4', 'Bob', 'deleted', ''],
      ['m3', 'Bob', 'authored', 'same time, earlier in export'],
      ['m2', 'Ана', 'authored', 'второе'],
      ['m1', 'Bob', 'authored', 'third'],
      ['m1.r0', 'Ана', 'reaction', '❤️'],
      ['m1.r1', 'Bob', 'reaction', '❤️'],
    ]);
    expect(doc.segments[4]?.message).toMatchObject({ role: 'reaction', reactionTo: '1', messageId: '1', timestamp: { iso: null, offset: 'unknown' } });
    expect(doc.segments[3]?.message?.reactions).toEqual([{ emoji: '❤️', count: 2, from: [{ name: 'Ана' }, { name: 'Bob' }] }]);
    expect(doc.segments[0]?.message?.timestamp).toEqual({ iso: '1970-01-01T00:00:01.000Z', offset: 'recorded', raw: '1000' });
    expect(doc.segments[0]?.message?.chatName).toBe('Чат');
    expect(doc.properties['participants']).toBe('Ана; Bob');
    expect(doc.notices.map((n) => n.code)).toContain('facebook.mojibake-repaired');
  });

  it('does not "repair" a file that already holds proper Unicode', async () => {
    const doc = await ingest(JSON.stringify({ participants: [], messages: [{ sender_name: 'Zoë', timestamp_ms: 1, content: 'Ã©tÃ© and Привет' }] }));
    expect(doc.text).toBe('Ã©tÃ© and Привет');
  });

  it('removes byte-identical repeats and says how many', async () => {
    const m = { sender_name: 'Bob', timestamp_ms: 5, content: 'twice' };
    const doc = await ingest(thread([m, m, { sender_name: 'Bob', timestamp_ms: 4, content: 'Liked a message' }, { sender_name: 'Bob', timestamp_ms: 4, content: 'Gostou de uma mensagem' }]));
    expect(doc.segments.map((s) => s.message?.role)).toEqual(['reaction', 'reaction', 'authored']);
    const notice = doc.notices.find((n) => n.code === 'facebook.duplicates-removed');
    expect(notice?.message).toMatch(/^1 of the export's 4 message entries/u);
    expect(doc.properties['duplicatesRemoved']).toBe(1);
    expect(doc.notices.map((n) => n.code)).toContain('facebook.same-time-variants');
  });

  it('reads media, shares, service lines and keeps unreadable entries verbatim', async () => {
    const doc = await ingest(
      thread([
        { sender_name: 'Bob', timestamp_ms: 1, photos: [{ uri: 'messages/inbox/x/photos/1.jpg' }] },
        { sender_name: 'Bob', timestamp_ms: 2, content: 'look', share: { link: 'https://example.org/a' } },
        { sender_name: 'Bob', timestamp_ms: 3, content: 'Bob left the group.' },
        { timestamp_ms: 4, content: 'no sender' },
        42,
      ]),
    );
    const roles = Object.fromEntries(doc.segments.map((s) => [s.id, s.message?.role]));
    expect(roles).toEqual({ m1: 'media-only', m2: 'authored', m3: 'service', m4: 'uninterpreted', m5: 'uninterpreted' });
    expect(doc.segments.find((s) => s.id === 'm2')?.message?.media).toEqual([{ type: 'share', fileName: 'https://example.org/a', inExport: false }]);
    expect(segmentText(doc, doc.segments.find((s) => s.id === 'm4')!)).toBe('{"timestamp_ms":4,"content":"no sender"}');
    expect(doc.notices.find((n) => n.code === 'facebook.uninterpreted')?.message).toMatch(/^2 /u);
  });

  it('tells Instagram from Messenger by export paths and layout', async () => {
    const ig = await ingest(thread([{ sender_name: 'Bob', timestamp_ms: 1, photos: [{ uri: 'your_instagram_activity/messages/inbox/x/photos/1.jpg' }] }]));
    expect(ig.segments[0]?.message?.platform).toBe('instagram');
    const fb = await ingest(thread([{ sender_name: 'Bob', timestamp_ms: 1, content: 'x' }], { thread_type: 'Regular' }));
    expect(fb.segments[0]?.message?.platform).toBe('facebook');
    const unknown = await ingest(JSON.stringify({ messages: [{ sender_name: 'Bob', timestamp_ms: 1, content: 'x' }] }));
    expect(unknown.notices.find((n) => n.code === 'facebook.platform-uncertain')?.severity).toBe('warning');
  });

  it('keeps the text of a shared post as its own part and counts keys it does not read', async () => {
    const doc = await ingest(
      thread([
        { sender_name: 'Bob', timestamp_ms: 2, content: 'смотри', share: { link: 'https://example.org/post', share_text: 'Вымышленный текст поста', original_content_owner: 'someone' }, ip: '192.0.2.1' },
        { sender_name: 'Bob', timestamp_ms: 1, content: 'привет', ip: '192.0.2.1', is_geoblocked_for_viewer: false },
      ]),
    );
    expect(doc.segments.map((s) => [s.id, doc.text.slice(s.range[0], s.range[1]), s.message?.messageId])).toEqual([
      ['m2', 'привет', '2'],
      ['m1', 'смотри', '1'],
      ['m1.share0', 'Вымышленный текст поста', '1'],
    ]);
    const unread = doc.notices.filter((n) => n.code === 'facebook.unread-key');
    expect(unread.map((n) => n.message)).toEqual([expect.stringContaining('"ip" in 2 message(s), first in message 2; "share.original_content_owner" in 1 message(s), first in message 1')]);
    expect(unread[0]?.message).not.toContain('is_geoblocked_for_viewer');
  });

  it('reads a real Instagram fixture with mojibake emoji names', async () => {
    const doc = await ingest(readFileSync(`${FIXTURES}instagram_mojibake.json`), 'testlog.json');
    // 13 messages and two messages with two reactions each, every reaction a segment of its own.
    expect(doc.segments).toHaveLength(17);
    expect(doc.segments.filter((s) => s.message?.role === 'reaction' && s.message.reactionTo !== undefined)).toHaveLength(4);
    expect(doc.text).not.toMatch(/[ÃÂâð][\u0080-\u00bf]/u);
    expect(doc.segments.some((s) => s.message?.author.name === 'J❤️hn Doe')).toBe(true);
  });

  it('rejects non-JSON and non-thread JSON with UserErrors', async () => {
    await expect(collectDocuments(facebookAdapter.extract(input('{"messages": [')))).rejects.toMatchObject({ code: 'facebook.invalid-json' });
    await expect(collectDocuments(facebookAdapter.extract(input('[1,2]')))).rejects.toMatchObject({ code: 'facebook.not-a-thread' });
  });

  it('ends in documents or a UserError for garbage and truncated input', async () => {
    const sample = readFileSync(`${FIXTURES}instagram_mojibake.json`);
    const arbitrary = fc.oneof(
      fc.uint8Array({ maxLength: 1024 }),
      fc.nat({ max: sample.length }).map((cut) => new Uint8Array(sample.subarray(0, cut))),
      fc.json({ maxDepth: 4 }).map((j) => new TextEncoder().encode(`{"messages": [${j}, {"sender_name": ${j}, "timestamp_ms": ${j}, "reactions": ${j}, "photos": ${j}}]}`)),
      fc.anything({ maxDepth: 3 }).map((v) => new TextEncoder().encode(JSON.stringify({ messages: [v], participants: v, title: v }) ?? '')),
    );
    await fc.assert(
      fc.asyncProperty(arbitrary, async (bytes) => {
        try {
          const docs = await collectDocuments(facebookAdapter.extract(input(bytes)));
          for (const doc of docs) expect(documentProblems(doc)).toEqual([]);
        } catch (error) {
          expect(error).toBeInstanceOf(UserError);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
