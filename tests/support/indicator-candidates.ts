/**
 * The indicator candidates of one short text, for the sense tests of each tuning round
 * (src/analysis/sense-*.test.ts): the text read as one body paragraph in the language the test names.
 */
import { describe, expect, it } from 'vitest';
import { DocumentBuilder } from '../../src/core/document-builder.js';
import type { Finding } from '../../src/core/finding.js';
import { runIndicators } from '../../src/analysis/indicators.js';
import type { Lexicon } from '../../src/analysis/lexicon-check.js';
import { loadLexicons } from '../../src/analysis/lexicon-files.js';
import type { LanguageCode } from '../../src/language/types.js';

const ROOT = new URL('../../', import.meta.url).pathname;
let shipped: Promise<Lexicon[]> | undefined;

/** The candidates of `text` read in `language` against the given lexicons (default behaviour: features accompany or are withheld). */
export function sentenceCandidates(lexicons: readonly Lexicon[], text: string, language: LanguageCode): Finding[] {
  const doc = new DocumentBuilder({ sha256: 'c'.repeat(64), name: 'case.txt' }, 'text').add({ id: 'p0', text, part: 'body', anchor: { paragraph: 0 } }).build();
  return runIndicators([doc], { lexicons, languages: [language] }).findings;
}

/** The candidates of `text` in `language`, against the lexicons shipped in `sop/lexicons` (loaded once). */
export async function findingsOf(text: string, language: LanguageCode): Promise<Finding[]> {
  shipped ??= loadLexicons(ROOT).then((loaded) => loaded.lexicons);
  return sentenceCandidates(await shipped, text, language);
}

/** Whether `text` read in `language` gives a candidate of `category` on exactly `word`. */
export async function hasCandidate(text: string, word: string, category: string, language: LanguageCode): Promise<boolean> {
  return (await findingsOf(text, language)).some((f) => f.actual === word && f.category === category);
}

/** One case of a sense table: the category read, a sentence, and its candidates of that category as words. */
export type SenseCase = readonly [category: string, text: string, words: readonly string[]];

/** Cases of a sense table whose sentences must give no candidate of `category`: a family's benign uses. */
export const noCandidates = (category: string, texts: readonly string[]): SenseCase[] => texts.map((text) => [category, text, []] as const);

/**
 * A sense table of a tuning round in `language`: runs every case as its own test against the
 * shipped lexicons — the candidates of the case's category, as matched words, must be its words.
 */
export function senseCondition(language: LanguageCode, name: string, cases: readonly SenseCase[]): void {
  describe(name, () => {
    it.each(cases)('%s in «%s»', async (category, text, words) => {
      const found = (await findingsOf(text, language)).filter((f) => f.category === category).map((f) => f.actual);
      expect(found).toEqual(words);
    });
  });
}

/** The countervailing circumstances the engine gives the candidate `word` of `text` read in `language`. */
export async function countersOf(text: string, word: string, language: LanguageCode): Promise<readonly string[]> {
  const found = (await findingsOf(text, language)).find((f) => f.actual === word);
  expect(found, `«${word}» is a candidate in «${text}»`).toBeDefined();
  return found?.countervailing ?? [];
}

/** A sentence and the candidate word of it that a counter-indicator concerns. */
export type CounterCase = readonly [text: string, word: string];

/**
 * A counter-indicator condition of a tuning round in `language`: each case's word carries the
 * counter `counter`; the control's word, in a sentence the condition must not reach, does not.
 */
export function counterCondition(language: LanguageCode, name: string, counter: string, cases: readonly CounterCase[], control: CounterCase): void {
  describe(name, () => {
    it.each(cases)(`«%s»: «%s» is ${counter}`, async (text, word) => {
      expect(await countersOf(text, word, language)).toContain(counter);
    });
    it(`control: «${control[1]}» in «${control[0]}» is not ${counter}`, async () => {
      expect(await countersOf(control[0], control[1], language)).not.toContain(counter);
    });
  });
}

/** The candidates of one category in one English text, as `category:word` (the English sense tests). */
export async function englishCandidatesOf(category: string, text: string): Promise<string[]> {
  return (await findingsOf(text, 'en')).map((f) => `${f.category}:${f.actual}`).filter((c) => c.startsWith(`${category}:`));
}

/** Every English text gives no candidate of `category`. */
export async function expectNoEnglishCandidates(category: string, texts: readonly string[]): Promise<void> {
  for (const text of texts) expect(await englishCandidatesOf(category, text), text).toEqual([]);
}
