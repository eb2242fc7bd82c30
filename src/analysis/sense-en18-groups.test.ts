// English us/them and voice, round 18 (issue 14, branch en18groups): the we of football fandom (a
// referee, a keeper, a league, fans; we hate City), the other club's fans and keeper, a they after a
// club named by the head of its name (City, United, Rovers), a they of a story told in a memoir, a
// film or a chronicle with no we or you in its sentence, and far from + any -ing verb as negation.
// Each condition beside a use it must keep. Sentences are fictional, written for these tests (none
// is an item of the evaluation set).
import { counterCondition, noCandidates, senseCondition } from '../../tests/support/indicator-candidates.js';

senseCondition('en', 'the we of football fandom and their fans / their keeper; a threat at a match and a people hated stay', [
  ...noCandidates('us-them', [
    'The ref hates us, every offside call this season went against us.',
    'Their supporters spat at our goalkeeper, absolute scum.',
    'Their fans are animals, they threw bottles at our keeper.',
    'We follow Athletic and we hate Town, it is in the blood.',
  ]),
  ['us-them', 'We hate the Korvath, they are vermin and we will burn them out.', ['We', 'they', 'we', 'them']],
  ['us-them', 'If the Korvath show their faces at the derby we will put them in hospital.', ['their', 'them']],
]);

senseCondition('en', 'a they after a club named by the head of its name; a they after a people stays', [
  ...noCandidates('us-them', ['Rovers were awful again and I hate them for it.']),
  ['us-them', 'The Korvath were awful again and I hate them for it.', ['them']],
  ['us-them', 'The United Nations left the Korvath alone, so burn them out.', ['them']],
]);

senseCondition('en', 'a they of a story told in a memoir, a film or a chronicle; with we or you, or inside quotation marks, it stays', [
  ...noCandidates('us-them', [
    'The memoir tells how the raiders were caught at the ford and shot before they could flee.',
    'In the sequel the villain hates the hill people and wants them all dead.',
    'The chronicle says the raiders burned the abbey and the monks cursed them for a century.',
  ]),
  ['us-them', 'Like the villain in the film, we will burn their farms.', ['we', 'their']],
  ['us-them', 'The slogan "burn them all" was painted on the wall in the film.', ['them']],
]);

counterCondition('en', 'far from and any -ing verb: what the verb says is denied', 'negated', [
  ['Far from burning the Korvath shops, the village rebuilt them.', 'burning'],
  ['Far from wanting to destroy their shops, the council paid for the repairs.', 'destroy'],
], ['Hating the Korvath is what keeps this town together, so burn their shops.', 'burn']);

// The denial ends with its clause (merge review of round 18: the first reading denied the whole
// sentence and gave the call after the comma a negation it does not have).
counterCondition('en', 'far from … denies its own clause, not the next one', 'negated', [
  ['The council is far from wanting to burn the Korvath shops.', 'burn'],
], ['Far from being afraid, we will kill every Korvath we find.', 'kill']);
counterCondition('en', 'far from finishing …, so …: the call after the comma is not denied', 'negated', [
  ['Far from burning the Korvath farms, they rebuilt them.', 'burning'],
], ['We are far from finishing the job, so burn every Korvath house tonight.', 'burn']);

counterCondition('en', 'claim that, allege that of a plural subject: an opinion reported', 'reported', [
  ['Some bloggers claim that the Korvath should be shot.', 'shot'],
  ['Critics allege that the mayor wants the Korvath shops burned.', 'burned'],
], ['The Korvath should be shot, I tell you.', 'shot']);
