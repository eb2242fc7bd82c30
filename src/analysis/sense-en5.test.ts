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

describe('English names, companies and directions read as group nouns', () => {
  it('Christian before a surname, after a title, or as a subject without an article is a person’s name', () => {
    expect(read('Please forward the contract to Christian Meyer in accounts.').candidates).toEqual(['call-to-action:forward']);
    expect(read('I had lunch with Dr Christian Falk yesterday.').candidates).toEqual([]);
    expect(read('Anna and Christian are moving to Lyon in May.').candidates).toEqual([]);
  });

  it('the religious group stays: before a noun, before Church or Democrats, with an article', () => {
    expect(read('Christian pilgrims reached the monastery at dawn.').candidates).toEqual(['group-designation:Christian']);
    expect(read('The Christian Democrats won the vote.').candidates).toEqual(['group-designation:Christian']);
    expect(read('A Christian was attacked near the church.').candidates).toEqual(['group-designation:Christian', 'violence:attacked']);
  });

  it('company names, directions and goods named by origin are no people', () => {
    expect(read('She sent the deposit through Western Union.').candidates).toEqual([]);
    expect(read('The western slope of the valley floods every spring.').candidates).toEqual([]);
    expect(read('The shop sells Chinese silk and Turkish towels.').candidates).toEqual([]);
  });
});

describe('English figurative violence and clause openings that are no imperatives', () => {
  it('idioms of success, pain, price and contest give no violence candidate; literal acts still do', () => {
    for (const text of ['Honestly, the new intern is killing it on the sales calls.', 'These new boots are killing me.', 'Getting the grant is a long shot, I know.', 'Fixing that roof will cost a bomb.', 'Convincing the council was an uphill battle for the residents.']) {
      expect(read(text).candidates).toEqual([]);
    }
    expect(read('The militia is killing civilians in the hills.').candidates).toEqual(['violence:killing']);
    expect(read('They are killing me, help!').candidates).toContain('violence:killing');
  });

  it('must have + past participle is a conclusion, must + a verb an obligation', () => {
    expect(read('He must have missed the train.')).toEqual({ candidates: [], features: [] });
    expect(read('The preacher said: we must fight the invaders.').candidates).toEqual(expect.arrayContaining(['call-to-action:must', 'violence:fight']));
  });

  it('greetings, a left-out I, captions and headings are no requests', () => {
    for (const text of ['Welcome to the new members of the book club!', 'Hope you all got home safely.', 'Run by parents, the library opens on Saturdays.', 'Access to the gym is free for staff.', 'Part three of the course starts next week.']) {
      expect(read(text).candidates).toEqual([]);
    }
    expect(read('Welcome the guests at the door and take their coats.').candidates).toEqual(['call-to-action:Welcome', 'call-to-action:take']);
  });
});
