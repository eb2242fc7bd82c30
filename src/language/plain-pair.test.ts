import { describe, expect, it } from 'vitest';
import { compilePlainPairs, pairChoice, pairEvidence, pairWordScore } from './plain-pair.js';

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
    expect(compilePlainPairs([spec], ['ru', 'tg'])).toEqual([]);
    const [pair] = compilePlainPairs([spec], ['ky', 'ru', 'kk']);
    expect([pair!.first, pair!.second]).toEqual([2, 0]);
    expect(compilePlainPairs(undefined, ['ky', 'kk'])).toEqual([]);
  });

  it('sum every matching rule of a word, signed for the first language', () => {
    const [pair] = compilePlainPairs([spec], ['kk', 'ky']);
    expect(pairWordScore(pair!, 'емес', false)).toBe(2.5);
    expect(pairWordScore(pair!, 'кеч', false)).toBe(-1);
    expect(pairWordScore(pair!, 'ечки', false)).toBe(0);
    expect(pairWordScore(pair!, 'бала', false)).toBe(0);
  });

  it('count a final-position rule only on the last word of a sentence', () => {
    const [pair] = compilePlainPairs([spec], ['kk', 'ky']);
    expect(pairWordScore(pair!, 'келиндер', false)).toBe(0);
    expect(pairWordScore(pair!, 'келиндер', true)).toBe(1);
    expect(pairWordScore(pair!, 'келиндер', false)).toBe(0);
  });

  it('choose a language at the margin and abstain below it, the first stage gap weighed in', () => {
    const [pair] = compilePlainPairs([spec], ['ky', 'kk']);
    expect(pairChoice(pair!, pairEvidence(pair!, 1, 0))).toBe(pair!.first);
    expect(pairChoice(pair!, pairEvidence(pair!, -1, 0))).toBe(pair!.second);
    expect(pairChoice(pair!, pairEvidence(pair!, 0.9, 0))).toBe(-1);
    // A first stage 5 points for the second language takes half a point off the first's evidence.
    expect(pairChoice(pair!, pairEvidence(pair!, 1.4, -5))).toBe(-1);
    expect(pairChoice(pair!, pairEvidence(pair!, 0.5, 5))).toBe(pair!.first);
  });
});
