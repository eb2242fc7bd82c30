// English sense, round 18 (issue 14, branch en18calls): call-to-action readings of a noun that heads
// a headline, a ticker, a label or a heading (no verb of a request), of a one-form past before a
// declarative tag or answering a question about the past, and idioms — each beside a call it must
// keep. Sentences are fictional, written for these tests (none is an item of the evaluation set or
// a line of a blind batch).
import { describe, expect, it } from 'vitest';
import { findingsOf } from '../../tests/support/indicator-candidates.js';

/** Call-to-action candidates of one English text as `word/voice`. */
const calls = async (text: string): Promise<string[]> =>
  (await findingsOf(text, 'en')).filter((f) => f.category === 'call-to-action').map((f) => `${f.actual}/${f.voice}`);

/** Expects no call-to-action candidate in any of `texts`. */
async function noCall(texts: readonly string[]): Promise<void> {
  for (const text of texts) expect(await calls(text), text).toEqual([]);
}

describe('a verb of force read as a noun heading a compound with no verb', () => {
  it('gives no call on a label, a notice or a price line', async () => {
    await noCall(['Burn gel in the green first aid box', 'Strike price at 55 dollars, volume light', 'Fire drill at 10am in the yard']);
  });

  it('keeps the call before a noun of harm, people, a name, a possessive or in an exclamation', async () => {
    expect(await calls('Wage war on the Dorvani before the snow.')).toContain('Wage/own');
    expect(await calls('Spread terror in their villages tonight.')).toContain('Spread/own');
    expect(await calls('Burn scum!')).toContain('Burn/own');
  });
});

describe('a headline past right after the noun', () => {
  it('gives no call', async () => {
    await noCall(['Strike called off after the late pay offer', 'Hunt for missing kayaker called off at dusk']);
  });

  it('keeps an imperative with a participle of manner or of a verb of motion', async () => {
    expect(await calls('Attack disguised as police, then burn the Vell camp.')).toEqual(expect.arrayContaining(['Attack/own', 'burn/own']));
    expect(await calls('Come armed to the Vell market at noon.')).toContain('Come/own');
  });
});

describe('a noun before a listed verb of force, as a headline subject', () => {
  it('gives no call', async () => {
    await noCall(['Police raid flats in dawn swoop']);
  });

  it('keeps go, come and let’s before a verb, and police as a verb with its object', async () => {
    expect(await calls('Go hunt the Vell in the hills.')).toContain('Go/own');
    expect(await calls('Police the streets tonight and beat every Vell you see.')).toContain('Police/own');
    expect(await calls("Let's loot the Vell stalls and get out before the guards come.")).toContain('get/own');
  });
});

describe('a market state after a commodity', () => {
  it('gives no call in a ticker', async () => {
    await noCall(['Copper steady as miners wait for the figures, strike talk fades', 'Gold firm at 2,300 despite strike fears']);
  });

  it('keeps an adjective before its noun and a verb of state', async () => {
    expect(await calls('Apply firm pressure to the wound, then attack the Vell again.')).toContain('Apply/own');
    expect(await calls('Hold steady, brothers, and strike the Vell at dawn.')).toContain('Hold/own');
  });
});

describe('a heading before a prepositional phrase and a subtitle of how or why', () => {
  it('gives no call', async () => {
    await noCall(['Attack on the right flank: how the coach changed the shape', 'Raid on the depot: what we know so far']);
  });

  it('keeps a call before a colon with no subtitle', async () => {
    expect(await calls('Attack at dawn: the Vell will be asleep.')).toContain('Attack/own');
  });
});

describe('a one-form past before a declarative tag or after a question about the past', () => {
  it('gives no call', async () => {
    await noCall(["Hit the bar twice in the first half, didn't he.", 'What did the striker do? Hit the post and sulked.']);
  });

  it('keeps the order after a question about the past in an exclamation, and a tag that asks', async () => {
    expect(await calls('What did the Vell do to us? Hit them back!')).toContain('Hit/own');
    expect(await calls('Beat the Vell at the bridge, will you?')).toContain('Beat/own');
  });
});

describe('idioms of work, retorts and film lines', () => {
  it('give no call', async () => {
    await noCall(['Hit the ground running from your first week in the strike office.', 'Get over it, the strike was years ago.', 'Kill an hour at the station before the strike meeting.', 'Smash hit comedy returns for the summer']);
  });

  it('keep the call where the sentence names the ones to attack', async () => {
    expect(await calls('Get over there and burn the Vell farms.')).toEqual(expect.arrayContaining(['Get/own', 'burn/own']));
    expect(await calls('Kill the Vell elders at the station.')).toContain('Kill/own');
  });
});
