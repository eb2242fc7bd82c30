import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stemmer as snowballRussian } from '@orama/stemmers/russian';
import { describe, expect, it } from 'vitest';
import { normaliseForMatching, stem, tokenize, type LanguageCode } from '../src/language/index.js';
import { REAL_CORPORA } from './support/adapter-invariants.js';

const FILE: Partial<Record<LanguageCode, string>> = { ky: 'ky', kk: 'kk', 'uz-Cyrl': 'uz_cyrl', 'uz-Latn': 'uz_latn' };

function corpusWords(language: LanguageCode): Set<string> {
  const text = readFileSync(join(REAL_CORPORA, 'langid', `${FILE[language]}.txt`), 'utf8');
  return new Set(tokenize(text).filter((t) => t.kind === 'word').map((t) => normaliseForMatching(t.text, language).normalised));
}

// Words taken from sentences in ../shared/corpora-real/langid, with their expected stems.
const CASES: Record<string, Array<[string, string]>> = {
  ky: [
    ['мектепке', 'мектеп'], // dative after voiceless
    ['айдоочуларды', 'айдоочу'], // plural + accusative
    ['көчөсү', 'көчө'], // 3rd-person possessive after a vowel
    ['оңдоодон', 'оңдоо'], // ablative with rounded harmony
    ['кыргызстанда', 'кыргызстан'], // locative (not the н-form after a possessive)
    ['тапшырылды', 'тапшырыл'], // past tense
    ['берилди', 'берил'],
    ['жашта', 'жаш'],
  ],
  kk: [
    ['қаланың', 'қала'],
    ['театрларды', 'театр'],
    ['арабтардың', 'араб'],
    ['ғасырдың', 'ғасыр'],
    ['құрамына', 'құрам'],
    ['қыздарының', 'қыз'],
    ['қосылды', 'қосыл'],
  ],
  'uz-Cyrl': [
    ['мамлакатлар', 'мамлакат'],
    ['вилоятлардан', 'вилоят'],
    ['талабалар', 'талаба'],
    ['иқтисодиётининг', 'иқтисодиёт'],
  ],
  'uz-Latn': [
    ['xabariga', 'xabar'],
    ['qoʻmitasi', 'qoʻmita'],
    ['maʼlumotlariga', 'maʼlumot'],
    ['narxlari', 'narx'],
  ],
};

describe('Turkic suffix rules on words from real sentences', () => {
  for (const [language, cases] of Object.entries(CASES) as Array<[LanguageCode, Array<[string, string]>]>) {
    it(`${language}: strips plural, possessive, case and verb endings with harmony`, () => {
      const words = corpusWords(language);
      for (const [word, expected] of cases) {
        expect(words.has(word), `${word} occurs in ${FILE[language]}.txt`).toBe(true);
        expect(stem(word, language), word).toBe(expected);
      }
    });
  }

  it('respects vowel harmony: a back-vowel suffix is not stripped after a front-vowel stem', () => {
    expect(stem('китептерде', 'ky')).toBe('китеп');
    expect(stem('китептарда', 'ky')).toBe('китептар'); // plural form does not fit harmony: left as is
  });

  it('does not strip below the minimum stem length', () => {
    expect(stem('ата', 'ky')).toBe('ата');
    expect(stem('бала', 'kk')).toBe('бала');
  });
});

describe('Russian stemming: Snowball with a minimum stem length', () => {
  // Pairs with different meanings that must not share a stem, and forms that must.
  const distinct: Array<[string, string]> = [['убить', 'убой'], ['убить', 'уба'], ['убор', 'убыток'], ['мать', 'матч'], ['вера', 'верх'], ['бить', 'битва'], ['рай', 'ра']];
  const same: Array<[string, string]> = [['ислам', 'ислама'], ['убийство', 'убийства'], ['террористы', 'террористов'], ['джихада', 'джихадом'], ['взрывы', 'взрыв'], ['книги', 'книгой'], ['вербовка', 'вербовки']];

  const conflations = (fn: (w: string) => string) => distinct.filter(([a, b]) => fn(a) === fn(b)).length;
  const merges = (fn: (w: string) => string) => same.filter(([a, b]) => fn(a) === fn(b)).length;

  it('over-stems less than plain Snowball and still merges inflected forms', () => {
    const ru = (w: string) => stem(w, 'ru');
    expect(conflations(ru)).toBeLessThan(conflations(snowballRussian));
    expect(conflations(ru)).toBe(0);
    expect(merges(ru)).toBe(same.length);
    expect(merges(snowballRussian)).toBeLessThan(same.length); // ислам → исл but ислама → ислам
    expect(stem('убить', 'ru')).toBe('убить');
  });
});

describe('other languages', () => {
  it('English uses Snowball, Arabic drops the article, Tajik keeps the word', () => {
    expect(stem('bombings', 'en')).toBe('bomb');
    expect(stem(normaliseForMatching('الْجِهَادُ', 'ar').normalised, 'ar')).toBe('جهاد');
    expect(stem('ҷиҳод', 'tg')).toBe('ҷиҳод');
  });
});
