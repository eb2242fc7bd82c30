// Entry names without the UTF-8 flag: CP437 by the ZIP specification, but Russian Windows
// archivers write CP866. Cyrillic names are read as CP866, others as CP437, and the manifest says
// which decoding each unflagged name got. Names and texts are fictional.
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { SozDocument } from '../../core/document.js';
import { sha256 } from '../../core/hash.js';
import { collectDocuments, DEFAULT_LIMITS, inputFromBytes } from '../adapter.js';
import { whatsappAdapter } from '../whatsapp/index.js';
import { createZipAdapter } from './index.js';
import { zipWithRawNames as zipWithRawEntryNames } from '../../../tests/support/zip-names.js';

const zipAdapter = createZipAdapter(() => [zipAdapter, whatsappAdapter]);
const CHAT = '24.09.2020, 11:38 - Аня: привет\n';

/** A ZIP of chats whose entry names are the given bytes, with no UTF-8 flag and no Unicode Path field. */
function zipWithRawNames(names: readonly Uint8Array[]): Promise<Uint8Array> {
  return zipWithRawEntryNames(names.map((name) => ({ name, data: CHAT })));
}

async function extract(bytes: Uint8Array): Promise<SozDocument[]> {
  return collectDocuments(zipAdapter.extract(inputFromBytes(bytes, { name: 'export.zip', sha256: sha256(bytes), mediaType: 'application/zip', limits: DEFAULT_LIMITS })));
}

describe('ZIP entry names without the UTF-8 flag', () => {
  it('reads Cyrillic CP866 names as CP866 and says so in the manifest', async () => {
    const docs = await extract(await zipWithRawNames([iconv.encode('Переписка с Аней.txt', 'cp866')]));
    expect(docs.map((d) => d.entry)).toEqual(['Переписка с Аней.txt', undefined]);
    const manifest = docs[1] as SozDocument;
    const notice = manifest.notices.find((n) => n.code === 'zip.entry-name-encoding');
    expect(notice?.message).toMatch(/^1 entry name\(s\) do not say their encoding \(no UTF-8 flag\) and were decoded as CP866 .*: Переписка с Аней\.txt$/);
  });

  it('keeps the stored name bytes (hex) in the manifest row and in the properties of the entry\'s documents', async () => {
    const stored = iconv.encode('Переписка с Аней.txt', 'cp866');
    const [chat, manifest] = await extract(await zipWithRawNames([stored]));
    expect(chat?.properties).toMatchObject({ entryNameHex: stored.toString('hex'), entryNameDecoding: 'cp866' });
    expect(manifest?.text).toContain(`\tname bytes ${stored.toString('hex')} read as cp866`);
  });

  it('takes the name from a valid Info-ZIP Unicode Path field over any guess from the stored bytes', async () => {
    // JSZip with its own name encoder writes the CP866 bytes of "Отчет" (е for ё), no UTF-8 flag, and
    // a Unicode Path field with the true name "Отчёт" and the CRC-32 of the stored bytes.
    const zip = new JSZip();
    zip.file('Отчёт.txt', CHAT);
    const bytes = await zip.generateAsync({ type: 'uint8array', encodeFileName: () => iconv.encode('Отчет.txt', 'cp866').toString('latin1') });
    const [chat, manifest] = await extract(bytes);
    expect(chat?.entry).toBe('Отчёт.txt');
    expect(chat?.properties).toMatchObject({ entryNameHex: iconv.encode('Отчет.txt', 'cp866').toString('hex'), entryNameDecoding: 'unicode-path' });
    expect(manifest?.notices.map((n) => n.code)).not.toContain('zip.entry-name-encoding');
  });

  it('keeps CP437 for Western names and flags them too; plain ASCII names need no notice', async () => {
    const docs = await extract(await zipWithRawNames([iconv.encode('Café notes.txt', 'cp437'), Buffer.from('plain.txt')]));
    expect(docs.map((d) => d.entry)).toEqual(['Café notes.txt', 'plain.txt', undefined]);
    const notices = (docs[2] as SozDocument).notices.filter((n) => n.code === 'zip.entry-name-encoding');
    expect(notices.map((n) => n.message)).toEqual([expect.stringMatching(/decoded as CP437 .*: Café notes\.txt$/)]);
  });

  it('leaves flagged UTF-8 names alone', async () => {
    const zip = new JSZip();
    zip.file('Чат.txt', CHAT);
    const docs = await extract(await zip.generateAsync({ type: 'uint8array' }));
    expect(docs[0]?.entry).toBe('Чат.txt');
    expect(docs[1]?.notices.map((n) => n.code)).not.toContain('zip.entry-name-encoding');
  });
});
