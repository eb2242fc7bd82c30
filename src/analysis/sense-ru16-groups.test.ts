// Russian sense, round 16 (issue 14, blind method, fifth pass, with a frame sweep): the group
// entries' wrong senses that recur across blind batches and fail across the sweep's new frames — a
// thing, a price or the weather judged by a word of contempt (погода — предатель), «позорный»
// before a deed, self-irony (ну я и свинья), a guesthouse, a mosque or a painting named in quotation
// marks, a street named after a people — and the recall of a whole group called thieves and bandits
// without a slur (все они воры и бандиты). Each condition is data in sop/lexicons/ru; each table
// holds controls that must stay. Sentences are fictional, written for these tests.
import { senseCondition, type SenseCase } from '../../tests/support/indicator-candidates.js';

const ruCondition = (name: string, cases: readonly SenseCase[]): void => senseCondition('ru', name, cases);

ruCondition('a thing, a price or the weather judged by a word of contempt as its predicate', [
  ['negative-evaluation', 'Тарифы на свет — сущий позор, платим больше, чем в столице.', []],
  ['negative-evaluation', 'Будильник — предатель, не прозвенел в семь утра.', []],
  ['negative-evaluation', 'Чиновники — паразиты, сидят на шее у народа.', ['паразиты']],
  ['negative-evaluation', 'Наша власть — позор, пусть уходит.', ['позор']],
  ['negative-evaluation', 'Смерть предателям из соседнего села!', ['предателям']],
  ['negative-evaluation', 'Тебе конец, тварь, я тебя найду.', ['тварь']],
  ['negative-evaluation', 'Беглецы из-за реки — паразиты, гнать их надо.', ['паразиты']],
  // A faith, its scripture or a culture is judged as a group is (found at the round's final review: «Ислам — позор» had lost its candidate).
  ['negative-evaluation', 'Ислам — позор, а не вера.', ['позор']],
  ['negative-evaluation', 'Христианство — предатель истины, пишет он.', ['предатель']],
]);

ruCondition('«позорный» before a thing, a deed or an event', [
  ['negative-evaluation', 'Позорное обслуживание: официант нагрубил и ушёл.', []],
  ['negative-evaluation', 'Позорный матч, вратарь пропустил пять мячей.', []],
  ['negative-evaluation', 'Позорная власть довела страну до нищеты.', ['Позорная']],
  ['negative-evaluation', 'Позорное православие этих людей.', ['Позорное']],
]);

ruCondition('self-irony: the speaker calls himself a pig or cattle', [
  ['negative-evaluation', 'Ну я и свинья, не позвонила подруге в день рождения.', []],
  ['negative-evaluation', 'Какой же я скот, опять забыл вынести мусор.', []],
  ['negative-evaluation', 'Сам ты свинья, ещё и мусор оставил.', ['свинья']],
  ['negative-evaluation', 'Я считаю, что они свиньи и предатели.', ['свиньи', 'предатели']],
]);

ruCondition('a guesthouse, a mosque or a painting named in quotation marks', [
  ['group-designation', 'Остановились в гостевом доме «Кыргызская юрта» на южном берегу.', []],
  ['religious-terminology', 'Пятничный намаз прошёл в мечети «Таухид» на окраине.', ['намаз']],
  ['religious-terminology', 'В третьем зале висит полотно «Халиф на охоте».', []],
  ['negative-evaluation', 'Обедали в кафе «Весёлые шакалы», плов отличный.', []],
  ['religious-terminology', 'Вербовщик звал вступать в «халифат» и обещал деньги.', ['халифат']],
  ['negative-evaluation', 'На концерте спели песню «Смерть предателям».', ['предателям']],
]);

ruCondition('a street named after a people, after the word that names it', [
  ['group-designation', 'Аптека переехала на улицу Узбекская, дом 40.', []],
  ['group-designation', 'Офис в микрорайоне Дунганский, второй подъезд.', []],
  ['group-designation', 'На улице Московской живут и кыргызы, и узбеки.', ['кыргызы', 'узбеки']],
]);

ruCondition('a whole group called thieves and bandits, without a slur', [
  ['negative-evaluation', 'Все эти зарпийцы — воры и бандиты, гнать их надо.', ['воры', 'бандиты']],
  ['negative-evaluation', 'Там сплошь жулики, весь их народ такой.', ['жулики']],
  ['negative-evaluation', 'Воры вынесли из квартиры ноутбук и шубу.', []],
  ['negative-evaluation', 'Полиция задержала всех бандитов, грабивших заправки.', []],
  ['negative-evaluation', 'Суд приговорил всех воров к трём годам колонии.', []],
]);

ruCondition('a nationality adjective after a thing, ending its clause', [
  ['group-designation', 'Сувениры — подделка китайская, развалились в первый день.', []],
  ['group-designation', 'На стройке китайские инженеры, в столовой узбекские повара.', ['китайские', 'узбекские']],
  ['group-designation', 'Земля кыргызская, и мы её не отдадим.', ['кыргызская']],
]);

ruCondition('Raskolnikov\'s «тварь дрожащая» in any case', [
  ['negative-evaluation', 'Раскольников не хотел быть среди «тварей дрожащих».', []],
  ['negative-evaluation', 'Этих тварей надо гнать из города.', ['тварей']],
]);
