// Russian sense, round 11, what the two round-11 sweeps left (issue 14): prayer formulas with God as
// the actor («Дай Бог», «Упаси Бог»), time killed on a task, cheering a performer, «нож в спину» of a
// betrayal, a time bomb of a problem, the mafia party game, and titles without quotation marks beyond
// their first word. Each condition is data in sop/lexicons/ru; each table holds a control that must
// stay. Sentences are fictional, written for these tests.
import { senseCondition, type SenseCase } from '../../tests/support/indicator-candidates.js';

const condition = (name: string, cases: readonly SenseCase[]): void => senseCondition('ru', name, cases);

condition('a prayer formula with God as the actor is no call to people', [
  ['call-to-action', 'Не дай бог кто-то поднимет оружие.', []],
  ['call-to-action', 'Упаси Господь от войны, сохрани Аллах наших детей.', []],
  ['call-to-action', 'Дай им оружие и убейте предателей.', ['Дай', 'убейте']],
]);

condition('time and effort killed on a task', [
  ['violence', 'Я убил на этот отчёт три дня.', []],
  ['violence', 'Соседи убили все выходные на переезд.', []],
  ['violence', 'Она убила целых два часа, пока стояла в очереди.', []],
  ['violence', 'Его убили на дороге три дня назад.', ['убили']],
  ['violence', 'Боевики убили двух человек в ту ночь.', ['убили']],
  ['violence', 'Они убили сторожа в тот вечер.', ['убили']],
  ['violence', 'Каратели убили народ целого аула за один день.', ['убили']],
]);

condition('cheering a performer or a player', [
  ['violence', 'Жги, Маша!', []],
  ['violence', 'Отжигайте, ребята, вы лучшие!', []],
  ['violence', 'Жги, брат, их склады!', ['Жги']],
  ['violence', 'Жгите их дома.', ['Жгите']],
]);

condition('idioms of betrayal and trouble, the mafia game', [
  ['violence', 'Увольнение стало для него настоящим ударом, это нож в спину от коллег.', []],
  ['violence', 'Эта ссора — нож в спину от лучшего друга.', []],
  ['violence', 'Старый долг по ипотеке — бомба замедленного действия, и проблема растёт.', []],
  ['violence', 'Играли в мафию, и мафия опять убила шерифа.', []],
  ['violence', 'Он вонзил нож в спину охраннику.', ['нож']],
  ['violence', 'В подвале нашли бомбу замедленного действия.', ['бомбу']],
  ['violence', 'Мафия убила доктора, который отказался платить.', ['убила']],
]);

condition('a title without quotation marks past its first word', [
  ['group-designation', 'На уроке читали рассказ Смерть чиновника.', []],
  ['group-designation', 'Фильм рассказывает, как чиновники брали взятки.', ['чиновники']],
  ['violence', 'Пересмотрели Техасская резня бензопилой, классика ужасов.', []],
  ['violence', 'Ошская резня описана в книге историка.', ['резня']],
]);

condition('cheering is no call either', [
  ['call-to-action', 'Жги, Дина, мы с тобой!', []],
  ['call-to-action', 'Жги, брат, их склады!', ['Жги']],
]);
