// Conditions of tuning round 8 for Kyrgyz, Kazakh and Uzbek (issue 14). Each with the wrong
// reading it removes and the reading it keeps. Sentences are fictional, written for these tests.
import { beforeAll, describe, expect, it } from 'vitest';
import { DocumentBuilder } from '../core/document-builder.js';
import type { Finding } from '../core/finding.js';
import type { LanguageCode } from '../language/index.js';
import type { Lexicon } from './lexicon-check.js';
import { loadLexicons } from './lexicon-files.js';
import { runIndicators } from './indicators.js';

const ROOT = new URL('../../', import.meta.url).pathname;
let lexicons: Lexicon[] = [];
beforeAll(async () => {
  lexicons = (await loadLexicons(ROOT)).lexicons;
});

/** Candidates of a text whose language the engine identifies itself (as in a case), or of `language`. */
function findings(text: string, language?: LanguageCode): Finding[] {
  const doc = new DocumentBuilder({ sha256: 'e'.repeat(64), name: 'case.txt' }, 'text').add({ id: 'p0', text, part: 'body', anchor: { paragraph: 0 } }).build();
  return runIndicators([doc], { lexicons, ...(language ? { languages: [language] } : {}), standaloneFeatures: true }).findings;
}

/** `word rule` of each candidate of one category. */
function rules(text: string, category: string, language?: LanguageCode): string[] {
  return findings(text, language)
    .filter((f) => f.category === category)
    .map((f) => `${f.actual} ${f.ruleId}`);
}

describe('Russian rules read beside Kyrgyz, Kazakh and Uzbek text', () => {
  it('yield where the identified language reads the same word in the same category', () => {
    // The Kyrgyz entry excludes a song «a bomb»; Russian slang rules no longer bring it back.
    expect(rules('Бул ыр бомба болду!', 'violence')).toEqual([]);
    // One candidate for one word: the Kyrgyz entry's, not a Russian twin beside it.
    expect(rules('Алар көчөдө бомба жардырышты.', 'violence')).toEqual(['бомба ky.violence.bomba', 'жардырышты ky.violence.jardyr']);
    expect(rules('Кыргыз элинин тарыхы.', 'group-designation')).toEqual(['Кыргыз ky.group-designation.kyrgyz']);
  });
  it('still read a Russian word the Kyrgyz lexicon does not know', () => {
    expect(rules('Полиция келди.', 'group-designation')).toEqual(['Полиция ru.group-designation.policiya']);
  });
  it('are not touched in Russian text', () => {
    expect(rules('Они взорвали бомбу.', 'violence')).toEqual(['взорвали ru.violence.vzorvat', 'бомбу ru.violence.bomba']);
  });
});
