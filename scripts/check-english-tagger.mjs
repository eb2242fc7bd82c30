#!/usr/bin/env node
// The prebuilt English tagger (dist/data-cache/english-tagger.js, scripts/build-english-tagger.mjs)
// against `require('compromise')` on every English text at hand: each line of
// ../shared/corpora-real/langid/en.txt, every line written mostly in Latin letters in every file of
// ../shared/corpora-real that soz's adapters read (chats, PDFs, DOCX, HTML; whatever the language,
// so English inside a Russian chat is covered), and every item of the English findings set
// (corpora/eval/findings/en.yaml). Compared per text: each term's text, spacing, normal form, tags,
// chunk and offset; and the same but the chunk through soz's `tagEnglish` (it leaves the chunker out). Prints the counts; exit 1 on the first difference. Run after `npm run build`.
// With --tokenizer, only soz's tokenizer (`tokenizeEnglish`, term parses remembered) against
// compromise's `fromString`, every field and key order, on every line of those files whatever its script: minutes instead of an hour.
// With --batch, soz's batch tagging (`prepareEnglish`, round 16) against its lone tagging: the texts
// tagged 32 at a time, each batch document compared field by field with the text tagged alone, on
// those texts, the blind batches (corpora/eval/blind) and the mostly Latin lines of any evidence
// file named after --also (the generated Telegram export of bench-analyze).
// With --answers (round 18), what the analysis reads of the tagger, not its tags: the answers of
// `englishImperatives` (which words open an imperative) and of the antecedent search
// (`englishPronounNamesNoGroup`, for every they / them / their / we / us / our) given by soz's
// tagging as the analysis runs it (the windows and stretches named, tagged in batches by
// `prepareEnglish`, then asked) against the same modules reading compromise's package `nlp` (every
// hook, the chunker too; loaded as a second instance of imperative-en.js and antecedent-en.js whose
// tagger import is the package). Both sides run the same reading, so the check holds whatever the
// reading becomes: rerun it after any change to the tagger or to those modules. Texts: each whole
// segment and each of its lines of those files, the blind batches, the frame-sweep sentences
// (`scripts/frame-sweep.mjs --lines`), the English eval items and the files after --also.
//
//   node scripts/check-english-tagger.mjs [--tokenizer | --batch | --answers] [--also FILE…]
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire, register } from 'node:module';
import { basename, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { fingerprint, taggerReading } from './build-english-tagger.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const load = (path) => import(pathToFileURL(join(root, 'dist', path)).href);
const { loadPrebuiltEnglishTagger, prepareEnglish, tagEnglish, tokenizeEnglish } = await load('language/english-tagger.js');
const { inputFromBytes, collectDocuments, DEFAULT_LIMITS } = await load('ingest/adapter.js');
const { adapterFor } = await load('ingest/registry.js');
const { sniffMediaType } = await load('ingest/sniff.js');
const { loadEvalSet } = await load('analysis/eval/index.js');

const prebuilt = loadPrebuiltEnglishTagger(root);
if (prebuilt === undefined) {
  console.error('no prebuilt English tagger in dist/data-cache/ for the installed compromise: run npm run build');
  process.exit(2);
}
const nlp = createRequire(join(root, 'package.json'))('compromise');
const corpora = join(root, '..', 'shared', 'corpora-real');
if (!existsSync(corpora)) {
  console.error(`missing ${corpora}: the real corpora live in ../shared/corpora-real beside the repository`);
  process.exit(2);
}

const tokenizerOnly = process.argv.includes('--tokenizer');
const batched = process.argv.includes('--batch');
const answering = process.argv.includes('--answers');
const also = process.argv.includes('--also') ? process.argv.slice(process.argv.indexOf('--also') + 1) : [];
const fromString = (text) => nlp._world.methods.one.tokenize.fromString(text, nlp._world);

let texts = 0;
let characters = 0;
/**
 * How soz's reading of `text` differs from the package's: '' when it does not; else which one —
 * the prebuilt tagger, soz's `tagEnglish` (all but the chunks: it leaves the chunker out), or with
 * `--tokenizer` only soz's tokenizer against `fromString`.
 */
function difference(text) {
  if (tokenizerOnly) return fingerprint(tokenizeEnglish(text)) === fingerprint(fromString(text)) ? '' : ' tokens';
  if (taggerReading(prebuilt, text) !== taggerReading(nlp, text)) return ' (prebuilt)';
  return taggerReading(tagEnglish, text, ['chunk']) === taggerReading(nlp, text, ['chunk']) ? '' : ' through tagEnglish';
}

/** Texts waiting for their batch (--batch), with where they come from. */
let waiting = [];

/** Tags the waiting texts in one batch and compares each batch document with the text tagged alone; stops at the first difference. */
function checkBatch() {
  prepareEnglish(waiting.map(([, text]) => text));
  // The first ask of a text is given its batch document; the second is tagged alone.
  const fromBatch = waiting.map(([, text]) => taggerReading(tagEnglish, text));
  for (const [k, [where, text]] of waiting.entries()) {
    if (fromBatch[k] !== taggerReading(tagEnglish, text)) {
      console.error(`DIFFERENT in a batch: ${where}: «${text.slice(0, 200)}»`);
      process.exit(1);
    }
  }
  waiting = [];
}

/** Texts whose tagger texts are named and tagged together with --answers, as the analysis plans 64 segments at a time. */
const ANSWER_BATCH = 64;
const answers = answering ? await answerReaders() : undefined;

/**
 * The answer readers of --answers: soz's modules as the analysis loads them, and a second instance
 * of imperative-en.js and antecedent-en.js (their URL with `?package`) whose `./english-tagger.js`
 * is resolved to a module giving compromise's package `nlp` (a module resolve hook).
 */
async function answerReaders() {
  const packageTagger = `data:text/javascript,${encodeURIComponent(`import { createRequire } from 'node:module'; const nlp = createRequire(${JSON.stringify(join(root, 'package.json'))})('compromise'); export const tagEnglish = (text) => nlp(text); export const prepareEnglish = () => {};`)}`;
  const hook = `export async function resolve(specifier, context, next) { return specifier === './english-tagger.js' && context.parentURL?.endsWith('?package') ? { url: ${JSON.stringify(packageTagger)}, shortCircuit: true } : next(specifier, context); }`;
  register(`data:text/javascript,${encodeURIComponent(hook)}`);
  const url = (path) => pathToFileURL(join(root, 'dist', path)).href;
  const { segmentWords, preparedWords } = await import(url('analysis/segment-words.js'));
  const { compileLanguage } = await import(url('analysis/matcher.js'));
  const { loadLexicons } = await import(url('analysis/index.js'));
  const knownVerbs = compileLanguage((await loadLexicons(root)).lexicons, 'en').knownVerbs;
  const reader = async (query) => ({ ...(await import(url('language/imperative-en.js') + query)), ...(await import(url('language/antecedent-en.js') + query)) });
  return { soz: await reader(''), package: await reader('?package'), tokens: (text) => preparedWords(segmentWords(text), 'en'), knownVerbs };
}

/** The pronouns the antecedent search answers for (its 3rd and 1st person plurals). */
const ANSWERED_PRONOUNS = new Set(['they', 'them', 'their', 'theirs', 'themselves', 'we', 'us', 'our']);
/** Texts and words whose answers were compared with --answers: imperatives found, pronouns asked. */
const answerCounts = { imperatives: 0, pronouns: 0 };

/** The answers `reader` gives for `text`: the imperative word indices, then each pronoun's index and answer. */
function answersOf(reader, text, tokens) {
  const imperatives = [...reader.englishImperatives(text, tokens, answers.knownVerbs)].sort((a, b) => a - b);
  const pronouns = tokens.flatMap((token, i) => (ANSWERED_PRONOUNS.has(token.normalised) ? [`${i}${reader.englishPronounNamesNoGroup(text, tokens, i) ? '+' : '-'}`] : []));
  return { imperatives, pronouns, text: `imperatives ${imperatives.join(',')}; pronouns ${pronouns.join(',')}` };
}

/**
 * --answers: soz's answers for the waiting texts as the analysis gets them (each text's windows and
 * stretches named, tagged in one batch, then asked) against the package's; stops at the first difference.
 */
function checkAnswers() {
  const tokens = waiting.map(([, text]) => answers.tokens(text));
  prepareEnglish(waiting.flatMap(([, text], k) => [...answers.soz.englishImperativeWindows(text, tokens[k], answers.knownVerbs), ...answers.soz.englishReferentStretches(text, tokens[k])]));
  for (const [k, [where, text]] of waiting.entries()) {
    const soz = answersOf(answers.soz, text, tokens[k]);
    const reference = answersOf(answers.package, text, tokens[k]);
    if (soz.text !== reference.text) {
      console.error(`DIFFERENT answers: ${where}: «${text.slice(0, 200)}»\n  soz:     ${soz.text}\n  package: ${reference.text}`);
      process.exit(1);
    }
    answerCounts.imperatives += soz.imperatives.length;
    answerCounts.pronouns += soz.pronouns.length;
  }
  waiting = [];
}

/** Compares soz's reading of `text` with the package's (with --batch: its batch reading with its lone one); stops the run at the first difference. */
function check(where, text) {
  texts++;
  characters += text.length;
  if (batched || answering) {
    waiting.push([where, text]);
    if (answering && waiting.length === ANSWER_BATCH) checkAnswers();
    else if (!answering && waiting.length === 32) checkBatch();
    return;
  }
  const different = difference(text);
  if (different !== '') {
    console.error(`DIFFERENT${different}: ${where}: «${text.slice(0, 200)}»`);
    process.exit(1);
  }
}

/** A line with a Latin word whose letters are at least half Latin: English, or text read as it. */
const latinLine = (line) => /[A-Za-z]{2}/u.test(line) && (line.match(/[A-Za-z]/gu)?.length ?? 0) * 2 >= (line.match(/\p{L}/gu)?.length ?? 0);
const files = (folder) => readdirSync(folder, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? files(join(folder, entry.name)) : [join(folder, entry.name)]));

for (const [n, line] of readFileSync(join(corpora, 'langid', 'en.txt'), 'utf8').split('\n').entries()) if (line.trim() !== '') check(`langid/en.txt:${n + 1}`, line);
const langidTexts = texts;

let lines = 0;
const blind = join(root, 'corpora', 'eval', 'blind');
const evidence = [...files(corpora).sort(), ...(batched || answering ? [...files(blind).sort(), ...also] : [])];
for (const file of evidence) {
  const rel = relative(corpora, file);
  if (rel.startsWith('langid') || /\.(md|tsv)$/u.test(file) || statSync(file).size === 0) continue;
  const bytes = new Uint8Array(readFileSync(file));
  const input = inputFromBytes(bytes, { name: basename(file), sha256: createHash('sha256').update(bytes).digest('hex'), mediaType: sniffMediaType(bytes.subarray(0, 65536)), limits: DEFAULT_LIMITS });
  let documents;
  try {
    documents = await collectDocuments(adapterFor(input).extract(input));
  } catch (error) {
    console.log(`  ${rel}: not read (${error.message.split('\n')[0]})`);
    continue;
  }
  const before = lines;
  for (const document of documents) {
    for (const segment of document.segments) {
      const text = document.text.slice(segment.range[0], segment.range[1]);
      // The analysis reads a whole segment: its answers are compared too, then each of its lines.
      if (answering && text.includes('\n') && latinLine(text)) {
        check(`${rel} ${segment.id}`, text);
        lines++;
      }
      for (const line of text.split('\n')) {
        // The tokenizer is cheap: with --tokenizer every line is compared, whatever its script.
        if (!tokenizerOnly && !latinLine(line)) continue;
        check(`${rel} ${segment.id}`, line);
        lines++;
      }
    }
  }
  console.log(`  ${rel}: ${lines - before} lines`);
}

const english = (await loadEvalSet(root)).filter((item) => item.language === 'en');
for (const item of english) check(`eval ${item.id}`, item.text);
let frameLines = 0;
if (answering) {
  const sweep = spawnSync(process.execPath, [join(root, 'scripts', 'frame-sweep.mjs'), '--lines'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (sweep.status !== 0) {
    console.error(`frame-sweep.mjs --lines failed: ${sweep.stderr}`);
    process.exit(2);
  }
  for (const [n, line] of sweep.stdout.split('\n').entries()) {
    if (line.trim() === '') continue;
    check(`frame-sweep line ${n + 1}`, line);
    frameLines++;
  }
}
if (waiting.length > 0) {
  if (answering) checkAnswers();
  else checkBatch();
}
if (answering) {
  console.log(`same answers through soz's tagging as through the package: ${langidTexts} lines of langid/en.txt, ${lines} mostly Latin lines and multi-line segments in the other files of corpora-real, the blind batches and the files after --also, ${english.length} English eval items, ${frameLines} frame-sweep sentences (${texts} texts, ${characters} characters; ${answerCounts.imperatives} imperatives found, ${answerCounts.pronouns} pronouns answered)`);
  process.exit(0);
}

console.log(`${tokenizerOnly ? 'same tokens' : batched ? 'same documents in a batch as alone' : 'same tags and offsets'}: ${langidTexts} lines of langid/en.txt, ${lines} ${tokenizerOnly ? '' : 'mostly Latin '}lines in the other files of corpora-real${batched ? ', the blind batches and the files after --also' : ''}, ${english.length} English eval items (${texts} texts, ${characters} characters)`);
