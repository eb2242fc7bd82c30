// Russian calls to action and violence, round 19 (issue 14, branch ru19b): «атаковать» (a new
// entry, with sport, games, illness, pests, work and marketing kept out), threats without a word of
// violence («доберёмся до каждого»), the infinitive order of driving out with the people named first
// («Кеврийцев гнать …»), the slogan «X — вон!» (a sequence read across a spaced dash), figurative
// war on pests and the garden, and three sayings. Each condition is data in
// sop/lexicons/ru/{violence,call-to-action}.yaml; each table holds a control — a genuine call or threat
// against an invented people in the same shape — that must stay a candidate. Sentences are
// fictional, written for these tests.
import { describe, expect, it } from 'vitest';
import { senseCondition, sentenceCandidates, type SenseCase } from '../../tests/support/indicator-candidates.js';
import { checkLexiconText } from './lexicon-check.js';

const condition = (name: string, cases: readonly SenseCase[]): void => senseCondition('ru', name, cases);

describe('Russian violence, round 19', () => {
  condition('«атаковать»: people, their houses and places are attacked; sport, games, illness and work are not', [
    ['violence', 'Атакуйте их кварталы ночью, пока все спят.', ['Атакуйте']],
    ['violence', 'Боевики атаковали село на рассвете.', ['атаковали']],
    ['violence', 'Атаковать кеврийцев надо сразу, у их домов.', ['Атаковать']],
    ['violence', 'Атакуем их базу и их позиции с фланга!', ['Атакуем']],
    ['violence', 'Атакуйте ворота, не отдавайте мяч, — кричал тренер.', []],
    ['violence', 'Ферзь атакует ладью, и чёрным уже нечем защищаться в шахматах.', []],
    ['violence', 'Вирус атакует клетки печени, а тля опять атакует розы.', []],
    ['violence', 'Хакеры атаковали сервер больницы ночью.', []],
    ['violence', 'Атакуйте клиента предложением в первые три секунды.', []],
    ['violence', 'Атакующий полузащитник прорывается по флангу.', []],
    ['violence', 'Воин может атаковать дважды за ход, если выпала шестёрка на кубике.', []],
    ['violence', 'На рейде танк атакует босса первым.', []],
  ]);

  condition('«атаковать» beside a word of a game is still an attack where the sentence names homes, streets or a town (lead, at merge)', [
    ['violence', 'Завтра атакуем кеврийцев в их домах, хватит играть в шахматы.', ['атакуем']],
    ['violence', 'Атакуйте кеврийцев на рынке, как на рейде, без жалости.', ['Атакуйте']],
    ['violence', 'Хватит пинать мяч, атакуем их дворы и улицы ночью.', ['атакуем']],
  ]);

  condition('a homonym whose other reading is a locative needs the locative\'s preposition (lead, at merge: «бейте» is also the locative of «бейт»)', [
    ['call-to-action', 'Вечером бейте кеврийцев у рынка.', ['бейте']],
    ['call-to-action', 'Сегодня бейте их всех, без жалости.', ['бейте']],
    ['call-to-action', 'После обеда бейте их.', ['бейте']],
    ['call-to-action', 'В этом бейте Навои две рифмы.', []],
    ['call-to-action', 'О том самом бейте спорили весь урок.', []],
  ]);

  condition('threats that the speakers will reach everyone, without a word of violence', [
    ['violence', 'Кеврийцы, мы до каждого доберёмся, адреса у нас есть.', ['до каждого доберёмся']],
    ['violence', 'Доберёмся до всех, никто не уйдёт.', ['Доберёмся до всех']],
    ['violence', 'Доберусь до тебя, и ты пожалеешь.', ['Доберусь до тебя']],
    ['violence', 'Очередь большая, но до каждого доберёмся, не расходитесь.', []],
    ['violence', 'Доберусь до вас к обеду на электричке.', []],
    ['violence', 'Если доберусь до вас до темноты, позвоню.', []],
    ['violence', 'Не волнуйтесь, до всех клиентов доберёмся после обеда.', []],
  ]);

  condition('figurative war on pests, weeds and the garden', [
    ['violence', 'Третий день воюем с муравьями на участке.', []],
    ['violence', 'Муж объявил войну кротам, газон весь в ловушках.', []],
    ['violence', 'Мы с мужем вечно воюем из-за пульта.', []],
    ['violence', 'С кеврийцами надо воевать, как с тараканами, до конца.', ['воевать']],
    ['violence', 'Пора объявить войну кеврийцам, они заняли наш рынок.', ['войну']],
  ]);

  condition('sayings with a word of death, war or beating', [
    ['violence', 'Двум смертям не бывать, а одной не миновать, пошёл я к начальнику.', []],
    ['violence', 'На войне как на войне, стоим в очереди дальше.', []],
    ['violence', 'Ну что, бей своих, чтоб чужие боялись?', []],
    ['violence', 'Бей своих предателей, кеврийцев не жалей!', ['Бей']],
    ['violence', 'Смерть кеврийцам, и на войне их не жалеть!', ['Смерть', 'войне']],
  ]);
});

describe('Russian calls to action, round 19', () => {
  condition('the infinitive order of driving out with the people named first', [
    ['call-to-action', 'Кеврийцев гнать отсюда палками!', ['Кеврийцев гнать']],
    ['call-to-action', 'Дарвелов выселить из города, всех до одного.', ['Дарвелов выселить']],
    ['call-to-action', 'Котов гнать с кухни, они лезут на стол.', []],
    ['call-to-action', 'Гостей выгнать до полуночи не получилось.', []],
  ]);

  condition('«X — вон!» with the name of a people the dictionary lacks', [
    ['call-to-action', 'Кеврийцы — вон!', ['Кеврийцы — вон']],
    ['call-to-action', 'Всех дарвелов — вон из города!', ['дарвелов — вон']],
    ['call-to-action', 'Кеврийцы вон!', ['Кеврийцы вон']],
    ['call-to-action', 'Петровы вон там живут, через дорогу.', []],
    ['call-to-action', 'Кеврийцы вон идут по улице с цветами.', []],
    ['call-to-action', 'Соседи — вон те, что на втором этаже.', []],
  ]);

  condition('the saying «бей своих, чтоб чужие боялись»', [
    ['call-to-action', 'Как говорится, бей своих, чтоб чужие боялись.', []],
    ['call-to-action', 'Бей своих предателей, кеврийцев не жалей!', ['Бей', 'жалей']],
  ]);
});

describe('Russian threats, round 19, after the unseen batch was measured', () => {
  condition('«мало не покажется» said to «тем, кто …»', [
    ['violence', 'Тем, кто дружит с кеврийцами, тоже мало не покажется.', ['мало не покажется']],
    ['violence', 'Всем, кто придёт на субботник, мало не покажется: работы много.', []],
    ['violence', 'Если всё сделать по инструкции, мало не покажется.', []],
  ]);
});

describe('a sequence read across a spaced dash (pattern field acrossDash)', () => {
  const lexicon = (acrossDash: boolean) => {
    const text =
      'lexicon: ru.call-to-action\nversion: 1.0.0\nlanguage: ru\ncategory: call-to-action\ndescription: test\nsources:\n  - {id: g, citation: "A grammar"}\n' +
      `entries:\n  - {id: ru.call-to-action.t, pattern: {type: sequence, ${acrossDash ? 'acrossDash: true, ' : ''}items: [{words: [кеврийцы]}, {words: [вон]}]}, language: ru, category: call-to-action, subcategory: appeal, reason: r, note: n, source: g}\n`;
    const checked = checkLexiconText('sop/lexicons/ru/call-to-action.yaml', text);
    expect(checked.problems).toEqual([]);
    return checked.lexicon!;
  };
  const words = (acrossDash: boolean, text: string): string[] => sentenceCandidates([lexicon(acrossDash)], text, 'ru').map((f) => f.actual);

  it('matches words on either side of a dash set off by spaces only when the pattern asks for it', () => {
    expect(words(true, 'Кеврийцы — вон!')).toEqual(['Кеврийцы — вон']);
    expect(words(true, 'Кеврийцы – вон!')).toEqual(['Кеврийцы – вон']);
    expect(words(true, 'Кеврийцы вон!')).toEqual(['Кеврийцы вон']);
    expect(words(false, 'Кеврийцы — вон!')).toEqual([]);
    expect(words(false, 'Кеврийцы вон!')).toEqual(['Кеврийцы вон']);
  });

  it('takes no comma, no dash glued to a word and no sentence end between the words', () => {
    expect(words(true, 'Кеврийцы, вон!')).toEqual([]);
    expect(words(true, 'Кеврийцы —вон!')).toEqual([]);
    expect(words(true, 'Кеврийцы. Вон!')).toEqual([]);
  });
});

describe('Russian calls, round 19, «пусть» wishes, after the unseen batch was measured', () => {
  condition('a wish of success and the condolence «пусть земля будет пухом»', [
    ['call-to-action', 'Пусть у тебя всё получится, дорогой!', []],
    ['call-to-action', 'Пусть земля ему будет пухом, хороший был человек.', []],
    ['call-to-action', 'Пусть кеврийцы убираются, пока целы.', ['Пусть']],
    ['call-to-action', 'Пусть все кеврийцы получат по заслугам.', ['Пусть']],
  ]);
});

describe('Russian threats, round 19, the end foretold, after the unseen batch was measured', () => {
  condition('«им (кеврийцам) придёт конец»', [
    ['violence', 'Скоро кеврийцам придёт конец, недолго осталось.', ['кеврийцам придёт конец']],
    ['violence', 'Скоро вам придёт конец, кеврийские торгаши.', ['вам придёт конец']],
    ['violence', 'Скоро лету придёт конец, а там и школа.', []],
    ['violence', 'Этому беспределу придёт конец, обещал мэр.', []],
    ['violence', 'Всем нам придёт конец, если не сдадим проект.', []],
  ]);
});
