// Conditions of the Kyrgyz round 19 (issue 14, branch ky19), each beside a control that stays: what
// the round 19 frame sweep (scripts/frame-sweep-ky19.mjs) and the audit of the earlier blind batches
// found — a nation's name before a dish, a kitchen or slaughtering knife, pests and abstract ills
// with a word between them and the verb, rubbish burnt in a yard, and the question form of the
// 1st-person future. Fictional sentences written for these tests (invented group: көрпөлдөр, борсуктар).
import { describe, expect, it } from 'vitest';
import { countersOf as countersIn, findingsOf, hasCandidate } from '../../tests/support/indicator-candidates.js';

const finds = (text: string, word: string, category: string): Promise<boolean> => hasCandidate(text, word, category, 'ky');
const countersOf = (text: string, word: string): Promise<readonly string[]> => countersIn(text, word, 'ky');
const inCategory = async (text: string, category: string): Promise<readonly string[]> =>
  (await findingsOf(text, 'ky')).filter((f) => f.category === category).map((f) => f.actual);

describe('a nation before a dish, sweets, nuts or fruit names the food', () => {
  it('дунган ашлямфуусу, уйгур самсасы, өзбек коону are no group; hostility against the people stays', async () => {
    expect(await inCategory('Тойго дунган ашлямфуусу менен уйгур самсасы даярдалды.', 'group-designation')).toEqual([]);
    expect(await inCategory('Базардан өзбек коону жана кыргыз боорсогу алдык.', 'group-designation')).toEqual([]);
    expect(await finds('Дунгандар бул жерде артык, аларды кууп чыгышыбыз керек.', 'Дунгандар', 'group-designation')).toBe(true);
    expect(await finds('Уйгур самсачылардын баарын базардан кууп чыгаргыла!', 'Уйгур', 'group-designation')).toBe(true);
  });
});

describe('a kitchen or slaughtering knife is a household tool', () => {
  it('sharpened for a slaughtered sheep, cutting meat or onions: no weapon', async () => {
    expect(await inCategory('Кой сойгонго бычакты курчутуп койгула, эртең эрте турабыз.', 'violence')).toEqual([]);
    expect(await inCategory('Этти курч бычак менен майда туурап, пиязды кошкула.', 'violence')).toEqual([]);
  });
  it('the same knife in a threat or against people in the plural accusative keeps the candidate', async () => {
    expect(await finds('Бычакты курчутуп койдум, эртең көрпөлдөрдү союп салабыз.', 'Бычакты', 'violence')).toBe(true);
    expect(await finds('Бычакты курчутуп кой, кошунаны коркутабыз.', 'Бычакты', 'violence')).toBe(true);
    expect(await finds('Этти туураган бычак менен аны сайып өлтүргөн.', 'бычак', 'violence')).toBe(true);
  });
});

describe('pests, rubbish and abstract ills with a word between them and the verb', () => {
  it('a pesticide or an adverb between the pest and өлтүр-, кыр-, жок кыл-; people stay', async () => {
    expect(await inCategory('Бакчадагы курттарды дары себип өлтүргүлө, түшүм сакталат.', 'violence')).toEqual([]);
    expect(await inCategory('Быйыл таракандарды биротоло өлтүрөбүз, дары алдык.', 'violence')).toEqual([]);
    expect(await inCategory('Чиркейлерди дары себип кыргыла, балдар уктай албай жатат.', 'violence')).toEqual([]);
    expect(await inCategory('Курттарды дары себип жок кылгыла.', 'violence')).toEqual([]);
    expect(await finds('Көрпөлдөрдү биротоло өлтүрөбүз, бирин да калтырбайбыз.', 'өлтүрөбүз', 'violence')).toBe(true);
    expect(await finds('Көрпөлдөрдү таракандай кыргыла!', 'кыргыла', 'violence')).toBe(true);
  });
  it('corruption and illiteracy smashed or done away with; a group smashed stays', async () => {
    expect(await inCategory('Талапкер коррупцияны жана жакырчылыкты талкалайбыз деп убада берди.', 'violence')).toEqual([]);
    expect(await inCategory('Жаштар, сабатсыздыкты жок кылалы, китеп окугула!', 'violence')).toEqual([]);
    expect(await finds('Көрпөлдөрдүн дүкөндөрүн талкалайбыз, даяр болгула.', 'талкалайбыз', 'violence')).toBe(true);
    expect(await finds('Борсуктарды жок кылалы, алар бизге душман!', 'жок кылалы', 'violence')).toBe(true);
  });
  it('leaves burnt in a yard; a group\'s houses burnt stay', async () => {
    expect(await inCategory('Күзүндө кургак жалбырактарды короодо өрттөбөгүлө, айып пул салынат.', 'violence')).toEqual([]);
    expect(await finds('Көрпөлдөрдүн үйлөрүн короодо өрттөгүлө!', 'өрттөгүлө', 'violence')).toBe(true);
  });
});

describe('the 1st-person future asked back is violence questioned', () => {
  it('сабайбызбы, кырабызбы, урабызбы carry the question; the vow itself carries none', async () => {
    expect(await countersOf('Эмне, эми көрпөлдөрдү сабайбызбы, акылыңар барбы?', 'сабайбызбы')).toContain('question');
    expect(await countersOf('Эмне, эми көрпөлдөрдү кырабызбы?', 'кырабызбы')).toContain('question');
    expect(await countersOf('Эмне, кошунаны урабызбы?', 'урабызбы')).toContain('question');
    expect(await countersOf('Эртең көрпөлдөрдү кырабыз.', 'кырабыз')).not.toContain('question');
  });
});

describe('what the unseen round 19 batch showed (counters and a possessed noun)', () => {
  it('боорсок and курсак end like the conditional -СОК/-САК and state no condition; a real -СА stays', async () => {
    expect(await countersOf('Келгиле, бүгүн кечинде чай ичели, апам боорсок бышырды.', 'ичели')).not.toContain('conditional');
    expect(await countersOf('Курсак ачты, тамак жейли.', 'жейли')).not.toContain('conditional');
    expect(await countersOf('Эгер көрпөлдөр кайра келсе, аларды өлтүрөбүз.', 'өлтүрөбүз')).toContain('conditional');
    expect(await countersOf('Көрпөлдөр кол салса, баарын кырабыз.', 'кырабыз')).toContain('conditional');
  });
  it('«башка жол жок» insists and negates nothing; «зордук-зомбулукка жол жок» keeps its negation', async () => {
    expect(await countersOf('Көрпөлдөрдү кууп чыгышыбыз керек, башка жол жок.', 'чыгышыбыз керек')).not.toContain('negated');
    expect(await countersOf('Зордук-зомбулукка жол жок, балдарды тынчтыкка тарбиялайлы.', 'Зордук-зомбулукка')).toContain('negated');
    expect(await countersOf('Көрпөлдөрдү өлтүрүү керек эмес, башка жол издегиле.', 'өлтүрүү')).toContain('negated');
  });
  it('a possessed noun before «өттүк» is no wish; a wish at the end of its clause stays', async () => {
    expect(await inCategory('Тарых сабагында 1916-жылдагы Үркүн окуясын өттүк.', 'call-to-action')).toEqual([]);
    expect(await finds('Көрпөлдөр бул жерден жоголсун!', 'жоголсун', 'call-to-action')).toBe(true);
  });
});

describe('a coach\'s attack is a match', () => {
  it('«чабуул» in a coach\'s words is sport; an attack on a village stays', async () => {
    expect(await inCategory('Машыктыруучу: «Коргонууну бекемдегиле, алардын чабуулун токтоткула» деди.', 'violence')).toEqual([]);
    expect(await finds('Түндө көрпөлдөрдүн айылына чабуул коёбуз, даярдангыла.', 'чабуул', 'violence')).toBe(true);
  });
});

describe('Kazakh: a nation before a dish or a sport', () => {
  const kk = async (text: string): Promise<readonly string[]> =>
    (await findingsOf(text, 'kk')).filter((f) => f.category === 'group-designation').map((f) => f.actual);
  it('ұйғыр тағамдары, қазақ күресі name things; a Kazakh singer or the people themselves stay', async () => {
    expect(await kk('Ұйғыр тағамдары Алматыда танымал, қазақ күресінен жарыс өтті.')).toEqual([]);
    expect(await kk('Қазақ әншісі концерт берді.')).toEqual(['Қазақ']);
    expect(await kk('Ұйғырлардың бәрін қаладан қуып шығу керек.')).toEqual(['Ұйғырлардың']);
  });
});

describe('Kazakh counters: бауырсақ and қарсылас', () => {
  it('бауырсақ is no conditional and қарсылас no condemnation; «егер … -са» and «қарсымыз» stay', async () => {
    expect(await countersIn('Келіңдер, шай ішейік, апам бауырсақ пісірді.', 'ішейік', 'kk')).not.toContain('conditional');
    expect(await countersIn('Қарсыластарымызды жеңеміз, балалар, дайындалыңдар!', 'дайындалыңдар', 'kk')).not.toContain('condemned');
    expect(await countersIn('Егер олар келсе, бәрін өлтіреміз.', 'өлтіреміз', 'kk')).toContain('conditional');
    expect(await countersIn('Зорлыққа қарсымыз, балаларды тәрбиелейік.', 'Зорлыққа', 'kk')).toContain('condemned');
  });
});
