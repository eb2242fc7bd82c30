import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateLangid, worstAccuracy, type LabelledSentence } from '../src/language/bench.js';
import { detectScript, identifyLanguage, type LanguageCode } from '../src/language/index.js';
import { explainIdentification } from '../src/language/identify.js';
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

  it('is right on ≥ 90% of 15–40 character sentences for every language', () => {
    for (const code of Object.keys(FILES) as LanguageCode[]) {
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

  it('reads word order: a Tajik izofa does not end a sentence, an Uzbek possessive does', () => {
    // Constructed phrases without ў / ӣ ӯ ҷ: only the position of the -и word tells them apart.
    expect(identifyLanguage('Германия ҳукумати').language).toBe('uz-Cyrl');
    expect(identifyLanguage('Ҳукумати Германия').language).toBe('tg');
  });

  it('skips @mentions and URLs, which are names rather than language', () => {
    expect(identifyLanguage('@someone привет как дела').language).toBe('ru');
    expect(identifyLanguage('@screened-32 🤣')).toMatchObject({ language: 'und', reason: 'no-letters' });
    expect(identifyLanguage('Visit https://example.com/путь today').shares).toEqual({ en: 1 });
  });

  it('explains a decision as score parts that add up', () => {
    const [block] = explainIdentification('Ўзбекистон ҳукумати қарор қилди');
    expect(block).toMatchObject({ start: 0, script: 'cyrillic' });
    const best = [...block!.parts].sort((a, b) => b.total - a.total)[0]!;
    expect(best.code).toBe('uz-Cyrl');
    for (const p of block!.parts) expect(p.franc + p.words + p.letters + p.signature).toBeCloseTo(p.total, 9);
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
