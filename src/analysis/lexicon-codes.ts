/**
 * The closed code lists the analysis data files are written in: the languages of lexicons and
 * profile lists, and the profile lists' categories. Plain constants, apart from the zod schemas
 * that check the files (`lexicon-schema.ts`, `profile-schema.ts`), so an analysis that only names
 * a code does not build the schemas: `soz analyze` takes the compiled data from the build's cache
 * and loads the schemas only when it compiles the YAML itself (issue 17, sixth round).
 */
import { LANGUAGE_CODES, type LanguageCode } from '../language/types.js';

/** Languages a lexicon or profile list may be written for: the language layer's codes. */
export const LEXICON_LANGUAGES = LANGUAGE_CODES;
export type LexiconLanguage = LanguageCode;

/** Categories counted from the profile word lists (imperatives and obligation come from the lexicon matcher). */
export const PROFILE_LIST_CATEGORIES = [
  'first-person-singular',
  'first-person-plural',
  'second-person',
  'third-person-plural',
  'absolutist',
  'negative-emotion',
  'positive-emotion',
  'anger',
  'fear',
  'certainty',
  'religion',
] as const;
export type ProfileListCategory = (typeof PROFILE_LIST_CATEGORIES)[number];
