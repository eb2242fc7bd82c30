// Russian counters and us/them, round 19 (issue 14, blind method, eighth pass; branch ru19a):
// prayer formulas with God after the verb and Kyrgyz ones used in Russian text («Бог даст»,
// «Иншааллах», «Аллах сакласын», «Кудай сактасын»); a denial or a disagreement that governs
// its «что»-clause only («Неправда, что …», «Не верю, что …», «Я не согласен, что …»: the marker
// position `complement` and the pattern's `commaThen`); «никто из нас не …»; «их» of animals in a
// sentence that names no person (blind 18b-1 «Кроты … как их выгнать»). Every condition has a
// control: a genuine call or hostility against an invented people (гарвийцы) in the same shape.
// Sentences are fictional.
import { describe, expect, it } from 'vitest';
import { counterCondition, countersOf, senseCondition, type SenseCase } from '../../tests/support/indicator-candidates.js';

const ruCondition = (name: string, cases: readonly SenseCase[]): void => senseCondition('ru', name, cases);

counterCondition('ru', 'a wish with God after the verb or a Kyrgyz formula in Russian text is a prayer', 'prayer', [
  ['Аллах сакласын, пусть война обойдёт наш дом.', 'пусть'],
  ['Аллах сакласын, пусть война обойдёт наш дом.', 'война'],
  ['Кудай сактасын, берегите детей.', 'берегите'],
  ['Бог даст, пусть урожай будет хороший.', 'пусть'],
  ['Иншааллах, пусть Рамазан пройдёт в мире.', 'пусть'],
], ['Бог дал нам этот город, пусть гарвийцы убираются отсюда.', 'пусть']);

describe('a formula asking God or a ritual word does not make a call to people to harm a prayer (lead, at merge: entry field addressedToPeople)', () => {
  // A 2nd plural imperative or a modal of obligation speaks to people, never to God: beside a word of
  // violence or contempt the formula is the speaker's and the harm is asked of people, not prayed against.
  it.each([
    ['Иншааллах, бейте их всех без жалости!', 'бейте'],
    ['Иншааллах, бейте их всех без жалости!', 'их'],
    ['Аллах сакласын, а этих гарвийцев надо резать.', 'надо'],
    ['Аллах сакласын, а этих гарвийцев надо резать.', 'резать'],
    ['Дай Бог здоровья, а гарвийцев гоните из города.', 'гоните'],
    ['После намаза бейте их всех.', 'бейте'],
    ['После намаза бейте их всех.', 'их'],
  ])('%s — «%s» has no prayer counter', async (text, word) => {
    expect(await countersOf(text, word, 'ru')).not.toContain('prayer');
  });
  it('keeps the prayer of a wish, of a plea to God, of a ritual instruction and of a blessing beside a harmless request', async () => {
    expect(await countersOf('Дай Бог здоровья вашим родителям, передайте им привет.', 'передайте', 'ru')).toContain('prayer');
    expect(await countersOf('Аллах сакласын, пусть война обойдёт наш дом.', 'пусть', 'ru')).toContain('prayer');
    expect(await countersOf('Господи, покарай их всех!', 'покарай', 'ru')).toContain('prayer');
    expect(await countersOf('Совершайте намаз вовремя и читайте Коран.', 'Совершайте', 'ru')).toContain('prayer');
  });
});

counterCondition('ru', 'a denial with its «что» negates its clause', 'negated', [
  ['Неправда, что гарвийцы — паразиты.', 'паразиты'],
  ['Не верю, что гарвийцы — враги.', 'враги'],
  ['Я не согласен, что гарвийцев надо выгнать.', 'надо'],
], ['Не верю, что они изменятся, бейте их.', 'бейте']);

describe('the denial reaches its «что»-clause only, and needs its «что»', () => {
  it('keeps the call of a clause of its own after the next comma', async () => {
    expect(await countersOf('Неправда, что они люди, их надо гнать из города.', 'надо', 'ru')).not.toContain('negated');
    expect(await countersOf('Неправда, что они люди, их надо гнать из города.', 'их', 'ru')).not.toContain('negated');
  });
  it('is no denial without «что»: disagreement with a person, then one’s own call', async () => {
    expect(await countersOf('Я не согласен с мэром, гарвийцев надо выгнать.', 'надо', 'ru')).not.toContain('negated');
    expect(await countersOf('Неправда это всё, гарвийцы — паразиты, гнать их.', 'паразиты', 'ru')).not.toContain('negated');
  });
});

counterCondition('ru', '«никто из нас не …» denies its own clause', 'negated', [
  ['Никто из нас не пошёл той ночью с ними бить гарвийцев.', 'бить'],
  ['Никто из соседей не ходил потом к рынку громить лавки гарвийцев.', 'громить'],
], ['Никто из нас не боится этих гарвийцев, бейте их.', 'бейте']);

ruCondition('«никто из нас не …» leaves a call after its clause with its pronoun', [
  ['us-them', 'Никто из нас не боится этих гарвийцев, бейте их.', ['нас', 'их']],
]);

ruCondition('«их» of animals in a sentence that names no person', [
  ['us-them', 'Кроты перекопали весь газон, посоветуйте, как их выгнать без отравы.', []],
  ['us-them', 'Кабаны опять разрыли поле, надо их отогнать.', []],
  ['us-them', 'Голуби загадили балкон, как их отвадить?', []],
  // Controls: a people named (a word the dictionary lacks), people, a demonstrative, a metaphor word.
  ['us-them', 'Гарвийцы плодятся как кролики, гоните их.', ['их']],
  ['us-them', 'Соседи-гарвийцы травят наших кур, проучим их.', ['наших', 'их']],
  ['us-them', 'Эти кроты опять пришли на наш рынок, гоните их.', ['наш', 'их']],
  ['us-them', 'Они как крысы, гоните их.', ['Они', 'их']],
]);

// After the unseen batch was measured (blind 19a-1 «это не ботинки, а позор», «Не приведи Господь
// нам снова пережить войну»; 15a-1 «Это позор, а не кроссовки»).
ruCondition('a thing judged by the contrast «не X, а позор» / «позор, а не X»', [
  ['negative-evaluation', 'Куртка порвалась за день, это не куртка, а позор.', []],
  ['negative-evaluation', 'Это позор, а не чайник, ручка отвалилась через неделю.', []],
  // Controls: people, a pronoun of people, an invented people, an authority, and «позор» of a thing without the contrast.
  ['negative-evaluation', 'Они не люди, а позор.', ['позор']],
  ['negative-evaluation', 'Гарвийцы не народ, а позор.', ['позор']],
  ['negative-evaluation', 'Эта власть не власть, а позор.', ['позор']],
  ['negative-evaluation', 'Они позор, а не опора страны.', ['позор']],
  ['negative-evaluation', 'Гарвийцы — позор, а не соседи, гнать их.', ['позор']],
  ['negative-evaluation', 'Судья продажный, пенальти не было, это позор футбола!', ['позор']],
]);

counterCondition('ru', 'a formula «Не приведи Господь» prays with its own verb', 'prayer', [
  ['Не приведи Господь нам снова пережить войну.', 'приведи'],
  ['Не приведи Господь нам снова пережить войну.', 'войну'],
], ['Господь нам судья, а гарвийцев гоните из города.', 'гоните']);
