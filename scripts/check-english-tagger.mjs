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
//
//   node scripts/check-english-tagger.mjs [--tokenizer | --batch [--also FILE…]]
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
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

/** Compares soz's reading of `text` with the package's (with --batch: its batch reading with its lone one); stops the run at the first difference. */
function check(where, text) {
  texts++;
  characters += text.length;
  if (batched) {
    waiting.push([where, text]);
    if (waiting.length === 32) checkBatch();
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
const evidence = [...files(corpora).sort(), ...(batched ? [...files(blind).sort(), ...also] : [])];
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
      for (const line of document.text.slice(segment.range[0], segment.range[1]).split('\n')) {
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
if (waiting.length > 0) checkBatch();

console.log(`${tokenizerOnly ? 'same tokens' : batched ? 'same documents in a batch as alone' : 'same tags and offsets'}: ${langidTexts} lines of langid/en.txt, ${lines} ${tokenizerOnly ? '' : 'mostly Latin '}lines in the other files of corpora-real${batched ? ', the blind batches and the files after --also' : ''}, ${english.length} English eval items (${texts} texts, ${characters} characters)`);
