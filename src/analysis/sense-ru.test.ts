// Russian sense conditions of indicator candidates (issue 14, tuning round 2). Sentences are
// fictional, written for these tests.
import { beforeAll, describe, expect, it } from 'vitest';
import { DocumentBuilder } from '../core/document-builder.js';
import type { Finding } from '../core/finding.js';
import type { Lexicon } from './lexicon-check.js';
import { loadLexicons } from './lexicon-files.js';
import { runIndicators } from './indicators.js';

const ROOT = new URL('../../', import.meta.url).pathname;
let lexicons: Lexicon[] = [];
beforeAll(async () => {
  lexicons = (await loadLexicons(ROOT)).lexicons;
});

/** Every Russian candidate of one text, features standalone. */
function all(text: string): Finding[] {
  const doc = new DocumentBuilder({ sha256: 'd'.repeat(64), name: 'case.txt' }, 'text').add({ id: 'p0', text, part: 'body', anchor: { paragraph: 0 } }).build();
  return runIndicators([doc], { lexicons, languages: ['ru'], standaloneFeatures: true }).findings;
}

const calls = (text: string): string[] => all(text).filter((f) => f.category === 'call-to-action').map((f) => f.actual);

describe('imperatives that the dictionary also reads as another word', () => {
  it('a preposition, particle, numeral or interjection is never an imperative (при, почти, три, здравствуйте)', () => {
    expect(calls('При входе в зал почти никого не было, три стула пустовали.')).toEqual([]);
    expect(calls('Здравствуйте, коллеги.')).toEqual([]);
  });

  it('a noun, adjective or another verb is an imperative only at the start of a clause', () => {
    expect(calls('Отчёт сдаём раз в день у нашей заводи.')).toEqual([]);
    expect(calls('Гости пришли поздно.')).toEqual([]);
    expect(calls('Пришли мне файл.')).toEqual(['Пришли']);
    expect(calls('Коля, пришли мне файл.')).toEqual(['пришли']);
    expect(calls('Души их и уходи.')).toEqual(['Души', 'уходи']);
  });

  it('the same verb in another mood is left to the examiner (уходите is also indicative)', () => {
    expect(calls('Завтра уходите через лес.')).toEqual(['уходите']);
  });
});

describe('a homonym before a word that is also a noun stays an imperative', () => {
  it('«упокой душу»: душу is a noun as well as «I strangle»', () => {
    expect(calls('Господи, упокой душу раба Твоего.')).toEqual(['упокой']);
  });
});

describe('prayer: God addressed by name, or the actor of a wish', () => {
  const prayerOf = (text: string): string[] => all(text).filter((f) => f.category === 'call-to-action' && f.countervailing.includes('prayer')).map((f) => f.actual);

  it('a name of God followed by a comma or «!» makes the imperatives of its sentence a prayer', () => {
    expect(prayerOf('Аллах, сохрани наших детей и дай им здоровья.')).toEqual(['сохрани', 'дай']);
    expect(prayerOf('Спаситель, защити этот дом.')).toEqual(['защити']);
  });

  it('God spoken of is no address: as the subject of a statement or before a relative clause', () => {
    expect(prayerOf('Аллах велит нам: держитесь вместе.')).toEqual([]);
    expect(prayerOf('Бог, которого они чтут, им не поможет, уходите.')).toEqual([]);
  });

  it('«Пусть Всевышний …» is a wish with God as the actor', () => {
    expect(prayerOf('Пусть Всевышний хранит вашу семью.')).toEqual(['Пусть']);
    expect(prayerOf('Пусть сосед хранит ключи.')).toEqual([]);
  });
});

describe('figurative and literal senses are excluded by their neighbours, the violent sense stays', () => {
  const ids = (text: string): string[] => all(text).map((f) => f.ruleId);

  it('the excluded senses give no candidate of the entry', () => {
    expect(ids('Мы убили время на настройку.')).not.toContain('ru.violence.ubit');
    expect(ids('Утром сдал кровь на анализ.')).not.toContain('ru.violence.krov');
    expect(ids('Режьте провода.')).not.toContain('ru.violence.rezat');
    expect(ids('Кот поймал крысу в подвале.')).not.toContain('ru.negative-evaluation.krysa');
    expect(ids('Он пришёл к власти в девяностые.')).not.toContain('ru.group-designation.chinovniki');
    expect(ids('Захвати зонт и уничтожь черновики.')).not.toContain('ru.violence.zahvatit');
    expect(ids('Захвати зонт и уничтожь черновики.')).not.toContain('ru.violence.unichtozhit');
    expect(ids('Наши спортсмены бьют рекорды.')).not.toContain('ru.violence.bit');
    expect(ids('Песня взорвала интернет.')).not.toContain('ru.violence.vzorvat');
    expect(ids('Биатлонисты стреляют по мишеням.')).not.toContain('ru.violence.strelyat');
    expect(ids('Давайте уничтожим их лагерь.')).not.toContain('ru.call-to-action.appeal-struggle');
  });

  it('the same words of people keep their candidate', () => {
    expect(ids('Они убили сторожа в тот вечер.')).toContain('ru.violence.ubit');
    expect(ids('Прольётся кровь чужаков.')).toContain('ru.violence.krov');
    expect(ids('Режьте их!')).toContain('ru.violence.rezat');
    expect(ids('Эти крысы предали народ.')).toContain('ru.negative-evaluation.krysa');
    expect(ids('Власти запретили митинг.')).toContain('ru.group-designation.chinovniki');
    expect(ids('Захватите здание и уничтожьте их всех.')).toEqual(expect.arrayContaining(['ru.violence.zahvatit', 'ru.violence.unichtozhit']));
    expect(ids('Бейте их, взорвите мост, стреляйте!')).toEqual(expect.arrayContaining(['ru.violence.bit', 'ru.violence.vzorvat', 'ru.violence.strelyat']));
    expect(ids('Уничтожим их, братья!')).toContain('ru.call-to-action.appeal-struggle');
  });
});

describe('a sense that needs its context (sentenceLacks)', () => {
  const ids = (text: string): string[] => all(text).map((f) => f.ruleId);

  it('молитва is namaz only beside Islamic words; нововведение and смута are religious terms only in religion', () => {
    expect(ids('Он провёл вечер в тихой молитве.')).not.toContain('ru.religious-terminology.namaz');
    expect(ids('После пятничной молитвы в мечети имам прочитал проповедь.')).toContain('ru.religious-terminology.namaz');
    expect(ids('Смута началась после смерти царя.')).not.toContain('ru.religious-terminology.fitna');
    expect(ids('Это нововведение в религии, бидаа.')).toContain('ru.religious-terminology.bida');
  });

  it('a death in time or as a fact is no threat; a death wished on people is', () => {
    expect(ids('После смерти деда дом продали.')).not.toContain('ru.violence.smert');
    expect(ids('Смерть предателям!')).toContain('ru.violence.smert');
  });
});

describe('more reported speech, negated main clauses and prayer closings', () => {
  const of = (text: string, word: string): Finding | undefined => all(text).find((f) => f.actual === word && f.category !== 'us-them');

  it('«по его словам», «мол», «дескать», «якобы» attribute the words to someone else', () => {
    expect(of('По его словам, надо сжечь склад.', 'сжечь')?.voice).toBe('reported');
    expect(of('Надо, мол, бить чужаков.', 'бить')?.countervailing).toContain('reported');
  });

  it('«не говорю, что …», «не стоит …» negate what they govern', () => {
    expect(of('Я не говорю, что надо воевать.', 'воевать')?.countervailing).toContain('negated');
    expect(of('Не стоит никого бить.', 'бить')?.countervailing).toContain('negated');
  });

  it('«аминь» closes a prayer', () => {
    expect(of('Помоги нам в пути, аминь.', 'Помоги')?.countervailing).toContain('prayer');
  });
});
