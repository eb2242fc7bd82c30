// Sense conditions of tuning round 5 (issue 14) that are no lexicon exclusion with its own
// example: Kyrgyz call forms matched by ending that are names or Russian loans (pattern fields
// notNames and notRussianNouns) and a Russian reflexive -итесь after «вы». Each with the wrong sense
// it removes and the call it keeps. Sentences are fictional, written for these tests, modelled on
// langid/ky.txt news and the Russian chats in ../shared/corpora-real.
import { beforeAll, describe, expect, it } from 'vitest';
import { DocumentBuilder } from '../core/document-builder.js';
import type { LanguageCode } from '../language/index.js';
import type { Lexicon } from './lexicon-check.js';
import { loadLexicons } from './lexicon-files.js';
import { runIndicators } from './indicators.js';

const ROOT = new URL('../../', import.meta.url).pathname;
let lexicons: Lexicon[] = [];
beforeAll(async () => {
  lexicons = (await loadLexicons(ROOT)).lexicons;
});

/** The call-to-action candidates of one sentence read as `language`. */
function calls(text: string, language: LanguageCode = 'ky'): string[] {
  const doc = new DocumentBuilder({ sha256: 'c'.repeat(64), name: 'case.txt' }, 'text').add({ id: 'p0', text, part: 'body', anchor: { paragraph: 0 } }).build();
  return runIndicators([doc], { lexicons, languages: [language], standaloneFeatures: true })
    .findings.filter((f) => f.category === 'call-to-action')
    .map((f) => f.actual);
}

describe('Kyrgyz call forms written as names', () => {
  it('a capital inside a sentence is a name, not the 3rd-person imperative', () => {
    expect(calls('Биз Гүлсүн эже менен базарга бардык.')).toEqual([]);
    expect(calls('Кара-Балтада "Зилан Эверсун Текстиль" фабрикасы ачылды.')).toEqual([]);
  });

  it('a hyphenated compound of capitalised parts is a place or a title', () => {
    expect(calls('"Ак-Кула" жаңы ат майданы ачылды.')).toEqual([]);
  });

  it('a capital after an opening quotation mark before a lower-case word is a quoted call; at a sentence start a call', () => {
    expect(calls('Баракчада "Куралдангыла!" деген сөз жазылган.')).toEqual(['Куралдангыла']);
    expect(calls('Келгиле, баралы!')).toEqual(['Келгиле', 'баралы']);
  });
});

describe('Kyrgyz call forms that are Russian loans or possessed nouns', () => {
  it('a word the Russian dictionary reads only as a noun is no hortative or imperative', () => {
    expect(calls('Телеграм каналы аркылуу кабар берилди, финалы эртең.')).toEqual([]);
    expect(calls('Эртең эртелеп жолго чыгалы.')).toEqual(['чыгалы']);
  });

  it('a word in -(с)ЫН before a vowel-stem verb in -ДЫ or -П is its object', () => {
    expect(calls('Мэрия жаңы тизмесин жарыялады.')).toEqual([]);
    expect(calls('Дыйкан талаасын айдап бүттү.')).toEqual([]);
    expect(calls('Жаңы жетекчи өзү келсин.')).toEqual(['келсин']);
  });
});

describe('reflexive -итесь after «вы»', () => {
  it('is the indicative, as -ите is', () => {
    expect(calls('Как вы относитесь к переносу собрания?', 'ru')).toEqual([]);
    expect(calls('Спасибо за фото, которыми вы делитесь.', 'ru')).toEqual([]);
  });

  it('without «вы» it stays a reflexive imperative', () => {
    expect(calls('Не торопитесь, садитесь поудобнее.', 'ru')).toEqual(['торопитесь', 'садитесь']);
  });
});
