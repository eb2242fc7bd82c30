import { describe, expect, it } from 'vitest';
import { DocumentBuilder } from '../core/document-builder.js';
import type { SozDocument } from '../core/document.js';
import { Vocabulary, collocates, corpusUnits, dispersion, keyness, kwic, ngrams, wordList } from './corpus.js';
import { selectSegments } from './filters.js';
import { chiSquareFreeLL, logLikelihood2x2, logRatio, mutualInformation, tScore } from './stats.js';

function doc(sha: string, ...texts: string[]): SozDocument {
  const b = new DocumentBuilder({ sha256: sha.repeat(64), name: `${sha}.txt` }, 'text');
  texts.forEach((text, i) => b.add({ id: `p${i}`, text, part: 'body' }));
  return b.build();
}
const units = (...docs: SozDocument[]) => corpusUnits(selectSegments(docs).segments);

describe('corpus tools', () => {
  const a = doc('a', 'The cat sat. The cat ran.', 'A dog sat.');
  const b = doc('b', 'The dog ran and the dog sat.');

  it('word list with types, tokens, TTR and per-1000', () => {
    const list = wordList(units(a));
    expect(list.tokens).toBe(9);
    expect(list.types).toBe(6);
    expect(list.typeTokenRatio).toBeCloseTo(6 / 9, 6);
    expect(list.rows[0]).toEqual({ item: 'cat', frequency: 2, per1000: 222.222222, range: 1 });
  });

  it('a vocabulary gives the ids of a look-up per token, whether it remembers them per word or not', () => {
    const all = units(a, b, doc('c', 'The Cat, the CAT and the cat.'));
    const byWord = new Vocabulary();
    const byToken = new Vocabulary();
    for (const unit of all) {
      expect([...byWord.idsOf(unit)]).toEqual(unit.items.map((item) => byToken.idOf(item)));
      // Again: now every word's id is remembered.
      expect([...byWord.idsOf(unit)]).toEqual(unit.items.map((item) => byToken.idOf(item)));
    }
    expect(byWord.all()).toEqual(byToken.all());
  });

  it('n-grams do not cross sentences', () => {
    const bi = ngrams(units(a), 2, { minFrequency: 1 });
    expect(bi.rows.find((r) => r.item === 'the cat')?.frequency).toBe(2);
    expect(bi.rows.some((r) => r.item === 'sat the')).toBe(false);
    expect(() => ngrams(units(a), 6)).toThrow(RangeError);
  });

  it('counts each document once in an n-gram range, even when its units are interleaved with another\'s', () => {
    const [a0, a1, ...rest] = units(a, b);
    const interleaved = [a0, ...rest, a1].filter((unit) => unit !== undefined);
    const rows = wordList(interleaved).rows;
    expect(rows.find((r) => r.item === 'sat')).toMatchObject({ frequency: 3, range: 2 });
    expect(rows.find((r) => r.item === 'the')).toMatchObject({ frequency: 4, range: 2 });
    expect(wordList(interleaved)).toEqual(wordList(units(a, b)));
  });

  it('n-grams of a vocabulary too large for numeric keys read the same', () => {
    const letters = (i: number): string => String.fromCharCode(97 + (i % 26), 97 + Math.floor(i / 26) % 26, 97 + Math.floor(i / 676));
    const words = Array.from({ length: 2000 }, (_, i) => letters(i));
    const big = doc('d', `${words.join(' ')} ${words.slice(0, 5).join(' ')}`);
    const five = ngrams(units(big), 5, { limit: 1 });
    expect(five.rows[0]).toMatchObject({ item: words.slice(0, 5).join(' '), frequency: 2, range: 1 });
    expect(five.total).toBe(2001);
    expect(ngrams(units(big), 2, { limit: 1 }).rows[0]).toMatchObject({ item: words.slice(0, 2).join(' '), frequency: 2 });
  });

  it('KWIC gives document offsets and context', () => {
    const lines = kwic(units(a), 'CAT', { window: 1 });
    expect(lines).toHaveLength(2);
    expect(a.text.slice(lines[0]?.range[0], lines[0]?.range[1])).toBe('cat');
    expect(lines[0]).toMatchObject({ left: 'The ', keyword: 'cat', right: ' sat' });
  });

  it('collocates and keyness use the standard formulas', () => {
    const c = collocates(units(a, b), 'dog', { left: 1, right: 1, minFrequency: 1 });
    const sat = c.rows.find((r) => r.item === 'sat');
    expect(sat?.observed).toBe(2);
    const n = c.corpusTokens;
    const e = (c.windowTokens * 3) / n;
    expect(sat?.expected).toBeCloseTo(e, 5);
    expect(sat?.mutualInformation).toBeCloseTo(Math.log2(2 / e), 5);
    const k = keyness(units(a), units(b), { minFrequency: 1 });
    const cat = k.rows.find((r) => r.item === 'cat');
    expect(cat?.logLikelihood).toBeCloseTo(chiSquareFreeLL(2, 0, 9, 7), 5);
    expect(cat?.logRatio).toBeCloseTo(Math.log2(2 / 9 / (0.5 / 7)), 5);
  });

  it('statistics match hand-computed values', () => {
    // G² for a table with exact independence is 0; a skewed table is positive.
    expect(logLikelihood2x2(10, 10, 10, 10)).toBeCloseTo(0, 10);
    expect(logLikelihood2x2(10, 0, 0, 10)).toBeCloseTo(2 * 20 * Math.log(2), 10);
    expect(mutualInformation(8, 2)).toBe(2);
    expect(tScore(9, 3)).toBe(2);
    expect(logRatio(4, 100, 0, 100)).toBe(3);
  });

  it('dispersion: range, Juilland D and DP', () => {
    const d = dispersion(units(a, b), { items: ['the', 'cat'] });
    const cat = d.rows.find((r) => r.item === 'cat');
    expect(cat).toMatchObject({ frequency: 2, range: 1, parts: 2, juillandD: 0 });
    expect(d.rows.find((r) => r.item === 'the')?.range).toBe(2);
    expect(cat?.dp).toBeCloseTo(0.5 * (Math.abs(1 - 9 / 16) + Math.abs(0 - 7 / 16)), 6);
  });
});
