import { describe, expect, it } from 'vitest';
import { compilePlainPairs, pairChoice, pairEvidence, pairLetterSum, pairWordScore, type PairCandidate } from './plain-pair.js';

const PLAIN: Partial<Record<string, Record<string, string>>> = { kk: { қ: 'к', ң: 'н' }, ky: { ң: 'н' } };
const candidates = (...codes: Array<'kk' | 'ky' | 'ru' | 'tg'>): PairCandidate[] => codes.map((code) => ({ code, plain: PLAIN[code] }));
const tally = (words: number) => ({ words, letterSum: 0, letterCount: 0 });

const spec = {
  languages: ['kk', 'ky'] as ['kk', 'ky'],
  margin: 1,
  first_stage: 0.1,
  markers: [
    { pattern: '^емес$', language: 'kk' as const, weight: 1.5, note: 'test' },
    { pattern: 'ч', language: 'ky' as const, weight: 1, note: 'test' },
    { pattern: '^е', language: 'kk' as const, weight: 1, note: 'test' },
    { pattern: 'индер$', language: 'kk' as const, weight: 1, position: 'final' as const, note: 'test' },
  ],
};

describe('plain pairs', () => {
  it('are compiled only where both languages are candidates, in candidate order', () => {
    expect(compilePlainPairs([spec], candidates('ru', 'tg'))).toEqual([]);
    const [pair] = compilePlainPairs([spec], candidates('ky', 'ru', 'kk'));
    expect([pair!.first, pair!.second]).toEqual([2, 0]);
    expect(compilePlainPairs(undefined, candidates('ky', 'kk'))).toEqual([]);
  });

  it('sum every matching rule of a word, signed for the first language', () => {
    const [pair] = compilePlainPairs([spec], candidates('kk', 'ky'));
    expect(pairWordScore(pair!, 'емес', false)).toBe(2.5);
    expect(pairWordScore(pair!, 'кеч', false)).toBe(-1);
    expect(pairWordScore(pair!, 'ечки', false)).toBe(0);
    expect(pairWordScore(pair!, 'бала', false)).toBe(0);
  });

  it('count a final-position rule only on the last word of a sentence', () => {
    const [pair] = compilePlainPairs([spec], candidates('kk', 'ky'));
    expect(pairWordScore(pair!, 'келиндер', false)).toBe(0);
    expect(pairWordScore(pair!, 'келиндер', true)).toBe(1);
    expect(pairWordScore(pair!, 'келиндер', false)).toBe(0);
  });

  it('choose a language at the margin and abstain below it, the first stage gap weighed in', () => {
    const [pair] = compilePlainPairs([spec], candidates('ky', 'kk'));
    expect(pairChoice(pair!, pairEvidence(pair!, tally(1), 0))).toBe(pair!.first);
    expect(pairChoice(pair!, pairEvidence(pair!, tally(-1), 0))).toBe(pair!.second);
    expect(pairChoice(pair!, pairEvidence(pair!, tally(0.9), 0))).toBe(-1);
    // A first stage 5 points for the second language takes half a point off the first's evidence.
    expect(pairChoice(pair!, pairEvidence(pair!, tally(1.4), -5))).toBe(-1);
    expect(pairChoice(pair!, pairEvidence(pair!, tally(0.5), 5))).toBe(pair!.first);
  });

  it('weigh a letter-pair model, folding own letters as typed plainly, over the square root of the pairs', () => {
    const withLetters = { ...spec, letter_pairs: { weight: 0.5, note: 'test', ratios: { _к: 1, кн: 2, н_: -1 } } };
    const [pair] = compilePlainPairs([withLetters], candidates('ky', 'kk'));
    // «қң» is read as «кн»: _к + кн + н_ = 1 + 2 − 1.
    expect(pairLetterSum(pair!, 'қң')).toBe(2);
    expect(pairLetterSum(pair!, 'ан')).toBe(-1);
    // 0.5 × 2 / √4 = 0.5, added to the words' evidence.
    expect(pairEvidence(pair!, { words: 1, letterSum: 2, letterCount: 4 }, 0)).toBe(1.5);
    // Without a model, letters weigh nothing.
    const [plainOnly] = compilePlainPairs([spec], candidates('ky', 'kk'));
    expect(pairLetterSum(plainOnly!, 'қң')).toBe(0);
    expect(pairEvidence(plainOnly!, { words: 1, letterSum: 2, letterCount: 4 }, 0)).toBe(1);
  });
});
