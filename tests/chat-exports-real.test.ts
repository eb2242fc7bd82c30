import { existsSync, readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import JSZip from 'jszip';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { SozDocument } from '../src/core/document.js';
import { documentProblems, segmentText } from '../src/core/document.js';
import { UserError } from '../src/core/errors.js';
import { sha256 } from '../src/core/hash.js';
import type { IngestAdapter } from '../src/ingest/adapter.js';
import { collectDocuments, DEFAULT_LIMITS, inputFromBytes } from '../src/ingest/adapter.js';
import { facebookAdapter } from '../src/ingest/facebook/index.js';
import { vkAdapter } from '../src/ingest/vk/index.js';
import { whatsappAdapter } from '../src/ingest/whatsapp/index.js';
import { createZipAdapter } from '../src/ingest/zip/index.js';
import { expectSoundDocuments, REAL_CORPORA } from './support/adapter-invariants.js';

// Expected numbers below are computed from the raw files with simple patterns, never by the adapters.
const RUNS = Number(process.env['SOZ_FUZZ_RUNS'] ?? 200);
const present = existsSync(`${REAL_CORPORA}whatsapp`);
const files = (dir: string) => (present ? readdirSync(`${REAL_CORPORA}${dir}`).sort() : []);
const read = (dir: string, name: string) => new Uint8Array(readFileSync(`${REAL_CORPORA}${dir}/${name}`));
const MOJIBAKE = /[ÐÑ][\u0080-\u00bf]|Ã[\u0080-\u00bf]|â\u0080/u;

function inputOf(bytes: Uint8Array, name: string) {
  return inputFromBytes(bytes, { name, sha256: sha256(bytes), mediaType: 'application/octet-stream', limits: DEFAULT_LIMITS });
}

async function ingestReal(adapter: IngestAdapter, dir: string, name: string): Promise<SozDocument> {
  const bytes = read(dir, name);
  expect(adapter.detect(inputOf(bytes, name)), `${name} detected`).toBe(true);
  const docs = await expectSoundDocuments(() => collectDocuments(adapter.extract(inputOf(bytes, name))));
  expect(docs).toHaveLength(1);
  return docs[0] as SozDocument;
}

function count<T>(items: readonly T[], key: (item: T) => string | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) {
    const k = key(item);
    if (k !== undefined) out[k] = (out[k] ?? 0) + 1;
  }
  return out;
}

const roles = (doc: SozDocument) => count(doc.segments, (s) => s.message?.role);

describe.skipIf(!present)('real WhatsApp exports', () => {
  const HEADER = /^\u200e?\[?\d{1,4}[./-]\d{1,2}[./-]\d{1,4},? ?\d{1,2}[:.]\d\d/u;
  for (const name of files('whatsapp')) {
    it(`${name}: one segment per header line, roles as counted in the text`, async () => {
      const doc = await ingestReal(whatsappAdapter, 'whatsapp', name);
      const lines = new TextDecoder().decode(read('whatsapp', name)).split('\n');
      const headers = lines.filter((l) => HEADER.test(l));
      const afterHeader = headers.map((l) => l.replace(/^\u200e?\[[^\]]+\] |^.*? - /u, ''));
      const expected = {
        deleted: afterHeader.filter((r) => /: (?:Данное сообщение удалено|Вы удалили данное сообщение|This message was deleted|You deleted this message)$/u.test(r)).length,
        'media-only': afterHeader.filter((r) => /: (?:<Без медиафайлов>|<[Mm]edia omitted>|\u200e<attached: [^>]+>)$/u.test(r)).length,
        service: afterHeader.filter((r) => !r.includes(':')).length,
      };
      expect(doc.segments).toHaveLength(headers.length);
      const got = roles(doc);
      expect({ deleted: got['deleted'] ?? 0, 'media-only': got['media-only'] ?? 0, service: got['service'] ?? 0 }).toEqual(expected);
      expect(got['uninterpreted']).toBeUndefined();
      // Every body line of the file is somewhere in the document text.
      const bodies = lines.map((l) => {
        if (!HEADER.test(l)) return l;
        const rest = l.replace(/^\u200e?\[[^\]]+\] |^.*? - /u, '');
        return rest.includes(':') ? rest.slice(rest.indexOf(':') + 1).replace(/^ /u, '') : rest;
      });
      for (const body of bodies.slice(0, 300)) expect(doc.text).toContain(body.replace(/^\u200e/u, '').slice(0, 20));
    });
  }

  it('Russian group export: counts per author, multi-line bodies, day-first dates', async () => {
    const name = 'ru_android_group_kz_school.pseudonymised.txt';
    const doc = await ingestReal(whatsappAdapter, 'whatsapp', name);
    const text = new TextDecoder().decode(read('whatsapp', name));
    const perAuthor = count(text.split('\n'), (l) => /^\d\d\.\d\d\.\d{4}, \d\d:\d\d - (Участник \d\d): /u.exec(l)?.[1]);
    expect(count(doc.segments, (s) => s.message?.author.name || undefined)).toEqual(perAuthor);
    const continuation = text.split('\n').filter((l, i, all) => i < all.length - 1 && !/^\d\d\.\d\d\.\d{4}, \d\d:\d\d - /u.test(l)).length;
    const bodyLines = doc.segments.reduce((n, s) => n + segmentText(doc, s).split('\n').length - 1, 0);
    expect(bodyLines).toBe(continuation);
    expect(doc.properties['dateOrder']).toBe('day-first');
    expect(doc.segments.every((s) => s.message?.timestamp.iso !== null)).toBe(true);
    expect(doc.segments.find((s) => s.message?.role === 'service')?.message?.action).toMatch(/^Участник \d\d удалил Участник \d\d$/u);
  });

  it('ddmmyy fixture: decided day-first from the file (20/01/19 cannot be month-first), not reported ambiguous', async () => {
    const doc = await ingestReal(whatsappAdapter, 'whatsapp', 'chatminer_HEAD_test_ddmmyy_24hrs.txt');
    expect(doc.properties['dateOrder']).toBe('day-first');
    expect(doc.notices.find((n) => n.code === 'whatsapp.date-order')?.message).toContain('20/01/19');
    expect(doc.notices.some((n) => n.code === 'whatsapp.date-order-ambiguous')).toBe(false);
  });

  it('no real export has a header-shaped line left unread', async () => {
    for (const name of files('whatsapp')) {
      const doc = await ingestReal(whatsappAdapter, 'whatsapp', name);
      expect(doc.notices.filter((n) => n.code === 'whatsapp.header-unreadable'), name).toEqual([]);
    }
  });

  it.each(['chatminer_unicode_nbsp.txt', 'chatminer_dateformat4.txt', 'mlomb_en_android_us_group_system.txt'])('%s: genuinely ambiguous dates are reported, not guessed', async (name) => {
    const doc = await ingestReal(whatsappAdapter, 'whatsapp', name);
    expect(doc.notices.find((n) => n.code === 'whatsapp.date-order-ambiguous')?.severity).toBe('warning');
    expect(doc.properties['dateOrder']).toBe('undecided');
  });

  it('iOS export: day-first decided from attachment file names', async () => {
    const doc = await ingestReal(whatsappAdapter, 'whatsapp', 'en_ios_12h_attached_lrm.chat.txt');
    expect(doc.properties['dateOrderBasis']).toBe('attachment-names');
    expect(doc.segments[7]?.message).toMatchObject({ role: 'media-only', timestamp: { iso: '2020-11-02T21:49:51' } });
  });
});

describe.skipIf(!present)('real Facebook / Instagram exports', () => {
  for (const name of files('facebook')) {
    it(`${name}: messages, reactions and no mojibake`, async () => {
      const doc = await ingestReal(facebookAdapter, 'facebook', name);
      const raw = new TextDecoder().decode(read('facebook', name)).replace(/^\ufeff/u, '');
      const entries = (JSON.parse(raw) as { messages: unknown[] }).messages;
      const distinct = new Set(entries.map((m) => JSON.stringify(m)));
      const messages = doc.segments.filter((s) => s.message?.reactionTo === undefined);
      expect(messages).toHaveLength(distinct.size);
      const actors = [...distinct].reduce((n, m) => n + (m.match(/"actor":/gu)?.length ?? 0), 0);
      expect(doc.segments.reduce((n, s) => n + (s.message?.reactions ?? []).reduce((k, r) => k + r.from.length, 0), 0)).toBe(actors);
      // Each person's reaction is also a reaction record of its own (role reaction, the reactor as author).
      const reactors = doc.segments.filter((s) => !s.id.includes('.')).reduce((n, s) => n + (s.message?.reactions ?? []).reduce((k, r) => k + r.from.length, 0), 0);
      expect(doc.segments.filter((s) => s.message?.role === 'reaction' && s.message.reactionTo !== undefined)).toHaveLength(reactors);
      expect(doc.text).not.toMatch(MOJIBAKE);
      for (const s of doc.segments) expect(s.message?.author.name).not.toMatch(MOJIBAKE);
      const times = messages.map((s) => s.message?.timestamp.iso ?? '');
      expect([...times].sort()).toEqual(times);
    });
  }

  it('2025 Instagram export: every message listed twice is counted once, and that is said', async () => {
    const name = 'instagram_2025_dm_bn_en_pt_duplicates.message_1.json';
    const doc = await ingestReal(facebookAdapter, 'facebook', name);
    const raw = new TextDecoder().decode(read('facebook', name));
    const senderFields = raw.match(/"sender_name"/gu)?.length ?? 0;
    const removed = senderFields - doc.segments.filter((s) => s.message?.reactionTo === undefined).length;
    expect(removed).toBe(74);
    expect(doc.notices.find((n) => n.code === 'facebook.duplicates-removed')?.message).toContain(`${removed} of the export's ${senderFields}`);
    expect(doc.segments[0]?.message?.platform).toBe('instagram');
    expect(doc.text).toMatch(/\p{Script=Bengali}/u);
    expect(doc.segments.filter((s) => s.message?.role === 'reaction' && s.message.reactionTo === undefined)).toHaveLength(4);
  });

  it('2022 Instagram export: Russian restored', async () => {
    const doc = await ingestReal(facebookAdapter, 'facebook', 'instagram_2022_dm_ru_mojibake.message_1.json');
    expect(doc.segments[0]?.message?.timestamp.iso).toBe('2022-03-28T06:41:42.789Z');
    expect(segmentText(doc, doc.segments[0]!)).toBe('Добрый день');
    expect(doc.segments.filter((s) => (s.message?.reactions?.length ?? 0) > 0)).toHaveLength(3);
  });

  it('Messenger export with a BOM: media-only messages', async () => {
    const doc = await ingestReal(facebookAdapter, 'facebook', 'mlomb_fixture_messenger_bom.message_1.json');
    expect(roles(doc)).toEqual({ authored: 3, 'media-only': 4 });
    expect(doc.properties['encoding']).toBe('utf-8-bom');
  });
});

describe.skipIf(!present)('real VK archive pages', () => {
  for (const name of files('vk')) {
    it(`${name}: one segment per message block, authors and roles`, async () => {
      const doc = await ingestReal(vkAdapter, 'vk', name);
      const bytes = read('vk', name);
      const text = name.includes('utf8') ? new TextDecoder().decode(bytes) : iconv.decode(Buffer.from(bytes), 'windows-1251');
      expect(doc.segments).toHaveLength(text.match(/class="message"/gu)?.length ?? 0);
      expect(doc.segments.filter((s) => s.message?.author.name === 'Вы')).toHaveLength(text.match(/message__header">Вы,/gu)?.length ?? 0);
      expect(roles(doc)['forwarded'] ?? 0).toBe(text.match(/прикреплённ/gu)?.length ?? 0);
      expect(roles(doc)['service'] ?? 0).toBe(text.match(/im_srv_lnk/gu)?.length ?? 0);
      expect(doc.segments.every((s) => s.message?.timestamp.iso !== null)).toBe(true);
      expect(doc.text).not.toMatch(MOJIBAKE);
      expect(doc.text).toMatch(/\p{Script=Cyrillic}/u);
      const ids = doc.segments.map((s) => Number(s.message?.messageId));
      expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    });
  }

  it('the UTF-8 page with a windows-1251 meta tag yields the same messages as the cp1251 page, and says so', async () => {
    const legacy = await ingestReal(vkAdapter, 'vk', 'vk_support_chat_p0.cp1251.html');
    const utf8 = await ingestReal(vkAdapter, 'vk', 'vk_support_chat_p0.utf8_but_meta_windows1251.html');
    // The two files differ only in encoding (their decoded text is identical), so everything but the hash matches.
    expect(utf8.text).toBe(legacy.text);
    expect(utf8.segments.map((s) => [s.id, s.message?.author, s.message?.role, s.message?.timestamp])).toEqual(
      legacy.segments.map((s) => [s.id, s.message?.author, s.message?.role, s.message?.timestamp]),
    );
    expect(utf8.notices.find((n) => n.code === 'vk.charset-mismatch')?.severity).toBe('warning');
    expect(legacy.notices.some((n) => n.code === 'vk.charset-mismatch')).toBe(false);
  });
});

describe.skipIf(!present)('a ZIP of real exports', () => {
  const adapters: IngestAdapter[] = [];
  const zipAdapter = createZipAdapter(() => adapters);
  adapters.push(zipAdapter, whatsappAdapter, facebookAdapter, vkAdapter);

  it('ingests every export inside with the same messages as the loose files', async () => {
    const zip = new JSZip();
    const members: [string, string, IngestAdapter][] = [
      ['whatsapp', 'ru_android_group_kz_school.pseudonymised.txt', whatsappAdapter],
      ['facebook', 'instagram_2025_dm_bn_en_pt_duplicates.message_1.json', facebookAdapter],
      ['vk', 'vk_memes_community_chat_p0.cp1251.html', vkAdapter],
    ];
    for (const [dir, name] of members) zip.file(`export/${dir}/${name}`, read(dir, name));
    zip.file('export/media/photo.jpg', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0]));
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    const docs = await expectSoundDocuments(() => collectDocuments(zipAdapter.extract(inputOf(bytes, 'seized.zip'))));
    expect(docs).toHaveLength(members.length + 1);
    for (const [index, [dir, name, adapter]] of members.entries()) {
      const loose = await collectDocuments(adapter.extract(inputOf(read(dir, name), name)));
      const packed = docs[index] as SozDocument;
      expect(packed.entry).toBe(`export/${dir}/${name}`);
      expect(packed.evidenceSha256).toBe(sha256(bytes));
      expect(packed.properties['entrySha256']).toBe(sha256(read(dir, name)));
      expect(packed.text).toBe(loose[0]?.text);
      // chatId falls back to the file's path, which differs between the loose file and the entry.
      const withoutChat = (d: SozDocument | undefined) => d?.segments.map((s) => ({ ...s.message, chatId: undefined }));
      expect(withoutChat(packed)).toEqual(withoutChat(loose[0]));
    }
    expect(docs[members.length]?.notices.find((n) => n.code === 'zip.media-not-analysed')?.message).toContain('export/media/photo.jpg');
  });
});

describe.skipIf(!present)('truncated and damaged real files', () => {
  const cases: [IngestAdapter, string][] = [
    ...files('whatsapp').map((n): [IngestAdapter, string] => [whatsappAdapter, `whatsapp/${n}`]),
    ...files('facebook').map((n): [IngestAdapter, string] => [facebookAdapter, `facebook/${n}`]),
    ...files('vk').map((n): [IngestAdapter, string] => [vkAdapter, `vk/${n}`]),
  ];
  it('every run ends in sound documents or a UserError', async () => {
    const samples = cases.map(([adapter, path]) => [adapter, new Uint8Array(readFileSync(`${REAL_CORPORA}${path}`)).slice(0, 40_000)] as const);
    const arbitrary = fc
      .tuple(fc.nat({ max: samples.length - 1 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.option(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 255 }))))
      .map(([which, cut, flip]) => {
        const [adapter, bytes] = samples[which]!;
        const copy = bytes.slice(0, Math.floor(bytes.length * cut));
        if (flip && copy.length > 0) copy[Math.floor(flip[0] * (copy.length - 1))] = flip[1];
        return [adapter, copy] as const;
      });
    await fc.assert(
      fc.asyncProperty(arbitrary, async ([adapter, bytes]) => {
        try {
          const docs = await collectDocuments(adapter.extract(inputOf(bytes, 'cut')));
          for (const doc of docs) expect(documentProblems(doc)).toEqual([]);
        } catch (error) {
          expect(error).toBeInstanceOf(UserError);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
