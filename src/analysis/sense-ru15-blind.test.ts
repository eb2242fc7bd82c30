// Russian calls to action and violence, round 15 (issue 14): the frame sweep of every violence
// entry (game, plot summary, sport, boxing drill, a song's plea, hunting) and the wrong senses of
// unseen batches, each kept out by a structural condition as data in sop/lexicons/ru — the
// gamers' words of the sentence, the heroine or the screenwriters, «главный герой», a result «со
// счётом», a rival in a match, an imperative with the speaker as its object, a boxing drill —
// and the hortative «пойдём громить» found (recall). Each table holds a control that must stay.
// Sentences are fictional, written for these tests.
import { describe, expect, it } from 'vitest';
import { findingsOf, senseCondition, type SenseCase } from '../../tests/support/indicator-candidates.js';

const condition = (name: string, cases: readonly SenseCase[]): void => senseCondition('ru', name, cases);

condition('violence inside a video game, read by the gamers\' words of the sentence', [
  ['violence', 'Взорвите стену, чтобы забрать лут из сундука.', []],
  ['violence', 'Нас опять перестреляли на респе, тиммейты спали.', []],
  ['violence', 'Сожгите карту из руки, чтобы получить ману.', []],
  ['violence', 'Режьте их, будто мобов, всех до одного.', ['Режьте']],
  ['violence', 'Сожгите их лавки на рынке.', ['Сожгите']],
]);

condition('a plot told by its heroine, the screenwriters or «главный герой»', [
  ['violence', 'Главная героиня мстит похитителям и сбегает из больницы.', []],
  ['violence', 'Героиня Сопротивления взорвала мост у станции.', ['взорвала']],
  ['violence', 'Сценаристы зачем-то решили зарезать любимого персонажа.', []],
  ['violence', 'В финале главный герой взрывает мост и исчезает.', []],
  ['violence', 'Автор убивает главного героя в середине книги.', []],
  ['violence', 'Герой Советского Союза уничтожил три танка.', ['уничтожил']],
  ['violence', 'Кто убьёт их главаря, тот станет героем.', ['убьёт']],
]);

condition('a sport result «со счётом» and a rival in a match', [
  ['violence', 'Наши разгромили гостей со счётом 3:0.', []],
  ['violence', 'Тренер сказал, что надо было добивать и убить соперника ещё в первом тайме.', []],
  ['violence', 'Ревнивец зарезал соперника у подъезда.', ['зарезал']],
]);

condition('an imperative of violence with the speaker as its object', [
  ['violence', 'Убей меня нежно, как ты умеешь.', []],
  ['call-to-action', 'Стреляй в меня, мне не больно.', []],
  ['violence', 'Стреляй в него, пока не убежал!', ['Стреляй']],
]);

condition('a boxing drill', [
  ['violence', 'Бей двоечку и уходи влево.', []],
  ['violence', 'Бей в корпус, голову прикрывай!', []],
  ['violence', 'Его избили в изоляторе.', ['избили']],
  ['violence', 'Их били по голове арматурой.', ['били']],
]);

condition('hunting game and military units as the killers', [
  ['violence', 'Подранка добили, а по фазану стреляй с упреждением.', []],
  ['violence', 'В 1943 году немецкие части убили жителей деревни.', ['убили']],
  ['violence', 'Немецкие части повесили старосту на площади.', ['повесили']],
]);

condition('the hortative «пойдём (идём) громить» and its everyday twins', [
  ['call-to-action', 'Братья, пойдём сегодня ночью громить их лавки.', ['пойдём']],
  ['call-to-action', 'Всей семьёй идём на парад.', []],
  ['call-to-action', 'Идём домой, уже поздно.', []],
  ['call-to-action', 'Пора всем нашим собраться и выкинуть их с рынка.', ['Пора']],
  ['call-to-action', 'Пора всем нашим домой.', []],
  ['call-to-action', 'Сегодня мы идём гулять в парк.', []],
]);

describe('round 15: the hortative «пойдём» names its infinitive', () => {
  it('gives violence on the infinitive and a call on «пойдём» in one sentence', async () => {
    const findings = await findingsOf('Пойдём сегодня громить их склад.', 'ru');
    expect(findings.filter((f) => f.category !== 'us-them').map((f) => [f.category, f.actual]).sort()).toEqual([['call-to-action', 'Пойдём'], ['violence', 'громить']]);
  });
});
