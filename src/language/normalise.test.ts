import { describe, expect, it } from 'vitest';
import { describeStep, joinSplitWords, looseKey, normaliseForMatching, transliterationKey } from './normalise.js';
import { tokenize } from './tokenize.js';

describe('normaliseForMatching', () => {
  it('reads a Latin look-alike inside a Cyrillic word as Cyrillic and records where', () => {
    const r = normaliseForMatching('джиxад');
    expect(r.normalised).toBe('джихад');
    expect(r.steps).toEqual([{ offset: 3, from: 'x', to: 'х', rule: 'homoglyph-latin-to-cyrillic' }]);
    expect(describeStep(r.steps[0]!)).toBe('Latin x at offset 3 read as Cyrillic х (homoglyph-latin-to-cyrillic)');
  });

  it('reads a Cyrillic look-alike inside a Latin word as Latin', () => {
    const r = normaliseForMatching('jihаd'); // Cyrillic а
    expect(r.normalised).toBe('jihad');
    expect(r.steps.map((s) => [s.offset, s.rule])).toEqual([[3, 'homoglyph-cyrillic-to-latin']]);
  });

  it('leaves single-script words alone and lower-cases without recording it', () => {
    expect(normaliseForMatching('Кыргызстан')).toEqual({ normalised: 'кыргызстан', steps: [] });
    expect(normaliseForMatching('Jihad')).toEqual({ normalised: 'jihad', steps: [] });
  });

  it('applies NFC with the offset of the decomposed cluster', () => {
    const r = normaliseForMatching('кии\u0306'); // и + combining breve = й
    expect(r.normalised).toBe('кий');
    expect(r.steps).toEqual([{ offset: 2, from: 'и\u0306', to: 'й', rule: 'unicode-nfc' }]);
  });

  it('repairs letters typed from a neighbouring alphabet only for the target language', () => {
    expect(normaliseForMatching('өкмұт', 'ky').normalised).toBe('өкмүт');
    expect(normaliseForMatching('өкмұт', 'kk').normalised).toBe('өкмұт');
    expect(normaliseForMatching('кӧп', 'ky').steps[0]).toMatchObject({ offset: 1, from: 'ӧ', to: 'ө', rule: 'wrong-alphabet-ky' });
  });

  it('unifies Uzbek apostrophes', () => {
    expect(normaliseForMatching("O'zbekiston", 'uz-Latn').normalised).toBe('oʻzbekiston');
    expect(normaliseForMatching('ma’lumot', 'uz-Latn').normalised).toBe('maʼlumot');
    expect(normaliseForMatching('oʻzbek', 'uz-Latn').steps).toEqual([]);
  });

  it('reads a zero between letters as the letter o', () => {
    expect(normaliseForMatching('мусулм0н').normalised).toBe('мусулмон');
  });

  it('strips harakat and tatweel and unifies alef forms in Arabic', () => {
    const r = normaliseForMatching('أَحْمَـد', 'ar');
    expect(r.normalised).toBe('احمد');
    expect(r.steps.map((s) => s.rule)).toContain('arabic-letter-variant');
    expect(r.steps.map((s) => s.rule)).toContain('arabic-strip-harakat');
  });
});

describe('looseKey and transliterationKey', () => {
  it('folds keyboard substitutes per language', () => {
    expect(looseKey('өкмөт', 'ky').key).toBe('окмот');
    expect(looseKey('жиҳод', 'uz-Cyrl').key).toBe('жиход');
    expect(looseKey('жиҳод', 'en').steps).toEqual([]);
  });

  it('brings Cyrillic and Latin spellings to one key', () => {
    const keys = ['джихад', 'dzhikhad', 'djihad', 'jihad', 'жиһад'].map((w) => transliterationKey(w).key);
    expect(new Set(keys)).toEqual(new Set(['jihad']));
  });
});

describe('joinSplitWords', () => {
  it('joins spaced-out letters and words cut by punctuation, recording each removed separator', () => {
    const text = 'бул д ж и х а д эмес, джи*хад, а б';
    const joined = joinSplitWords(tokenize(text), text);
    expect(joined.map((j) => j.text)).toEqual(['джихад', 'джихад']);
    expect(text.slice(...joined[0]!.range)).toBe('д ж и х а д');
    expect(joined[0]!.steps).toHaveLength(5);
    expect(joined[1]!.steps).toEqual([{ offset: 3, from: '*', to: '', rule: 'removed-inner-separator' }]);
    expect(describeStep(joined[1]!.steps[0]!)).toBe('"*" (U+002A) at offset 3 removed (removed-inner-separator)');
  });

  it('leaves ordinary text alone', () => {
    const text = 'Бул жөн эле сүйлөм, а бул — башка.';
    expect(joinSplitWords(tokenize(text), text)).toEqual([]);
  });
});
