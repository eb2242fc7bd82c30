// Frame sweep of the English violence and negative-evaluation lexicons (issue 14, round 18): every
// verb of violence and every word of contempt put into frames where a careful examiner takes no
// violence or no evaluation of people — an animal, a plant or a thing as the object or the subject
// (pests of a garden or a house, the traffic, an update), a performance or a record done well, an
// event or a mood called off or spoilt, a thing or oneself called names — and into control frames
// where it is a genuine candidate against an invented group (also in lower case, as chat writes the
// names of peoples). A FRAME that fails for many words is a structural defect; a WORD that fails in
// many frames is a bad entry. The frames are general (a slot, a neutral object), written for soz.
// Usage: npm run build && node scripts/frame-sweep-violence.mjs [--show FRAME|all]
// A failure is a candidate of the frame's category on a benign frame's line, or none on a control's.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const modules = ['analysis/index.js', 'core/document-builder.js'].map((path) => pathToFileURL(join(process.env.SOZ_DIST ?? join(root, 'dist'), path)).href);
const [{ loadLexicons, runIndicators, compileIndicators }, { DocumentBuilder }] = await Promise.all(modules.map((href) => import(href)));
const showAt = process.argv.indexOf('--show');
const show = showAt > 0 ? process.argv[showAt + 1] : undefined;

/** base, past, gerund of the lexicon's verbs of violence. */
const VERBS = [
  ['kill', 'killed', 'killing'], ['murder', 'murdered', 'murdering'], ['slaughter', 'slaughtered', 'slaughtering'],
  ['massacre', 'massacred', 'massacring'], ['butcher', 'butchered', 'butchering'], ['destroy', 'destroyed', 'destroying'],
  ['annihilate', 'annihilated', 'annihilating'], ['exterminate', 'exterminated', 'exterminating'], ['smash', 'smashed', 'smashing'],
  ['shoot', 'shot', 'shooting'], ['stab', 'stabbed', 'stabbing'], ['burn', 'burned', 'burning'], ['attack', 'attacked', 'attacking'],
  ['wreck', 'wrecked', 'wrecking'], ['crush', 'crushed', 'crushing'],
];

const cap = (text) => text[0].toUpperCase() + text.slice(1);
/**
 * Violence frames: {b} base, {p} past, {g} gerund, then the verbs a native writer would put there
 * (a frame is swept only with the verbs plausible in it); controls must give a violence candidate.
 */
const ALL_VERBS = VERBS.map(([b]) => b);
const VIOLENCE_FRAMES = [
  ['pest-object-spray', 'Anyone know a spray that will {b} the greenfly on my beans?', ['kill', 'destroy', 'exterminate', 'annihilate', 'attack']],
  ['pest-subject-plot', 'The caterpillars {p} every cabbage on the plot.', ['kill', 'destroy', 'murder', 'massacre', 'slaughter', 'annihilate', 'wreck', 'attack', 'butcher']],
  ['pest-subject-perfect', 'Termites have {p} the porch steps, the whole lot needs replacing.', ['destroy', 'wreck', 'attack', 'annihilate']],
  ['mice-loft', 'We need a proper trap to {b} the mice in the loft.', ['kill', 'exterminate', 'destroy', 'murder']],
  ['rats-shed', 'Best bait to {b} the rats under the shed floor?', ['kill', 'exterminate', 'destroy', 'murder', 'shoot']],
  ['cats-barn', 'The cats {p} three mice in the barn this week.', ['kill', 'murder', 'slaughter', 'massacre', 'butcher', 'destroy']],
  ['thing-subject-me', 'Honestly the commute {p} me this morning.', ['kill', 'murder', 'destroy', 'annihilate', 'wreck', 'crush', 'slaughter', 'butcher', 'smash']],
  ['thing-subject-gerund', 'This humidity is {g} me, I need a fan.', ['kill', 'murder', 'destroy', 'wreck', 'slaughter', 'crush']],
  ['performance-duet', 'She {p} the karaoke duet last night, everyone cheered.', ['kill', 'murder', 'slaughter', 'destroy', 'smash', 'annihilate', 'crush']],
  ['performance-intransitive', 'That opening speech absolutely {p}, the room loved it.', ['kill', 'murder', 'slaughter', 'destroy', 'smash']],
  ['record', 'I {p} my personal best at the 10k on Sunday.', ['smash', 'destroy', 'annihilate', 'crush', 'kill', 'murder']],
  ['event-object', "Let's {b} the Friday meeting, nobody needs it.", ['kill', 'murder', 'destroy']],
  ['mood-object', 'This delay is {g} the mood in the office.', ['kill', 'murder', 'destroy', 'wreck', 'crush', 'slaughter']],
  ['update-battery', 'The new update {p} my battery in two hours.', ['kill', 'murder', 'destroy', 'annihilate', 'wreck', 'butcher', 'slaughter']],
  ['rematch', "We'll {b} you in the rematch, just wait.", ['kill', 'murder', 'destroy', 'slaughter', 'annihilate', 'smash', 'crush', 'massacre', 'butcher', 'wreck']],
  ['self', 'I {p} my own chances with that stupid typo.', ['kill', 'murder', 'destroy', 'wreck', 'smash', 'butcher']],
];
const VIOLENCE_CONTROLS = [
  ['control-will', 'We will {b} the Orrans in their homes tonight.'],
  ['control-imperative', '{B} every Tessic you find in the valley.'],
  ['control-lower-case', 'those orran rats, go {b} them all'],
  ['control-reported', 'Witnesses said the militia {p} the Brevani villagers at dawn.'],
].map(([frame, text]) => [frame, text, ALL_VERBS.filter((v) => v !== 'wreck' && v !== 'crush')]);
/** Evaluation frames: {w} the word, then the words plausible there. */
const NOUNS = ['vermin', 'rats', 'parasites', 'cockroaches', 'pests', 'scum', 'plague', 'cancer', 'disease', 'animals', 'pigs', 'savages', 'traitors'];
const EVALUATION_FRAMES = [
  ['thing-is', 'This printer is absolute {w}, it jams on page two.', ['scum', 'vermin', 'cancer', 'plague', 'vile', 'filthy', 'disgusting']],
  ['thing-adj-the', 'The {w} microwave in the staff room needs cleaning.', ['vile', 'filthy', 'disgusting']],
  ['thing-predicate', 'Someone left the fridge {w} again, it needs a scrub.', ['filthy', 'disgusting']],
  ['self', "I'm such {w} today, left my keys in the door again.", ['pig', 'animal', 'traitor', 'parasite', 'savage']],
  ['pests-place', 'There are {w} behind the bins again, the council does nothing.', ['rats', 'cockroaches', 'pests', 'vermin']],
  ['pests-chewed', 'The {w} chewed through the cables in the loft.', ['rats', 'vermin', 'pests']],
  ['weather', 'The {w} weather ruined the picnic.', ['vile', 'filthy', 'disgusting', 'wicked']],
  ['game', 'Capture the {w} flag to win the round.', ['enemy']],
];
const EVALUATION_CONTROLS = [
  ['control-are', 'The Orrans are {w}, every one of them.', [...NOUNS, 'vile', 'filthy', 'disgusting', 'despicable']],
  ['control-lower-case', 'those tessics are {w} and always will be', [...NOUNS, 'vile', 'filthy', 'disgusting', 'despicable']],
];

const { lexicons } = await loadLexicons(root);
const compiled = compileIndicators(lexicons);
const lines = [];
const add = (kind, frame, word, text, category) => lines.push({ kind, frame, word, text, category });
for (const [b, p, g] of VERBS) {
  const fill = (t) => t.replaceAll('{b}', b).replaceAll('{B}', cap(b)).replaceAll('{p}', p).replaceAll('{g}', g);
  for (const [frame, t, verbs] of VIOLENCE_FRAMES) if (verbs.includes(b)) add('benign', frame, b, fill(t), 'violence');
  for (const [frame, t, verbs] of VIOLENCE_CONTROLS) if (verbs.includes(b)) add('control', frame, b, fill(t), 'violence');
}
const article = (t, w) => t.replace('such {w}', /^[aeiou]/.test(w) ? 'such an {w}' : 'such a {w}').replaceAll('{w}', w);
for (const [frame, t, words] of EVALUATION_FRAMES) for (const w of words) add('benign', frame, w, article(t, w), 'negative-evaluation');
for (const [frame, t, words] of EVALUATION_CONTROLS) for (const w of words) add('control', frame, w, article(t, w), 'negative-evaluation');

const text = lines.map((l) => l.text).join('\n');
const builder = new DocumentBuilder({ sha256: createHash('sha256').update(text).digest('hex'), name: 'sweep' }, 'text');
lines.forEach((l, i) => builder.add({ id: `l${i}`, text: l.text, part: 'body', anchor: { paragraph: i } }));
const { findings } = runIndicators([builder.build()], { lexicons, standaloneFeatures: false, languages: ['en'] }, compiled);
const hits = new Map();
for (const f of findings) {
  const i = Number(f.place.segmentId.slice(1));
  if (f.category === lines[i].category) hits.set(i, [...(hits.get(i) ?? []), `${f.ruleId} «${f.actual}»`]);
}
const failed = lines.map((l, i) => (l.kind === 'benign' ? hits.has(i) : !hits.has(i)));
const tally = (key) => {
  const table = new Map();
  lines.forEach((l, i) => {
    const k = `${l.kind === 'control' ? 'control ' : ''}${l[key]}`;
    const row = table.get(k) ?? { n: 0, fail: 0 };
    row.n += 1;
    row.fail += failed[i] ? 1 : 0;
    table.set(k, row);
  });
  return [...table].sort((a, b) => b[1].fail - a[1].fail || a[0].localeCompare(b[0]));
};
for (const [title, key] of [['frame', 'frame'], ['word', 'word']]) {
  console.log(`\nfailures by ${title}:`);
  for (const [k, { n, fail }] of tally(key)) console.log(`  ${k.padEnd(30)} ${String(fail).padStart(3)} / ${n}`);
}
const sum = (kind) => lines.reduce((acc, l, i) => (l.kind === kind ? { n: acc.n + 1, fail: acc.fail + (failed[i] ? 1 : 0) } : acc), { n: 0, fail: 0 });
const benign = sum('benign');
const control = sum('control');
console.log(`\nbenign lines with a candidate: ${benign.fail} / ${benign.n} (${((100 * benign.fail) / benign.n).toFixed(1)} %)`);
console.log(`controls without one: ${control.fail} / ${control.n}`);
if (show) lines.forEach((l, i) => { if (failed[i] && (show === 'all' || show === l.frame)) console.log(`  [${l.frame}] ${l.text}  ${(hits.get(i) ?? ['—']).join(', ')}`); });
