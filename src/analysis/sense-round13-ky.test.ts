// Conditions of the blind tuning round 13 for Kyrgyz and Kazakh (issue 14, branch blind-ky13),
// each with the reading it removes and a control that stays. The families were seen in the blind
// batches corpora/eval/blind/blind-ky13-1.txt and -2.txt; the sentences here are fictional, written
// for these tests in other words.
import { describe, expect, it } from 'vitest';
import type { LanguageCode } from '../language/index.js';
import { findingsOf } from '../../tests/support/indicator-candidates.js';

/** Whether `text` gives a candidate of `category` on `word`. */
async function finds(text: string, word: string, category: string, language: LanguageCode = 'ky'): Promise<boolean> {
  return (await findingsOf(text, language)).some((f) => f.actual === word && f.category === category);
}

/** The counter-indicators of the candidate of `category` on `word`. */
async function countersOf(text: string, word: string, category: string): Promise<readonly string[]> {
  return (await findingsOf(text, 'ky')).find((f) => f.actual === word && f.category === category)?.countervailing ?? [];
}

describe('a Kyrgyz possessed noun in the accusative is no 3rd-person wish', () => {
  it('after the reflexive өз, or before a dative and its verb', async () => {
    expect(await finds('Директор өз катасын түшүндү.', 'катасын', 'call-to-action')).toBe(false);
    expect(await finds('Эжем акчасын банкка салды.', 'акчасын', 'call-to-action')).toBe(false);
    expect(await finds('Ал баласын бакчага алып барды.', 'баласын', 'call-to-action')).toBe(false);
  });
  it('between a verbal noun and a past verb, or before an asked obligation', async () => {
    expect(await finds('Кеңеш көпүрө куруу маселесин токтотту.', 'маселесин', 'call-to-action')).toBe(false);
    expect(await finds('Эски сумкамды ыргытып, жаңысын алыш керекпи?', 'жаңысын', 'call-to-action')).toBe(false);
  });
  it('a wish after an adjective in -УУ, a wish before a dative name, and a bare wish stay', async () => {
    expect(await finds('Кудай жаткан жериңизди жарык кылсын.', 'кылсын', 'call-to-action')).toBe(true);
    expect(await finds('Баскынчылардын бири да тирүү калбасын!', 'калбасын', 'call-to-action')).toBe(true);
    expect(await finds('Баскынчылар жок болсун!', 'болсун', 'call-to-action')).toBe(true);
  });
});

describe('a Kazakh possessed noun, an hour of the day and killed time', () => {
  it('a possessed noun before a bare verbal noun and бесін are no wish; an inverted wish before жау stays', async () => {
    expect(await finds('Әкімдік пәтер бағасын төмендету жоспарын жариялады.', 'бағасын', 'call-to-action', 'kk')).toBe(false);
    expect(await finds('Біз бесін кезінде үйге жеттік.', 'бесін', 'call-to-action', 'kk')).toBe(false);
    expect(await finds('Жойылсын жау!', 'Жойылсын', 'call-to-action', 'kk')).toBe(true);
  });
  it('killing time is no violence; killing a man is', async () => {
    expect(await finds('Вокзалда уақытты өлтіріп отырдық.', 'өлтіріп', 'violence', 'kk')).toBe(false);
    expect(await finds('Қарақшылар күзетшіні өлтіріп кетті.', 'өлтіріп', 'violence', 'kk')).toBe(true);
  });
  it('arson is violence; lighting a stove is not', async () => {
    expect(await finds('Бұзақылар көршінің қорасына от қойды.', 'от қойды', 'violence', 'kk')).toBe(true);
    expect(await finds('Әжем пешке от қойды.', 'от қойды', 'violence', 'kk')).toBe(false);
  });
});

describe('Kyrgyz context: a wall is no prayer, a cat is literal', () => {
  it('дубал is not дуба; a ritual word still marks prayer', async () => {
    expect(await countersOf('Дубалга сүйөнбөй, түз тургула!', 'тургула', 'call-to-action')).not.toContain('prayer');
    expect(await countersOf('Даарат алып, намазга тургула!', 'тургула', 'call-to-action')).toContain('prayer');
  });
  it('a cat in any inflection makes the mouse literal; a man called a mouse stays', async () => {
    expect(await finds('Мышыктарыбыз подвалда чычкан кармашты.', 'чычкан', 'negative-evaluation')).toBe(false);
    expect(await finds('Ал коркок чычкан, эч нерсеге жарабайт.', 'чычкан', 'negative-evaluation')).toBe(true);
  });
});

describe('Kyrgyz violence words of blind round 13 and their everyday uses', () => {
  it('brawls, beatings, arson, attacks, assaults and shots are violence', async () => {
    expect(await finds('Той учурунда эки жигит мушташып калды.', 'мушташып', 'violence')).toBe(true);
    expect(await finds('Тонокчулар кароолчуну сабап кетишти.', 'сабап', 'violence')).toBe(true);
    expect(await finds('Бейтааныштар фермердин кампасына от коюшту.', 'от коюшту', 'violence')).toBe(true);
    expect(await finds('Баскынчылар түн ичинде чабуул жасашты.', 'чабуул', 'violence')).toBe(true);
    expect(await finds('Бир топ адам күзөтчүгө кол салды.', 'кол салды', 'violence')).toBe(true);
    expect(await finds('Белгисиз адам терезеге ок атты.', 'ок атты', 'violence')).toBe(true);
    expect(await finds('Кечээ аны сабап, кабыргасын сындырышты.', 'кабыргасын сындырышты', 'violence')).toBe(true);
  });
  it('a bout in the ring, beating wool, a stove, an attack in a match, a shooting range and a broken cup are not', async () => {
    expect(await finds('Бокс боюнча мелдеште эки спортчу рингде мушташты.', 'мушташты', 'violence')).toBe(false);
    expect(await finds('Кемпир шырдакка жүн сабап отурат.', 'сабап', 'violence')).toBe(false);
    expect(await finds('Чоң апам мешке от койду.', 'от койду', 'violence')).toBe(false);
    expect(await finds('Экинчи таймда команда дарбазага чабуул койду.', 'чабуул', 'violence')).toBe(false);
    expect(await finds('Тирде ок атуу боюнча мелдеш өттү.', 'ок атуу', 'violence')).toBe(false);
    expect(await finds('Бала чынысын сындырып алды.', 'сындырып', 'violence')).toBe(false);
  });
});

describe('a conditional -СА on the matched verb itself', () => {
  it('marks its own candidate as conditional (the marker stands anywhere in the sentence, the match included)', async () => {
    expect(await countersOf('Алар бизге кол салса, эмне кылабыз?', 'кол салса', 'violence')).toContain('conditional');
    expect(await countersOf('Ал киши уурууну өлтүрсө, сот аны актайбы?', 'өлтүрсө', 'violence')).toContain('conditional');
  });
  it('a violent verb in the indicative with no -СА anywhere in its sentence stays unconditional', async () => {
    expect(await countersOf('Баскынчылар айылга кол салышты.', 'кол салышты', 'violence')).not.toContain('conditional');
  });
});
