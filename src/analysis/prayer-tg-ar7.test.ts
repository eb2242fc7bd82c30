// Tajik and Arabic prayers, round 7 (issue 14): the Tajik optative -АД in a sentence that names God
// (tg.call-to-action.optative-3sg) and Arabic imperatives joined by و / ف to a prayer
// (ar.call-to-action.imperative-2sg-joined). Sentences are fictional, written for these tests.
import { describe, expect, it } from 'vitest';
import type { LanguageCode } from '../language/types.js';
import { findingsOf } from '../../tests/support/indicator-candidates.js';

/** Candidates of one text in `language` as `category:word(counter,…)`. */
const candidates = async (text: string, language: LanguageCode): Promise<string[]> => (await findingsOf(text, language)).map((f) => `${f.category}:${f.actual}(${f.countervailing.join(',')})`);

describe('Tajik optative 3rd person singular', () => {
  it('a subjunctive in -ад in a sentence that names God is a wish, marked as a prayer', async () => {
    expect(await candidates('Худованд рӯзаи шуморо қабул кунад.', 'tg')).toEqual(['call-to-action:кунад(prayer)']);
    expect(await candidates('Худо шуморо бахшад!', 'tg')).toEqual(['call-to-action:бахшад(prayer)']);
  });

  it('without God it is a clause of purpose or condition; the indicative with ме- is no wish', async () => {
    expect(await candidates('Муаллим гуфт, ки то бегоҳ кор кунад.', 'tg')).toEqual([]);
    expect(await candidates('Худо ҳамаро мебинад ва медонад.', 'tg')).toEqual([]);
  });
});

describe('Arabic imperatives joined to a prayer', () => {
  it('a later imperative joined by و after an address to God is a prayer too', async () => {
    expect(await candidates('اللهم اغفر لنا وارحم والدينا.', 'ar')).toEqual(['call-to-action:اغفر(prayer)', 'call-to-action:وارحم(prayer)']);
  });

  it('nouns in وا-, the article and a sentence with no address to God give nothing; إنا after اللهم opens a statement', async () => {
    expect(await candidates('وارتفعت الأسعار في المدينة.', 'ar')).toEqual([]);
    expect(await candidates('اللهم إنا نسألك العفو والعافية.', 'ar')).toEqual([]);
  });
});
