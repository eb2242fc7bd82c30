// Russian sense, round 10 (issue 14): swept from the lexicon side — for each Russian entry the other
// senses a dictionary, an idiom list or an everyday register gives its words (interrupting and
// outbidding, astronomy, surgery, a shooting pain, an effigy, a price war, an enemy in a game, nasty
// weather, the eastern zodiac, a personal name, a wish in the imperative, a chat's past narration,
// the title of a work in quotation marks), each kept out by a condition as data in sop/lexicons/ru
// (the quoted title by the exclusion test `quotedTitle` of matcher.ts). Each condition is a table of
// sentences with the candidates they must give; a control that must stay stands in each. Sentences
// are fictional, written for these tests.
import { describe, expect, it } from 'vitest';
import { findingsOf, senseCondition, type SenseCase } from '../../tests/support/indicator-candidates.js';

const condition = (name: string, cases: readonly SenseCase[]): void => senseCondition('ru', name, cases);

condition('«перебить» of a speaker, a smell or a price, and «убить двух зайцев»', [
  ['violence', 'Лектора перебил студент с последнего ряда.', []],
  ['violence', 'Чеснок перебил весь вкус супа.', []],
  ['violence', 'Нас перебили на полуслове.', []],
  ['violence', 'Этой поездкой мы убили двух зайцев.', []],
  ['violence', 'Ночью бандиты перебили всю охрану.', ['перебили']],
]);

condition('astronomy, a brain that «explodes», a blown-up dance floor', [
  ['violence', 'Телескоп заметил взрыв далёкой звезды.', []],
  ['violence', 'Голова взрывается от этих отчётов.', []],
  ['violence', 'Новый клип взорвал тикток за сутки.', []],
  ['violence', 'Взрыв на остановке ранил троих.', ['Взрыв']],
]);

condition('surgery and turning a project down', [
  ['violence', 'Ей вырезали родинку в клинике.', []],
  ['violence', 'Министерство зарезало законопроект.', []],
  ['violence', 'Бандиты зарезали охранника.', ['зарезали']],
]);

condition('a shooting pain, play shooting, the goal frame', [
  ['violence', 'Всю ночь стреляло в колене.', []],
  ['violence', 'Мальчишки затеяли перестрелку из игрушечных пистолетов.', []],
  ['violence', 'Нападающий стрелял в штангу два раза.', []],
  ['violence', 'Стреляйте по каждому, кто подойдёт к воротам.', ['Стреляйте']],
  ['violence', 'Он стреляет в спину убегающим.', ['стреляет']],
]);

condition('an effigy, a burnt-out device, a burning sensation, old letters', [
  ['violence', 'В парке сожгли огромное чучело Масленицы.', []],
  ['violence', 'Брат сжёг процессор, разгоняя компьютер.', []],
  ['violence', 'Перец жжёт язык.', []],
  ['violence', 'Она сожгла старые письма и записки.', []],
  ['violence', 'Они сожгли дом соседа.', ['сожгли']],
]);

condition('a price, trade or household «war», a war with mould or a printer', [
  ['violence', 'Началась ценовая война между авиакомпаниями.', []],
  ['violence', 'Дома опять война за пульт.', []],
  ['violence', 'Целый месяц воюем с молью.', []],
  ['violence', 'На войне и в мирной жизни он был честен.', ['войне']],
  ['violence', 'Война с соседним государством длилась годы.', ['Война']],
]);

condition('food eaten up, insects killed, records destroyed', [
  ['violence', 'Гости уничтожили всю пиццу за десять минут.', []],
  ['violence', 'Убей комара, он жужжит над ухом.', []],
  ['violence', 'Бухгалтерия уничтожила старые квитанции.', []],
  ['violence', 'Охрана уничтожила всех пленных.', ['уничтожила']],
]);

condition('an appliance blade, a book pulped, talent «in the blood», a blood moon', [
  ['violence', 'Поменяй ножи у газонокосилки.', []],
  ['violence', 'Тираж журнала пустили под нож.', []],
  ['violence', 'Гостеприимство у них в крови.', []],
  ['violence', 'Ночью наблюдали кровавую луну.', []],
  ['violence', 'Он ударил прохожего ножом.', ['ножом']],
  ['violence', 'Раненый лежал весь в крови.', ['крови']],
]);

condition('«смерть как» and «промедление смерти подобно»', [
  ['violence', 'Смерть как надоел этот дождь.', []],
  ['violence', 'Промедление смерти подобно, звоните врачу.', []],
  ['violence', 'Смерть оккупантам!', ['Смерть']],
]);

condition('capture of a screen, a judo grip, a captivating book, a market share', [
  ['violence', 'Включи захват видео с экрана.', []],
  ['violence', 'Самбист провёл захват и бросок.', []],
  ['violence', 'Роман захватил меня с первой главы.', []],
  ['violence', 'Стартап захватил пятую часть рынка.', []],
  ['violence', 'Боевики захватили вокзал.', ['захватили']],
]);

condition('a vitamin bomb, a taxi «bomber», a flood of letters, boxing, price massacres', [
  ['violence', 'Смузи из шпината — витаминная бомба.', []],
  ['violence', 'По вечерам он бомбит, подвозит пассажиров до вокзала.', []],
  ['violence', 'Банк бомбит меня рекламой и звонками.', []],
  ['violence', 'На ринге болельщики кричали: бей, бей!', []],
  ['violence', 'В магазине резня цен и давка за скидками.', []],
  ['violence', 'Бомба взорвалась у вокзала.', ['Бомба']],
]);

condition('an enemy in a game or chess, a habit as one\'s enemy', [
  ['negative-evaluation', 'Враги на втором уровне стреляют метко.', []],
  ['negative-evaluation', 'Сахар — враг зубов.', []],
  ['negative-evaluation', 'Стресс — мой главный враг.', []],
  ['negative-evaluation', 'Враги напали на город ночью.', ['Враги']],
]);

condition('nasty weather, a smell, a sound', [
  ['negative-evaluation', 'Мерзкая слякоть второй день.', []],
  ['negative-evaluation', 'Погода сегодня мерзкая.', []],
  ['negative-evaluation', 'Мерзкие предатели продали завод.', ['Мерзкие', 'предатели']],
]);

condition('hatred of an activity, a situation or oneself', [
  ['negative-evaluation', 'Ненавижу мыть окна.', []],
  ['negative-evaluation', 'Ненавижу, когда опаздывают.', []],
  ['negative-evaluation', 'Ненавижу себя за эту слабость.', []],
  ['negative-evaluation', 'Ненавижу их, когда они лгут.', ['Ненавижу']],
]);

condition('animals of the zodiac, the wild, folklore and idioms', [
  ['negative-evaluation', 'В год Крысы родилась моя дочь.', []],
  ['negative-evaluation', 'В заповеднике живут шакалы.', []],
  ['negative-evaluation', 'Кикиморы, лешие — нечисть русских сказок.', []],
  ['negative-evaluation', 'Он подложил свинью всему отделу.', []],
  ['negative-evaluation', 'У каждого свои тараканы в голове.', []],
  ['negative-evaluation', 'Ветеринар вывел у щенка паразитов.', []],
  ['negative-evaluation', 'Эти паразиты сидят на шее у народа.', ['паразиты']],
  ['negative-evaluation', 'Эти свиньи разгромили нам двор.', ['свиньи']],
]);

condition('a religious term as a personal name', [
  ['religious-terminology', 'Моего коллегу зовут Джихад.', []],
  ['religious-terminology', 'Гол забил Шахид Аминов.', []],
  ['religious-terminology', 'Он ушёл на джихад против соседей.', ['джихад']],
  ['religious-terminology', 'Шахиды Хамаса взорвали автобус.', ['Шахиды']],
]);

condition('wishes, formulas and sayings in the imperative ask for no act', [
  ['call-to-action', 'Выздоравливайте скорее!', []],
  ['call-to-action', 'Будьте здоровы!', []],
  ['call-to-action', 'Не болей и береги себя.', []],
  ['call-to-action', 'Если сервер упадёт, пиши пропало.', []],
  ['call-to-action', 'Держи карман шире!', []],
  ['call-to-action', 'Будьте добры, передайте соль.', ['передайте']],
  ['call-to-action', 'Болейте за наших!', ['Болейте']],
]);

condition('an imperative that is also a past plural, in a sentence told in the past', [
  ['call-to-action', 'Пили чай и болтали до утра.', []],
  ['call-to-action', 'Сели в автобус и уехали.', []],
  ['call-to-action', 'Жги их дома, они убили наших!', ['Жги']],
]);

condition('the title of a work in quotation marks (quotedTitle)', [
  ['violence', 'На уроке читали рассказ «Смерть чиновника».', []],
  ['group-designation', 'На уроке читали рассказ «Смерть чиновника».', []],
  ['violence', 'Посмотрели боевик «Кровавый спорт».', []],
  ['violence', 'Пересмотрели «Кровавый спорт» (1988) вчера.', []],
  ['violence', 'Дети играли в «Захват флага».', []],
  ['negative-evaluation', 'Смотрели фильм «Фантастические твари».', []],
  ['violence', 'Он разослал листовку «Смерть неверным».', ['Смерть']],
  ['violence', 'На суде показали фильм «Сожгите их всех».', ['Сожгите']],
  ['violence', 'Посмотрели фильм «смерть в кадре» без заглавной.', ['смерть']],
  ['violence', 'Смотрите «Смерть соседям» все до конца!', ['Смерть']],
]);

describe('litotes negates the word it softens', () => {
  it('«не так уж и позорно», «не такой уж и враг» are negated', async () => {
    for (const text of ['Не так уж и позорно проиграть чемпиону.', 'Сосед не такой уж и враг.']) {
      const found = (await findingsOf(text, 'ru')).filter((f) => f.category === 'negative-evaluation');
      expect(found).toHaveLength(1);
      expect(found[0]?.countervailing).toContain('negated');
    }
  });
  it('an evaluation with no negation before it is not negated', async () => {
    const found = (await findingsOf('Это так позорно для всех.', 'ru')).filter((f) => f.category === 'negative-evaluation');
    expect(found).toHaveLength(1);
    expect(found[0]?.countervailing ?? []).not.toContain('negated');
  });
});
