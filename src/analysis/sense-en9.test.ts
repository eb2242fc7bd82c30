// English sense, round 9 (issue 14): titles and names in title case (the exclusion field `title`,
// src/analysis/matcher.ts, and src/language/imperative-en.ts), compounds of a verb of force,
// shared kin counted or owned by one person (src/language/antecedent-en.ts), a restaurant named
// The Caliph — each beside a genuine call or use it must keep. Sentences are fictional, written
// for these tests (none is an item of the evaluation set).
import { describe, expect, it } from 'vitest';
import { findingsOf } from '../../tests/support/indicator-candidates.js';

/** Candidates of one English text as `category:word`. */
const candidates = async (text: string): Promise<string[]> => (await findingsOf(text, 'en')).map((f) => `${f.category}:${f.actual}`);

describe('English titles and names in title case', () => {
  it('a word of violence inside a title-case name within a sentence of ordinary case is no violence', async () => {
    for (const text of ['We watched Fight Club again on Friday.', 'She hums the Kill Bill theme all day.', 'He bought a poster of Attack on Titan.']) {
      expect(await candidates(text)).toEqual([]);
    }
  });

  it('a title-case name opening the sentence before its verb is no imperative', async () => {
    expect(await candidates('Kill Bill is on channel four tonight.')).toEqual([]);
    expect(await candidates('Storm Ciara knocked the fence over.')).toEqual([]);
  });

  it('a name after the verb with no verb of its own, a lower-case verb before a name, or a sentence all in title case keep the call', async () => {
    expect(await candidates('Kill Tomas Berg before he talks.')).toEqual(expect.arrayContaining(['call-to-action:Kill', 'violence:Kill']));
    expect(await candidates('Storm Greyhill, burn it to the ground.')).toContain('call-to-action:Storm');
    expect(await candidates('Tonight we attack Greyhill Station.')).toContain('violence:attack');
    expect(await candidates('We Must Kill The Traitors Of Ravenport.')).toContain('violence:Kill');
  });
});

describe('English compounds of a verb of force', () => {
  it('name a thing, not a request', async () => {
    for (const text of ['Raid timer for the weekly dungeon.', 'Kill count: twelve, and a new record.', 'Bomb shelter open to visitors on Sundays.', 'Storm drain blocked again on Mill Lane.']) {
      expect(await candidates(text)).not.toContainEqual(expect.stringMatching(/^call-to-action:/));
    }
  });

  it('the same verb with an object stays a call', async () => {
    expect(await candidates('Raid their camp before dawn.')).toContain('call-to-action:Raid');
    expect(await candidates('Kill every guard at the gate.')).toContain('call-to-action:Kill');
  });
});

describe('English shared kin and the pronoun after them', () => {
  it('brothers or sisters counted or owned by one person are a family, no group', async () => {
    expect(await candidates('Grandma lost two brothers in the war and kept their letters.')).toEqual(['violence:war']);
    expect(await candidates('Her sisters moved to Leeds and sold their flat.')).toEqual([]);
  });

  it('"our brothers" keeps its weight', async () => {
    expect(await candidates('Our brothers in Ravenport are dying; avenge their blood.')).toContain('us-them:their');
  });
});

describe('The Caliph as the name of a restaurant', () => {
  it('beside a meal or a booking, or with a capital The inside a sentence, is no religious term', async () => {
    expect(await candidates('We booked a table at The Caliph near the station.')).toEqual([]);
    expect(await candidates('The Caliph does a fine lamb kebab.')).toEqual([]);
  });

  it('the office in history stays', async () => {
    expect(await candidates('The caliph ruled from Baghdad for twenty years.')).toEqual(['religious-terminology:caliph']);
  });
});

describe('English sentences that go on past an abbreviation', () => {
  it('a verb after "p.m. and" continues a statement, opening no imperative', async () => {
    expect(await candidates('The buses run until 11 p.m. and start again at dawn.')).toEqual([]);
    expect(await candidates('Guests bring cakes, flowers, etc. and sit in the garden.')).toEqual([]);
  });

  it('a sentence that opened with an imperative keeps its second imperative', async () => {
    expect(await candidates('Gather at the depot at 2 a.m. and burn the trucks.')).toEqual(expect.arrayContaining(['call-to-action:Gather', 'call-to-action:burn', 'violence:burn']));
  });
});

describe('English ordinary domains: disasters, sport, games, sayings, things named by origin', () => {
  it('a flood, a fire or a virus that kills or destroys is no violence; men who do stay', async () => {
    expect(await candidates('Floods kill two in the hills, and fire destroys a barn.')).toEqual([]);
    expect(await candidates('Masked men destroyed the barn and killed the guard.')).toEqual(['violence:destroyed', 'violence:killed']);
  });

  it('a shot into the corner, a penalty that beat the keeper, looting a chest to equip a sword are play', async () => {
    expect(await candidates('She shot into the far corner from the penalty spot.')).toEqual([]);
    expect(await candidates('Loot the chest and equip the sword.')).not.toContainEqual(expect.stringMatching(/^violence:/));
  });

  it('sayings of resolve and of laughter ask for no act', async () => {
    for (const text of ['Bite the bullet and seize the day.', 'Kill them with kindness.', 'That joke killed me.', 'I could murder a curry.', 'Arm yourself with patience.']) {
      expect(await candidates(text)).toEqual([]);
    }
    expect(await candidates('Arm yourselves with rifles tonight.')).toEqual(expect.arrayContaining(['call-to-action:Arm', 'violence:rifles']));
    expect(await candidates('Kill them with knives.')).toContain('violence:Kill');
  });

  it('a doll, a takeaway or an institution named by origin or faith is no designation of people', async () => {
    expect(await candidates('We ordered a Chinese takeaway and bought a Russian doll.')).toEqual([]);
    expect(await candidates('The Russian soldiers crossed the river.')).toContain('group-designation:Russian');
  });
});
