// English sense, round 14 (issue 14, branch blind-en14a): call-to-action families of wrong senses
// seen in blind batches — a note in telegraphic style, what the writer did with I left out (a
// verb joined to a past, a base-and-past verb before my) and replies of opinion with I left out —
// each beside a genuine call or an everyday request it must keep. Sentences are fictional, written
// for these tests (none is an item of the evaluation set or a line of a blind batch).
import { describe, expect, it } from 'vitest';
import { findingsOf } from '../../tests/support/indicator-candidates.js';

/** Candidates of one English text as `category:word`. */
const candidates = async (text: string): Promise<string[]> => (await findingsOf(text, 'en')).map((f) => `${f.category}:${f.actual}`);
const CALL = /^call-to-action:/;

/** Expects no call-to-action candidate in any of `texts`. */
async function noCall(texts: readonly string[]): Promise<void> {
  for (const text of texts) expect(await candidates(text), text).not.toContainEqual(expect.stringMatching(CALL));
}

describe('a note in telegraphic style (listings, clinical notes)', () => {
  it('gives no call: a noun with an adjective, then a statement about a thing with no verb', async () => {
    await noCall(['Garden private, gates recently replaced.', 'Stitch line clean, bandage reapplied.', 'Chain free, parking available at the rear.']);
  });

  it('an imperative with an adjective before a verb or a clause after the comma, or a listed verb, stays', async () => {
    expect(await candidates('Stay calm, walk slowly to the exit.')).toContain('call-to-action:Stay');
    expect(await candidates('Burn alive, every Varn caught at the gate.')).toContain('call-to-action:Burn');
  });
});

describe('what the writer did, with I left out', () => {
  it('a verb joined by and to a past in -ed, or a base-and-past verb before my, gives no call', async () => {
    await noCall(['Set two alarms and still overslept.', 'Hurt my knee on the stairs again.', 'Quit my job on Friday, no regrets.', 'Cut myself on the tin lid.']);
  });

  it('a request joined to a base verb, a verb before another possessive, and a call with a participle of its object stay', async () => {
    expect(await candidates('Set the table and fold the napkins.')).toEqual(expect.arrayContaining(['call-to-action:Set', 'call-to-action:fold']));
    expect(await candidates('Cut their supply lines tonight.')).toContain('call-to-action:Cut');
    expect(await candidates('Burn the barns seized and looted by the Varn.')).toContain('call-to-action:Burn');
  });
});

describe('replies of opinion, will or promise with I left out', () => {
  it('give no call', async () => {
    await noCall(['Suppose so.', 'Hope not, the forecast was grim.', 'Doubt that, the shop shuts at five.', 'Reckon they will win on Saturday.', 'Love to, but the car is in the garage.', 'Promise I will ring tomorrow.', 'Agree with Sam, the second one is better.']);
  });

  it('a request with the same verbs keeps its call', async () => {
    expect(await candidates('Think it over before you sign.')).toContain('call-to-action:Think');
    expect(await candidates('Fear not, little flock.')).toContain('call-to-action:Fear');
    expect(await candidates('Promise me you will ring tomorrow.')).toContain('call-to-action:Promise');
    expect(await candidates('Doubt everything the Varn preachers tell you.')).toContain('call-to-action:Doubt');
  });
});

describe('a call after a later comma (recall)', () => {
  it('is found after a statement, with its violence', async () => {
    expect(await candidates('The Varn have no place in Greyford, burn their shops tonight.')).toEqual(expect.arrayContaining(['call-to-action:burn', 'violence:burn']));
  });

  it('an opinion, then «fight me» after a comma, is the challenge to disagree, no call', async () => {
    await noCall(['Cold pizza is the best breakfast, fight me.']);
  });
});

describe('an injury compound opening a clinical note', () => {
  it('gives no call; a stab at a person stays', async () => {
    await noCall(['Stab wound to the right thigh, dressing applied.']);
    expect(await candidates('Stab him in the car park tonight.')).toContain('call-to-action:Stab');
  });
});

describe('an obligation whose sentence names a wiping out', () => {
  it('is a call of concern, not a bare obligation', async () => {
    expect(await candidates('The Dremish clan must be wiped out before spring.')).toContain('call-to-action:must');
  });
});
