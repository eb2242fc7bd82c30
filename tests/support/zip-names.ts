import JSZip from 'jszip';

/**
 * A ZIP whose entry names are the given bytes, with no UTF-8 flag and no Unicode Path field, as a
 * Windows archiver writing in its DOS code page makes them. JSZip writes a placeholder of the same
 * length for each (ASCII, so it gets neither), then the bytes replace every copy of it (the local
 * header and the central directory). The placeholders ("~~~~A") appear in no test's data.
 */
export async function zipWithRawNames(entries: ReadonlyArray<{ readonly name: Uint8Array; readonly data: Uint8Array | string }>): Promise<Uint8Array> {
  const zip = new JSZip();
  const placeholders = entries.map((entry, i) => `${'~'.repeat(entry.name.byteLength - 1)}${String.fromCharCode(0x41 + i)}`);
  entries.forEach((entry, i) => zip.file(placeholders[i] as string, entry.data, { createFolders: false, date: new Date(Date.UTC(2026, 0, 1)) }));
  const buffer = Buffer.from(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', platform: 'DOS' }));
  placeholders.forEach((placeholder, i) => {
    for (let at = buffer.indexOf(placeholder, 0, 'latin1'); at >= 0; at = buffer.indexOf(placeholder, at + 1, 'latin1')) buffer.set((entries[i] as { name: Uint8Array }).name, at);
  });
  return new Uint8Array(buffer);
}
