// The Russian dictionary look-up: readings, lemmas and grammemes as OpenCorpora's dictionary has
// them, in az's order of likelihood; the tags az builds with its internal grammeme names are
// whole although the second, Russian-named copy of each tag is no longer built (issue 17).
import { describe, expect, it } from 'vitest';
import { russianParses } from './lemma-ru.js';

describe('russianParses', () => {
  it('gives every dictionary reading of a form with its lemma, word class and grammemes', () => {
    const parses = russianParses('стали');
    expect(parses[0]).toEqual({ lemma: 'стать', pos: 'VERB', grammemes: ['VERB', 'perf', 'intr', 'plur', 'past', 'indc'] });
    expect(parses.slice(1).map((p) => `${p.lemma} ${p.grammemes.join(',')}`)).toEqual([
      'сталь NOUN,inan,femn,plur,nomn',
      'сталь NOUN,inan,femn,sing,gent',
      'сталь NOUN,inan,femn,sing,datv',
      'сталь NOUN,inan,femn,sing,loct',
      'сталь NOUN,inan,femn,plur,accs',
    ]);
  });

  it('reads the imperative mood and the instrumental plural', () => {
    expect(russianParses('иди')).toEqual([{ lemma: 'идти', pos: 'VERB', grammemes: ['VERB', 'impf', 'intr', 'sing', 'impr', 'excl'] }]);
    expect(russianParses('книгами')).toEqual([{ lemma: 'книга', pos: 'NOUN', grammemes: ['NOUN', 'inan', 'femn', 'plur', 'ablt'] }]);
  });

  it('gives no reading for a word the dictionary lacks (no guess from its ending)', () => {
    expect(russianParses('даават')).toEqual([]);
  });
});
