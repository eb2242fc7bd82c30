// Russian sense and counter-indicators, round 12 (issue 14, blind method): the wrong senses of the
// group, evaluation and religious entries and of the context markers that text written blind, before
// reading the lexicons, showed — an oath of service with no Islamic word beside it (присяга), a
// nationality adjective before a dream, a wonder or goods (американская мечта, китайская техника;
// a nation's customs stay), «мы» of a class at its lesson, «с нас» of a fare, a club or a stairwell of ours, the
// enemies of a shooter; «кто против» and «против нас», which condemn nothing; «пост» of a social
// network, a guard or an office, no fast. Each condition is data in sop/lexicons/ru; each table holds
// a control that must stay. Sentences are fictional, written for these tests.
import { describe, expect, it } from 'vitest';
import { counterCondition, countersOf, senseCondition, type CounterCase, type SenseCase } from '../../tests/support/indicator-candidates.js';

const condition = (name: string, cases: readonly SenseCase[]): void => senseCondition('ru', name, cases);

condition('an oath with no Islamic word beside it is no bay\'ah', [
  ['religious-terminology', 'После присяги курсантов отпустили в увольнение.', []],
  ['religious-terminology', 'В день присяги на плацу играл оркестр.', []],
  ['religious-terminology', 'Клятва и присяга — не одно и то же, объяснял преподаватель.', []],
  ['religious-terminology', 'Боевики джамаата принесли присягу своему амиру.', ['присягу']],
  ['religious-terminology', 'Он тайно дал присягу халифу.', ['присягу', 'халифу']],
]);

condition('a nationality adjective before a dream, a wonder or goods; a nation\'s customs stay', [
  ['group-designation', 'Американская мечта манит многих выпускников.', []],
  ['group-designation', 'Китайское чудо в экономике описано в учебнике.', []],
  ['group-designation', 'Китайская техника ломается реже, чем думают.', []],
  ['group-designation', 'Узбекские традиции гостеприимства известны всем.', ['Узбекские']],
  ['group-designation', 'Казахские гости приехали на свадьбу.', ['Казахские']],
]);

condition('«мы» of a class at its lesson, «с нас» of a fare, a club or a stairwell of ours', [
  ['us-them', 'Вчера мы изучали восстание и войну.', []],
  ['us-them', 'Мы читали рассказ о блокаде и бомбёжках.', []],
  ['us-them', 'Водитель взял с нас по двести сомов, не садитесь к нему.', []],
  ['us-them', 'С нас взяли штраф за парковку, не ставьте машину там.', []],
  ['us-them', 'Вступайте в наш кружок, приходите в субботу.', []],
  ['us-them', 'Убирайте мусор у нашего подъезда!', []],
  ['us-them', 'Мы сожжём их дома.', ['Мы', 'их']],
]);

condition('the enemies of a shooter', [
  ['negative-evaluation', 'Геймплей скучный, враги появляются из ниоткуда.', []],
  ['negative-evaluation', 'Враги в шутере глупые, зато графика хорошая.', []],
  ['negative-evaluation', 'Враги сожгли наши сёла.', ['Враги']],
]);

condition('livestock stolen or driven off', [
  ['negative-evaluation', 'Ночью из загона угнали скот у трёх семей.', []],
  ['negative-evaluation', 'Его судили за кражу скота у соседей.', []],
  ['negative-evaluation', 'Эти скоты украли у старика пенсию.', ['скоты']],
]);

describe('«кто против» and «против нас» condemn nothing', () => {
  const cases: readonly CounterCase[] = [
    ['Кто с нами — тот брат, кто против — тот враг и ответит кровью.', 'кровью'],
    ['Кто не с нами, тот против нас, и их надо гнать.', 'надо'],
  ];
  it.each(cases)('«%s»: «%s» is not condemned', async (text, word) => {
    expect(await countersOf(text, word, 'ru')).not.toContain('condemned');
  });
  it('control: «Мы против войны и насилия» condemns', async () => {
    expect(await countersOf('Мы против войны и насилия.', 'насилия', 'ru')).toContain('condemned');
  });
});

counterCondition(
  'ru',
  '«пост» of a social network, a guard or an office is no fast',
  'prayer',
  [['Держите пост и совершайте намаз.', 'совершайте']],
  ['Модератор, удалите пост и забаньте автора.', 'удалите'],
);

counterCondition(
  'ru',
  'the author of a post prays for nothing',
  'prayer',
  [['Держите пост и молитесь, призывал имам.', 'призывал']],
  ['Суд установил, что автор поста призывал к поджогам.', 'призывал'],
);
