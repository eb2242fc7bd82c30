// Russian sense, round 11 (issue 14): the violence and call-to-action entries swept once more from the
// lexicon side, for the registers round 10 did not reach — games and fairy tales (a dragon or a zombie
// as the one killed, a game named by its title alone), titles without quotation marks, science,
// mining and fireworks, hunting, computing (kill a process, burn an image), animals and their prey,
// sport revenge and coaching, and for calls the imperative forms that ask for no act: the conditional
// («Будь я на твоём месте, я бы …»), «будь то», narrative «давай + infinitive», wishes with «пусть»,
// discourse formulas, proverbs, getting up in the morning. Each condition is data in sop/lexicons/ru;
// each table holds a control that must stay. Sentences are fictional, written for these tests.
import { senseCondition, type SenseCase } from '../../tests/support/indicator-candidates.js';

const condition = (name: string, cases: readonly SenseCase[]): void => senseCondition('ru', name, cases);

condition('a fantasy or game creature as the victim, a game named by its title', [
  ['violence', 'Богатырь убил чудище и спас деревню.', []],
  ['violence', 'Сначала уничтожьте всех зомби на карте.', []],
  ['violence', 'Вчера в доте нас разгромили за пятнадцать минут.', []],
  ['violence', 'В майнкрафте он убил дракона с третьей попытки.', []],
  ['violence', 'Сначала уничтожьте всех предателей в городе.', ['уничтожьте']],
  ['violence', 'Он убил соседа из-за долга.', ['убил']],
]);

condition('a title without quotation marks after a genre word, a western, a fairy tale', [
  ['violence', 'Дочка читает Смерть Ивана Ильича к уроку.', []],
  ['violence', 'Фильм Убить пересмешника (1962) получил три Оскара.', []],
  ['violence', 'В конце триллера маньяк зарезал свидетеля.', []],
  ['violence', 'В сказке волк сжёг дом поросёнка.', []],
  ['violence', 'Смотрите Убей их всех и делайте так же.', ['Убей']],
  ['violence', 'Вчера смотрели новости: в городе убили журналиста.', ['убили']],
]);

condition('the Big Bang, blasting in a quarry, a chemistry lesson, fireworks, hunting', [
  ['violence', 'До Большого взрыва не было ни времени, ни пространства.', []],
  ['violence', 'В карьере взорвали породу для щебня.', []],
  ['violence', 'Химик показал взрыв водорода в пробирке.', []],
  ['violence', 'На Новый год стреляли салютом до утра.', []],
  ['violence', 'Дед с охотником стреляли уток на рассвете.', []],
  ['violence', 'Большой взрыв прогремел на рынке, есть раненые.', ['взрыв']],
  ['violence', 'Они стреляли в прохожих с крыши.', ['стреляли']],
]);

condition('computing: a process killed, an image burnt, objects destroyed in memory', [
  ['violence', 'Убей процесс, он съел всю память.', []],
  ['violence', 'Сожгите образ системы на диск.', []],
  ['violence', 'Деструктор уничтожает объект автоматически.', []],
  ['violence', 'Ракета уничтожила объект вместе с людьми.', ['уничтожила']],
]);

condition('animals, pests, weather and a joke that «killed»', [
  ['violence', 'Кошка убила мышь в подвале.', []],
  ['violence', 'Волки истребили всё стадо за зиму.', []],
  ['violence', 'Град убил всю рассаду.', []],
  ['violence', 'Снаряд убил двоих на остановке.', ['убил']],
  ['violence', 'Толпа убила охранника.', ['убила']],
]);

condition('sport revenge, football coaching, a rare steak, the Eucharist, idioms', [
  ['violence', 'Мы отомстили за поражение в прошлом году.', []],
  ['violence', 'Бей по воротам с лёту!', []],
  ['violence', 'Закажу бифштекс с кровью.', []],
  ['violence', 'На литургии верующие причащаются Крови Христовой.', []],
  ['violence', 'Начальник с бухгалтером давно на ножах.', []],
  ['violence', 'Если шеф узнает, мне смерть.', []],
  ['violence', 'Отомстим им за наших братьев!', ['Отомстим']],
  ['violence', 'Они дрались на ножах за гаражами.', ['дрались', 'ножах']],
]);

condition('the imperative as a conditional, «будь то», «случись что»', [
  ['call-to-action', 'Знай он правду, он бы не пришёл, а будь у нас время, мы бы остались.', []],
  ['call-to-action', 'Скидка для всех, будь то студент или пенсионер.', []],
  ['call-to-action', 'Случись что, мы рядом.', []],
  ['call-to-action', 'Будь готов, завтра выходим.', ['Будь']],
]);

condition('narrative «давай + infinitive», wishes with «пусть», encouragement', [
  ['call-to-action', 'А она давай плакать при всех.', []],
  ['call-to-action', 'Пусть в вашем доме всегда будет счастье!', []],
  ['call-to-action', 'Держитесь, скоро всё закончится.', []],
  ['call-to-action', 'Давайте обсудим план.', ['Давайте обсудим']],
  ['call-to-action', 'Пусть Господь дарует вам здоровье.', ['Пусть']],
  ['call-to-action', 'Держитесь за поручни.', ['Держитесь']],
]);

condition('discourse formulas and proverbs in the imperative form', [
  ['call-to-action', 'Прикиньте, нам дали премию.', []],
  ['call-to-action', 'Слушай, а ты вчера был на собрании?', []],
  ['call-to-action', 'Да брось, никто не заметил.', []],
  ['call-to-action', 'Извините за беспокойство.', []],
  ['call-to-action', 'Как говорится, доверяй, но проверяй.', []],
  ['call-to-action', 'Мама всегда повторяла: куй железо, пока горячо.', []],
  ['call-to-action', 'Убей меня, не помню его фамилию.', []],
  ['call-to-action', 'Слушайте все: завтра собрание.', ['Слушайте']],
  ['call-to-action', 'Прости, Господи, рабов твоих.', ['Прости']],
]);

condition('getting up, going upstairs, pairs in a class, a dream to fight for', [
  ['call-to-action', 'Вставай, соня, завтрак остывает.', []],
  ['call-to-action', 'Поднимитесь на третий этаж.', []],
  ['call-to-action', 'Объединитесь в группы по трое.', []],
  ['call-to-action', 'Боритесь за свою мечту!', []],
  ['call-to-action', 'Вставайте, братья, на защиту своей земли!', ['Вставайте']],
  ['call-to-action', 'Поднимайтесь на борьбу с захватчиками!', ['Поднимайтесь на борьбу']],
  ['call-to-action', 'Боритесь с оккупантами до конца!', ['Боритесь']],
]);
