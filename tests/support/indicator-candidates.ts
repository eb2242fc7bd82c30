// One sentence read as a one-paragraph text document and run through the indicators: the helper
// the sense tests of each tuning round share (src/analysis/sense-*.test.ts).
import { DocumentBuilder } from '../../src/core/document-builder.js';
import type { Finding } from '../../src/core/finding.js';
import { runIndicators } from '../../src/analysis/indicators.js';
import type { Lexicon } from '../../src/analysis/lexicon-check.js';
import type { LanguageCode } from '../../src/language/index.js';

/** The candidates of `text` read in `language` (default behaviour: features accompany or are withheld). */
export function sentenceCandidates(lexicons: readonly Lexicon[], text: string, language: LanguageCode): Finding[] {
  const doc = new DocumentBuilder({ sha256: 'c'.repeat(64), name: 'case.txt' }, 'text').add({ id: 'p0', text, part: 'body', anchor: { paragraph: 0 } }).build();
  return runIndicators([doc], { lexicons, languages: [language] }).findings;
}
