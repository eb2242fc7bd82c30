// English violence, round 14 (issue 14, branch blind-en14b): families that two or more blind
// batches of ordinary English (corpora/eval/blind, rounds 12–13, written before the lexicons were
// read) share — threats that name no harm (you will pay for this, we know where you live, teach
// them a lesson they won't forget: missed in four batches), hurt said as a threat, beaten to death,
// lynching formulas and broken bones threatened; a tug of war, and cakes and pancakes burned or
// destroyed in the kitchen. The noun violence and war in a war film stay as the set annotates them
// (no candidate; a candidate). Each condition beside a use it must keep. Sentences are fictional,
// written for these tests (none is an item of the evaluation set).
import { noCandidates, senseCondition } from '../../tests/support/indicator-candidates.js';

senseCondition('en', 'a threat that names no harm is a violence candidate, found once', [
  ['violence', 'I’ll make you pay for what you did to my brother.', ['make you pay']],
  ['violence', 'We will make them pay, every last Dorran.', ['make them pay']],
  ['violence', 'You will pay for this, Kessler.', ['You will pay for this']],
  ['violence', 'We know where you live, and we know where your kids go to school.', ['know where you live', 'know where your kids']],
  ['violence', 'Your days are numbered, Marten.', ['Your days are numbered']],
  ['violence', 'Someone should teach them a lesson they won’t forget.', ['teach them a lesson']],
  ['violence', 'Tonight we teach the Harrowfolk a lesson they won’t forget.', ['a lesson they won’t forget']],
]);

senseCondition('en', 'the same words of a charge, an address form or a mishap are no threat', noCandidates('violence', [
  'The airlines make you pay for a second bag now.',
  'Does the gym make you pay for towels?',
  'Please let us know where you live so we can post the forms.',
  'That will teach him a lesson about setting two alarms.',
  'A night in the cells will teach him a lesson.',
  'The landlord will make you pay for the broken window.',
  'Who will pay for this repair, the landlord or us?',
  'You pay for what you use, nothing more.',
]));

senseCondition('en', 'a tug of war is a game; a war and war crimes stay', [
  ...noCandidates('violence', ['The two families had a tug of war at the reception.', 'Our lot versus their lot at the tug of war again.']),
  ['violence', 'War crimes were committed in the valley, the court found.', ['War']],
  ['violence', 'The war destroyed half of the old town.', ['war', 'destroyed']],
  ['violence', 'The war film on Sunday was far too long.', ['war']],
]);

senseCondition('en', 'pancakes and cakes burned or destroyed in the kitchen; a bakery burned down stays', [
  ...noCandidates('violence', [
    'I burned the pancakes again this morning.',
    'The kids destroyed the birthday cake in four minutes.',
  ]),
  ['violence', 'They burned the Orrin bakery down last night.', ['burned']],
]);

senseCondition('en', 'hurt said as a threat or a call, beaten to death, hanged or strung up, broken bones threatened', [
  ['violence', 'I will hurt you and everyone you love.', ['hurt you']],
  ['violence', 'Go and hurt them where it counts.', ['hurt them']],
  ['violence', 'We’re going to hurt them where it counts.', ['hurt them']],
  ['violence', 'They stoned him to death in the square.', ['to death']],
  ['violence', 'He was stabbed to death outside the pub.', ['stabbed']],
  ['violence', 'The mob beat two Saren men to death outside the market.', ['to death']],
  ['violence', 'Hang the traitors from the bridge.', ['Hang the traitors']],
  ['violence', 'String them up, every one of the Orvell elders.', ['String them up']],
  ['violence', 'Find him and break his legs.', ['break his legs']],
  ['violence', 'I’ll break your jaw if you come back.', ['break your jaw']],
]);

senseCondition('en', 'hurt feelings and sayings, feelings to death and accidents name no violence', noCandidates('violence', [
  'It won’t hurt you to say thank you once in a while.',
  'I never meant to hurt you, I was tired.',
  'They hurt you, they misunderstood you, and your feelings were wounded.',
  'Smoking will hurt you in the end.',
  'Two climbers froze to death on the ridge.',
  'He drank himself to death in the end.',
  'I was bored to death at the quarterly review.',
  'She is sick to death of the printer.',
  'She broke her leg skiing in the Alps.',
  'Break a leg tonight, you will be great!',
  'My back hurts after the gym.',
]));

senseCondition('en', 'a throat cut and a hospital bed threatened; a sore throat, a fish, a fall name no violence', [
  ['violence', 'I will slit your throat if you talk.', ['slit your throat']],
  ['violence', 'Don’t come near my family again or I’ll put you in hospital.', ['put you in hospital']],
  ...noCandidates('violence', [
    'I have a sore throat and a cut on my lip.',
    'Cut the throat of the fish and let it bleed.',
    'The fall put him in hospital for a week.',
  ]),
]);

senseCondition('en', 'bloods of a clinical note are blood tests; blood on the pavement stays', [
  ...noCandidates('violence', ['Suspected overdose, bloods sent, fluids started.', 'Bloods repeated this morning, results by Friday.']),
  ['violence', 'There was blood all over the pavement after the fight.', ['blood', 'fight']],
]);
