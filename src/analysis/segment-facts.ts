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
 * Memo of the facts of the segments of the document being analysed. A run hands every analysis one
 * document at a time, and each walks its segments in order, so the facts are kept in arrays by the
 * segment's place in its document, found by a cursor (the place asked before, or the next one)
 * and only otherwise by a map of the document's segments; the memo is emptied when another
 * document is asked about. A WeakMap keyed by segment, before (issue 17, round 12), hashed every
 * segment object and held the facts of every document read since its last full collection. The
 * facts are pure functions of a segment's text, so a segment asked about again after another
 * document (a reference corpus, a test) only costs its facts again. Word tokens are kept as
 * typed arrays of interned ids and offsets ({@link SegmentWords}, 13 bytes a word, no object per
 * token): the regular expression runs once per segment.
 */
export class SegmentFacts {
  private doc: SozDocument | undefined;
  private languages: (LanguageGuess | undefined)[] = [];
  private segmentWords: (SegmentWords | undefined)[] = [];
  /** The place of the segment asked about last. */
  private cursor = 0;
  /** Each segment's place in the document, made when a segment is asked about out of order. */
  private places: Map<Segment, number> | undefined;

  /** The language guess for `segment` of `doc`; `text` is the segment's text when the caller has it. */
  language(doc: SozDocument, segment: Segment, text?: string): LanguageGuess {
    const place = this.placeOf(doc, segment);
    let guess = place < 0 ? undefined : this.languages[place];
    if (!guess) {
      guess = identifyLanguage(text ?? segmentSlice(doc, segment));
      if (place >= 0) this.languages[place] = guess;
    }
    return guess;
  }

  /**
   * The word tokens of `segment` (ranges relative to the segment's start), tokenised once; again
   * only when the word table has started a new generation since (see `word-table.ts`).
   */
  words(doc: SozDocument, segment: Segment, text?: string): SegmentWords {
    const place = this.placeOf(doc, segment);
    let words = place < 0 ? undefined : this.segmentWords[place];
    if (!words || words.generation !== WORDS.generation) {
      words = segmentWords(text ?? segmentSlice(doc, segment));
      if (place >= 0) this.segmentWords[place] = words;
    }
    return words;
  }

  /** The place of `segment` in `doc.segments` (−1 if it is not there: its facts are then not kept). */
  private placeOf(doc: SozDocument, segment: Segment): number {
    if (doc !== this.doc) {
      this.doc = doc;
      this.languages = [];
      this.segmentWords = [];
      this.cursor = 0;
      this.places = undefined;
    }
    const { segments } = doc;
    if (segments[this.cursor] === segment) return this.cursor;
    if (segments[this.cursor + 1] === segment) return ++this.cursor;
    if (segments[0] === segment) return (this.cursor = 0);
    this.places ??= new Map(segments.map((each, place) => [each, place]));
    const place = this.places.get(segment);
    if (place !== undefined) this.cursor = place;
    return place ?? -1;
  }
}

function segmentSlice(doc: SozDocument, segment: Segment): string {
  return doc.text.slice(segment.range[0], segment.range[1]);
}
