// English violence, round 16 (issue 14, branch en16rest): families two or more blind batches share
// (corpora/eval/blind, rounds 12–15) and the frames of this round's sweep of every violence verb in
// registers the earlier sweeps did not try — an IT ticket, business news, cricket and boxing
// commentary, a match report's first half, weather warnings, a farm or a pest control forum, a
// clinic note, DIY, a craving, an effort against a difficulty — threats that name no harm, and the
// voice of words a court report attributes to someone charged for them or a text named by its urging.
// Each condition beside a use it must keep. Sentences are fictional, written for these tests
// (none is an item of the evaluation set).
import { counterCondition, noCandidates, senseCondition } from '../../tests/support/indicator-candidates.js';

senseCondition('en', 'killing a process, executing a script in an IT ticket; killing a man stays', [
  ...noCandidates('violence', [
    'Kill the frozen process in task manager before you reboot.',
    'Execute the cleanup script with sudo and check the logs.',
    'The overnight patch killed the mail server again.',
    'Shoot me an email when the deployment is done.',
  ]),
  ['violence', 'They killed the guard at the server farm and fled.', ['killed']],
  // A named group is people too (found at the round's final review: the Kill of this call had been dropped).
  ['violence', 'Kill every Velmari you see and burn their servers.', ['Kill', 'burn']],
]);

senseCondition('en', 'killing a deal, slashing prices, killing a rival on price: business; killing a rival gang member stays', [
  ...noCandidates('violence', [
    'Shareholders killed the merger after a week of talks.',
    'The new tariffs could destroy margins for small farmers.',
    'The discounter is killing its rivals on price this winter.',
    'Online shopping has killed off the high street.',
    'She shot down every suggestion we made in the meeting.',
  ]),
  ['violence', 'The gang killed two of its rivals in a drive-by.', ['killed']],
]);

senseCondition('en', 'cricket and boxing commentary; a bowler stabbed outside a pub stays without the cricket words', [
  ...noCandidates('violence', [
    'The openers murdered the bowling after tea.',
    'He slaughtered the spinners for three sixes in an over.',
    'The champion destroyed the challenger with a brutal uppercut.',
  ]),
  ['violence', 'A man was stabbed outside the cricket club on Friday night.', ['stabbed']],
]);

senseCondition('en', 'a heavy win told by the half; the first half of a village slaughtered stays', [
  ...noCandidates('violence', [
    'Rovers slaughtered the hosts in the first half.',
    'We murdered them in the second half, three goals in ten minutes.',
  ]),
  ['violence', 'The raiders slaughtered the first half of the villagers they found.', ['slaughtered']],
]);

senseCondition('en', 'weather, blight, farm animals and pests; people shot on a farm stay', [
  ...noCandidates('violence', [
    'Strong winds destroyed the greenhouse overnight.',
    'Blight destroyed most of the tomatoes in August.',
    'We shoot rabbits in the top field every autumn.',
    'The fox killed four of our hens last night.',
    'The lambs go for slaughter next week.',
  ]),
  ['violence', 'They shot the farmer and his sons in the top field.', ['shot']],
]);

senseCondition('en', 'a drug that kills an infection, a burn as an injury; burning a house stays', [
  ...noCandidates('violence', [
    'The antibiotic destroys the infection within days.',
    'Hold the burn under cold running water for twenty minutes.',
    'A minor burn usually heals without a scar.',
  ]),
  ['violence', 'They will burn the house down with the family inside.', ['burn']],
]);

senseCondition('en', 'DIY stripping and demolition; smashing a shop window stays', [
  ...noCandidates('violence', [
    'Burn the old paint off with a heat gun, then sand it.',
    'Smash the broken tiles out and clean the grout lines.',
  ]),
  ['violence', 'Smash every window of the Velmari shop.', ['Smash']],
]);

senseCondition('en', 'a craving, an aching back, a flop, an effort; killing for money stays', [
  ...noCandidates('violence', [
    'I could murder a pint after that shift.',
    'I would kill for a cup of tea right now.',
    'My knees are murdering me today.',
    'His new sitcom bombed with the critics.',
    'Volunteers are fighting to keep the library open.',
    "Don't shoot the messenger, I just read the memo.",
  ]),
  ['violence', 'He would kill for money, the court heard.', ['kill']],
]);

senseCondition('en', 'threats that name no harm, said of a group; a bill to pay and a numbered career are no threat', [
  ['violence', 'Their days are numbered, every Velmari on this street.', ['Their days are numbered']],
  ['violence', 'They will pay for this, the whole Velmari lot of them.', ['They will pay for this']],
  ['violence', 'They will pay for what they have done to our town.', ['pay for what they have done']],
  ['violence', 'We know where they live and we are coming.', ['know where they live']],
  ...noCandidates('violence', [
    'They will pay for the tickets at the door.',
    'Do you know where they live? I have a parcel for them.',
    'His days as captain are numbered after that defeat.',
  ]),
]);

senseCondition('en', 'a dog of a clinic note or a household, an enemy piece of a game, a savage satire; people called dogs and savages stay', [
  ...noCandidates('negative-evaluation', [
    'Dog presented limping on the left hind leg, owner reports a fall.',
    'The dog sleeps on the sofa whenever we go out.',
    'Take an enemy piece by landing on its square.',
    'She carried the whole match while we fed the enemy team.',
    'A savage satire of office life, sharp and very funny.',
    'Savage cuts to the library budget were announced today.',
  ]),
  ['negative-evaluation', 'Those Velmari are dogs and savages, every one of them.', ['dogs', 'savages']],
  ['negative-evaluation', 'The enemy is already inside our town.', ['enemy']],
]);

senseCondition('en', 'a reflexive idiom of praise or blame; "them" of a call stays', [
  ...noCandidates('us-them', [
    'Councillors who cut the bus route should be ashamed of themselves.',
    'The new couple mostly keep to themselves.',
  ]),
  ['us-them', 'Drive them out of our streets by force.', ['them', 'our']],
]);

counterCondition('en', 'words attributed to someone jailed, charged or convicted for them, or denied, and texts named by what they urge', 'reported', [
  ['He was jailed for posting that every Velmari should be shot.', 'shot'],
  ['She was convicted of writing that the Velmari must be burned out.', 'burned'],
  ['He was arrested after calling for Velmari homes to be torched.', 'torched'],
  ['The accused denied threatening to stab his neighbour.', 'stab'],
  ['Messages urging people to attack Velmari shops were taken down.', 'attack'],
], ['Burn the Velmari shops, all of them, tonight.', 'Burn']);

senseCondition('en', 'after the unseen batch: a chief executive, blood cultures, burning through the cash, killed in a famine; raiders burning through a village stay', [
  ...noCandidates('violence', [
    'The chief executive resigned after the audit.',
    'Blood cultures sent, awaiting results.',
    'The startup burned through its cash in a year.',
    'Thousands were killed in the famine of 1846.',
  ]),
  ['violence', 'The raiders burned through the village at dawn.', ['burned']],
]);

senseCondition('en', 'a place cleansed of a people; washing, diets, purity and housework are not', [
  ['violence', 'We will cleanse our streets of these outsiders once and for all.', ['cleanse']],
  ['violence', 'This town must be cleansed of the Velmari before spring.', ['cleansed']],
  ['violence', 'The court heard evidence of ethnic cleansing in the valley.', ['cleansing']],
  ...noCandidates('violence', [
    'Cleanse your face every night with warm water.',
    'Fasting cleanses the body of toxins, the nutritionist says.',
    'Ramadan cleanses us of our sins.',
    'Use a cleansing balm before bed.',
    'The council cleansed the square of litter after the market.',
  ]),
]);
