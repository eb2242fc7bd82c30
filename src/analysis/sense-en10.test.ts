// English sense, round 10 (issue 14): benign senses found from the lexicon side — idioms, formulas,
// questions and mild oaths in the imperative form, games, performance, fiction and gardens,
// titles after a genre noun or in quotation marks, innovation in business, things called
// enemies, weather and dirt, a firm's "our", conclusions and comments with a modal — and a
// document's call reported. Each condition beside a genuine call or use it must keep. Sentences
// are fictional, written for these tests (none is an item of the evaluation set).
import { describe, expect, it } from 'vitest';
import { findingsOf } from '../../tests/support/indicator-candidates.js';

/** Candidates of one English text as `category:word`. */
const candidates = async (text: string): Promise<string[]> => (await findingsOf(text, 'en')).map((f) => `${f.category}:${f.actual}`);

/** The call-to-action candidates of a text. */
const calls = async (text: string): Promise<string[]> => (await candidates(text)).filter((c) => c.startsWith('call-to-action:'));

describe('idioms and formulas in the imperative form', () => {
  it('ask for no act: no call', async () => {
    for (const text of [
      'Break the ice with a joke about the weather.',
      'Bury the hatchet before the reunion.',
      'Do not jump the gun on the booking.',
      'Strike while the iron is hot.',
      'Aim for the stars in your essay.',
      'Nail it at the recital!',
      'Rest assured, the keys are with Dana.',
      'Like it or not, the bins go out on Tuesday.',
      'Mark my words, it will snow.',
      'Suffice it to say, the cake collapsed.',
      'Come what may, the shop opens at eight.',
      'Knock on wood, the car starts.',
      'Let me guess, the printer jammed again.',
      "Let's hope the ferry runs tomorrow.",
      'Wait, is the pool open on Sundays?',
      'See page four for the prices.',
    ]) {
      expect(await calls(text), text).toEqual([]);
    }
  });

  it('the same verbs with another object, or a hostile call, stay calls', async () => {
    expect(await calls('Break the windows of the Greycloak shop.')).toContain('call-to-action:Break');
    expect(await calls('Hold the gun steady and fire at the guards.')).toContain('call-to-action:Hold');
    expect(await calls('Get out of our valley, Greycloaks!')).toContain('call-to-action:Get');
    expect(await calls('Come to the square armed.')).toContain('call-to-action:Come');
    expect(await calls('Take what is yours and leave the rest.')).toContain('call-to-action:Take');
    expect(await calls('Let me go!')).toContain('call-to-action:Let');
  });
});

describe('questions, oaths, verbs in -s and nouns before to', () => {
  it('are no imperative', async () => {
    for (const text of ['Want some soup?', 'Care to join the choir?', 'Mind if I open the window?', 'Shoot, I missed the bus.', 'Turns out the café is shut.', 'Rain stops play at the ground.', 'Strike ends after two weeks.', 'Help usually arrives within the hour.', 'Visit to the mill on Saturday.']) {
      expect(await calls(text), text).toEqual([]);
    }
    expect(await candidates('Shoot, I missed the bus.')).toEqual([]);
  });

  it('an imperative with an object in -s or a verb of shooting before a noun stays', async () => {
    expect(await candidates('Shoot the guards at the gate.')).toEqual(expect.arrayContaining(['call-to-action:Shoot', 'violence:Shoot']));
    expect(await calls('March to the town hall and demand the keys.')).toContain('call-to-action:March');
  });
});

describe('modals that oblige nobody', () => {
  it('a conclusion, a comment on what one says and a condition are no obligation', async () => {
    expect(await calls('It must be raining in the hills, the war memorial is wet.')).toEqual([]);
    expect(await calls('I have to say, the war film was long.')).toEqual([]);
    expect(await calls('Should you need a gun licence, ask the clerk.')).not.toContain('call-to-action:Should');
  });

  it('an obligation in the passive or of a person stays', async () => {
    expect(await calls('It must be destroyed before the Greycloaks arrive.')).toContain('call-to-action:must');
    expect(await calls('You must be willing to fight the Greycloaks.')).toContain('call-to-action:must');
    expect(await calls('We call for the killing of the Greycloak elders.')).toContain('call-to-action:We call for');
  });
});

describe('violence in games, performance, fiction and gardens', () => {
  it('is no violence', async () => {
    for (const text of [
      'Our team got killed in the pub quiz.',
      'She murdered the crossword on the train.',
      'The comedian killed at the festival.',
      'The writers killed off the captain in season three.',
      'The frost killed my geraniums.',
      'The traffic on the bypass is murder.',
      'The price of coffee exploded this year.',
      'The big guns of the board arrive today.',
      'A sword swallower opened the fair.',
      'Fight or flight is an old reflex.',
    ]) {
      expect(await candidates(text), text).toEqual([]);
    }
  });

  it('the same words of people killed or attacked stay', async () => {
    expect(await candidates('Three people were killed at the festival.')).toContain('violence:killed');
    expect(await candidates('The militia killed off the last villagers.')).toContain('violence:killed');
    expect(await candidates('He hid a gun in the fair.')).toContain('violence:gun');
  });
});

describe('titles', () => {
  it('after a genre noun, opening a sentence in quotation marks, or after a small capitalised word', async () => {
    for (const text of ['She read the novel Infidel twice.', 'We saw the film Revenge at the club.', '"Fight Club" is on tonight.', 'We read To Kill a Mockingbird at school.']) {
      expect(await candidates(text), text).toEqual([]);
    }
  });

  it('a quoted cry, a capitalised term without a genre noun, or a sentence in title case stay', async () => {
    expect(await candidates('"Kill Them All!" he shouted.')).toContain('violence:Kill');
    expect(await candidates('They preach Jihad against the Greycloaks.')).toContain('religious-terminology:Jihad');
  });
});

describe('ordinary senses of polemic words', () => {
  it('innovation in business, things called enemies, weather, dirt, pests and slang are no polemic', async () => {
    for (const text of [
      'The company won an innovation award.',
      'Noise is the enemy of sleep.',
      'He is his own worst enemy.',
      'The weather was vile all week.',
      'Her uncle is filthy rich.',
      'Squirrels are pests in the loft.',
      'My cousin is a gym rat.',
      'A plague of wasps ruined the picnic.',
      'The cat is a traitor, she sleeps next door.',
      'Beat the heat with our frozen yoghurt!',
    ]) {
      expect((await candidates(text)).filter((c) => !c.startsWith('call-to-action:')), text).toEqual([]);
    }
  });

  it('the same words of people or of religion stay', async () => {
    expect(await candidates('The people of innovation reject the Sunnah.')).toContain('religious-terminology:innovation');
    expect(await candidates('The Greycloaks are the enemy of our people.')).toContain('negative-evaluation:enemy');
    expect(await candidates('Those migrants are vile traitors.')).toEqual(expect.arrayContaining(['negative-evaluation:vile', 'negative-evaluation:traitors']));
  });
});

describe('a document that calls for something', () => {
  it('reports the call in the document’s voice', async () => {
    const [killing] = (await findingsOf('The leaflet called for the killing of the judges.', 'en')).filter((f) => f.category === 'violence');
    expect(killing?.voice).toBe('reported');
  });

  it('"we call for" stays the speaker’s own', async () => {
    const [killing] = (await findingsOf('We call for the killing of the judges.', 'en')).filter((f) => f.category === 'violence');
    expect(killing?.voice).toBe('own');
  });
});
