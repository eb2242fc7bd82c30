import { francAll } from 'franc';
import { describe, expect, it } from 'vitest';
import { francSimilarity, trigramDistances, trigramTable } from './trigram.js';

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
