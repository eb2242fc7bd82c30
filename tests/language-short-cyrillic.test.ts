import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateLangid, worstAccuracy, type LabelledSentence } from '../src/language/bench.js';
import { identifyLanguage } from '../src/language/index.js';
import { withIdentificationWeights } from '../src/language/identify.js';
import type { LanguageCode } from '../src/language/types.js';

// Short Cyrillic sentences written for soz (corpora/eval/langid/README.md): the band where Uzbek
// Cyrillic used to be confused with Tajik, Kyrgyz and Russian.
const FILES: Partial<Record<LanguageCode, string>> = { 'uz-Cyrl': 'uz_cyrl', ky: 'ky', kk: 'kk', tg: 'tg', ru: 'ru' };

function half(parity: 0 | 1): LabelledSentence[] {
  return Object.entries(FILES).flatMap(([language, name]) =>
    readFileSync(new URL(`../corpora/eval/langid/${name}.txt`, import.meta.url), 'utf8')
      .split('\n')
      .map((text, index) => ({ language: language as LanguageCode, text, index }))
      .filter((s) => s.text.trim() !== '' && s.index % 2 === parity),
  );
}

describe('short Cyrillic sentences (15–39 characters)', () => {
  it('every language is identified at 90 % or better on both halves', () => {
    for (const parity of [0, 1] as const) {
      const sentences = half(parity);
      expect(sentences.every((s) => s.text.length >= 15 && s.text.length < 40)).toBe(true);
      expect(worstAccuracy(evaluateLangid(sentences), '15-40')).toBeGreaterThanOrEqual(0.9);
    }
  });

  it('reads Uzbek morphology that Tajik, Kyrgyz and Russian lack', () => {
    expect(identifyLanguage('Президент фармон имзолади.').language).toBe('uz-Cyrl'); // -ла-ди
    expect(identifyLanguage('Кутубхона бугун ёпиқ.').language).toBe('uz-Cyrl'); // бугун
    expect(identifyLanguage('Имрӯз ҳаво хеле гарм аст.').language).toBe('tg');
  });
});

describe('very short chat lines (round 10: franc weighs in proportion below francFullLetters letters)', () => {
  it('a short Russian question or statement of Russian words is Russian, not Tajik', () => {
    expect(identifyLanguage('Мама дома?').language).toBe('ru');
    expect(identifyLanguage('Ваши дома горят').language).toBe('ru');
    expect(identifyLanguage('Где ты?').language).toBe('ru');
  });
  it('a Tajik call in -ед is Tajik, an Uzbek question in -ми Uzbek', () => {
    expect(identifyLanguage('Биёед!').language).toBe('tg');
    expect(identifyLanguage('Болангиз соғайдими?').language).toBe('uz-Cyrl');
  });
  it('with trigrams at full weight on ten letters, the chance trigrams won (the defect this fixes)', () => {
    expect(withIdentificationWeights({ francFullLetters: 0 }, () => identifyLanguage('Мама дома?').language)).toBe('tg');
    expect(withIdentificationWeights({ francFullLetters: 0 }, () => identifyLanguage('Биёед!').language)).toBe('uz-Cyrl');
  });
});
