/**
 * The indicator candidates of one short text, for sense tests: the shipped lexicons loaded once,
 * the text read as one body paragraph in the language the test names.
 */
import { DocumentBuilder } from '../../src/core/document-builder.js';
import type { Finding } from '../../src/core/finding.js';
import { runIndicators } from '../../src/analysis/indicators.js';
import type { Lexicon } from '../../src/analysis/lexicon-check.js';
import { loadLexicons } from '../../src/analysis/lexicon-files.js';
import type { LanguageCode } from '../../src/language/types.js';

const ROOT = new URL('../../', import.meta.url).pathname;
let shipped: Promise<Lexicon[]> | undefined;

/** The findings of `text` in `language`, against the lexicons shipped in `sop/lexicons`. */
export async function findingsOf(text: string, language: LanguageCode): Promise<Finding[]> {
  shipped ??= loadLexicons(ROOT).then((loaded) => loaded.lexicons);
  const lexicons = await shipped;
  const doc = new DocumentBuilder({ sha256: 'e'.repeat(64), name: 'case.txt' }, 'text').add({ id: 'p0', text, part: 'body', anchor: { paragraph: 0 } }).build();
  return runIndicators([doc], { lexicons, languages: [language] }).findings;
}
