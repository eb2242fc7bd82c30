// English sense, round 17 (issue 14, branch en17calls): call-to-action readings that are no call to
// the reader — a series of pasts with the subject left out (diary, notes, minutes), a crossword clue
// with its letter count, an order told with the quotative like or goes of speech — each beside a
// call it must keep. Sentences are fictional, written for these tests (none is an item of the
// evaluation set or a line of a blind batch).
import { describe, expect, it } from 'vitest';
import { findingsOf } from '../../tests/support/indicator-candidates.js';

/** Call-to-action candidates of one English text as `word/voice`. */
const calls = async (text: string): Promise<string[]> =>
  (await findingsOf(text, 'en')).filter((f) => f.category === 'call-to-action').map((f) => `${f.actual}/${f.voice}`);

/** Expects no call-to-action candidate in any of `texts`. */
async function noCall(texts: readonly string[]): Promise<void> {
  for (const text of texts) expect(await calls(text), text).toEqual([]);
}

describe('a series of pasts with the subject left out', () => {
  it('reads a one-form verb among them as a past, before or after it', async () => {
    await noCall(['Rang the garage, cut the grass, fixed the fence.', 'Put the bins out, had a coffee with the kids, read the news.', 'Woke up early, missed the train, hit the shops instead.']);
  });

  it('keeps an imperative beside a participle of state, an adjective past, a reporting clause after a quote', async () => {
    expect(await calls('Armed with bats, burn the Quellite barns tonight.')).toContain('burn/own');
    expect(await calls('Stuck at the station, save me a seat please.')).toContain('save/own');
    expect(await calls('Beat the Dunmarsh traders, armed or not.')).toContain('Beat/own');
    expect(await calls('"Burn the mill," muttered the foreman, and walked off.')).toContain('Burn/quotation');
    expect(await calls('Then his brothers came and said: "Keep your word to the Quellite elders."')).toContain('Keep/quotation');
  });

  it('keeps the order after a boast of what was done: only a verb whose past is its base can be a past of the series', async () => {
    expect(await calls('Burned their houses, now drive them out of the valley.')).toContain('drive/own');
    expect(await calls('Grabbed the bats, go and beat every Velmari you see.')).toEqual(expect.arrayContaining(['go/own', 'beat/own']));
  });

  it('an imperative after a clause of condition whose verb the tagger reads as a noun stays a call', async () => {
    expect(await calls('If the Varnholt march on Friday, meet them at the bridge with bats.')).toContain('meet/own');
  });
});

describe('a crossword clue with its letter count', () => {
  it('gives no call', async () => {
    await noCall(['3 across: Strike out from a list (6)', 'Cut back to size (4,4)']);
  });

  it('a footnote number or a bracket of words keeps the call', async () => {
    expect(await calls('Burn the Quellite barns, drive them out (2)')).toContain('Burn/own');
    expect(await calls('Drive the Ostrel out of town (all of them)')).toContain('Drive/own');
  });
});

describe('the quotative like and goes of speech', () => {
  it('report the order told', async () => {
    expect(await calls('My aunt was like, wash the van before you go out.')).toEqual(['wash/reported']);
    expect(await calls("And I'm like, burn the Dunmarsh barns tonight, seriously?")).toEqual(['burn/reported']);
    expect(await calls('The man at the gate goes, take your shoes off.')).toEqual(['take/reported']);
  });

  it('a hedge, a comparison and let us go keep the speaker’s own call', async () => {
    expect(await calls("It's like, drive the Ostrel out already.")).toEqual(['drive/own']);
    expect(await calls('They are like rats, drive the Ostrel out of the valley.')).toContain('drive/own');
    expect(await calls("Come on, let's go, burn the Quellite camp.")).toContain('burn/own');
    // went or goes before «!» ends a sentence: no words are told after it (beforeComma, not addressed).
    expect(await calls('Tell me how the interview went!')).toEqual(['Tell/own']);
  });
});
