// English sense, round 12 (issue 14): families found in blind text (chat, headlines, captions,
// forecasts, reviews, coaching, adverts, office mail, games) written before the lexicons were read.
// Each condition of the call-to-action and violence lexicons beside a genuine call or use it must
// keep. Sentences are fictional, written for these tests (none is an item of the evaluation set).
import { describe, expect, it } from 'vitest';
import { englishCandidatesOf as of, expectNoEnglishCandidates as noneOf } from '../../tests/support/indicator-candidates.js';

describe('captions, forecasts and chat with the subject left out: no call', () => {
  it('a noun before of or before a place or time, back online, need coffee, be there in ten, record crowds, brb', async () => {
    await noneOf('call-to-action', [
      'Paid forty pounds for it, total waste of time.',
      'View of the lake from the cabin porch.',
      'Picture from the school trip to the castle.',
      'Fog in the valley until noon, clearing later.',
      'Snow warnings for the northern hills.',
      'Back home after three weeks away.',
      'Need a nap so badly.',
      'Want chips with that.',
      'On the bus, be there in ten.',
      'Record numbers at the book fair this weekend.',
      'brb dinner is ready',
      'Hate the smell of this glue.',
    ]);
  });

  it('the same verbs asking for an act stay calls', async () => {
    expect(await of('call-to-action', 'Back the resistance against the Varn with everything you have.')).toContain('call-to-action:Back');
    expect(await of('call-to-action', 'Be there in force when the Kelmori march, bring knives.')).toContain('call-to-action:Be');
    expect(await of('call-to-action', 'Rain fire on the Varn camp tonight.')).toContain('call-to-action:Rain');
    expect(await of('call-to-action', 'Hate the Varn and everything they stand for.')).toContain('call-to-action:Hate');
  });
});

describe('sport, coaching, adverts, office and games: no violence', () => {
  it('a coach or a report on the pitch, an advert against a nuisance, a file or a card done away with', async () => {
    await noneOf('violence', [
      'Kill the ball dead, then pass it wide.',
      'Attack the far post on every cross.',
      'She shoots, she scores, the crowd goes wild!',
      'The Hawks fought back from three goals down.',
      'He destroyed his opponent in the tennis final.',
      'Crush your afternoon slump with a protein shake.',
      'Destroy the expired card and any printed statements.',
      'Kill the duplicate files before the backup runs.',
      'My legs killed me after the hike.',
      'Choose your battles with a toddler.',
      'The Clone Wars box set arrived today.',
      'Legendary loot drops from the last chest.',
      'Slaughter your inbox before the holiday.',
      'Smash your fitness goals this spring.',
    ]);
  });

  it('the same words aimed at people stay violence', async () => {
    expect(await of('violence', 'Attack the village at dawn and kill the Varn inside.')).toEqual(expect.arrayContaining(['violence:Attack', 'violence:kill']));
    expect(await of('violence', 'Fight back against the Kelmori gangs in every street.')).toContain('violence:Fight');
    expect(await of('violence', 'We will settle old scores: shoot every Varn guard who scored a hit on us.')).toContain('violence:shoot');
    expect(await of('violence', 'Destroy the Kelmori shrine and their homes.')).toContain('violence:Destroy');
    expect(await of('violence', 'That man nearly killed me with a bat.')).toContain('violence:killed');
  });
});

describe('weapons and killings the lexicon missed', () => {
  it('knives, a machete, a bullet, lynching and hanging are violence', async () => {
    expect(await of('violence', 'Bring knives to the square tonight.')).toContain('violence:knives');
    expect(await of('violence', 'He waved a machete at the Varn family.')).toContain('violence:machete');
    expect(await of('violence', 'Someone should put a bullet in the Kelmori judge.')).toContain('violence:bullet');
    expect(await of('violence', 'The mob wanted to lynch the two Varn boys.')).toContain('violence:lynch');
    expect(await of('violence', 'The rebels hanged three Kelmori prisoners.')).toContain('violence:hanged');
  });

  it('kitchen knives, bullet points, biting the bullet and the surname Lynch are not', async () => {
    await noneOf('violence', [
      'Wash the knives and the cake forks after dinner.',
      'Add bullet points to the second slide.',
      'Bite the bullet and call the dentist.',
      'We watched a film by David Lynch.',
    ]);
  });
});

describe("families from the partner's blind text (blind-en12b)", () => {
  it('settling a match, a slow burn, boss fights, giving blood, hunting down a bargain: no violence', async () => {
    await noneOf('violence', [
      'We need to kill the game off with a third goal.',
      'The novel is a slow burn, but worth it.',
      'The boss fights in the sequel are far too easy.',
      'Give blood at the library on Saturday morning.',
      'She hunted down a cheap copy of the atlas.',
      'The twist in the last episode killed me.',
    ]);
  });

  it('hunting down people, death to a group and wiping off the map are found', async () => {
    expect(await of('violence', 'Hunt down the Varn reporters one by one.')).toContain('violence:Hunt down');
    expect(await of('violence', 'Death to the Varn, he wrote under the photo.')).toContain('violence:Death to');
    expect(await of('violence', 'Their village should be wiped off the map.')).toContain('violence:wiped off the map');
  });
});
