// English sense, round 5 (issue 14): phenomena found in natural English text, each a general
// condition in the lexicon data or a language-gated rule. Sentences are fictional, written for
// these tests.
import { beforeAll, describe, expect, it } from 'vitest';
import { DocumentBuilder } from '../core/document-builder.js';
import type { Lexicon } from './lexicon-check.js';
import { loadLexicons } from './lexicon-files.js';
import { runIndicators } from './indicators.js';

const ROOT = new URL('../../', import.meta.url).pathname;
let lexicons: Lexicon[] = [];
beforeAll(async () => {
  lexicons = (await loadLexicons(ROOT)).lexicons;
});

/** Candidates of one English sentence as `category:word`, and the features listed beside them. */
function read(text: string): { candidates: string[]; features: string[] } {
  const doc = new DocumentBuilder({ sha256: 'e'.repeat(64), name: 'case.txt' }, 'text').add({ id: 'p0', text, part: 'body', anchor: { paragraph: 0 } }).build();
  const { findings, withheld } = runIndicators([doc], { lexicons, languages: ['en'] });
  return {
    candidates: findings.map((f) => `${f.category}:${f.actual}`),
    features: [...findings.flatMap((f) => f.accompanying ?? []), ...withheld].map((a) => `${a.category}:${a.actual}`),
  };
}

describe('English us/them pronouns whose referent is a thing or the speaker’s ordinary group', () => {
  it('the object of an ordinary instruction is no target: it accompanies the call', () => {
    expect(read('Your documents are ready; pick them up in room 12.')).toEqual({ candidates: ['call-to-action:pick'], features: ['us-them:Your', 'us-them:them'] });
    expect(read('Tell us how the meeting went.').candidates).toEqual(['call-to-action:Tell']);
  });

  it('a call of concern still gives its pronoun target a candidate', () => {
    expect(read('Burn their shops tonight.').candidates).toContain('us-them:their');
    expect(read('Drive them out of the valley by force.').candidates).toContain('us-them:them');
  });

  it('a pronoun inside the call formula (let us, we call upon) is part of the call', () => {
    expect(read('Let us pay attention to this lesson.')).toEqual({ candidates: ['call-to-action:Let us'], features: ['us-them:us'] });
  });

  it('"they" as subject beside a call alone accompanies it; beside an in-group or violence with a call it stands', () => {
    expect(read('They should be ashamed of the delay.').candidates).toEqual([]);
    expect(read('They will come and we must kill them first.').candidates).toEqual(expect.arrayContaining(['us-them:They', 'violence:kill']));
  });
});
