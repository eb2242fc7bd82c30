// English sense and stance of indicator candidates (issue 14, tuning round 2). Sentences are
// fictional, written for these tests.
import { beforeAll, describe, expect, it } from 'vitest';
import { DocumentBuilder } from '../core/document-builder.js';
import type { Finding } from '../core/finding.js';
import type { Lexicon } from './lexicon-check.js';
import { loadLexicons } from './lexicon-files.js';
import { runIndicators } from './indicators.js';

const ROOT = new URL('../../', import.meta.url).pathname;
let lexicons: Lexicon[] = [];
beforeAll(async () => {
  lexicons = (await loadLexicons(ROOT)).lexicons;
});

function candidates(text: string): Finding[] {
  const b = new DocumentBuilder({ sha256: 'e'.repeat(64), name: 'case.txt' }, 'text');
  b.add({ id: 'p0', text, part: 'body', anchor: { paragraph: 0 } });
  return runIndicators([b.build()], { lexicons, standaloneFeatures: true, languages: ['en'] }).findings;
}

const voiceOf = (text: string, word: string): string | undefined => candidates(text).find((f) => f.actual === word)?.voice;

describe('English reported speech', () => {
  it('verbs of saying and source phrases beyond said/told make the words reported', () => {
    expect(voiceOf('The preacher of Lowmarsh urged his listeners to burn the granary.', 'burn')).toBe('reported');
    expect(voiceOf('The gang reportedly planned to attack the depot.', 'attack')).toBe('reported');
    expect(voiceOf('In a statement, the group vowed revenge for the raid.', 'revenge')).toBe('reported');
  });

  it('a first-person appeal stays the author’s own', () => {
    expect(voiceOf('We want revenge for the raid on Lowmarsh.', 'revenge')).toBe('own');
  });
});
