// Russian sense, round 9 (issue 14): families read in the natural Russian text of
// ../shared/corpora-real (scripts/audit-findings.mjs) and the gaps round 8 left open — a call
// beside a series, a post's title whose fiction is named in its hashtags only, an inanimate thing
// that «kills», death from illness and in condolences, a pet or laboratory rat, proverbs with
// «враг», an in-group subject after violence told in an earlier clause, and «дома» as a Russian
// word for the language identifier. Data in sop/lexicons/ru and sop/language/ru.yaml; the
// exclusion tests `word`, `hashtags` and the neighbour test `notGrammemes` in matcher.ts, the
// clause of an in-group subject in indicators.ts. Each condition is a table of sentences with
// the candidates they must give, controls that must stay among them. Sentences are fictional,
// written for these tests.
import { describe, expect, it } from 'vitest';
import { findingsOf, senseCondition, type SenseCase } from '../../tests/support/indicator-candidates.js';
import { identifyLanguage } from '../language/identify.js';

const condition = (name: string, cases: readonly SenseCase[]): void => senseCondition('ru', name, cases);

condition('screen fiction never removes the violence of an imperative (word: notGrammemes impr)', [
  ['violence', 'Убейте их всех, как в том сериале!', ['Убейте']],
  ['violence', 'Сожгите их деревню, как в аниме про самураев.', ['Сожгите']],
  ['violence', 'Убьём их, как герои сериала!', ['Убьём']],
  ['violence', 'В финале сериала злодея убивают.', []],
  ['violence', 'В аниме героя сжигают на костре.', []],
]);

condition('a title whose fiction is named in its hashtags only (hashtags)', [
  ['violence', 'ТЕТРАДЬ СМЕРТИ, серии 11-18 #ТетрадьСмерти #АнимеСтрим', []],
  ['violence', 'ХОДЯЧИЕ МЕРТВЕЦЫ: ВСЕХ УБИЛИ #СериалВечер', []],
  ['violence', 'Убейте их всех! #СериалВечер', ['Убейте']],
  ['violence', 'ВСЕХ УБИЛИ У ПОДЪЕЗДА #новости', ['УБИЛИ']],
]);

condition('an inanimate thing or habit «kills»: a warning or hyperbole', [
  ['violence', 'Курение убивает.', []],
  ['violence', 'Воздух тоже убивает, дышать нечем.', []],
  ['violence', 'Стресс медленно убивает.', []],
  ['violence', 'Меня убивает эта тишина.', []],
  ['violence', 'Режим убивает своих граждан.', ['убивает']],
  ['violence', 'Каждый день убивают мирных жителей.', ['убивают']],
  ['violence', 'Сосед убивает кур во дворе.', ['убивает']],
  ['violence', 'Бомба убивает всех в радиусе километра.', ['Бомба', 'убивает']],
]);

condition('death from illness, a natural death, condolences', [
  ['violence', 'Смерть от инфаркта настигла его на работе.', []],
  ['violence', 'Врачи говорят о скоропостижной смерти.', []],
  ['violence', 'Соболезную в связи со смертью вашего отца.', []],
  ['violence', 'Смерть от пули настигла его у дома.', ['Смерть']],
  ['violence', 'Смерть предателям!', ['Смерть']],
]);

condition('a pet or laboratory rat, a guinea pig', [
  ['negative-evaluation', 'Я, как подопытная крыса, первым опробую новый тариф.', []],
  ['negative-evaluation', 'Дочка попросила декоративную крысу на день рождения.', []],
  ['negative-evaluation', 'Он крыса, сдал нас всех.', ['крыса']],
]);

condition('proverbs and sayings with «враг»', [
  ['negative-evaluation', 'Говорят же, язык твой — враг твой.', []],
  ['negative-evaluation', 'Не переделывай, лучшее — враг хорошего.', []],
  ['negative-evaluation', 'Он сам себе враг.', []],
  ['negative-evaluation', 'Враг уже у ворот города.', ['Враг']],
]);

condition('an in-group subject after violence told in an earlier clause', [
  ['us-them', 'Вчера соседа убили у подъезда, а мы как раз смотрели кино.', []],
  ['us-them', 'Вчера сожгли склад на окраине, а мы в это время спали.', []],
  ['us-them', 'Они сожгли наш город, и мы отомстим.', ['Они', 'наш', 'мы']],
  ['us-them', 'Мы их уничтожим.', ['Мы', 'их']],
  ['us-them', 'Мы ответим кровью, когда придёт время.', ['Мы']],
  ['us-them', 'Нас убивают, а мы молчим!', ['Нас', 'мы']],
]);

condition('«они» as the subject of a verb said of things (errors, records, goods)', [
  ['us-them', 'Нам нужно понять, почему они возникают.', []],
  ['us-them', 'Мы их внесли, но они не отображаются в отчёте.', []],
  ['us-them', 'Они до сих пор не начисляются, а нам обещали к пятнице.', []],
  ['us-them', 'Они пришли ночью и сожгли наши дома.', ['Они', 'наши']],
]);

condition('a concessive imperative after «хоть» or «ни»: no call, no violence', [
  ['call-to-action', 'Хоть убей, не помню его фамилию.', []],
  ['violence', 'Хоть убей, не помню его фамилию.', []],
  ['violence', 'Он молчит, хоть режь его.', []],
  ['call-to-action', 'Как ни крути, а отчёт сдавать.', []],
  ['call-to-action', 'Что ни говори, лето кончилось.', []],
  ['call-to-action', 'Хоть одного из них убейте!', ['убейте']],
  ['violence', 'Убей его, хоть палкой!', ['Убей']],
]);

condition('sayings with война and «до смерти»', [
  ['violence', 'В любви и на войне все средства хороши.', []],
  ['violence', 'Война войной, а обед по расписанию.', []],
  ['violence', 'Мне до смерти надоел этот дождь.', []],
  ['violence', 'На войне все погибли.', ['войне']],
  ['violence', 'Его избили до смерти.', ['избили', 'смерти']],
]);

condition('livestock, rot and infection, a creature', [
  ['negative-evaluation', 'Летом мы пасём скот на дальних пастбищах.', []],
  ['negative-evaluation', 'В хозяйстве держат мелкий рогатый скот.', []],
  ['negative-evaluation', 'На яблоках появилась гниль, урожай пропал.', []],
  ['negative-evaluation', 'Простуда — та ещё зараза.', []],
  ['negative-evaluation', 'Всякая тварь славит Творца.', []],
  ['negative-evaluation', 'Эти скоты разбили нам окна.', ['скоты']],
  ['negative-evaluation', 'Ты тварь, а не человек.', ['тварь']],
]);

condition('a figurative weapon, blood of kin and idioms, slang «меня бомбит»', [
  ['violence', 'Юмор — его главное оружие.', []],
  ['violence', 'Вооружились вениками и пошли убирать класс.', []],
  ['violence', 'Он мне родная кровь.', []],
  ['violence', 'У меня уже бомбит от этой очереди.', []],
  ['violence', 'Они вооружились ножами.', ['вооружились', 'ножами']],
  ['violence', 'Пролилась кровь невинных.', ['кровь']],
  ['violence', 'Авиация бомбит город.', ['бомбит']],
]);

condition('a nationality adjective naming a thing, a game or an idiom', [
  ['group-designation', 'Это просто американские горки какие-то.', []],
  ['group-designation', 'Такой ремонт — русская рулетка.', []],
  ['group-designation', 'Для меня это китайская грамота.', []],
  ['group-designation', 'Китайские рабочие приехали строить дорогу.', ['Китайские']],
]);

condition('unfaithful spouses, taking along, a defeat in a game, sounding a drum', [
  ['religious-terminology', 'Она узнала, что муж ей неверный.', []],
  ['religious-terminology', 'Смерть неверным!', ['неверным']],
  ['violence', 'Он захватил с собой бутерброды.', []],
  ['violence', 'Боевики захватили здание.', ['захватили']],
  ['violence', 'Мы разгромили их в шахматы.', []],
  ['violence', 'Они разгромили нашу деревню.', ['разгромили']],
  ['violence', 'Бей в барабан!', []],
]);

describe('a prohibition after the word in its clause', () => {
  it.each([
    ['Бить животных нельзя.', 'Бить'],
    ['Стрелять в людей нельзя никогда.', 'Стрелять'],
    ['Жечь чужие машины не стоит.', 'Жечь'],
    ['Мстить за это не следует.', 'Мстить'],
  ])('«%s»: %s is negated', async (text, word) => {
    const found = (await findingsOf(text, 'ru')).find((f) => f.actual === word);
    expect(found?.countervailing).toContain('negated');
  });
  it('a prohibition in another clause leaves a call as it is', async () => {
    const found = (await findingsOf('Бейте их, ждать нельзя!', 'ru')).filter((f) => f.actual === 'Бейте');
    expect(found.map((f) => [f.category, f.countervailing])).toEqual([
      ['call-to-action', []],
      ['violence', []],
    ]);
  });
});

describe('«дома» (at home) is a Russian word for the identifier', () => {
  it.each([
    ['Наши дома горят', 'ru'],
    ['Я уже дома', 'ru'],
    ['Онҳо хонаҳои моро сӯзонданд.', 'tg'],
  ])('«%s» is identified as %s', (text, language) => {
    expect(identifyLanguage(text).language).toBe(language);
  });
});
