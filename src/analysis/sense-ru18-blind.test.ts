// Russian calls to action and violence, round 18 (issue 14): the frame sweep with new frames —
// medicine (an ailment, a drug or the body's defence as the subject; a word only medicine uses),
// a thing burnt, destroyed or «killed» right after the verb (garden, rubbish, ecology slogans,
// computing), nouns and names the dictionary also reads as imperatives, a condition read as an
// imperative, and the recall of poisoning and of threats without a word of violence. Each
// condition is data in sop/lexicons/ru/{violence,call-to-action}.yaml; each table holds a control
// that must stay a candidate. Sentences are fictional, written for these tests.
import { describe } from 'vitest';
import { senseCondition, type SenseCase } from '../../tests/support/indicator-candidates.js';

const condition = (name: string, cases: readonly SenseCase[]): void => senseCondition('ru', name, cases);

describe('Russian violence, round 18', () => {
  condition('an ailment, a drug or the body as the subject right before the verb', [
    ['violence', 'С утра мигрень бьёт так, что не встать.', []],
    ['violence', 'Стресс постепенно убивает аппетит и сон.', []],
    ['violence', 'Рак убил моего дядю за полгода.', []],
    ['violence', 'Препаратом отравили журналиста прямо в редакции.', ['отравили']],
    ['violence', 'Их надо давить, как вирус давит клетки.', ['давить']],
  ]);

  condition('a word only medicine uses in the sentence', [
    ['violence', 'Иммунная система сама уничтожает больные клетки.', []],
    ['violence', 'Врач сказал, что антибиотики убивают полезную микрофлору.', []],
    ['violence', 'Их надо уничтожить, как раковую опухоль, говорил он.', ['уничтожить']],
    ['violence', 'Уничтожьте их всех, кардиолог тут не поможет.', ['Уничтожьте']],
  ]);

  condition('a thing burnt, destroyed or killed right after the verb', [
    ['violence', 'Сожгите старый хлам за сараем до обеда.', []],
    ['violence', 'Уничтожим мусорные свалки, посадим новые парки!', []],
    ['violence', 'Он за один сезон убил двигатель своей машины.', []],
    ['violence', 'Сожжём их лавки, пусть знают.', ['Сожжём']],
    ['violence', 'Уничтожим весь этот город до основания.', ['Уничтожим']],
    ['violence', 'Сожгите мечеть, пока там пусто.', ['Сожгите']],
    ['violence', 'Нужно сжечь Ташкент, кричал он в видео.', ['сжечь']],
    ['violence', 'Уничтожьте предателей и сожгите старые флаги.', ['Уничтожьте', 'сожгите']],
    ['violence', 'Ночью кто-то поджёг мусорный бак во дворе.', ['поджёг']],
  ]);

  condition('poisoning people, not pests, tales or a leaking tap', [
    ['violence', 'Надо отравить всех этих соседей, чтобы уехали.', ['отравить']],
    ['violence', 'Журналиста отравили в поезде, возбуждено дело.', ['отравили']],
    ['violence', 'Травить их надо, как тараканов.', ['Травить']],
    ['violence', 'Всё лето травили тараканов в общежитии.', []],
    ['violence', 'Дед весь вечер травил байки у костра.', []],
    ['violence', 'Отравилась шаурмой у вокзала, три дня лежала.', []],
    ['violence', 'Кран на кухне травит, вызови сантехника.', []],
  ]);

  condition('threats without a word of violence', [
    ['violence', 'Скоро им не поздоровится, вот увидите.', ['не поздоровится']],
    ['violence', 'Вы нас ещё узнаете, чужаки.', ['нас ещё узнаете']],
    ['violence', 'Ночью мы придём к вашим домам, ждите.', ['придём к вашим домам']],
    ['violence', 'От такого количества сладкого желудку не поздоровится.', []],
  ]);
});

describe('Russian calls to action, round 18', () => {
  condition('an imperative form right after a preposition', [
    ['call-to-action', 'Я в лейте залетел на ранкед и всё слил.', []],
    ['call-to-action', 'Лейте воду медленно, по стенке.', ['Лейте']],
  ]);

  condition('a capitalised imperative form after a noun: a name', [
    ['call-to-action', 'У тёти Вали в этом году малины много.', []],
    ['call-to-action', 'Вали отсюда, пока цел.', ['Вали']],
  ]);

  condition('«завались» of plenty', [
    ['call-to-action', 'У нас в этом году черешни завались.', []],
    ['call-to-action', 'Завались уже, надоел.', ['Завались']],
  ]);

  condition('a condition with «если» read as an imperative', [
    ['call-to-action', 'Если опять съешь всё варенье, бабушке не останется.', []],
    ['call-to-action', 'Если увидишь их, сразу звони мне.', ['звони']],
    ['call-to-action', 'Съешь ещё этих мягких булок.', ['Съешь']],
  ]);

  // A number before the first word leaves that word no sentence start: the walk back over skipped
  // words must stop at the text's first word (it read past it and threw before round 18).
  condition('a skipped word that opens the text after a number', [
    ['call-to-action', '10 ты съешь, остальное оставь.', ['съешь', 'оставь']],
  ]);

  condition('a plural noun alone in its clause, an exclamation', [
    ['call-to-action', 'Сволочи, опять свет отключили без предупреждения.', []],
    ['call-to-action', 'Гоните их, сволочи, прочь!', ['Гоните', 'прочь']],
  ]);

  condition('the infinitive order of driving people out, without a modal', [
    ['call-to-action', 'Гнать тарвинцев из города палками!', ['Гнать тарвинцев']],
    ['call-to-action', 'Выгнать их всех из города, пока не поздно!', ['Выгнать их']],
    ['call-to-action', 'Выгнать котов из подвала до зимы.', []],
    ['call-to-action', 'Варить 10 минут после закипания.', []],
    ['call-to-action', 'Охранники решили выгнать всех из зала до полуночи.', []],
  ]);

  condition('a noun before «для»', [
    ['call-to-action', 'Клей для обоев возьми покрепче.', ['возьми']],
    ['call-to-action', 'Клей обои аккуратно, без пузырей.', ['Клей']],
  ]);
});

// Merge review of round 18: hostile lines the thing rule had taken — another people's property
// («чужие» read as a noun of a thing) and a people the dictionary does not know as the owner.
describe('a thing burnt or destroyed that belongs to people stays', () => {
  condition('«чужой» or a word the dictionary does not know in the sentence keeps the candidate', [
    ['violence', 'Жечь чужие машины надо, пока не уехали.', ['Жечь']],
    ['violence', 'Сожжём палатки тарвинцев на рынке.', ['Сожжём']],
    ['violence', 'Сожгите старый хлам за сараем.', []],
  ]);
});
