/**
 * Walks a page's pdf.js operator list the way a renderer would, keeping only what decides whether
 * a reader can see a text run: render mode, fill colour, size on the page, position against the
 * page box, optional-content visibility, and whether its glyphs map to Unicode at all. The page
 * text itself comes from pdf.js text extraction; this finds the runs in it (and the runs it
 * leaves out: pdf.js drops text outside the page box without saying so).
 */

/** Why a text run is flagged. */
export type RunFlag = 'invisible' | 'white' | 'tiny' | 'off-page' | 'hidden-layer' | 'unmapped';

/** One `Tj`/`TJ`/`'`/`"` that carries at least one flag, with its text as pdf.js decoded it. */
export interface FlaggedRun {
  readonly flags: readonly RunFlag[];
  readonly text: string;
}

/** Below this height (points, 1/72 in) no one reads printed text; 6 pt is the smallest usual footnote. */
export const TINY_TEXT_POINTS = 2;

/** The pdf.js operator codes the walk needs (`pdfjs.OPS`). */
export type OperatorCodes = Readonly<Record<string, number>>;

/** What the walk needs to know about a font, from the font object pdf.js exports. */
export interface FontFacts {
  /** Glyph space → text space (`FontMatrix`); [0.001, 0, 0, 0.001, 0, 0] for most fonts. */
  readonly fontMatrix: readonly number[];
  /** Whether a character code has a Unicode value from the file (ToUnicode, encoding, glyph name). */
  hasUnicode(charCode: number): boolean;
}

/** One page's input to the walk. */
export interface PageOperators {
  readonly fnArray: readonly number[];
  readonly argsArray: readonly unknown[];
  /** Page box in user space `[x0, y0, x1, y1]`. */
  readonly view: readonly number[];
  fontOf(loadedName: string): FontFacts | undefined;
  /** Whether an optional-content group (the props of a `BDC /OC`) is shown by default. */
  layerVisible(props: unknown): boolean;
}

type Matrix = readonly [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

function multiply(m: Matrix, n: Matrix): Matrix {
  return [m[0] * n[0] + m[1] * n[2], m[0] * n[1] + m[1] * n[3], m[2] * n[0] + m[3] * n[2], m[2] * n[1] + m[3] * n[3], m[4] * n[0] + m[5] * n[2] + n[4], m[4] * n[1] + m[5] * n[3] + n[5]];
}

function asMatrix(value: unknown): Matrix | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const list = Array.from({ length: 6 }, (_, i) => (value as Record<number, unknown>)[i]);
  return list.every((n) => typeof n === 'number' && Number.isFinite(n)) ? (list as unknown as Matrix) : undefined;
}

const num = (value: unknown, fallback: number): number => (typeof value === 'number' && Number.isFinite(value) ? value : fallback);

interface GraphicsState {
  ctm: Matrix;
  fill: string;
  renderMode: number;
  font: FontFacts | undefined;
  fontSize: number;
  leading: number;
  charSpacing: number;
  wordSpacing: number;
  hScale: number;
}

interface Glyph {
  readonly unicode: string;
  readonly width: number;
  readonly charCode: number;
  readonly isSpace: boolean;
}

function glyphOf(value: unknown): Glyph | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const g = value as Record<string, unknown>;
  return { unicode: typeof g['unicode'] === 'string' ? g['unicode'] : '', width: num(g['width'], 0), charCode: num(g['originalCharCode'], -1), isSpace: g['isSpace'] === true };
}

/** Render modes that paint nothing (3) or only add to the clipping path (7). */
const INVISIBLE_MODES = new Set([3, 7]);
/** Render modes whose glyphs are filled, so the fill colour is what is seen. */
const FILLED_MODES = new Set([0, 2, 4, 6]);
const WHITE = '#ffffff';

/** The flagged text runs of one page, in content-stream order. */
export function flaggedRuns(page: PageOperators, ops: OperatorCodes): FlaggedRun[] {
  const runs: FlaggedRun[] = [];
  const stack: GraphicsState[] = [];
  let gs: GraphicsState = { ctm: IDENTITY, fill: '#000000', renderMode: 0, font: undefined, fontSize: 0, leading: 0, charSpacing: 0, wordSpacing: 0, hScale: 1 };
  let tm: Matrix = IDENTITY;
  let tlm: Matrix = IDENTITY;
  // One entry per open marked-content sequence: whether it is a hidden optional-content group.
  const marked: boolean[] = [];
  const nextLine = (tx: number, ty: number) => {
    tlm = multiply([1, 0, 0, 1, tx, ty], tlm);
    tm = tlm;
  };

  const show = (items: readonly unknown[]) => {
    const font = gs.font;
    const fontMatrix = font?.fontMatrix ?? [0.001, 0, 0, 0.001, 0, 0];
    const start = multiply(tm, gs.ctm);
    let advance = 0;
    let text = '';
    let unmapped = false;
    for (const item of items) {
      if (typeof item === 'number') {
        advance -= (item / 1000) * gs.fontSize * gs.hScale;
        continue;
      }
      const glyph = glyphOf(item);
      if (glyph === undefined) continue;
      text += glyph.unicode;
      if (font !== undefined && glyph.charCode >= 0 && glyph.unicode.trim() !== '' && !font.hasUnicode(glyph.charCode)) unmapped = true;
      advance += (glyph.width * num(fontMatrix[0], 0.001) * gs.fontSize + gs.charSpacing + (glyph.isSpace ? gs.wordSpacing : 0)) * gs.hScale;
    }
    tm = multiply([1, 0, 0, 1, advance, 0], tm);
    if (text.trim() === '') return;
    const flags: RunFlag[] = [];
    if (INVISIBLE_MODES.has(gs.renderMode)) flags.push('invisible');
    else if (FILLED_MODES.has(gs.renderMode) && gs.fill === WHITE) flags.push('white');
    // Glyphs fill about one text-space unit whatever the FontMatrix, so the size on the page is the font size scaled.
    const height = Math.abs(gs.fontSize) * Math.hypot(start[2], start[3]);
    if (height < TINY_TEXT_POINTS) flags.push('tiny');
    if (outsidePage(start, advance, gs.fontSize, page.view)) flags.push('off-page');
    if (marked.some(Boolean)) flags.push('hidden-layer');
    if (unmapped) flags.push('unmapped');
    if (flags.length > 0) runs.push({ flags, text });
  };

  const { fnArray, argsArray } = page;
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = (Array.isArray(argsArray[i]) ? argsArray[i] : []) as unknown[];
    switch (fn) {
      case ops['save']:
        stack.push({ ...gs });
        break;
      case ops['restore']:
        gs = stack.pop() ?? gs;
        break;
      case ops['transform']: {
        const m = asMatrix(args);
        if (m) gs.ctm = multiply(m, gs.ctm);
        break;
      }
      case ops['paintFormXObjectBegin']: {
        stack.push({ ...gs });
        const m = asMatrix(args[0]);
        if (m) gs.ctm = multiply(m, gs.ctm);
        break;
      }
      case ops['paintFormXObjectEnd']:
        gs = stack.pop() ?? gs;
        break;
      case ops['beginText']:
        tm = IDENTITY;
        tlm = IDENTITY;
        break;
      case ops['setTextMatrix']: {
        const m = asMatrix(args[0]) ?? asMatrix(args);
        if (m) {
          tm = m;
          tlm = m;
        }
        break;
      }
      case ops['moveText']:
        nextLine(num(args[0], 0), num(args[1], 0));
        break;
      case ops['setLeadingMoveText']:
        gs.leading = -num(args[1], 0);
        nextLine(num(args[0], 0), num(args[1], 0));
        break;
      case ops['nextLine']:
        nextLine(0, -gs.leading);
        break;
      case ops['setLeading']:
        gs.leading = num(args[0], gs.leading);
        break;
      case ops['setCharSpacing']:
        gs.charSpacing = num(args[0], gs.charSpacing);
        break;
      case ops['setWordSpacing']:
        gs.wordSpacing = num(args[0], gs.wordSpacing);
        break;
      case ops['setHScale']:
        gs.hScale = num(args[0], 100) / 100;
        break;
      case ops['setFont']:
        gs.font = typeof args[0] === 'string' ? page.fontOf(args[0]) : undefined;
        gs.fontSize = num(args[1], gs.fontSize);
        break;
      case ops['setTextRenderingMode']:
        gs.renderMode = num(args[0], gs.renderMode);
        break;
      case ops['setFillRGBColor']:
        gs.fill = typeof args[0] === 'string' ? args[0].toLowerCase() : '#000000';
        break;
      case ops['setFillColorN']:
        // A pattern or shading fill: its colour is not one value, so it is not called white.
        gs.fill = 'pattern';
        break;
      case ops['beginMarkedContent']:
        marked.push(false);
        break;
      case ops['beginMarkedContentProps']:
        marked.push(args[0] === 'OC' && !page.layerVisible(args[1]));
        break;
      case ops['endMarkedContent']:
        marked.pop();
        break;
      case ops['showText']:
      case ops['showSpacedText']:
        show(Array.isArray(args[0]) ? args[0] : []);
        break;
      case ops['nextLineShowText']:
        nextLine(0, -gs.leading);
        show(Array.isArray(args[0]) ? args[0] : []);
        break;
      case ops['nextLineSetSpacingShowText']:
        gs.wordSpacing = num(args[0], gs.wordSpacing);
        gs.charSpacing = num(args[1], gs.charSpacing);
        nextLine(0, -gs.leading);
        show(Array.isArray(args[2]) ? args[2] : []);
        break;
      default:
        break;
    }
  }
  return runs;
}

/** Whether the run's box (start point, advance along the baseline, font size up) misses the page box. */
function outsidePage(start: Matrix, advance: number, fontSize: number, view: readonly number[]): boolean {
  const [x0, y0, x1, y1] = [num(view[0], 0), num(view[1], 0), num(view[2], 0), num(view[3], 0)];
  const corners = [
    [0, 0],
    [advance, 0],
    [0, fontSize],
    [advance, fontSize],
  ].map(([x, y]) => [x! * start[0] + y! * start[2] + start[4], x! * start[1] + y! * start[3] + start[5]] as const);
  const xs = corners.map((c) => c[0]);
  const ys = corners.map((c) => c[1]);
  return Math.max(...xs) < Math.min(x0, x1) || Math.min(...xs) > Math.max(x0, x1) || Math.max(...ys) < Math.min(y0, y1) || Math.min(...ys) > Math.max(y0, y1);
}
