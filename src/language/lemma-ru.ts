/**
 * Russian dictionary look-up: the lemmas and word classes a word form has in the OpenCorpora
 * dictionary, as packaged by `az` (MIT code; dictionary data from OpenCorpora, CC BY-SA 3.0).
 *
 * Only parses the dictionary itself knows are returned: `az` also guesses unknown words from
 * their endings, and a guess (даават → "даавать") would make an Arabic loanword look like a
 * Russian verb. An unknown word therefore has no parses, and the caller falls back to stems.
 *
 * The dictionary (11 MB of files) is read synchronously on first use, once per process (measured on
 * this shared machine: 0.3–0.7 s, +56 MB RSS of which 20 MB heap); a run with no Russian never loads it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';

/** One dictionary reading of a word form. */
export interface RussianParse {
  /** Dictionary form (lower case, ё kept as the dictionary spells it, folded by the caller). */
  readonly lemma: string;
  /** OpenCorpora part of speech: NOUN, ADJF, VERB, INFN, PRTF, GRND, PREP, … */
  readonly pos: string;
  /** All grammemes of this reading (part of speech, case, number, mood: impr, …). */
  readonly grammemes: readonly string[];
}

interface AzParse {
  readonly parser: string;
  readonly tag: { readonly POST?: string; toString(): string };
  normalize(): { readonly word: string };
}

interface AzModule {
  load: (url: string, type: string, callback: (error: Error | null, data?: unknown) => void) => void;
  Morph: ((word: string, options?: Readonly<Record<string, unknown>>) => AzParse[]) & {
    init: (path: string, callback: (error?: Error) => void) => void;
  };
}

let az: AzModule | undefined;

/** az's tag tables: the grammemes of each tag in its internal names, and in OpenCorpora's Russian ones. */
const INTERNAL_TAGS = 'gramtab-opencorpora-int.json';
const EXTERNAL_TAGS = 'gramtab-opencorpora-ext.json';

/**
 * Loads `az` with its dictionary synchronously. `az` reads its files through the replaceable
 * `Az.load`; queueing the reads and answering them after `init` has issued all of them keeps
 * its own counter of pending files right, so `init` completes before this function returns.
 */
function loadAz(): AzModule {
  if (az) return az;
  const require = createRequire(import.meta.url);
  const module = require('az') as AzModule;
  const dicts = join(dirname(require.resolve('az/package.json')), 'dicts');
  const pending: (() => void)[] = [];
  const json = (file: string): unknown => JSON.parse(readFileSync(join(dicts, file), 'utf8'));
  let internalTags: unknown;
  module.load = (url, type, callback) => {
    pending.push(() => {
      // Each tag is built twice, with the internal grammeme names and with OpenCorpora's Russian
      // ones (`tag.ext`, which only az's console logging reads), then frozen: the second set was a
      // third of loading the dictionary. An empty name per tag keeps the two lists parallel.
      if (basename(url) === EXTERNAL_TAGS) {
        internalTags ??= json(INTERNAL_TAGS);
        callback(null, (internalTags as unknown[]).map(() => ''));
        return;
      }
      if (basename(url) === INTERNAL_TAGS) {
        internalTags ??= json(INTERNAL_TAGS);
        callback(null, internalTags);
        return;
      }
      const bytes = readFileSync(url);
      if (type === 'json') callback(null, JSON.parse(bytes.toString('utf8')));
      else callback(null, bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    });
  };
  let failure: Error | undefined;
  let ready = false;
  module.Morph.init(dicts, (error) => {
    failure = error;
    ready = true;
  });
  while (pending.length > 0) (pending.shift() as () => void)();
  if (failure || !ready) throw new Error(`Russian dictionary (az) did not load from ${dicts}: ${failure?.message ?? 'incomplete'}`);
  az = module;
  return module;
}

const NO_PARSES: readonly RussianParse[] = [];
/** Only the dictionary parser: `az`'s guessers are never used (see the module comment) and are most of its time. */
const DICTIONARY_ONLY = { typos: 0, stutter: 0, parsers: ['Dictionary'] } as const;

/**
 * Church Slavonic imperatives the dictionary lacks, as quoted from scripture («Не убий»): read as
 * the modern imperative of the same verb (убей), marked archaic.
 */
const ARCHAIC_IMPERATIVES: ReadonlyMap<string, readonly RussianParse[]> = new Map([
  ['убий', [{ lemma: 'убить', pos: 'VERB', grammemes: ['VERB', 'perf', 'tran', 'sing', 'impr', 'excl', 'Arch'] }]],
]);

/**
 * The dictionary readings of a lower-case Russian word form, each lemma/word-class pair once,
 * in the dictionary's order. Empty for a word the dictionary does not contain.
 */
export function russianParses(word: string): readonly RussianParse[] {
  const parses = loadAz().Morph(word, DICTIONARY_ONLY).filter((p) => p.parser === 'Dictionary');
  if (parses.length === 0) return ARCHAIC_IMPERATIVES.get(word) ?? NO_PARSES;
  const seen = new Set<string>();
  const out: RussianParse[] = [];
  for (const p of parses) {
    const grammemes = p.tag.toString().split(/[ ,]/).filter((g) => g.length > 0);
    const lemma = p.normalize().word.replace(/ё/g, 'е');
    const pos = p.tag.POST ?? grammemes[0] ?? '';
    const key = `${lemma}\u0000${grammemes.join(',')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ lemma, pos, grammemes });
  }
  return out;
}
