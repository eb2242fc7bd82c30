// English violence, evaluation and us/them, round 19 (issue 14, branch en19rest): e-sports,
// strategy and board-game talk and a score in words (nil), the authorial we of an essay or a
// lesson, the enemy of a war told, a machine called a beast, one dog, the plague of a history
// lesson — and, for recall, a phrase of contrast (they are not like us, back where they came from)
// beside which the in-group and out-group pronouns stand with no hostile word. Each condition beside
// a use it must keep. Sentences are fictional, written for these tests (none is an item of the
// evaluation set); Quarnish and Veltani are invented peoples.
import { counterCondition, noCandidates, senseCondition } from '../../tests/support/indicator-candidates.js';

senseCondition('en', 'e-sports and board-game talk: no violence; with homes, shops or irl it stays', [
  ...noCandidates('violence', [
    'we got slaughtered in ranked again, back to gold',
    'Their jungler killed our whole team near the spawn.',
    'He got destroyed by the airdrop squad before we could revive him.',
  ]),
  ['violence', 'We slaughtered the Quarnish families in their homes and nobody stopped us.', ['slaughtered']],
  ['violence', 'after ranked we will burn their homes, the Veltani deserve it', ['burn']],
]);

senseCondition('en', 'the sides of a match, a board game or a score in words: no us/them; with a street or homes they stay', [
  ...noCandidates('us-them', [
    'they murdered us in ranked again, unreal',
    'Each player must destroy the other pieces by jumping them with the dice.',
    'Destroyed them four nil, what a night.',
  ]),
  ['us-them', 'We destroyed them three nil and then burned their houses, the Quarnish learned.', ['We', 'them', 'their']],
  ['us-them', 'after ranked we will burn their homes, the Veltani deserve it', ['we', 'their']],
  ['us-them', 'gg, we will burn their homes, those veltani rats', ['we', 'their']],
]);

senseCondition('en', 'the authorial we of an essay or a lesson; beside them, their or a verb of expulsion it stays', [
  ...noCandidates('us-them', [
    'In the next chapter we will examine the war that destroyed the old kingdom.',
    'Tomorrow we turn to the massacre of 1572 and its causes.',
  ]),
  ['us-them', 'We will look at their houses tonight and burn them, the Quarnish have had it coming.', ['We', 'their']],
]);

senseCondition('en', 'the enemy of a war told; the enemy a people is called stays', [
  ...noCandidates('negative-evaluation', [
    'By March the enemy had dug in along the ridge.',
    'At dawn the enemy retreated across the river, the diary says.',
  ]),
  ['negative-evaluation', 'The Quarnish are the enemy and they must be driven out.', ['enemy']],
  // must keeps every enemy of its sentence (a war told does not say must, should or deserve)
  ['negative-evaluation', 'The enemy advanced, and the Veltani enemy must be crushed.', ['enemy', 'enemy']],
]);

senseCondition('en', 'a machine called a beast, one dog, the plague of a history lesson; beasts, dogs and a plague of people stay', [
  ...noCandidates('negative-evaluation', [
    'The new mower is a beast, worth every penny.',
    'Beware of the dog.',
    'Neighbours found my dog by the canal.',
    'The plague that emptied the capital arrived on a merchant ship.',
  ]),
  ['negative-evaluation', 'The Quarnish are beasts, they wrecked my mower and my car.', ['beasts']],
  ['negative-evaluation', 'Every Quarnish should be shot like a dog.', ['dog']],
  ['negative-evaluation', 'The Veltani are the plague that spread through this town.', ['plague']],
]);

senseCondition('en', 'a phrase of contrast makes the pronouns of its sentence stand; things put back where they came from give none', [
  ...noCandidates('us-them', [
    "The cups don't belong here, put them back where they came from.",
    'We went back where we came from after the holiday.',
  ]),
  ['us-them', 'The Quarnish are not like us and they never will be.', ['us', 'they']],
  ['us-them', 'Send them back where they came from, every last one of them.', ['them', 'they', 'them']],
  ['us-them', "They smile, but they'll never be one of us.", ['They', 'us']],
]);

counterCondition('en', "the not of a phrase of contrast is the contrast, not a negation of its pronoun", 'negated', [
  ['We will never burn the Veltani shops.', 'burn'],
], ['The Veltani are not like us, and they never will be.', 'us']);

// Found on the unseen batch after it was measured: the not of the phrase itself is no negation, a
// never outside it still is.
counterCondition('en', 'a negation outside a phrase of contrast still negates its pronoun', 'negated', [
  ['I would never tell anyone to go back where they came from.', 'they'],
  // The lead, at review: only the marker inside the phrase is the phrase's own (a word list of
  // English negations read the whole phrase as un-negatable before).
  ['Nobody says the Veltani are not like us.', 'us'],
], ["They don't belong here, the Veltani.", 'They']);

// After the unseen batch was measured (en19rest-1): the of a club's name, and kill the clock.
senseCondition('en', 'hate the Rovers, kill the clock; a people hated and killed stays', [
  ...noCandidates('negative-evaluation', ['We hate the Rangers, always have.']),
  ...noCandidates('violence', ['Kill the clock in the last five minutes.']),
  ['negative-evaluation', 'We hate the Korvath and we will burn them out.', ['hate']],
  ['violence', 'Kill the Veltani before the clock strikes midnight.', ['Kill']],
]);
