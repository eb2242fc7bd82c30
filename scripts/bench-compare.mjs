// soz compare (issue 19): recall, precision and boundary accuracy of reused passages planted in
// real carrier texts, and the time to compare 1 MB of seized text against a large library index.
// Usage: npm run bench:compare [-- --library-mb 100] [-- --evidence-mb 1] [-- --json]
// SOZ_DIST overrides the compiled module directory (default ../dist).
//
// Material (../shared/corpora-real/SOURCES.md): the language-ID sentence lists (ru, ky, kk,
// uz_cyrl, uz_latn, tg, en) are split in two by line parity. Even lines form the real library
// items (about 600 words each) that passages are planted from; odd lines and the messages of the
// Russian school chat (whatsapp/ru_android_group_kz_school.pseudonymised.txt) are the carriers.
// The library is brought to its size with filler items whose words are drawn from the real
// vocabulary by frequency (not real text: there is not 100 MB of real text here); they load the
// index as a real library would, with common trigrams and many unrelated postings.
// Everything is seeded: the same run prints the same quality figures.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = process.env.SOZ_DIST ?? join(root, 'dist');
const load = (path) => import(pathToFileURL(join(dist, path)).href);
const { matchWords } = await load('analysis/reuse/words.js');
const { fingerprintItem, mergeIndexes, encodeIndex, decodeIndex } = await load('analysis/reuse/index-data.js');
const { findPassages, DEFAULT_PASSAGE_OPTIONS } = await load('analysis/reuse/passages.js');

const args = process.argv.slice(2);
const arg = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const LIBRARY_MB = arg('--library-mb', 100);
const EVIDENCE_MB = arg('--evidence-mb', 1);
const json = args.includes('--json');
const corpora = join(root, '..', 'shared', 'corpora-real');

let state = 20261206;
const random = () => {
  state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
  return state / 2 ** 32;
};
const pick = (list) => list[Math.floor(random() * list.length)];

// --- material ---------------------------------------------------------------------------------
const LANGS = ['ru', 'ky', 'kk', 'uz_cyrl', 'uz_latn', 'tg', 'en'];
const libraryItems = []; // { lang, text }
const carrierSentences = [];
for (const lang of LANGS) {
  const lines = readFileSync(join(corpora, 'langid', `${lang}.txt`), 'utf8').split('\n').filter((line) => line.trim() !== '');
  let item = [];
  let words = 0;
  lines.forEach((line, i) => {
    if (i % 2 === 1) return carrierSentences.push(line);
    item.push(line);
    words += line.split(/\s+/).length;
    if (words >= 600) {
      libraryItems.push({ lang, text: item.join(' ') });
      item = [];
      words = 0;
    }
  });
  if (words >= 200) libraryItems.push({ lang, text: item.join(' ') });
}
const chat = readFileSync(join(corpora, 'whatsapp', 'ru_android_group_kz_school.pseudonymised.txt'), 'utf8')
  .split('\n')
  .map((line) => line.replace(/^\d\d\.\d\d\.\d{4}, \d\d:\d\d - [^:]+: /, ''))
  .filter((line) => line.trim() !== '' && !line.includes('<Без медиафайлов>'));
carrierSentences.push(...chat);

// Filler vocabulary: every word of the real items, by frequency.
const vocabulary = libraryItems.flatMap((item) => item.text.split(/\s+/).filter((w) => w !== ''));
const fillerText = (n) => {
  const saved = state;
  state = (0x9e3779b9 ^ Math.imul(n + 1, 0x85ebca6b)) >>> 0;
  const words = [];
  for (let i = 0; i < 2500; i++) words.push(pick(vocabulary));
  state = saved;
  return words.join(' ');
};

// --- transformations of a planted passage -----------------------------------------------------
const CYR_TO_LAT = { а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'yo', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya', ң: 'ng', ө: 'ö', ү: 'ü', ә: 'ä', ғ: 'gh', қ: 'q', ұ: 'u', һ: 'h', і: 'i', ҳ: 'h', ҷ: 'j', ӣ: 'i', ӯ: 'u' };
const UZ_CYR_TO_LAT = { ...CYR_TO_LAT, ў: 'oʻ', ғ: 'gʻ', қ: 'q', ҳ: 'h', х: 'x', ц: 's', е: 'e', ё: 'yo', ю: 'yu', я: 'ya', ъ: 'ʼ', й: 'y' };
function transliterate(text, table) {
  let out = '';
  for (const ch of text) {
    const lower = ch.toLowerCase();
    const to = table[lower];
    if (to === undefined) out += ch;
    else out += ch === lower ? to : to.charAt(0).toUpperCase() + to.slice(1);
  }
  return out;
}
const LETTERS = { cyr: 'абвгдежзийклмнопрстуфхцчшщыьэюя', lat: 'abcdefghijklmnopqrstuvwxyz' };
function charNoise(text, rate) {
  let out = '';
  for (const ch of text) {
    if (/\p{L}/u.test(ch) && random() < rate) {
      const r = random();
      const alphabet = /[a-z]/i.test(ch) ? LETTERS.lat : LETTERS.cyr;
      if (r < 0.6) out += pick([...alphabet]);
      else if (r < 0.8) continue;
      else out += ch + ch;
    } else out += ch;
  }
  return out;
}
function retype(text) {
  // Other punctuation and line breaks: commas dropped or added, some spaces become line breaks.
  return text.replace(/,/g, () => (random() < 0.5 ? '' : ',')).replace(/ /g, () => (random() < 0.05 ? '\n' : random() < 0.02 ? ', ' : ' '));
}
function editWords(words) {
  // Words inserted or dropped: about one in 40.
  const out = [];
  for (const w of words) {
    const r = random();
    if (r < 0.012) continue;
    out.push(w);
    if (r > 0.988) out.push(pick(vocabulary));
  }
  return out;
}

// --- evidence with planted passages -----------------------------------------------------------
const NOISE = [0, 0.01, 0.02, 0.03, 0.04, 0.05];
const planted = [];
const evidenceDocs = [];
const docBytes = 100_000;
const totalDocs = Math.max(1, Math.round((EVIDENCE_MB * 1_000_000) / docBytes));
const realWords = libraryItems.map((item) => matchWords(item.text));
for (let d = 0; d < totalDocs; d++) {
  let text = '';
  const plants = [];
  while (Buffer.byteLength(text) < docBytes) {
    text += `${pick(carrierSentences)}\n`;
    if (random() < 0.03) {
      const itemNo = Math.floor(random() * libraryItems.length);
      const item = libraryItems[itemNo];
      const words = realWords[itemNo];
      const length = Math.min(words.keys.length, 40 + Math.floor(random() * 461));
      const start = Math.floor(random() * (words.keys.length - length + 1));
      let passage = item.text.slice(words.starts[start], words.ends[start + length - 1]);
      const noise = pick(NOISE);
      const translit = item.lang !== 'en' && item.lang !== 'uz_latn' && random() < 0.3;
      if (translit) passage = transliterate(passage, item.lang === 'uz_cyrl' ? UZ_CYR_TO_LAT : CYR_TO_LAT);
      passage = retype(editWords(charNoise(passage, noise).split(' ')).join(' '));
      const at = text.length;
      text += `${passage}\n`;
      plants.push({ item: itemNo, itemWords: [start, start + length], chars: [at, at + passage.length], noise, translit, length });
    }
  }
  const words = matchWords(text);
  for (const plant of plants) {
    const from = words.starts.findIndex((s) => s >= plant.chars[0]);
    let to = from;
    while (to < words.starts.length && words.starts[to] < plant.chars[1]) to++;
    planted.push({ ...plant, doc: d, evidenceWords: [from, to], found: null });
  }
  evidenceDocs.push({ text, plants });
}
const evidenceBytes = evidenceDocs.reduce((sum, doc) => sum + Buffer.byteLength(doc.text), 0);

// --- library index ------------------------------------------------------------------------------
const buildStart = performance.now();
const parts = realWords.map((words) => fingerprintItem(words.keys));
let libraryBytes = libraryItems.reduce((sum, item) => sum + Buffer.byteLength(item.text), 0);
let fillers = 0;
const cache = new Map();
while (libraryBytes < LIBRARY_MB * 1_000_000) {
  const text = fillerText(fillers++);
  libraryBytes += Buffer.byteLength(text);
  parts.push(fingerprintItem(matchWords(text, cache).keys));
}
const merged = mergeIndexes(parts);
const bytes = encodeIndex(merged);
const buildMs = performance.now() - buildStart;

// --- compare: load the index from its bytes, then every evidence document -----------------------
const compareStart = performance.now();
const index = decodeIndex(bytes);
const itemKeys = new Map();
const keysOf = (n) => {
  let keys = itemKeys.get(n);
  if (!keys) itemKeys.set(n, (keys = n < libraryItems.length ? realWords[n].keys : matchWords(fillerText(n - libraryItems.length)).keys));
  return keys;
};
const reported = [];
evidenceDocs.forEach((doc, d) => {
  for (const passage of findPassages(matchWords(doc.text).keys, index, keysOf, DEFAULT_PASSAGE_OPTIONS)) reported.push({ ...passage, doc: d });
});
const compareMs = performance.now() - compareStart;

// --- scoring ------------------------------------------------------------------------------------
const overlap = (a, b) => Math.max(0, Math.min(a[1], b[1]) - Math.max(a[0], b[0]));
let truePositives = 0;
for (const passage of reported) {
  const plant = planted.find((p) => p.doc === passage.doc && p.item === passage.item && overlap(p.evidenceWords, passage.evidenceWords) > 0 && overlap(p.itemWords, passage.itemWords) > 0);
  if (!plant) continue;
  truePositives++;
  if (!plant.found || overlap(plant.evidenceWords, passage.evidenceWords) > overlap(plant.evidenceWords, plant.found.evidenceWords)) plant.found = passage;
}
function bucket(filter) {
  const set = planted.filter(filter);
  const found = set.filter((p) => p.found);
  const boundary = found.filter((p) => Math.abs(p.found.itemWords[0] - p.itemWords[0]) <= 5 && Math.abs(p.found.itemWords[1] - p.itemWords[1]) <= 5 && Math.abs(p.found.evidenceWords[0] - p.evidenceWords[0]) <= 5 && Math.abs(p.found.evidenceWords[1] - p.evidenceWords[1]) <= 5);
  return { planted: set.length, recall: set.length ? found.length / set.length : null, boundariesWithin5Words: found.length ? boundary.length / found.length : null };
}
const result = {
  library: { megabytes: +(libraryBytes / 1e6).toFixed(1), realItems: libraryItems.length, fillerItems: fillers, postings: merged.hashes.length, indexMegabytes: +(bytes.length / 1e6).toFixed(1), buildSeconds: +(buildMs / 1000).toFixed(1) },
  evidence: { megabytes: +(evidenceBytes / 1e6).toFixed(2), documents: evidenceDocs.length, planted: planted.length },
  compareSeconds: +(compareMs / 1000).toFixed(2),
  precision: reported.length ? truePositives / reported.length : null,
  reported: reported.length,
  buckets: {
    '50+ words, noise <= 3%': bucket((p) => p.length >= 50 && p.noise <= 0.03),
    '50+ words, noise <= 3%, transliterated': bucket((p) => p.length >= 50 && p.noise <= 0.03 && p.translit),
    '40-49 words, noise <= 3%': bucket((p) => p.length < 50 && p.noise <= 0.03),
    '50+ words, noise 4-5%': bucket((p) => p.length >= 50 && p.noise > 0.03),
    all: bucket(() => true),
  },
};
if (json) console.log(JSON.stringify(result, null, 2));
else {
  const pct = (x) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
  console.log(`library: ${result.library.megabytes} MB (${result.library.realItems} real items, ${result.library.fillerItems} filler items), ${result.library.postings} postings, index ${result.library.indexMegabytes} MB, built in ${result.library.buildSeconds} s`);
  console.log(`evidence: ${result.evidence.megabytes} MB in ${result.evidence.documents} documents, ${result.evidence.planted} planted passages`);
  console.log(`compare (index load + all documents): ${result.compareSeconds} s`);
  console.log(`precision: ${pct(result.precision)} of ${result.reported} reported passages`);
  for (const [name, b] of Object.entries(result.buckets)) console.log(`  ${name}: ${b.planted} planted, recall ${pct(b.recall)}, boundaries within 5 words ${pct(b.boundariesWithin5Words)}`);
}
if (args.includes('--misses')) {
  for (const p of planted) {
    const bad = !p.found || Math.abs(p.found.itemWords[0] - p.itemWords[0]) > 5 || Math.abs(p.found.itemWords[1] - p.itemWords[1]) > 5 || Math.abs(p.found.evidenceWords[0] - p.evidenceWords[0]) > 5 || Math.abs(p.found.evidenceWords[1] - p.evidenceWords[1]) > 5;
    if (!bad) continue;
    const others = reported.filter((r) => r.doc === p.doc && r.item === p.item && overlap(r.evidenceWords, p.evidenceWords) > 0).map((r) => `e${r.evidenceWords} i${r.itemWords} same ${r.sameWords}`);
    console.log(`miss: doc ${p.doc} item ${p.item} planted e${p.evidenceWords} i${p.itemWords} noise ${p.noise} translit ${p.translit}; found: ${others.join(' | ') || 'nothing'}`);
  }
}
