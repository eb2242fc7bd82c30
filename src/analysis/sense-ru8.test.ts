// Russian sense, round 8 (issue 14): hatred of things, endings cited in a grammar lesson, the
// commandment «Не убий», the in-group's own people, «они … нам» beside an ordinary call, screen
// fiction, and a short Russian sentence's language (data in sop/lexicons/ru and
// sop/language/ru.yaml; the neighbour tests `grammemes` and `notLemmas` and the cited ending in
// matcher.ts, own people and the everyday pair in indicators.ts and pronoun-reference.ts, the
// archaic reading in language/lemma-ru.ts). Each condition is a table of sentences with the
// candidates they must give, controls that must stay among them. Sentences are fictional,
// written for these tests.
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

/** One case: the category read, a Russian sentence, and its candidates of that category as words. */
type Case = readonly [category: string, text: string, words: readonly string[]];

/** Runs every case of a condition as its own test. */
function condition(name: string, cases: readonly Case[]): void {
  describe(name, () => {
    it.each(cases)('%s in «%s»', (category, text, words) => {
      const found = sentenceCandidates(lexicons, text, 'ru').filter((f) => f.category === category).map((f) => f.actual);
      expect(found).toEqual(words);
    });
  });
}

condition('hatred of things: an inanimate noun after ненавидеть or «ненависть к»', [
  ['negative-evaluation', 'Мы ненавидим понедельники.', []],
  ['negative-evaluation', 'Ненавижу эту слякоть.', []],
  ['negative-evaluation', 'У меня давняя ненависть к пробкам.', []],
  ['negative-evaluation', 'Я ненавижу этих людей.', ['ненавижу']],
  ['negative-evaluation', 'Ненавижу их.', ['Ненавижу']],
  ['negative-evaluation', 'Он ненавидит этот народ.', ['ненавидит']],
  ['negative-evaluation', 'Нас учили ненависти к чужой вере.', ['ненависти']],
  ['negative-evaluation', 'Они ненавидят Зарандию.', ['ненавидят']],
]);

condition('an ending cited in a grammar lesson, after a free-standing hyphen', [
  ['call-to-action', 'Глаголы с окончаниями -ешь и -ишь.', []],
  ['violence', 'В окончании (-бей, -режь) пишется мягкий знак.', []],
  ['call-to-action', 'Кто-нибудь, убей комара.', ['убей']],
  ['violence', '-Бей его!', ['Бей']],
]);

condition('the commandment «Не убий»', [
  ['violence', 'Не убий.', ['убий']],
  ['call-to-action', 'Не убий.', ['убий']],
  ['violence', 'Убей его.', ['Убей']],
]);

condition('the in-group named by its people or as the one a call is for', [
  ['us-them', 'Наши ребята выступают в финале, поддержите их!', []],
  ['us-them', 'Приходите болеть за наших девочек!', []],
  ['us-them', 'Помогите нам донести коробки.', []],
  ['us-them', 'Сфотографируйте нас у фонтана.', []],
  ['us-them', 'Навестите наших стариков, они давно вас ждут.', []],
  ['us-them', 'Спасите нас, они жгут наши дома!', ['нас', 'они', 'наши']],
  ['us-them', 'Наших парней убивают, отомстите за них!', ['Наших', 'них']],
]);

condition('«они … нам» beside an ordinary call', [
  ['us-them', 'Приезжайте в гости, они нам как родные.', []],
  ['us-them', 'Они нам всегда рады, заходите.', []],
  ['us-them', 'Они нам мешают жить, гоните их!', ['Они', 'нам', 'их']],
  ['us-them', 'Они нам угрожают, вставайте против них!', ['Они', 'нам', 'них']],
]);

condition('violence and death in screen fiction', [
  ['violence', 'В финале аниме главного героя убивают.', []],
  ['violence', 'Смерть героя в финале сериала всех расстроила.', []],
  ['negative-evaluation', 'В этом мультике рыцари истребляют нечисть.', []],
  ['violence', 'Вчера соседа убили у подъезда, а мы смотрели кино.', ['убили']],
  ['violence', 'Ему вменяют три эпизода убийства.', ['убийства']],
]);

describe('the archaic imperative the dictionary lacks', () => {
  it('«убий» reads as the imperative of убить, marked archaic', () => {
    expect(russianParses('убий')).toEqual([{ lemma: 'убить', pos: 'VERB', grammemes: ['VERB', 'perf', 'tran', 'sing', 'impr', 'excl', 'Arch'] }]);
  });
});

describe('a short Russian sentence with a possessive pronoun', () => {
  it.each([
    ['Они жгут наши дома.', 'ru'],
    ['Они сожгли ваши дома.', 'ru'],
    ['Онҳо хонаҳои моро сӯзонданд.', 'tg'],
  ])('«%s» is identified as %s', (text, language) => {
    expect(identifyLanguage(text).language).toBe(language);
  });
});
