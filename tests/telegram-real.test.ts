// Real Telegram Desktop exports: counts computed here with plain JSON.parse / regexes over the
// files, independently of the adapter, then compared with what the adapter produced.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SozDocument } from '../src/core/document.js';
import { DEFAULT_LIMITS, collectDocuments, inputFromBytes } from '../src/ingest/adapter.js';
import type { IngestAdapter } from '../src/ingest/adapter.js';
import { sniffMediaType } from '../src/ingest/sniff.js';
import { chatParticipants, telegramHtmlAdapter, telegramJsonAdapter } from '../src/ingest/telegram/index.js';
import { SUB_SEGMENT_SUFFIX } from '../src/ingest/telegram/message.js';
import { REAL_CORPORA, expectSoundDocuments } from './support/adapter-invariants.js';

const DIR = join(REAL_CORPORA, 'telegram');
const JSON_FILES = ['salaf_channel_ar_en.result.json', 'guzel_reuploads_channel_ru.trimmed.result.json', 'mlomb_fixture_personal_chat.result.json', 'mlomb_fixture_full_account_export.result.json'];
const HTML_FILES = ['salaf_channel_ar_en.messages.html', 'etu_bot_chat_ru.messages.html', 'full_account_html_export_workgroup_ru/chats/chat_02/messages.html'];

interface Counts {
  messages: number;
  forwarded: number;
  replies: number;
  service: number;
  perAuthor: Record<string, number>;
}

function read(file: string): Uint8Array {
  return new Uint8Array(readFileSync(join(DIR, file)));
}

function detectAndExtract(file: string): { adapter: IngestAdapter; run: () => Promise<SozDocument[]> } {
  const bytes = read(file);
  const input = inputFromBytes(bytes, { name: file.split('/').pop() ?? file, sha256: createHash('sha256').update(bytes).digest('hex'), mediaType: sniffMediaType(bytes.subarray(0, 65536)), limits: DEFAULT_LIMITS });
  const adapter = [telegramJsonAdapter, telegramHtmlAdapter].find((a) => a.detect(input));
  if (adapter === undefined) throw new Error(`${file} not detected`);
  return { adapter, run: () => collectDocuments(adapter.extract(input)) };
}

/** Counts from the adapter's output: one per message (sub-segments and reactions excluded). */
function adapterCounts(docs: readonly SozDocument[]): Counts {
  const counts: Counts = { messages: 0, forwarded: 0, replies: 0, service: 0, perAuthor: {} };
  for (const doc of docs) {
    for (const segment of doc.segments) {
      const info = segment.message;
      if (info === undefined || info.role === 'reaction' || SUB_SEGMENT_SUFFIX.test(segment.id)) continue;
      counts.messages++;
      if (info.role === 'forwarded') counts.forwarded++;
      if (info.replyTo !== undefined) counts.replies++;
      if (info.role === 'service') counts.service++;
      counts.perAuthor[info.author.name] = (counts.perAuthor[info.author.name] ?? 0) + 1;
    }
  }
  return counts;
}

type RawMessage = { type: string; from?: string | null; actor?: string; forwarded_from?: string; reply_to_message_id?: number };

function jsonCounts(file: string): Counts {
  const root = JSON.parse(new TextDecoder().decode(read(file))) as { messages?: RawMessage[]; chats?: { list: Array<{ messages: RawMessage[] }> } };
  const all = root.messages ?? root.chats?.list.flatMap((chat) => chat.messages) ?? [];
  const perAuthor: Record<string, number> = {};
  for (const m of all) {
    const name = (m.type === 'service' ? m.actor : m.from) ?? '';
    perAuthor[name] = (perAuthor[name] ?? 0) + 1;
  }
  return {
    messages: all.length,
    forwarded: all.filter((m) => 'forwarded_from' in m).length,
    replies: all.filter((m) => 'reply_to_message_id' in m).length,
    service: all.filter((m) => m.type === 'service').length,
    perAuthor,
  };
}

/** HTML: message blocks split on their opening tag; joined blocks take the previous author. */
function htmlCounts(file: string): Counts {
  const html = new TextDecoder().decode(read(file));
  const blocks = html.split(/<div class="message /).slice(1);
  const counts: Counts = { messages: 0, forwarded: 0, replies: 0, service: 0, perAuthor: {} };
  let previous = '';
  for (const block of blocks) {
    if (block.startsWith('service')) {
      const text = /<div class="body details">\s*([^<]*?)\s*<\/div>/.exec(block)?.[1] ?? '';
      if (/^\d{1,2} [A-Z][a-z]+ \d{4}$/.test(text)) continue;
      counts.messages++;
      counts.service++;
      counts.perAuthor[''] = (counts.perAuthor[''] ?? 0) + 1;
      continue;
    }
    counts.messages++;
    // The message's own from_name comes before any forwarded body.
    const own = block.split('<div class="forwarded body">')[0] ?? '';
    const name = /<div class="from_name">\s*([^<]*?)\s*<\/div>/.exec(own)?.[1];
    if (!block.startsWith('default clearfix joined') && name !== undefined) previous = decodeEntities(name);
    counts.perAuthor[previous] = (counts.perAuthor[previous] ?? 0) + 1;
    if (block.includes('<div class="forwarded body">')) counts.forwarded++;
    if (block.includes('<div class="reply_to details">')) counts.replies++;
  }
  return counts;
}

function decodeEntities(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

describe('real Telegram exports: counts match an independent count', () => {
  for (const file of [...JSON_FILES, ...HTML_FILES]) {
    it(file, async () => {
      const { run } = detectAndExtract(file);
      const docs = await expectSoundDocuments(run);
      const expected = file.endsWith('.json') ? jsonCounts(file) : htmlCounts(file);
      expect(adapterCounts(docs)).toEqual(expected);
      expect(expected.messages).toBeGreaterThan(0);
    });
  }

  it('the real files have the structure the sources describe', () => {
    expect(jsonCounts('salaf_channel_ar_en.result.json')).toMatchObject({ messages: 213, forwarded: 27, replies: 6, service: 5 });
    expect(htmlCounts('full_account_html_export_workgroup_ru/chats/chat_02/messages.html')).toMatchObject({ forwarded: 6, replies: 259, service: 14, messages: 1000 });
  });
});

describe('JSON and HTML export of the same channel', () => {
  it('give the same message ids, authors, roles, times and texts', async () => {
    const [json] = await detectAndExtract('salaf_channel_ar_en.result.json').run();
    const [html] = await detectAndExtract('salaf_channel_ar_en.messages.html').run();
    if (json === undefined || html === undefined) throw new Error('no document');
    // A service message's new title is a part of its own in the JSON; the HTML shows it inside the
    // service sentence, which is that message's text there.
    const jsonIds = json.segments.filter((s) => !(s.message?.role === 'service' && /\.title\d+$/.test(s.id))).map((s) => s.id);
    expect(html.segments.map((s) => s.id)).toEqual(jsonIds);
    const view = (doc: SozDocument) =>
      doc.segments.map((s) => {
        const m = s.message;
        // Service lines: the HTML shows a sentence and no actor, the JSON an action name: compare role only.
        if (m?.role === 'service') return { id: s.id, role: m.role };
        return { id: s.id, role: m?.role, author: m?.author.name, time: m?.timestamp.iso, forwardedFrom: m?.forwardedFrom?.name, replyTo: m?.replyTo, text: doc.text.slice(s.range[0], s.range[1]) };
      });
    // No whitespace normalisation is needed: the HTML adapter drops the page's own newlines and
    // the indentation before </div>; message line breaks are <br> there and "\n" in the JSON.
    expect(view(html)).toEqual(view(json).filter((s) => jsonIds.includes(s.id)));
    // Parts outside the body agree too: link targets, audio titles, sticker emoji, the signature.
    expect(html.segments.filter((s) => /\.(link|audio|sticker)\d+$/.test(s.id)).length).toBeGreaterThan(100);
    expect(html.segments.filter((s) => s.message?.signature !== undefined).map((s) => s.id)).toEqual(json.segments.filter((s) => s.message?.signature !== undefined).map((s) => s.id));
    const quotes = json.segments.filter((s) => /\.q\d+$/.test(s.id));
    expect(quotes.length).toBeGreaterThan(100);
  });
});

describe('mlomb fixtures', () => {
  it('full-account export: one document per chat, entries chats/<id>, plus the export overview', async () => {
    const docs = await expectSoundDocuments(detectAndExtract('mlomb_fixture_full_account_export.result.json').run);
    expect(docs.map((d) => d.entry)).toEqual(['chats/700000001', 'chats/700000002', 'export']);
    expect(docs.map((d) => d.properties.chatName)).toEqual(['Chat One', 'Chat Two', undefined]);
    expect(docs[1]?.segments.map((s) => s.message?.role)).toEqual(['authored', 'authored', 'service', 'media-only']);
    expect(docs[1]?.segments[3]?.message?.media).toEqual([{ type: 'photo', inExport: false }]);
    expect(docs[2]?.notices.map((n) => n.code)).toEqual(['telegram.sections-not-ingested']);
  });

  it('personal chat: date-only messages keep local time, unixtime-only ones are UTC', async () => {
    const [doc] = await expectSoundDocuments(detectAndExtract('mlomb_fixture_personal_chat.result.json').run);
    const byId = (id: string) => doc?.segments.find((s) => s.id === id)?.message;
    expect(byId('m3645')?.timestamp).toEqual({ iso: '2022-03-08T13:07:42', offset: 'unknown', raw: '2022-03-08T13:07:42' });
    expect(byId('m3662')?.timestamp).toEqual({ iso: '2022-05-09T22:23:53Z', offset: 'recorded', raw: 'unixtime 1652135033' });
    expect(byId('m3674')?.timestamp.raw).toBe('2023-08-10T23:11:02 (unixtime 1691719862)');
    expect(byId('m2675')).toMatchObject({ role: 'service', action: 'joined_telegram', author: { name: 'Bob', id: 'user700000000' } });
    expect(chatParticipants(doc as SozDocument).map((p) => [p.author.name, p.counts])).toEqual([
      ['Alice', { authored: 2, 'media-only': 2, service: 1 }],
      ['Bob', { service: 1, authored: 2 }],
    ]);
  });
});

describe('full-account HTML index pages', () => {
  it('list the chats as segments with a notice, no messages', async () => {
    const [doc] = await expectSoundDocuments(detectAndExtract('full_account_html_export_workgroup_ru/lists/chats.html').run);
    expect(doc?.segments.map((s) => doc.text.slice(s.range[0], s.range[1]))).toEqual([
      'group · СмартЭксперт · 5099 messages (../chats/chat_01/messages.html)',
      'group · СИПР. Внедрение ЗУП · 4659 messages (../chats/chat_02/messages.html)',
      'group · Производство ГАЛАНТЭЯ · 824 messages (../chats/chat_03/messages.html)',
    ]);
    const [root] = await expectSoundDocuments(detectAndExtract('full_account_html_export_workgroup_ru/export_results.html').run);
    expect(root?.notices.map((n) => n.code)).toEqual(['telegram.index-page']);
    expect(root?.segments).toHaveLength(1);
  });
});
