import JSZip from 'jszip';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentProblems, segmentText } from '../../core/document.js';
import { UserError } from '../../core/errors.js';
import { sha256 } from '../../core/hash.js';
import type { Limits } from '../adapter.js';
import { collectDocuments, DEFAULT_LIMITS, inputFromBytes } from '../adapter.js';
import { facebookAdapter } from '../facebook/index.js';
import { whatsappAdapter } from '../whatsapp/index.js';
import { createZipAdapter, detectZip } from './index.js';
import { unsafeReason } from './entry-name.js';

const RUNS = Number(process.env['SOZ_FUZZ_RUNS'] ?? 200);
const zipAdapter = createZipAdapter(() => [zipAdapter, whatsappAdapter, facebookAdapter]);
const CHAT = '24.09.2020, 11:38 - Аня: привет\n24.09.2020, 11:39 - Борис: <Без медиафайлов>\n';

async function zipOf(files: Record<string, string | Uint8Array>, options: { unix?: Record<string, number> } = {}): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, data] of Object.entries(files)) {
    zip.file(name, data, { createFolders: false, ...(options.unix?.[name] !== undefined ? { unixPermissions: options.unix[name] } : {}) });
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', platform: options.unix ? 'UNIX' : 'DOS' });
}

function input(bytes: Uint8Array, limits: Limits = DEFAULT_LIMITS) {
  return inputFromBytes(bytes, { name: 'export.zip', sha256: sha256(bytes), mediaType: 'application/zip', limits });
}

/** Replaces an entry name in the archive bytes (same length), for names JSZip would clean up. */
function renameEntry(bytes: Uint8Array, from: string, to: string): Uint8Array {
  expect(to.length).toBe(from.length);
  const buffer = Buffer.from(bytes);
  let at = buffer.indexOf(from, 0, 'latin1');
  while (at >= 0) {
    buffer.write(to, at, 'latin1');
    at = buffer.indexOf(from, at + 1, 'latin1');
  }
  return new Uint8Array(buffer);
}

describe('zip adapter', () => {
  it('ingests entries with custody pointing at the ZIP and lists what it did not read', async () => {
    const inner = await zipOf({ 'deep/chat.txt': CHAT });
    const bytes = await zipOf({ 'WhatsApp Chat with Аня.txt': CHAT, 'media/IMG-1.jpg': new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2]), 'notes.bin': new Uint8Array([0, 1, 2, 3]), 'old.zip': inner });
    const docs = await collectDocuments(zipAdapter.extract(input(bytes)));
    const zipSha = sha256(bytes);
    expect(docs.map((d) => [d.entry, d.format])).toEqual([
      ['WhatsApp Chat with Аня.txt', 'whatsapp-txt'],
      ['old.zip!/deep/chat.txt', 'whatsapp-txt'],
      [undefined, 'text'],
    ]);
    for (const doc of docs) {
      expect(documentProblems(doc)).toEqual([]);
      expect(doc.evidenceSha256).toBe(zipSha);
      expect(doc.evidenceName).toBe('export.zip');
    }
    const chat = docs[0]!;
    expect(chat.properties['entrySha256']).toBe(sha256(new TextEncoder().encode(CHAT)));
    expect(chat.id).toBe(`${zipSha.slice(0, 16)}~WhatsApp Chat with Аня.txt`);
    expect(chat.segments[0]?.anchor).toMatchObject({ evidenceSha256: zipSha, entry: 'WhatsApp Chat with Аня.txt', messageId: '1', line: 1 });
    expect(chat.segments[0]?.message?.chatName).toBe('Аня');
    expect(segmentText(chat, chat.segments[0]!)).toBe('привет');
    const manifest = docs[2]!;
    expect(manifest.properties).toMatchObject({ entries: 5, ingested: 2, media: 1, unknown: 1 });
    expect(manifest.notices.map((n) => n.code).sort()).toEqual(['zip.media-not-analysed', 'zip.unknown-entries']);
    expect(manifest.notices.find((n) => n.code === 'zip.unknown-entries')?.message).toContain('notes.bin');
  });

  it.each([
    ['../escape.txt', '../escape.txt'],
    ['/etc/passwd.txt', 'aetc/passwd.txt'],
    ['C:/Windows/x.txt', 'CC/Windows/x.txt'],
    ['a\\..\\..\\b.txt', 'a/../../b.txt'],
  ])('rejects the entry %s', async (evil, placeholder) => {
    const bytes = renameEntry(await zipOf({ [placeholder]: CHAT }), placeholder, evil);
    const error = await collectDocuments(zipAdapter.extract(input(bytes))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect(error).toMatchObject({ code: 'zip.unsafe-entry' });
    expect((error as Error).message).toContain(evil);
  });

  it('rejects a symbolic link', async () => {
    const bytes = await zipOf({ 'link.txt': '/etc/passwd', 'chat.txt': CHAT }, { unix: { 'link.txt': 0o120777, 'chat.txt': 0o100644 } });
    await expect(collectDocuments(zipAdapter.extract(input(bytes)))).rejects.toMatchObject({ code: 'zip.unsafe-entry', message: expect.stringContaining('link.txt') });
  });

  it('stops a zip bomb by ratio and by total size, counting inflated bytes', async () => {
    const zeros = new Uint8Array(4 * 1024 * 1024);
    const bomb = await zipOf({ 'a.txt': zeros });
    expect(bomb.length).toBeLessThan(20_000);
    await expect(collectDocuments(zipAdapter.extract(input(bomb)))).rejects.toMatchObject({ code: 'limit.compression-ratio', message: expect.stringContaining('--max-compression-ratio') });
    const lenient = { ...DEFAULT_LIMITS, maxCompressionRatio: 1e9, maxDecompressedBytes: 1024 * 1024 };
    await expect(collectDocuments(zipAdapter.extract(input(bomb, lenient)))).rejects.toMatchObject({ code: 'limit.decompressed-bytes', message: expect.stringContaining('--max-decompressed-bytes') });
  });

  it('does not open ZIPs nested deeper than two levels, but lists them', async () => {
    const level3 = await zipOf({ 'c.txt': CHAT });
    const level2 = await zipOf({ 'l3.zip': level3 });
    const level1 = await zipOf({ 'l2.zip': level2 });
    const docs = await collectDocuments(zipAdapter.extract(input(await zipOf({ 'l1.zip': level1 }))));
    const manifest = docs[docs.length - 1]!;
    expect(docs).toHaveLength(1);
    expect(manifest.notices.find((n) => n.code === 'zip.entries-not-opened')?.message).toContain('l1.zip!/l2.zip!/l3.zip');
  });

  it('does not take office documents for exports', () => {
    const docxHead = new Uint8Array(Buffer.from('PK\u0003\u0004' + '\u0000'.repeat(26) + '[Content_Types].xml', 'latin1'));
    expect(detectZip({ head: docxHead, name: 'x.bin', mediaType: 'application/zip' })).toBe(false);
    expect(detectZip({ head: new Uint8Array(Buffer.from('PK\u0003\u0004rest', 'latin1')), name: 'export.zip', mediaType: 'application/zip' })).toBe(true);
  });

  it('classifies unsafe names', () => {
    expect(unsafeReason('chats/chat_01/messages.html')).toBeUndefined();
    expect(unsafeReason('a/./b')).toBeUndefined();
    expect(unsafeReason('a/..')).toBeDefined();
    expect(unsafeReason('a\u0000b')).toBeDefined();
  });

  it('ends in documents or a UserError for garbage and damaged archives', async () => {
    const good = await zipOf({ 'chat.txt': CHAT, 'm.json': '{"messages":[{"sender_name":"A","timestamp_ms":1,"content":"x"}]}' });
    const arbitrary = fc.oneof(
      fc.uint8Array({ maxLength: 1024 }).map((tail) => new Uint8Array([0x50, 0x4b, 3, 4, ...tail])),
      fc.nat({ max: good.length }).map((cut) => good.slice(0, cut)),
      fc.tuple(fc.nat({ max: good.length - 1 }), fc.integer({ min: 0, max: 255 })).map(([at, value]) => {
        const copy = good.slice();
        copy[at] = value;
        return copy;
      }),
    );
    await fc.assert(
      fc.asyncProperty(arbitrary, async (bytes) => {
        try {
          const docs = await collectDocuments(zipAdapter.extract(input(bytes)));
          for (const doc of docs) expect(documentProblems(doc)).toEqual([]);
        } catch (error) {
          expect(error).toBeInstanceOf(UserError);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
