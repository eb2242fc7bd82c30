// English sense, round 8 (issue 14): headlines and captions whose first word is a noun
// (src/language/imperative-en.ts), the speaker's household after "our" (src/language/antecedent-en.ts),
// idioms, wishes, compounds and ordinary senses as lexicon data — each beside a genuine call it must keep.
// Sentences are fictional, written for these tests (none is an item of the evaluation set).
import { describe, expect, it } from 'vitest';
import { findingsOf } from '../../tests/support/indicator-candidates.js';

/** Candidates of one English text as `category:word`. */
const candidates = async (text: string): Promise<string[]> => (await findingsOf(text, 'en')).map((f) => `${f.category}:${f.actual}`);

describe('English headlines and captions that open with a noun', () => {
  it('a past in -ed after a compound noun or an of-phrase is the headline\'s verb', async () => {
    for (const text of ['Kill switch added to the office printers.', 'Spread of head lice slowed after the holidays.', 'Attack surface shrank after the update.']) {
      expect(await candidates(text)).toEqual([]);
    }
    // A noun the tagger reads as an adjective (memorial) counts as the compound's noun right before the past.
    expect(await candidates('War memorial cleaned by the scouts.')).toEqual(['violence:War']);
  });

  it('a known verb before "of" or an -ing noun heads a caption', async () => {
    for (const text of ['Storm warning for the islands tonight.', 'March of the clockwork mice, a children\'s play.', 'Arm wrestling trophy for the blacksmith.']) {
      expect(await candidates(text)).toEqual([]);
    }
  });

  it('an object, a person or a plural before the participle keeps the imperative', async () => {
    expect(await candidates('Burn everything in the warehouse!')).toContain('call-to-action:Burn');
    expect(await candidates('Kill fleeing guards at the gate.')).toContain('call-to-action:Kill');
    expect(await candidates('Think of the villagers killed in the raid.')).toContain('call-to-action:Think');
    expect(await candidates('Storm the depot at dawn.')).toContain('call-to-action:Storm');
  });

  it('"between … and" joins two nouns, not a second imperative', async () => {
    expect(await candidates('Find a balance between study and rest.')).toEqual(['call-to-action:Find']);
    expect(await candidates('Strike them and rest later.')).toContain('call-to-action:rest');
  });
});

describe('English idioms, wishes and formulas in the imperative form', () => {
  it('ask for no act', async () => {
    for (const text of ['Break a leg at the concert!', 'Hang in there, Friday is close.', 'Rise and shine, the kettle is on.', 'Fire away with your questions.', 'Let\'s face it, the car is too old.', 'Take it easy on Sunday.', 'Feel good music for the drive.']) {
      expect(await candidates(text)).toEqual([]);
    }
  });

  it('let us know is the verb to let with an object (an everyday request), not the hortative', async () => {
    expect(await candidates('Let us know when you land.')).toEqual(['call-to-action:Let']);
  });

  it('the same verbs with an object of concern stay calls', async () => {
    expect(await candidates('Break their windows tonight!')).toContain('call-to-action:Break');
    expect(await candidates('Let us rise against the Greycloaks!')).toContain('call-to-action:Let us');
    expect(await candidates('Fire at the guards when they open the gate.')).toContain('call-to-action:Fire');
  });
});

describe('English violence words in compounds and in ordinary life', () => {
  it('compounds and household squabbles are no violence', async () => {
    for (const text of ['Hit the bell and smash that like button.', 'The kill switch stopped the conveyor belt.', 'The attack vector was a weak password.', 'A shooting star crossed the sky.', 'The burn unit has a new nurse.', 'The twins fight over the last biscuit.']) {
      expect(await candidates(text)).not.toContainEqual(expect.stringMatching(/^violence:/));
    }
  });

  it('the words with a violent object stay violence', async () => {
    expect(await candidates('They smashed the windows of the mosque.')).toContain('violence:smashed');
    expect(await candidates('He shot two guards at the gate.')).toContain('violence:shot');
    expect(await candidates('Gangs fight over the border villages.')).toContain('violence:fight');
  });
});

describe('English us/them and dislike of ordinary life', () => {
  it('our grandfather, our cat, our car: the speaker\'s household is no in-group', async () => {
    expect(await candidates('The war took our grandmother\'s brother.')).not.toContain('us-them:our');
    expect(await candidates('Our cat sleeps on the radiator.')).toEqual([]);
  });

  it('our land and our brothers keep their weight', async () => {
    expect(await candidates('They burned our village and took our land.')).toContain('us-them:our');
  });

  it('a pet that hates, or hating rules and smells, is dislike; her two brothers are kin', async () => {
    for (const text of ['My dog hates thunder and the vet.', 'We hate the new rules.', 'He hates the smell of paint.', 'Her two brothers fixed the roof.']) {
      expect(await candidates(text)).toEqual([]);
    }
    expect(await candidates('I hate the Greycloaks.')).toContain('negative-evaluation:hate');
  });
});

describe('English words of Islamic terminology in ordinary English senses', () => {
  it('the verb to shirk and the idioms of a martyr', async () => {
    for (const text of ['He shirked his homework again.', 'Never shirk your share of the cooking.', 'Stop playing the martyr.', 'She is a martyr to her knees.']) {
      expect(await candidates(text)).not.toContainEqual(expect.stringMatching(/^religious-terminology:/));
    }
  });

  it('the theological terms stay', async () => {
    expect(await candidates('Shirk is the gravest sin.')).toContain('religious-terminology:Shirk');
    expect(await candidates('He died a martyr for the faith.')).toContain('religious-terminology:martyr');
  });
});
