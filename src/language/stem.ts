import { stemmer as russianStemmer } from '@orama/stemmers/russian';
import { stemmer as englishStemmer } from '@orama/stemmers/english';
import type { LanguageCode } from './types.js';

/** Stem key used for lexicon matching; `word` must already be normalised and lower-cased. */
export function stem(word: string, language: LanguageCode): string {
  if (language === 'ru') return russianStemmer(word);
  if (language === 'en') return englishStemmer(word);
  return word;
}
