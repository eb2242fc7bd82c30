import { describe, expect, it } from 'vitest';
import { forCaseLanguage, secondReadingPacks } from './ocr.js';

// Which Tesseract packs read a picture (issue 16): the case language leads the first reading, and
// the first reading's text — its language, else its script — chooses the packs of the reading kept.
const INSTALLED = ['kir', 'rus', 'kaz', 'uzb', 'uzb_cyrl', 'tgk', 'ara', 'eng'];
const ENGINE = { version: '5.3.0', languages: INSTALLED, dataSha256: {} };

describe('forCaseLanguage', () => {
  it("puts the case language's pack first and keeps the others in their fixed order", () => {
    expect(forCaseLanguage(ENGINE, 'ru')?.languages).toEqual(['rus', 'kir', 'kaz', 'uzb', 'uzb_cyrl', 'tgk', 'ara', 'eng']);
    expect(forCaseLanguage(ENGINE, 'en')?.languages).toEqual(['eng', 'kir', 'rus', 'kaz', 'uzb', 'uzb_cyrl', 'tgk', 'ara']);
    expect(forCaseLanguage(ENGINE, 'ky')?.languages).toEqual(INSTALLED);
  });

  it('leaves the engine as it is when the case language has no pack installed, or there is no engine', () => {
    const partial = { ...ENGINE, languages: ['rus', 'eng'] };
    expect(forCaseLanguage(partial, 'ky')).toBe(partial);
    expect(forCaseLanguage(undefined, 'ru')).toBeUndefined();
  });
});

describe('secondReadingPacks', () => {
  it("reads again with the identified language's pack alone", () => {
    const text = 'Это вымышленный текст для проверки распознавания. Он написан на русском языке, и в нём достаточно слов, чтобы язык был определён уверенно.';
    expect(secondReadingPacks(text, ['rus', ...INSTALLED.filter((pack) => pack !== 'rus')])).toEqual({ packs: ['rus'], why: 'ru identified' });
  });

  it('reads again with the packs of the detected script, in their order, when no language is clear', () => {
    const pick = secondReadingPacks('Ок', ['rus', 'kir', 'kaz', 'uzb', 'uzb_cyrl', 'tgk', 'ara', 'eng']);
    expect(pick.packs).toEqual(['rus', 'kir', 'kaz', 'uzb_cyrl', 'tgk']);
    expect(pick.why).toBe('Cyrillic script detected (identified: und, too-short)');
  });

  it('never picks one language for a text of a few words, which identifies as any language of its script: the script decides', () => {
    for (const meme of ['Мир', 'Салам баарына', 'Добро пожаловать домой']) {
      const pick = secondReadingPacks(meme, INSTALLED);
      expect(pick.packs).toEqual(['kir', 'rus', 'kaz', 'uzb_cyrl', 'tgk']);
      expect(pick.why).toMatch(/^Cyrillic script detected/);
    }
  });

  it('keeps the first reading when the scripts are mixed or only one pack is installed', () => {
    const mixed = 'The fictional letter says hello. Это вымышленное письмо, оно здоровается. هذه رسالة خيالية';
    expect(secondReadingPacks(mixed, INSTALLED).packs).toBeUndefined();
    expect(secondReadingPacks('Ок', ['rus']).packs).toBeUndefined();
  });
});
