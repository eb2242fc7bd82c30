// Russian sense and counter-indicators, round 11 (issue 14): the lexicon-side sweep of round 10
// carried to the group, evaluation and religious entries and to the context markers — a dish, a
// horse, a document or a team named by a nationality, a street name or a surname made from an
// ethnonym; an enemy on the pitch or a gadget as «enemy», a traitor in a game, a nasty soup, a
// shameful school mark, a cartoon rat, André Gide; the kaffir lime, wrong data, the hijras of South
// Asia, a doctor's oath; negation after the word (нет, не было), «вряд ли», «не собираюсь»; a call
// to stop (хватит, прекратите) as condemnation; prayer formulas with God as the actor (Дай Бог, Да
// благословит); «отметить праздник», no reported speech; livestock at market, cartoon animals, aliens,
// self-hatred. Each condition is data in sop/lexicons/ru;
// each table holds a control that must stay. Sentences are fictional, written for these tests.
import { describe, expect, it } from 'vitest';
import { counterCondition, findingsOf, senseCondition, type SenseCase } from '../../tests/support/indicator-candidates.js';

const condition = (name: string, cases: readonly SenseCase[]): void => senseCondition('ru', name, cases);

condition('a nationality adjective before a dish, a garment, a horse, a document, a branch of learning or a team', [
  ['group-designation', 'На обед подали дунганскую лапшу и узбекские лепёшки.', []],
  ['group-designation', 'Казахские скакуны пришли первыми на байге.', []],
  ['group-designation', 'Ему выдали кыргызский паспорт в прошлом месяце.', []],
  ['group-designation', 'Экзамен по казахской истории перенесли на среду.', []],
  ['group-designation', 'Казахская сборная вышла в финал чемпионата.', []],
  ['group-designation', 'Туристы сфотографировались у Великой китайской стены.', []],
  ['group-designation', 'Казахские рабочие приехали на стройку.', ['Казахские']],
  ['group-designation', 'Узбекские сёла остались без света.', ['Узбекские']],
]);

condition('a street name or a surname made from an ethnonym', [
  ['group-designation', 'Мы жили на улице Киргизской.', []],
  ['group-designation', 'Его фамилия Казахов, он наш новый бухгалтер.', []],
  ['group-designation', 'На приём записался гражданин Узбеков.', []],
  ['group-designation', 'На улице избили двоих узбеков.', ['узбеков']],
]);

condition('an enemy on the pitch, a gadget or food as «enemy»', [
  ['negative-evaluation', 'Мяч влетел во вражеские ворота на последней минуте матча.', []],
  ['negative-evaluation', 'Будильник — мой главный враг по утрам.', []],
  ['negative-evaluation', 'Фастфуд — враг вашей фигуры и сна.', []],
  ['negative-evaluation', 'Враг перешёл границу ночью.', ['Враг']],
]);

condition('a traitor in a game, a chess problem or a series', [
  ['negative-evaluation', 'В мафии предатель выиграл третий раунд.', []],
  ['negative-evaluation', 'В финале сезона предателем оказался дворецкий.', []],
  ['negative-evaluation', 'В Among Us предатель прячется в вентиляции.', []],
  ['negative-evaluation', 'Предатели сдали город врагу.', ['Предатели', 'врагу']],
]);

condition('a nasty dish or illness, a pet or a device cursed, self-reproach, a school mark', [
  ['negative-evaluation', 'Суп получился гнусный, я его пересолила.', []],
  ['negative-evaluation', 'Какой мерзкий грипп в этом году.', []],
  ['negative-evaluation', 'Кот, мерзавец, опять стащил котлету.', []],
  ['negative-evaluation', 'Принтер, зараза, снова зажевал бумагу.', []],
  ['negative-evaluation', 'Позор мне, забыл про твой день рождения.', []],
  ['negative-evaluation', 'Дочь принесла позорную двойку по алгебре.', []],
  ['negative-evaluation', 'Эти мерзавцы подожгли наш склад.', ['мерзавцы']],
]);

condition('a cartoon rat, filler words, André Gide and the Wandering Jew', [
  ['negative-evaluation', 'В мультфильме крыса Лариса сидела в сумочке.', []],
  ['negative-evaluation', 'Уберите из речи слова паразиты.', []],
  ['negative-evaluation', 'На семинаре обсуждали дневники Андре Жида и роман Андре Жид читал вслух.', []],
  ['negative-evaluation', 'Эти крысы украли наши деньги.', ['крысы']],
]);

condition('the kaffir lime, wrong data, the hijras of South Asia, a professional oath', [
  ['religious-terminology', 'Положите в суп два листа кафира и лемонграсс.', []],
  ['religious-terminology', 'Показания счётчика оказались неверными.', []],
  ['religious-terminology', 'В Пакистане хиджры признаны третьим полом.', []],
  ['religious-terminology', 'Выпускники-медики произнесли присягу врача.', []],
  ['religious-terminology', 'Хиджра пророка положила начало летоисчислению.', ['Хиджра']],
  ['religious-terminology', 'Он объявил соседей кафирами.', ['кафирами']],
]);

condition('livestock at market, animals of cartoons and tales, God’s creatures, aliens, self-hatred, the devil, mosquitoes', [
  ['negative-evaluation', 'На базаре торгуют скотом и птицей.', []],
  ['negative-evaluation', 'Дети смотрели мультфильм про шакалов и гиен.', []],
  ['negative-evaluation', 'Крыса перегрызла провод в гараже.', []],
  ['negative-evaluation', 'Все мы твари божьи, говорила соседка.', []],
  ['negative-evaluation', 'В фантастическом романе нелюди похищают людей.', []],
  ['negative-evaluation', 'Ненависть к себе — частая тема у психологов.', []],
  ['negative-evaluation', 'Священник говорил о кознях врага рода человеческого.', []],
  ['negative-evaluation', 'Летом на даче мои главные враги — комары.', []],
  ['negative-evaluation', 'Эти свиньи разгромили наш двор.', ['свиньи']],
]);

condition('«их», «им» as the ones given a present, taught or dressed', [
  ['us-them', 'Купите им мороженое, они заслужили.', []],
  ['us-them', 'Научите их плавать этим летом.', []],
  ['us-them', 'Подарите им что-нибудь на свадьбу.', []],
  ['us-them', 'Бейте их, пока не поздно!', ['их']],
]);

counterCondition(
  'ru',
  'negation after the word, hedged denial and refusal',
  'negated',
  [
    ['Насилия в тексте нет.', 'Насилия'],
    ['Об убийстве речи не идёт.', 'убийстве'],
    ['Вряд ли кто-то станет их убивать.', 'убивать'],
    ['Бить никого не собираюсь.', 'Бить'],
  ],
  ['Убейте их, пощады нет.', 'Убейте'],
);

counterCondition(
  'ru',
  'a call to stop condemns the act',
  'condemned',
  [
    ['Хватит убивать друг друга!', 'убивать'],
    ['Прекратите насилие!', 'насилие'],
    ['Перестаньте избивать людей!', 'избивать'],
  ],
  ['Нам хватит сил уничтожить их.', 'уничтожить'],
);

counterCondition(
  'ru',
  'prayer formulas with God as the actor',
  'prayer',
  [
    ['Да поможет нам Всевышний, идите с миром.', 'идите'],
    ['Дай Бог здоровья вашим родителям, передайте им привет.', 'передайте'],
    ['Молим Аллаха: защити наших детей.', 'защити'],
    ['Прошу Всевышнего, сохрани нашу землю.', 'сохрани'],
  ],
  ['Передайте им привет от нас.', 'Передайте'],
);

describe('«отметить праздник» is no reported speech', () => {
  it('a community that celebrated a holiday reports no words', async () => {
    const found = (await findingsOf('Еврейская община отметила праздник в синагоге.', 'ru')).find((f) => f.actual === 'Еврейская');
    expect(found?.voice).toBe('own');
  });
  it('«отметил, что …» still reports (control)', async () => {
    const found = (await findingsOf('Эксперт отметил, что мигранты якобы захватили рынок.', 'ru')).find((f) => f.actual === 'мигранты');
    expect(found?.voice).toBe('reported');
  });
});
