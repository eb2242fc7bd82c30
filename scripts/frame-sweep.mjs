// Frame sweep of the English imperative reading (issue 14, round 15): every verb the call-to-action
// lexicon names (and the everyday verbs of the blind batches) put into frames where a careful
// examiner takes no call — narrative past, third person, purpose infinitive, gerund subject,
// question, modal, headline, title, diary with I left out, compound noun … — and into control
// frames where it is a genuine call against an invented group. A FRAME that fails for many verbs is
// a structural defect of the reading; a VERB that fails in many frames is a bad entry. The frames
// are general (a slot for the verb, a neutral object), written for soz, not copied from any batch.
// Usage: npm run build && node scripts/frame-sweep.mjs [--show FRAME|all] [--json]
// A failure is a call-to-action candidate on a no-call frame's line, or none on a control's line.
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

/** Control frames: a genuine call against an invented group; each must stay a candidate. */
const CALL = {
  'vocative-call': (f) => `Brothers, ${f.base} the Quellite traitors tonight.`,
  'every-call': (f) => `${cap(f.base)} every Varnholt settler you find, no mercy!`,
  'go-and-call': (f) => `Go and ${f.base} the Dunmarsh camp at dawn.`,
  'after-clause-call': (f) => `Do not wait for the police, ${f.base} them all before they come back.`,
};

const lines = [];
for (const verb of verbs) {
  const f = forms(verb);
  for (const [frame, make] of Object.entries(NO_CALL)) lines.push({ verb, frame, call: false, text: make(f) });
  for (const [frame, make] of Object.entries(CALL)) lines.push({ verb, frame, call: true, text: make(f) });
}

const body = lines.map((line) => line.text).join('\n');
const builder = new DocumentBuilder({ sha256: createHash('sha256').update(body).digest('hex'), name: 'frame-sweep' }, 'text');
lines.forEach((line, i) => builder.add({ id: `l${i + 1}`, text: line.text, part: 'body', anchor: { paragraph: i } }));
const { lexicons } = await loadLexicons(root);
const { findings } = runIndicators([builder.build()], { lexicons, standaloneFeatures: false, languages: ['en'] }, compileIndicators(lexicons));
const flagged = new Map();
for (const finding of findings) {
  if (finding.category !== 'call-to-action') continue;
  const i = Number(finding.place.segmentId.slice(1)) - 1;
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
  console.log(`${verbs.length} verbs × ${Object.keys(NO_CALL).length} no-call frames + ${Object.keys(CALL).length} control frames`);
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
