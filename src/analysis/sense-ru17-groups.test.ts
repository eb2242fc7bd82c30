// Russian sense, round 17 (issue 14, blind method, sixth pass): a nationality adjective right
// before a capitalised name is the name's (a mountain range, a city, a brand), not people — seen in
// a blind batch («у подножия Кыргызского Ала-Тоо») and in the round's new frame of a nationality
// adjective on a thing. The condition is data in sop/lexicons/ru/group-designation.yaml; the table
// holds controls that must stay. Sentences are fictional, written for these tests.
import { senseCondition, type SenseCase } from '../../tests/support/indicator-candidates.js';

const ruCondition = (name: string, cases: readonly SenseCase[]): void => senseCondition('ru', name, cases);

ruCondition('a nationality adjective before a capitalised name', [
  ['group-designation', 'Турбаза стоит у подножия Кыргызского Ала-Тоо, вода ледяная.', []],
  ['group-designation', 'Поездка в узбекский Самарканд запомнилась надолго.', []],
  ['group-designation', 'Заказал палатку в китайском Алиэкспресс, пришла за месяц.', []],
  // Controls: people stay, so does an animate noun written with a capital in a headline.
  ['group-designation', 'Узбекские борцы выиграли командный зачёт.', ['Узбекские']],
  ['group-designation', 'Узбекские Бандиты опять напали на рынок.', ['Узбекские']],
  ['group-designation', 'Кыргызский народ выбрал своего президента.', ['Кыргызский']],
]);
