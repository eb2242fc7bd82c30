// Conditions of the Kyrgyz round 16 (issue 14, branch ky16), each beside a control that stays: the
// violence verbs round 15 left missed (ур-, кыр-, кек ал-, жарадар кыл-), negation that is the harm
// itself, «каршы» against people, the defendant, and what the frame sweep found in kok-boru,
// wrestling, herding and medicine. Fictional sentences written for these tests.
import { describe, expect, it } from 'vitest';
import { countersOf as countersIn, findingsOf, hasCandidate } from '../../tests/support/indicator-candidates.js';

const finds = (text: string, word: string, category: string): Promise<boolean> => hasCandidate(text, word, category, 'ky');
const countersOf = (text: string, word: string): Promise<readonly string[]> => countersIn(text, word, 'ky');
const violenceIn = async (text: string): Promise<readonly string[]> =>
  (await findingsOf(text, 'ky')).filter((f) => f.category === 'violence').map((f) => f.actual);

describe('violence verbs in the forms that call, vow or threaten', () => {
  it('ур- in the plural imperative and the 1st-person future; a door, a nail and a kok-boru goal are no one hit', async () => {
    expect(await finds('Ошол келгиндерди таяк менен ургула!', 'ургула', 'violence')).toBe(true);
    expect(await finds('Эртең аларды кармап урабыз.', 'урабыз', 'violence')).toBe(true);
    expect(await violenceIn('Каалганы катуу урба, чоң апам уктап жатат.')).toEqual([]);
    expect(await violenceIn('Устакан, бул тактага мык урабыз.')).toEqual([]);
    expect(await violenceIn('Чабандестер, улакты казанга ургула!')).toEqual([]);
  });
  it('the negative imperative of ур- is violence negated', async () => {
    expect(await countersOf('Эч качан аялыңды урба!', 'урба')).toContain('negated');
  });
  it('кыр- in the forms of a call; shaving a beard is not', async () => {
    expect(await finds('Келгиндердин баарын кырып салгыла!', 'кырып салгыла', 'violence')).toBe(true);
    expect(await violenceIn('Жигит сакалын кырып салам деди.')).toEqual([]);
  });
  it('кек ал- is revenge; in a wrestling or kok-boru report it is a score', async () => {
    expect(await finds('Алардан сөзсүз кек алабыз.', 'кек алабыз', 'violence')).toBe(true);
    expect(await violenceIn('Балуан былтыркы утулуусу үчүн каршылашынан кек алды.')).toEqual([]);
  });
  it('жарадар кыл- wounds; a bull or a wolf that wounds is herding, not violence', async () => {
    expect(await finds('Ал жигит күзөтчүнү бычак менен жарадар кылган.', 'жарадар кылган', 'violence')).toBe(true);
    expect(await violenceIn('Жайлоодо аюу малчыны жарадар кылды.')).toEqual([]);
    expect(await violenceIn('Түндө карышкыр короого кол салды.')).toEqual([]);
    expect(await violenceIn('Кечээки жол кырсыгы үч жүргүнчүнү жарадар кылды.')).toEqual([]);
  });
  it('Урсун, a given name, and «Кудай урсун», a curse, are no call to hit', async () => {
    expect(await violenceIn('Урсун апа базардан келди. Кудай урсун ошону!')).toEqual([]);
  });
});

describe('negation that is the harm itself', () => {
  it('«тирүү калтырба-» and «ырайым кылба-» are not negated; an everyday «калтырбайлы» stays negated', async () => {
    expect(await countersOf('Бирөөнү да тирүү калтырбайлы!', 'тирүү калтырбайлы')).not.toContain('negated');
    expect(await countersOf('Бирөөнү да тирүү калтырбайбыз.', 'тирүү калтырбайбыз')).not.toContain('negated');
    expect(await countersOf('Аларга ырайым кылбагыла!', 'кылбагыла')).not.toContain('negated');
    expect(await countersOf('Кичинекейлерди үйдө жалгыз калтырбайлы.', 'калтырбайлы')).toContain('negated');
  });
  it('«ырайым жок» beside a call is no negation; a wish that none survive keeps the negation the set annotates', async () => {
    expect(await countersOf('Келгиндерге каршы согушка даярдангыла, ырайым жок!', 'согушка')).not.toContain('negated');
    expect(await countersOf('Баскынчылардын бири да тирүү калбасын!', 'калбасын')).toContain('negated');
  });
});

describe('what is no condemnation', () => {
  it('«каршы» after a group of people; violence and violent actors opposed stay condemned', async () => {
    expect(await countersOf('Жигиттер, курал алгыла, келгиндерге каршы чыгабыз!', 'курал')).not.toContain('condemned');
    expect(await countersOf('Айыл эли зомбулукка каршы чыкты.', 'зомбулукка')).toContain('condemned');
    expect(await countersOf('Облуста террористтерге каршы операция башталды.', 'террористтерге')).toContain('condemned');
  });
  it('айыпталуучу, the defendant, is a party to the case', async () => {
    expect(await countersOf('Күбөнүн айтымында, айыпталуучу бычак менен коркуткан.', 'бычак')).not.toContain('condemned');
  });
});

describe('the frame sweep: sport, medicine, the hortative of a stem in -ой', () => {
  it('a defeat in kok-boru with a scoreline; a tumour removed and lice killed', async () => {
    expect(await violenceIn('Чабандестер коноктордун командасын 7:2 эсебинде талкалашты.')).toEqual([]);
    expect(await violenceIn('Дарыгер шишикти толугу менен жок кылды, ал эми бул дары биттерди эле жок кылат.')).toEqual([]);
    expect(await violenceIn('Бул дары рак клеткаларын өлтүрөт.')).toEqual([]);
  });
  it('«от коёлу» is a call', async () => {
    expect(await finds('Алардын кампасына от коёлу!', 'коёлу', 'call-to-action')).toBe(true);
  });
});
