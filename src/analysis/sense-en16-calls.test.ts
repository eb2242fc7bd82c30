// English sense, round 16 (issue 14, branch en16calls): call-to-action families the construction
// frames of the frame sweep (scripts/frame-sweep.mjs) found structural — a reply opened by a bare
// "Not" with its subject left out, a question with "did you" left out that ends in "yet?", a series
// of single words closed by a verb of force and an exclamation mark — each beside a call it must
// keep. Sentences are fictional, written for these tests (none is an item of the evaluation set or a
// line of a blind batch).
import { describe, expect, it } from 'vitest';
import { findingsOf } from '../../tests/support/indicator-candidates.js';

/** Candidates of one English text as `category:word`. */
const candidates = async (text: string): Promise<string[]> => (await findingsOf(text, 'en')).map((f) => `${f.category}:${f.actual}`);
const CALL = /^call-to-action:/;

/** Expects no call-to-action candidate in any of `texts`. */
async function noCall(texts: readonly string[]): Promise<void> {
  for (const text of texts) expect(await candidates(text), text).not.toContainEqual(expect.stringMatching(CALL));
}

describe('a reply opened by a bare "Not"', () => {
  it('gives no call: the subject is left out, not the do of a negative imperative', async () => {
    await noCall(['Not sure what to wear to the interview.', 'Not sure how to open the jar without a knife.']);
  });

  it('do not and never keep the negative imperative', async () => {
    expect(await candidates('Do not let the Varnholt settlers cross the river.')).toContain('call-to-action:let');
    expect(await candidates('Never forgive the Quellite traitors.')).toContain('call-to-action:forgive');
  });
});

describe('a question ending in "yet?" with its "did you" left out', () => {
  it('gives no call', async () => {
    await noCall(['Finish the essay yet?', 'Feed the cat yet? She keeps meowing.']);
  });

  it('a negative imperative with yet, and a call with yet before a comma, stay', async () => {
    expect(await candidates('Do not burn the Dunmarsh barns yet.')).toContain('call-to-action:burn');
    expect(await candidates('Burn the Dunmarsh barns, all of them, before dawn.')).toContain('call-to-action:Burn');
  });
});

describe('a series of single words closed by a verb of force and "!"', () => {
  it('ends in an order', async () => {
    expect(await candidates('Bats, petrol, rags, torch!')).toContain('call-to-action:torch');
    expect(await candidates('Sticks, stones, attack!')).toContain('call-to-action:attack');
  });

  it('stays a list with a full stop, or closed by a verb that is no verb of force', async () => {
    await noCall(['Sticks, stones, attack.', 'Beach bag: towels, sunscreen, relax!']);
  });
});

describe("let's formulas of candour, waiting and rephrasing", () => {
  it('give no call', async () => {
    await noCall(["Let's be real, the sequel was better.", "Let's see if the shop is still open.", "Let's put it this way, I won't be ordering the fish again."]);
  });

  it("a let's that proposes an act keeps its call", async () => {
    expect(await candidates("Let's see them run when we burn the Quellite barns.")).toContain("call-to-action:Let's");
    expect(await candidates("Let's be quick and drive the Dunmarsh raiders off the farm.")).toContain("call-to-action:Let's");
  });
});

describe('formulas in the imperative form that ask for no act (after the unseen batch)', () => {
  it('give no call: Imagine + -ing, Take for instance, get a grip, give it a rest, drop dead gorgeous, Go on then', async () => {
    await noCall(['Imagine owning a boat that size.', 'Take, for instance, the price of bread.', 'Get a grip, it is only a scratch.', 'Give it a rest, the match is over.', 'Drop dead gorgeous, the new bridge is.']);
    expect(await candidates('Go on then, pour me another.')).not.toContain('call-to-action:Go');
  });

  it('the same verbs with an object keep their call', async () => {
    expect(await candidates('Imagine a valley without the Quellite.')).toContain('call-to-action:Imagine');
    expect(await candidates('Take the Dunmarsh farms, for instance, and burn them.')).toContain('call-to-action:Take');
    expect(await candidates('Get the Varnholt settlers out of the valley.')).toContain('call-to-action:Get');
    expect(await candidates('Go on then, pour me another.')).toContain('call-to-action:pour');
  });
});
