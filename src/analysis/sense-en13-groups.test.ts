// English sense, round 13 (issue 14, branch blind-en13b): the families that the round-13 blind batch of
// ordinary English (family chats, funeral and wedding customs, museum captions, genealogy, holiday
// greetings, religious-studies lectures, fantasy worldbuilding, written before reading the
// lexicons) shares with the round-12 blind batches — a faith word of a rite, a grave or a body
// (Muslim funerals, the Jewish Society, the Muslim community centre), enemy as the side of a
// battle (the enemy flank), a label attributed by a verb (described as vile) — and a group the
// batch named that no entry knew (foreigners). Each condition beside a genuine use it must keep.
// Sentences are fictional, written for these tests (none is an item of the evaluation set).
import { describe, expect, it } from 'vitest';
import { findingsOf, noCandidates, senseCondition } from '../../tests/support/indicator-candidates.js';

/** The first English candidate written `word` in `text`. */
const candidate = async (text: string, word: string) => (await findingsOf(text, 'en')).find((f) => f.actual === word);
const voiceOf = async (text: string, word: string): Promise<string | undefined> => (await candidate(text, word))?.voice;
const countersOfWord = async (text: string, word: string): Promise<readonly string[] | undefined> => (await candidate(text, word))?.countervailing;

senseCondition('en', 'a faith word of a rite, a grave, a body or a dish names no people', noCandidates('group-designation', [
  'Orthodox funerals in the village end with a shared meal.',
  'A Hindu cremation rite was filmed for the documentary.',
  'The Jewish Society meets on Tuesdays in room 4.',
  'Volunteers cleaned the old Catholic gravestones last spring.',
  'The Muslim community centre opens at nine.',
  'The Sikh Students’ Association runs the stall this year.',
  'Hindu and Buddhist temples line the old road.',
  'Southern American English drops the final g.',
]));

senseCondition('en', 'the people named by the same words stay', [
  ['group-designation', 'The Muslim community demanded an inquiry into the attack.', ['Muslim']],
  ['group-designation', 'Jewish and Muslim families were driven out of the village.', ['Jewish', 'Muslim']],
  ['group-designation', 'Catholic mourners were attacked outside the funeral.', ['Catholic']],
  ['group-designation', 'Muslim students protested outside the hall.', ['Muslim']],
]);

senseCondition('en', 'foreigners are a group designation; the adjective foreign names none', [
  ['group-designation', 'Foreigners out, this is our country!', ['Foreigners']],
  ['group-designation', 'The foreigner at number 9 was beaten in the street.', ['foreigner']],
  ['group-designation', 'Foreign policy was the main topic of the debate.', []],
  ['group-designation', 'She teaches foreign languages at the college.', []],
]);

senseCondition('en', 'enemy as the side of a battle is no evaluation; the enemy of a call stays', [
  ['negative-evaluation', 'The cavalry charged into the enemy flank at noon.', []],
  ['negative-evaluation', 'Enemy positions were shelled throughout the night.', []],
  ['negative-evaluation', 'The submarine sank two enemy ships before dawn.', []],
  ['negative-evaluation', 'The bridge fell into enemy hands in 1944.', []],
  ['negative-evaluation', 'The enemy is at the gates of Greyford, brothers.', ['enemy']],
  ['negative-evaluation', 'The Varn are the enemy of every decent family.', ['enemy']],
]);

describe('a label or a teaching attributed by a verb (described as, likened to, branded, taught that)', () => {
  it('reports the label in the describer’s voice and the teaching in the teacher’s', async () => {
    expect(await voiceOf('The judge described the defendant’s posts as vile.', 'vile')).toBe('reported');
    expect(await voiceOf('He described his opponents as vermin in the speech.', 'vermin')).toBe('reported');
    expect(await voiceOf('The mayor likened the newcomers to rats.', 'rats')).toBe('reported');
    expect(await voiceOf('The tabloid branded the strikers traitors.', 'traitors')).toBe('reported');
    expect(await voiceOf('The sage taught that hatred never ends hatred.', 'hatred')).toBe('reported');
  });
  it('leaves the speaker’s own label and hatred own', async () => {
    expect(await voiceOf('The Varnians are vermin and must go.', 'vermin')).toBe('own');
    expect(await voiceOf('My hatred of the Varn will never end.', 'hatred')).toBe('own');
  });
});

senseCondition('en', 'treacherous roads said as a predicate and hating to admit something evaluate nobody; the treacherous and the hated stay', [
  ['negative-evaluation', 'Roads are treacherous this morning, take care on the bypass.', []],
  ['negative-evaluation', 'The ice can be very treacherous near the weir.', []],
  ['negative-evaluation', 'Their striker is brilliant, I hate admitting it.', []],
  ['negative-evaluation', 'I hate saying this, but the plan will not work.', []],
  ['negative-evaluation', 'The treacherous Varn sold the valley to the raiders.', ['treacherous']],
  ['negative-evaluation', 'I hate the Varn and everything they stand for.', ['hate']],
]);


describe('against right before a group names whom the hostility is aimed at (counter-indicators)', () => {
  it('gives the group no condemnation', async () => {
    expect(await countersOfWord('The attackers shouted slogans against the Jewish community, witnesses said.', 'Jewish')).toEqual(['reported']);
    expect(await countersOfWord('Crimes against Muslims rose again last year.', 'Muslims')).toEqual([]);
  });
  it('keeps a condemnation the sentence makes, and against before violence', async () => {
    expect(await countersOfWord('We condemn every attack on Muslims in this town.', 'Muslims')).toContain('condemned');
    expect(await countersOfWord('We are against the killing of anyone.', 'killing')).toContain('condemned');
  });
});

senseCondition('en', '"their" beside violence told in the past is a story of the group; beside violence to come, a call or an in-group it names a target', [
  ['us-them', 'The Luddites smashed the new machines because they feared for their jobs.', []],
  ['us-them', 'The rebels had murdered two guards in their sleep.', []],
  ['us-them', 'The Varn were destroyed 4-1 at home, their worst defeat in years.', []],
  ['us-them', 'Burn their houses before the snow comes.', ['their']],
  ['us-them', 'The defendant called for the Drelli to be burned out of their homes.', ['their']],
  ['us-them', 'If they come back, we will burn their camps.', ['they', 'we', 'their']],
]);
