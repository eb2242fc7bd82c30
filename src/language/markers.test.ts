import { describe, expect, it } from 'vitest';
import { languageData } from './data.js';
import { expandAlternative, splitAlternatives, WordMatcher, type MarkerSpec, type WordMatch } from './markers.js';

describe('marker pattern expansion', () => {
  it('splits only at top-level alternation', () => {
    expect(splitAlternatives('ган$|(?:га|ка)$|[а|б]')).toEqual(['ган$', '(?:га|ка)$', '[а|б]']);
  });

  it('expands literals, classes, groups and anchors', () => {
    expect(expandAlternative('(?:га|ка)$')).toEqual([{ literal: 'га', start: false, end: true }, { literal: 'ка', start: false, end: true }]);
    expect(expandAlternative('[дт]аги$')?.map((e) => e.literal)).toEqual(['даги', 'таги']);
    expect(expandAlternative('^ме')).toEqual([{ literal: 'ме', start: true, end: false }]);
    expect(expandAlternative('ь[а-в]')?.map((e) => e.literal)).toEqual(['ьа', 'ьб', 'ьв']);
  });

  it('leaves look-arounds, negated classes and quantifiers to regular expressions', () => {
    expect(expandAlternative('c(?!h)')).toBeUndefined();
    expect(expandAlternative('[^aeiou]i$')).toBeUndefined();
    expect(expandAlternative('ab+')).toBeUndefined();
    expect(expandAlternative('a.b')).toBeUndefined();
  });
});

function blank(n: number): WordMatch {
  return { scores: new Float64Array(n), finalScores: new Float64Array(n), nativeScores: new Float64Array(n), hasFinal: false };
}

describe('WordMatcher', () => {
  // Words in both scripts, with and without the shipped markers' letters and endings.
  const WORDS = [
    'ҳукумати', 'хонаи', 'китобҳо', 'онро', 'мекунад', 'менинг', 'ўзбекистон', 'ларга', 'доирасидаги', 'рақамли',
    'кыргызстандын', 'өкмөттүн', 'ақпарат', 'когда', 'учиться', 'мощь', 'илмий', 'бермаяпти', 'оо', 'а',
    'жаксы', 'келеди', 'бармаймын', 'барасызбы', 'жатат', 'мыйзам', 'болгон', 'жатырмын', 'келгиле', 'бормайман',
    'oʻzbek', 'gʻalaba', 'the', 'which', 'qishloq', 'prezidenti', 'city', 'chance', 'ning', 'xalq', 'through',
  ];

  it('gives the same marker scores as testing every pattern with its regular expression', () => {
    const data = languageData();
    for (const script of ['Cyrillic', 'Latin'] as const) {
      const langs = [...data.languages.values()].filter((l) => l.script === script);
      const markers: MarkerSpec[] = langs.flatMap((l, candidate) =>
        l.identification.markers.map((m) => ({ candidate, pattern: m.pattern, weight: m.weight, final: m.position === 'final', native: m.spelling === 'native' })));
      const matcher = new WordMatcher(langs.length, langs.map(() => ({ functionWords: [], endings: [] })), markers, 0, 0);
      for (const word of WORDS) {
        const got = blank(langs.length);
        matcher.match(word, got);
        const want = blank(langs.length);
        for (const m of markers) {
          if (!new RegExp(m.pattern, 'u').test(word)) continue;
          if (m.final) want.finalScores[m.candidate]! += m.weight;
          else if (m.native) want.nativeScores[m.candidate]! += m.weight;
          else want.scores[m.candidate]! += m.weight;
        }
        expect([...got.scores], `${script} ${word}`).toEqual([...want.scores]);
        expect([...got.finalScores], `${script} ${word} (final)`).toEqual([...want.finalScores]);
        expect([...got.nativeScores], `${script} ${word} (native spelling)`).toEqual([...want.nativeScores]);
      }
    }
  });

  it('counts a function word, and one ending per candidate only with two letters before it', () => {
    const matcher = new WordMatcher(2, [{ functionWords: ['ва'], endings: ['лар', 'ар'] }, { functionWords: ['ва', 'ва'], endings: ['ро'] }], [], 1.5, 0.5);
    const a = blank(2);
    matcher.match('ва', a);
    expect([...a.scores]).toEqual([1.5, 1.5]);
    const b = blank(2);
    matcher.match('китоблар', b);
    expect([...b.scores]).toEqual([0.5, 0]);
    const c = blank(2);
    matcher.match('бар', c); // only one letter before -ар
    expect([...c.scores]).toEqual([0, 0]);
  });
});
