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

const zipAdapter = createZipAdapter(() => [zipAdapter, whatsappAdapter]);
const CHAT = '24.09.2020, 11:38 - Аня: привет\n';

/**
 * A ZIP whose entry names are the given bytes, with no UTF-8 flag and no Unicode Path field:
 * JSZip writes ASCII placeholders of the same length (which get neither), then the bytes replace them.
 */
async function zipWithRawNames(names: readonly Uint8Array[]): Promise<Uint8Array> {
  const zip = new JSZip();
  const placeholders = names.map((name, i) => `${String.fromCharCode(0x61 + i)}`.repeat(name.byteLength));
  placeholders.forEach((placeholder) => zip.file(placeholder, CHAT, { createFolders: false }));
  const buffer = Buffer.from(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', platform: 'DOS' }));
  placeholders.forEach((placeholder, i) => {
    for (let at = buffer.indexOf(placeholder, 0, 'latin1'); at >= 0; at = buffer.indexOf(placeholder, at + 1, 'latin1')) buffer.set(names[i] as Uint8Array, at);
  });
  return new Uint8Array(buffer);
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
