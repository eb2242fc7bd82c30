// Russian sense, round 7 (issue 14): violence in games, sport and the kitchen, the speaker's
// ordinary group or institution, and a possessive «их» whose owner is a thing (data in
// sop/lexicons/ru/{violence,negative-evaluation,us-them}.yaml, rule in pronoun-reference.ts).
// One test per condition, each with a control that must stay. Sentences are fictional, written
// for these tests.
import { beforeAll, describe, expect, it } from 'vitest';
import { sentenceCandidates } from '../../tests/support/indicator-candidates.js';
import type { Lexicon } from './lexicon-check.js';
import { loadLexicons } from './lexicon-files.js';

const ROOT = new URL('../../', import.meta.url).pathname;
let lexicons: Lexicon[] = [];
beforeAll(async () => {
  lexicons = (await loadLexicons(ROOT)).lexicons;
});

/** The candidates of `category` in one Russian sentence, as `category:word`. */
const of = (category: string, text: string): string[] =>
  sentenceCandidates(lexicons, text, 'ru')
    .filter((f) => f.category === category)
    .map((f) => `${f.category}:${f.actual}`);

describe('violence inside a video game or its stream', () => {
  it('a sentence about a stream, a shooter or a game character is no violence', () => {
    expect(of('violence', 'Вчера на стриме истребляли нечисть до трёх ночи.')).toEqual([]);
    expect(of('negative-evaluation', 'Вчера на стриме истребляли нечисть до трёх ночи.')).toEqual([]);
    expect(of('violence', 'В этом шутере стрелять можно только из лука.')).toEqual([]);
    expect(of('violence', 'Персонаж убивает дракона и забирает золото.')).toEqual([]);
  });

  it('the speaker reported killed in the past tense is no killing; an attempt and a threat stay', () => {
    expect(of('violence', 'Меня убили на второй минуте, дальше смотрел повтор.')).toEqual([]);
    expect(of('violence', 'Снайпер застрелил меня прямо с крыши.')).toEqual([]);
    expect(of('violence', 'Вчера в подъезде меня чуть не убили.')).toEqual(['violence:убили']);
    expect(of('violence', 'Они убьют меня, если я вернусь.')).toEqual(['violence:убьют']);
  });
});

describe('violence words in sport', () => {
  it('shooting at goal, beating a rival, punishing a mistake', () => {
    expect(of('violence', 'Во втором тайме хозяева расстреляли ворота гостей.')).toEqual([]);
    expect(of('violence', 'Мы уничтожили соперника в финале.')).toEqual([]);
    expect(of('violence', 'Форвард казнил ошибку вратаря.')).toEqual([]);
  });

  it('shooting at people by a gate stays', () => {
    expect(of('violence', 'Стреляйте в каждого, кто выйдет за ворота.')).toEqual(['violence:Стреляйте']);
  });
});

describe('violence words in the kitchen and the farmyard', () => {
  it('slaughtering livestock, burning food, beating eggs, a knife in a recipe', () => {
    expect(of('violence', 'Сосед зарезал двух баранов к празднику.')).toEqual([]);
    expect(of('violence', 'Я опять сожгла котлеты.')).toEqual([]);
    expect(of('violence', 'Не сожги лук, убавь огонь на плите.')).toEqual([]);
    expect(of('violence', 'Бейте яйца с сахаром до пены.')).toEqual([]);
    expect(of('violence', 'Нарежьте лук острым ножом.')).toEqual([]);
  });

  it('cutting, burning and beating people stay', () => {
    expect(of('violence', 'Он зарезал соседа во дворе.')).toEqual(['violence:зарезал']);
    expect(of('violence', 'Сожгите их склады.')).toEqual(['violence:Сожгите']);
    expect(of('violence', 'Бейте их, пока не поздно!')).toEqual(['violence:Бейте']);
  });
});

describe('the speaker\'s ordinary group or institution', () => {
  it('«нам» after a verb of writing or sending, «к нам» after a verb of coming, «с нами» after связаться', () => {
    expect(of('us-them', 'Напишите нам, если заказ не пришёл.')).toEqual([]);
    expect(of('us-them', 'Приходите к нам в субботу на ярмарку.')).toEqual([]);
    expect(of('us-them', 'Свяжитесь с нами по телефону.')).toEqual([]);
  });

  it('a possessive of a team, an event, an audience or an attribute of records', () => {
    expect(of('us-them', 'Наша команда ждёт вас, приходите болеть!')).toEqual([]);
    expect(of('us-them', 'Подписывайтесь на нашу страницу и зовите друзей.')).toEqual([]);
  });

  it('an in-group beside violence or against another group stays', () => {
    expect(of('us-them', 'Нам нужно отомстить им за сожжённые дома.')).toEqual(['us-them:Нам', 'us-them:им']);
  });
});

describe('a pronoun that is the object of clerical work, care or a message', () => {
  it('«их» deleted, filled in or signed is records or names on a list', () => {
    expect(of('us-them', 'Брони просрочены, их нужно удалить из базы.')).toEqual([]);
    expect(of('us-them', 'Анкеты пришли, проверьте их и подпишите.')).toEqual([]);
  });

  it('«их», «им», «нас» looked after, invited or told are people cared for, not a target', () => {
    expect(of('us-them', 'Гости пришли, встречайте их!')).toEqual([]);
    expect(of('us-them', 'Родители волнуются, позвоните им.')).toEqual([]);
    expect(of('us-them', 'Подождите нас у входа.')).toEqual([]);
  });

  it('«с ним», «над ним» is him or it, not «они»', () => {
    expect(of('us-them', 'Если работать с ним, то дайте его контакты.')).toEqual([]);
  });

  it('a call against them stays', () => {
    expect(of('us-them', 'Их надо остановить, пока не поздно.')).toEqual(['us-them:Их']);
    expect(of('us-them', 'Идите к ним и бейте всех подряд!')).toEqual(['us-them:ним']);
  });
});

describe('a possessive «их» whose owner is a thing', () => {
  it('the nearest plural before it names things, in any case', () => {
    expect(of('us-them', 'По техническим проблемам и их решению пишите Юрию.')).toEqual([]);
    expect(of('us-them', 'Классный руководитель напомнил об экзаменах и их пересдаче, надо готовиться.')).toEqual([]);
  });

  it('an owner that is people, and an object «их» after an oblique plural, stay', () => {
    expect(of('us-them', 'Отомстим чужакам за их преступления!')).toEqual(['us-them:их']);
    expect(of('us-them', 'Боритесь с серыми плащами везде, где их встретите!')).toEqual(['us-them:их']);
  });
});
