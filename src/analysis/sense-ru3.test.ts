// Russian sense conditions and noise of indicator candidates (issue 14, tuning round 3).
// Sentences are fictional, written for these tests.
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

/** Every Russian candidate of one text; features standalone unless `attached`. */
function all(text: string, attached = false): Finding[] {
  const doc = new DocumentBuilder({ sha256: 'e'.repeat(64), name: 'case.txt' }, 'text').add({ id: 'p0', text, part: 'body', anchor: { paragraph: 0 } }).build();
  return runIndicators([doc], { lexicons, languages: ['ru'], standaloneFeatures: !attached }).findings;
}

/** Pronouns that stand as candidates, features attached (the default of a case). */
const standing = (text: string): string[] => all(text, true).filter((f) => f.category === 'us-them').map((f) => f.actual);

const words = (text: string, category: string): string[] => all(text).filter((f) => f.category === category).map((f) => f.actual);

describe('two call rules on one call give one candidate', () => {
  it('an imperative in -ай is one candidate, not an -ай one and a 2nd-person one', () => {
    expect(words('Набирай меня вечером.', 'call-to-action')).toEqual(['Набирай']);
  });

  it('«давайте» with its verb is one hortative candidate spanning both', () => {
    expect(words('Давайте обсудим план.', 'call-to-action')).toEqual(['Давайте обсудим']);
  });

  it('a verb of struggle is one candidate, not also a reflexive imperative: the listed word stays', () => {
    expect(all('Сражайтесь до конца!').filter((f) => f.category === 'call-to-action').map((f) => f.ruleId)).toEqual(['ru.call-to-action.appeal-struggle']);
  });

  it('two calls side by side stay two', () => {
    expect(words('Вырежьте снежинки и приклейте их.', 'call-to-action')).toEqual(['Вырежьте', 'приклейте']);
  });
});

describe('figurative violence: the object phrase or the subject says it is none', () => {
  it('the object is found past the words that agree with it («убили целый вечер», «взорвала весь зал»)', () => {
    expect(words('Мы убили целый вечер на настройку.', 'violence')).toEqual([]);
    expect(words('Певица взорвала весь зал.', 'violence')).toEqual([]);
    expect(words('Спойлер убил всю интригу.', 'violence')).toEqual([]);
    expect(words('Они убили целую семью.', 'violence')).toEqual(['убили']);
  });

  it('a state or impression «is killing me» is hyperbole; killing people is not', () => {
    expect(words('Очередь в банке меня просто убивает.', 'violence')).toEqual([]);
    expect(words('Этот взгляд убивает.', 'violence')).toEqual([]);
    expect(words('Бандиты убивают людей.', 'violence')).toEqual(['убивают']);
  });

  it('shooting glances is flirting', () => {
    expect(words('Она стреляет глазами в соседа.', 'violence')).toEqual([]);
    expect(words('Он стрелял в соседа.', 'violence')).toEqual(['стрелял']);
  });

  it('a song or a piece of news «is a bomb» is praise; a bomb under a bridge is a weapon', () => {
    expect(words('Новый трек просто бомба!', 'violence')).toEqual([]);
    expect(words('Эта новость — настоящая бомба.', 'violence')).toEqual([]);
    expect(words('Неизвестные заложили бомбу под мостом.', 'violence')).toEqual(['бомбу']);
  });
});

describe('everyday obligation and past-tense homonyms of work chats', () => {
  it('a modal in a relative clause says what a thing is for, not whom it calls', () => {
    expect(words('Это список, который нужно сверить.', 'call-to-action')).toEqual([]);
    expect(words('Сотрудник, который должен был прийти, заболел.', 'call-to-action')).toEqual([]);
    expect(words('Список нужно сверить.', 'call-to-action')).toEqual(['нужно']);
  });

  it('«обязательно» before a verb or another modal is an adverb; as a predicate it stays', () => {
    expect(words('Я обязательно приду.', 'call-to-action')).toEqual([]);
    expect(words('Обязательно нужно внести документы.', 'call-to-action')).toEqual(['нужно']);
    expect(words('Присутствие обязательно.', 'call-to-action')).toEqual(['обязательно']);
  });

  it('after «не» a word that is also a past tense (пришли, нашли, вышли) is the past tense', () => {
    expect(words('Документы до сих пор не пришли.', 'call-to-action')).toEqual([]);
    expect(words('Другого выхода пока не нашли.', 'call-to-action')).toEqual([]);
    expect(words('Срочно пришли мне договор.', 'call-to-action')).toEqual(['пришли']);
    expect(words('Не забудь ключи.', 'call-to-action')).toEqual(['забудь']);
  });
});

describe('«они» as subject stands only where a group is set against another', () => {
  it('they as the actor of violence alone accompany it', () => {
    expect(standing('Они взорвали старый склад ночью.')).toEqual([]);
    expect(standing('Они воевали на фронте.')).toEqual([]);
  });

  it('beside another group, a negative evaluation or a violent call they stand', () => {
    expect(standing('Они сожгли наши дома.')).toEqual(['Они', 'наши']);
    expect(standing('Они предатели и трусы, гоните их прочь.')).toEqual(['Они', 'их']);
    expect(standing('Давайте уничтожим их лагерь, пока они спят.')).toEqual(['их', 'они']);
  });
});

describe('a Russian word that translates an Islamic term is the term only beside Islamic words', () => {
  it('polytheism, monotheism and apostasy of any faith or of history are no shirk, tawhid or ridda', () => {
    expect(words('В Древней Греции господствовало многобожие.', 'religious-terminology')).toEqual([]);
    expect(words('Иудаизм стал религией единобожия.', 'religious-terminology')).toEqual([]);
    expect(words('Церковь объявила Юлиана вероотступником.', 'religious-terminology')).toEqual([]);
  });

  it('beside the Prophet or the Qur\'an the term stays, with its mainstream meaning', () => {
    const found = all('Пророк проповедовал единобожие в Мекке.').filter((f) => f.category === 'religious-terminology');
    expect(found.map((f) => [f.actual, f.countervailing.includes('mainstream-meaning')])).toEqual([['единобожие', true]]);
    expect(words('Коран осуждает многобожие.', 'religious-terminology')).toEqual(['многобожие']);
  });
});

describe('a pronoun after a preposition of place, possession, absence, benefit or topic', () => {
  it('says where or whose, not who stands against whom (у нас, без них, о них)', () => {
    expect(words('У нас в классе собрание, приходите все.', 'us-them')).toEqual([]);
    expect(words('Расскажите о них подробнее.', 'us-them')).toEqual([]);
  });

  it('after «против» it stays', () => {
    expect(words('Поднимайтесь против них, братья!', 'us-them')).toEqual(['них', 'братья']);
  });
});

describe('the dative of who must act, right before a modal, is read as a subject', () => {
  it('«им нужно», «нам нужно» beside a call alone accompany it', () => {
    expect(standing('Им нужно подписать договор.')).toEqual([]);
    expect(standing('Нам нужно сдать отчёт.')).toEqual([]);
  });

  it('the accusative «их нужно» is whom it is about, and two groups with violence stand', () => {
    expect(standing('Их надо остановить.')).toEqual(['Их']);
    expect(standing('Нам нужно отомстить им.')).toEqual(['Нам', 'им']);
  });
});
