import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateLangid, worstAccuracy, type LabelledSentence } from '../src/language/bench.js';
import { detectScript, identifyLanguage, type LanguageCode } from '../src/language/index.js';
import { REAL_CORPORA } from './support/adapter-invariants.js';

const FILES: Record<LanguageCode, string> = { ky: 'ky', ru: 'ru', 'uz-Cyrl': 'uz_cyrl', 'uz-Latn': 'uz_latn', kk: 'kk', tg: 'tg', ar: 'ar', en: 'en' };

function corpus(): LabelledSentence[] {
  return (Object.entries(FILES) as Array<[LanguageCode, string]>).flatMap(([language, name]) =>
    readFileSync(join(REAL_CORPORA, 'langid', `${name}.txt`), 'utf8').split('\n').filter((s) => s.trim()).map((text) => ({ language, text })));
}

describe('identifyLanguage on ../shared/corpora-real/langid', () => {
  const report = evaluateLangid(corpus());

  it('is right on ≥ 97% of 40+ character sentences for every language', () => {
    expect(worstAccuracy(report, '40+')).toBeGreaterThanOrEqual(0.97);
  });

  it('is right on ≥ 84% of 15–40 character sentences for every language (target 90%: uz-Cyrl vs tg is the weak pair)', () => {
    expect(worstAccuracy(report, '15-40')).toBeGreaterThanOrEqual(0.84);
    const others = (Object.keys(FILES) as LanguageCode[]).filter((c) => c !== 'uz-Cyrl');
    for (const code of others) {
      const r = report[code]['15-40'];
      if (r.total > 0) expect(r.correct / r.total, code).toBeGreaterThanOrEqual(0.9);
    }
  });
});

describe('identifyLanguage', () => {
  it('uses distinctive letters on short text', () => {
    expect(identifyLanguage('Бишкектин көчөсү оңдоодон өттү').language).toBe('ky');
    expect(identifyLanguage('Бұл театрларды құруда').language).toBe('kk');
    expect(identifyLanguage('Ўзбекистон ҳукумати қарор қилди').language).toBe('uz-Cyrl');
    expect(identifyLanguage('Ҷумҳурии Тоҷикистон').language).toBe('tg');
  });

  it('tells the two Uzbek scripts apart', () => {
    expect(identifyLanguage('Oʻzbekiston hukumati qaror qildi').language).toBe('uz-Latn');
    expect(identifyLanguage('The government of Uzbekistan decided').language).toBe('en');
  });

  it('says why it cannot decide', () => {
    expect(identifyLanguage('12:45 !!! 🙂')).toMatchObject({ language: 'und', reason: 'no-letters', script: 'none' });
    expect(identifyLanguage('ok')).toMatchObject({ language: 'und', reason: 'too-short' });
    expect(identifyLanguage('这是中文句子')).toMatchObject({ language: 'und', reason: 'unsupported-script' });
  });

  it('gives the share of each language in a mixed text', () => {
    const text = 'Мы прочитали аят вместе. قُلْ هُوَ اللَّهُ أَحَدٌ اللَّهُ الصَّمَدُ لَمْ يَلِدْ وَلَمْ يُولَدْ';
    const guess = identifyLanguage(text);
    expect(guess.script).toBe('mixed');
    expect(Object.keys(guess.shares).sort()).toEqual(['ar', 'ru']);
    const sum = Object.values(guess.shares).reduce((a, b) => a + b, 0);
    expect(sum).toBeLessThanOrEqual(1 + 1e-9);
    expect(sum).toBeGreaterThan(0.9);
    const ru = 'Сегодня мы долго разговаривали с соседями о школе и детях.';
    const ky = 'Бүгүн биз коңшулар менен мектеп жана балдар жөнүндө көпкө сүйлөштүк.';
    const both = identifyLanguage(`${ru} ${ky}`);
    expect(both.shares.ru).toBeGreaterThan(0.3);
    expect(both.shares.ky).toBeGreaterThan(0.3);
  });

  it('is not thrown off by a Latin look-alike inside Cyrillic words', () => {
    expect(identifyLanguage('Кыргызстанда жыл башынан тарта азык-түлүктүн баасы кымбаттады').language).toBe('ky');
    expect(identifyLanguage('Кыргызcтанда жыл башынан тарта азык-түлүктүн баасы кымбаттады').language).toBe('ky'); // Latin c
  });
});

describe('detectScript', () => {
  it('classifies by the letters of the three scripts', () => {
    expect(detectScript('салам')).toBe('Cyrillic');
    expect(detectScript('oʻzbek')).toBe('Latin');
    expect(detectScript('بسم الله')).toBe('Arabic');
    expect(detectScript('салам hello world')).toBe('mixed');
    expect(detectScript('123 !?')).toBe('none');
  });
});
