/**
 * Language identification: franc 6's trigram distance (restricted to the candidates of the text's
 * script) combined with evidence kept as data in `sop/language/` — alphabets (letters foreign to a
 * language count against it), marker patterns, function words and typical endings.
 *
 * Mixed texts are split into blocks: a new block starts where the script changes, and sentences of
 * one script are grouped until a block has at least {@link BLOCK_LETTERS} letters. Each block is
 * identified on its own; `shares` are the letter-weighted shares of the blocks' languages.
 * @mentions and URLs are names, not language: they are skipped.
 *
 * Speed (≥ 20,000 short segments per second per core is the target): words are read by one pass
 * over the UTF-16 code units; word-level evidence is cached per word; trigrams are small integers
 * looked up once for all candidates (`trigram.ts`).
 */
import { languageData, type LanguageData, type LanguageFile } from './data.js';
import { MAX_DIFFERENCE, trigramDistances, trigramTable, type FrancScript, type TrigramTable } from './trigram.js';
import { scriptOfCode, scriptFromCounts, type ScriptCounts } from './script.js';
import { WordMatcher, type MarkerSpec, type WordMatch } from './markers.js';
import { compilePlainPairs, pairChoice, pairEvidence, pairLetterSum, pairWordScore, type PairTally, type PlainPair } from './plain-pair.js';
import { letterPairCount } from './letter-pairs.js';
import type { LanguageCode, LanguageGuess, Script } from './types.js';
import { grown } from '../core/typed-arrays.js';
import { escapeRegExp } from '../core/regexp.js';

/** Letters a block of one script collects before a sentence boundary may close it. */
export const BLOCK_LETTERS = 40;

type BlockScript = 'cyrillic' | 'latin' | 'arabic';

const FRANC_SCRIPT: Record<BlockScript, FrancScript> = { cyrillic: 'Cyrillic', latin: 'Latin', arabic: 'Arabic' };

interface CompiledLanguage {
  readonly code: LanguageCode;
  readonly franc: string;
  readonly letters: ReadonlySet<string>;
  readonly rareLetters: ReadonlySet<string>;
  readonly markers: ReadonlyArray<{ pattern: string; weight: number; final: boolean; native: boolean }>;
  readonly functionWords: readonly string[];
  /** Function words as typed on a Russian keyboard, where that differs from every listed form. */
  readonly plainFunctionWords: readonly string[];
  /** The language's own letters → the Russian-keyboard letters typed for them (`plain_keyboard`). */
  readonly plain: Readonly<Record<string, string>> | undefined;
  /** Whether a block typed plainly is compared with the language's trigram model as typed plainly. */
  readonly plainTrigrams: boolean;
  readonly endings: readonly string[];
  /** Vowel classes by UTF-16 code unit: 1 front, 2 back, 0 neither. */
  readonly harmony: { classes: Uint8Array; weight: number } | undefined;
  readonly signature: ReadonlyArray<{ letters: ReadonlySet<string>; rate: number }>;
}

/**
 * Letters of one script that tell its candidates apart (foreign or rare to one of them, or part of
 * a signature), numbered as they are first met. Everything else about a letter is the same for
 * every candidate and cannot change a ranking.
 */
interface TrackedLetters {
  /** UTF-16 code unit → slot + 1 (0: not yet seen; −1 is stored as 0x7fffffff: seen, not tracked). */
  readonly slotOf: Int32Array;
  /** Per slot: penalty weight per candidate (0 for a letter of the candidate's alphabet). */
  readonly penalty: Float64Array[];
  /** Per slot: bit mask of the candidate's signatures the letter belongs to, per candidate. */
  readonly signatureBits: Uint8Array[];
  /** Per slot: 1 for a candidate whose own letter it is (a key of its `plain_keyboard`), else 0. */
  readonly own: Uint8Array[];
}

interface ScriptModel {
  readonly script: BlockScript;
  readonly candidates: readonly CompiledLanguage[];
  readonly table: TrigramTable;
  readonly tracked: TrackedLetters;
  /** Neighbours decided between by their plain-typed evidence (`plain_pairs`, round 15). */
  readonly pairs: readonly PlainPair[];
  /** Word → offset of its evidence in `pool` (see {@link wordEvidence}). */
  readonly words: Map<string, number>;
  /**
   * Word evidence, one entry per cached word: n scores, a flag (1 if final-position markers
   * matched), n final-position scores, the number k of tracked letters, k slots. One growing
   * buffer instead of small arrays per word keeps the garbage collector out of the hot path.
   */
  pool: Float64Array;
  used: number;
  matcher: WordMatcher | undefined;
}

interface Model {
  readonly byScript: Readonly<Record<BlockScript, ScriptModel>>;
  weights: IdentificationWeights;
  readonly thresholds: { minLetters: number; unclearMargin: number; shortLetters: number };
}

/** Weights combining the evidence (see `sop/language/identification.yaml`). */
export type IdentificationWeights = LanguageData['identification']['weights'];

let model: Model | undefined;

/**
 * Runs `fn` with some weights replaced — for tuning scripts and tests only; the shipped weights
 * live in `sop/language/identification.yaml`.
 */
export function withIdentificationWeights<T>(overrides: Partial<IdentificationWeights>, fn: () => T): T {
  const m = getModel();
  const saved = m.weights;
  m.weights = { ...saved, ...overrides };
  clearIdentificationCache();
  try {
    return fn();
  } finally {
    m.weights = saved;
    clearIdentificationCache();
  }
}

function compile(file: LanguageFile): CompiledLanguage {
  const id = file.identification;
  const functionWords = id.function_words.map(unifyApostrophes);
  return {
    code: file.language,
    franc: id.franc,
    letters: new Set(id.letters),
    rareLetters: new Set(id.rare_letters ?? ''),
    markers: id.markers.map((m) => ({ pattern: m.pattern, weight: m.weight, final: m.position === 'final', native: m.spelling === 'native' })),
    functionWords,
    plainFunctionWords: plainSpellings(functionWords, id.plain_keyboard),
    plain: id.plain_keyboard,
    plainTrigrams: id.plain_trigrams === true,
    endings: id.endings,
    harmony: id.harmony ? { classes: vowelClasses(id.harmony.front, id.harmony.back), weight: id.harmony.weight } : undefined,
    signature: (id.signature ?? []).map((s) => ({ letters: new Set(s.letters), rate: s.rate })),
  };
}

/**
 * `words` as typed on a Russian keyboard (`plain` maps the language's own letters), those that
 * differ from every word of the list, in list order without repeats.
 */
export function plainSpellings(words: readonly string[], plain: Readonly<Record<string, string>> | undefined): string[] {
  if (!plain) return [];
  const listed = new Set(words);
  const typed = words.map((w) => [...w].map((ch) => plain[ch] ?? ch).join(''));
  return [...new Set(typed.filter((w) => !listed.has(w)))];
}

function vowelClasses(front: string, back: string): Uint8Array {
  let max = 0;
  for (const ch of front + back) max = Math.max(max, ch.charCodeAt(0));
  const classes = new Uint8Array(max + 1);
  for (const ch of front) classes[ch.charCodeAt(0)] = 1;
  for (const ch of back) classes[ch.charCodeAt(0)] = 2;
  return classes;
}

function getModel(): Model {
  if (model) return model;
  const data = languageData();
  const lists: Record<BlockScript, CompiledLanguage[]> = { cyrillic: [], latin: [], arabic: [] };
  for (const file of data.languages.values()) {
    lists[file.script === 'Cyrillic' ? 'cyrillic' : file.script === 'Latin' ? 'latin' : 'arabic'].push(compile(file));
  }
  const scriptModel = (script: BlockScript): ScriptModel => ({
    script,
    candidates: lists[script],
    table: trigramTable(FRANC_SCRIPT[script], lists[script].map((c) => c.franc), lists[script].map((c) => (c.plainTrigrams ? c.plain : undefined))),
    tracked: { slotOf: new Int32Array(0x10000), penalty: [], signatureBits: [], own: [] },
    pairs: compilePlainPairs(data.identification.plain_pairs, lists[script]),
    words: new Map(),
    pool: new Float64Array(1 << 16),
    used: 0,
    matcher: undefined,
  });
  model = {
    byScript: { cyrillic: scriptModel('cyrillic'), latin: scriptModel('latin'), arabic: scriptModel('arabic') },
    weights: data.identification.weights,
    thresholds: data.identification.thresholds,
  };
  return model;
}

/** Uzbek oʻ gʻ are typed with many apostrophes; read every variant after o/g as ʻ, others as ʼ. */
export function unifyApostrophes(word: string): string {
  return word.replace(/([og])['‘’ʼ`ʻ]/g, '$1ʻ').replace(/['‘’`]/g, 'ʼ');
}

// Latin letters that look like Cyrillic ones, read as Cyrillic inside mostly-Cyrillic words (and the
// reverse), so that evasion or keyboard noise does not split a word between scripts.
const LATIN_TO_CYR: Record<string, string> = { a: 'а', c: 'с', e: 'е', o: 'о', p: 'р', x: 'х', y: 'у', i: 'і', k: 'к', m: 'м', h: 'һ', t: 'т', b: 'в' };
const CYR_TO_LATIN: Record<string, string> = { а: 'a', с: 'c', е: 'e', о: 'o', р: 'p', х: 'x', у: 'y', і: 'i', к: 'k', м: 'm', т: 't', в: 'b' };

function mapChars(word: string, table: Record<string, string>): string {
  let out = '';
  for (const c of word) out += table[c] ?? c;
  return out;
}

const BLOCK_SCRIPTS: readonly BlockScript[] = ['cyrillic', 'latin', 'arabic'];

/** Flag of a word: a sentence boundary follows it. */
const SENTENCE_END = 1;
/** Flag of a word: it ends a sentence (a boundary follows, or it is the text's last word). */
const FINAL = 2;
/** Flag of a word: all capitals, 2–4 letters — an abbreviation, not evidence of a language when other words exist. */
const ACRONYM = 4;

/**
 * The words of the text being identified, as parallel arrays reused from text to text
 * (identification is synchronous and not re-entrant): an object per word was most of what
 * identification allocated (issue 17).
 */
class WordList {
  /** Each word in lower case, in one script. */
  readonly texts: string[] = [];
  /** Index into {@link BLOCK_SCRIPTS}. */
  scripts = new Uint8Array(64);
  letters = new Int32Array(64);
  /** Offset of the word in the text (UTF-16 code units). */
  starts = new Int32Array(64);
  /** {@link SENTENCE_END}, {@link FINAL}, {@link ACRONYM}. */
  flags = new Uint8Array(64);
  count = 0;

  clear(): void {
    this.texts.length = 0;
    this.count = 0;
  }

  push(text: string, script: number, letters: number, start: number, flags: number): void {
    const i = this.count++;
    if (i === this.scripts.length) {
      this.scripts = grown(this.scripts, new Uint8Array(2 * i));
      this.letters = grown(this.letters, new Int32Array(2 * i));
      this.starts = grown(this.starts, new Int32Array(2 * i));
      this.flags = grown(this.flags, new Uint8Array(2 * i));
    }
    this.texts.push(text);
    this.scripts[i] = script;
    this.letters[i] = letters;
    this.starts[i] = start;
    this.flags[i] = flags;
  }
}

const wordList = new WordList();

// Character classes, computed on first sight of a code unit (deterministic: from V8's Unicode
// property tables, as the regular expression this replaces was). Word characters are letters,
// marks and apostrophes; letters are further told apart by script.
const UNKNOWN = 0;
const SEPARATOR = 1;
const BOUNDARY = 2;
const SPACE = 3;
/** First word class; every class from here on is part of a word. */
const WORD_MARK = 4;
const WORD_CYR = 5;
const WORD_LAT = 6;
const WORD_ARA = 7;
const WORD_OTHER_LETTER = 8;
const classes = new Uint8Array(0x10000);
const LETTER_OR_MARK = /^[\p{L}\p{M}]$/u;
const WHITE = /^\s$/u;
const LETTER = /^\p{L}$/u;

function classOf(code: number): number {
  let c = classes[code]!;
  if (c !== UNKNOWN) return c;
  const ch = String.fromCharCode(code);
  if ("'‘’ʼʻ`".includes(ch) || LETTER_OR_MARK.test(ch)) {
    const s = scriptOfCode(code);
    c = s === 'cyrillic' ? WORD_CYR : s === 'latin' ? WORD_LAT : s === 'arabic' ? WORD_ARA : LETTER.test(ch) ? WORD_OTHER_LETTER : WORD_MARK;
  } else if (code === 0x2e || code === 0x21 || code === 0x3f || code === 0x2026 || code === 0x0a) c = BOUNDARY;
  else if (WHITE.test(ch)) c = SPACE;
  else c = SEPARATOR;
  classes[code] = c;
  return c;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** Letter or mark outside the BMP, at `i` (a surrogate pair): its length in code units, else 0. */
function astralWordChar(text: string, i: number): number {
  const cp = text.codePointAt(i)!;
  return cp > 0xffff && LETTER_OR_MARK.test(String.fromCodePoint(cp)) ? 2 : 0;
}

function startsWithUrl(text: string, i: number): boolean {
  const c = text.charCodeAt(i) | 0x20;
  if (c === 0x68) return /^https?:\/\//iy.test(text.slice(i, i + 8));
  if (c === 0x77) return /^www\./iy.test(text.slice(i, i + 4));
  return false;
}

/** Reads the words of `text` into {@link wordList} (emptied first) and counts its letters by script. */
function splitWords(text: string): { words: WordList; counts: ScriptCounts } {
  const words = wordList;
  words.clear();
  const counts: ScriptCounts = { cyrillic: 0, latin: 0, arabic: 0, other: 0 };
  const n = text.length;
  let i = 0;
  let prevSpace = true;
  while (i < n) {
    const code = text.charCodeAt(i);
    let cls = classOf(code);
    if (cls === SEPARATOR && isHighSurrogate(code) && astralWordChar(text, i)) cls = WORD_OTHER_LETTER;
    if (cls < WORD_MARK) {
      if (cls === BOUNDARY) {
        if (words.count > 0) words.flags[words.count - 1]! |= SENTENCE_END | FINAL;
      } else if (prevSpace && code === 0x40 && i + 1 < n && classOf(text.charCodeAt(i + 1)) >= WORD_MARK) {
        // @mention: a name, not language; skip to the next white space.
        while (i < n && classOf(text.charCodeAt(i)) !== SPACE) i++;
        continue;
      }
      prevSpace = cls === SPACE;
      i++;
      continue;
    }
    if (prevSpace && (code === 0x68 || code === 0x48 || code === 0x77 || code === 0x57) && startsWithUrl(text, i)) {
      // URL: skip to the next white space.
      while (i < n && classOf(text.charCodeAt(i)) !== SPACE) i++;
      continue;
    }
    const start = i;
    let cyr = 0;
    let lat = 0;
    let ara = 0;
    let other = 0;
    let apostrophe = false;
    while (i < n) {
      const c = text.charCodeAt(i);
      let k = classOf(c);
      let width = 1;
      if (k === SEPARATOR && isHighSurrogate(c)) {
        width = astralWordChar(text, i);
        if (width === 0) break;
        k = WORD_OTHER_LETTER;
      }
      if (k < WORD_MARK) break;
      if (c === 0x27 || c === 0x60 || c === 0x2018 || c === 0x2019 || c === 0x2bb || c === 0x2bc) apostrophe = true;
      if (k === WORD_CYR) cyr++;
      else if (k === WORD_LAT) lat++;
      else if (k === WORD_ARA) ara++;
      else if (k === WORD_OTHER_LETTER) other++;
      i += width;
    }
    prevSpace = false;
    counts.cyrillic += cyr;
    counts.latin += lat;
    counts.arabic += ara;
    const letters = cyr + lat + ara;
    if (letters === 0) {
      // Letters of other scripts (Greek, CJK …) are counted but not identified.
      counts.other += other;
      continue;
    }
    const scriptIndex = cyr >= lat && cyr >= ara ? 0 : lat >= ara ? 1 : 2;
    const script = BLOCK_SCRIPTS[scriptIndex]!;
    const raw = text.slice(start, i);
    let lower = raw.toLowerCase();
    const acronym = letters >= 2 && letters <= 4 && raw !== lower && raw.toUpperCase() === raw;
    if (script === 'cyrillic' && lat > 0) lower = mapChars(lower, LATIN_TO_CYR);
    else if (script === 'latin' && cyr > 0) lower = mapChars(lower, CYR_TO_LATIN);
    if (script === 'latin' && apostrophe) lower = unifyApostrophes(lower);
    words.push(lower, scriptIndex, letters, start, acronym ? ACRONYM : 0);
  }
  if (words.count > 0) words.flags[words.count - 1]! |= FINAL;
  return { words, counts };
}

/** The parts of one candidate's score for a block (their sum is the score). */
export interface ScoreParts {
  readonly code: LanguageCode;
  /** Trigram evidence (franc distance), weighted. */
  readonly franc: number;
  /** Function words, endings, markers and vowel harmony of the words. */
  readonly words: number;
  /** Letters foreign or rare to the language (≤ 0). */
  readonly letters: number;
  /** Too few of the language's signature letters (≤ 0). */
  readonly signature: number;
  readonly total: number;
}

// Scratch buffers reused between blocks (identification is synchronous and not re-entrant).
let distances = new Float64Array(16);
let wordSums = new Float64Array(8);
let nativeSums = new Float64Array(8);
let spelledNatively = new Uint8Array(8);
let letterCounts = new Int32Array(64);
/** Per plain pair of the last block scored: 1 if the block shows no letter own to only one of the two. */
let pairOpen = new Uint8Array(4);
const touched: number[] = [];
const texts: string[] = [];

/**
 * Scores every candidate of `script` for a block, words `[from, to)` of `words`: totals into
 * `totals` (candidate order), and the parts into `parts` when given. Returns the candidates.
 */
function scoreInto(words: WordList, from: number, to: number, script: BlockScript, totals: Float64Array, parts?: ScoreParts[]): readonly CompiledLanguage[] {
  const { byScript, weights } = getModel();
  const sm = byScript[script];
  const candidates = sm.candidates;
  const n = candidates.length;
  if (n === 1) {
    totals[0] = 1;
    parts?.push({ code: candidates[0]!.code, franc: 0, words: 0, letters: 0, signature: 0, total: 1 });
    return candidates;
  }
  if (wordSums.length < n) {
    wordSums = new Float64Array(n);
    nativeSums = new Float64Array(n);
    spelledNatively = new Uint8Array(n);
  }
  if (distances.length < sm.table.candidates.length) distances = new Float64Array(sm.table.candidates.length);
  texts.length = 0;
  let total = 0;
  let length = -1;
  wordSums.fill(0);
  nativeSums.fill(0);
  // Abbreviations keep their letters' evidence (ЎМИ is written in the Uzbek alphabet) but their
  // trigrams and endings say nothing about the language — unless there is nothing else.
  const { flags } = words;
  let skipAcronyms = false;
  for (let i = from; i < to && !skipAcronyms; i++) skipAcronyms = (flags[i]! & ACRONYM) === 0;
  for (let i = from; i < to; i++) {
    const text = words.texts[i]!;
    total += words.letters[i]!;
    const at = wordEvidence(text, sm, weights);
    const pool = sm.pool;
    if (!(skipAcronyms && (flags[i]! & ACRONYM) !== 0)) {
      texts.push(text);
      length += text.length + 1;
      for (let c = 0; c < n; c++) wordSums[c]! += pool[at + c]!;
      if ((flags[i]! & FINAL) !== 0 && pool[at + n] === 1) for (let c = 0; c < n; c++) wordSums[c]! += pool[at + n + 1 + c]!;
      for (let c = 0; c < n; c++) nativeSums[c]! += pool[at + 2 * n + 1 + c]!;
    }
    const k = pool[at + 3 * n + 1]!;
    for (let j = 0; j < k; j++) {
      const slot = pool[at + 3 * n + 2 + j]!;
      if (slot >= letterCounts.length) {
        const bigger = new Int32Array(slot * 2);
        bigger.set(letterCounts);
        letterCounts = bigger;
      }
      const seen = letterCounts[slot]!;
      letterCounts[slot] = seen + 1;
      if (seen === 0) touched.push(slot);
    }
  }
  trigramDistances(sm.table, texts, distances);
  // A block without any of a language's own letters is that language typed on a Russian keyboard,
  // or not that language: the markers of its native spelling do not count, and its trigrams are
  // compared with its model as typed plainly where it has one (`plain_trigrams`; from
  // `plainTrigramLetters` letters on: on fewer, Russian chat words were nearer it). A language
  // without a plain keyboard is always spelled natively.
  for (let c = 0; c < n; c++) spelledNatively[c] = candidates[c]!.plain ? 0 : 1;
  for (const slot of touched) {
    const own = sm.tracked.own[slot]!;
    for (let c = 0; c < n; c++) spelledNatively[c]! |= own[c]!;
  }
  if (pairOpen.length < sm.pairs.length) pairOpen = new Uint8Array(sm.pairs.length);
  sm.pairs.forEach((pair, p) => {
    pairOpen[p] = 1;
    for (const slot of touched) if (sm.tracked.own[slot]![pair.first] !== sm.tracked.own[slot]![pair.second]) pairOpen[p] = 0;
  });
  const { plainModel } = sm.table;
  if (total >= (weights.plainTrigramLetters ?? 0)) {
    for (let c = 0; c < n; c++) if (spelledNatively[c] === 0 && plainModel[c]! >= 0) distances[c] = distances[plainModel[c]!]!;
  }
  let min = Infinity;
  for (let c = 0; c < n; c++) min = Math.min(min, distances[c]!);
  // franc's own similarity: 1 − (d − min) / (length · 300 − min).
  const francMax = Math.min(length, 2048) * MAX_DIFFERENCE - min;
  const full = weights.francFullLetters ?? 0;
  const francWeight = full > 0 && total < full ? (weights.franc * total) / full : weights.franc;
  for (let c = 0; c < n; c++) {
    const lang = candidates[c]!;
    const d = distances[c]! - min;
    const franc = francWeight * (1 - d / francMax || 0);
    let letters = 0;
    for (const slot of touched) letters -= sm.tracked.penalty[slot]![c]! * Math.min(letterCounts[slot]!, weights.foreignLetterCap);
    let signature = 0;
    if (weights.signatureDeficit > 0) {
      for (let s = 0; s < lang.signature.length; s++) {
        let k = 0;
        for (const slot of touched) if (sm.tracked.signatureBits[slot]![c]! & (1 << s)) k += letterCounts[slot]!;
        const expected = lang.signature[s]!.rate * total;
        // Poisson deviance of seeing only k signature letters where `expected` were due.
        if (k < expected) signature -= weights.signatureDeficit * (expected - k + (k > 0 ? k * Math.log(k / expected) : 0));
      }
    }
    const w = wordSums[c]! + (spelledNatively[c] === 1 ? nativeSums[c]! : 0);
    totals[c] = franc + w + letters + signature;
    parts?.push({ code: lang.code, franc, words: w, letters, signature, total: totals[c]! });
  }
  for (const slot of touched) letterCounts[slot] = 0;
  touched.length = 0;
  return candidates;
}

const totalsScratch = new Float64Array(16);

/**
 * What a plain pair weighed on a block: its two languages, the signed evidence (its words' and the
 * weighted first-stage gap; positive: the first language) and its choice.
 */
export interface PairDecision {
  readonly languages: readonly [LanguageCode, LanguageCode];
  readonly score: number;
  /** The language the evidence chose, or undefined: below the margin, the first answer stands. */
  readonly chosen: LanguageCode | undefined;
}

/**
 * Best and runner-up of a block (ties go to the lower code); then, where the best is one of a
 * plain pair and the block shows no letter own to only one of the two, the pair's evidence decides
 * between them (`plain-pair.ts`).
 */
function bestTwo(words: WordList, block: Block): { best: LanguageCode; margin: number; pair?: PairDecision } {
  const candidates = scoreInto(words, block.from, block.to, block.script, totalsScratch);
  let best = 0;
  for (let c = 1; c < candidates.length; c++) {
    const d = totalsScratch[c]! - totalsScratch[best]!;
    if (d > 0 || (d === 0 && candidates[c]!.code < candidates[best]!.code)) best = c;
  }
  let second = Infinity;
  for (let c = 0; c < candidates.length; c++) if (c !== best) second = Math.min(second, totalsScratch[best]! - totalsScratch[c]!);
  const pairs = getModel().byScript[block.script].pairs;
  for (let p = 0; p < pairs.length; p++) {
    const pair = pairs[p]!;
    if (pairOpen[p] !== 1 || (best !== pair.first && best !== pair.second)) continue;
    const score = pairEvidence(pair, pairTally(pair, words, block), totalsScratch[pair.first]! - totalsScratch[pair.second]!);
    const choice = pairChoice(pair, score);
    const decision: PairDecision = { languages: [candidates[pair.first]!.code, candidates[pair.second]!.code], score, chosen: choice < 0 ? undefined : candidates[choice]!.code };
    if (choice < 0 || choice === best) return { best: candidates[best]!.code, margin: second, pair: decision };
    return { best: candidates[choice]!.code, margin: Math.abs(score), pair: decision };
  }
  return { best: candidates[best]!.code, margin: second };
}

const tally: PairTally = { words: 0, letterSum: 0, letterCount: 0 };

/** A pair's evidence over the words of a block (abbreviations say nothing about the language). */
function pairTally(pair: PlainPair, words: WordList, block: Block): PairTally {
  tally.words = 0;
  tally.letterSum = 0;
  tally.letterCount = 0;
  for (let i = block.from; i < block.to; i++) {
    const flags = words.flags[i]!;
    if ((flags & ACRONYM) !== 0) continue;
    const word = words.texts[i]!;
    tally.words += pairWordScore(pair, word, (flags & FINAL) !== 0);
    tally.letterSum += pairLetterSum(pair, word);
    tally.letterCount += letterPairCount(word.length);
  }
  return tally;
}

/**
 * Why `text` was identified as it was: for every block the identifier scored, its first word's
 * offset (0-based UTF-16), letters, script, each candidate's score parts and, where a plain pair
 * weighed in, its decision. For tuning and reports.
 */
export function explainIdentification(text: string): Array<{ start: number; letters: number; script: BlockScript; parts: ScoreParts[]; pair?: PairDecision }> {
  const { words } = splitWords(text.length > 20_000 ? text.slice(0, 20_000) : text);
  return blocksOf(words).map((b) => {
    const { pair } = bestTwo(words, b);
    return { start: words.starts[b.from]!, letters: b.letters, script: b.script, parts: partsOf(words, b), ...(pair ? { pair } : {}) };
  });
}

function partsOf(words: WordList, block: Block): ScoreParts[] {
  const parts: ScoreParts[] = [];
  scoreInto(words, block.from, block.to, block.script, new Float64Array(16), parts);
  return parts;
}

// Word-level evidence is the same wherever a word occurs, and words repeat (Zipf): cache it per
// script. Bounded; clearing it changes speed, never results.
const WORD_CACHE_LIMIT = 100_000;

const scratch: WordMatch = { scores: new Float64Array(8), finalScores: new Float64Array(8), nativeScores: new Float64Array(8), hasFinal: false };
const slotScratch: number[] = [];

function matcherOf(sm: ScriptModel, weights: IdentificationWeights): WordMatcher {
  if (sm.matcher) return sm.matcher;
  const markers: MarkerSpec[] = [];
  sm.candidates.forEach((lang, candidate) => {
    for (const m of lang.markers) markers.push({ candidate, pattern: m.pattern, weight: m.weight, final: m.final, native: m.native });
    // A plain-keyboard spelling («бугин» for бүгін) is weaker evidence than the word itself: it may
    // be a neighbour's own spelling (Uzbek бугун is Kyrgyz бүгүн typed plainly).
    const plainWeight = weights.plainFunctionWord ?? 0;
    if (plainWeight > 0) for (const w of lang.plainFunctionWords) markers.push({ candidate, pattern: `^${escapeRegExp(w)}$`, weight: plainWeight, final: false, native: false });
  });
  sm.matcher = new WordMatcher(sm.candidates.length, sm.candidates, markers, weights.functionWord, weights.ending);
  return sm.matcher;
}

/** Offset of the evidence of `word` in `sm.pool`, computing and caching it on first sight. */
function wordEvidence(word: string, sm: ScriptModel, weights: IdentificationWeights): number {
  const hit = sm.words.get(word);
  if (hit !== undefined) return hit;
  const n = sm.candidates.length;
  if (scratch.scores.length < n) {
    scratch.scores = new Float64Array(n);
    scratch.finalScores = new Float64Array(n);
    scratch.nativeScores = new Float64Array(n);
  }
  scratch.scores.fill(0);
  scratch.finalScores.fill(0);
  scratch.nativeScores.fill(0);
  scratch.hasFinal = false;
  matcherOf(sm, weights).match(word, scratch);
  for (let c = 0; c < n; c++) {
    const h = sm.candidates[c]!.harmony;
    if (h) scratch.scores[c]! += harmonyScore(word, h);
  }
  slotScratch.length = 0;
  for (let i = 0; i < word.length; i++) {
    const slot = trackedSlot(word, i, sm, weights);
    if (slot >= 0) slotScratch.push(slot);
  }
  if (sm.words.size >= WORD_CACHE_LIMIT) {
    sm.words.clear();
    sm.used = 0;
  }
  const size = 3 * n + 2 + slotScratch.length;
  if (sm.used + size > sm.pool.length) {
    const bigger = new Float64Array(Math.max(sm.pool.length * 2, sm.used + size));
    bigger.set(sm.pool.subarray(0, sm.used));
    sm.pool = bigger;
  }
  const at = sm.used;
  const pool = sm.pool;
  for (let c = 0; c < n; c++) {
    pool[at + c] = scratch.scores[c]!;
    pool[at + n + 1 + c] = scratch.finalScores[c]!;
    pool[at + 2 * n + 1 + c] = scratch.nativeScores[c]!;
  }
  pool[at + n] = scratch.hasFinal ? 1 : 0;
  pool[at + 3 * n + 1] = slotScratch.length;
  for (let j = 0; j < slotScratch.length; j++) pool[at + 3 * n + 2 + j] = slotScratch[j]!;
  sm.used += size;
  sm.words.set(word, at);
  return at;
}

const NOT_TRACKED = 0x7fffffff;

/** Slot of the letter at `word[i]` if it tells candidates apart, else −1. */
function trackedSlot(word: string, i: number, sm: ScriptModel, weights: IdentificationWeights): number {
  const code = word.charCodeAt(i);
  const known = sm.tracked.slotOf[code]!;
  if (known !== 0) return known === NOT_TRACKED ? -1 : known - 1;
  let slot = -1;
  const script = scriptOfCode(code);
  if (script === sm.script) {
    const ch = word[i]!;
    const penalty = new Float64Array(sm.candidates.length);
    const bits = new Uint8Array(sm.candidates.length);
    const own = new Uint8Array(sm.candidates.length);
    let differs = false;
    sm.candidates.forEach((lang, c) => {
      if (!lang.letters.has(ch)) penalty[c] = lang.rareLetters.has(ch) ? weights.rareLetter : weights.foreignLetter;
      lang.signature.forEach((sig, s) => { if (sig.letters.has(ch)) bits[c]! |= 1 << s; });
      if (lang.plain?.[ch] !== undefined) own[c] = 1;
      if (penalty[c] !== penalty[0] || bits[c] !== bits[0] || own[c] !== own[0]) differs = true;
    });
    // A letter that weighs the same for every candidate cannot change a ranking.
    if (differs) {
      slot = sm.tracked.penalty.length;
      sm.tracked.penalty.push(penalty);
      sm.tracked.signatureBits.push(bits);
      sm.tracked.own.push(own);
    }
  }
  sm.tracked.slotOf[code] = slot < 0 ? NOT_TRACKED : slot + 1;
  return slot;
}

/** Empties the per-word evidence cache (for benchmarks that want cold-cache numbers). */
export function clearIdentificationCache(): void {
  if (!model) return;
  for (const sm of Object.values(model.byScript)) {
    sm.words.clear();
    sm.used = 0;
    sm.matcher = undefined;
    for (const pair of sm.pairs) {
      pair.words.clear();
      pair.letters?.sums.clear();
    }
    sm.tracked.slotOf.fill(0);
    sm.tracked.penalty.length = 0;
    sm.tracked.signatureBits.length = 0;
    sm.tracked.own.length = 0;
  }
}

function harmonyScore(word: string, h: NonNullable<CompiledLanguage['harmony']>): number {
  let front = 0;
  let back = 0;
  const classes = h.classes;
  for (let i = 0; i < word.length; i++) {
    const k = classes[word.charCodeAt(i)];
    if (k === 1) front++;
    else if (k === 2) back++;
  }
  if (front + back < 2) return 0;
  return front === 0 || back === 0 ? h.weight / 2 : -h.weight;
}

/** Words `[from, to)` of the word list, of one script. */
interface Block {
  readonly from: number;
  to: number;
  readonly script: BlockScript;
  letters: number;
}

function blocksOf(words: WordList): Block[] {
  const blocks: Block[] = [];
  let current: Block | undefined;
  for (let i = 0; i < words.count; i++) {
    const script = BLOCK_SCRIPTS[words.scripts[i]!]!;
    if (!current || current.script !== script) {
      current = { from: i, to: i, script, letters: 0 };
      blocks.push(current);
    }
    current.to = i + 1;
    current.letters += words.letters[i]!;
    if ((words.flags[i]! & SENTENCE_END) !== 0 && current.letters >= BLOCK_LETTERS) current = undefined;
  }
  if (blocks.length === 1) return blocks;
  // A short tail sentence joins the previous block of the same script (blocks are consecutive
  // runs of words, so the joined block is one run too).
  const merged: Block[] = [];
  for (const b of blocks) {
    const prev = merged[merged.length - 1];
    if (prev && prev.script === b.script && b.letters < BLOCK_LETTERS) {
      prev.to = b.to;
      prev.letters += b.letters;
    } else merged.push(b);
  }
  return merged;
}

/**
 * Identifies the language of `text` among the eight codes, or `und` with a reason:
 * `no-letters`, `too-short` (fewer than `thresholds.minLetters` letters), `unsupported-script`
 * (letters only of scripts soz does not identify), `unclear` (short and no clear winner).
 */
export function identifyLanguage(text: string): LanguageGuess {
  const { thresholds } = getModel();
  const { words, counts } = splitWords(text.length > 20_000 ? text.slice(0, 20_000) : text);
  const script: Script = scriptFromCounts(counts);
  const letters = counts.cyrillic + counts.latin + counts.arabic;
  if (letters === 0) return { language: 'und', reason: counts.other > 0 ? 'unsupported-script' : 'no-letters', script, shares: {} };
  if (letters < thresholds.minLetters) return { language: 'und', reason: 'too-short', script, shares: {} };
  const blocks = blocksOf(words);
  const shares: Partial<Record<LanguageCode, number>> = {};
  let unclear = false;
  for (const block of blocks) {
    if (block.letters < thresholds.minLetters) continue;
    const { best, margin } = bestTwo(words, block);
    if (margin < thresholds.unclearMargin && block.letters < thresholds.shortLetters) {
      if (blocks.length === 1) unclear = true;
      continue;
    }
    shares[best] = (shares[best] ?? 0) + block.letters;
  }
  let language: LanguageCode | undefined;
  let top = 0;
  for (const [code, n] of Object.entries(shares) as Array<[LanguageCode, number]>) {
    shares[code] = n / letters;
    if (n > top) {
      top = n;
      language = code;
    }
  }
  if (!language) return { language: 'und', reason: unclear ? 'unclear' : 'too-short', script, shares: {} };
  return { language, script, shares };
}
