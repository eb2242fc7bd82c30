// English sense, round 19 (issue 14, branch en19calls): call-to-action readings of signs and boards
// (X only …), listings with their day or clock time, a programme's title after its time, a heading
// before a result with a score, a street's name after a comma, idioms and formulas — each beside a
// call it must keep, and hostile lines in the same shapes; and a verb the tagger reads as a noun
// before them (Stone them …). Sentences are fictional, written for these tests (none is an item of
// the evaluation set, a line of a blind batch or a frame of the sweep); the group is invented (Ulvane).
import { describe, expect, it } from 'vitest';
import { findingsOf } from '../../tests/support/indicator-candidates.js';

/** Call-to-action candidates of one English text as `word/voice`. */
const calls = async (text: string): Promise<string[]> =>
  (await findingsOf(text, 'en')).filter((f) => f.category === 'call-to-action').map((f) => `${f.actual}/${f.voice}`);

/** Expects no call-to-action candidate in any of `texts`. */
async function noCall(texts: readonly string[]): Promise<void> {
  for (const text of texts) expect(await calls(text), text).toEqual([]);
}

describe('a sign of who or what it admits, before only', () => {
  it('gives no call', async () => {
    await noCall(['Residents only past this gate', 'Card only please, the till is down', 'Cyclists only.']);
  });

  it('keeps a call that goes on to what "only" limits, a place beyond named, and an exclamation', async () => {
    expect(await calls('Shoot only the Ulvane men at the ford.')).toContain('Shoot/own');
    expect(await calls('Attack only beyond the river, the Ulvane camp is there.')).toContain('Attack/own');
    expect(await calls('Kill only, no talking!')).toContain('Kill/own');
  });
});

describe('a compound of a listing before every and a day', () => {
  it('gives no call', async () => {
    await noCall(['Chess club every Monday, all welcome', 'Hunt club every Sunday morning, boots needed']);
  });

  it('keeps a verb of force before a place or where the sentence names a group, and light verbs', async () => {
    expect(await calls('Attack camp every night until the Ulvane leave.')).toContain('Attack/own');
    expect(await calls('Burn Ulvane farms every week.')).toContain('Burn/own');
    expect(await calls('Torch barn every night, Ulvane dogs live there!')).toContain('Torch/own');
    expect(await calls('Burn the Ulvane shops tonight.')).toContain('Burn/own');
    expect(await calls('Burn Ulvane homes every week.')).toContain('Burn/own');
  });
});

describe('a word and a particle before a clock time that closes the phrase', () => {
  it('gives no call', async () => {
    await noCall(['Kick off 2pm', 'Doors 7.30pm']);
  });

  it('keeps a time with a preposition and an object before it', async () => {
    expect(await calls('Attack at 7pm, the Ulvane will be at prayer.')).toContain('Attack/own');
    expect(await calls('Kick them out 9pm sharp, every Ulvane family.')).toContain('Kick/own');
  });
});

describe("a programme's title in title case after its time", () => {
  it('gives no call', async () => {
    await noCall(['9.20 Burn the Midnight Oil (new series)', 'Sunday 14.05 Drive Me Home, comedy']);
  });

  it('keeps a call in the listing shape in lower case or with an object pronoun', async () => {
    expect(await calls('9.20 Burn the Ulvane shops, all of them')).toContain('Burn/own');
    expect(await calls('6.00 Kill Them All')).toContain('Kill/own');
  });
});

describe('a heading before a result that ends with a score', () => {
  it('gives no call', async () => {
    await noCall(['Storm at the Lane: Athletic beat City 6-1', 'Rout at the Baths as Rovers win 5-0']);
  });

  it('keeps a heading with an order after its colon, a call with no score and a verb with its object', async () => {
    expect(await calls('Attack at the gate: bring 3-4 lads each.')).toContain('Attack/own');
    expect(await calls('Storm at dawn: the Ulvane sleep late.')).toContain('Storm/own');
    expect(await calls('Beat them 3-0 on Saturday, lads!')).toContain('Beat/own');
  });
});

describe("a street's name after a comma", () => {
  it('gives no call', async () => {
    await noCall(['Fresh bagels daily, Bake Street']);
  });

  it('keeps a listed verb of force in capitals after an address', async () => {
    expect(await calls('Brothers, Burn Ulvane')).toContain('Burn/own');
  });
});

describe('a verb the tagger reads as a noun before them or him', () => {
  it('is a call', async () => {
    expect(await calls('Stone them outside the Ulvane chapel.')).toContain('Stone/own');
    expect(await calls('Stone him when he comes out, the Ulvane dog.')).toContain('Stone/own');
    // Stone is a listed verb since this round's data; bin is not, and the tagger knows it only as a noun.
    expect(await calls('Bin them at the tip before noon.')).toContain('Bin/own');
  });

  it('reads a word set off by a comma as an address, not a verb', async () => {
    await noCall(['Bin, them again?']);
  });
});

describe('formulas and headline nouns in the data (call-to-action 1.16.0)', () => {
  it('gives no call', async () => {
    await noCall([
      'Bus strike: everything parents need to know',
      'Nail it at the audition tomorrow, good luck',
      'Well blow me down, the train was on time',
      'Deadline for the new wing: March',
      'Crash course in welding, four evenings',
      'Kill cream in the cupboard under the sink',
      'Massacre at the Dell, home fans say',
      'Raid on the cheese board again lol',
    ]);
  });

  it('keeps the call with people, a group or an object', async () => {
    expect(await calls('Smash it, then burn their van.')).toEqual(expect.arrayContaining(['Smash/own', 'burn/own']));
    expect(await calls('March on the Ulvane quarter at dawn.')).toContain('March/own');
    expect(await calls('Raid on them again tonight, the Ulvane are asleep.')).toContain('Raid/own');
    expect(await calls('Massacre them at the ford.')).toContain('Massacre/own');
  });
});

describe('a segment whose first word follows a number', () => {
  it('reads an exclusion that asks for a clause edge before the word without an error', async () => {
    expect(await calls('8.30 Fight Me If You Dare, quiz show')).toEqual(expect.any(Array));
  });
});
