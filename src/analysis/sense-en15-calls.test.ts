// English sense, round 15 (issue 14, branch en15calls): call-to-action families the frame sweep
// (scripts/frame-sweep.mjs) found structural — a list of things written as a series of single
// words, a word before "of" heading a caption, a verb with one form for base and past in a
// sentence dated yesterday — each beside a genuine call it must keep. Sentences are fictional,
// written for these tests (none is an item of the evaluation set or a line of a blind batch).
import { describe, expect, it } from 'vitest';
import { findingsOf } from '../../tests/support/indicator-candidates.js';

/** Candidates of one English text as `category:word`. */
const candidates = async (text: string): Promise<string[]> => (await findingsOf(text, 'en')).map((f) => `${f.category}:${f.actual}`);
const CALL = /^call-to-action:/;

/** Expects no call-to-action candidate in any of `texts`. */
async function noCall(texts: readonly string[]): Promise<void> {
  for (const text of texts) expect(await candidates(text), text).not.toContainEqual(expect.stringMatching(CALL));
}

describe('a list of things as a series of single words', () => {
  it('gives no call, at its end or opening after a colon', async () => {
    await noCall(['Lazy Sunday: papers, croissants, sleep.', 'Road trip kit: blankets, snacks, charge.', 'Camping box: torch, pegs, mallet.']);
  });

  it('an address of people or a series of verbs keeps its call', async () => {
    expect(await candidates('Cousins, uncles, march!')).toContain('call-to-action:march');
    expect(await candidates('Team, everyone, defend!')).toContain('call-to-action:defend');
    expect(await candidates('Burn, loot, destroy!')).toContain('call-to-action:destroy');
  });
});

describe('a word before "of" heads a caption or an award', () => {
  it('gives no call', async () => {
    await noCall(['Save of the tournament from the reserve keeper.', 'Shot of the night: the harbour under fireworks.']);
  });

  it('a verb that governs of keeps its request', async () => {
    expect(await candidates('Think of the Varn families before you vote.')).toContain('call-to-action:Think');
  });
});

describe('a verb with one form for base and past, dated yesterday or ago', () => {
  it('tells what the writer did, no call', async () => {
    await noCall(['Put the shelves up yesterday, still level.', 'Shut the greenhouse an hour ago because of the frost.']);
  });

  it('a call against people named in the sentence stays', async () => {
    expect(await candidates('Hit them the way they hit us a year ago.')).toContain('call-to-action:Hit');
  });
});
