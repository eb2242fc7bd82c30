#!/usr/bin/env node
// CPU of the English imperative test (src/language/imperative-en.ts, where the English tagger is
// called) on the English sentences of the generated Telegram export (its 30-word vocabulary,
// scripts/telegram-export.mjs), in this process, against another build's when given: the two
// alternate on the same texts (fresh texts per round, so no cache of either answers), and their
// answers must be the same. Less noisy on a shared machine than timing whole `soz analyze` runs:
// no start-up, no other stage, one process.
//
//   node scripts/bench-english-imperatives.mjs [--baseline DIR] [--rounds 4] [--texts 1500]
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { mulberry32 } from './seeded-random.mjs';
import { WORDS } from './telegram-export.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : fallback);
const here = fileURLToPath(new URL('..', import.meta.url));
const builds = [['this build', here], ...(option('baseline', '') !== '' ? [['baseline', option('baseline', '')]] : [])];
const rounds = Number(option('rounds', '4'));
const perRound = Number(option('texts', '1500'));
const load = (root, path) => import(pathToFileURL(join(root, 'dist', path)).href);
const { tokenize } = await load(here, 'language/tokenize.js');
const tests = await Promise.all(builds.map(async ([, root]) => (await load(root, 'language/imperative-en.js')).englishImperatives));
// The knownVerbs of en.call-to-action.imperative that the vocabulary can meet.
const known = new Set(['take', 'go', 'come']);

/** A message of two sentences as telegram-export.mjs writes them: 4–25 words, capitalised, . or ?. */
const rand = mulberry32(20261207);
const sentence = () => {
  const words = Array.from({ length: 4 + Math.floor(rand() * 22) }, () => WORDS.en[Math.floor(rand() * WORDS.en.length)]);
  const text = words.join(' ');
  return `${text[0].toUpperCase()}${text.slice(1)}${rand() < 0.2 ? '?' : '.'}`;
};
/** The words of `text` as the matcher prepares them for the test: range, lower-case form, sentence start. */
function wordsOf(text) {
  const words = [];
  let sentenceStart = true;
  for (const token of tokenize(text)) {
    if (token.kind === 'punct' && /[.!?]/u.test(token.text)) sentenceStart = true;
    if (token.kind !== 'word') continue;
    words.push({ start: token.range[0], end: token.range[1], normalised: token.text.toLowerCase(), sentenceInitial: sentenceStart });
    sentenceStart = false;
  }
  return words;
}

const cpu = builds.map(() => 0);
for (let round = 0; round < rounds; round++) {
  const texts = Array.from({ length: perRound }, () => `${sentence()} ${sentence()}`).map((text) => [text, wordsOf(text)]);
  const answers = [];
  // Alternate which build goes first: the first pays for warming the shared tokenizer.
  for (const b of round % 2 === 0 ? builds.keys() : [...builds.keys()].reverse()) {
    const start = process.cpuUsage();
    answers[b] = texts.map(([text, words]) => [...tests[b](text, words, known)].join(',')).join('|');
    const used = process.cpuUsage(start);
    if (round > 0) cpu[b] += (used.user + used.system) / 1000;
  }
  if (answers.some((a) => a !== answers[0])) {
    console.error(`round ${round + 1}: the builds answer differently`);
    process.exit(1);
  }
}
const texts = (rounds - 1) * perRound;
builds.forEach(([name, root], b) => console.log(`${name} (${root}): ${(cpu[b] / texts).toFixed(3)} ms CPU per message of two sentences (${texts} messages after a warm-up round)`));
if (builds.length > 1) console.log(`ratio ${(cpu[0] / cpu[1]).toFixed(2)}; the same imperatives in every message`);
