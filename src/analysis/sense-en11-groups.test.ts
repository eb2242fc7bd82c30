// English sense, round 11 (issue 14, branch findings-en11b): a breadth sweep over the group,
// religious and evaluation entries from the lexicon side — nationality words of teams, places,
// breeds, buildings and languages; officials of a match; figurative jihad, infidelity, the Hijri
// calendar, a fan's allegiance; games, pests, plant disease, scum, hot dogs — and the reports a
// comma separates from their verb. Each condition beside a genuine use it must keep. Sentences are
// fictional, written for these tests (none is an item of the evaluation set).
import { describe, expect, it } from 'vitest';
import { findingsOf } from '../../tests/support/indicator-candidates.js';

/** Candidates of one English text as `category:word`. */
const candidates = async (text: string): Promise<string[]> => (await findingsOf(text, 'en')).map((f) => `${f.category}:${f.actual}`);

/** The candidates of one category in a text. */
const of = async (category: string, text: string): Promise<string[]> => (await candidates(text)).filter((c) => c.startsWith(`${category}:`));

/** Each genuine text keeps at least these candidates of `category`. */
async function stays(category: string, cases: readonly (readonly [text: string, expected: readonly string[]])[]): Promise<void> {
  for (const [text, expected] of cases) expect(await of(category, text), text).toEqual(expect.arrayContaining(expected.map((w) => `${category}:${w}`)));
}

/** Every benign text gives no candidate of `category`. */
async function noneOf(category: string, texts: readonly string[]): Promise<void> {
  for (const text of texts) expect(await of(category, text), text).toEqual([]);
}

describe('nationality and faith words that name a thing, a team, a place or a language', () => {
  it('are no group designation', async () => {
    await noneOf('group-designation', [
      'The Kyrgyz team won the volleyball final on Sunday.',
      'The Kazakh national team lost to the Harbour Hawks.',
      'We stayed at a Kazakh guesthouse on the steppe.',
      'An Arab horse won the race at the fair.',
      'The Buddhist stupa stands on the hill.',
      'The Orthodox Easter falls late this year.',
      'Catholic schools do well in the tables.',
      'The film is dubbed in Russian.',
      'Say it in Uzbek, please.',
      'Kyrgyz is a Turkic language.',
      'My Uzbek is poor, but his Russian has improved.',
      'Is this phrase Kyrgyz or Kazakh?',
      'Match officials stopped the game for rain.',
      'The referee and the officials walked onto the pitch.',
      'Student government elections are next week.',
      'He holds orthodox views on economics.',
      'The migrant birds return in April.',
      'He wears western boots and likes Western medicine.',
      'We watched a Western, then two spaghetti westerns.',
    ]);
  });

  it('people named by the same words stay', async () => {
    await stays('group-designation', [
      ['Drive the Uzbeks out of the Kyrgyz villages.', ['Uzbeks', 'Kyrgyz']],
      ['Russian speakers in Osh were insulted at the market.', ['Russian']],
      ['The Kyrgyz speak a Turkic language.', ['Kyrgyz']],
      ['Kill every Tajik in the valley.', ['Tajik']],
      ['Orthodox pilgrims reached the monastery.', ['Orthodox']],
      ['The authorities closed the pass.', ['authorities']],
      ['Migrants took over the market.', ['Migrants']],
    ]);
  });
});

describe('religious terms in figurative, calendar and everyday senses', () => {
  it('are no religious term', async () => {
    await noneOf('religious-terminology', [
      'My aunt declared a jihad on sugar this January.',
      'The editor wages a jihad against adverbs.',
      'The infidelity scandal filled the papers.',
      'The Hegira calendar starts in 622.',
      'His allegiance to the club is total.',
      'She is an apostate from veganism now.',
      'The innovation in this recipe is a pinch of salt.',
    ]);
  });

  it('the terms in their own sense stay', async () => {
    await stays('religious-terminology', [
      ['Declare jihad against the Greycloaks of the valley.', ['jihad']],
      ['The infidels must be driven out.', ['infidels']],
      ['The hijra of the Prophet took place in 622.', ['hijra']],
      ['Give your allegiance to the caliph, brothers.', ['allegiance']],
      ['The apostate from Islam must be punished.', ['apostate']],
    ]);
  });
});

describe('evaluation words of games, pests, illness, kitchens and dislikes', () => {
  it('are no negative evaluation', async () => {
    await noneOf('negative-evaluation', [
      'Enemy bases in the multiplayer game are red.',
      'The traitor wins the werewolf boardgame if nobody guesses.',
      'I hate spiders and I hate mushrooms.',
      'I hate to say it, but you were right.',
      'The traffic was vile this morning.',
      'The lice comb is in the bathroom.',
      'The rat race wore him out.',
      'Pests ate the cabbages.',
      'Farm animals need fresh water.',
      'Humans are animals too, the biology book says.',
      'We ate hot dogs and fed the guinea pigs.',
      'Skim the scum off the stock while it simmers.',
      'Apple scab is a fungal disease of the orchard.',
      'The cancer ward is on the third floor.',
      'The cold is the enemy of my old car.',
      'This cake is a beast to make, and that exam was a beast.',
      'The dog days of summer are here; let sleeping dogs lie.',
      'An infestation of ants reached the pantry.',
      'Our enemy today is the rain.',
      'The filthy joke made everyone laugh.',
    ]);
  });

  it('the words said of people stay', async () => {
    await stays('negative-evaluation', [
      ['These migrants are wild animals.', ['animals']],
      ['Those dogs must pay for what they did.', ['dogs']],
      ['They hate the Greycloaks.', ['hate']],
      ['Those traitors will be shown no mercy.', ['traitors']],
      ['They are beasts to be driven out.', ['beasts']],
      ['Our enemy is the Greycloak clan.', ['enemy']],
      ['They are scum and parasites.', ['scum', 'parasites']],
    ]);
  });
});

describe('counter-indicators', () => {
  /** The violence finding of a text. */
  const violence = async (text: string) => (await findingsOf(text, 'en')).find((f) => f.category === 'violence');

  it('a call separated from its subject by a phrase in commas is reported', async () => {
    expect((await violence('The statement, issued on Monday, calls for the killing of the judges.'))?.voice).toBe('reported');
    expect((await violence('The imam, speaking on Friday, called for attacks on the Greycloaks.'))?.voice).toBe('reported');
  });

  it('"we call for" stays the speaker’s own, even after an address in commas', async () => {
    expect((await violence('We call for the killing of the judges.'))?.voice).toBe('own');
    expect((await violence('Brothers, we call for the killing of the judges.'))?.voice).toBe('own');
  });

  it('chat negation without an apostrophe, and without, negate', async () => {
    expect((await violence('We dont support attacks on anyone.'))?.countervailing).toContain('negated');
    expect((await violence('He spoke for an hour without calling for attacks.'))?.countervailing).toContain('negated');
    expect((await violence('We support attacks on the depot.'))?.countervailing ?? []).not.toContain('negated');
  });
});
