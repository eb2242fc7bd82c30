// Tajik and Arabic, round 8 (issue 14): short Tajik calls identified as Tajik by the verb endings
// -ед / -ем (sop/language/tg.yaml), нест кардан as violence (not «is not»), and Arabic imperatives
// of a prayer without an alif (ar.call-to-action.imperative-2sg-stem, …-stem-joined).
// Sentences are fictional or common supplications, written for these tests.
import { describe, expect, it } from 'vitest';
import { identifyLanguage } from '../language/identify.js';
import type { LanguageCode } from '../language/types.js';
import { findingsOf } from '../../tests/support/indicator-candidates.js';

/** Candidates of one text in `language` as `category:word(counter,…)`. */
const candidates = async (text: string, language: LanguageCode): Promise<string[]> => (await findingsOf(text, language)).map((f) => `${f.category}:${f.actual}(${f.countervailing.join(',')})`);

describe('short Tajik calls', () => {
  it('a short sentence of imperatives in -ед and hortatives in -ем is Tajik, not Uzbek', () => {
    for (const text of ['Биёед, интиқом гирем!', 'Равед, хонаҳояшонро сӯзонед!', 'Хезед, бародарон, ҷанг кунем!']) {
      expect(identifyLanguage(text).language).toBe('tg');
    }
  });

  it('Uzbek and Russian sentences keep their language', () => {
    expect(identifyLanguage('Келинглар, қасос оламиз!').language).toBe('uz-Cyrl');
    expect(identifyLanguage('Всем привет, проблем нет.').language).toBe('ru');
  });

  it('нест before кардан is part of the verb «destroy»: violence, no negation', async () => {
    expect(await candidates('Душманро нест кунед!', 'tg')).toEqual(['violence:нест кунед()', 'call-to-action:кунед()']);
  });
});

describe('Arabic imperatives of a prayer without an alif', () => {
  it('right after the address and joined by و, each is a prayer', async () => {
    expect(await candidates('اللهم تقبل صيامنا وثبت قلوبنا.', 'ar')).toEqual(['call-to-action:تقبل(prayer)', 'call-to-action:وثبت(prayer)']);
    expect(await candidates('رب هب لي علما نافعا.', 'ar')).toEqual(['call-to-action:هب(prayer)']);
  });

  it('the same spellings outside an address to God are a past tense or a noun', async () => {
    expect(await candidates('وصل الضيف وتقبل الهدية بسرور.', 'ar')).toEqual([]);
    expect(await candidates('اللهم إنا نسألك أن تقبل دعاءنا.', 'ar')).toEqual([]);
  });
});
