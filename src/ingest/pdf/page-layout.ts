/**
 * Where the text of one PDF page lies on the page: the pdf.js text items of the page, joined into
 * the page text exactly as pdf-parse's `getPageText` joins them (the extractor's page text), each
 * with the range of its characters in that text and its box on the page. Lets the desk outline a
 * candidate's words on the page image without storing anything at extraction time.
 */

/** Left, top, width, height in PDF points (1/72 in) from the page's top-left corner, as displayed (rotation applied). */
export type PageBox = readonly [left: number, top: number, width: number, height: number];

/** One text item of a page: its characters `[start, end)` in the page text and its box. */
export interface PageTextItem {
  readonly range: readonly [number, number];
  readonly box: PageBox;
  /** Whether its baseline runs left to right as displayed (then a part of it can be narrowed to its characters). */
  readonly horizontal: boolean;
}

/** A page's text as the extractor joins it, and where each text item of it lies. */
export interface PageLayout {
  /** Page size in points as displayed. */
  readonly width: number;
  readonly height: number;
  /** The page text before soz's normalisation (`normalisePdfText`) and trimming. */
  readonly text: string;
  readonly items: readonly PageTextItem[];
}

/** What the layout needs of a pdf.js text item (`TextItem`). */
export interface RawTextItem {
  readonly str: string;
  /** Text space → user space at the item's start: `[a, b, c, d, e, f]`. */
  readonly transform: readonly number[];
  /** Advance along the baseline and font height, in user space units. */
  readonly width: number;
  readonly height: number;
  readonly hasEOL: boolean;
}

/** What the layout needs of a pdf.js `PageViewport` at scale 1. */
export interface RawViewport {
  readonly width: number;
  readonly height: number;
  convertToViewportPoint(x: number, y: number): number[];
  convertToViewportRectangle(rect: number[]): number[];
}

/**
 * pdf-parse 2.4.5's defaults for `getText()` (`setDefaultParseParameters`): a line break where the
 * baseline moves by more than this many points and by more than the line's height plus one, a
 * tab between items of one line more than `CELL_THRESHOLD` apart. Pinned with pdf-parse; the
 * desk checks the joined text against the document's page text and says so when they differ.
 */
const LINE_THRESHOLD = 4.6;
const CELL_THRESHOLD = 7;

/** Share of the font height drawn below the baseline, for descenders (pdf.js gives no descent per item). */
const DESCENT = 0.25;

/**
 * The page text joined as pdf-parse joins it (line breaks, tabs between cells, a break after an
 * item that ends a line) with each item's range and box. Pure; `items` in pdf.js order.
 */
export function layoutOfPage(items: readonly RawTextItem[], viewport: RawViewport): PageLayout {
  let text = '';
  let lastX: number | undefined;
  let lastY: number | undefined;
  let lineHeight = 0;
  const placed: PageTextItem[] = [];
  for (const item of items) {
    const [x, y] = viewport.convertToViewportPoint(item.transform[4] ?? 0, item.transform[5] ?? 0) as [number, number];
    if (lastY !== undefined && Math.abs(lastY - y) > LINE_THRESHOLD) {
      const itemBreaks = item.str.startsWith('\n') || (item.str.trim() === '' && item.hasEOL);
      if (text !== '' && !text.endsWith('\n') && !itemBreaks && Math.abs(lastY - y) - 1 > lineHeight) {
        text += '\n';
        lineHeight = 0;
      }
    }
    if (lastY !== undefined && Math.abs(lastY - y) < LINE_THRESHOLD && lastX !== undefined && Math.abs(lastX - x) > CELL_THRESHOLD) text += '\t';
    placed.push({ range: [text.length, text.length + item.str.length], ...boxOf(item, viewport) });
    text += item.str;
    lastX = x + item.width;
    lastY = y;
    lineHeight = Math.max(lineHeight, item.height);
    if (item.hasEOL) text += '\n';
    if (item.hasEOL || item.str.endsWith('\n')) lineHeight = 0;
  }
  return { width: viewport.width, height: viewport.height, text, items: placed };
}

/** The item's box: along the baseline for its width, from a quarter of its height below to its height above. */
function boxOf(item: RawTextItem, viewport: RawViewport): { box: PageBox; horizontal: boolean } {
  const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = item.transform;
  // Unit vectors along and across the baseline in user space (rotated text too).
  const along = Math.hypot(a, b) || 1;
  const across = Math.hypot(c, d) || 1;
  const [ux, uy, vx, vy] = [a / along, b / along, c / across, d / across];
  const corners = [
    [0, -DESCENT * item.height],
    [item.width, -DESCENT * item.height],
    [0, item.height],
    [item.width, item.height],
  ].map(([s, t]) => viewport.convertToViewportPoint(e + s! * ux + t! * vx, f + s! * uy + t! * vy) as [number, number]);
  const xs = corners.map((corner) => corner[0]);
  const ys = corners.map((corner) => corner[1]);
  const left = Math.min(...xs);
  const top = Math.min(...ys);
  const [start, end] = [corners[0]!, corners[1]!];
  return { box: [left, top, Math.max(...xs) - left, Math.max(...ys) - top], horizontal: end[0] > start[0] && Math.abs(end[1] - start[1]) < 0.01 * (end[0] - start[0]) };
}

/**
 * The boxes of the characters `[start, end)` of a page's text: for each item they overlap, the
 * item's box narrowed to the overlapped characters in proportion to their count (pdf.js gives no
 * position per character, so the horizontal extent inside an item is an estimate; the item's box
 * is pdf.js's; a rotated item is not narrowed). Empty when no item holds those characters.
 */
export function boxesOfRange(layout: PageLayout, start: number, end: number): PageBox[] {
  const boxes: PageBox[] = [];
  for (const item of layout.items) {
    const [from, to] = item.range;
    const overlapStart = Math.max(from, start);
    const overlapEnd = Math.min(to, end);
    if (overlapEnd <= overlapStart || to === from) continue;
    const [left, top, width, height] = item.box;
    if (!item.horizontal) {
      boxes.push(item.box);
      continue;
    }
    const share = width / (to - from);
    boxes.push([left + (overlapStart - from) * share, top, (overlapEnd - overlapStart) * share, height]);
  }
  return boxes;
}
