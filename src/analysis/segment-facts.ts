/**
 * Per-segment facts computed once per run and shared by every analysis that needs them
 * (language overview, indicators, corpus tools, profile): the segment's tokens and its language.
 * Tokenising and identifying a segment read all of its text, and each analysis doing it anew was
 * most of a run on long chats (issue 17).
 */
import type { Segment, SozDocument } from '../core/document.js';
import type { Token } from '../language/index.js';
import { identifyLanguage, tokenize } from '../language/index.js';

/** What `identifyLanguage` says about a text. */
export type LanguageGuess = ReturnType<typeof identifyLanguage>;

/**
 * Memo of the facts of each segment. Keyed by the segment object, which belongs to exactly one
 * (immutable) document, so the text behind a key never changes; the memo lives as long as the
 * documents it describes.
 */
export class SegmentFacts {
  private readonly languages = new WeakMap<Segment, LanguageGuess>();
  private readonly tokenLists = new WeakMap<Segment, readonly Token[]>();

  /** The language guess for `segment` of `doc`; `text` is the segment's text when the caller has it. */
  language(doc: SozDocument, segment: Segment, text?: string): LanguageGuess {
    let guess = this.languages.get(segment);
    if (!guess) {
      guess = identifyLanguage(text ?? segmentSlice(doc, segment));
      this.languages.set(segment, guess);
    }
    return guess;
  }

  /** Every token of `segment` (ranges relative to the segment's start); read only. */
  tokens(doc: SozDocument, segment: Segment, text?: string): readonly Token[] {
    let tokens = this.tokenLists.get(segment);
    if (!tokens) {
      tokens = tokenize(text ?? segmentSlice(doc, segment));
      this.tokenLists.set(segment, tokens);
    }
    return tokens;
  }
}

function segmentSlice(doc: SozDocument, segment: Segment): string {
  return doc.text.slice(segment.range[0], segment.range[1]);
}
