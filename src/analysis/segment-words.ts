/**
 * A segment's word tokens prepared once (issue 17): the word tokens as parallel typed arrays —
 * interned word id, `[start, end)` and sentence flags — from one pass of the tokeniser. The
 * indicators, the corpus units and the profile all read this form; what each needs of a word in
 * a language (normal form, stem, Russian readings) comes from a memo indexed by the word's id,
 * computed once per distinct word for the whole run, so a token costs array reads, not string
 * look-ups, and no object is kept per token.
 */
import { InternalError } from '../core/errors.js';
import type { LanguageCode, Token } from '../language/index.js';
import { tokenize } from '../language/index.js';
import type { PreparedToken, WordKey } from './matcher.js';
import { cachedWordKey } from './matcher.js';
import { WORDS } from './word-table.js';

/** Flag of a word token: a sentence starts here (text start, after . ! ? … ؟ or a line break). */
export const SENTENCE_START = 1;
/** Flag of a word token: a corpus boundary lies before it (as {@link SENTENCE_START}, and after ; or :). */
export const BREAK_BEFORE = 2;

/** The word tokens of one segment (ranges relative to the segment's start, UTF-16 code units). */
export interface SegmentWords {
  /** Tokens of every kind (words, numbers, punctuation, …) in the segment. */
  readonly tokenCount: number;
  /** Interned id of each word token (see `word-table.ts`). */
  readonly ids: Int32Array;
  /** `start, end` of each word token, word after word. */
  readonly ranges: Uint32Array;
  /** {@link SENTENCE_START} and {@link BREAK_BEFORE} of each word token. */
  readonly flags: Uint8Array;
  /** The table generation the ids belong to. */
  readonly generation: number;
}

const SENTENCE_END = /[.!?…؟]/;
const CORPUS_BREAK = /[.!?…;:؟]/;

/**
 * Interns the word tokens of `text` (`tokens` is `tokenize(text)` when the caller has it). A
 * sentence start is reset by any non-word token but punctuation (a number, a URL); a corpus
 * boundary only by the next word.
 */
export function segmentWords(text: string, tokens: readonly Token[] = tokenize(text)): SegmentWords {
  WORDS.makeRoom();
  let count = 0;
  for (const token of tokens) if (token.kind === 'word') count++;
  const ids = new Int32Array(count);
  const ranges = new Uint32Array(count * 2);
  const flags = new Uint8Array(count);
  let sentenceStart = true;
  let pendingBreak = true;
  let lastEnd = 0;
  // The first line break at or after `lastEnd` (the text's length when none is left).
  let newline = -1;
  let w = 0;
  for (const token of tokens) {
    const [start, end] = token.range;
    if (newline < lastEnd) {
      newline = text.indexOf('\n', lastEnd);
      if (newline < 0) newline = text.length;
    }
    if (newline < start) {
      sentenceStart = true;
      pendingBreak = true;
    }
    lastEnd = end;
    if (token.kind === 'punct') {
      if (SENTENCE_END.test(token.text)) sentenceStart = true;
      if (CORPUS_BREAK.test(token.text)) pendingBreak = true;
      continue;
    }
    if (token.kind !== 'word') {
      sentenceStart = false;
      continue;
    }
    ids[w] = WORDS.idOf(token.text);
    ranges[2 * w] = start;
    ranges[2 * w + 1] = end;
    flags[w] = (sentenceStart ? SENTENCE_START : 0) | (pendingBreak ? BREAK_BEFORE : 0);
    sentenceStart = false;
    pendingBreak = false;
    w++;
  }
  return { tokenCount: tokens.length, ids, ranges, flags, generation: WORDS.generation };
}

/** Owner of the word-key memos (one per language). */
const KEYS = {};

/** The word tokens of a segment prepared for matching in `language` (fresh objects, dropped after use). */
export function preparedWords(words: SegmentWords, language: LanguageCode): PreparedToken[] {
  if (words.generation !== WORDS.generation) throw new InternalError('segment words of a forgotten word table generation');
  const keys = WORDS.memo<WordKey>(KEYS, language);
  const { ids, ranges, flags } = words;
  const prepared = new Array<PreparedToken>(ids.length);
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] as number;
    const text = WORDS.textOf(id);
    let key = keys.get(id);
    if (key === undefined) {
      key = cachedWordKey(text, language);
      keys.set(id, key);
    }
    prepared[i] = { text, start: ranges[2 * i] as number, end: ranges[2 * i + 1] as number, normalised: key.normalised, stem: key.stem, steps: key.steps, parses: key.parses, sentenceInitial: ((flags[i] as number) & SENTENCE_START) !== 0, id };
  }
  return prepared;
}

/**
 * Tokenises a text and prepares its word tokens for matching in `language` (normalised form, stem,
 * sentence starts). `tokens` is `tokenize(text)` when the caller already has it.
 */
export function prepareTokens(text: string, language: LanguageCode, tokens?: readonly Token[]): PreparedToken[] {
  return preparedWords(segmentWords(text, tokens), language);
}
