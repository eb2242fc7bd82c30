import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldSpelling } from './matcher.js';

/** Letters {@link foldSpelling} returns unchanged at once: lower-case basic Latin and Cyrillic а–я (й among them). */
const LATIN = [...'abcdefghijklmnopqrstuvwxyz'];
const CYRILLIC = Array.from({ length: 0x44f - 0x430 + 1 }, (_, i) => String.fromCharCode(0x430 + i));
const word = (letters: string[]): fc.Arbitrary<string> => fc.array(fc.constantFrom(...letters), { minLength: 1, maxLength: 12 }).map((chars) => chars.join(''));

describe('foldSpelling of a plain lower-case word (issue 17: the short path)', () => {
  it('gives what the general path gives: the word itself', () => {
    // A word followed by ё takes the general path, which folds that ё to е and nothing of the word.
    fc.assert(
      fc.property(fc.oneof(word(LATIN), word(CYRILLIC)), (w) => {
        expect(foldSpelling(w)).toBe(w);
        expect(foldSpelling(`${w}ё`)).toBe(`${w}е`);
      }),
      { numRuns: 500 },
    );
  });

  it('still folds what is not plain', () => {
    expect(foldSpelling('allāh')).toBe('allah');
    expect(foldSpelling('let’s')).toBe('lets');
    expect(foldSpelling('её')).toBe('ее');
  });
});
