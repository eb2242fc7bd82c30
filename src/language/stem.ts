/**
 * Stems for lexicon matching. Input is a word already passed through `normaliseForMatching`
 * (lower case). The same function must be applied to lexicon entries and to text.
 *
 * - Russian: Snowball (via `@orama/stemmers/russian`), with a guard against over-stemming: when
 *   Snowball leaves fewer than {@link MIN_RUSSIAN_STEM} letters the word is kept whole
 *   (убить stays убить instead of уб, which also matches убой; ислам stays ислам instead of исл).
 * - English: Snowball English (`@orama/stemmers/english`).
 * - Kyrgyz, Kazakh, Uzbek (both scripts): suffix rules with vowel harmony and onset assimilation
 *   from `sop/language/<code>.yaml`, stripped from the outer slot inwards.
 * - Arabic: harakat, tatweel and letter variants are handled by normalisation; the stem is the
 *   normalised word without a leading definite article (ال, وال, بال, فال, كال, لل).
 * - Tajik: the normalised word (no rules yet).
 */
import { stemmer as russianStemmer } from '@orama/stemmers/russian';
import { stemmer as englishStemmer } from '@orama/stemmers/english';
import { languageData, type Morphology } from './data.js';
import type { LanguageCode } from './types.js';

/** Shortest Russian stem kept from Snowball, in letters. */
export const MIN_RUSSIAN_STEM = 4;

/**
 * Russian stem: Snowball, except that a stem shorter than {@link MIN_RUSSIAN_STEM} letters is not
 * used — the word is kept whole instead (under-stemming misses a form; over-stemming matches
 * unrelated words, which is worse in evidence).
 */
export function stemRussian(word: string): string {
  const snow = russianStemmer(word);
  return snow.length >= MIN_RUSSIAN_STEM || snow.length === word.length ? snow : word;
}

interface CompiledRule {
  readonly form: string;
  readonly slot: number;
  readonly category: string;
  readonly after: readonly string[];
  /** Stem vowels allowed before this form (empty: any). */
  readonly harmony: string;
}

interface CompiledMorphology {
  readonly minStem: number;
  readonly vowels: string;
  readonly classes: Readonly<Record<string, string>>;
  /** Rules sorted longest form first, then by slot (outer first). */
  readonly rules: readonly CompiledRule[];
}

const compiled = new Map<LanguageCode, CompiledMorphology | null>();

function compileMorphology(m: Morphology): CompiledMorphology {
  const rules: CompiledRule[] = [];
  for (const suffix of m.suffixes) {
    for (const variant of suffix.variants) {
      for (const form of variant.forms) {
        const vowel = [...form].find((c) => m.vowels.includes(c));
        rules.push({ form, slot: suffix.slot, category: suffix.category, after: variant.after, harmony: vowel ? m.harmony[vowel] ?? '' : '' });
      }
    }
  }
  rules.sort((a, b) => b.form.length - a.form.length || b.slot - a.slot || (a.form < b.form ? -1 : a.form > b.form ? 1 : 0));
  const c = m.consonants;
  return {
    minStem: m.min_stem,
    vowels: m.vowels,
    classes: { voiced: c.voiced, sonorant: c.sonorant, voiceless: c.voiceless, consonant: c.voiced + c.sonorant + c.voiceless, vowel: m.vowels },
    rules,
  };
}

function morphologyFor(language: LanguageCode): CompiledMorphology | null {
  let m = compiled.get(language);
  if (m === undefined) {
    const file = languageData().languages.get(language);
    m = file?.morphology ? compileMorphology(file.morphology) : null;
    compiled.set(language, m);
  }
  return m;
}

function fits(rule: CompiledRule, stem: string, m: CompiledMorphology): boolean {
  const last = stem[stem.length - 1] ?? '';
  const afterOk = rule.after.some((a) => a === 'any' || a === last || (m.classes[a]?.includes(last) ?? false));
  if (!afterOk) return false;
  if (!rule.harmony) return true;
  for (let i = stem.length - 1; i >= 0; i--) {
    const ch = stem[i] ?? '';
    if (m.vowels.includes(ch)) return rule.harmony.includes(ch);
  }
  return false;
}

function hasVowel(stem: string, m: CompiledMorphology): boolean {
  for (const ch of stem) if (m.vowels.includes(ch)) return true;
  return false;
}

/**
 * Strips Turkic suffixes by the data rules: repeatedly removes the longest form whose slot is
 * inside the last one removed, whose onset condition and vowel harmony fit the remaining stem, and
 * which leaves at least `min_stem` letters including a vowel. Returns the word unchanged when the
 * language has no rules.
 */
export function stemTurkic(word: string, language: LanguageCode): string {
  const m = morphologyFor(language);
  if (!m) return word;
  let stem = word.replace(/-/g, '');
  let slotCap = Number.POSITIVE_INFINITY;
  for (let guard = 0; guard < 8; guard++) {
    let applied = false;
    for (const rule of m.rules) {
      if (rule.slot > slotCap || !stem.endsWith(rule.form)) continue;
      const rest = stem.slice(0, stem.length - rule.form.length);
      if (rest.length < m.minStem || !hasVowel(rest, m) || !fits(rule, rest, m)) continue;
      stem = rest;
      // Same-slot suffixes cannot stack, except verb endings after case-like forms of one slot.
      slotCap = rule.slot - 1;
      applied = true;
      break;
    }
    if (!applied) break;
  }
  return stem;
}

const ARABIC_ARTICLE = /^(?:وال|بال|فال|كال|ال|لل)(?=\p{L}{2,})/u;

/** Stem key used for lexicon matching; `word` must already be normalised and lower-cased. */
export function stem(word: string, language: LanguageCode): string {
  switch (language) {
    case 'ru':
      return stemRussian(word);
    case 'en':
      return englishStemmer(word);
    case 'ar':
      return word.replace(ARABIC_ARTICLE, '');
    case 'tg':
      return word;
    default:
      return stemTurkic(word, language);
  }
}
