import type { Notice } from '../../core/document.js';
import { compareCodeUnits } from '../../core/canonical-json.js';
import { sanitiseMetadata } from './common.js';

/**
 * Unicode of the Symbol font's codes 0x20–0xFF (0: no Unicode counterpart). Derived from the
 * Adobe Symbol encoding as pdf.js writes it (`SymbolSetEncoding`, glyph names) and the Adobe
 * Glyph List (github.com/adobe-type-tools/agl-aglfn, glyph name → Unicode). Where the glyph list
 * gives only an Adobe private-use value, the code has no counterpart (pieces of tall brackets,
 * the extensions of arrows and radicals), except the serif and sans-serif designs of ®, © and ™,
 * which are those signs.
 */
const SYMBOL_FONT_UNICODE: readonly number[] = [
  /* 20 */ 0x0020, 0x0021, 0x2200, 0x0023, 0x2203, 0x0025, 0x0026, 0x220b, 0x0028, 0x0029, 0x2217, 0x002b, 0x002c, 0x2212, 0x002e, 0x002f,
  /* 30 */ 0x0030, 0x0031, 0x0032, 0x0033, 0x0034, 0x0035, 0x0036, 0x0037, 0x0038, 0x0039, 0x003a, 0x003b, 0x003c, 0x003d, 0x003e, 0x003f,
  /* 40 */ 0x2245, 0x0391, 0x0392, 0x03a7, 0x2206, 0x0395, 0x03a6, 0x0393, 0x0397, 0x0399, 0x03d1, 0x039a, 0x039b, 0x039c, 0x039d, 0x039f,
  /* 50 */ 0x03a0, 0x0398, 0x03a1, 0x03a3, 0x03a4, 0x03a5, 0x03c2, 0x2126, 0x039e, 0x03a8, 0x0396, 0x005b, 0x2234, 0x005d, 0x22a5, 0x005f,
  /* 60 */ 0x0000, 0x03b1, 0x03b2, 0x03c7, 0x03b4, 0x03b5, 0x03c6, 0x03b3, 0x03b7, 0x03b9, 0x03d5, 0x03ba, 0x03bb, 0x00b5, 0x03bd, 0x03bf,
  /* 70 */ 0x03c0, 0x03b8, 0x03c1, 0x03c3, 0x03c4, 0x03c5, 0x03d6, 0x03c9, 0x03be, 0x03c8, 0x03b6, 0x007b, 0x007c, 0x007d, 0x223c, 0x0000,
  /* 80 */ 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000,
  /* 90 */ 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000,
  /* A0 */ 0x20ac, 0x03d2, 0x2032, 0x2264, 0x2044, 0x221e, 0x0192, 0x2663, 0x2666, 0x2665, 0x2660, 0x2194, 0x2190, 0x2191, 0x2192, 0x2193,
  /* B0 */ 0x00b0, 0x00b1, 0x2033, 0x2265, 0x00d7, 0x221d, 0x2202, 0x2022, 0x00f7, 0x2260, 0x2261, 0x2248, 0x2026, 0x0000, 0x0000, 0x21b5,
  /* C0 */ 0x2135, 0x2111, 0x211c, 0x2118, 0x2297, 0x2295, 0x2205, 0x2229, 0x222a, 0x2283, 0x2287, 0x2284, 0x2282, 0x2286, 0x2208, 0x2209,
  /* D0 */ 0x2220, 0x2207, 0x00ae, 0x00a9, 0x2122, 0x220f, 0x221a, 0x22c5, 0x00ac, 0x2227, 0x2228, 0x21d4, 0x21d0, 0x21d1, 0x21d2, 0x21d3,
  /* E0 */ 0x25ca, 0x2329, 0x00ae, 0x00a9, 0x2122, 0x2211, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000,
  /* F0 */ 0x0000, 0x232a, 0x222b, 0x2320, 0x0000, 0x2321, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000,
];

/** Fonts that draw pictures or symbols at their codes, whatever letter the code is in ASCII. */
const SYMBOL_FONTS = new Set(['symbol', 'wingdings', 'wingdings 2', 'wingdings 3', 'webdings', 'marlett', 'zapf dingbats', 'zapfdingbats', 'mt extra']);

/** What one `w:sym` shows: its text, and whether that is a private-use character of the font. */
export interface WordSymbol {
  readonly text: string;
  readonly privateUse: boolean;
}

/**
 * The text of a `w:sym` from its font and `w:char` (hex). A symbol font's code (written F020–F0FF,
 * or 0020–00FF) is the Symbol font's Unicode character where the Adobe Symbol encoding has one,
 * else kept as the private-use character U+F0xx (what Word itself puts in the text, and what the
 * font draws); a code in another font is its own Unicode character. `undefined`: no readable code.
 */
export function wordSymbol(font: string | undefined, char: string | undefined): WordSymbol | undefined {
  if (char === undefined || !/^[0-9A-Fa-f]{1,4}$/.test(char.trim())) return undefined;
  const code = Number.parseInt(char.trim(), 16);
  const fontKey = (font ?? '').trim().toLowerCase();
  const symbolCode = code >= 0xf000 && code <= 0xf0ff ? code - 0xf000 : SYMBOL_FONTS.has(fontKey) && code <= 0xff ? code : undefined;
  if (symbolCode === undefined) return code === 0 || (code >= 0xd800 && code <= 0xdfff) ? undefined : { text: String.fromCharCode(code), privateUse: false };
  const unicode = fontKey === 'symbol' && symbolCode >= 0x20 ? (SYMBOL_FONT_UNICODE[symbolCode - 0x20] ?? 0) : 0;
  if (unicode !== 0) return { text: String.fromCharCode(unicode), privateUse: false };
  return { text: String.fromCharCode(0xf000 + symbolCode), privateUse: true };
}

/** How many fonts a symbol notice names before it says "…". */
const FONTS_NAMED = 10;

/**
 * Counts the symbols of one document by font, so that a document whose symbols were read gets one
 * notice: the examiner searches pictures kept as private-use characters by hand.
 */
export class SymbolTally {
  private readonly fonts = new Map<string, number>();
  private total = 0;
  private privateUse = 0;
  private firstPrivateUse: string | undefined;

  /** Counts one symbol read from `font` at `place` (part and paragraph). */
  add(font: string | undefined, symbol: WordSymbol, place: string): void {
    const name = sanitiseMetadata(font, 60) ?? '(no font)';
    this.fonts.set(name, (this.fonts.get(name) ?? 0) + 1);
    this.total++;
    if (!symbol.privateUse) return;
    this.privateUse++;
    this.firstPrivateUse ??= sanitiseMetadata(place) ?? '?';
  }

  /** Symbols counted so far. */
  get count(): number {
    return this.total;
  }

  /** `docx.symbols` for `fileName`, or `undefined` when it held none; a warning when any stayed private-use. */
  notice(fileName: string): Notice | undefined {
    if (this.total === 0) return undefined;
    const fonts = [...this.fonts].sort(([a], [b]) => compareCodeUnits(a, b));
    const named = fonts.slice(0, FONTS_NAMED).map(([name, count]) => `${name} ${count}`).join(', ') + (fonts.length > FONTS_NAMED ? ', …' : '');
    const kept =
      this.privateUse > 0
        ? `; ${this.privateUse} kept as private-use characters U+F000–U+F0FF that show the font's pictures, search them by hand (first: ${this.firstPrivateUse ?? '?'})`
        : '';
    return {
      code: 'docx.symbols',
      severity: this.privateUse > 0 ? 'warning' : 'info',
      message: `${fileName}: ${this.total} symbol character(s) (w:sym) from the fonts ${named}; the Symbol font's mapped to Unicode (Adobe Symbol encoding)${kept}`,
    };
  }
}
