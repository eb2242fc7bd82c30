// Russian sense, round 8 (issue 14): hatred of things, endings cited in a grammar lesson, the
// commandment «Не убий» (data in sop/lexicons/ru/negative-evaluation.yaml, the neighbour tests
// `grammemes` and `notLemmas` and the cited ending in matcher.ts, the archaic reading in
// language/lemma-ru.ts). One test per condition, each with a control that must stay. Sentences
// are fictional, written for these tests.
import { beforeAll, describe, expect, it } from 'vitest';
import { sentenceCandidates } from '../../tests/support/indicator-candidates.js';
import { identifyLanguage } from '../language/identify.js';
import { russianParses } from '../language/lemma-ru.js';
import type { Lexicon } from './lexicon-check.js';
import { loadLexicons } from './lexicon-files.js';

const ROOT = new URL('../../', import.meta.url).pathname;
let lexicons: Lexicon[] = [];
beforeAll(async () => {
  lexicons = (await loadLexicons(ROOT)).lexicons;
});

/** The candidates of `category` in one Russian sentence, as `category:word`. */
const of = (category: string, text: string): string[] =>
  sentenceCandidates(lexicons, text, 'ru')
    .filter((f) => f.category === category)
    .map((f) => `${f.category}:${f.actual}`);

describe('hatred of things: an inanimate noun after ненавидеть or «ненависть к»', () => {
  it('a weekday, the weather, a chore, traffic are no hostility', () => {
    expect(of('negative-evaluation', 'Мы ненавидим понедельники.')).toEqual([]);
    expect(of('negative-evaluation', 'Ненавижу эту слякоть.')).toEqual([]);
    expect(of('negative-evaluation', 'У меня давняя ненависть к пробкам.')).toEqual([]);
  });

  it('people, a pronoun, a people, a country or a faith stay', () => {
    expect(of('negative-evaluation', 'Я ненавижу этих людей.')).toEqual(['negative-evaluation:ненавижу']);
    expect(of('negative-evaluation', 'Ненавижу их.')).toEqual(['negative-evaluation:Ненавижу']);
    expect(of('negative-evaluation', 'Он ненавидит этот народ.')).toEqual(['negative-evaluation:ненавидит']);
    expect(of('negative-evaluation', 'Нас учили ненависти к чужой вере.')).toEqual(['negative-evaluation:ненависти']);
  });

  it('a name the dictionary does not know stays', () => {
    expect(of('negative-evaluation', 'Они ненавидят Зарандию.')).toEqual(['negative-evaluation:ненавидят']);
  });
});

describe('an ending cited in a grammar lesson', () => {
  it('a short lower-case word after a free-standing hyphen is no word of the sentence', () => {
    expect(of('call-to-action', 'Глаголы с окончаниями -ешь и -ишь.')).toEqual([]);
    expect(of('violence', 'В окончании (-бей, -режь) пишется мягкий знак.')).toEqual([]);
  });

  it('a hyphen inside a word, and a chat dialogue dash before a capital, stay', () => {
    expect(of('call-to-action', 'Кто-нибудь, убей комара.')).toEqual(['call-to-action:убей']);
    expect(of('violence', '-Бей его!')).toEqual(['violence:Бей']);
  });
});

describe('the Church Slavonic imperative of the commandment', () => {
  it('«убий» reads as the imperative of убить, marked archaic', () => {
    expect(russianParses('убий')).toEqual([{ lemma: 'убить', pos: 'VERB', grammemes: ['VERB', 'perf', 'tran', 'sing', 'impr', 'excl', 'Arch'] }]);
  });

  it('«Не убий» is found as violence and a call, as the modern «убей» is', () => {
    expect(of('violence', 'Не убий.')).toEqual(['violence:убий']);
    expect(of('call-to-action', 'Не убий.')).toEqual(['call-to-action:убий']);
    expect(of('violence', 'Убей его.')).toEqual(['violence:Убей']);
  });
});

describe('the in-group named by its people or as the one a call is for', () => {
  it('«наши» before a noun of people, beside an ordinary call, does not stand', () => {
    expect(of('us-them', 'Наши ребята выступают в финале, поддержите их!')).toEqual([]);
    expect(of('us-them', 'Приходите болеть за наших девочек!')).toEqual([]);
  });

  it('«нам», «нас» right after a call, with no hostility beside, do not stand', () => {
    expect(of('us-them', 'Помогите нам донести коробки.')).toEqual([]);
    expect(of('us-them', 'Сфотографируйте нас у фонтана.')).toEqual([]);
  });

  it('«они» pointing back to «наши …» people is the in-group, not another group', () => {
    expect(of('us-them', 'Навестите наших стариков, они давно вас ждут.')).toEqual([]);
  });

  it('beside violence or another group they stand; the victims of a call for revenge stay', () => {
    expect(of('us-them', 'Спасите нас, они жгут наши дома!')).toEqual(['us-them:нас', 'us-them:они', 'us-them:наши']);
    expect(of('us-them', 'Наших парней убивают, отомстите за них!')).toEqual(['us-them:Наших', 'us-them:них']);
  });
});

describe('«они … нам» beside an ordinary call', () => {
  it('an out-group subject and an in-group dative, the call in another clause, are everyday talk', () => {
    expect(of('us-them', 'Приезжайте в гости, они нам как родные.')).toEqual([]);
    expect(of('us-them', 'Они нам всегда рады, заходите.')).toEqual([]);
  });

  it('a pronoun in the call\'s own clause keeps the pair', () => {
    expect(of('us-them', 'Они нам мешают жить, гоните их!')).toEqual(['us-them:Они', 'us-them:нам', 'us-them:их']);
    expect(of('us-them', 'Они нам угрожают, вставайте против них!')).toEqual(['us-them:Они', 'us-them:нам', 'us-them:них']);
  });
});

describe('a short Russian sentence with a possessive pronoun', () => {
  it('is identified as Russian: the inflected possessives are Russian function words', () => {
    expect(identifyLanguage('Они жгут наши дома.').language).toBe('ru');
    expect(identifyLanguage('Они сожгли ваши дома.').language).toBe('ru');
  });

  it('a Tajik sentence of the same meaning stays Tajik', () => {
    expect(identifyLanguage('Онҳо хонаҳои моро сӯзонданд.').language).toBe('tg');
  });
});

describe('violence and death in screen fiction', () => {
  it('a sentence about an anime, a series, a cartoon, a trailer or a spoiler is no violence', () => {
    expect(of('violence', 'В финале аниме главного героя убивают.')).toEqual([]);
    expect(of('violence', 'Смерть героя в финале сериала всех расстроила.')).toEqual([]);
    expect(of('negative-evaluation', 'В этом мультике рыцари истребляют нечисть.')).toEqual([]);
  });

  it('a film night beside a real killing, and a charge counted by episodes, stay', () => {
    expect(of('violence', 'Вчера соседа убили у подъезда, а мы смотрели кино.')).toEqual(['violence:убили']);
    expect(of('violence', 'Ему вменяют три эпизода убийства.')).toEqual(['violence:убийства']);
  });
});
