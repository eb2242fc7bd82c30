// Tajik and Arabic prayers, round 7 (issue 14): the Tajik optative -АД in a sentence that names God
// (tg.call-to-action.optative-3sg) and Arabic imperatives joined by و / ف to a prayer
// (ar.call-to-action.imperative-2sg-joined). Sentences are fictional, written for these tests.
import { beforeAll, describe, expect, it } from 'vitest';
import { DocumentBuilder } from '../core/document-builder.js';
import type { LanguageCode } from '../language/types.js';
import type { Lexicon } from './lexicon-check.js';
import { loadLexicons } from './lexicon-files.js';
import { runIndicators } from './indicators.js';

const ROOT = new URL('../../', import.meta.url).pathname;
let lexicons: Lexicon[] = [];
beforeAll(async () => {
  lexicons = (await loadLexicons(ROOT)).lexicons;
});

/** Candidates of one text in `language` as `category:word(counter,…)`. */
function candidates(text: string, language: LanguageCode): string[] {
  const doc = new DocumentBuilder({ sha256: 'd'.repeat(64), name: 'case.txt' }, 'text').add({ id: 'p0', text, part: 'body', anchor: { paragraph: 0 } }).build();
  return runIndicators([doc], { lexicons, languages: [language] }).findings.map((f) => `${f.category}:${f.actual}(${f.countervailing.join(',')})`);
}

describe('Tajik optative 3rd person singular', () => {
  it('a subjunctive in -ад in a sentence that names God is a wish, marked as a prayer', () => {
    expect(candidates('Худованд рӯзаи шуморо қабул кунад.', 'tg')).toEqual(['call-to-action:кунад(prayer)']);
    expect(candidates('Худо шуморо бахшад!', 'tg')).toEqual(['call-to-action:бахшад(prayer)']);
  });

  it('without God it is a clause of purpose or condition; the indicative with ме- is no wish', () => {
    expect(candidates('Муаллим гуфт, ки то бегоҳ кор кунад.', 'tg')).toEqual([]);
    expect(candidates('Худо ҳамаро мебинад ва медонад.', 'tg')).toEqual([]);
  });
});

describe('Arabic imperatives joined to a prayer', () => {
  it('a later imperative joined by و after an address to God is a prayer too', () => {
    expect(candidates('اللهم اغفر لنا وارحم والدينا.', 'ar')).toEqual(['call-to-action:اغفر(prayer)', 'call-to-action:وارحم(prayer)']);
  });

  it('nouns in وا-, the article and a sentence with no address to God give nothing; إنا after اللهم opens a statement', () => {
    expect(candidates('وارتفعت الأسعار في المدينة.', 'ar')).toEqual([]);
    expect(candidates('اللهم إنا نسألك العفو والعافية.', 'ar')).toEqual([]);
  });
});
