/**
 * Tokeniser for the eight languages soz reads. Offsets are 0-based UTF-16 code units into the text
 * given; ranges are half-open `[start, end)`, so `text.slice(...range) === token.text` always.
 *
 * Determinism: no ICU data (no `Intl.Segmenter`). The only Unicode tables used are V8's regular
 * expression properties (`\p{L}`, `\p{M}`, `\p{N}`, `\p{Extended_Pictographic}`), which follow the
 * Unicode version of the Node release; the letters soz depends on (ң ө ү ә ғ қ ұ һ і ў ҳ ҷ ӣ ӯ ё ʻ ʼ,
 * Arabic letters and harakat) have been stable for decades and are pinned by tests
 * (`src/language/tokenize.test.ts`). Newly encoded emoji may tokenise differently on an older Node.
 */
import type { Range } from '../core/document.js';

/** What a token is. `url` also covers e-mail addresses. */
export type TokenKind = 'word' | 'number' | 'hashtag' | 'mention' | 'url' | 'emoji' | 'punct';

/** A token with its `[start, end)` range (UTF-16 code units) in the text it came from. */
export interface Token {
  readonly text: string;
  readonly range: Range;
  readonly kind: TokenKind;
}

/** Apostrophe variants that join Uzbek oʻ gʻ and the tutuq belgisi ʼ inside a word. */
export const APOSTROPHES = "'ʻʼ‘’`";

const EMOJI_MOD = '(?:\\u{FE0F}|[\\u{1F3FB}-\\u{1F3FF}]|[\\u{E0020}-\\u{E007F}])';
const EMOJI = `(?:[\\u{1F1E6}-\\u{1F1FF}]{2}|[0-9#*]\\u{FE0F}?\\u{20E3}|\\p{Extended_Pictographic}${EMOJI_MOD}*(?:\\u{200D}\\p{Extended_Pictographic}${EMOJI_MOD}*)*)`;
const WORD_CHAR = '[\\p{L}\\p{M}\\p{N}]';
const HYPHENS = '[-\\u2010\\u2011]';
const APOS = `[${APOSTROPHES}]`;

const URL_ONLY = '(?:https?:\\/\\/|www\\.)[^\\s<>"«»]+';
const EMAIL = '(?<![\\p{L}\\p{N}._%+-])[\\p{L}\\p{N}._%+-]{1,64}@[\\p{L}\\p{N}-]{1,63}(?:\\.[\\p{L}\\p{N}-]{1,63}){0,8}\\.\\p{L}{2,24}';

// Order matters: URLs and e-mails before words, emoji before punctuation; flags and keycaps start
// with characters that would otherwise be read as digits or symbols.
function tokenExpression(url: string): RegExp {
  return new RegExp(
    [
      `(${url})`,
      `((?<![\\p{L}\\p{N}_])[#@][\\p{L}\\p{M}\\p{N}_]+)`,
      `(${EMOJI})`,
      `(\\p{N}+(?:[.,]\\p{N}+)*)(?!\\p{L})`,
      `([\\p{L}\\p{M}\\p{N}](?:${WORD_CHAR}|${APOS}(?=\\p{L})|${HYPHENS}(?=[\\p{L}\\p{N}]))*)`,
      `([^\\s\\p{L}\\p{M}\\p{N}])`,
    ].join('|'),
    'gu',
  );
}

const TOKEN = tokenExpression(`${URL_ONLY}|${EMAIL}`);
// The same expression without the e-mail alternative, for text with no @: an e-mail address cannot
// match there, and trying it scans up to 64 characters ahead at every word (40 % of tokenising).
const TOKEN_WITHOUT_EMAIL = tokenExpression(URL_ONLY);

// A URL does not end in sentence punctuation or a closing bracket the writer put after it.
const URL_TRAILER = /[.,;:!?)\]}'"’”»]+$/u;

/** Receives each token of {@link scanTokens}: its kind and `[start, end)` in the text scanned. */
export type TokenVisitor = (kind: TokenKind, start: number, end: number) => void;

/**
 * The tokens of {@link tokenize}, handed to `visit` one by one without building an object for
 * each (for callers that keep them packed).
 *
 * In text without an `@`, a word that starts with a letter or a mark is read by a scan over a table
 * of character classes instead of the expression, whose match array and group strings per token
 * were most of the tokeniser's cost (issue 17). The scan gives exactly the expression's token: at
 * such a character no earlier alternative can match (a URL starts with h or w, a tag with # or @,
 * an e-mail needs an @ in the text, an emoji or a number starts with no letter or mark that
 * {@link fastWordStart} admits), white space starts no token, and the word alternative is read as
 * the expression reads it, one step at a time. Any astral character sends the word back to the
 * expression.
 */
export function scanTokens(text: string, visit: TokenVisitor): void {
  // lastIndex is rewound after trimming a URL; the loop calls out only to `visit`, which must not
  // tokenise (identification and tokenisation are synchronous), so one shared expression is safe.
  const withEmail = text.includes('@');
  const re = withEmail ? TOKEN : TOKEN_WITHOUT_EMAIL;
  const n = text.length;
  let at = 0;
  while (at < n) {
    const code = text.charCodeAt(at);
    const cls = classOf(code);
    if ((cls & WHITE) !== 0) {
      at++;
      continue;
    }
    if (!withEmail && (cls & FAST_START) !== 0) {
      const end = wordEnd(text, at);
      if (end >= 0) {
        visit('word', at, end);
        at = end;
        continue;
      }
    }
    re.lastIndex = at;
    const match = re.exec(text);
    if (match === null) return;
    const start = match.index;
    let length = match[0].length;
    let kind: TokenKind;
    // Groups, in the order of the alternatives: 1 url, 2 tag, 3 emoji, 4 number, 5 word, 6 punct.
    if (match[5] !== undefined) kind = 'word';
    else if (match[1] !== undefined) {
      kind = 'url';
      const trailer = URL_TRAILER.exec(match[0]);
      if (trailer && trailer.index > 0) length = trailer.index;
    } else if (match[2] !== undefined) kind = match[0].startsWith('#') ? 'hashtag' : 'mention';
    else if (match[3] !== undefined) kind = 'emoji';
    else if (match[4] !== undefined) kind = 'number';
    else kind = 'punct';
    const end = start + length;
    visit(kind, start, end);
    at = end;
  }
}

// Classes of UTF-16 code units for the scan of words, from V8's Unicode properties as the
// expression reads them; computed on first sight of a code unit (bit KNOWN).
const KNOWN = 1;
/** `\s` */
const WHITE = 2;
/** `[\p{L}\p{M}\p{N}]` */
const WORD = 4;
/** `\p{L}` */
const LETTER = 8;
/** `[\p{L}\p{N}]` */
const LETTER_OR_DIGIT = 16;
/** May open a word read without the expression (see {@link fastWordStart}). */
const FAST_START = 32;
/** One of {@link APOSTROPHES}. */
const APOSTROPHE = 64;
/** `[-\u2010\u2011]` */
const HYPHEN = 128;
/** Half of a surrogate pair: an astral character, left to the expression. */
const SURROGATE = 256;

const unitClasses = new Uint16Array(0x10000);

/**
 * A letter or mark no earlier alternative of the expression can match at: not h or w (a URL may
 * start there), not a pictograph (an emoji); never a digit (a number), # or @ (a tag).
 */
function fastWordStart(ch: string): boolean {
  return /^[\p{L}\p{M}]$/u.test(ch) && !/^\p{Extended_Pictographic}$/u.test(ch) && ch !== 'h' && ch !== 'w';
}

function classOf(code: number): number {
  const known = unitClasses[code]!;
  if (known !== 0) return known;
  let cls = KNOWN;
  if (code >= 0xd800 && code <= 0xdfff) cls |= SURROGATE;
  else {
    const ch = String.fromCharCode(code);
    if (/^\s$/u.test(ch)) cls |= WHITE;
    if (/^[\p{L}\p{M}\p{N}]$/u.test(ch)) cls |= WORD;
    if (/^\p{L}$/u.test(ch)) cls |= LETTER;
    if (/^[\p{L}\p{N}]$/u.test(ch)) cls |= LETTER_OR_DIGIT;
    if (fastWordStart(ch)) cls |= FAST_START;
    if (APOSTROPHES.includes(ch)) cls |= APOSTROPHE;
    if (/^[-\u2010\u2011]$/u.test(ch)) cls |= HYPHEN;
  }
  unitClasses[code] = cls;
  return cls;
}

/**
 * End of the word alternative's match at `start` (a {@link FAST_START} character): word
 * characters, an apostrophe before a letter, a hyphen before a letter or digit, as long as they
 * go; −1 where an astral character is met (the expression reads it as one code point).
 */
function wordEnd(text: string, start: number): number {
  const n = text.length;
  let i = start + 1;
  while (i < n) {
    const cls = classOf(text.charCodeAt(i));
    if ((cls & WORD) !== 0) {
      i++;
      continue;
    }
    if ((cls & SURROGATE) !== 0) return -1;
    if ((cls & (APOSTROPHE | HYPHEN)) === 0 || i + 1 >= n) return i;
    const next = classOf(text.charCodeAt(i + 1));
    if ((next & SURROGATE) !== 0) return -1;
    if ((next & ((cls & APOSTROPHE) !== 0 ? LETTER : LETTER_OR_DIGIT)) === 0) return i;
    i += 2;
  }
  return i;
}

/**
 * Splits `text` into tokens. Every letter of Kyrgyz, Kazakh, Uzbek (both scripts), Tajik, Russian,
 * Arabic and English stays inside its word; hyphenated words and Uzbek oʻ/gʻ (any apostrophe) are
 * one token; numbers (1 234,5 is two tokens; 3,79 is one), hashtags, @mentions, URLs / e-mails and
 * emoji (ZWJ sequences, flags, skin tones, keycaps) are tokens of their own. Whitespace is skipped.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  scanTokens(text, (kind, start, end) => tokens.push({ text: text.slice(start, end), range: [start, end], kind }));
  return tokens;
}
