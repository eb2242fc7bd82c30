/**
 * The word sequence text reuse is computed over: every word and number token of a text, each with
 * a script-independent matching key and its `[start, end)` range (0-based UTF-16 code units) in
 * the original text, so a passage found on keys is reported on the evidence's own characters.
 */
import { normaliseForMatching, tokenize, transliterationKey } from '../../language/index.js';

/** The words of one text in order: `keys[i]` is word i's key, `starts[i]`/`ends[i]` its range. */
export interface MatchWords {
  readonly keys: readonly string[];
  readonly starts: Int32Array;
  readonly ends: Int32Array;
}

/**
 * A word's key: homoglyphs folded into the word's script, lower case, then the transliteration
 * key, so that Cyrillic and Latin spellings (джихад / dzhikhad / jihad, Uzbek in either script)
 * and punctuation or line-break differences do not separate a retyped copy from its original.
 */
export function matchKey(word: string, cache?: Map<string, string>): string {
  const known = cache?.get(word);
  if (known !== undefined) return known;
  const key = transliterationKey(normaliseForMatching(word).normalised).key;
  cache?.set(word, key);
  return key;
}

/** The words of `text` with their keys; punctuation, emoji, URLs and whitespace are not words here. */
export function matchWords(text: string, cache: Map<string, string> = new Map()): MatchWords {
  const keys: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  for (const token of tokenize(text)) {
    if (token.kind !== 'word' && token.kind !== 'number') continue;
    const key = matchKey(token.text, cache);
    if (key === '') continue;
    keys.push(key);
    starts.push(token.range[0]);
    ends.push(token.range[1]);
  }
  return { keys, starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
}
