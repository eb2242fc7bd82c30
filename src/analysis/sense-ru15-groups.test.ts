// Russian sense, round 15 (issue 14, blind method, fourth pass, with a frame sweep): wrong senses of
// the group entries that recur across the blind batches and fail across the sweep's frames — a
// result written in figures (наши ведут 2:0) and more words of sport, «мы»/«наши» of a family or a
// pair, a nationality adjective before a thing (китайский чайник), and a business named in quotation
// marks (кафе «Халиф»). Each condition is data in sop/lexicons/ru (the colon scoreline is the
// matcher's `score`); each table holds controls that must stay. Sentences are fictional, written for
// these tests.
import { senseCondition, type SenseCase } from '../../tests/support/indicator-candidates.js';

const ruCondition = (name: string, cases: readonly SenseCase[]): void => senseCondition('ru', name, cases);

ruCondition('teams and fans in a sentence with a score in figures or a word of sport, no word of beating', [
  ['us-them', 'Наши ведут 2:0, давайте поддержим!', []],
  ['us-them', 'Они забили на последней минуте, 2:1, но в ответном соберёмся.', []],
  ['us-them', 'Наши гимнастки снова без медалей, позор тренеру.', []],
  ['us-them', 'Наши ведут 2:0, а после игры бейте их фанатов!', ['Наши']],
  ['us-them', 'Давайте в 8:15 соберёмся и прогоним их с рынка!', ['их']],
  ['us-them', 'Как сказано в суре 9:5, они нам враги, и мы их прогоним!', ['они', 'нам', 'мы', 'их']],
]);

ruCondition('a nation named for its team beside a score in figures', [
  ['group-designation', 'Казахи выиграли 3:1, наши ничего не смогли.', []],
  ['group-designation', 'Казахи выиграли 3:1, а потом толпа избила узбеков.', ['Казахи', 'узбеков']],
]);

ruCondition('«мы», «наши» of a family or of a pair, no one else and no violence', [
  ['us-them', 'Мы всей семьёй едем к бабушке, не звони до вечера.', []],
  ['us-them', 'Наши все на даче, приезжай в воскресенье.', []],
  ['us-them', 'Мы с Алиной сегодня не придём, начинайте сами.', []],
  ['us-them', 'Мы знаем, где работает твоя жена, так что подумай.', ['Мы']],
  ['us-them', 'Они убили наших детей, отомстим!', ['Они', 'наших']],
  ['us-them', 'Мы должны защитить наших детей, вооружайтесь!', ['Мы', 'наших']],
  ['us-them', 'Мы с Петром выгоним их из села, готовьтесь!', ['Мы', 'их']],
]);

ruCondition('a nationality adjective before an inanimate noun names a thing', [
  ['group-designation', 'Заказала китайский чайник, пришёл с трещиной.', []],
  ['group-designation', 'Китайская подделка, не берите.', []],
  ['group-designation', 'Кыргызский народ гостеприимен.', ['Кыргызский']],
  ['group-designation', 'Узбекская диаспора организовала концерт.', ['Узбекская']],
  ['group-designation', 'Еврейское лобби снова виновато, пишут они.', ['Еврейское']],
  ['group-designation', 'Задержан гражданин узбекского происхождения.', ['узбекского']],
  ['group-designation', 'Узбекские борцы выиграли турнир в Оше.', ['Узбекские']],
]);

ruCondition('a word inside a business name in quotation marks', [
  ['religious-terminology', 'Кафе «Халиф» предлагает бизнес-ланч за 250 сомов.', []],
  ['group-designation', 'Встречаемся в кафе «Узбекский дворик» в семь.', []],
  ['religious-terminology', 'В листовке звали в «халифат», обещали рай.', ['халифат']],
]);
