// Conditions of tuning round 6 (issue 14): a «!» closing a quotation that its sentence goes on
// after (the verb of saying belongs to the quoted call), Kyrgyz adjectives in -ЛЫ/-ЛУ read as the
// hortative, Kyrgyz names in -СЫН before a title, Russian -ите/-итесь after a question word, and
// Russian imperative homonyms of frequent Kyrgyz words. Each with the wrong reading it removes and
// the call it keeps. Sentences are fictional, written for these tests.
import { beforeAll, describe, expect, it } from 'vitest';
import { DocumentBuilder } from '../core/document-builder.js';
import type { Finding } from '../core/finding.js';
import type { LanguageCode } from '../language/index.js';
import type { Lexicon } from './lexicon-check.js';
import { loadLexicons } from './lexicon-files.js';
import { runIndicators } from './indicators.js';
import { sentenceAround, TextStructure } from './text-structure.js';

const ROOT = new URL('../../', import.meta.url).pathname;
let lexicons: Lexicon[] = [];
beforeAll(async () => {
  lexicons = (await loadLexicons(ROOT)).lexicons;
});

function findings(text: string, language: LanguageCode): Finding[] {
  const doc = new DocumentBuilder({ sha256: 'd'.repeat(64), name: 'case.txt' }, 'text').add({ id: 'p0', text, part: 'body', anchor: { paragraph: 0 } }).build();
  return runIndicators([doc], { lexicons, languages: [language], standaloneFeatures: true }).findings;
}

/** The call-to-action candidates of one text read as `language`. */
function calls(text: string, language: LanguageCode = 'ky'): string[] {
  return findings(text, language)
    .filter((f) => f.category === 'call-to-action')
    .map((f) => f.actual);
}

describe('a «!» or «?» closing a quotation that the sentence goes on after', () => {
  it('ends the quotation, not the sentence, before a lower-case word', () => {
    const text = 'Баракчада "Куралдангыла!" деген сөз жазылган.';
    expect(sentenceAround(text, 12)).toEqual([0, text.length - 1]);
    expect(new TextStructure(text).sentenceAround(12)).toEqual([0, text.length - 1]);
    expect(sentenceAround('«Огонь?!» крикнул он.', 2)).toEqual([0, 20]);
  });

  it('still ends the sentence before a capital, and outside quotation marks', () => {
    expect(sentenceAround('«Стреляйте!» Никто не двинулся.', 2)).toEqual([0, 10]);
    expect(sentenceAround('Стреляйте! никто не двинулся.', 2)).toEqual([0, 9]);
  });

  it('lets the verb of saying after the quotation mark the quoted call as reported', () => {
    const quoted = findings('Митингде "Согушкула!" деген ураан угулду.', 'ky').filter((f) => f.actual === 'Согушкула');
    expect(quoted.map((f) => f.category).sort()).toEqual(['call-to-action', 'violence']);
    for (const f of quoted) expect(f.countervailing).toEqual(expect.arrayContaining(['quoted', 'reported']));
    const ru = findings('«Жгите склады!» крикнул он с трибуны.', 'ru').filter((f) => f.actual === 'Жгите');
    expect(ru.length).toBeGreaterThan(0);
    for (const f of ru) expect(f.countervailing).toContain('reported');
  });
});

describe('Kyrgyz adjectives in -ЛЫ/-ЛУ before their noun', () => {
  it('are no hortative before a plural noun or a noun of a person or place', () => {
    expect(calls('Балалы үй-бүлөлөргө кеңеш жардам көрсөттү.')).toEqual([]);
    expect(calls('Тоолу аймактарда жолдор жабылды.')).toEqual([]);
    expect(calls('Акчалы адам баарын сатып алат деп ойлойт.')).toEqual([]);
  });

  it('leave the hortative that ends its clause or addresses people', () => {
    expect(calls('Баралы, достор, убакыт болуп калды!')).toEqual(['Баралы']);
    expect(calls('Эртең эрте менен айылга баралы.')).toEqual(['баралы']);
  });
});

describe('Kyrgyz names in -СЫН before a title', () => {
  it('are names, also where they open the sentence', () => {
    expect(calls('Турсун агай балдарга сабак берди.')).toEqual([]);
    expect(calls('Токтосун уулу шайлоодо жеңип чыкты.')).toEqual([]);
  });

  it('leave a wish in -СЫН that opens its sentence', () => {
    expect(calls('Жашасын эл достугу!')).toEqual(['Жашасын']);
  });
});

describe('Russian -ите/-итесь after a question or exclamation word', () => {
  it('is the indicative', () => {
    expect(calls('Почему молчите, когда вас спрашивают?', 'ru')).toEqual([]);
    expect(calls('Как же бесите, сил нет', 'ru')).toEqual([]);
    expect(calls('Зачем тревожитесь о пустяках?', 'ru')).toEqual([]);
    expect(calls('Что от нас хотите в такой час?', 'ru')).toEqual([]);
  });

  it('stays an imperative after a particle or at a clause start', () => {
    expect(calls('Так держите, ребята!', 'ru')).toEqual(['держите']);
    expect(calls('Пишите, что думаете о расписании.', 'ru')).toEqual(['Пишите']);
  });
});

describe('Russian imperatives that are frequent Kyrgyz words', () => {
  it('киши (person) in Kyrgyz text is no imperative of кишеть', () => {
    expect(findings('Акчалы киши баарын сатып алам деп ойлойт.', 'ky').filter((f) => f.ruleId.startsWith('ru.'))).toEqual([]);
  });
});

describe('Russian imperative homonyms before a number or a dash', () => {
  it('a noun in the nominative heading a title or a definition is no imperative', () => {
    expect(calls('День 5: идём дальше по сюжету.', 'ru')).toEqual([]);
    expect(calls('Цель — учитывать время на дорогу.', 'ru')).toEqual([]);
  });

  it('an imperative with no noun reading stays before a number', () => {
    expect(calls('Дай 5 минут, я сейчас.', 'ru')).toEqual(['Дай']);
  });
});

describe('Russian -ите after «вы» with pronouns or short adverbs between', () => {
  it('is the present or the perfective future', () => {
    expect(calls('Скорее всего вы что-то оплатите картой.', 'ru')).toEqual([]);
    expect(calls('Когда вы всё решите, дайте знать.', 'ru')).toEqual(['дайте']);
  });
});

describe('Russian nationality adjectives before an art or a medium', () => {
  it('name no people', () => {
    const groups = (text: string): string[] => findings(text, 'ru').filter((f) => f.category === 'group-designation').map((f) => f.actual);
    expect(groups('Русская Википедия пишет об этом подробно.')).toEqual([]);
    expect(groups('Казахская поэзия богата эпосами.')).toEqual([]);
    expect(groups('Китайские рабочие приехали на стройку.')).toEqual(['Китайские']);
  });
});

describe('Kyrgyz -(С)ЫН before an adverb and a verb', () => {
  it('is the verb’s object, not the 3rd-person imperative', () => {
    expect(calls('Компания өз акчасын толук сарптап бүттү.')).toEqual([]);
    expect(calls('Жетекчи азыр келсин.')).toEqual(['келсин']);
  });
});

describe('Kyrgyz Кытай before another name', () => {
  it('is the country or part of a name, not people', () => {
    const groups = (text: string): string[] => findings(text, 'ky').filter((f) => f.ruleId === 'ky.group-designation.kytay').map((f) => f.actual);
    expect(groups('Кытай, Казакстан жана Өзбекстан делегациялары келди.')).toEqual([]);
    expect(groups('Кытай жумушчулары шахтада иштешет.')).toEqual(['Кытай']);
  });
});

describe('Russian «вперёд» as an adverb of direction or time', () => {
  it('after a verb of moving, looking or paying, a span of time, or beside «назад», is no appeal', () => {
    expect(calls('Колонна потихоньку шла вперёд.', 'ru')).toEqual([]);
    expect(calls('Забегая вперёд, отмечу главное.', 'ru')).toEqual([]);
    expect(calls('Заплатили за год вперёд.', 'ru')).toEqual([]);
    expect(calls('Видео можно перематывать вперёд и назад.', 'ru')).toEqual([]);
  });

  it('stays an appeal on its own or after an address', () => {
    expect(calls('Воины, вперёд!', 'ru')).toEqual(['вперёд']);
  });
});

describe('Kyrgyz names in -СЫН addressed at a sentence start', () => {
  it('before a comma, in a sentence ending in a bare imperative, are the one addressed', () => {
    expect(calls('Токтосун, бул жакка кел.')).toEqual([]);
    expect(calls('Айсын, бери кел.')).toEqual([]);
  });

  it('leave a wish before a capitalised name, a noun with an ending or another -СЫН', () => {
    expect(calls('Жашасын, Кыргызстан!')).toEqual(['Жашасын']);
    expect(calls('Келсин, көрсүн!')).toEqual(['Келсин', 'көрсүн']);
    expect(calls('Көтөрүлгүлө, Ак-Таштын эли!')).toEqual(['Көтөрүлгүлө']);
  });
});
