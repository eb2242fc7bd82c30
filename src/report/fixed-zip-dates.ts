import JSZip from 'jszip';

/**
 * The same ZIP-based file (DOCX, XLSX) packed again with every entry dated `date`, in the same
 * entry order, so the same content gives the same bytes: the libraries that write these formats
 * stamp the clock on each entry. `rewrite` may change an entry's content on the way (e.g. the
 * times in DOCX core properties).
 */
export async function withFixedZipDates(bytes: Uint8Array, date: Date, rewrite: (name: string, content: Uint8Array) => Uint8Array = (_name, content) => content): Promise<Uint8Array> {
  const source = await JSZip.loadAsync(bytes);
  const out = new JSZip();
  const names: string[] = [];
  source.forEach((name, entry) => {
    if (!entry.dir) names.push(name);
  });
  for (const name of names) out.file(name, rewrite(name, await source.file(name)!.async('uint8array')), { date, createFolders: false });
  return out.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'DOS' });
}
