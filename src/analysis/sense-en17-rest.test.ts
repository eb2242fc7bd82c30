// English groups, us/them, evaluation and voice, round 17 (issue 14, branch en17rest): the frames of
// this round's sweep — a "they" that stands for an organisation (a council, a label, an airline)
// named in its sentence or up to two sentences before, an earlier "they" of the sentence read with
// what it points back to, a performance "absolutely killed", and the quotatives of chat and the
// texts of signs and banners given without quote marks (so he goes, …; she was like, …; the banner
// read …; my uncle reckons …). Each condition beside a use it must keep. Sentences are fictional,
// written for these tests (none is an item of the evaluation set).
import { counterCondition, noCandidates, senseCondition } from '../../tests/support/indicator-candidates.js';

senseCondition('en', 'a "they" of an organisation named up to two sentences before; a "they" of a people named there stays', [
  ...noCandidates('us-them', [
    'The council shut the swimming pool. They are useless and I hate them.',
    'The airline cancelled our flight. They are crooks and we will fight them in court.',
    'The label dropped the album in March. It was awful. They have destroyed the band and I hate them for it.',
  ]),
  ['us-them', 'The Korvath moved in last year. They are vermin and we will burn them out.', ['They', 'we', 'them']],
  ['us-them', 'The Korvath moved in last year. The street has changed. They are vermin and we will burn them out.', ['They', 'we', 'them']],
]);

senseCondition('en', 'a performance absolutely killed; killing a man stays', [
  ...noCandidates('violence', [
    'The orchestra played for three hours and they absolutely killed it.',
    'Our drummer totally killed it last night.',
  ]),
  ['violence', 'He killed it with a spade and buried the Korvath boy behind the shed.', ['killed']],
]);

counterCondition('en', 'the quotatives of chat and the texts of signs, banners and headlines without quote marks', 'reported', [
  ['So he goes, we will kill you all, and laughs at his own joke.', 'kill'],
  ['And she was like, burn the whole place down, and everyone laughed.', 'burn'],
  ['The banner read death to the Korvath, and police took it down.', 'death to'],
  ['My uncle reckons the Korvath should be driven out by force and shot.', 'shot'],
], ['We will kill the Korvath, all of them, tonight.', 'kill']);

counterCondition('en', 'instead of, rather than, far from calling for: the act is set aside, not called for', 'negated', [
  ['Instead of burning their shops, talk to the Korvath.', 'burning'],
  ['Rather than attacking the Korvath, we should help them.', 'attacking'],
  ['Far from calling for the Korvath to be shot, the pastor begged for calm.', 'shot'],
], ['Burn their shops instead, all the Korvath shops.', 'Burn']);

counterCondition('en', 'the conditional judgement that an act would be a crime, is not the answer, has no excuse', 'condemned', [
  ['It would be a crime to burn the Korvath temple.', 'burn'],
  ['Attacking the Drennish shops is not the answer to anything.', 'Attacking'],
  ['There is no excuse for attacking the Drennish families on Elm Street.', 'attacking'],
], ['It would be easy to burn the Korvath temple tonight, so do it.', 'burn']);

senseCondition('en', 'absolutely or totally murdered, destroyed of a win, a defeat or a performance; a shop or a village destroyed, villagers slaughtered stay', [
  ...noCandidates('violence', [
    'We absolutely murdered them on Saturday, three goals in ten minutes.',
    'We got totally destroyed last night, morale is low.',
    'They properly battered us at the weekend.',
  ]),
  ['violence', 'They totally destroyed the Korvath shop on Elm Street last night.', ['destroyed']],
  ['violence', 'They slaughtered the villagers and the village was completely destroyed.', ['slaughtered', 'destroyed']],
  // The lead's review of round 17: a degree word does not make a boast of real killing a win.
  ['violence', 'We absolutely slaughtered them last night in their village, not one Velmari left alive.', ['slaughtered']],
  ['violence', 'They totally destroyed us last night, burned our homes and shot our men.', ['destroyed', 'burned', 'shot']],
]);

senseCondition('en', 'hating one person, and the fight against childhood cancer; hating a people and a people called a cancer stay', [
  ...noCandidates('negative-evaluation', [
    'The chroniclers hated him, and the author clearly hates her too.',
    'Join our fun run in the fight against childhood cancer.',
  ]),
  ['negative-evaluation', 'I hate them, the Korvath, every one of them.', ['hate']],
  ['negative-evaluation', 'The Korvath are a cancer on this town.', ['cancer']],
]);

senseCondition('en', "threats that name no harm: they'll pay for it, what's coming to them; paying for a window, a villain's end stay out", [
  ['violence', "The Korvath have ruined this country and they'll pay for it.", ["they'll pay for it"]],
  ['violence', "The Korvath will get what's coming to them, just wait.", ["what's coming to them"]],
  ...noCandidates('violence', [
    "The kids broke the window, so they'll pay for it out of their pocket money.",
    "In the end the villain gets what's coming to him.",
  ]),
]);
