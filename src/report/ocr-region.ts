import type { ImagePlace } from '../core/finding.js';
import type { LabelKey } from './labels.js';

/**
 * A crop of the picture a finding's OCR text was read from, made for the HTML and PDF reports:
 * PNG bytes, their size in pixels, and the box of the finding's words inside the crop.
 */
export interface FindingPicture {
  readonly png: Uint8Array;
  readonly width: number;
  readonly height: number;
  readonly region: readonly [left: number, top: number, width: number, height: number];
}

/** Crops by finding id; a finding without one (picture not PNG/JPEG, poppler absent) has only its text. */
export type FindingPictures = Readonly<Record<string, FindingPicture>>;

/** Where a finding read by OCR lies: the picture's hash (and its path inside a seized ZIP), the page, the box in pixels. */
export function imagePlaceText(image: ImagePlace, label: (key: LabelKey) => string): string {
  const [left, top, width, height] = image.box;
  const where = image.entry !== undefined ? ` (${image.entry})` : '';
  return `${label('ocrRegion')} SHA-256 ${image.sha256}${where}${image.page !== undefined ? `, ${label('page')} ${image.page}` : ''}, ${left},${top} ${width}×${height} px`;
}
