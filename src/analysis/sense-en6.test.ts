// English sense, round 6 (issue 14): us/them pronouns that point back to things (`anaphoric` on
// en.us-them.they, src/language/antecedent-en.ts) and figurative violence as lexicon data.
// Sentences are fictional, written for these tests.
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

/** Candidates of one English text as `category:word`. */
function candidates(text: string): string[] {
  const doc = new DocumentBuilder({ sha256: 'f'.repeat(64), name: 'case.txt' }, 'text').add({ id: 'p0', text, part: 'body', anchor: { paragraph: 0 } }).build();
  return runIndicators([doc], { lexicons, languages: ['en'] }).findings.map((f) => `${f.category}:${f.actual}`);
}

describe('English they / them / their that point back to things', () => {
  it('plural things before the pronoun in its sentence, or in the sentence before, make it no group', () => {
    expect(candidates('The old flags are faded; burn them and hang new ones.')).not.toContain('us-them:them');
    expect(candidates('The old leaflets pile up in the hall. Burn them.')).toEqual(['call-to-action:Burn', 'violence:Burn']);
    expect(candidates('The weeds are back in the beds; pull them out and burn them.')).not.toContain('us-them:them');
  });

  it('a group of people before it, a name, a quantifier standing for people or an earlier "they" keep it a candidate', () => {
    expect(candidates('The rebels came at night. Burn their houses.')).toContain('us-them:their');
    expect(candidates('Many will attack them and their homes.')).toEqual(expect.arrayContaining(['us-them:them', 'us-them:their']));
    expect(candidates('They came at night. Burn their houses.')).toContain('us-them:their');
    expect(candidates('The barricades are empty. Burn them before they come back.')).toContain('us-them:they');
  });

  it('a possessive before the things stays: the owners are the target', () => {
    expect(candidates('Their shops are closed, burn them down tonight.')).toEqual(['us-them:Their', 'call-to-action:burn', 'violence:burn']);
  });

  it('burning in a stove or on a bonfire is no violence', () => {
    expect(candidates('The dead branches are dry. Burn them in the stove.')).toEqual(['call-to-action:Burn']);
  });
});

describe('English figurative violence, disease and fear', () => {
  it('rejecting an idea, spoiling a film, fighting an illness, an idiom of two birds, losing one\'s temper, a try, slang praise give nothing', () => {
    for (const text of ['The board shot down my proposal in five minutes.', 'The critics say the studio butchered the novel.', 'My uncle has been fighting cancer for two years.', 'The trip lets us kill two birds with one stone.', 'She blew up at her brother over the dishes.', 'He took a stab at the crossword after lunch.', 'The singer slayed the performance at the final.', 'We are at war with clutter in the garage again.']) {
      expect(candidates(text)).toEqual([]);
    }
  });

  it('terror as fear, a photo shoot, viruses and pests, and "Time to …" are no violence and no call', () => {
    for (const text of ['The terror of the exam kept her awake all night.', 'The toddler woke in sheer terror from a bad dream.', 'He was shot by a famous photographer for the magazine cover.', 'The virus attacks the immune system within days.', 'Aphids attack the roses every spring.', 'Time to pack the car for the beach.']) {
      expect(candidates(text)).toEqual([]);
    }
  });

  it('"lets" after its subject is the verb to let, not the hortative', () => {
    expect(candidates('The app lets you pay by card.')).toEqual([]);
    expect(candidates('So let\'s start the meeting.')).toEqual(['call-to-action:let\'s']);
    expect(candidates('He said let\'s go home.')).toEqual(['call-to-action:let\'s']);
  });

  it('keeping, adopting or walking a dog is a literal animal; people called dogs stay', () => {
    expect(candidates('Our landlord never lets us keep a dog.')).toEqual([]);
    expect(candidates('They are dogs and must be driven out.')).toContain('negative-evaluation:dogs');
  });

  it('the literal acts stay', () => {
    expect(candidates('Gunmen shot down the helicopter and stabbed the pilot at the crash site.')).toEqual(['violence:shot', 'violence:stabbed']);
    expect(candidates('They blew up the bridge at dawn.')).toEqual(['violence:blew up']);
    expect(candidates('Terror groups attacked the town.')).toEqual(['violence:Terror', 'violence:attacked']);
  });
});
