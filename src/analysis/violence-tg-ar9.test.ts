// Tajik and Arabic, round 9 (issue 14): more verbs of violence as data (sop/lexicons/ar/violence.yaml:
// ضرب, إبادة, سحق, طعن, خطف, نسف in their imperative or unambiguous forms; sop/lexicons/tg/violence.yaml:
// хароб / вайрон in a call, хун рехтан, тирборон), each beside an ordinary use that stays out; the
// Tajik verb endings -ед / -ем decide a short call against trigrams (sop/language/tg.yaml).
// Sentences are fictional, written for these tests.
import { describe, expect, it } from 'vitest';
import { identifyLanguage } from '../language/identify.js';
import type { LanguageCode } from '../language/types.js';
import { findingsOf } from '../../tests/support/indicator-candidates.js';

/** Violence candidates of one text in `language`. */
const violence = async (text: string, language: LanguageCode): Promise<string[]> => (await findingsOf(text, language)).filter((f) => f.category === 'violence').map((f) => f.actual);

describe('Arabic verbs of violence in the imperative', () => {
  it('strike, exterminate, crush, stab, kidnap and blow up them are violence', async () => {
    for (const [text, word] of [['اضربوهم في كل مكان.', 'اضربوهم'], ['أبيدوهم جميعا.', 'أبيدوهم'], ['اسحقوهم الليلة.', 'اسحقوهم'], ['اطعنوهم في السوق.', 'اطعنوهم'], ['اخطفوا أبناء القضاة.', 'اخطفوا'], ['انسفوا الجسر.', 'انسفوا']]) {
      expect(await violence(text as string, 'ar')).toEqual([word]);
    }
  });

  it('grinding spices and giving an example are not', async () => {
    expect(await violence('اسحق حبات الهيل ثم أضفها إلى القهوة.', 'ar')).toEqual([]);
    expect(await violence('ضرب المعلم مثلا عن الصبر.', 'ar')).toEqual([]);
  });
});

describe('Tajik verbs of violence', () => {
  it('ruin in a call, shed blood and gunfire are violence', async () => {
    expect(await violence('Хонаҳои онҳоро хароб кунед!', 'tg')).toEqual(['хароб кунед']);
    expect(await violence('Хун резед, то онҳо битарсанд!', 'tg')).toEqual(['Хун резед']);
    expect(await violence('Тирборон дар бозор се нафарро кушт.', 'tg')).toContain('Тирборон');
  });

  it('an old building pulled down is not', async () => {
    expect(await violence('Бинои кӯҳнаро вайрон карданд ва мактаб сохтанд.', 'tg')).toEqual([]);
  });
});

describe('short Tajik calls without ҷ ӣ ӯ', () => {
  it('are Tajik by their verb endings -ед / -ем', () => {
    for (const text of ['Биёед, қасос гирем!', 'Равед, тез биёед!']) expect(identifyLanguage(text).language).toBe('tg');
  });

  it('Russian words in -ед / -ем and Uzbek calls keep their language', () => {
    for (const text of ['Пойдем, сделаем это!', 'Будем ждать на обед.', 'Сосед оставил след.']) expect(identifyLanguage(text).language).toBe('ru');
    expect(identifyLanguage('Келинглар, қасос оламиз!').language).toBe('uz-Cyrl');
  });
});
