/**
 * Language of each segment, identified once per run and shared by the analyses that need it
 * (indicators, corpus tools, profile): identification reads the whole segment, so doing it three
 * times per segment was a large share of a run on long chats.
 */
import type { Segment, SozDocument } from '../core/document.js';
import { identifyLanguage } from '../language/index.js';

/** What `identifyLanguage` says about a text. */
export type LanguageGuess = ReturnType<typeof identifyLanguage>;

/**
 * Memo of `identifyLanguage` per segment. Keyed by the segment object, which belongs to exactly
 * one (immutable) document, so the text behind a key never changes.
 */
export class SegmentLanguages {
  private readonly cache = new WeakMap<Segment, LanguageGuess>();

  /** The guess for `segment` of `doc`; `text` is the segment's text when the caller has it. */
  of(doc: SozDocument, segment: Segment, text?: string): LanguageGuess {
    let guess = this.cache.get(segment);
    if (!guess) {
      guess = identifyLanguage(text ?? doc.text.slice(segment.range[0], segment.range[1]));
      this.cache.set(segment, guess);
    }
    return guess;
  }
}
