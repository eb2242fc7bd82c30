/**
 * Per-segment facts computed once per run and shared by every analysis that needs them
 * (language overview, indicators, corpus tools, profile): the segment's tokens and its language.
 * Tokenising and identifying a segment read all of its text, and each analysis doing it anew was
 * most of a run on long chats (issue 17).
 */
import type { Segment, SozDocument } from '../core/document.js';
import type { Token, TokenKind } from '../language/index.js';
import { identifyLanguage, tokenize } from '../language/index.js';

// A record, so a new token kind does not compile until it has its number here.
const KIND_INDEX: Readonly<Record<TokenKind, number>> = { word: 0, number: 1, hashtag: 2, mention: 3, url: 4, emoji: 5, punct: 6 };
const KINDS = Object.keys(KIND_INDEX).sort((a, b) => KIND_INDEX[a as TokenKind] - KIND_INDEX[b as TokenKind]) as TokenKind[];

/** What `identifyLanguage` says about a text. */
export type LanguageGuess = ReturnType<typeof identifyLanguage>;

/**
 * Memo of the facts of each segment. Keyed by the segment object, which belongs to exactly one
 * (immutable) document, so the text behind a key never changes; the memo lives as long as the
 * documents it describes. Tokens are kept packed (start, end, kind: 12 bytes a token, not an
 * object each) and handed out as fresh short-lived objects: the regular expression runs once per
 * segment, and the memo of a whole case stays small.
 */
export class SegmentFacts {
  private readonly languages = new WeakMap<Segment, LanguageGuess>();
  private readonly packedTokens = new WeakMap<Segment, Uint32Array>();

  /** The language guess for `segment` of `doc`; `text` is the segment's text when the caller has it. */
  language(doc: SozDocument, segment: Segment, text?: string): LanguageGuess {
    let guess = this.languages.get(segment);
    if (!guess) {
      guess = identifyLanguage(text ?? segmentSlice(doc, segment));
      this.languages.set(segment, guess);
    }
    return guess;
  }

  /** Every token of `segment` (ranges relative to the segment's start). */
  tokens(doc: SozDocument, segment: Segment, text: string = segmentSlice(doc, segment)): Token[] {
    const packed = this.packedTokens.get(segment);
    if (!packed) {
      const tokens = tokenize(text);
      const pack = new Uint32Array(tokens.length * 3);
      tokens.forEach((token, i) => pack.set([token.range[0], token.range[1], KIND_INDEX[token.kind]], i * 3));
      this.packedTokens.set(segment, pack);
      return tokens;
    }
    const tokens: Token[] = new Array<Token>(packed.length / 3);
    for (let i = 0; i < tokens.length; i++) {
      const start = packed[i * 3] as number;
      const end = packed[i * 3 + 1] as number;
      tokens[i] = { text: text.slice(start, end), range: [start, end], kind: KINDS[packed[i * 3 + 2] as number] as TokenKind };
    }
    return tokens;
  }
}

function segmentSlice(doc: SozDocument, segment: Segment): string {
  return doc.text.slice(segment.range[0], segment.range[1]);
}
