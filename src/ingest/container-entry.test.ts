import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from './adapter.js';
import { containerEntryBytes } from './container-entry.js';
import { FIXED_DATE, pdfkitPdf } from '../../tests/support/pdf-fixtures.js';

// A file inside a container found again by the entry path its documents carry (fictional files).

const NOTE = new TextEncoder().encode('вымышленная записка');

async function zipOf(files: Readonly<Record<string, Uint8Array>>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [path, bytes] of Object.entries(files)) zip.file(path, bytes, { date: new Date(Date.UTC(2026, 0, 1)) });
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

function pdfCarrying(name: string, bytes: Uint8Array): Promise<Uint8Array> {
  return pdfkitPdf((doc) => doc.addPage().file(Buffer.from(bytes), { name, creationDate: FIXED_DATE, modifiedDate: FIXED_DATE }));
}

describe('containerEntryBytes', () => {
  it('finds a ZIP member, a member of a ZIP inside the ZIP, and a file embedded in a PDF', async () => {
    const inner = await zipOf({ 'deep/note.txt': NOTE });
    const outer = await zipOf({ 'docs/note.txt': NOTE, 'docs/inner.zip': inner });
    expect(await containerEntryBytes(outer, 'docs/note.txt', 'outer.zip', DEFAULT_LIMITS)).toEqual(NOTE);
    expect(await containerEntryBytes(outer, 'docs/inner.zip!/deep/note.txt', 'outer.zip', DEFAULT_LIMITS)).toEqual(NOTE);
    expect(await containerEntryBytes(await pdfCarrying('note.txt', NOTE), 'attachment.1/note.txt', 'carrier.pdf', DEFAULT_LIMITS)).toEqual(NOTE);
  });

  it('follows a chain: a PDF in a ZIP carrying a PDF carrying a file', async () => {
    const middle = await pdfCarrying('note.txt', NOTE);
    const zip = await zipOf({ 'docs/outer.pdf': await pdfCarrying('middle.pdf', middle) });
    expect(await containerEntryBytes(zip, 'docs/outer.pdf/attachment.1/middle.pdf', 'seized.zip', DEFAULT_LIMITS)).toEqual(middle);
    expect(await containerEntryBytes(zip, 'docs/outer.pdf/attachment.1/middle.pdf/attachment.1/note.txt', 'seized.zip', DEFAULT_LIMITS)).toEqual(NOTE);
  });

  it('gives nothing for a path that names nothing there', async () => {
    const zip = await zipOf({ 'docs/note.txt': NOTE });
    expect(await containerEntryBytes(zip, 'docs/other.txt', 'seized.zip', DEFAULT_LIMITS)).toBeUndefined();
    expect(await containerEntryBytes(zip, 'docs/note.txt/attachment.1/x.pdf', 'seized.zip', DEFAULT_LIMITS)).toBeUndefined();
    const carrier = await pdfCarrying('note.txt', NOTE);
    expect(await containerEntryBytes(carrier, 'attachment.2/note.txt', 'carrier.pdf', DEFAULT_LIMITS)).toBeUndefined();
    expect(await containerEntryBytes(carrier, 'attachment.1/renamed.txt', 'carrier.pdf', DEFAULT_LIMITS)).toBeUndefined();
  });
});
