import JSZip from 'jszip';
import { memorySpool, zipParts } from './zip-writer.js';

/** The files of a ZIP-based package (folders left out), in the archive's order, each unpacked. */
export async function unzipInOrder(bytes: Uint8Array): Promise<{ name: string; content: Uint8Array }[]> {
  const source = await JSZip.loadAsync(bytes);
  const names: string[] = [];
  source.forEach((name, entry) => {
    if (!entry.dir) names.push(name);
  });
  const files: { name: string; content: Uint8Array }[] = [];
  for (const name of names) files.push({ name, content: await source.file(name)!.async('uint8array') });
  return files;
}

/**
 * The same ZIP-based file (an XLSX workbook) packed again with every entry dated `date`, in the
 * same entry order, so the same content gives the same bytes: the libraries that write these
 * formats stamp the clock on each entry. `what` names the file in a size-limit error.
 */
export async function withFixedZipDates(bytes: Uint8Array, date: Date, what: string): Promise<Uint8Array> {
  return Buffer.concat([...zipParts(await unzipInOrder(bytes), date, memorySpool, what)]);
}
