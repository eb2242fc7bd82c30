// Russian sense, round 12 (issue 14), calls and violence from blind text: families of wrong senses
// found in everyday text written before the lexicons were read — children's war games, a thing or
// an abstract instrument as what is «killed», mail and stands «blown up», herbs and dough cut,
// pests, children and pets destroying things, sport results and shots, sun and wind that «burn»,
// «расстреляйте меня, не понимаю», training that «kills», a greeting's «пусть». Each condition is
// data in sop/lexicons/ru; each table holds a control that must stay. Sentences are fictional.
import { senseCondition, type SenseCase } from '../../tests/support/indicator-candidates.js';

const condition = (name: string, cases: readonly SenseCase[]): void => senseCondition('ru', name, cases);

condition('children\'s war games and play fighting', [
  ['violence', 'Ты убит, ложись, мы же в войнушку играем.', []],
  ['violence', 'Понарошку застрелили всех плюшевых медведей.', []],
  ['violence', 'Убейте их всех, это вам не войнушка!', ['Убейте']],
]);

condition('a thing as what is «killed» right after the verb', [
  ['violence', 'Нападающий убил момент.', []],
  ['violence', 'Эти ямы убили мою подвеску.', []],
  ['violence', 'Новый директор убил всю атмосферу в коллективе.', []],
  ['violence', 'Боевики убили пару человек у блокпоста.', ['убили']],
  ['violence', 'Бандиты убили семью фермера.', ['убили']],
]);

condition('an abstract instrument in the instrumental', [
  ['violence', 'Налоговая уничтожила нас штрафами.', []],
  ['violence', 'Комиссия расстреляла нас замечаниями.', []],
  ['violence', 'Рецензент расстрелял автора замечаниями.', []],
  ['violence', 'Его убили ножом у подъезда.', ['убили', 'ножом']],
  ['violence', 'Полицейские пришли с проверкой и избили продавца.', ['избили']],
  // The instrumental of another clause: the violence stays.
  ['violence', 'Боевики расстреляли жителей села, а чиновники потом замучили семьи проверками.', ['расстреляли']],
  ['violence', 'Бандиты убили фермера, который возмущался налогами.', ['убили']],
  // «Любой ценой», «ценой потерь»: the cost of a deed, not an instrument of hyperbole.
  ['violence', 'Уничтожить врага любой ценой — таков был приказ.', ['Уничтожить']],
]);

condition('mail, a chat or the stands «blown up», past a pronoun', [
  ['violence', 'Клиенты взорвали нам почту жалобами.', []],
  ['violence', 'Фанаты взорвали трибуны после гола.', []],
  ['violence', 'Ночью они взорвали нам склад.', ['взорвали']],
]);

condition('herbs, vegetables and dough cut, and the shapes they are cut in', [
  ['violence', 'Режем укроп и петрушку.', []],
  ['violence', 'Тесто режут ромбиками.', []],
  ['violence', 'Хлеб режут ломтями, а кинзу режут в конце.', []],
  ['violence', 'Режьте их, не жалейте!', ['Режьте']],
]);

condition('pests destroying a harvest', [
  ['violence', 'Вредители уничтожили урожай яблок.', []],
  ['violence', 'Гусеницы уничтожили всю капусту.', []],
  ['violence', 'Солдаты уничтожили деревню.', ['уничтожили']],
]);

condition('children and pets trashing things', [
  ['violence', 'Малыш разгромил песочный замок.', []],
  ['violence', 'Котята уничтожили весь корм.', []],
  ['violence', 'Погромщики разгромили магазин.', ['разгромили']],
]);

condition('a match won over the guests, a football shot', [
  ['violence', 'Хозяева разгромили гостей со счётом пять-ноль.', []],
  ['violence', 'Полузащитник бьёт с фланга — мимо!', []],
  ['violence', 'Бей его, не жалей!', ['Бей']],
]);

condition('the sun, wind or an iron that «burns»', [
  ['violence', 'Ветер сжёг мне лицо.', []],
  ['violence', 'Утюг сжёг рубашку.', []],
  ['violence', 'Они сожгли ему дом.', ['сожгли']],
]);

condition('«расстреляйте меня, не понимаю» asks for nothing', [
  ['violence', 'Расстреляйте меня, не понимаю эту формулу.', []],
  ['call-to-action', 'Расстреляйте меня, не понимаю эту формулу.', []],
  ['call-to-action', 'Расстреляйте их, не жалейте!', ['Расстреляйте', 'жалейте']],
]);

condition('training, a deadline or a diet «killing» someone', [
  ['violence', 'Тренер убивает нас на тренировках.', []],
  ['violence', 'Этот дедлайн меня убивает.', []],
  ['violence', 'Боевики убивают мирных жителей.', ['убивают']],
]);

condition('a greeting\'s wish with «пусть»', [
  ['call-to-action', 'Пусть этот год будет щедрым.', []],
  ['call-to-action', 'Пусть в вашем доме всегда будет тепло.', []],
  ['call-to-action', 'Пусть горят их дома!', ['Пусть']],
]);

condition('an attack named by «напасть», and what is no attack', [
  ['violence', 'Неизвестные напали на фермера и угнали скот.', ['напали']],
  ['violence', 'Нападающий пробил мимо ворот.', []],
  ['violence', 'Вот напасть, опять свет отключили.', []],
  ['violence', 'На меня напал смех, а следователи напали на след.', []],
  ['violence', 'Бродячие собаки напали на прохожего.', []],
  ['violence', 'Ну давай, нападай на ислам, раз такой умный.', []],
]);

condition('reprisal named by «расправа», and «расправить» or dealing with dinner', [
  ['violence', 'Он угрожал расправой всей семье соседа.', ['расправой']],
  ['violence', 'Мы расправимся с ними по-своему.', ['расправимся']],
  ['violence', 'Он быстро расправился с ужином.', []],
  ['violence', 'Он расправил плечи и улыбнулся.', []],
]);

condition('«гости» the noun and «иди к чёрту» the curse', [
  ['call-to-action', 'Гости из Казахстана приехали на той.', []],
  ['call-to-action', 'Иди к черту со своими советами.', []],
  ['call-to-action', 'Иди к дому этих торговцев и разбей окна.', ['Иди', 'разбей']],
]);
