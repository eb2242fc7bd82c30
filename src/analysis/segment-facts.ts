/**
 * Per-segment facts computed once per run and shared by every analysis that needs them
 * (language overview, indicators, corpus tools, profile): the segment's word tokens and its
 * language. Tokenising and identifying a segment read all of its text, and each analysis doing it
 * anew was most of a run on long chats (issue 17).
 */
import type { Segment, SozDocument } from '../core/document.js';
import { identifyLanguage } from '../language/index.js';
import type { SegmentWords } from './segment-words.js';
import { segmentWords } from './segment-words.js';
import { WORDS } from './word-table.js';

/** What `identifyLanguage` says about a text. */
export type LanguageGuess = ReturnType<typeof identifyLanguage>;

/**
 * Memo of the facts of each segment. Keyed by the segment object, which belongs to exactly one
 * (immutable) document, so the text behind a key never changes; the memo lives as long as the
 * documents it describes. Word tokens are kept as typed arrays of interned ids and offsets
 * ({@link SegmentWords}, 13 bytes a word, no object per token): the regular expression runs once
 * per segment, and the memo of a whole case stays small.
 */
export class SegmentFacts {
  private readonly languages = new WeakMap<Segment, LanguageGuess>();
  private readonly segmentWords = new WeakMap<Segment, SegmentWords>();

  /** The language guess for `segment` of `doc`; `text` is the segment's text when the caller has it. */
  language(doc: SozDocument, segment: Segment, text?: string): LanguageGuess {
    let guess = this.languages.get(segment);
    if (!guess) {
      guess = identifyLanguage(text ?? segmentSlice(doc, segment));
      this.languages.set(segment, guess);
    }
    return guess;
  }

  /**
   * The word tokens of `segment` (ranges relative to the segment's start), tokenised once; again
   * only when the word table has started a new generation since (see `word-table.ts`).
   */
  words(doc: SozDocument, segment: Segment, text?: string): SegmentWords {
    let words = this.segmentWords.get(segment);
    if (!words || words.generation !== WORDS.generation) {
      words = segmentWords(text ?? segmentSlice(doc, segment));
      this.segmentWords.set(segment, words);
    }
    return words;
  }
}

function segmentSlice(doc: SozDocument, segment: Segment): string {
  return doc.text.slice(segment.range[0], segment.range[1]);
}
