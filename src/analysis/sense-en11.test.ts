// English sense, round 11 (issue 14): more benign families of the violence and call-to-action
// lexicons, found from the lexicon side — oaths alone, slang praise, germs and yeast, business and
// sport, weapons of museums, hunting and sport, imperative idioms, retorts, hospitality, openers,
// let's formulas and recommendations with a modal. Each condition beside a genuine call or use it
// must keep. Sentences are fictional, written for these tests (none is an item of the evaluation set).
import { describe, expect, it } from 'vitest';
import { findingsOf } from '../../tests/support/indicator-candidates.js';

/** Candidates of one English text as `category:word`. */
const candidates = async (text: string): Promise<string[]> => (await findingsOf(text, 'en')).map((f) => `${f.category}:${f.actual}`);

/** The candidates of one category. */
const of = async (category: string, text: string): Promise<string[]> => (await candidates(text)).filter((c) => c.startsWith(`${category}:`));

/** Every text gives no candidate of `category`. */
async function noneOf(category: string, texts: readonly string[]): Promise<void> {
  for (const text of texts) expect(await of(category, text), text).toEqual([]);
}

describe('oaths and interjections', () => {
  it('an oath alone or before a question, and interjections, are no call and no violence', async () => {
    const texts = ['Shoot! The oven timer went off.', 'Blast! I dropped the eggs.', 'Shoot, what did I do with the keys?', 'Drat, the library is shut.', 'Darn it, the zip broke.'];
    await noneOf('call-to-action', texts);
    await noneOf('violence', texts);
  });

  it('shooting at a time or a place, or shooting again, stays', async () => {
    expect(await candidates('Shoot when they cross the bridge.')).toEqual(expect.arrayContaining(['call-to-action:Shoot', 'violence:Shoot']));
    expect(await candidates('Shoot again, the Greycloak is still standing.')).toEqual(expect.arrayContaining(['call-to-action:Shoot', 'violence:Shoot']));
    expect(await of('call-to-action', 'Blast the gate open before dawn.')).toContain('call-to-action:Blast');
  });
});

describe('slang and hyperbole', () => {
  it('the bomb as praise, a bombed test, a great shot, killing it on stage, kill me now: no violence', async () => {
    await noneOf('violence', [
      'The wedding band was the bomb.',
      "You're the bomb for fixing my bike.",
      'I bombed the physics test again.',
      'Great shot, the fox is so sharp in it.',
      'He killed it at the talent show tonight.',
      'Kill me now, the sermon is in its second hour.',
      'Just shoot me, the form has twelve pages.',
    ]);
  });

  it('a bomb that went off or sat in a car, and shooting a person, stay', async () => {
    expect(await of('violence', 'It was the bomb in the car that killed them.')).toContain('violence:bomb');
    expect(await of('violence', 'Just shoot him at the gate.')).toContain('violence:shoot');
  });
});

describe('cleaning, medicine, baking, business and sport', () => {
  it('germs, yeast, the competition, a personal best and goals: no violence', async () => {
    await noneOf('violence', [
      'This wipe kills 99% of germs on the cot.',
      'Boiling kills most bacteria in the milk.',
      'The new laptop will destroy the competition.',
      'He destroyed the club record in the relay.',
      'Smash your goals at our spring bootcamp.',
    ]);
  });

  it('killing people like germs stays', async () => {
    expect(await of('violence', 'Kill them like germs.')).toContain('violence:Kill');
  });
});

describe('weapons of museums, hunting, sport and toys', () => {
  it('are no violence', async () => {
    await noneOf('violence', [
      'The town museum shows pikes and swords from the siege.',
      'His air rifle is for the club range only.',
      'She bought a replica sword for the cosplay.',
      'The archaeologists excavated a rusted sword near the ford.',
      'We shot clay pigeons with borrowed guns.',
    ]);
  });

  it('a hunting rifle taken against people keeps the shooting', async () => {
    expect(await of('violence', 'Take your hunting rifles and shoot the Greycloak elders.')).toContain('violence:shoot');
  });
});

describe('imperative idioms and formulas', () => {
  it('ask for no act: no call', async () => {
    await noneOf('call-to-action', [
      'Hit the road, the ferry leaves at noon.',
      'Hit me up after the match.',
      'Strike a balance between sport and study.',
      'Knock yourself out, the biscuits are in the tin.',
      'Pull the trigger on that laptop deal.',
      'Blow out the candles, Grandad!',
      'Beat the butter with the sugar.',
      'Raid the pantry if you want crisps.',
      'Have a blessed Eid, dear cousins!',
      'Get lost, I said no.',
      'Chill out, the train is late too.',
      'Cut it out, you are scaring the cat.',
      'Come to think of it, she never called.',
      'Guess who got the job.',
      'Love the new kitchen tiles.',
      "Let's call it a night.",
      "Let's roll, everyone is in the van.",
      'Let it rain, we have umbrellas.',
      "Don't be a stranger, Ana.",
      'Fight for your right to party!',
    ]);
  });

  it('the same verbs with a target of concern stay calls', async () => {
    for (const [text, call] of [
      ['Hit the checkpoint at dawn.', 'Hit'],
      ['Get out of our valley, Greycloaks!', 'Get'],
      ['Keep up the fight against the Greycloaks.', 'Keep'],
      ['Cut off the heads of their chiefs.', 'Cut'],
      ['Come back and fight them.', 'Come'],
      ['Pull the trigger when they reach the wall.', 'Pull'],
      ['Raid the police station tonight.', 'Raid'],
      ['Beat them until they leave.', 'Beat'],
      ['Blow up the bridge before they cross.', 'Blow'],
      ["Let's show them what we are made of.", "Let's"],
      ["Let's go there and burn it down.", "Let's"],
      ['Let it burn.', 'Let'],
    ] as const) {
      expect(await of('call-to-action', text), text).toContain(`call-to-action:${call}`);
    }
  });
});

describe('recommendations with a modal', () => {
  it('you must try, you have to watch: no obligation', async () => {
    await noneOf('call-to-action', ['You must try the killer milkshake at the pier.', 'You have to watch the old war film on Sunday.', 'You should read the book about the bombing of the mill.']);
  });

  it('an obligation against people stays', async () => {
    expect(await of('call-to-action', 'You have to watch them burn.')).toContain('call-to-action:have to');
    expect(await of('call-to-action', 'You have to kill them.')).toContain('call-to-action:have to');
  });
});

describe('nouns of force words opening a caption', () => {
  it('attack ads, smash burgers, torch songs, loot boxes, a named storm, a crush on someone: no call, no violence', async () => {
    const texts = ['Attack ads fill every break this month.', 'Smash burgers sold out by noon.', 'Torch songs suit her voice.', 'Loot boxes cost him a fortune.', 'Storm Dara brought gusts of ninety miles an hour.', 'Crush on the drummer, apparently.'];
    await noneOf('call-to-action', texts);
    await noneOf('violence', texts);
  });

  it('the verbs with an object of concern stay', async () => {
    expect(await candidates('Loot the shops and torch their homes.')).toEqual(expect.arrayContaining(['call-to-action:Loot', 'violence:Loot', 'violence:torch']));
    expect(await of('call-to-action', 'Storm Parliament at noon.')).toContain('call-to-action:Storm');
  });
});

describe('taunts, endearments, sayings and household pests', () => {
  it('ask for no act and name no violence', async () => {
    const texts = ['Beat that, Grandpa!', 'Eat my dust, slowcoach!', 'Pray tell, who baked this?', 'Blast from the past: our first flat.', 'Answer key is on page ninety.', 'Night night, love.', 'Murder your darlings in the second draft.', 'Shoot your shot, the bar closes at one.', 'Kill it, there is a spider on the pillow!'];
    await noneOf('violence', texts);
    for (const text of texts.slice(0, 8)) expect(await of('call-to-action', text), text).toEqual([]);
  });

  it('people called pests, or a call with a shot, stay', async () => {
    expect(await of('violence', 'Kill them, they are ants in our fields.')).toContain('violence:Kill');
    expect(await of('call-to-action', 'Kill the shot caller of the Greycloaks.')).toContain('call-to-action:Kill');
    expect(await of('call-to-action', 'Beat them, brothers.')).toContain('call-to-action:Beat');
  });
});
