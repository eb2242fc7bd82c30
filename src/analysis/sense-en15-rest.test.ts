// English violence, us/them and evaluation, round 15 (issue 14, branch en15rest): families that two
// or more blind batches of ordinary English (corpora/eval/blind, rounds 12–14) share, and the frame
// sweep of every violence verb (figurative, sport, game, medical, accident, hyperbole frames) —
// sport defeats with no score, game chat and game rules, criticism of a budget or an argument,
// deaths in a crash, medicine that kills cells, a parent or a boss who will "kill me", did well at
// an exam or on stage, a smashed target, "watch your back", narrative "their" beside an irregular
// past or a war told in the past, the wick of a candle. Each condition beside a use it must keep.
// Sentences are fictional, written for these tests (none is an item of the evaluation set).
import { noCandidates, senseCondition } from '../../tests/support/indicator-candidates.js';

senseCondition('en', 'a heavy defeat in a match report with no score; a massacre of half a village stays', [
  ...noCandidates('violence', [
    'Our squad slaughtered them on Saturday.',
    'They absolutely destroyed us in midfield, no excuses.',
    'We got murdered in the derby on Saturday.',
  ]),
  ['violence', 'The raiders slaughtered half the village before dawn.', ['slaughtered']],
  ['violence', 'They destroyed us, burned our farms and drove us from the valley.', ['destroyed', 'burned']],
]);

senseCondition('en', 'killing and shooting named by a game’s chat or rules; a call to kill people stays', [
  ...noCandidates('violence', [
    'just shoot the healer first then push',
    'nice kill, that headshot was insane',
    'Destroy an enemy card of your choice and draw two.',
    'who keeps throwing grenades into spawn',
  ]),
  ['violence', 'Kill every Dravani you see on the estate.', ['Kill']],
]);

senseCondition('en', 'attacking a budget, destroying an argument: criticism; attacking a camp stays', [
  ...noCandidates('violence', [
    'Opposition MPs attacked the budget as reckless.',
    'We will destroy their argument with three simple facts.',
    'The columnist savagely attacked the government’s new policy.',
    'The union vowed to fight the job cuts.',
    'Nurses are fighting a losing battle against the flu.',
  ]),
  ['violence', 'The mob attacked the Vell camp at night.', ['attacked']],
]);

senseCondition('en', 'killed in a crash or a pile-up: an accident; killed in an attack stays', [
  ...noCandidates('violence', [
    'Two killed in motorway pile-up.',
    'Three teenagers were killed in a head-on collision on the A9.',
  ]),
  ['violence', 'Two men were killed in the attack on the market.', ['killed', 'attack']],
]);

senseCondition('en', 'medicine that kills or attacks cells or a tumour; a man attacked at a clinic stays', [
  ...noCandidates('violence', [
    'Chemotherapy attacks fast-growing cells, including healthy ones.',
    'The tumour has been killed off by radiotherapy.',
    'The new drug fights the tumour from the inside.',
  ]),
  ['violence', 'A nurse was attacked outside the clinic last night.', ['attacked']],
]);

senseCondition('en', 'a parent or a boss who will kill me; a partner’s threat stays for the examiner', [
  ...noCandidates('violence', [
    'My boss is going to murder me if I’m late again.',
    'shes gonna kill me when she sees the car, my mum loves that car',
    'My dad will shoot me if I fail maths.',
  ]),
  ['violence', 'He said he is going to kill me if I go to the police.', ['kill']],
]);

senseCondition('en', 'did very well at an exam, on stage or at a target; smashing a window stays', [
  ...noCandidates('violence', [
    'I totally killed that exam this morning.',
    'That exam absolutely destroyed me.',
    'She absolutely smashed it on stage last night.',
    'smash it tomorrow u got this',
    'We smashed our fundraising target!',
    'Our Dublin office smashed the onboarding survey.',
  ]),
  ['violence', 'Smash it up and leave nothing standing.', ['Smash']],
]);

senseCondition('en', 'we will execute them is a threat; executing a will is not', [
  ['violence', 'We will execute every Kessarite in this town.', ['execute']],
  ...noCandidates('violence', ['Her brother will execute the will next month.']),
]);

senseCondition('en', 'watch your back as a threat; as care for the spine it is not', [
  ['violence', 'Watch your back, we know what you did.', ['Watch your back']],
  ['violence', 'You’d better watch your back from now on.', ['watch your back']],
  ...noCandidates('violence', ['Watch your back when lifting heavy boxes.']),
]);

senseCondition('en', 'narrative their beside an irregular past or a war told in the past; their beside a call stays', [
  ...noCandidates('us-them', [
    'The Orvainian kings were constantly at war with their neighbours.',
    'The settlers fought their way up the valley in 1740.',
  ]),
  ['us-them', 'Burn their houses before they come back.', ['their', 'they']],
  ['us-them', 'The Orvainians must be shot, all of them, and their houses burnt.', ['them', 'their']],
]);

senseCondition('en', 'the wick of a candle is not wicked; wicked people stay', [
  ...noCandidates('negative-evaluation', ['Trim the wick before lighting the candle.']),
  ['negative-evaluation', 'The Kessarites are wicked and deceitful.', ['wicked']],
]);
