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

/** One case of a sense table: the category read, a sentence, and its candidates of that category as words. */
export type SenseCase = readonly [category: string, text: string, words: readonly string[]];

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

/** The candidates of one category in one English text, as `category:word` (the English sense tests). */
export async function englishCandidatesOf(category: string, text: string): Promise<string[]> {
  return (await findingsOf(text, 'en')).map((f) => `${f.category}:${f.actual}`).filter((c) => c.startsWith(`${category}:`));
}

/** Every English text gives no candidate of `category`. */
export async function expectNoEnglishCandidates(category: string, texts: readonly string[]): Promise<void> {
  for (const text of texts) expect(await englishCandidatesOf(category, text), text).toEqual([]);
}
