/**
 * Russian dictionary look-up: the lemmas and word classes a word form has in the OpenCorpora
 * dictionary, as packaged by `az` (MIT code; dictionary data from OpenCorpora, CC BY-SA 3.0).
 *
 * Only parses the dictionary itself knows are returned: `az` also guesses unknown words from
 * their endings, and a guess (даават → "даавать") would make an Arabic loanword look like a
 * Russian verb. An unknown word therefore has no parses, and the caller falls back to stems.
 *
 * The look-up is az's dictionary parser (`Az.Morph(word, { typos: 0, stutter: 0, parsers:
 * ['Dictionary'] })`) done here on az's own files and its own DAWG reader: the same readings in the
 * same order. `Az.Morph.init` was most of the cost of a Russian run's start (issue 17): it builds
 * and deep-freezes an object for each of the 4,880 tags (a hidden class per tag) and reads the
 * guessers' 2.5 MB of suffix tables, which the dictionary parser never reads. Here a tag is its
 * text, and its word class and capital-letter flags are read once, when a reading first uses it.
 * `src/language/lemma-ru.test.ts` holds this to az's own parser word by word.
 *
 * The files (8 MB) are read synchronously on first use, once per process; a run with no Russian
 * never reads them.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** One dictionary reading of a word form. */
export interface RussianParse {
  /** Dictionary form (lower case, ё kept as the dictionary spells it, folded by the caller). */
  readonly lemma: string;
  /** OpenCorpora part of speech: NOUN, ADJF, VERB, INFN, PRTF, GRND, PREP, … */
  readonly pos: string;
  /** All grammemes of this reading (part of speech, case, number, mood: impr, …). */
  readonly grammemes: readonly string[];
}

/** az's DAWG reader (`require('az').DAWG`): `words` entries are [found form, [paradigm, form index][]]. */
interface AzDawg {
  findAll(text: string, replaces?: Readonly<Record<string, string>>, stutter?: number, typos?: number): unknown[][] | undefined;
}

interface AzDawgClass {
  fromArrayBuffer(data: ArrayBuffer, format: 'words' | 'int'): AzDawg;
}

/** A tag as az's `Tag` reads it: its text (`Tag.toString`), grammemes, word class, capital-letter flag. */
interface TagFacts {
  readonly text: string;
  readonly grammemes: readonly string[];
  /** `Tag.POST`: the grammeme whose parent is the part-of-speech category; undefined when none. */
  readonly pos: string | undefined;
  /** `Tag.isCapitalized()`: a name, surname, patronymic, place or initial (read only for a capitalised word). */
  readonly capitalised: boolean;
}

interface RussianDictionary {
  readonly words: AzDawg;
  readonly probabilities: AzDawg;
  /** Each paradigm: suffix ids, tag ids, prefix ids of its forms, one third each (az's paradigms.array). */
  readonly paradigms: readonly Uint16Array[];
  readonly suffixes: readonly string[];
  readonly tagTexts: readonly string[];
  /** Parent of each grammeme, by internal and by Russian name (az's `grammemes` table). */
  readonly parents: ReadonlyMap<string, string>;
  readonly tags: (TagFacts | undefined)[];
}

/** The paradigm prefixes az knows (its `prefixes`). */
const PREFIXES = ['', 'по', 'наи'] as const;
/** az's default replacement while following the DAWG: е may be the dictionary's ё. */
const REPLACEMENTS: Readonly<Record<string, string>> = { е: 'ё' };
/** Grammemes that make `Tag.isCapitalized()` true. */
const CAPITALISED = ['Name', 'Surn', 'Patr', 'Geox', 'Init'] as const;

let dictionary: RussianDictionary | undefined;

function loadDictionary(): RussianDictionary {
  if (dictionary) return dictionary;
  const require = createRequire(import.meta.url);
  const { DAWG } = require('az') as { DAWG: AzDawgClass };
  const dicts = join(dirname(require.resolve('az/package.json')), 'dicts');
  const bytes = (file: string): ArrayBuffer => {
    const data = readFileSync(join(dicts, file));
    return data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer;
  };
  const json = (file: string): unknown => JSON.parse(readFileSync(join(dicts, file), 'utf8'));
  const parents = new Map<string, string>();
  for (const [internal, parent, external] of json('grammemes.json') as [string, string, string][]) {
    parents.set(internal, parent);
    parents.set(external, parent);
  }
  const tagTexts = json('gramtab-opencorpora-int.json') as string[];
  dictionary = {
    words: DAWG.fromArrayBuffer(bytes('words.dawg'), 'words'),
    probabilities: DAWG.fromArrayBuffer(bytes('p_t_given_w.intdawg'), 'int'),
    paradigms: paradigmsOf(bytes('paradigms.array')),
    suffixes: json('suffixes.json') as string[],
    tagTexts,
    parents,
    tags: new Array<TagFacts | undefined>(tagTexts.length),
  };
  return dictionary;
}

/** az's paradigms.array: a count, then each paradigm as its length and its 16-bit numbers. */
function paradigmsOf(data: ArrayBuffer): Uint16Array[] {
  const list = new Uint16Array(data);
  const paradigms: Uint16Array[] = [];
  for (let i = 0, at = 1; i < list[0]!; i++) {
    const size = list[at++]!;
    paradigms.push(list.subarray(at, at + size));
    at += size;
  }
  return paradigms;
}

/** What az's `new Tag(text)` and its `toString`, `POST` and `isCapitalized` give for tag `id`. */
function tagFacts(dict: RussianDictionary, id: number): TagFacts {
  const known = dict.tags[id];
  if (known) return known;
  const [stat = '', flex] = (dict.tagTexts[id] ?? '').split(' ');
  const groups = [stat.split(','), flex ? flex.split(',') : []];
  // Tag's fields: each grammeme, and each category up its parent chain set to its child.
  const fields = new Map<string, string | true>();
  for (const grams of groups) {
    for (let gram of grams) {
      fields.set(gram, true);
      for (let parent = dict.parents.get(gram); parent; parent = dict.parents.get(gram)) {
        fields.set(parent, gram);
        gram = parent;
      }
    }
  }
  const text = `${groups[0]!.join(',')} ${groups[1]!.join(',')}`.trim();
  const pos = fields.get('POST');
  const facts: TagFacts = {
    text,
    grammemes: text.split(/[ ,]/).filter((g) => g.length > 0),
    pos: typeof pos === 'string' ? pos : undefined,
    capitalised: CAPITALISED.some((gram) => Boolean(fields.get(gram))),
  };
  dict.tags[id] = facts;
  return facts;
}

/** One reading of az's dictionary parser: the form as found, its paradigm and form index, its tag. */
interface Reading {
  readonly found: string;
  readonly paradigm: Uint16Array;
  readonly form: number;
  readonly tag: TagFacts;
}

/** The `index`th form of a reading's paradigm (az's `DictionaryParse.inflect(index).word`). */
function formOf(dict: RussianDictionary, reading: Reading, index: number): string {
  const { found, paradigm, form } = reading;
  const count = paradigm.length / 3;
  const base = found.substring(PREFIXES[paradigm[2 * count + form]! as 0 | 1 | 2].length, found.length - dict.suffixes[paradigm[form]!]!.length);
  return PREFIXES[paradigm[2 * count + index]! as 0 | 1 | 2] + base + dict.suffixes[paradigm[index]!]!;
}

/**
 * The readings az's dictionary parser gives `word`, in az's order: most likely first by the
 * dictionary's P(tag | word), a reading the table lacks counted as certain, ties in the
 * dictionary's order (a stable sort, as az's).
 */
function readingsOf(dict: RussianDictionary, word: string): Reading[] {
  const capitalised = word.length > 0 && word[0]!.toLowerCase() !== word[0] && word.substring(1).toUpperCase() !== word.substring(1);
  const entries = dict.words.findAll(word.toLowerCase(), REPLACEMENTS, 0, 0) ?? [];
  const readings: Reading[] = [];
  for (const [found, payloads] of entries as [string, [number, number][]][]) {
    for (const [paradigmId, form] of payloads) {
      const paradigm = dict.paradigms[paradigmId]!;
      const tag = tagFacts(dict, paradigm[paradigm.length / 3 + form]!);
      if (!tag.capitalised || capitalised) readings.push({ found, paradigm, form, tag });
    }
  }
  if (readings.length < 2) return readings;
  let total = 0;
  const scores = readings.map((reading) => {
    const likelihood = dict.probabilities.findAll(`${reading.found}:${reading.tag.text}`)?.[0]?.[1];
    if (typeof likelihood !== 'number') return 1;
    total += likelihood / 1000000;
    return likelihood / 1000000;
  });
  const order = readings.map((_, i) => i);
  if (total > 0) for (let i = 0; i < scores.length; i++) scores[i] = scores[i]! / total;
  order.sort((a, b) => scores[b]! - scores[a]!);
  return order.map((i) => readings[i]!);
}

const NO_PARSES: readonly RussianParse[] = [];

/**
 * Church Slavonic imperatives the dictionary lacks, as quoted from scripture («Не убий»): read as
 * the modern imperative of the same verb (убей), marked archaic.
 */
const ARCHAIC_IMPERATIVES: ReadonlyMap<string, readonly RussianParse[]> = new Map([
  ['убий', [{ lemma: 'убить', pos: 'VERB', grammemes: ['VERB', 'perf', 'tran', 'sing', 'impr', 'excl', 'Arch'] }]],
]);

/** Readings remembered per word form for the run; cleared past this many forms (bounds a thread's memory). */
const PARSES_LIMIT = 100_000;
const parsesByForm = new Map<string, readonly RussianParse[]>();

/**
 * The dictionary readings of a lower-case Russian word form, each lemma/word-class pair once,
 * in the dictionary's order. Empty for a word the dictionary does not contain. Remembered per
 * form (a pure function of it; the arrays are shared, read only): the callers' memos are keyed by
 * the word as written, so «Убить» and «убить», a lexicon's lemmas and a text's words met the
 * dictionary once each.
 */
export function russianParses(word: string): readonly RussianParse[] {
  let parses = parsesByForm.get(word);
  if (parses === undefined) {
    if (parsesByForm.size >= PARSES_LIMIT) parsesByForm.clear();
    parses = dictionaryParses(word);
    parsesByForm.set(word, parses);
  }
  return parses;
}

/** {@link russianParses} read from the dictionary. */
function dictionaryParses(word: string): readonly RussianParse[] {
  const dict = loadDictionary();
  const readings = readingsOf(dict, word);
  if (readings.length === 0) return ARCHAIC_IMPERATIVES.get(word) ?? NO_PARSES;
  const seen = new Set<string>();
  const out: RussianParse[] = [];
  for (const reading of readings) {
    const { grammemes, pos } = reading.tag;
    const lemma = formOf(dict, reading, 0).replace(/ё/g, 'е');
    const key = `${lemma}\u0000${grammemes.join(',')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ lemma, pos: pos ?? grammemes[0] ?? '', grammemes });
  }
  return out;
}

/**
 * Every form of the paradigm of each dictionary reading of `word`, reading by reading, in
 * paradigm order (az's `DictionaryParse.inflect(i)` for each form index): what a lexicon entry's
 * lemma can be inflected to (`scripts/ru-paradigm-homonyms.mjs`).
 */
export function russianParadigmForms(word: string): string[] {
  const dict = loadDictionary();
  return readingsOf(dict, word).flatMap((reading) => Array.from({ length: reading.paradigm.length / 3 }, (_, i) => formOf(dict, reading, i)));
}
