// English sense, round 12 (issue 14, branch blind-en12b): the families a blind batch of ordinary
// English (news, history, sport, faith, office and campus talk, written before reading the
// lexicons) showed in the group, religious and evaluation entries — words that share a stem with
// an entry (protest/Protestants, immigration/immigrants, official/officials, unbelievable/
// unbelievers), a nation named as a team, a church or a brotherhood as a body, hate speech as an
// offence, office banter, beast mode. Each condition beside a genuine use it must keep. Sentences
// are fictional, written for these tests (none is an item of the evaluation set).
import { describe, expect, it } from 'vitest';
import { findingsOf } from '../../tests/support/indicator-candidates.js';

/** The candidates of one category in an English text, as `category:word`. */
const of = async (category: string, text: string): Promise<string[]> =>
  (await findingsOf(text, 'en')).map((f) => `${f.category}:${f.actual}`).filter((c) => c.startsWith(`${category}:`));

/** Each genuine text keeps at least these candidates of `category`. */
async function stays(category: string, cases: readonly (readonly [text: string, expected: readonly string[]])[]): Promise<void> {
  for (const [text, expected] of cases) expect(await of(category, text), text).toEqual(expect.arrayContaining(expected.map((w) => `${category}:${w}`)));
}

/** Every benign text gives no candidate of `category`. */
async function noneOf(category: string, texts: readonly string[]): Promise<void> {
  for (const text of texts) expect(await of(category, text), text).toEqual([]);
}

describe('words that share a stem with a group designation', () => {
  it('protest, immigration, official and Christianity name no group', async () => {
    await noneOf('group-designation', [
      'Protesters gathered outside the town hall demanding cheaper bread.',
      'The council approved the bike lanes despite protests.',
      'She protested loudly when the bus was cancelled.',
      'He is an immigration lawyer; his parents immigrated in 1990.',
      'The bridge was officially opened on Monday.',
      'The official statement and the official figures came out at noon.',
      'Christianity spread quickly along the trade roads.',
    ]);
  });

  it('the groups themselves stay', async () => {
    await stays('group-designation', [
      ['Protestants and Catholics prayed together at the vigil.', ['Protestants', 'Catholics']],
      ['Immigrants built half of this town.', ['Immigrants']],
      ['A senior official said the talks had failed.', ['official']],
      ['Christians were attacked in the square last night.', ['Christians']],
    ]);
  });
});

describe('a nation as a team, a church or a brotherhood as a body', () => {
  it('are no group designation', async () => {
    await noneOf('group-designation', [
      'The Russians won gold in the relay.',
      'The Kazakhs drew the hockey final 2-2.',
      'Sunday: the Tajiks versus Iran.',
      'Brazil lost to Japan, then Kyrgyzstan vs the Uzbeks.',
      'The Orthodox Church keeps the old calendar.',
      'The Muslim Brotherhood was founded in 1928.',
      'The Buddhist centre offers free meditation classes.',
      'The Americans edged the Canadians in overtime.',
    ]);
  });

  it('people named so stay, in sport or beside violence', async () => {
    await stays('group-designation', [
      ['The Kazakhs beat the prisoners in the yard.', ['Kazakhs']],
      ['The Russians won the war in the end.', ['Russians']],
      ['The Americans bombed the village in the war.', ['Americans']],
      ['Buddhists gathered at the centre of the square.', ['Buddhists']],
      ['Muslim families were driven from the village after the match.', ['Muslim']],
      ['Orthodox pilgrims walked to the church.', ['Orthodox']],
    ]);
  });
});

describe('religious terms: unbelievers, not what is unbelievable', () => {
  it('unbelievable is no kafir', async () => {
    await noneOf('religious-terminology', ['Christ, this traffic is unbelievable.', 'The view was unbelievably good.']);
  });

  it('the unbelievers of a call stay', async () => {
    await stays('religious-terminology', [
      ['The preacher told the crowd to attack the unbelievers in the market.', ['unbelievers']],
      ['Unbelievers deserve nothing but the sword.', ['Unbelievers']],
    ]);
  });
});

describe('evaluation words of a legal category, office banter and gym slang', () => {
  it('hate speech, enemies in accounting and beast mode evaluate nobody', async () => {
    await noneOf('negative-evaluation', [
      'Hate speech is an offence in most countries.',
      'The police logged two hate crimes and some hate mail.',
      'Our enemies in accounting rejected the expenses again, lol.',
      'Leg day tomorrow, beast mode on.',
    ]);
  });

  it('hatred of people, enemies and beasts of people stay', async () => {
    await stays('negative-evaluation', [
      ['I hate the Varnians and everything they stand for.', ['hate']],
      ['The enemy is at the gates of Greyford, brothers.', ['enemy']],
      ['These migrants are beasts to be driven out.', ['beasts']],
    ]);
  });
});
