// What an us/them pronoun refers to (issue 14, round 5; `anaphoric` and the file's exclusions in
// sop/lexicons/ru/us-them.yaml, src/analysis/pronoun-reference.ts): a pronoun that refers to
// things is no group, nor is a possessive of a time, a workplace, wares or records.
// Sentences are fictional, written for these tests.
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

/** The us/them pronouns that stand as candidates in one sentence. */
function standing(text: string, language: LanguageCode = 'ru'): string[] {
  const doc = new DocumentBuilder({ sha256: 'b'.repeat(64), name: 'case.txt' }, 'text').add({ id: 'p0', text, part: 'body', anchor: { paragraph: 0 } }).build();
  return runIndicators([doc], { lexicons, languages: [language] }).findings.filter((f) => f.category === 'us-them').map((f) => f.actual);
}

describe('us/them pronouns that refer to things', () => {
  it('a 3rd-person pronoun after plural things and no people in its sentence is no group', () => {
    expect(standing('Ваши документы готовы, заберите их.')).toEqual([]);
    expect(standing('Коробки стоят в коридоре, отнесите их на склад.')).toEqual([]);
  });

  it('a pronoun glossed in brackets by a thing is that thing', () => {
    expect(standing('Они (накладные) уже подписаны, отправьте их в бухгалтерию.')).toEqual([]);
  });

  it('people, a name or another «они» before it leave the pronoun a possible group', () => {
    expect(standing('Бейте их, пока они спят!')).toEqual(['их', 'они']);
    expect(standing('Соседи и их гости шумят, гоните их!')).toEqual(['их', 'их']);
  });

  it('a group named by a thing across a sentence break stays a group', () => {
    expect(standing('Серые плащи пришли. Гоните их!')).toEqual(['их']);
  });
});

describe('possessive pronouns of times, workplaces, wares and records (lexicon exclusions)', () => {
  it('are never candidates', () => {
    expect(standing('В наши дни войны ведут дронами.')).toEqual([]);
    expect(standing('Покупайте наши товары, уничтожайте скуку!')).toEqual([]);
    expect(standing('В их карточках нужно будет проставить галку.')).toEqual([]);
  });

  it('a possessive of anything else beside a call or violence stays the group whose things are named', () => {
    expect(standing('Надо сжечь их склады.')).toEqual(['их']);
    expect(standing('Пусть горят их дома, как горели наши.')).toEqual(['их', 'наши']);
  });
});
