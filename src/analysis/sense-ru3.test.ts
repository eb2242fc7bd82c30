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

/** Every Russian candidate of one text, features standalone. */
function all(text: string): Finding[] {
  const doc = new DocumentBuilder({ sha256: 'e'.repeat(64), name: 'case.txt' }, 'text').add({ id: 'p0', text, part: 'body', anchor: { paragraph: 0 } }).build();
  return runIndicators([doc], { lexicons, languages: ['ru'], standaloneFeatures: true }).findings;
}

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
