import { describe, expect, it } from 'vitest';
import { foldWord, letterPairCount, letterPairEvidence, letterPairSum, trainLetterPairs } from './letter-pairs.js';

describe('letter-pair model', () => {
  it('folds own letters as typed plainly, in lower case', () => {
    expect(foldWord('Қазақ', { қ: 'к' })).toBe('казак');
  });

  it('learns the transitions that tell two texts apart, signed for the first', () => {
    const ratios = trainLetterPairs(['кеш кеш ешки ешки'], ['кеч кеч эчки эчки'], {}, { smoothing: 0.5, minCount: 2, minRatio: 0.3 });
    // ш after е is the first text's, ч after е the second's; к then е is shared (ratio 0: left out).
    expect(ratios['еш']).toBeGreaterThan(0.3);
    expect(ratios['еч']).toBeLessThan(-0.3);
    expect(ratios['ке']).toBeUndefined();
    // Word starts and ends are pairs too.
    expect(ratios['_е']).toBeGreaterThan(0);
    expect(ratios['_э']).toBeLessThan(0);
    // Rounded to two decimals, keys in code-unit order.
    expect(Object.values(ratios).every((r) => Math.round(r * 100) / 100 === r)).toBe(true);
    expect(Object.keys(ratios)).toEqual([...Object.keys(ratios)].sort());
  });

  it('leaves out pairs seen too rarely', () => {
    expect(trainLetterPairs(['аш'], ['ач'], {}, { smoothing: 0.5, minCount: 2, minRatio: 0 })).toEqual({ _а: 0 });
  });

  it('sums a word\'s pairs with its edges and weighs a line by the square root of its pairs', () => {
    const ratios = new Map([['_к', 1], ['еш', 2], ['ш_', 0.5]]);
    expect(letterPairSum(ratios, 'кеш')).toBe(3.5);
    expect(letterPairCount('кеш'.length)).toBe(4);
    expect(letterPairEvidence(3.5, 4)).toBe(1.75);
    expect(letterPairEvidence(0, 0)).toBe(0);
  });
});
