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
 */
export function scanTokens(text: string, visit: TokenVisitor): void {
  // lastIndex is rewound after trimming a URL; the loop calls out only to `visit`, which must not
  // tokenise (identification and tokenisation are synchronous), so one shared expression is safe.
  const re = text.includes('@') ? TOKEN : TOKEN_WITHOUT_EMAIL;
  re.lastIndex = 0;
  for (let match = re.exec(text); match !== null; match = re.exec(text)) {
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
    re.lastIndex = end;
  }
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
