// Real Telegram Desktop HTML exports: edits, roles and media checked against counts taken from the
// files with JSON.parse / regexes, independently of the adapter.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SozDocument } from '../src/core/document.js';
import { DEFAULT_LIMITS, collectDocuments, inputFromBytes } from '../src/ingest/adapter.js';
import { telegramHtmlAdapter, telegramJsonAdapter } from '../src/ingest/telegram/index.js';
import { SUB_SEGMENT_SUFFIX } from '../src/ingest/telegram/message.js';
import { REAL_CORPORA, expectSoundDocuments } from './support/adapter-invariants.js';

const DIR = join(REAL_CORPORA, 'telegram');
const WORKGROUP = 'full_account_html_export_workgroup_ru/chats/chat_02/messages.html';

function read(file: string): Uint8Array {
  return new Uint8Array(readFileSync(join(DIR, file)));
}

async function ingest(file: string): Promise<SozDocument> {
  const bytes = read(file);
  const mediaType = file.endsWith('.json') ? 'application/json' : 'text/html';
  const input = inputFromBytes(bytes, { name: file.split('/').pop() ?? file, sha256: createHash('sha256').update(bytes).digest('hex'), mediaType, limits: DEFAULT_LIMITS });
  const adapter = file.endsWith('.json') ? telegramJsonAdapter : telegramHtmlAdapter;
  const [doc] = await expectSoundDocuments(() => collectDocuments(adapter.extract(input)));
  if (doc === undefined) throw new Error(`${file}: no document`);
  return doc;
}

/** One entry per message (quote/text sub-segments and reactions left out). */
function messages(doc: SozDocument) {
  return doc.segments.filter((s) => s.message !== undefined && s.message.role !== 'reaction' && !SUB_SEGMENT_SUFFIX.test(s.id));
}

function roleCounts(doc: SozDocument): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const s of messages(doc)) counts[s.message?.role ?? ''] = (counts[s.message?.role ?? ''] ?? 0) + 1;
  return counts;
}

describe('edited: JSON and HTML export of the same channel', () => {
  it('the JSON marks edits, the HTML has no trace of them, and the HTML adapter claims none', async () => {
    const raw = JSON.parse(new TextDecoder().decode(read('salaf_channel_ar_en.result.json'))) as { messages: Array<{ id: number; edited?: string }> };
    const editedIds = raw.messages.filter((m) => m.edited !== undefined).map((m) => `m${m.id}`);
    expect(editedIds).toHaveLength(106);
    const json = await ingest('salaf_channel_ar_en.result.json');
    expect(messages(json).filter((s) => s.message?.edited === true).map((s) => s.id)).toEqual(editedIds);

    // Nothing on the page says "edited": not in a class, a title or the visible text.
    const page = new TextDecoder().decode(read('salaf_channel_ar_en.messages.html'));
    expect(/edited/i.test(page)).toBe(false);
    const html = await ingest('salaf_channel_ar_en.messages.html');
    expect(html.segments.filter((s) => s.message?.edited !== undefined)).toEqual([]);
    expect(html.properties.editsRecorded).toBe(false);
    // The edited messages themselves are there, with the same role and author as in the JSON.
    const htmlById = new Map(messages(html).map((s) => [s.id, s.message]));
    const jsonById = new Map(messages(json).map((s) => [s.id, s.message]));
    for (const id of editedIds) {
      expect({ id, role: htmlById.get(id)?.role, author: htmlById.get(id)?.author.name }).toEqual({ id, role: jsonById.get(id)?.role, author: jsonById.get(id)?.author.name });
    }
  });
});

describe('Russian-content workgroup export (full account, HTML)', () => {
  const source = new TextDecoder().decode(read(WORKGROUP));
  const blocks = source.split(/<div class="message /).slice(1);

  it('has Russian messages but English fixed strings, as tdesktop writes them in every interface language', () => {
    expect(/[А-Яа-яЁё]/.test(source)).toBe(true);
    const replyTexts = [...source.matchAll(/<div class="reply_to details">\s*([^<]*)</g)].map((m) => m[1]?.trim());
    expect(replyTexts.length).toBe(259);
    expect(new Set(replyTexts)).toEqual(new Set(['In reply to']));
    const headers = blocks.filter((b) => /^service" id="message-\d{1,6}"/.test(b)).map((b) => /<div class="body details">\s*([^<]*?)\s*<\/div>/.exec(b)?.[1]);
    expect(headers.length).toBe(36);
    expect(headers.every((h) => /^\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|November|December) \d{4}$/.test(h ?? ''))).toBe(true);
  });

  it('every message gets the role its markup gives it', async () => {
    // Independent count from the markup: day headers are the service blocks with small negative
    // ids; a forward has a `forwarded body`, a reply a `reply_to`, media-only has media and no text.
    const expected: Record<string, number> = { service: 0, forwarded: 0, reply: 0, 'media-only': 0, authored: 0 };
    for (const b of blocks) {
      if (b.startsWith('service')) {
        if (!/^service" id="message-\d{1,6}"/.test(b)) expected.service = (expected.service ?? 0) + 1;
        continue;
      }
      const role = b.includes('<div class="forwarded body">') ? 'forwarded' : b.includes('<div class="reply_to details">') ? 'reply' : b.includes('<div class="media_wrap') && !b.includes('<div class="text">') ? 'media-only' : 'authored';
      expected[role] = (expected[role] ?? 0) + 1;
    }
    expect(expected).toEqual({ service: 14, forwarded: 6, reply: 259, 'media-only': 96, authored: 625 });
    const doc = await ingest(WORKGROUP);
    expect(roleCounts(doc)).toEqual(expected);
    expect(doc.properties).toMatchObject({ messages: 1000, daySeparators: 36, uninterpreted: 0, repliesElsewhere: 0, editsRecorded: false });
    // Messages from the basic group this supergroup was migrated from carry ids near -2^30.
    const migrated = messages(doc).filter((s) => Number(s.id.slice(1)) < -1_000_000);
    expect(migrated.length).toBe(blocks.filter((b) => /id="message-\d{7,}"/.test(b.slice(0, 80))).length);
    expect(migrated.length).toBeGreaterThan(0);
  });

  it('media: photos in the export, files and animations not included', async () => {
    const photosInExport = (source.match(/class="photo_wrap clearfix pull_left" href="/g) ?? []).length + (source.match(/<a class="media clearfix pull_left block_link media_photo" href="/g) ?? []).length;
    const notIncluded = (source.match(/<div class="media clearfix pull_left media_(?:file|video)">/g) ?? []).length;
    const doc = await ingest(WORKGROUP);
    const media = messages(doc).flatMap((s) => s.message?.media ?? []);
    expect(media.filter((m) => m.inExport === true).length).toBe(photosInExport);
    expect(media.filter((m) => m.inExport === false).length).toBe(notIncluded);
    // Each file left out says so in the writer's own words.
    expect((source.match(/Not included, change data exporting settings to download\./g) ?? []).length).toBe(notIncluded);
    expect(media.length).toBe((source.match(/<div class="media_wrap clearfix">/g) ?? []).length);
  });
});

describe('Russian bot chat (HTML)', () => {
  it('a voice message alone is media-only and its file is in the export', async () => {
    const doc = await ingest('etu_bot_chat_ru.messages.html');
    expect(roleCounts(doc)).toEqual({ authored: 21, 'media-only': 1 });
    const voice = messages(doc).find((s) => s.message?.role === 'media-only')?.message?.media;
    expect(voice).toEqual([{ type: 'voice_message', fileName: expect.stringMatching(/^voice_messages\/.+\.ogg$/) as unknown as string, inExport: true }]);
  });
});
