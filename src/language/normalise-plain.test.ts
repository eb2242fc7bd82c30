import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseForMatching } from './normalise.js';
import { LANGUAGE_CODES } from './types.js';

/** Letters of the plain-word path: basic Latin and Cyrillic А–я, both cases (й among them). */
const LATIN = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'];
const CYRILLIC = Array.from({ length: 0x44f - 0x410 + 1 }, (_, i) => String.fromCharCode(0x410 + i));
const word = (letters: string[]): fc.Arbitrary<string> => fc.array(fc.constantFrom(...letters), { minLength: 1, maxLength: 12 }).map((chars) => chars.join(''));
const language = fc.constantFrom(undefined, ...LANGUAGE_CODES);

describe('normaliseForMatching of a plain word (issue 17: the short path)', () => {
  it('gives what the general path gives: the word lower-cased, no step', () => {
    // A word followed by "!" takes the general path; "!" is no letter, changes nothing and is kept.
    fc.assert(
      fc.property(fc.oneof(word(LATIN), word(CYRILLIC)), language, (w, lang) => {
        const general = normaliseForMatching(`${w}!`, lang);
        expect(normaliseForMatching(w, lang)).toEqual({ normalised: general.normalised.slice(0, -1), steps: general.steps });
        expect(general.steps).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('leaves every other word to the general path (mixed scripts, Ё, letters of other alphabets)', () => {
    expect(normaliseForMatching('джиxад').steps).toHaveLength(1);
    expect(normaliseForMatching('Ёлка').normalised).toBe('ёлка');
    expect(normaliseForMatching('жыйынтыҥ', 'ky')).toEqual({ normalised: 'жыйынтың', steps: [{ offset: 7, from: 'ҥ', to: 'ң', rule: 'wrong-alphabet-ky' }] });
  });
});
