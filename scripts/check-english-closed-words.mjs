#!/usr/bin/env node
// The closed-class words soz answers without the English tagger at a clause start
// (`ENGLISH_CLOSED_CLASS_WORDS`, src/language/imperative-en.ts) against the tagger itself: each
// word is tagged at a clause start in many contexts — after a sentence start, a colon, a
// semicolon, a dash, and / then / or, behind the words compromise's rules look for before a
// target (I, must, March, had, were, let, make, do not, a name, …), then followed by the rest of
// real English sentences (every 30th line of ../shared/corpora-real/langid/en.txt) and by the
// words those rules look for after one (the people, the 3rd, hundred, percent, me, …). A base-verb
// reading (Imperative or Infinitive, as `isBaseVerb` reads it) of a listed word anywhere is a
// word that must leave the list: its answer could differ from the tagger's. Exit 1 when one is
// found. Run after `npm run build`; about 12,000 taggings per word.
//
//   node scripts/check-english-closed-words.mjs [word,word,…]   # the list, or the words given
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const load = (path) => import(pathToFileURL(join(root, 'dist', path)).href);
const { tagEnglish } = await load('language/english-tagger.js');
const { ENGLISH_CLOSED_CLASS_WORDS, NOT_IMPERATIVE_TAGS } = await load('language/imperative-en.js');

const isBaseVerb = (tags) => (tags.has('Imperative') || tags.has('Infinitive')) && !NOT_IMPERATIVE_TAGS.some((tag) => tags.has(tag));
const words = process.argv[2] !== undefined ? process.argv[2].split(',') : [...ENGLISH_CLOSED_CLASS_WORDS];
const sentences = readFileSync(join(root, '..', 'shared', 'corpora-real', 'langid', 'en.txt'), 'utf8').split('\n').filter((line) => line.trim() !== '');
const rests = [
  ...sentences.filter((_, n) => n % 30 === 0).map((line) => line.split(' ').slice(1).join(' ')),
  ...['the people', 'the man', 'me', 'the 3rd', 'in the house', 'up the road', 'hundred', 'half of the', 'percent', 'school', 'is good', 'the end of the day', 'them out', 'not', 'you', 'it'],
];
const before = ['I', 'i', 'We', 'must', 'March', 'had', 'have', 'were', 'was', 'go', 'is', 'will', 'let', 'make', 'does', 'did', 'how', 'ready', 'Please', 'Do not', 'the', 'a', 'my', '3', 'Dr. Smith', 'They', 'brothers', 'Guns'];
const separators = [':', ' —', ';', ' and', ' then', ' or', ' –', ' -'];

let taggings = 0;
const found = [];
/** Tags `text` and notes a base-verb reading of the term that starts at `offset`. */
function check(word, text, offset) {
  const doc = tagEnglish(text);
  doc.compute('offset');
  taggings++;
  for (const terms of doc.document) for (const term of terms) if (term.offset?.start === offset && isBaseVerb(term.tags)) found.push([word, text]);
}
for (const word of words) {
  const capitalised = `${word[0].toUpperCase()}${word.slice(1)}`;
  for (const rest of rests) {
    check(word, `${capitalised} ${rest}`, 0);
    for (const lead of before) {
      check(word, `${capitalised} ${lead} ${rest}`, 0);
      for (const separator of separators) check(word, `${lead}${separator} ${word} ${rest}`, `${lead}${separator} `.length);
    }
  }
}
console.log(`${words.length} words, ${taggings} taggings: ${found.length} base-verb readings`);
for (const [word, text] of found.slice(0, 20)) console.log(`  ${word}: «${text}»`);
process.exit(found.length > 0 ? 1 : 0);
