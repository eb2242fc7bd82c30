import { francAll } from 'franc';
import { describe, expect, it } from 'vitest';
import { francSimilarity, plainTyped, trigramDistances, trigramTable } from './trigram.js';

describe('franc trigram distance', () => {
  const only = ['kir', 'rus', 'uzn', 'kaz', 'tgk'];

  it('gives franc 6’s own similarities for the candidates of one script', () => {
    for (const text of [
      'Бишкектин көчөсү оңдоодон өттү',
      'Ўзбекистон ҳукумати қарор қилди',
      'Ҷумҳурии Тоҷикистон мебошад ва ин аст',
      'Сегодня мы долго разговаривали!!! 123 раза',
    ]) {
      const want = Object.fromEntries(francAll(text, { only }));
      const got = Object.fromEntries(francSimilarity(text, 'Cyrillic', only));
      for (const code of only) expect(got[code], `${code}: ${text}`).toBeCloseTo(want[code] ?? 0, 12);
    }
  });

  it('reads words as one text joined by spaces, with punctuation and digits as spaces', () => {
    const table = trigramTable('Latin', ['eng', 'uzn']);
    const a = new Float64Array(2);
    const b = new Float64Array(2);
    const na = trigramDistances(table, ['the', 'house', 'is', 'red'], a);
    const nb = trigramDistances(table, ['the house, 12 is  red'], b);
    expect(na).toBe(nb);
    expect([...a]).toEqual([...b]);
    expect(trigramDistances(table, [], a)).toBe(0);
  });
});

describe('plain-keyboard models (round 14)', () => {
  it('types a model with the plain letters, keeping the rank of the more frequent of two merged trigrams', () => {
    expect(plainTyped(['ің ', 'ин ', 'қа ', 'ка ', 'ар '], { і: 'и', ң: 'н', қ: 'к' })).toEqual(['ин ', 'ка ', 'ар ']);
  });

  it('holds each candidate with a plain keyboard a second time, as typed plainly, after the candidates', () => {
    const table = trigramTable('Cyrillic', ['kaz', 'rus'], [{ қ: 'к', ғ: 'г', і: 'и', ң: 'н' }, undefined]);
    expect(table.candidates).toEqual(['kaz', 'rus', 'kaz~plain']);
    expect([...table.plainModel]).toEqual([2, -1]);
    const out = new Float64Array(3);
    trigramDistances(table, ['казир', 'биздин', 'кыздарымыз', 'мектепке', 'барады'], out);
    // Kazakh typed without its letters is nearer its plain model than its own.
    expect(out[2]).toBeLessThan(out[0]!);
  });
});
