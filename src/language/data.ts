/**
 * Language data (`sop/language/*.yaml`): alphabets, markers, function words and endings for
 * identification, and suffix rules with vowel harmony for Turkic stemming. Data, not code: this
 * module only validates (zod), loads synchronously and caches — in memory, and in the build's
 * ready-to-load copy (`data-cache.ts`) used when compiled from the same bytes by the same code.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseYaml } from '../core/yaml.js';
import { z } from 'zod';
import { UserError } from '../core/errors.js';
import { sha256 } from '../core/hash.js';
import type { CachedSource } from './data-cache.js';
import { compilerModules, dataCacheKey, readDataCache, writeDataCache } from './data-cache.js';
import { LANGUAGE_CODES, type LanguageCode } from './types.js';

/** Directory of the language data, relative to the package root. */
export const LANGUAGE_DATA_DIR = join('sop', 'language');

const languageCode = z.enum(LANGUAGE_CODES);

const regexSource = z.string().min(1).superRefine((src, ctx) => {
  try {
    new RegExp(src, 'u');
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: `not a valid regular expression (${String(error)}): fix the pattern` });
  }
});

const markerSchema = z.strictObject({
  pattern: regexSource,
  weight: z.number().finite(),
  /**
   * `final`: the pattern counts only on the last word of a sentence (before . ! ? … or a line
   * break, or at the end of the text) — for word-order evidence such as a phrase-final izofa.
   */
  position: z.enum(['any', 'final']).optional(),
  /**
   * `native`: the pattern is a rule of the language's own spelling (Kazakh writes ғ қ next to a back
   * vowel) and counts only in a block that shows at least one of the language's own letters (a key
   * of its `plain_keyboard`); a line typed without them follows the Russian keyboard, not the rule.
   */
  spelling: z.enum(['any', 'native']).optional(),
  note: z.string().min(1),
}).refine((m) => !(m.position === 'final' && m.spelling === 'native'), 'a marker is either final-position or native-spelling, not both');

/** Condition on the sound before a suffix: a class name or one literal letter. */
const afterSchema = z.union([z.enum(['vowel', 'consonant', 'voiced', 'sonorant', 'voiceless', 'any']), z.string().length(1)]);

const suffixSchema = z.strictObject({
  category: z.enum(['plural', 'possessive', 'case', 'verb', 'derivation']),
  /** Order of the slot in the word: outer slots (higher numbers) are stripped first. */
  slot: z.number().int().min(1).max(9),
  variants: z.array(z.strictObject({
    after: z.array(afterSchema).min(1),
    forms: z.array(z.string().min(1)).min(1),
  })).min(1),
});

const morphologySchema = z.strictObject({
  min_stem: z.number().int().min(2).max(6),
  vowels: z.string().min(1),
  consonants: z.strictObject({ voiced: z.string(), sonorant: z.string(), voiceless: z.string() }),
  /** Suffix vowel → the last stem vowels it may follow. Empty: no harmony (Uzbek). */
  harmony: z.record(z.string().length(1), z.string().min(1)),
  suffixes: z.array(suffixSchema),
});

/** Schema of one `sop/language/<code>.yaml` file. */
export const languageFileSchema = z.strictObject({
  language: languageCode,
  name: z.string().min(1),
  script: z.enum(['Cyrillic', 'Latin', 'Arabic']),
  identification: z.strictObject({
    franc: z.string().regex(/^[a-z]{3}$/),
    letters: z.string().min(1),
    /** Letters met only in loan words: weaker evidence against the language than foreign letters. */
    rare_letters: z.string().optional(),
    markers: z.array(markerSchema),
    function_words: z.array(z.string().min(1)),
    endings: z.array(z.string().min(1)),
    /**
     * Letters of the language's own alphabet → the Russian-keyboard letter people type for them
     * (ў → у, қ → к). Function words also count in that plain spelling, with the weight
     * `plainFunctionWord` of `identification.yaml`: chat lines
     * are often typed without the language's own letters («йук» for йўқ, «бугин» for бүгін).
     */
    plain_keyboard: z.record(z.string().length(1), z.string().length(1)).optional(),
    /**
     * `true`: a block without any of the language's own letters is compared with its franc trigram
     * model as typed with `plain_keyboard` (Kazakh typed on a Russian keyboard is far from the
     * Kazakh model and near the Kyrgyz one). Set where that was measured to help (round 14).
     */
    plain_trigrams: z.boolean().optional(),
    /**
     * Letters typical of this language among its script's candidates, and the minimum share of
     * all letters they make up in ordinary text: a long text with far fewer of them counts against
     * the language (Poisson deficit). Set the rate conservatively (about half the usual frequency).
     */
    /**
     * Vowel harmony for identification: words with two or more classified vowels score `weight`/2
     * when all are front or all back, and −`weight` when they mix (loans do; Russian words often do).
     */
    harmony: z.strictObject({ front: z.string().min(1), back: z.string().min(1), weight: z.number().nonnegative() }).optional(),
    signature: z.array(z.strictObject({ letters: z.string().min(1), rate: z.number().positive().max(0.5) })).optional(),
  }).refine((id) => !id.plain_trigrams || id.plain_keyboard !== undefined, 'plain_trigrams needs plain_keyboard (the letters to type plainly)'),
  morphology: morphologySchema.optional(),
});

/** Schema of `sop/language/identification.yaml` (weights combining the evidence). */
export const identificationFileSchema = z.strictObject({
  version: z.literal(1),
  weights: z.strictObject({
    /** Weight of franc's own similarity (0..1, 1 for the closest candidate). */
    franc: z.number().nonnegative(),
    functionWord: z.number().nonnegative(),
    ending: z.number().nonnegative(),
    foreignLetter: z.number().nonnegative(),
    foreignLetterCap: z.number().int().min(1),
    rareLetter: z.number().nonnegative(),
    signatureDeficit: z.number().nonnegative(),
    /**
     * Letters a block needs for franc's similarity to weigh its full `franc`; a shorter block's
     * trigram evidence weighs in proportion (0 or absent: always full). franc ranks a handful of
     * trigrams as if they were a text, so on a short question one or two chance trigrams outweighed
     * the words and letters that tell the languages apart («Мама дома?» was Tajik).
     */
    francFullLetters: z.number().nonnegative().optional(),
    /**
     * Weight of a function word typed without the language's own letters (`plain_keyboard` of a
     * language file: «бугин» for Kazakh бүгін); 0 or absent: such spellings are not counted.
     */
    plainFunctionWord: z.number().nonnegative().optional(),
    /**
     * Letters a block needs before a language's plain trigram model (`plain_trigrams`) stands in
     * for its own where none of its letters shows (0 or absent: always).
     */
    plainTrigramLetters: z.number().int().nonnegative().optional(),
  }),
  /**
   * Round 15: neighbours that franc's trigrams cannot tell apart when typed on a Russian keyboard
   * (Kazakh and Kyrgyz). Where one of them wins a block that shows no letter own to only one of
   * them, their `markers` decide between the two; below `margin` the first answer stands.
   */
  plain_pairs: z.array(z.strictObject({
    languages: z.tuple([languageCode, languageCode]),
    margin: z.number().positive(),
    /**
     * Weight of the first stage's own score gap (first language minus second) added to the markers'
     * evidence: a confident first answer needs more evidence to be overturned.
     */
    first_stage: z.number().nonnegative(),
    markers: z.array(z.strictObject({
      pattern: regexSource,
      /** The language a word matching `pattern` counts for (one of `languages`). */
      language: languageCode,
      weight: z.number().positive(),
      /** `final`: counts only on the last word of a sentence (an imperative that is also a noun's plural). */
      position: z.enum(['any', 'final']).optional(),
      note: z.string().min(1),
    })).min(1),
    /**
     * Round 17: the pair's letter-pair model (`letter-pairs.ts`): log ratios of letter transitions,
     * first language over second, as typed plainly («_е», «ш_»; `_` a word's edge), written by
     * `scripts/train-letter-pairs.mjs`; `weight` scales a line's sum over √(its pairs).
     */
    letter_pairs: z.strictObject({
      weight: z.number().nonnegative(),
      note: z.string().min(1),
      ratios: z.record(z.string().regex(/^[_а-яё]{2}$/u, 'two letters or word edges (_)'), z.number()),
    }).optional(),
  }).refine((p) => p.languages[0] !== p.languages[1] && p.markers.every((m) => p.languages.includes(m.language)), 'a pair is two different languages, and each marker counts for one of them')).optional(),
  thresholds: z.strictObject({
    minLetters: z.number().int().min(1),
    unclearMargin: z.number().nonnegative(),
    shortLetters: z.number().int().min(0),
  }),
});

/** One language file as validated. */
export type LanguageFile = z.infer<typeof languageFileSchema>;
/** Morphology part of a language file. */
export type Morphology = z.infer<typeof morphologySchema>;
/** The identification weights file as validated. */
export type IdentificationFile = z.infer<typeof identificationFileSchema>;

/** Everything in `sop/language/`, validated. */
export interface LanguageData {
  readonly languages: ReadonlyMap<LanguageCode, LanguageFile>;
  readonly identification: IdentificationFile;
}

/** The package root: `src/language/` and `dist/language/` both sit two levels below it. */
export function packageRoot(): string {
  return fileURLToPath(new URL('../../', import.meta.url));
}

function issuesOf(file: string, error: z.ZodError, raw: unknown): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String);
    let entry = path.join('.');
    // Name the entry by its content where it helps to find it in the file.
    if (path[0] === 'identification' && path[1] === 'markers' && raw && typeof raw === 'object') {
      const markers = (raw as { identification?: { markers?: Array<{ pattern?: unknown }> } }).identification?.markers;
      const marker = markers?.[Number(path[2])];
      if (marker?.pattern !== undefined) entry += ` (pattern ${JSON.stringify(marker.pattern)})`;
    }
    return `${file}: ${entry || '(top level)'}: ${issue.message}`;
  });
}

/** A language data file as read: name, text and its record (path from the root, `/`-separated, and SHA-256). */
interface SourceFile {
  readonly name: string;
  readonly text: string;
  readonly source: CachedSource;
}

function readSources(dir: string): SourceFile[] {
  return readdirSync(dir)
    .filter((n) => n.endsWith('.yaml'))
    .sort()
    .map((name) => {
      const bytes = readFileSync(join(dir, name));
      return { name, text: bytes.toString('utf8'), source: { path: `sop/language/${name}`, sha256: sha256(bytes) } };
    });
}

function readYaml(text: string, rel: string, problems: string[]): unknown {
  try {
    return parseYaml(text);
  } catch (error) {
    problems.push(`${rel}: not valid YAML (${error instanceof Error ? error.message.split('\n')[0] : String(error)}): fix the syntax`);
    return undefined;
  }
}

/** Cross-entry checks the schema cannot express (duplicates, letters outside the alphabet). */
function semanticProblems(rel: string, file: LanguageFile): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const word of file.identification.function_words) {
    if (word !== word.toLowerCase().normalize('NFC')) problems.push(`${rel}: identification.function_words "${word}": write it in lower case NFC`);
  }
  for (const letter of file.identification.letters) {
    if (seen.has(letter)) problems.push(`${rel}: identification.letters: "${letter}" is listed twice: remove one`);
    seen.add(letter);
  }
  const m = file.morphology;
  if (m) {
    for (const [suffixVowel, stemVowels] of Object.entries(m.harmony)) {
      for (const v of suffixVowel + stemVowels) {
        if (!m.vowels.includes(v)) problems.push(`${rel}: morphology.harmony "${suffixVowel}": "${v}" is not in morphology.vowels: add it there or remove it`);
      }
    }
    const forms = new Map<string, string>();
    for (const [i, suffix] of m.suffixes.entries()) {
      for (const variant of suffix.variants) {
        for (const form of variant.forms) {
          const key = `${suffix.category}:${suffix.slot}:${form}:${variant.after.join(',')}`;
          if (forms.has(key)) problems.push(`${rel}: morphology.suffixes.${i} (${suffix.category}) form "${form}" is listed twice with the same condition: remove one`);
          forms.set(key, suffix.category);
          if (form !== form.toLowerCase().normalize('NFC')) problems.push(`${rel}: morphology.suffixes.${i} form "${form}": write it in lower case NFC`);
        }
      }
    }
  }
  return problems;
}

/**
 * Validates every language data file under `<root>/sop/language/` and returns the problems, each
 * naming the file, the entry and the fix; an empty array means the data is sound.
 */
export async function validateLanguageData(root: string): Promise<string[]> {
  return loadFrom(root).problems;
}

function loadFrom(root: string, sources?: readonly SourceFile[]): { data: LanguageData | undefined; problems: string[] } {
  const dir = join(root, LANGUAGE_DATA_DIR);
  const problems: string[] = [];
  if (!existsSync(dir)) return { data: undefined, problems: [`${LANGUAGE_DATA_DIR}: directory missing: restore it from the soz distribution`] };
  const languages = new Map<LanguageCode, LanguageFile>();
  let identification: IdentificationFile | undefined;
  for (const { name, text } of sources ?? readSources(dir)) {
    const rel = join(LANGUAGE_DATA_DIR, name);
    const raw = readYaml(text, rel, problems);
    if (raw === undefined) continue;
    if (name === 'identification.yaml') {
      const parsed = identificationFileSchema.safeParse(raw);
      if (parsed.success) identification = parsed.data;
      else problems.push(...issuesOf(rel, parsed.error, raw));
      continue;
    }
    const parsed = languageFileSchema.safeParse(raw);
    if (!parsed.success) {
      problems.push(...issuesOf(rel, parsed.error, raw));
      continue;
    }
    if (`${parsed.data.language}.yaml` !== name) {
      problems.push(`${rel}: language: "${parsed.data.language}" does not match the file name: rename the file to ${parsed.data.language}.yaml`);
      continue;
    }
    problems.push(...semanticProblems(rel, parsed.data));
    languages.set(parsed.data.language, parsed.data);
  }
  for (const code of LANGUAGE_CODES) {
    if (!languages.has(code) && !problems.some((p) => p.includes(`${code}.yaml`))) {
      problems.push(`${join(LANGUAGE_DATA_DIR, `${code}.yaml`)}: missing: every language needs a data file`);
    }
  }
  if (!identification && !problems.some((p) => p.includes('identification.yaml'))) {
    problems.push(`${join(LANGUAGE_DATA_DIR, 'identification.yaml')}: missing: restore the identification weights`);
  }
  return { data: identification && problems.length === 0 ? { languages, identification } : undefined, problems };
}

let cached: LanguageData | undefined;

/** What decides the compiled language data: this module's schemas and checks, and the language list. */
const LANGUAGE_COMPILER = compilerModules(import.meta.url, ['data', 'types']);

/** Language data as JSON holds it: the map as its entries, in file order. */
interface StoredLanguageData {
  readonly languages: readonly (readonly [LanguageCode, LanguageFile])[];
  readonly identification: IdentificationFile;
}

/**
 * The language data of this installation, loaded once (synchronously) and cached.
 * Throws a {@link UserError} naming the first problems when the data is invalid.
 */
export function languageData(): LanguageData {
  cached ??= loadLanguageData(packageRoot());
  return cached;
}

/**
 * The language data under the project root `root`: the ready-to-load copy when it was compiled
 * from these files by this code, else compiled from the YAML. Throws a {@link UserError} naming
 * the first problems when the data is invalid.
 */
export function loadLanguageData(root: string): LanguageData {
  const sources = existsSync(join(root, LANGUAGE_DATA_DIR)) ? readSources(join(root, LANGUAGE_DATA_DIR)) : [];
  const stored = readDataCache(root, 'language-data', dataCacheKey('language-data', sources.map((file) => file.source), LANGUAGE_COMPILER)) as StoredLanguageData | undefined;
  if (stored) return { languages: new Map(stored.languages), identification: stored.identification };
  const { data, problems } = loadFrom(root, sources);
  if (!data) {
    throw new UserError(`language data in ${LANGUAGE_DATA_DIR} is invalid: ${problems.slice(0, 3).join('; ')} (run soz data validate)`, 'data.language-invalid', undefined, { key: 'error.data.language-invalid', params: { dir: LANGUAGE_DATA_DIR, problems: problems.slice(0, 3).join('; ') } });
  }
  return data;
}

/**
 * Compiles the language data under the project root `root` and writes its ready-to-load copy
 * (`data-cache.ts`); returns the file written. Throws when the data is invalid.
 */
export function writeLanguageDataCache(root: string): string {
  const sources = readSources(join(root, LANGUAGE_DATA_DIR));
  const { data, problems } = loadFrom(root, sources);
  if (!data) throw new Error(`language data in ${LANGUAGE_DATA_DIR} is invalid: ${problems.slice(0, 3).join('; ')}`);
  const stored: StoredLanguageData = { languages: [...data.languages], identification: data.identification };
  return writeDataCache(root, 'language-data', dataCacheKey('language-data', sources.map((file) => file.source), LANGUAGE_COMPILER), stored);
}
