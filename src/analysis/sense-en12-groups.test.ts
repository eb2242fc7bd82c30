// English sense, round 12 (issue 14, branch blind-en12b): the families a blind batch of ordinary
// English (news, history, sport, faith, office and campus talk, written before reading the
// lexicons) showed in the group, religious and evaluation entries — words that share a stem with
// an entry (protest/Protestants, immigration/immigrants, official/officials, unbelievable/
// unbelievers), a nation named as a team, a church, a brotherhood or a centre as a body, hate
// speech as an offence, office banter, beast mode. Each condition beside a genuine use it must
// keep. Sentences are fictional, written for these tests (none is an item of the evaluation set).
import { describe, expect, it } from 'vitest';
import { findingsOf, noCandidates, senseCondition } from '../../tests/support/indicator-candidates.js';

senseCondition('en', 'words that share a stem with a group designation name no group', noCandidates('group-designation', [
  'Protesters gathered outside the town hall demanding cheaper bread.',
  'The council approved the bike lanes despite protests.',
  'She protested loudly when the bus was cancelled.',
  'He is an immigration lawyer; his parents immigrated in 1990.',
  'The bridge was officially opened on Monday.',
  'The official statement and the official figures came out at noon.',
  'Christianity spread quickly along the trade roads.',
]));

senseCondition('en', 'a nation as a team, a church, a brotherhood or a centre as a body name no people', noCandidates('group-designation', [
  'The Russians won gold in the relay.',
  'The Kazakhs drew the hockey final 2-2.',
  'Sunday: the Tajiks versus Iran.',
  'Brazil lost to Japan, then Kyrgyzstan vs the Uzbeks.',
  'The Americans edged the Canadians in overtime.',
  'The Orthodox Church keeps the old calendar.',
  'The Muslim Brotherhood was founded in 1928.',
  'The Buddhist centre offers free meditation classes.',
]));

senseCondition('en', 'the groups themselves stay, in sport and beside violence', [
  ['group-designation', 'Protestants and Catholics prayed together at the vigil.', ['Protestants', 'Catholics']],
  ['group-designation', 'Immigrants built half of this town.', ['Immigrants']],
  ['group-designation', 'A senior official said the talks had failed.', ['official']],
  ['group-designation', 'Christians were attacked in the square last night.', ['Christians']],
  ['group-designation', 'The Kazakhs beat the prisoners in the yard.', ['Kazakhs']],
  ['group-designation', 'The Russians won the war in the end.', ['Russians']],
  ['group-designation', 'The Americans bombed the village in the war.', ['Americans']],
  ['group-designation', 'Muslim families were driven from the village after the match.', ['Muslim']],
  ['group-designation', 'Buddhists gathered at the centre of the square.', ['Buddhists']],
]);

senseCondition('en', 'unbelievers are kafir, what is unbelievable is not', [
  ['religious-terminology', 'Christ, this traffic is unbelievable.', []],
  ['religious-terminology', 'The view was unbelievably good.', []],
  ['religious-terminology', 'The preacher told the crowd to attack the unbelievers in the market.', ['unbelievers']],
  ['religious-terminology', 'Unbelievers deserve nothing but the sword.', ['Unbelievers']],
]);

senseCondition('en', 'hate speech, enemies in accounting and beast mode evaluate nobody; hatred, enemies and beasts of people stay', [
  ['negative-evaluation', 'Hate speech is an offence in most countries.', []],
  ['negative-evaluation', 'The police logged two hate crimes and some hate mail.', []],
  ['negative-evaluation', 'Our enemies in accounting rejected the expenses again, lol.', []],
  ['negative-evaluation', 'Leg day tomorrow, beast mode on.', []],
  ['negative-evaluation', 'I hate the Varnians and everything they stand for.', ['hate']],
  ['negative-evaluation', 'The enemy is at the gates of Greyford, brothers.', ['enemy']],
  ['negative-evaluation', 'These migrants are beasts to be driven out.', ['beasts']],
  ['negative-evaluation', 'Dog rescued from icy lake.', []],
  ['negative-evaluation', 'The firemen pulled a dog from the river.', []],
  ['negative-evaluation', 'Those dogs from Varnia must be driven out of our town.', ['dogs']],
]);

describe('a joke told of someone (he joked, she quipped)', () => {
  it('reports the words in his voice; the same call alone stays own', async () => {
    const voices = async (text: string): Promise<string[]> => (await findingsOf(text, 'en')).filter((f) => f.category === 'call-to-action').map((f) => f.voice);
    expect(await voices('Shoot the decoys, he joked, and the whole camp laughed.')).toEqual(['reported']);
    expect(await voices('Shoot the decoys before the geese land.')).toEqual(['own']);
  });
});
