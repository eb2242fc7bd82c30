/**
 * The size of every page of a TIFF, for the OCR pixel limit: Tesseract reads every page of a
 * multi-page TIFF, and image-size reads the first IFD only, so a small first page could carry a
 * decompression bomb on page 2. The walk follows the chain of image file directories (TIFF 6.0,
 * section 2; BigTIFF) over the whole file and reads two tags of each; it decodes nothing.
 */

/** One page's declared size in pixels. */
export interface TiffPageSize {
  readonly width: number;
  readonly height: number;
}

const IMAGE_WIDTH = 256;
const IMAGE_LENGTH = 257;
/** More pages than any scan: a longer chain is treated as unreadable, not walked on. */
const MAX_PAGES = 10_000;

/** Field types that hold a size, with their width in bytes: SHORT, LONG, and (BigTIFF) LONG8. */
const SIZE_TYPES: Readonly<Record<number, number>> = { 3: 2, 4: 4, 16: 8 };

/**
 * The declared size of each page (each IFD of the main chain) in order, or undefined when the bytes
 * are no TIFF, an IFD lies outside them, the chain loops or runs past {@link MAX_PAGES}, or a page
 * does not declare its width and height.
 */
export function tiffPageSizes(bytes: Uint8Array): TiffPageSize[] | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 16) return undefined;
  const order = String.fromCharCode(bytes[0] ?? 0, bytes[1] ?? 0);
  if (order !== 'II' && order !== 'MM') return undefined;
  const little = order === 'II';
  const version = view.getUint16(2, little);
  if (version !== 42 && version !== 43) return undefined;
  const big = version === 43;
  const layout = big ? { count: 8, entry: 20, value: 12, next: 8 } : { count: 2, entry: 12, value: 8, next: 4 };
  const offsetAt = (at: number): number => (big ? Number(view.getBigUint64(at, little)) : view.getUint32(at, little));
  const pages: TiffPageSize[] = [];
  const seen = new Set<number>();
  let ifd = offsetAt(big ? 8 : 4);
  while (ifd !== 0) {
    if (seen.has(ifd) || pages.length >= MAX_PAGES || ifd + layout.count > bytes.byteLength) return undefined;
    seen.add(ifd);
    const entries = big ? Number(view.getBigUint64(ifd, little)) : view.getUint16(ifd, little);
    const end = ifd + layout.count + entries * layout.entry;
    if (end + layout.next > bytes.byteLength) return undefined;
    const size: { width?: number; height?: number } = {};
    for (let at = ifd + layout.count; at < end; at += layout.entry) {
      const tag = view.getUint16(at, little);
      const valueBytes = SIZE_TYPES[view.getUint16(at + 2, little)];
      if ((tag !== IMAGE_WIDTH && tag !== IMAGE_LENGTH) || valueBytes === undefined) continue;
      const value = valueBytes === 2 ? view.getUint16(at + layout.value, little) : valueBytes === 4 ? view.getUint32(at + layout.value, little) : Number(view.getBigUint64(at + layout.value, little));
      if (tag === IMAGE_WIDTH) size.width = value;
      else size.height = value;
    }
    if (size.width === undefined || size.height === undefined) return undefined;
    pages.push({ width: size.width, height: size.height });
    ifd = offsetAt(end);
  }
  return pages;
}
