/**
 * A segment's word tokens prepared once (issue 17): the word tokens as parallel typed arrays —
 * interned word id, `[start, end)` and sentence flags — from one pass of the tokeniser. The
 * indicators, the corpus units and the profile all read this form; what each needs of a word in
 * a language (normal form, stem, Russian readings) comes from a memo indexed by the word's id,
 * computed once per distinct word for the whole run, so a token costs array reads, not string
 * look-ups, and no object is kept per token.
 */
import { InternalError } from '../core/errors.js';
import type { LanguageCode } from '../language/index.js';
import { scanTokens } from '../language/index.js';
import type { PreparedToken, WordKey } from './matcher.js';
import { cachedWordKey } from './matcher.js';
import { WORDS } from './word-table.js';
import { grown } from '../core/typed-arrays.js';

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

const SENTENCE_END = '.!?…؟';
const CORPUS_BREAK = '.!?…;:؟';

/**
 * Tokenises `text` and interns its word tokens. A sentence start is reset by any non-word token
 * but punctuation (a number, a URL); a corpus boundary only by the next word.
 */
export function segmentWords(text: string): SegmentWords {
  WORDS.makeRoom();
  let ids = new Int32Array(16);
  let ranges = new Uint32Array(32);
  let flags = new Uint8Array(16);
  let tokenCount = 0;
  let sentenceStart = true;
  let pendingBreak = true;
  let lastEnd = 0;
  // The first line break at or after `lastEnd` (the text's length when none is left).
  let newline = -1;
  let w = 0;
  scanTokens(text, (kind, start, end) => {
    tokenCount++;
    if (newline < lastEnd) {
      newline = text.indexOf('\n', lastEnd);
      if (newline < 0) newline = text.length;
    }
    if (newline < start) {
      sentenceStart = true;
      pendingBreak = true;
    }
    lastEnd = end;
    if (kind === 'punct') {
      // One character (a code point): the marks tested are all in the Basic Multilingual Plane.
      const mark = text[start] as string;
      if (SENTENCE_END.includes(mark)) sentenceStart = true;
      if (CORPUS_BREAK.includes(mark)) pendingBreak = true;
      return;
    }
    if (kind !== 'word') {
      sentenceStart = false;
      return;
    }
    if (w === ids.length) {
      ids = grown(ids, new Int32Array(2 * w));
      ranges = grown(ranges, new Uint32Array(4 * w));
      flags = grown(flags, new Uint8Array(2 * w));
    }
    ids[w] = WORDS.idOfRange(text, start, end);
    ranges[2 * w] = start;
    ranges[2 * w + 1] = end;
    flags[w] = (sentenceStart ? SENTENCE_START : 0) | (pendingBreak ? BREAK_BEFORE : 0);
    sentenceStart = false;
    pendingBreak = false;
    w++;
  });
  return { tokenCount, ids: ids.slice(0, w), ranges: ranges.slice(0, 2 * w), flags: flags.slice(0, w), generation: WORDS.generation };
}

/** What matching reads of one distinct word in one language: its text and its {@link WordKey}. */
interface WordInLanguage {
  readonly id: number;
  readonly text: string;
  readonly normalised: string;
  readonly stem: string;
  readonly steps: WordKey['steps'];
  readonly parses: WordKey['parses'];
}

/**
 * A word token prepared for matching: four fields of its own (its word in the language, offsets,
 * sentence start), the rest read through its word — half the memory an object of every field
 * took, allocated once per token and language.
 */
class PreparedWord implements PreparedToken {
  constructor(
    private readonly word: WordInLanguage,
    readonly start: number,
    readonly end: number,
    readonly sentenceInitial: boolean,
  ) {}

  get id(): number {
    return this.word.id;
  }

  get text(): string {
    return this.word.text;
  }

  get normalised(): string {
    return this.word.normalised;
  }

  get stem(): string {
    return this.word.stem;
  }

  get steps(): WordKey['steps'] {
    return this.word.steps;
  }

  get parses(): WordKey['parses'] {
    return this.word.parses;
  }
}

/** Owner of the memos of words in a language (one per language). */
const IN_LANGUAGE = {};

/** The words of a segment in `language`, each from the run's memo (made on a word's first occurrence). */
function wordsIn(words: SegmentWords, language: LanguageCode): (i: number) => WordInLanguage {
  if (words.generation !== WORDS.generation) throw new InternalError('segment words of a forgotten word table generation');
  const memo = WORDS.memo<WordInLanguage>(IN_LANGUAGE, language);
  const { ids } = words;
  return (i) => {
    const id = ids[i] as number;
    let word = memo.get(id);
    if (word === undefined) {
      const text = WORDS.textOf(id);
      const key = cachedWordKey(text, language);
      word = { id, text, normalised: key.normalised, stem: key.stem, steps: key.steps, parses: key.parses };
      memo.set(id, word);
    }
    return word;
  };
}

/** The word tokens of a segment prepared for matching in `language` (fresh objects, dropped after use). */
export function preparedWords(words: SegmentWords, language: LanguageCode): PreparedToken[] {
  const wordAt = wordsIn(words, language);
  const { ranges, flags } = words;
  const prepared = new Array<PreparedToken>(words.ids.length);
  for (let i = 0; i < prepared.length; i++) prepared[i] = new PreparedWord(wordAt(i), ranges[2 * i] as number, ranges[2 * i + 1] as number, ((flags[i] as number) & SENTENCE_START) !== 0);
  return prepared;
}

/** Whether some word of the segment, read in `language`, passes `test` (no token is prepared). */
export function someWord(words: SegmentWords, language: LanguageCode, test: (word: WordInLanguage) => boolean): boolean {
  const wordAt = wordsIn(words, language);
  for (let i = 0; i < words.ids.length; i++) if (test(wordAt(i))) return true;
  return false;
}

/** Calls `visit` with each word token's word in `language`, in order (no token is prepared). */
export function forEachWord(words: SegmentWords, language: LanguageCode, visit: (word: WordInLanguage) => void): void {
  const wordAt = wordsIn(words, language);
  for (let i = 0; i < words.ids.length; i++) visit(wordAt(i));
}
