/**
 * The indicator candidates of one short text, for the sense tests of each tuning round
 * (src/analysis/sense-*.test.ts): the text read as one body paragraph in the language the test names.
 */
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
