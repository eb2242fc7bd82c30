// Russian sense, round 17 (issue 14, blind method, sixth pass): a nationality adjective right
// before a capitalised name is the name's (a mountain range, a city, a brand), not people — seen in
// a blind batch («у подножия Кыргызского Ала-Тоо») and in the round's new frame of a nationality
// adjective on a thing; and «позор» with the dative of a thing (позор такому сервису), the round's
// frame of evaluating a product or a decision. The conditions are data in sop/lexicons/ru; each
// table holds controls that must stay. Sentences are fictional, written for these tests.
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

ruCondition('«позор» with the dative of a thing it is addressed to', [
  ['negative-evaluation', 'Чайник потёк через месяц, позор такому сервису.', []],
  ['negative-evaluation', 'Позор этой игре, вратарь спал весь матч.', []],
  // Controls: an authority, a team, staff and an invented people in the dative, and «позор» before a comma.
  ['negative-evaluation', 'Позор такой власти, которая ворует у пенсионеров.', ['Позор']],
  ['negative-evaluation', 'Наши гимнастки снова без медалей, позор тренерскому штабу.', ['позор']],
  ['negative-evaluation', 'Позор вальдорам, этим предателям.', ['Позор', 'предателям']],
  ['negative-evaluation', 'Судья сегодня просто позор, такие пенальти не ставят.', ['позор']],
]);
