// Frame sweep of the English imperative reading (issue 14, round 15): every verb the call-to-action
// lexicon names (and the everyday verbs of the blind batches) put into frames where a careful
// examiner takes no call — narrative past, third person, purpose infinitive, gerund subject,
// question, modal, headline, title, diary with I left out, compound noun … — and into control
// frames where it is a genuine call against an invented group. A FRAME that fails for many verbs is
// a structural defect of the reading; a VERB that fails in many frames is a bad entry. The frames
// are general (a slot for the verb, a neutral object), written for soz, not copied from any batch.
// Round 19 added frames of signs (X only …), a listing's day or clock time, a programme's title in title case after its
// time, a headline with a scoreline after a colon and a street's name after a comma, with controls in the same shapes.
// Round 18 added frames of a noun heading a headline, a ticker, a label, a listing, a poster or a heading
// (called off, steady, cream in the box, price at, on …: how …), one-form pasts answering a past question or
// before a declarative tag, and a film line quoted in chat (a candidate in the quotation voice passes there).
// Round 17 added frames of verb-initial fragments that describe (headlines, labels, notes, answers,
// tweets), nouns and dates at a sentence start, embedded and reported orders (as in, like, so-called,
// the sign says, she was like, he goes — a candidate in the reported voice passes there), generic
// "you", crossword clues. Round 16 added construction frames (discourse markers, titles after a colon or a verb, reported
// instructions, dropped-subject questions, subjects of names joined by and …) and controls of the
// same constructions; a frame may name the words that are genuine imperatives of its own (Consider,
// Look, Come on) and so no failure.
// Usage: npm run build && node scripts/frame-sweep.mjs [--show FRAME|all] [--json] [--only 16|17|18|19] [--lines]
// --lines prints the sweep's lines, one a line, and stops (scripts/check-english-tagger.mjs reads them).
// A failure is a call-to-action candidate on a no-call frame's line (not on a word the frame
// allows), or none on a control's line.
import nlp from 'compromise';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'yaml';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = process.env.SOZ_DIST ?? join(root, 'dist');
const load = (path) => import(pathToFileURL(join(dist, path)).href);
const { loadLexicons, runIndicators, compileIndicators } = await load('analysis/index.js');
const { DocumentBuilder } = await load('core/document-builder.js');

const args = process.argv.slice(2);
const show = args.includes('--show') ? args[args.indexOf('--show') + 1] : undefined;

/** Everyday verbs of instructions, chat and games beside the lexicon's verbs of force. */
const EVERYDAY = ['cook', 'coach', 'judge', 'guide', 'host', 'plan', 'watch', 'catch', 'record', 'keep', 'hold', 'check', 'bring', 'cut', 'stop', 'put', 'send', 'turn', 'pick', 'drop', 'fire', 'water', 'book', 'order', 'clean', 'help', 'call', 'move', 'hit', 'break', 'run', 'push', 'throw', 'kick', 'leave', 'clear', 'cover', 'mark', 'load', 'charge', 'rush', 'camp', 'block', 'land', 'start', 'fix', 'save', 'lock', 'wash', 'pack', 'light', 'feed', 'rest', 'play', 'finish', 'open'];

const lexicon = parse(readFileSync(join(root, 'sop/lexicons/en/call-to-action.yaml'), 'utf8'));
const imperative = lexicon.entries.find((entry) => entry.id === 'en.call-to-action.imperative');
const known = imperative.pattern.items[0].knownVerbs;
const verbs = [...new Set([...known, ...EVERYDAY])].sort();

/** The forms of a verb: compromise's conjugation, read in a clause that makes the word a verb. */
function forms(verb) {
  const conjugated = nlp(`they ${verb} it`).verbs().conjugate()[0] ?? {};
  // The conjugation of the whole verb phrase: its first word is the verb's form.
  const form = (name, fallback) => (conjugated[name] ?? fallback).split(' ')[0];
  return { base: verb, past: form('PastTense', `${verb}ed`), third: form('PresentTense', `${verb}s`), gerund: form('Gerund', `${verb}ing`) };
}
const cap = (word) => word[0].toUpperCase() + word.slice(1);

/** Frames where no call is made: the verb is narrated, asked, planned, named or quoted as a title. */
const NO_CALL = {
  'narrative-past': (f) => `Yesterday the neighbours ${f.past} the old shed behind the garage.`,
  'third-person': (f) => `My uncle ${f.third} the boxes every Saturday morning.`,
  'purpose-infinitive': (f) => `We stopped at the farm to ${f.base} the boxes before lunch.`,
  'gerund-subject': (f) => `${cap(f.gerund)} the old shed took most of the afternoon.`,
  'do-question': (f) => `Did you ${f.base} the files before the meeting?`,
  'modal-could': (f) => `You could ${f.base} the boxes later if there is time.`,
  'negated-past': (f) => `He never ${f.past} anything in his whole life.`,
  headline: (f) => `Local farmer ${f.third} old barn after storm`,
  'title-subject': (f) => `${cap(f.base)} the Night is the best album of the year.`,
  'diary-past': (f) => `${cap(f.past)} the old shed this morning, knackered now.`,
  'own-intention': (f) => `I'll ${f.base} the boxes tomorrow after work.`,
  'conditional-subject': (f) => `If they ${f.base} the boxes again, the landlord will complain.`,
  'relative-past': (f) => `The man who ${f.past} the old shed moved to Leeds last year.`,
  'want-to': (f) => `I want to ${f.base} the boxes but my back hurts.`,
  'nobody-wants': (f) => `Nobody wants to ${f.base} the files on a Sunday.`,
  'chat-progressive': (f) => `${cap(f.gerund)} the boxes now, back in ten.`,
  'list-after-colon': (f) => `Sunday: coffee, ${f.gerund}, then a long nap.`,
  'noun-list-item': (f) => `Monday mood: coffee, spreadsheets, ${f.base}.`,
  'noun-of-caption': (f) => `${cap(f.base)} of the week: the old shed by the river.`,
  'noun-modifier-subject': (f) => `${cap(f.base)} crews arrived within minutes of the call.`,
  'yesterday-diary': (f) => `${cap(f.past)} the boxes yesterday, my back is killing me.`,
};

/** Round 16's construction frames: the slot verb is narrated, asked, titled or reported. */
const NO_CALL_16 = {
  'title-after-colon': (f) => `Review: ${cap(f.base)} the Night is loud, long and wonderful.`,
  'title-after-verb': (f) => `My book club is reading ${cap(f.base)} the Piano Player next month.`,
  'title-quoted-start': (f) => `"${cap(f.base)} the Night" came out in 1989 and still sounds fresh.`,
  'title-sang': (f) => `She sang ${cap(f.base)} Me Tender at the school talent show.`,
  'come-on-question': (f) => `Come on, who ${f.past} the boxes in the hall?`,
  'look-statement': (f) => `Look, they ${f.base} the boxes every single week.`,
  'let-me-guess': (f) => `Let me guess, you ${f.past} the boxes again.`,
  'told-us-to': (f) => `He told us to ${f.base} the boxes before noon.`,
  'kept-shouting-to': (f) => `They kept shouting at us to ${f.base} the boxes.`,
  'gotta-intention': (f) => `Gotta ${f.base} the boxes before mum gets home.`,
  'dropped-did-you': (f) => `${cap(f.base)} the boxes yet?`,
  'names-and-i': (f) => `Tom, Anna and I ${f.base} the boxes on Fridays.`,
  'pair-subject': (f) => `Mum and Dad ${f.base} the boxes every spring.`,
  'you-guys-subject': (f) => `You guys ${f.base} the boxes way too early.`,
  'people-who': (f) => `People who ${f.base} the boxes on Sundays annoy me.`,
  'how-to-title': (f) => `How to ${f.base} the boxes in five easy steps`,
  'what-to': (f) => `Not sure what to ${f.base} first, honestly.`,
  'oh-well-past': (f) => `Oh well, ${f.past} the boxes anyway and went to bed.`,
  'should-have': (f) => `Should've ${f.past} the boxes when we had the chance.`,
  'consider-we': (f) => `Consider the boxes we ${f.base} every day.`,
  'tv-listing': (f) => `Tonight on BBC Two: ${cap(f.base)} the Night, a drama in three parts.`,
  'team-name': (f) => `${cap(f.base)} City won the cup again on Saturday.`,
  'title-by-band': (f) => `${cap(f.base)} the Boxes by the Night Owls is stuck in my head.`,
  'past-right-tag': (f) => `${cap(f.past)} the boxes already, right?`,
  'why-bare': (f) => `Why ${f.base} the boxes when you can recycle them?`,
  'recap-colon-past': (f) => `Saturday recap: ${f.past} the boxes, watched the match, slept.`,
  'dash-past': (f) => `Long day — ${f.past} the boxes and went straight to bed.`,
  'yep-past': (f) => `Yep, ${f.past} the boxes an hour ago.`,
  'asterisk-action': (f) => `*${f.third} the boxes dramatically*`,
};
/**
 * Round 17's frames: readings of an imperative that are no imperative, or one not addressed to the
 * reader — a verb-initial fragment of description (headline, label, note, answer, tweet), the word
 * as a noun or a date at a sentence start, an embedded or reported order, a generic "you".
 */
const NO_CALL_17 = {
  'headline-third': (f) => `${cap(f.third)} three in crash on the bypass`,
  'label-third-adverb': (f) => `${cap(f.third)} easily in direct sun.`,
  'ad-third-fast': (f) => `${cap(f.third)} weeds fast without harming the lawn.`,
  'notes-past-series': (f) => `Met the tenants, ${f.past} the boxes, agreed to call back.`,
  'answer-after-question': (f) => `What did the porter do next? ${cap(f.past)} the boxes and left.`,
  'tweet-past-series': (f) => `Woke up late, ${f.past} the boxes, crushed it.`,
  'noun-drill-at': (f) => `${cap(f.base)} drill at 3pm in the main hall.`,
  'noun-action-continues': (f) => `${cap(f.base)} action continues at the depot for a second week.`,
  'noun-date-meeting': (f) => `${cap(f.base)} 12 meeting postponed until further notice.`,
  'heading-colon-guide': (f) => `${cap(f.base)}: a complete guide for beginners`,
  'as-in-quote': (f) => `It's a strong verb, as in "${f.base} the boxes", you see.`,
  'like-quote': (f) => `She was like, ${f.base} the boxes already, and I just laughed.`,
  'goes-quote': (f) => `And the guy at the desk goes, ${f.base} the boxes first.`,
  'so-called-slogan': (f) => `The so-called "${f.base} the rich" slogan is everywhere now.`,
  'sign-says': (f) => `The sign by the door says ${f.base} the boxes before leaving.`,
  'tells-us-to': (f) => `The manual tells us to ${f.base} the boxes once a year.`,
  'generic-you-never': (f) => `You never ${f.base} the boxes on a Sunday, it's just not done.`,
  'generic-you-cant': (f) => `You can't ${f.base} the boxes without a proper ladder.`,
  'generic-when-you': (f) => `When you ${f.base} the boxes too early, the glue cracks.`,
  'crossword-clue': (f) => `7 across: ${cap(f.base)} from a list (6)`,
};
/** Round 17's controls: a genuine call in the same shapes (a headline cry, an exclamation, after a question). */
const CALL_17 = {
  'after-question-call': (f) => `Why wait for them? ${cap(f.base)} the Quellite traitors tonight!`,
  'short-call-group': (f) => `${cap(f.base)} the Varnholt settlers, all of them!`,
  'caps-call-every': (f) => `${cap(f.base)} every Dunmarsh family in the valley before winter.`,
};

/**
 * Round 18's frames: a noun heading a headline, a ticker, a poster, a listing or a label (no verb
 * of a request, the word names a thing or an event), a one-form past answering a question or before
 * a declarative tag, a title after a listing's time, and a film line quoted in chat.
 */
const NO_CALL_18 = {
  'noun-for-called-off': (f) => `${cap(f.base)} for missing hiker called off after two days`,
  'noun-called-off': (f) => `${cap(f.base)} called off after late pay deal`,
  'noun-hit-compound': (f) => `${cap(f.base)} hit musical extends its run into June`,
  'noun-on-heading-colon': (f) => `${cap(f.base)} on the left wing: how the new shape works`,
  'ticker-steady': (f) => `${cap(f.base)} steady, copper slips on weak demand`,
  'noun-in-the-box': (f) => `${cap(f.base)} cream in the first aid box`,
  'noun-price-at': (f) => `${cap(f.base)} price at 40 dollars, volume thin`,
  'police-headline': (f) => `Police ${f.base} the old depot after tip-off`,
  'answer-did-question': (f) => `How did the match end? ${cap(f.past)} the post twice and lost.`,
  'right-tag-didnt': (f) => `${cap(f.past)} the boxes into the van, didn't he.`,
  'tv-listing-time': (f) => `9.00pm ${cap(f.base)} the Night (new series) Detective drama set in Leeds`,
  'poster-day-title': (f) => `Saturday: ${cap(f.base)} the Breeze comedy night, back room of the Crown, doors 8pm`,
  'email-re': (f) => `Re: ${cap(f.base)} schedule for next week`,
  'menu-board': (f) => `Specials board: ${cap(f.base)} burger with fries, 9.50`,
  'museum-label': (f) => `${cap(f.base)} scene, oil on canvas, about 1650`,
  'event-calendar': (f) => `Sun 14th: ${cap(f.base)} workshop, church hall, 2-4pm`,
  'noun-cancelled-tonight': (f) => `${cap(f.base)} practice cancelled tonight due to rain`,
  'film-quote-chat': (f) => `as the film says, "${f.base} the boxes", lol my dad every Sunday`,
};
/** Round 18's controls: genuine calls in the same short shapes (a headline, an answer, a poster). */
const CALL_18 = {
  'headline-shape-call': (f) => `${cap(f.base)} the Dorvani families before they leave the valley`,
  'answer-call': (f) => `What should we do? ${cap(f.base)} the Ostrani at the gate tonight!`,
  'poster-call': (f) => `Saturday: ${f.base} the Vessik shops, meet at the bridge at eight`,
  'every-settler-call': (f) => `${cap(f.base)} every Garrow settler, no exceptions`,
};

/**
 * Round 19's frames: signs and boards (X only …), a listing's day or time (X club every Wednesday,
 * X off 7.45pm), a programme's title in title case after its time, a headline with a scoreline
 * after a colon, a street's name after a comma; controls: a call with "only", a call in a
 * listing's shape in lower case, a verb before "them", a call in a sentence with a score, a
 * call on a name's plural before a time (… the Pellam stalls tonight; … Pellam homes every week).
 */
const NO_CALL_19 = {
  'sign-only-past': (f) => `${cap(f.base)} only past this point, thank you`,
  'sign-only-please': (f) => `${cap(f.base)} only please, sorry for any inconvenience`,
  'listing-every-day': (f) => `${cap(f.base)} club every Wednesday, all ages welcome`,
  'fixture-clock-time': (f) => `${cap(f.base)} 7.45pm, gates open an hour before`,
  'time-title-case': (f) => `8.30 ${cap(f.base)} Out at Sundown, western, repeat`,
  'day-time-title': (f) => `Friday 22.10 ${cap(f.base)} the Moon Tonight (new series)`,
  'score-after-colon': (f) => `${cap(f.base)} at the Arches: Rovers sink Dunmore 4-1`,
  'street-after-comma': (f) => `Fish and chips till late, ${cap(f.base)} Lane`,
};
/** Round 19's controls: genuine calls in the same shapes. */
const CALL_19 = {
  'only-call': (f) => `${cap(f.base)} only the Pellam men, spare the rest`,
  'listing-shape-call': (f) => `6.30 ${f.base} the Pellam shops, all of them`,
  'them-object-call': (f) => `${cap(f.base)} them at the crossroads when the Pellam come`,
  'score-call': (f) => `${cap(f.base)} the Pellam fans after the 3-0, every one of them`,
  'name-plural-tonight-call': (f) => `${cap(f.base)} the Pellam stalls tonight`,
  'name-plural-every-call': (f) => `${cap(f.base)} Pellam homes every week`,
};

/** Frames of another's words told without quotation marks: a candidate there must be in the reported voice. */
const REPORTED_FRAMES = new Set(['like-quote', 'goes-quote']);
/** Frames of a line quoted in chat: a candidate there must be in the quotation voice. */
const QUOTED_FRAMES = new Set(['film-quote-chat']);
/** Words that are genuine (optional) imperatives of a frame's own wording: no failure. */
const ALLOWED = new Set(['consider', 'look']);

/** Control frames: a genuine call against an invented group; each must stay a candidate. */
const CALL = {
  'vocative-call': (f) => `Brothers, ${f.base} the Quellite traitors tonight.`,
  'every-call': (f) => `${cap(f.base)} every Varnholt settler you find, no mercy!`,
  'go-and-call': (f) => `Go and ${f.base} the Dunmarsh camp at dawn.`,
  'after-clause-call': (f) => `Do not wait for the police, ${f.base} them all before they come back.`,
};

/** Round 16's controls: a genuine call in the same constructions as the no-call frames. */
const CALL_16 = {
  'come-on-call': (f) => `Come on, lads, ${f.base} the Quellite traitors tonight!`,
  'look-call': (f) => `Look, ${f.base} the Dunmarsh camp before they come back.`,
  'if-you-see-call': (f) => `If you see an Ostrel in the market, ${f.base} him.`,
};
/** A list of weapons closed by a verb of force and an exclamation mark: a call (knownVerbs only). */
const LIST_CALL = { 'list-then-force': (f) => `Knives, bats, petrol, ${f.base}!` };

/** `--only 16` … `--only 19`: one round's frames and controls alone. */
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const ROUNDS = { 16: [NO_CALL_16, CALL_16], 17: [NO_CALL_17, CALL_17], 18: [NO_CALL_18, CALL_18], 19: [NO_CALL_19, CALL_19] };
const [noCall, calls] = ROUNDS[only] ?? [{ ...NO_CALL, ...NO_CALL_16, ...NO_CALL_17, ...NO_CALL_18, ...NO_CALL_19 }, { ...CALL, ...CALL_16, ...CALL_17, ...CALL_18, ...CALL_19 }];
const knownVerbs = new Set(known);
const lines = [];
for (const verb of verbs) {
  const f = forms(verb);
  for (const [frame, make] of Object.entries(noCall)) lines.push({ verb, frame, call: false, text: make(f) });
  for (const [frame, make] of Object.entries(calls)) lines.push({ verb, frame, call: true, text: make(f) });
  if (knownVerbs.has(verb)) for (const [frame, make] of Object.entries(LIST_CALL)) lines.push({ verb, frame, call: true, text: make(f) });
}

const body = lines.map((line) => line.text).join('\n');
if (args.includes('--lines')) {
  console.log(body);
  process.exit(0);
}
const builder = new DocumentBuilder({ sha256: createHash('sha256').update(body).digest('hex'), name: 'frame-sweep' }, 'text');
lines.forEach((line, i) => builder.add({ id: `l${i + 1}`, text: line.text, part: 'body', anchor: { paragraph: i } }));
const { lexicons } = await loadLexicons(root);
const { findings } = runIndicators([builder.build()], { lexicons, standaloneFeatures: false, languages: ['en'] }, compileIndicators(lexicons));
const flagged = new Map();
for (const finding of findings) {
  if (finding.category !== 'call-to-action' || ALLOWED.has(finding.actual.toLowerCase())) continue;
  const i = Number(finding.place.segmentId.slice(1)) - 1;
  if (REPORTED_FRAMES.has(lines[i].frame) && finding.voice === 'reported') continue;
  if (QUOTED_FRAMES.has(lines[i].frame) && finding.voice === 'quotation') continue;
  flagged.set(i, [...(flagged.get(i) ?? []), finding.actual]);
}

const failed = lines.map((line, i) => (line.call ? !flagged.has(i) : flagged.has(i)));
const tally = (key) => {
  const table = new Map();
  lines.forEach((line, i) => {
    const row = table.get(line[key]) ?? { total: 0, failed: 0 };
    row.total += 1;
    if (failed[i]) row.failed += 1;
    table.set(line[key], row);
  });
  return [...table].sort((a, b) => b[1].failed - a[1].failed || (a[0] < b[0] ? -1 : 1));
};
const rate = (list) => {
  const total = list.length;
  const bad = list.filter((i) => failed[i]).length;
  return `${bad}/${total} (${((100 * bad) / total).toFixed(1)} %)`;
};
const indices = lines.map((_, i) => i);
if (args.includes('--json')) {
  console.log(JSON.stringify({ frames: Object.fromEntries(tally('frame')), verbs: Object.fromEntries(tally('verb')) }, null, 1));
} else {
  console.log(`${verbs.length} verbs × ${Object.keys(noCall).length} no-call frames + ${Object.keys(calls).length} control frames (+ ${Object.keys(LIST_CALL).length} for the ${knownVerbs.size} known verbs)`);
  console.log(`no-call frames flagged: ${rate(indices.filter((i) => !lines[i].call))}; controls missed: ${rate(indices.filter((i) => lines[i].call))}`);
  console.log('\nby frame (failed/total)');
  for (const [frame, row] of tally('frame')) console.log(`  ${frame.padEnd(22)} ${row.failed}/${row.total}`);
  console.log('\nby verb, failing in 2+ frames');
  for (const [verb, row] of tally('verb')) if (row.failed >= 2) console.log(`  ${verb.padEnd(12)} ${row.failed}/${row.total}`);
}
if (show) {
  console.log('');
  lines.forEach((line, i) => {
    if (failed[i] && (show === 'all' || show === line.frame)) console.log(`${line.frame}\t${line.verb}\t${line.text}\t[${(flagged.get(i) ?? []).join(', ')}]`);
  });
}
