// Conditions of tuning round 10 for Kyrgyz (issue 14), each with the reading it removes and a
// control that stays. Sentences are fictional, written for these tests.
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

/** Candidates of a text in `language`, grouped as in a case (bare features accompany or are withheld). */
function findings(text: string, language: LanguageCode = 'ky'): Finding[] {
  const doc = new DocumentBuilder({ sha256: 'f'.repeat(64), name: 'case.txt' }, 'text').add({ id: 'p0', text, part: 'body', anchor: { paragraph: 0 } }).build();
  return runIndicators([doc], { lexicons, languages: [language] }).findings;
}

/** `word category` of each candidate. */
function read(text: string, language: LanguageCode = 'ky'): string[] {
  return findings(text, language).map((f) => `${f.actual} ${f.category}`);
}

/** The us/them pronouns that stand as candidates. */
function usThem(text: string): string[] {
  return findings(text).filter((f) => f.category === 'us-them').map((f) => f.actual);
}

describe('Kyrgyz pronouns are read with their clause group', () => {
  it('violence told in another clause group with no pronoun is another event', () => {
    expect(usThem('Алар бизге келип, чай ичишти, анан согуш жөнүндө кино көрдүк.')).toEqual([]);
    expect(usThem('Биз аларга барып, конок болдук, кийин кечинде атышуу тууралуу жаңылык уктук.')).toEqual([]);
  });
  it('a converb carries its clause on past the comma', () => {
    expect(usThem('Алар биздин айылга кирип, үйлөрдү өрттөштү.')).toEqual(['Алар', 'биздин']);
  });
  it('a pronoun in the violence clause group, and a call across clauses, keep the pronouns', () => {
    expect(usThem('Алар келди, биздин үйлөрдү өрттөштү.')).toEqual(['Алар', 'биздин']);
    expect(usThem('Согушкула, аларга бир карыш жер бербегиле!')).toEqual(['аларга']);
  });
});
