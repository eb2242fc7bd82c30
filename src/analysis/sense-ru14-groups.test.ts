// Russian sense, round 14 (issue 14, blind method, third pass): wrong senses of the group entries
// that recur across the blind batches of rounds 12 and 13 — teams set against each other in a
// sentence about a match (мы их порвём в финале; обыграли китайцев в овертайме), a custom, a
// wedding or a school named by a nationality adjective (кыргызские свадьбы, русская школа), the
// «enemy» of a thing named in the genitive (холод — враг рассады), a religious term as a given
// name before a surname at a sentence's start (Джихад Рахимов) — and the verb-first curse that asks God to punish («Да накажет Господь …»), a prayer. Each condition
// is data in sop/lexicons/ru; each table holds controls that must stay. Sentences are fictional,
// written for these tests.
import { counterCondition, senseCondition, type SenseCase } from '../../tests/support/indicator-candidates.js';

const ruCondition = (name: string, cases: readonly SenseCase[]): void => senseCondition('ru', name, cases);

ruCondition('teams set against each other in a sports sentence with no word of beating', [
  ['us-them', 'Мы их порвём в полуфинале, готовьтесь!', []],
  ['us-them', 'Отомстим им в ответном матче, приходите болеть!', []],
  ['us-them', 'На стадионе мы их обыграем, поддержите наших!', []],
  ['us-them', 'После матча бейте их фанатов, пусть знают!', ['их']],
  ['us-them', 'Найдём их у стадиона и изобьём.', ['их']],
  ['us-them', 'Мы их выгоним из села, готовьтесь!', ['Мы', 'их']],
]);

ruCondition('a nation named for its team in a sports sentence with no word of beating', [
  ['group-designation', 'Наши обыграли узбеков в финале турнира.', []],
  ['group-designation', 'Казахи снова купили легионеров перед чемпионатом.', []],
  ['group-designation', 'Китайцы проиграли американцам в овертайме.', []],
  ['group-designation', 'После матча толпа избила таджиков у стадиона.', ['таджиков']],
  ['group-designation', 'Таджики открыли новую чайхану у рынка.', ['Таджики']],
]);

// «традиция» is left out at the merge of round 14: round 12 holds a nation's customs as naming its
// people («Узбекские традиции гостеприимства», sense-ru12-groups.test.ts), as blind-ru14b did «обычай».
ruCondition('a nationality adjective before a wedding, a rite or a school names a thing', [
  ['group-designation', 'Дунганская свадьба длится три дня.', []],
  ['group-designation', 'Дети пошли в узбекскую школу возле дома.', []],
  ['group-designation', 'Казахская традиция велит встречать гостя чаем.', ['Казахская']],
  ['group-designation', 'Знание русских обычаев ему помогло.', ['русских']],
  ['group-designation', 'Кыргызские семьи переехали в новый район.', ['Кыргызские']],
  ['group-designation', 'Русские учителя приехали в село.', ['Русские']],
]);

ruCondition('«враг» of a thing in the genitive is a thing; enemies of a people, a faith or an order stay', [
  ['negative-evaluation', 'Холод — враг любой рассады.', []],
  ['negative-evaluation', 'Шум — главный враг концентрации.', []],
  ['negative-evaluation', 'Эти люди — враги народа.', ['враги']],
  ['negative-evaluation', 'Они враги ислама и ответят за это.', ['враги']],
  ['negative-evaluation', 'Враги революции прятались в подвалах.', ['Враги']],
  ['negative-evaluation', 'Кельвары — враги Ардании.', ['враги']],
]);

ruCondition('a religious term as a given name before a surname, or the surname Шахидов before a name', [
  ['religious-terminology', 'Джихад Рахимов забил два гола.', []],
  ['religious-terminology', 'Шахид Назаров выиграл олимпиаду.', []],
  ['religious-terminology', 'Шахидов Рустам, ученик седьмого класса, занял первое место.', []],
  ['religious-terminology', 'В листовке объявляли джихад Ардании.', ['джихад']],
  ['religious-terminology', 'Вербовщик звал молодёжь на джихад.', ['джихад']],
]);

counterCondition('ru', 'a verb-first curse asking God to punish is a prayer', 'prayer', [
  ['Да накажет Господь тех, кто поднял руку на детей, пусть не знают покоя.', 'пусть'],
  ['Да покарает Аллах поджигателей, пусть горят они в аду.', 'пусть'],
  ['Да проклянёт их Всевышний, пусть ответят за всё.', 'пусть'],
], ['Накажем поджигателей сами, пусть горят они в аду.', 'пусть']);

// Merge of round 14: blind-ru14a's optative «да» + future is a call of its own; with God as the
// actor the formula itself carries the prayer (ru.context-markers.da-bog, position `anywhere`).
counterCondition('ru', 'the optative formula with God as the actor is itself a prayer', 'prayer', [
  ['Да покарает Аллах поджигателей, пусть горят они в аду.', 'Да покарает'],
  ['Да накажет Господь тех, кто поднял руку на детей.', 'Да накажет'],
], ['Да сгорят их дома дотла, как сгорели наши!', 'Да сгорят']);
