/**
 * The language layer: script detection, language identification, tokens, normalisation for
 * matching and stems. Offsets are 0-based UTF-16 code units throughout; ranges are `[start, end)`.
 * Data (alphabets, function words, suffix rules, weights) lives in `sop/language/*.yaml`, validated
 * by `validateLanguageData` (`./data.js`).
 */
export type { LanguageCode, Script, LanguageGuess, NormalisationStep } from './types.js';
export { LANGUAGE_CODES } from './types.js';
export { detectScript } from './script.js';
export { identifyLanguage } from './identify.js';
export { scanTokens, tokenize, type Token, type TokenKind } from './tokenize.js';
export { normaliseForMatching, describeStep, looseKey, transliterationKey, joinSplitWords, type JoinedWord } from './normalise.js';
export { stem } from './stem.js';
export { validateLanguageData } from './data.js';
