// Russian calls to action and violence, round 17 (issue 14): the frame sweep with new frames —
// instructions with a thing as the object (garden, kitchen, car, a game), the present of «вы»
// beside the imperative, a match or a bet without any mark of real harm — and the recall of
// «перерезать» and of «разбить голову (лицо, морду)». Each condition is data in
// sop/lexicons/ru/violence.yaml; each table holds a control that must stay a candidate.
// Sentences are fictional, written for these tests.
import { describe } from 'vitest';
import { senseCondition, type SenseCase } from '../../tests/support/indicator-candidates.js';

const condition = (name: string, cases: readonly SenseCase[]): void => senseCondition('ru', name, cases);

describe('Russian violence, round 17', () => {
  condition('a thing cut or beaten right after the verb', [
    ['violence', 'Режьте старые ветки у смородины, а землю замульчируйте.', []],
    ['violence', 'Режь прикипевший болт и замени прокладку.', []],
    ['violence', 'Зачем вы бьёте свой телефон каждый раз, когда злитесь?', []],
    ['violence', 'Бейте орехи в ступке и всыпьте в тесто.', []],
    ['violence', 'Режьте им глотки, пока они спят.', ['Режьте']],
    ['violence', 'Бейте витрины их магазинов, пусть уходят.', ['Бейте']],
    ['violence', 'Надо вырезать весь их род до седьмого колена.', ['вырезать']],
    ['violence', 'Бейте их каждый день, пока не уйдут.', ['Бейте']],
    ['violence', 'Идите к ним и бейте всех подряд!', ['бейте']],
    ['violence', 'Лису в этом году не бьют, мех дешёвый.', ['бьют']],
  ]);

  condition('«бить по» a thing of money or work', [
    ['violence', 'Новые тарифы больно бьют по карману пенсионеров.', []],
    ['violence', 'Санкции били по экономике три года подряд.', []],
    ['violence', 'Артиллерия бьёт по позициям противника.', ['бьёт']],
    ['violence', 'Они бьют по жилым кварталам каждую ночь.', ['бьют']],
    ['violence', 'Бей их первым, не жди.', ['Бей']],
  ]);

  condition('«перерезать» of people, not of a ribbon or a road', [
    ['violence', 'Найдём, где живут их старейшины, и перережем всех.', ['перережем']],
    ['violence', 'Мэр перерезал красную ленточку у нового моста.', []],
    ['violence', 'Грузовик перерезал дорогу колонне, пришлось тормозить.', []],
  ]);

  condition('«разбить голову (лицо, морду)» as a threat, not a task, eggs or a tent', [
    ['violence', 'Разбейте им головы, пусть запомнят.', ['Разбейте']],
    ['violence', 'Ещё слово, и я разобью тебе морду.', ['разобью']],
    ['violence', 'Разбейте задачу на маленькие шаги.', []],
    ['violence', 'Разбей два яйца в миску и взбей.', []],
  ]);

  condition('a match, a half, a goal or a bet without a mark of real harm', [
    ['violence', 'Ставлю на то, что хозяева их разгромят в первом тайме.', []],
    ['violence', 'Бомбардир забил хет-трик и уничтожил оборону гостей.', []],
    ['violence', 'Наш вратарь просто убивает нападающих в каждом матче.', []],
    ['violence', 'После матча фанаты избили судью у стадиона.', ['избили']],
    ['violence', 'Во время матча у стадиона взорвалась бомба.', ['бомба']],
    ['violence', 'После матча толпа избила приезжих у стадиона.', ['избила']],
  ]);
});

describe('Russian calls to action, round 17', () => {
  condition('a pronoun adjective the dictionary also reads as an imperative', [
    ['call-to-action', 'Весь наш двор вышел на субботник.', []],
    ['call-to-action', 'Взвесь муку и сахар на весах.', ['Взвесь']],
    ['call-to-action', 'Бей их, пока не ушли!', ['Бей']],
  ]);
});
