// English violence and negative evaluation, round 18 (issue 14, branch en18viol): the frames of this
// round's sweep — an animal, a plant or a thing as the subject or the object of a verb of killing
// (pests of a garden or a house, the traffic, an update), a performance or a record done well, an
// event, a mood or a rematch killed or destroyed, rats of a house or a street, a thing called
// filthy or scum, the speaker calling himself names, an enemy officer of a war story — and the
// threats of persecution that name no violence (put them in camps, deal with them once and for
// all). Each condition beside a use it must keep; the controls name invented peoples also in lower
// case, as chat writes them. Sentences are fictional, written for these tests (none is an item of
// the evaluation set).
import { noCandidates, senseCondition } from '../../tests/support/indicator-candidates.js';

senseCondition('en', 'a pest, a plant or an animal that kills or destroys; people who kill or destroy stay', [
  ...noCandidates('violence', [
    'The snails have completely destroyed the hostas along the fence.',
    'Woodworm destroyed the old dresser before we noticed.',
    'Weevils are killing the strawberries in the pots.',
  ]),
  ['violence', 'The Tessics have completely destroyed the chapel on the hill.', ['destroyed']],
  ['violence', 'the orrans are killing our men in the fields', ['killing']],
]);

senseCondition('en', 'killing pests of a garden or rats of a house; killing people called rats stays', [
  ...noCandidates('violence', [
    'What do you use to kill the ants on the patio?',
    'Exterminate the bedbugs before the guests arrive.',
    'Neighbour shot the rats in his barn with an air rifle.',
  ]),
  ['violence', 'Shoot the orran rats in their barns, every one of them.', ['Shoot']],
  ['violence', 'Kill the rats in the Brevani quarter tonight.', ['Kill']],
]);

senseCondition('en', 'a thing or a chore that kills or destroys one; a man who kills one stays', [
  ...noCandidates('violence', [
    'These stairs are murdering my knees.',
    'That sequel totally destroyed the franchise for me.',
    'This workload is killing me slowly.',
  ]),
  ['violence', 'The Tessic who lives upstairs is going to kill me, he said so twice.', ['kill']],
]);

senseCondition('en', 'a song, a set, a record or a target done well, a show that killed; killing a singer stays', [
  ...noCandidates('violence', [
    'Our lead singer murdered the final chorus and the crowd went wild.',
    'He smashed the club record in the relay.',
    'Honestly her toast killed, half the table was crying with laughter.',
  ]),
  ['violence', 'They murdered the Orran singer after the gig.', ['murdered']],
]);

senseCondition('en', 'a meeting, the mood, one\'s faith or a battery killed or destroyed, a rematch; destroying their faith or a party stays', [
  ...noCandidates('violence', [
    'The fire alarm killed the mood at the party.',
    'Roaming has destroyed my battery again.',
    'We will crush you in the rematch on Sunday.',
  ]),
  ['violence', 'We will destroy their faith and burn their chapel.', ['destroy', 'burn']],
  ['violence', 'Destroy the Orran party offices tonight.', ['Destroy']],
]);

senseCondition('en', 'rats of a house or a street, a thing called filthy or scum, calling oneself names; a people called rats or filthy stays', [
  ...noCandidates('negative-evaluation', [
    'Cockroaches under the sink again, the landlord does nothing.',
    'The hotel room was filthy and the carpet smelled.',
    'I am such a pig, I ate all the biscuits.',
  ]),
  ['negative-evaluation', 'those orran rats behind the market, burn them out', ['rats']],
  ['negative-evaluation', 'The Tessics are filthy, all of them.', ['filthy']],
  ['negative-evaluation', 'My landlord is a parasite.', ['parasite']],
]);

senseCondition('en', 'an enemy officer, enemy troops of a war story; the enemy as a people stays', [
  ...noCandidates('negative-evaluation', [
    'The patrol captured two enemy soldiers near the river.',
    'Enemy snipers held the ridge for a week.',
  ]),
  ['negative-evaluation', 'The Brevani are the enemy and always will be.', ['enemy']],
]);

senseCondition('en', 'threats of persecution with no word of violence; camps of children, rounded numbers and a chore dealt with are none; kill me of an awkward moment, a story killed', [
  ...noCandidates('violence', [
    'Add up the totals and round them up to the nearest pound.',
    'We put them in camps every summer holiday, the kids love it.',
    'We have to deal with the damp in the bathroom once and for all.',
    'Walked into the wrong lecture in front of everyone, kill me.',
    'The editor killed the story an hour before print.',
  ]),
  ['violence', 'The Orrans should be rounded up and put in camps.', ['put in camps']],
  ['violence', 'the tessics? we deal with them once and for all this spring', ['once and for all']],
  ['violence', 'We will deal with the Brevani once and for all, mark my words.', ['once and for all']],
  ['violence', 'Deal with them once and for all, those orran rats.', ['once and for all']],
  ['violence', 'The Tessic next door says he will kill me.', ['kill']],
]);

senseCondition('en', 'a burn dressing, burn gel; hating a club or a referee of a match; burning a people and hating a people stay', [
  ...noCandidates('violence', ['Burn cream and burn dressings are on the second shelf.']),
  ...noCandidates('negative-evaluation', ['We hate Rovers, always have, always will.', 'The ref hates us, three penalties against us this season.']),
  ['violence', 'Burn the Tessic shops, all of them.', ['Burn']],
  ['negative-evaluation', 'We hate Orrans, every last one of them.', ['hate']],
  ['negative-evaluation', 'We hate the Brevani and their filthy stadium.', ['hate', 'filthy']],
]);
