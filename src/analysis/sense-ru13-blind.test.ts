// Russian sense and recall, round 13 (issue 14), violence from blind text: families seen in text
// written before the lexicons were read — livestock slaughtered and pests destroyed with the animal
// anywhere in the sentence, a coach who «killed» the team, blood type and kinship «по крови», capture
// the flag, an explosion in a chemistry lesson, a one-on-one «перестрелять»; and what blind text
// showed missing: fights, threats without a dictionary word of violence, strangling, firearms.
// Each condition is data in sop/lexicons/ru/violence.yaml; each table holds a control that must
// stay (or, for a new entry, the words it must not find). Sentences are fictional.
import { senseCondition, type SenseCase } from '../../tests/support/indicator-candidates.js';

const condition = (name: string, cases: readonly SenseCase[]): void => senseCondition('ru', name, cases);

condition('livestock slaughtered, the animal anywhere in the sentence', [
  ['violence', 'Телёнка к осени зарезали, мясо раздали родне.', []],
  ['violence', 'Поросёнка надо сначала оглушить, потом резать.', []],
  ['violence', 'Гусей к Рождеству под нож, индюков оставим.', []],
  // A comparison makes people the ones slaughtered; an insult-prone animal name is not in the list.
  ['violence', 'Режьте их, как цыплят, до последнего.', ['Режьте']],
  ['violence', 'Этих скотов надо резать.', ['резать']],
]);

condition('pests, weeds and germs killed or destroyed, named anywhere in the sentence', [
  ['violence', 'Клещей на участке уничтожаем вручную, без химии.', []],
  // «Вредители» and «жуки» are also words for people: no exclusion by the sentence alone.
  ['violence', 'Вредителей в наркомате надо уничтожить.', ['уничтожить']],
  ['violence', 'Средство убивает плесень и грибок за сутки.', []],
  ['violence', 'Сорняки надо уничтожать до цветения.', []],
  ['violence', 'Эти вельмары хуже вредителей, их надо уничтожить.', ['уничтожить']],
  ['violence', 'Давить их, как клопов, и жечь.', ['жечь']],
]);

condition('a coach or a player «killed» the team in a sport sentence', [
  ['violence', 'Тренер своими заменами убил всю команду, а не соперника.', []],
  ['violence', 'Новый тренер за сезон убил сборную.', []],
  ['violence', 'Боевики убили команду спасателей.', ['убили']],
]);

condition('blood type and kinship «по крови»', [
  ['violence', 'У неё первая группа крови, резус положительный.', []],
  ['violence', 'По крови он наполовину осетин.', []],
  ['violence', 'Весь пол был в крови.', ['крови']],
]);

condition('capture the flag or a point in a game', [
  ['violence', 'Команда, которая первой захватит флаг, получает очко.', []],
  ['violence', 'Боевики захватили здание школы.', ['захватили']],
]);

condition('an explosion in a chemistry or physics lesson', [
  ['violence', 'Литий реагирует с водой спокойнее, чем калий, без взрыва.', []],
  ['violence', 'При взрыве выделяется энергия и резко растёт давление газа.', []],
  ['violence', 'Взрыв у рынка ранил троих.', ['Взрыв']],
]);

condition('«перестрелять» one opponent is to outshoot him', [
  ['violence', 'На этой карте перестрелять его почти невозможно.', []],
  ['violence', 'Надо их всех перестрелять.', ['перестрелять']],
  ['violence', 'Раненую лошадь пришлось пристрелить.', ['пристрелить']],
]);

condition('a fight between people (new entry), not animals or pillows', [
  ['violence', 'После матча фанаты подрались у стадиона.', ['подрались']],
  ['violence', 'В драке у кафе пострадали двое.', ['драке']],
  ['violence', 'Коты опять подрались на балконе.', []],
  ['violence', 'Устроили драку подушками в лагере.', []],
]);

condition('strangling a person (new entry), not a hug or an initiative', [
  ['violence', 'Он задушил свидетеля и скрылся.', ['задушил']],
  ['violence', 'Бабушка чуть не задушила внука в объятиях.', []],
  ['violence', 'Проверки задушили малый бизнес.', []],
]);

condition('a threat without a dictionary word of violence (new entries)', [
  ['violence', 'Тебе конец, слышишь?', ['Тебе конец']],
  ['violence', 'Вам не жить, если сунетесь.', ['Вам не жить']],
  ['violence', 'Ты труп, понял?', ['Ты труп']],
  ['violence', 'Я тебя найду и урою.', ['урою']],
  ['violence', 'Ты у меня ещё попляшешь.', ['попляшешь']],
  ['violence', 'Пожалеешь, что родился.', ['Пожалеешь']],
  ['violence', 'Руки переломаю, если тронешь.', ['переломаю']],
  ['violence', 'Предателей всех бы перевешал.', ['перевешал']],
  // Not threats: the end of a film, planting, dancing, regret, re-weighing, breaking pencils.
  ['violence', 'Тебе конец фильма понравился?', []],
  ['violence', 'Завтра закопаю луковицы и прибью полку.', []],
  ['violence', 'На свадьбе попляшешь с нами?', []],
  ['violence', 'Не поедешь с нами — пожалеешь.', []],
  ['violence', 'Продавец перевешал товар.', []],
  ['violence', 'Я все карандаши переломаю, пока точу.', []],
]);

condition('firearms named (new entry), not tools or toys', [
  ['violence', 'Грабитель угрожал кассиру пистолетом.', ['пистолетом']],
  ['violence', 'У деда в сарае нашли старую винтовку.', ['винтовку']],
  ['violence', 'Дети весь вечер стреляли из водяных пистолетов.', []],
  ['violence', 'Купи пистолет для герметика.', []],
]);

// From the second blind batch (written after the fixes above, audited before these).
condition('«убить в себе» a feeling; slang «убитый» after the thing it describes', [
  ['violence', 'Убейте в себе страх перед начальством.', []],
  ['violence', 'Машина убитая, но на ходу.', []],
  ['violence', 'Убейте их всех.', ['Убейте']],
  ['violence', 'Тело убитое нашли у реки.', ['убитое']],
]);

condition('cutting told by a craftsman\'s manner', [
  ['violence', 'Болгаркой режь ровно, не торопись.', []],
  ['violence', 'Режьте их беспощадно.', ['Режьте']],
]);

condition('«голову оторву» threatens a body; a comma after a threat formula', [
  ['violence', 'Только тронь её — голову оторву.', ['оторву']],
  ['violence', 'Этикетку оторву и выброшу.', []],
  ['violence', 'Тебе не жить, и он бросил трубку.', ['Тебе не жить']],
]);

// From blind-ru13b's batch (the partner's hand-off).
condition('a «war» over a bonus or the remote; Koshchei\'s death in the tale', [
  ['violence', 'У менеджеров опять война за клиентов.', []],
  ['violence', 'Кощей боялся, что Иван найдёт его смерть.', []],
  ['violence', 'Война за независимость длилась восемь лет.', ['Война']],
  ['violence', 'Смерть врагам!', ['Смерть']],
]);
