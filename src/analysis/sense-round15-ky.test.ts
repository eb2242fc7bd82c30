// Conditions of the Kyrgyz frame sweep of round 15 (issue 14, branch ky15), each with the reading
// it removes and a control that stays. The sweep put every ky call form, violence verb and nation
// name into frames of ordinary text (and the same text typed without ң ө ү, as on a Russian
// keyboard); the sentences here are fictional, written for these tests in other words.
import { describe, expect, it } from 'vitest';
import { countersOf as countersIn, findingsOf, hasCandidate } from '../../tests/support/indicator-candidates.js';

const finds = (text: string, word: string, category: string): Promise<boolean> => hasCandidate(text, word, category, 'ky');
const countersOf = (text: string, word: string): Promise<readonly string[]> => countersIn(text, word, 'ky');

describe('a Kyrgyz possessed noun in -(С)ЫН whose clause goes on is no 3rd-person wish', () => {
  it('before a question word or an adverb of past time in its clause', async () => {
    expect(await finds('Баласын ким алып кетти?', 'Баласын', 'call-to-action')).toBe(false);
    expect(await finds('Кесесин кайда койдуң?', 'Кесесин', 'call-to-action')).toBe(false);
    expect(await finds('Эжем короосун былтыр сатып жиберген.', 'короосун', 'call-to-action')).toBe(false);
  });
  it('before a past verb asked with -БЫ, after an evidential past, before a numeral and a dative verb', async () => {
    expect(await finds('Терезесин көрдүңөрбү?', 'Терезесин', 'call-to-action')).toBe(false);
    expect(await finds('Кесесин кордунбу?', 'Кесесин', 'call-to-action')).toBe(false);
    expect(await finds('Таштап кетиптир кесесин.', 'кесесин', 'call-to-action')).toBe(false);
    expect(await finds('Ал энесин үч күнгө калтырып кетти.', 'энесин', 'call-to-action')).toBe(false);
  });
  it('a wish before a comma, a wish with a future adverb in chat order and a wish before its subject stay', async () => {
    expect(await finds('Бул жерден кетсин, кимдир бирөө айтсын!', 'кетсин', 'call-to-action')).toBe(true);
    expect(await finds('Агаң келсин эртең, сүйлөшөбүз.', 'келсин', 'call-to-action')).toBe(true);
    expect(await finds('Жоголсун баскынчылар!', 'Жоголсун', 'call-to-action')).toBe(true);
  });
});

describe('a nation name before a school, a class, a melody or a garment names the thing', () => {
  it('is no group designation there; people of the nation stay', async () => {
    expect(await finds('Небереси өзбек мектебинде окуйт.', 'өзбек', 'group-designation')).toBe(false);
    expect(await finds('Той казак обону менен ачылды.', 'казак', 'group-designation')).toBe(false);
    expect(await finds('Кыз дунган көйнөгүн кийип чыкты.', 'дунган', 'group-designation')).toBe(false);
    expect(await finds('Айылда дунгандар менен кыргыздар жанаша жашашат.', 'дунгандар', 'group-designation')).toBe(true);
  });
});

describe('violence verb forms the lists missed', () => {
  it('the conditional and the hortative of саба-, the verbal noun of талкала-', async () => {
    expect(await countersOf('Эгер алар кароолчуну сабаса, биз кабарлайбыз.', 'сабаса')).toContain('conditional');
    expect(await finds('Аларды сабайлы!', 'сабайлы', 'violence')).toBe(true);
    expect(await countersOf('Аларды сабайлы!', 'сабайлы')).not.toContain('negated');
    expect(await finds('Дүкөндөрдү талкалоого чакырган жигит кармалды.', 'талкалоого', 'violence')).toBe(true);
  });
  it('сабак, the lesson, stays no violence', async () => {
    expect(await finds('Сабагыңды жаздыңбы?', 'Сабагыңды', 'violence')).toBe(false);
  });
});

describe('text typed without ң ө ү (a Russian keyboard)', () => {
  it('the plural imperative in -гуло and its negation -богуло', async () => {
    expect(await finds('Балдар, мугалим менен суйлошкуло!', 'суйлошкуло', 'call-to-action')).toBe(true);
    expect(await countersOf('Короодо ойнобогула, кечинде тунку тамакка келгиле, уйду бузбогуло!', 'бузбогуло')).toContain('negated');
  });
  it('олтур- after an object in the accusative is killing; sitting, seating guests and killed time are not', async () => {
    expect(await finds('Кечээ ошол жигиттер кароолчуну олтурушту.', 'кароолчуну олтурушту', 'violence')).toBe(true);
    const sitting = await findingsOf('Балдар, торго олтургула! Конокторду торго олтургуздук. Кезекте убакытты олтуруп отурдук.', 'ky');
    expect(sitting.filter((f) => f.category === 'violence')).toEqual([]);
  });
  it('өрттө-, өч ал- and өзбек typed as ортто-, оч ал-, озбек; оч for очень before алыс is none', async () => {
    expect(await finds('Алардын уйлорун орттогуло!', 'орттогуло', 'violence')).toBe(true);
    expect(await finds('Биз алардан оч алабыз.', 'оч алабыз', 'violence')).toBe(true);
    expect(await finds('Биздин айыл шаардан оч алыс.', 'оч алыс', 'violence')).toBe(false);
    expect(await finds('Базарда озбектер жемиш сатышат.', 'озбектер', 'group-designation')).toBe(true);
    expect(await finds('Кечинде озбек ырларын уктук.', 'озбек', 'group-designation')).toBe(false);
  });
});

describe('families of the unseen batch seen in two blind batches', () => {
  it('a possessed noun before an instrument with менен is no wish; a slogan opening with the wish stays', async () => {
    expect(await finds('Мас жигит коңшусун таяк менен урган.', 'коңшусун', 'call-to-action')).toBe(false);
    expect(await finds('Жашасын тынчтык менен ынтымак!', 'Жашасын', 'call-to-action')).toBe(true);
  });
  it('the 2nd person -СЫҢ typed -СЫН (after сен, or the continuous жатасың) is no wish; a blessing with сени stays', async () => {
    expect(await finds('Эмне кылып жатасын азыр?', 'жатасын', 'call-to-action')).toBe(false);
    expect(await finds('Сен акылдуусун.', 'акылдуусун', 'call-to-action')).toBe(false);
    expect(await finds('Кудай сени колдосун!', 'колдосун', 'call-to-action')).toBe(true);
  });
  it('a dog that bites or is tied is literal; a man called a dog stays', async () => {
    expect(await finds('Ит тиштеп алды, ооруканага бардык.', 'Ит', 'negative-evaluation')).toBe(false);
    expect(await finds('Ал ит, эч кимди сыйлабайт.', 'ит', 'negative-evaluation')).toBe(true);
  });
  it('leaving none alive and cutting off heads are violence; surviving a crash and topping an onion are not', async () => {
    expect(await finds('Алардын бирин да тирүү калтырбайбыз!', 'тирүү калтырбайбыз', 'violence')).toBe(true);
    expect((await findingsOf('Авариядан эч ким тирүү калбады.', 'ky')).filter((f) => f.category === 'violence')).toEqual([]);
    expect(await finds('Баскынчылардын баштарын кесип салабыз!', 'баштарын кесип', 'violence')).toBe(true);
    expect(await finds('Тооктун башын кесип, жууп, казанга салдык.', 'башын кесип', 'violence')).toBe(false);
  });
});
