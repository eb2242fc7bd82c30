/**
 * Lexicon matching in one pass over a segment's word tokens.
 *
 * Every entry becomes a rule: a sequence of token tests (lemma → stem equality, forms → exact
 * normalised word, morphological patterns → suffix tests). Rules are indexed by what their first
 * token must be (a hash map over stems and normalised words, plus a map over suffixes keyed by
 * length), so each token costs a few map look-ups however large the lexicons are; only the
 * candidates found there are checked against the following tokens.
 */
import type { LanguageCode, NormalisationStep } from '../language/index.js';
import { normaliseForMatching, stem, tokenize } from '../language/index.js';
import { englishImperativeWindows, englishImperatives, opensWithTitleSubject } from '../language/imperative-en.js';
import { russianParses, type RussianParse } from '../language/lemma-ru.js';
import { predicateBearers } from './predicate-ru.js';
import type { Lexicon } from './lexicon-check.js';
import type { Exclusion, LexiconEntry, NeighbourTest, TokenTest } from './lexicon-schema.js';
import type { WordMemo } from './word-table.js';
import { WORDS } from './word-table.js';

/** A word token of a segment prepared for matching. */
export interface PreparedToken {
  /** Token text exactly as in the document. */
  readonly text: string;
  /** `[start, end)` relative to the text that was tokenised. */
  readonly start: number;
  readonly end: number;
  /** Lower-cased, homoglyph-folded form. */
  readonly normalised: string;
  readonly stem: string;
  readonly steps: readonly NormalisationStep[];
  /** Russian: the word's dictionary readings (empty when unknown to the dictionary or not Russian). */
  readonly parses: readonly RussianParse[];
  /** True when a sentence starts at this token (text start, after . ! ? … or a line break). */
  readonly sentenceInitial: boolean;
  /** The word's interned id (`word-table.ts`): per-word memos are indexed by it. */
  readonly id: number;
}

interface CompiledTest {
  readonly stems?: ReadonlySet<string>;
  readonly words?: ReadonlySet<string>;
  readonly suffixes?: readonly string[];
  readonly prefixes?: readonly string[];
  readonly excludePrefixes?: readonly string[];
  readonly excludeSuffixes?: readonly string[];
  readonly minLength: number;
  readonly exceptions?: ReadonlySet<string>;
  /**
   * Lexeme test (Russian lemma and variant words): a word the dictionary knows matches only when
   * one of its lemmas is in `lexemes` (undefined: the entry word is not in the dictionary, so no
   * dictionary word matches it); a word the dictionary does not know falls back to the stem.
   */
  readonly dictionary?: { readonly lexemes?: ReadonlySet<string> };
  readonly grammemes?: readonly string[];
  readonly requireDictionary?: boolean;
  readonly wordClass?: 'imperative' | 'addressed-final';
}

/**
 * What part of an entry a rule comes from. A finding's `matched.rule` begins with one of these
 * words (then the text), which the report shows in its own language.
 */
export const RULE_ORIGIN_KINDS = ['lemma', 'variant', 'form', 'pattern'] as const;
export type RuleOriginKind = (typeof RULE_ORIGIN_KINDS)[number];

/** Where a rule comes from in its entry: which lemma, variant or form, or the pattern. */
export interface RuleOrigin {
  readonly kind: RuleOriginKind;
  /** The lemma, variant or form as written in the entry; for a pattern, its description. */
  readonly text: string;
}

interface CompiledNeighbour {
  readonly words?: ReadonlySet<string>;
  readonly prefixes?: readonly string[];
  readonly suffixes?: readonly string[];
  readonly lemmas?: ReadonlySet<string>;
  readonly pos?: ReadonlySet<string>;
  readonly grammemes?: readonly string[];
  readonly notGrammemes?: readonly string[];
  readonly notLemmas?: ReadonlySet<string>;
  readonly skip?: ReadonlySet<string>;
  readonly capitalised?: boolean;
  readonly unknownWord?: boolean;
  readonly notWords?: ReadonlySet<string>;
  readonly notSuffixes?: readonly string[];
  readonly followedBySuffixes?: readonly string[];
  readonly sameClause?: boolean;
  readonly clauseEdge?: boolean;
}

interface CompiledExclusion {
  readonly exclusion: Exclusion;
  readonly only?: ReadonlySet<string>;
  readonly forms?: ReadonlySet<string>;
  readonly previous?: CompiledNeighbour;
  readonly next?: CompiledNeighbour;
  readonly sentence?: CompiledNeighbour;
  /** Every test the sentence must lack (one, or the list the lexicon gives). */
  readonly sentenceLacks?: readonly CompiledNeighbour[];
  readonly word?: CompiledNeighbour;
  readonly hashtags?: readonly string[];
  readonly quotedTitle?: { readonly before?: CompiledNeighbour; readonly yearAfter: boolean };
  readonly predicateOf?: { readonly verbs: ReadonlySet<string>; readonly of: CompiledNeighbour };
}

/** One compiled rule: the entry it comes from and its token tests. */
export interface CompiledRule {
  readonly lexicon: Lexicon;
  readonly entry: LexiconEntry;
  readonly tests: readonly CompiledTest[];
  readonly sentenceInitial: boolean;
  /** Only when a comma or an exclamation mark follows the match (an address). */
  readonly addressed?: boolean;
  /** Only a capitalised word inside a sentence of ordinary case (see the pattern field). */
  readonly capitalisedInside?: boolean;
  /** Only right after a comma (see the pattern field). */
  readonly afterComma?: boolean;
  /** Its words may stand on either side of a dash set off by spaces (see the pattern field). */
  readonly acrossDash?: boolean;
  /** Only when a comma follows the match (see the pattern field). */
  readonly beforeComma?: boolean;
  /** See the pattern schema's `commaThen`: normalised words, one of which follows a comma after the last token. */
  readonly commaThen?: ReadonlySet<string>;
  /** Not a word written as a name, nor a Russian noun (see the pattern fields). */
  readonly notNames?: boolean;
  /** Set: not a name addressed (see the pattern field); its members are the imperative endings, lower-case. */
  readonly notAddressedNames?: readonly string[];
  /** Set: not a Russian noun (see the pattern field); its members are the possessive endings, lower-case. */
  readonly notRussianNouns?: readonly string[];
  /** Words of a sentence-opening address, for a first test of `wordClass: addressed-final`. */
  readonly addressees?: ReadonlySet<string>;
  readonly notAfter?: ReadonlySet<string>;
  readonly onlyAfter?: ReadonlySet<string>;
  readonly homonyms?: { readonly never: ReadonlySet<string>; readonly clauseStartAfter: ReadonlySet<string> };
  readonly origin: RuleOrigin;
  /** `origin.text` normalised, for exclusions that apply to some of the entry's words only. */
  readonly originKey: string;
  readonly exclusions: CompiledExclusions;
}

/**
 * A rule's exclusions in entry order (the lexicon's, then the entry's), indexed by the words their
 * `forms` name: an exclusion with `forms` applies only when a word of the match is one of them,
 * and most exclusions of a large entry name words (96 of the English imperative's 100), so a match
 * tries the few that can apply instead of all of them (issue 17, round 14).
 */
interface CompiledExclusions {
  readonly list: readonly CompiledExclusion[];
  /** Positions in `list` of the exclusions without `forms`: tried at every match. */
  readonly formless: readonly number[];
  /** Positions in `list`, ascending, of the exclusions whose `forms` hold the word. */
  readonly byForm: ReadonlyMap<string, readonly number[]>;
}

function indexExclusions(list: readonly CompiledExclusion[]): CompiledExclusions {
  const formless: number[] = [];
  const byForm = new Map<string, number[]>();
  for (const [i, x] of list.entries()) {
    if (!x.forms) formless.push(i);
    else
      for (const form of x.forms) {
        const positions = byForm.get(form);
        if (positions) positions.push(i);
        else byForm.set(form, [i]);
      }
  }
  return { list, formless, byForm };
}

/** The union of two ascending lists of positions, ascending, each position once. */
function mergedPositions(a: readonly number[], b: readonly number[]): number[] {
  const merged: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i] ?? Infinity;
    const y = b[j] ?? Infinity;
    merged.push(Math.min(x, y));
    if (x <= y) i++;
    if (y <= x) j++;
  }
  return merged;
}

/** A rule that matched tokens `[first, last]` (indices into the prepared tokens, inclusive). */
export interface RuleMatch {
  readonly rule: CompiledRule;
  readonly first: number;
  readonly last: number;
}

/**
 * One length of the suffix (or prefix) keys and the code units their inner end can hold: a word
 * whose character there is none of them has no key of this length, so no slice of it is looked up.
 */
export interface KeyLength {
  readonly length: number;
  /** First code unit of each suffix of this length (last code unit of each prefix). */
  readonly edges: ReadonlySet<number>;
}

/** All rules of one language, indexed by their first token. */
export interface CompiledLanguage {
  readonly language: LanguageCode;
  readonly byKey: ReadonlyMap<string, readonly CompiledRule[]>;
  readonly bySuffix: ReadonlyMap<string, readonly CompiledRule[]>;
  /** Suffix lengths present in `bySuffix`, longest first, each with the first characters of its suffixes. */
  readonly suffixLengths: readonly KeyLength[];
  readonly byPrefix: ReadonlyMap<string, readonly CompiledRule[]>;
  /** Prefix lengths present in `byPrefix`, longest first, each with the last characters of its prefixes. */
  readonly prefixLengths: readonly KeyLength[];
  /** Rules whose first test is a word class (English imperatives), tried at every token of that class. */
  readonly classRules: readonly CompiledRule[];
  /** Union of the `knownVerbs` of the word-class tests. */
  readonly knownVerbs: ReadonlySet<string>;
  readonly ruleCount: number;
}

/** Normalised form and stem of a word as the matcher sees it, with its Russian dictionary readings. */
export function wordKey(word: string, language: LanguageCode): { normalised: string; stem: string; steps: NormalisationStep[]; parses: readonly RussianParse[] } {
  const { normalised: raw, steps } = normaliseForMatching(word, language);
  const normalised = foldSpelling(raw);
  return { normalised, stem: stem(normalised, language), steps, parses: language === 'ru' && /^[а-я-]+$/.test(normalised) ? russianParses(normalised) : [] };
}

/** {@link wordKey}'s `normalised` alone: no stemming, no dictionary look-up. */
export function normalisedWord(word: string, language: LanguageCode): string {
  return foldSpelling(normaliseForMatching(word, language).normalised);
}

/** {@link wordKey}'s `stem` alone: no dictionary look-up. */
export function wordStem(word: string, language: LanguageCode): string {
  return stem(normalisedWord(word, language), language);
}

/** What {@link wordKey} gives. */
export type WordKey = ReturnType<typeof wordKey>;

/** Memo of {@link wordKey} per language; cleared when it grows past this many words. */
const KEY_CACHE_LIMIT = 200_000;
const keyCache = new Map<LanguageCode, Map<string, WordKey>>();

/**
 * {@link wordKey} remembered per language: a chat repeats the same few thousand words, and
 * normalising and stemming each occurrence anew was most of the matching time; compiling lexicons
 * and profile lists meets the same lemmas again and again.
 * `wordKey` is a pure function of (word, language), so the memo changes no result; the shared
 * `steps` and `parses` are read only.
 */
export function cachedWordKey(word: string, language: LanguageCode): WordKey {
  let cache = keyCache.get(language);
  if (!cache) {
    cache = new Map();
    keyCache.set(language, cache);
  }
  let key = cache.get(word);
  if (!key) {
    if (cache.size >= KEY_CACHE_LIMIT) cache.clear();
    key = wordKey(word, language);
    cache.set(word, key);
  }
  return key;
}

/** A word {@link foldSpelling} leaves as it is: lower-case ASCII Latin or Cyrillic а–я letters only. */
const FOLDED_ALREADY = /^(?:[a-z]+|[\u0430-\u044F]+)$/u;

/**
 * Spelling variation that is not evasion, folded on both sides (lexicon and text) and therefore
 * not recorded: diacritics on Latin letters (Allāh, ḥadīth), transliteration apostrophes and
 * ʿayn/hamza signs (bidʿah, o‘ldir, let’s), and Russian ё as е. Cyrillic letters keep their
 * marks (й, ў are letters of their own).
 */
export function foldSpelling(word: string): string {
  // Lower-case basic Latin or Cyrillic letters only (most words): nothing to fold (й keeps its mark).
  if (FOLDED_ALREADY.test(word)) return word;
  return word
    .normalize('NFD')
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    .normalize('NFC')
    .replace(/[ʿʾʻʼ'’‘`]/g, '')
    .replace(/ё/g, 'е');
}

function splitWords(phrase: string): string[] {
  return tokenize(phrase)
    .filter((t) => t.kind === 'word')
    .map((t) => t.text);
}

function compileTest(test: TokenTest, language: LanguageCode): CompiledTest {
  const lower = (w: string): string => normalisedWord(w, language);
  return {
    ...(test.lemma !== undefined ? { stems: new Set([wordStem(test.lemma, language)]) } : {}),
    ...(test.words !== undefined ? { words: new Set(test.words.map(lower)) } : {}),
    ...(test.suffixes !== undefined ? { suffixes: test.suffixes.map(lower) } : {}),
    ...(test.prefixes !== undefined ? { prefixes: test.prefixes.map(lower) } : {}),
    ...(test.excludePrefixes !== undefined ? { excludePrefixes: test.excludePrefixes.map(lower) } : {}),
    ...(test.excludeSuffixes !== undefined ? { excludeSuffixes: test.excludeSuffixes.map(lower) } : {}),
    minLength: test.minLength ?? 1,
    ...(test.exceptions !== undefined ? { exceptions: new Set(test.exceptions.map(lower)) } : {}),
    ...(test.grammemes !== undefined && language === 'ru' ? { grammemes: test.grammemes, requireDictionary: test.requireDictionary === true } : {}),
    ...(test.wordClass !== undefined ? { wordClass: test.wordClass } : {}),
  };
}

/** The lexeme test of one lemma or variant word (Russian only; other languages match by stem). */
function lexemeTest(word: string, language: LanguageCode): CompiledTest {
  const key = cachedWordKey(word, language);
  const test: CompiledTest = { stems: new Set([key.stem]), minLength: 1 };
  if (language !== 'ru') return test;
  const lexemes = key.parses.length > 0 ? new Set(key.parses.map((p) => p.lemma)) : undefined;
  return { ...test, dictionary: lexemes ? { lexemes } : {} };
}

function compileNeighbour(test: NeighbourTest | undefined, language: LanguageCode): CompiledNeighbour | undefined {
  if (!test) return undefined;
  const lower = (w: string): string => normalisedWord(w, language);
  return {
    ...(test.words ? { words: new Set(test.words.map(lower)) } : {}),
    ...(test.prefixes ? { prefixes: test.prefixes.map(lower) } : {}),
    ...(test.suffixes ? { suffixes: test.suffixes.map(lower) } : {}),
    ...(test.lemmas ? { lemmas: new Set(test.lemmas.map(lower)) } : {}),
    ...(test.pos ? { pos: new Set(test.pos) } : {}),
    ...(test.grammemes ? { grammemes: test.grammemes } : {}),
    ...(test.notGrammemes ? { notGrammemes: test.notGrammemes } : {}),
    ...(test.notLemmas ? { notLemmas: new Set(test.notLemmas.map(lower)) } : {}),
    ...(test.skip ? { skip: new Set(test.skip.map(lower)) } : {}),
    ...(test.capitalised !== undefined ? { capitalised: test.capitalised } : {}),
    ...(test.unknownWord === true ? { unknownWord: true } : {}),
    ...(test.notWords ? { notWords: new Set(test.notWords.map(lower)) } : {}),
    ...(test.notSuffixes ? { notSuffixes: test.notSuffixes.map(lower) } : {}),
    ...(test.followedBySuffixes ? { followedBySuffixes: test.followedBySuffixes.map(lower) } : {}),
    ...(test.sameClause === true ? { sameClause: true } : {}),
    ...(test.clauseEdge === true ? { clauseEdge: true } : {}),
  };
}

function compileExclusions(exclusions: readonly Exclusion[], language: LanguageCode): CompiledExclusion[] {
  return exclusions.map((exclusion) => {
    const previous = compileNeighbour(exclusion.previous, language);
    const next = compileNeighbour(exclusion.next, language);
    const sentence = compileNeighbour(exclusion.sentence, language);
    const lacks = exclusion.sentenceLacks;
    const sentenceLacks = lacks === undefined ? undefined : (Array.isArray(lacks) ? lacks : [lacks]).flatMap((test) => compileNeighbour(test, language) ?? []);
    const word = compileNeighbour(exclusion.word, language);
    const titleBefore = compileNeighbour(exclusion.quotedTitle?.before, language);
    const predicateOf = exclusion.predicateOf;
    const bearerTest = compileNeighbour(predicateOf?.of, language);
    return {
      exclusion,
      ...(exclusion.only ? { only: new Set(exclusion.only.map((w) => normalisedWord(w, language))) } : {}),
      ...(exclusion.forms ? { forms: new Set(exclusion.forms.map((w) => normalisedWord(w, language))) } : {}),
      ...(previous ? { previous } : {}),
      ...(next ? { next } : {}),
      ...(sentence ? { sentence } : {}),
      ...(sentenceLacks ? { sentenceLacks } : {}),
      ...(word ? { word } : {}),
      ...(exclusion.hashtags ? { hashtags: exclusion.hashtags.map((h) => h.toLowerCase()) } : {}),
      ...(exclusion.quotedTitle ? { quotedTitle: { ...(titleBefore ? { before: titleBefore } : {}), yearAfter: exclusion.quotedTitle.yearAfter === true } } : {}),
      ...(predicateOf && bearerTest ? { predicateOf: { verbs: new Set(predicateOf.verbs.map((w) => normalisedWord(w, language))), of: bearerTest } } : {}),
    };
  });
}

function describePattern(entry: LexiconEntry): string {
  if (entry.pattern?.type !== 'sequence') return 'pattern';
  const items = entry.pattern.items.map((t) =>
    [t.lemma, t.words?.join('|'), t.prefixes?.map((p) => `${p}-`).join('|'), t.suffixes?.map((x) => `-${x}`).join('|')].filter((x) => x !== undefined).join(' '),
  );
  return `${entry.pattern.sentenceInitial === true ? 'sentence start: ' : ''}${items.join(' + ')}`;
}

/** Turns one entry into rules (one per lemma/variant/form; one for a sequence pattern). */
function rulesOf(lexicon: Lexicon, entry: LexiconEntry, language: LanguageCode, lexiconExclusions: readonly CompiledExclusion[]): CompiledRule[] {
  const rules: CompiledRule[] = [];
  const exclusions = indexExclusions(entry.exclusions ? [...lexiconExclusions, ...compileExclusions(entry.exclusions, language)] : lexiconExclusions);
  const lexemes: [RuleOrigin['kind'], string | undefined][] = [['lemma', entry.lemma], ...(entry.variants ?? []).map((v): [RuleOrigin['kind'], string] => ['variant', v])];
  for (const [kind, phrase] of lexemes) {
    if (phrase === undefined) continue;
    const words = splitWords(phrase);
    if (words.length === 0) continue;
    rules.push({ lexicon, entry, exclusions, origin: { kind, text: phrase }, originKey: normalisedWord(phrase, language), sentenceInitial: false, tests: words.map((w) => lexemeTest(w, language)) });
  }
  for (const form of entry.forms ?? []) {
    const words = splitWords(form);
    if (words.length === 0) continue;
    rules.push({ lexicon, entry, exclusions, origin: { kind: 'form', text: form }, originKey: normalisedWord(form, language), sentenceInitial: false, tests: words.map((w) => ({ words: new Set([normalisedWord(w, language)]), minLength: 1 })) });
  }
  if (entry.pattern?.type === 'sequence') {
    const pattern = entry.pattern;
    rules.push({
      lexicon,
      entry,
      exclusions,
      origin: { kind: 'pattern', text: describePattern(entry) },
      originKey: '',
      sentenceInitial: pattern.sentenceInitial === true,
      ...(pattern.addressed === true ? { addressed: true } : {}),
      ...(pattern.capitalisedInside === true ? { capitalisedInside: true } : {}),
      ...(pattern.afterComma === true ? { afterComma: true } : {}),
      ...(pattern.acrossDash === true ? { acrossDash: true } : {}),
      ...(pattern.beforeComma === true ? { beforeComma: true } : {}),
      ...(pattern.commaThen !== undefined ? { commaThen: new Set(pattern.commaThen.map((w) => normalisedWord(w, language))) } : {}),
      ...(pattern.notNames === true ? { notNames: true } : {}),
      ...(pattern.notAddressedNames !== undefined && pattern.notAddressedNames !== false
        ? { notAddressedNames: pattern.notAddressedNames === true ? [] : pattern.notAddressedNames.imperativeEndings.map((x) => normalisedWord(x, language)) }
        : {}),
      ...(pattern.notRussianNouns !== undefined && pattern.notRussianNouns !== false
        ? { notRussianNouns: pattern.notRussianNouns === true ? [] : pattern.notRussianNouns.possessiveEndings.map((x) => normalisedWord(x, language)) }
        : {}),
      ...(pattern.addressees !== undefined ? { addressees: new Set(pattern.addressees.map((w) => normalisedWord(w, language))) } : {}),
      tests: pattern.items.map((t) => compileTest(t, language)),
      ...(pattern.notAfter !== undefined ? { notAfter: new Set(pattern.notAfter.map((w) => normalisedWord(w, language))) } : {}),
      ...(pattern.onlyAfter !== undefined ? { onlyAfter: new Set(pattern.onlyAfter.map((w) => normalisedWord(w, language))) } : {}),
      ...(pattern.homonyms !== undefined && language === 'ru'
        ? { homonyms: { never: new Set(pattern.homonyms.never ?? []), clauseStartAfter: new Set(pattern.homonyms.clauseStartAfter.map((w) => normalisedWord(w, language))) } }
        : {}),
    });
  }
  return rules;
}

/** The lengths of `keys`, longest first, each with the `edge` code units of its keys. */
function keyLengths(keys: readonly string[], edge: (key: string) => number): KeyLength[] {
  const edges = new Map<number, Set<number>>();
  for (const key of keys) {
    const set = edges.get(key.length) ?? new Set<number>();
    set.add(edge(key));
    edges.set(key.length, set);
  }
  return [...edges].sort((a, b) => b[0] - a[0]).map(([length, set]) => ({ length, edges: set }));
}

/**
 * Compiles the token rules of the given lexicons for one language. Regex patterns (context
 * markers) are not token rules and are left to the caller.
 */
export function compileLanguage(lexicons: readonly Lexicon[], language: LanguageCode): CompiledLanguage {
  const byKey = new Map<string, CompiledRule[]>();
  const bySuffix = new Map<string, CompiledRule[]>();
  const byPrefix = new Map<string, CompiledRule[]>();
  const classRules: CompiledRule[] = [];
  const knownVerbs = new Set<string>();
  let ruleCount = 0;
  const add = <K>(map: Map<K, CompiledRule[]>, key: K, rule: CompiledRule): void => {
    const list = map.get(key);
    if (list) list.push(rule);
    else map.set(key, [rule]);
  };
  for (const lexicon of lexicons) {
    if (lexicon.language !== language) continue;
    // The lexicon's own exclusions apply to every entry: compiled once, shared (read only) by its rules.
    const lexiconExclusions = compileExclusions(lexicon.exclusions ?? [], language);
    for (const entry of lexicon.entries) {
      if (entry.pattern?.type === 'sequence') for (const t of entry.pattern.items) for (const v of t.knownVerbs ?? []) knownVerbs.add(normalisedWord(v, language));
      for (const rule of rulesOf(lexicon, entry, language, lexiconExclusions)) {
        ruleCount++;
        const first = rule.tests[0];
        if (!first) continue;
        if (first.wordClass) {
          classRules.push(rule);
          continue;
        }
        // Index by the most selective condition of the first test.
        for (const lexeme of first.dictionary?.lexemes ?? []) add(byKey, `l\u0000${lexeme}`, rule);
        if (first.stems) for (const s of first.stems) add(byKey, `s\u0000${s}`, rule);
        else if (first.words) for (const w of first.words) add(byKey, `w\u0000${w}`, rule);
        else if (first.prefixes) for (const prefix of first.prefixes) add(byPrefix, prefix, rule);
        else for (const suffix of first.suffixes ?? []) add(bySuffix, suffix, rule);
      }
    }
  }
  const suffixLengths = keyLengths([...bySuffix.keys()], (suffix) => suffix.charCodeAt(0));
  const prefixLengths = keyLengths([...byPrefix.keys()], (prefix) => prefix.charCodeAt(prefix.length - 1));
  return { language, byKey, bySuffix, suffixLengths, byPrefix, prefixLengths, classRules, knownVerbs, ruleCount };
}

const NO_RULES: readonly CompiledRule[] = [];

const CAPITAL = /^\p{Lu}/u;

/** Whether token `i` has a capital though it opens no sentence, and the words beside it in its sentence do not. */
function capitalisedInside(tokens: readonly PreparedToken[], i: number): boolean {
  const token = tokens[i] as PreparedToken;
  const previous = tokens[i - 1];
  const next = tokens[i + 1];
  if (token.sentenceInitial || previous === undefined || !CAPITAL.test(token.text) || CAPITAL.test(previous.text)) return false;
  return next === undefined || next.sentenceInitial || !CAPITAL.test(next.text);
}

const TITLE_WORD = /^\p{Lu}\p{Ll}+$/u;
const CAPITALISED_COMPOUND = /^\p{Lu}\p{Ll}*(?:-\p{Lu}\p{Ll}*)+$/u;
/** What may open quoted or introduced words, whose first word takes a capital: «, ", colon, dash. */
const OPENS_QUOTE = /[«"„“:—–]/u;

/**
 * Whether token `i` is written as a name: a hyphenated compound of capitalised parts, or a capital
 * inside a sentence — after an opening quotation mark, colon or dash only when the next word is
 * capitalised too («"Алтынсун Текстиль"», not «"Өлтүргүлө!" деди»).
 */
function writtenAsName(text: string, tokens: readonly PreparedToken[], i: number): boolean {
  const token = tokens[i] as PreparedToken;
  if (CAPITALISED_COMPOUND.test(token.text)) return true;
  if (token.sentenceInitial || !TITLE_WORD.test(token.text)) return false;
  if (!OPENS_QUOTE.test(text.slice(tokens[i - 1]?.end ?? 0, token.start))) return true;
  const next = tokens[i + 1];
  return next !== undefined && adjacent(text, token, next) && CAPITAL.test(next.text);
}

/** A comma right after a word: an address ends there. */
const COMMA_AFTER = /^[ \t\u00a0]*,/u;

/** A comma alone between token `last` and the next token of its sentence, which is one of `words` («Неправда, что …»). */
function commaThen(words: ReadonlySet<string>, text: string, tokens: readonly PreparedToken[], last: number): boolean {
  const token = tokens[last] as PreparedToken;
  const next = tokens[last + 1];
  return next !== undefined && !next.sentenceInitial && /^[ \t\u00a0]*,[ \t\u00a0]*$/u.test(text.slice(token.end, next.start)) && words.has(next.normalised);
}

/**
 * Whether token `i` opens its sentence as the name of the one addressed: a capitalised word and a
 * comma, in a sentence that ends in a lower-case bare stem or in one of the rule's endings of the
 * 2nd-person imperative (which asks the one named: «Турсун, эшикти жап», «Айсын, бери кел»,
 * «Гүлсүн, чай койчу»). A sentence that ends in a noun with another ending or a capital («Өлсүн,
 * душмандар!», «Жашасын, Кыргызстан!») or in another form of the rule («Келсин, көрсүн!») keeps the call.
 */
function addressedByName(rule: CompiledRule, endings: readonly string[], text: string, tokens: readonly PreparedToken[], i: number): boolean {
  const token = tokens[i] as PreparedToken;
  if (!token.sentenceInitial || !TITLE_WORD.test(token.text) || !COMMA_AFTER.test(text.slice(token.end))) return false;
  let last = i;
  while (tokens[last + 1]?.sentenceInitial === false) last++;
  const final = tokens[last] as PreparedToken;
  if (last === i || CAPITAL.test(final.text)) return false;
  if (final.stem !== final.normalised && !endings.some((x) => final.normalised.length > x.length && final.normalised.endsWith(x))) return false;
  return !passes(rule.tests[0] as CompiledTest, final, NO_TOKENS);
}

/** Whether the Russian dictionary reads the word, and only as a noun. */
function russianNoun(word: string): boolean {
  const parses = cachedWordKey(word, 'ru').parses;
  return parses.length > 0 && parses.every((p) => p.pos === 'NOUN');
}

/** What finding a word's candidate rules reads of it: the same for every occurrence of the word in a language. */
export type MatchedWord = Pick<PreparedToken, 'id' | 'normalised' | 'stem' | 'parses'>;

/**
 * A test of whether a word may open a match of `compiled`: some rule is a candidate for it, or it
 * is a word a word-class rule needs in its sentence (an English word for the imperative tagger; an
 * addressee for `addressed-final`). A segment none of whose words passes has no match
 * ({@link matchTokens} returns none), so its tokens need not be prepared.
 */
export function opensMatches(compiled: CompiledLanguage): (word: MatchedWord) => boolean {
  let opens = OPENS_MATCHES.get(compiled);
  if (opens?.generation !== WORDS.generation) {
    const memo = WORDS.memo<readonly CompiledRule[]>(compiled);
    const imperatives = compiled.classRules.some((rule) => rule.tests[0]?.wordClass === 'imperative');
    const addressees = compiled.classRules.flatMap((rule) => (rule.tests[0]?.wordClass === 'addressed-final' && rule.addressees ? [rule.addressees] : []));
    const test = (word: MatchedWord): boolean => {
      if (imperatives || candidatesOf(compiled, word, memo).length > 0) return true;
      for (const set of addressees) if (set.has(word.normalised)) return true;
      return false;
    };
    opens = { generation: WORDS.generation, test };
    OPENS_MATCHES.set(compiled, opens);
  }
  return opens.test;
}

/** {@link opensMatches} per compiled language, for the word table's generation its memo belongs to (it was made per segment). */
const OPENS_MATCHES = new WeakMap<CompiledLanguage, { readonly generation: number; readonly test: (word: MatchedWord) => boolean }>();

/**
 * A loan stem shorter than this is not looked up without its ending (тур, кара are also Kyrgyz
 * verb stems); one more letter before a soft sign (карас+ь is a fish, кара+сын 'let him look').
 */
const MIN_LOAN_STEM = 5;

/**
 * Whether the word is a Russian loan in a Turkic text: a Russian noun as it stands, or after one
 * of `endings` (the language's possessive and case) is taken off, with or without a soft sign in
 * its place (фестивал+ы → фестиваль, процесс+ин → процесс).
 */
function russianLoan(token: PreparedToken, endings: readonly string[]): boolean {
  if (russianNoun(token.normalised)) return true;
  for (const ending of endings) {
    if (!token.normalised.endsWith(ending)) continue;
    const stem = token.normalised.slice(0, -ending.length);
    if ((stem.length >= MIN_LOAN_STEM && russianNoun(stem)) || (stem.length > MIN_LOAN_STEM && russianNoun(`${stem}ь`))) return true;
  }
  return false;
}

/**
 * Rules whose first test passes for `token`, found by stem, by word, by lemma, by each suffix
 * length and by each prefix length, in that order, each rule once. Depends only on the token's
 * word (normal form, stem, readings), so it is computed once per distinct word and then looked up;
 * a segment none of whose words has one has no match ({@link opensMatches}).
 */
function candidatesOf(compiled: CompiledLanguage, token: MatchedWord, memo: WordMemo<readonly CompiledRule[]>): readonly CompiledRule[] {
  // The look-up is kept apart from the search: a closure in this function would make V8 allocate
  // its context on every call, hits included (one object per token).
  let list = memo.get(token.id);
  if (list === undefined) {
    list = passingRules(compiled, token);
    memo.set(token.id, list);
  }
  return list;
}

/** {@link candidatesOf} computed: the rules found by the word's keys whose first test it passes. */
function passingRules(compiled: CompiledLanguage, token: MatchedWord): readonly CompiledRule[] {
  // A candidate whose first test fails for the word can never match at it: that test reads only
  // the word (a word-class rule is no candidate), so it is answered here once per distinct word.
  // Kept in the order first found, each rule once (a word passes few, so `includes` is short).
  const passing: CompiledRule[] = [];
  const consider = (rules: readonly CompiledRule[] | undefined): void => {
    for (const rule of rules ?? NO_RULES) if (!passing.includes(rule) && wordPasses(rule.tests[0] as CompiledTest, token)) passing.push(rule);
  };
  consider(compiled.byKey.get(`s\u0000${token.stem}`));
  consider(compiled.byKey.get(`w\u0000${token.normalised}`));
  for (const parse of token.parses) consider(compiled.byKey.get(`l\u0000${parse.lemma}`));
  const word = token.normalised;
  for (const { length, edges } of compiled.suffixLengths) {
    if (length < word.length && edges.has(word.charCodeAt(word.length - length))) consider(compiled.bySuffix.get(word.slice(-length)));
  }
  for (const { length, edges } of compiled.prefixLengths) {
    if (length <= word.length && edges.has(word.charCodeAt(length - 1))) consider(compiled.byPrefix.get(word.slice(0, length)));
  }
  return passing.length === 0 ? NO_RULES : passing;
}

function passes(test: CompiledTest, token: PreparedToken, classMembers: ReadonlySet<PreparedToken>): boolean {
  return (test.wordClass === undefined || classMembers.has(token)) && wordPasses(test, token);
}

/** Whether `token` passes `test` but for its word class: every condition read from the word alone. */
function wordPasses(test: CompiledTest, token: MatchedWord): boolean {
  const word = token.normalised;
  if (word.length < test.minLength) return false;
  if (test.exceptions?.has(word)) return false;
  // A word the dictionary knows matches a lexeme test by its lemma alone (уничтожат → уничтожить,
  // whatever the stemmer makes of it); an unknown word falls back to the stem.
  const byLexeme = test.dictionary !== undefined && token.parses.length > 0;
  if (test.stems && !byLexeme && !test.stems.has(token.stem)) return false;
  if (test.words && !test.words.has(word)) return false;
  if (test.suffixes && !endsWithSome(word, test.suffixes)) return false;
  if (test.prefixes && !startsWithSome(word, test.prefixes)) return false;
  if (test.excludePrefixes && startsWithSome(word, test.excludePrefixes)) return false;
  if (test.excludeSuffixes && endsWithSome(word, test.excludeSuffixes)) return false;
  if (test.dictionary && token.parses.length > 0) {
    const lexemes = test.dictionary.lexemes;
    if (!lexemes || !someLemmaIn(token.parses, lexemes)) return false;
  }
  if (test.grammemes && (token.parses.length > 0 || test.requireDictionary) && !someReadingWithAll(token.parses, test.grammemes)) return false;
  return true;
}

// wordPasses runs for every rule a distinct word is looked up under and for every later token of
// a candidate: plain loops, where a callback per call was a closure allocated per test.

/** Whether `word` ends with one of `suffixes` and is longer than it. */
function endsWithSome(word: string, suffixes: readonly string[]): boolean {
  for (let i = 0; i < suffixes.length; i++) {
    const suffix = suffixes[i] as string;
    if (word.length > suffix.length && word.endsWith(suffix)) return true;
  }
  return false;
}

/** Whether `word` starts with one of `prefixes`. */
function startsWithSome(word: string, prefixes: readonly string[]): boolean {
  for (let i = 0; i < prefixes.length; i++) if (word.startsWith(prefixes[i] as string)) return true;
  return false;
}

/** Whether some reading's lemma is in `lexemes`. */
function someLemmaIn(parses: readonly RussianParse[], lexemes: ReadonlySet<string>): boolean {
  for (let i = 0; i < parses.length; i++) if (lexemes.has((parses[i] as RussianParse).lemma)) return true;
  return false;
}

/** Whether some reading has every grammeme of `wanted`. */
function someReadingWithAll(parses: readonly RussianParse[], wanted: readonly string[]): boolean {
  for (let i = 0; i < parses.length; i++) {
    const grammemes = (parses[i] as RussianParse).grammemes;
    let all = true;
    for (let g = 0; g < wanted.length && all; g++) all = grammemes.includes(wanted[g] as string);
    if (all) return true;
  }
  return false;
}

/**
 * Parts of speech of a function word. The dictionary also reads some of them as nouns (в as volts, к,
 * с as abbreviations), so a word with such a reading is no noun to a test that asks for one: «его
 * убили в ту ночь», «её задушили в подвале» name no thing killed or strangled.
 */
const FUNCTION_WORD_POS: ReadonlySet<string> = new Set(['PREP', 'CONJ', 'PRCL']);

/** A word of Cyrillic letters (and hyphens) only: what an unknown Russian word can be. */
const CYRILLIC_WORD = /^[\p{Script=Cyrillic}-]+$/u;

function neighbourPasses(test: CompiledNeighbour, token: PreparedToken | undefined): boolean {
  if (!token) return false;
  if (test.words && !test.words.has(token.normalised)) return false;
  if (test.prefixes && !test.prefixes.some((p) => token.normalised.startsWith(p))) return false;
  if (test.suffixes && !test.suffixes.some((x) => token.normalised.length > x.length && token.normalised.endsWith(x))) return false;
  if (test.lemmas && !token.parses.some((p) => test.lemmas?.has(p.lemma))) return false;
  if (test.pos && !token.parses.some((p) => test.pos?.has(p.pos))) return false;
  const grammemes = test.grammemes;
  if (grammemes && !token.parses.some((p) => grammemes.every((g) => p.grammemes.includes(g)))) return false;
  if (grammemes?.includes('NOUN') === true && token.parses.some((p) => FUNCTION_WORD_POS.has(p.pos))) return false;
  if (test.notLemmas && token.parses.some((p) => test.notLemmas?.has(p.lemma))) return false;
  const notGrammemes = test.notGrammemes;
  if (notGrammemes && token.parses.some((p) => notGrammemes.every((g) => p.grammemes.includes(g)))) return false;
  if (test.capitalised !== undefined && test.capitalised !== (!token.sentenceInitial && /^\p{Lu}/u.test(token.text))) return false;
  if (test.unknownWord === true && (token.parses.length > 0 || !CYRILLIC_WORD.test(token.text))) return false;
  if (test.notWords?.has(token.normalised) === true) return false;
  if (test.notSuffixes?.some((x) => token.normalised.length > x.length && token.normalised.endsWith(x)) === true) return false;
  return true;
}

/** Whether `token` continues the sentence and its normalised form ends with one of `suffixes` (and is longer). */
function endsWithOne(token: PreparedToken | undefined, suffixes: readonly string[]): boolean {
  return token?.sentenceInitial === false && suffixes.some((x) => token.normalised.length > x.length && token.normalised.endsWith(x));
}

/** Words that agree with or count the noun they precede (целый, весь, этот, свой; двух, пять; in az's tags). */
const ATTRIBUTIVE = new Set(['ADJF', 'PRTF', 'NUMR']);

/**
 * Whether the word after `last`, in the same sentence and past the test's `skip` words, passes
 * `test`; failing that, the noun after up to two attributive words, since the object of a verb is
 * a phrase («убили целый вечер», «взорвала весь зал», «зарезал двух баранов»). Words without a dictionary reading (every
 * language but Russian) are never taken as attributive.
 */
function nextPasses(test: CompiledNeighbour, text: string, tokens: readonly PreparedToken[], last: number): boolean {
  if (test.clauseEdge === true) return clauseEdgeBetween(text, tokens[last] as PreparedToken, tokens[last + 1]);
  let attributives = 0;
  for (let k = last + 1; ; k++) {
    const token = tokens[k];
    if (token?.sentenceInitial !== false) return false;
    if (test.sameClause === true && !adjacent(text, tokens[k - 1] as PreparedToken, token)) return false;
    if (test.skip?.has(token.normalised)) continue;
    if (neighbourPasses(test, token)) return test.followedBySuffixes === undefined || endsWithOne(tokens[k + 1], test.followedBySuffixes);
    if (attributives === 2 || !token.parses.some((p) => ATTRIBUTIVE.has(p.pos))) return false;
    attributives++;
  }
}

/** Token index range `[from, to)` of the sentence around token `i`. */
function sentenceOf(tokens: readonly PreparedToken[], i: number): [number, number] {
  let from = i;
  while (from > 0 && !(tokens[from] as PreparedToken).sentenceInitial) from--;
  let to = i + 1;
  while (to < tokens.length && !(tokens[to] as PreparedToken).sentenceInitial) to++;
  return [from, to];
}

/** Whether a word of the sentence around `[first, last]`, outside it, passes `test`. */
function inSentence(test: CompiledNeighbour, tokens: readonly PreparedToken[], first: number, last: number): boolean {
  const [from, to] = sentenceOf(tokens, first);
  for (let k = from; k < to; k++) if ((k < first || k > last) && neighbourPasses(test, tokens[k])) return true;
  return false;
}

/** Whether a word of the sentence around `[first, last]`, outside it, passes one of `tests`. */
function inSentenceAny(tests: readonly CompiledNeighbour[], tokens: readonly PreparedToken[], first: number, last: number): boolean {
  for (const test of tests) if (inSentence(test, tokens, first, last)) return true;
  return false;
}

/**
 * The word before (`step` -1) or after (+1) token `from` in its sentence, past the words the test
 * skips (articles, possessives); undefined at the sentence edge.
 */
function neighbourOf(test: CompiledNeighbour, tokens: readonly PreparedToken[], from: number, step: -1 | 1): PreparedToken | undefined {
  let k = from;
  for (;;) {
    // k === 0: the text's first word may continue a sentence begun before it (a segment cut mid-sentence).
    const edge = step < 0 ? k === 0 || (tokens[k] as PreparedToken).sentenceInitial : tokens[k + 1]?.sentenceInitial !== false;
    if (edge) return undefined;
    k += step;
    const token = tokens[k] as PreparedToken;
    if (!test.skip?.has(token.normalised)) return token;
  }
}

/** Whether the word before `first` in its sentence (past the test's skip words) passes `test`, in the same clause where the test asks. */
function previousPasses(test: CompiledNeighbour, text: string, tokens: readonly PreparedToken[], first: number): boolean {
  const here = tokens[first] as PreparedToken;
  // The segment's first word may open no sentence (a number before it: «8.30 Fight Out at Sundown», round 19): nothing stands before it.
  const before = tokens[first - 1];
  if (test.clauseEdge === true) return here.sentenceInitial || before === undefined || clauseEdgeBetween(text, before, here);
  const token = neighbourOf(test, tokens, first, -1);
  if (test.sameClause === true && token !== undefined && !adjacent(text, token, tokens[first] as PreparedToken)) return false;
  return neighbourPasses(test, token);
}

/** Whether a clause ends between `a` and the token after it, `b`: no `b`, `b` opens a sentence, or punctuation stands between them. */
function clauseEdgeBetween(text: string, a: PreparedToken, b: PreparedToken | undefined): boolean {
  return b === undefined || b.sentenceInitial || !adjacent(text, a, b);
}

/** Small words a title-case name keeps in lower case (Attack on Titan, Lord of the Rings). */
const TITLE_SMALL_WORDS: ReadonlySet<string> = new Set(['of', 'on', 'the', 'and', 'in', 'at', 'to', 'for', 'a', 'an', 'with']);

/** Quotation marks that open a quoted title ("Fight Club", «Kill Bill», „…“). */
const OPENING_QUOTES: ReadonlySet<number> = new Set([0x22, 0x27, 0x201c, 0x2018, 0x201e, 0xab]);
/** Quotation marks that close one. */
const CLOSING_QUOTES: ReadonlySet<number> = new Set([0x22, 0x27, 0x201d, 0x2019, 0x201c, 0xbb]);

/** The character code of `text` before `at` past spaces, or -1 at the start. */
function charBefore(text: string, at: number): number {
  let k = at - 1;
  while (k >= 0 && (text.charCodeAt(k) === 0x20 || text.charCodeAt(k) === 0xa0)) k--;
  return k < 0 ? -1 : text.charCodeAt(k);
}

/** Whether only spaces and a closing quotation mark stand between tokens `a` and `b`. */
function closingQuoteBetween(text: string, a: PreparedToken, b: PreparedToken): boolean {
  let quote = false;
  for (let k = a.end; k < b.start; k++) {
    const c = text.charCodeAt(k);
    if (CLOSING_QUOTES.has(c) && !quote) quote = true;
    else if (c !== 0x20 && c !== 0xa0) return false;
  }
  return quote;
}

/**
 * Whether token `i` is a small word opening a title inside a sentence (we read To Kill a
 * Mockingbird): a small word of a title, not at a sentence start, after a word without a capital.
 */
function titleOpening(tokens: readonly PreparedToken[], i: number): boolean {
  const token = tokens[i] as PreparedToken;
  const before = tokens[i - 1];
  return !token.sentenceInitial && TITLE_SMALL_WORDS.has(token.normalised) && before !== undefined && !CAPITAL.test(before.text);
}

/**
 * Whether the match `[first, last]` is written as part of a title or a name inside a sentence of
 * ordinary case: its first word has a capital, opens no sentence and follows a word without one,
 * and the next word past the small words of a title has a capital too (see the exclusion's `title`).
 * A title in quotation marks may open its sentence when it is a part of it: the words in title
 * case, the closing mark, then a lower-case word of the same sentence ("Fight Club" is on tonight);
 * a quoted cry ends its sentence or goes on in lower case ("Kill them all!" he shouted). An English
 * title without marks may open its sentence when the imperative reader takes it for the subject of
 * a verb after it (Shoot the Piano Player is on at the Curzon; not Kill Tomas tonight).
 */
function inTitle(text: string, tokens: readonly PreparedToken[], first: number, last: number, english: boolean): boolean {
  const token = tokens[first] as PreparedToken;
  const previous = tokens[first - 1];
  if (!CAPITAL.test(token.text)) return false;
  const quotedOpening = token.sentenceInitial && OPENING_QUOTES.has(charBefore(text, token.start));
  const opening = token.sentenceInitial && !quotedOpening;
  if (!quotedOpening && !opening && (previous === undefined || (CAPITAL.test(previous.text) && !titleOpening(tokens, first - 1)))) return false;
  let k = last + 1;
  while (tokens[k]?.sentenceInitial === false && TITLE_SMALL_WORDS.has((tokens[k] as PreparedToken).normalised) && k < last + 3) k++;
  const next = tokens[k];
  if (next === undefined || next.sentenceInitial || !CAPITAL.test(next.text)) return false;
  // At a sentence start the capital tells nothing: English has its title read as the subject of a verb after it.
  if (opening) return english && opensWithTitleSubject(text.slice(token.start, (tokens[sentenceWindowEnd(tokens, first)] as PreparedToken).end));
  if (!quotedOpening) return true;
  while (tokens[k + 1]?.sentenceInitial === false && CAPITAL.test((tokens[k + 1] as PreparedToken).text) && !closingQuoteBetween(text, tokens[k] as PreparedToken, tokens[k + 1] as PreparedToken)) k++;
  const after = tokens[k + 1];
  return after !== undefined && !after.sentenceInitial && !CAPITAL.test(after.text) && closingQuoteBetween(text, tokens[k] as PreparedToken, after);
}

/** Words past a sentence-opening title's first word read for its verb (Attack on Titan season four was …). */
const TITLE_SUBJECT_WORDS = 10;

/** The last token of the sentence of token `first` within {@link TITLE_SUBJECT_WORDS} after it. */
function sentenceWindowEnd(tokens: readonly PreparedToken[], first: number): number {
  let end = first;
  while (end < first + TITLE_SUBJECT_WORDS && tokens[end + 1]?.sentenceInitial === false) end++;
  return end;
}

/**
 * Directional quotation marks of a title, by pairs («…», „…“, “…”): the backward scan below must
 * tell an opening mark from a closing one, which a straight quote cannot.
 */
const PAIRED_OPENING_QUOTES = '«„“';
const PAIRED_CLOSING_QUOTES = '»“”';

/** A year in brackets right after a closing quotation mark: «Крепкий орешек» (1988). */
const YEAR_IN_BRACKETS = /^[ \t\u00a0]*\([ \t\u00a0]*\d{4}[ \t\u00a0]*\)/u;

/**
 * Whether the match `[first, last]` lies inside a quoted title of its sentence that the exclusion's
 * `quotedTitle` names: the nearest quotation mark before the match (within the sentence) opens,
 * the quoted words start with a capital, a closing mark follows the match in the sentence, and the
 * word before the opening mark and/or a year in brackets after the closing one pass.
 */
function inQuotedTitle(test: NonNullable<CompiledExclusion['quotedTitle']>, text: string, tokens: readonly PreparedToken[], first: number, last: number): boolean {
  const [from, to] = sentenceOf(tokens, first);
  const sentenceStart = (tokens[from] as PreparedToken).start;
  let open = -1;
  for (let k = (tokens[first] as PreparedToken).start - 1; k >= sentenceStart && open < 0; k--) {
    const c = text[k] as string;
    if (c === '»' || c === '”') return false;
    if (PAIRED_OPENING_QUOTES.includes(c)) open = k;
  }
  if (open < 0) return false;
  const sentenceEnd = to < tokens.length ? (tokens[to] as PreparedToken).start : text.length;
  let close = -1;
  for (let k = (tokens[last] as PreparedToken).end; k < sentenceEnd && close < 0; k++) if (PAIRED_CLOSING_QUOTES.includes(text[k] as string) && text[k] !== text[open]) close = k;
  if (close < 0) return false;
  let firstQuoted = first;
  while (firstQuoted > from && (tokens[firstQuoted - 1] as PreparedToken).start > open) firstQuoted--;
  if (!CAPITAL.test((tokens[firstQuoted] as PreparedToken).text)) return false;
  if (test.yearAfter && !YEAR_IN_BRACKETS.test(text.slice(close + 1, close + 16))) return false;
  return test.before === undefined || (firstQuoted > from && neighbourPasses(test.before, neighbourOf(test.before, tokens, firstQuoted, -1)));
}

/**
 * A scoreline: two numbers of one or two digits joined by a dash (4-0, 3–1, 42-7), then the end of
 * the sentence, a mark or a lower-case Latin word that is no plural (4-0 at home, a 3-1 win); or
 * two single digits joined by a colon, as Russian writes a score (ведут 2:0, давайте; 3:1 в нашу
 * пользу). A year range has four digits (1939-1945); a range of people (10-15 villagers) or a date
 * (3-4 May) is followed by a plural or a capital, and a Russian range by a Cyrillic word (3-4
 * месяца); a time of day has two digits of minutes (8:15, 10:00); a phone number (8-968 267-58-32)
 * has more groups. A colon pair in brackets or after a word of scripture (сура 9:5, (9:5), Мф. 5:9,
 * verse 2:1) is a reference, not a score: a citation must not drop the candidates beside it.
 */
const SCORELINE = /(?<![\d.,:/-])(?:\d{1,2} ?[-–—] ?\d{1,2}(?!\d|[-.,:/]\d)(?:\s*$|\s*[^\s\p{L}\d]|\s+(?!\p{Script=Cyrillic})\p{Ll}+(?<!s)(?!\p{L}))|(?<!(?:[([]|(?:[Сс]ур|[Аа]ят|[Кк]оран|[Сс]тих|[Гг]лав|[Ss]ur|[Aa]yat|[Qq]ur|[Vv]erse|[Cc]hapter)\p{L}*|(?<!\p{L})(?:Мф|Мк|Лк|Ин|Быт|Исх|Втор|Пс|Рим|Деян|Откр))\.?\s*)\d:\d(?!\d|[-.,:/]\d)(?:\s*$|\s*[^\s\p{L}\d]|\s+\p{Ll}+(?!\p{L})))/u;

/** Whether the sentence of token `i` holds a scoreline (see the exclusion's `score`): a sport result. */
function sentenceHasScore(text: string, tokens: readonly PreparedToken[], i: number): boolean {
  const [from, to] = sentenceOf(tokens, i);
  const end = to < tokens.length ? (tokens[to] as PreparedToken).start : text.length;
  return SCORELINE.test(text.slice((tokens[from] as PreparedToken).start, end));
}

/** A hashtag: # and the letters, digits and underscores after it. */
const HASHTAG = /#[\p{L}\p{M}\p{N}_]+/gu;

/**
 * Whether a hashtag of the text (a post or a message: its tags name what the whole of it is
 * about) holds one of `parts` (lower-case).
 */
function hashtagHolds(parts: readonly string[], text: string): boolean {
  // The last answer, so a long text with many matches is read once per exclusion.
  if (lastHashtags.parts === parts && lastHashtags.text === text) return lastHashtags.holds;
  const holds = (text.match(HASHTAG) ?? []).some((tag) => {
    const lower = tag.toLowerCase();
    return parts.some((p) => lower.includes(p));
  });
  lastHashtags = { parts, text, holds };
  return holds;
}
let lastHashtags: { parts?: readonly string[]; text?: string; holds: boolean } = { holds: false };

/** The exclusion of the rule that applies to the match `[first, last]`, if any: the first in entry order. */
function excludedBy(rule: CompiledRule, text: string, tokens: readonly PreparedToken[], first: number, last: number): Exclusion | undefined {
  const { list, formless, byForm } = rule.exclusions;
  // Those without forms and those naming a word of the match, in entry order: the others have a
  // `forms` test that fails here.
  let tried: readonly number[] = formless;
  for (let k = first; k <= last; k++) {
    const naming = byForm.get((tokens[k] as PreparedToken).normalised);
    if (naming) tried = mergedPositions(tried, naming);
  }
  for (const i of tried) {
    const x = list[i] as CompiledExclusion;
    if (x.only && !x.only.has(rule.originKey)) continue;
    if (x.word && !neighbourPasses(x.word, tokens[first])) continue;
    if (x.hashtags && !hashtagHolds(x.hashtags, text)) continue;
    if (x.previous && !previousPasses(x.previous, text, tokens, first)) continue;
    if (x.next && !nextPasses(x.next, text, tokens, last)) continue;
    if (x.sentence && !inSentence(x.sentence, tokens, first, last)) continue;
    if (x.sentenceLacks && inSentenceAny(x.sentenceLacks, tokens, first, last)) continue;
    if (x.exclusion.title === true && !inTitle(text, tokens, first, last, rule.lexicon.language === 'en')) continue;
    if (x.exclusion.score === true && !sentenceHasScore(text, tokens, first)) continue;
    if (x.quotedTitle && !inQuotedTitle(x.quotedTitle, text, tokens, first, last)) continue;
    if (x.predicateOf && !bearerPasses(x.predicateOf, text, tokens, first)) continue;
    return x.exclusion;
  }
  return undefined;
}

/** Token index range `[from, to)` of the clause around token `i`: its sentence, cut where punctuation stands between two words. */
function clauseOf(text: string, tokens: readonly PreparedToken[], i: number): [number, number] {
  let from = i;
  while (from > 0 && !(tokens[from] as PreparedToken).sentenceInitial && adjacent(text, tokens[from - 1] as PreparedToken, tokens[from] as PreparedToken)) from--;
  let to = i + 1;
  while (to < tokens.length && !(tokens[to] as PreparedToken).sentenceInitial && adjacent(text, tokens[to - 1] as PreparedToken, tokens[to] as PreparedToken)) to++;
  return [from, to];
}

/** Whether the word at `first` is a predicate of one of the verbs and every word it may be said of passes the test (`predicate-ru.ts`). */
function bearerPasses(test: NonNullable<CompiledExclusion['predicateOf']>, text: string, tokens: readonly PreparedToken[], first: number): boolean {
  const [clauseFrom, clauseTo] = clauseOf(text, tokens, first);
  const bearers = predicateBearers(tokens, first, clauseFrom, clauseTo, sentenceOf(tokens, first)[0], test.verbs);
  // Each is tested by the readings by which it may bear the predicate (сорок read as сорока is animate).
  for (const bearer of bearers) if (!neighbourPasses(test.of, { ...(tokens[bearer.index] as PreparedToken), parses: bearer.readings })) return false;
  return bearers.length > 0;
}

/** What follows a word used as an address: a comma or an exclamation mark. */
const ADDRESS_MARK = /^[ \t\u00a0]*[,!]/u;

/** A number, or a dash set off by spaces, right after a word. */
const NUMBER_OR_DASH = /^[ \t\u00a0]*(?:\d|[—–][ \t\u00a0])/u;

/** Tokens `i` and `i+1` are adjacent words: only spaces (no punctuation, no line break) between. */
function adjacent(text: string, a: PreparedToken, b: PreparedToken): boolean {
  // Read in place: a slice and a regular expression per pair of tokens were a garbage string each.
  for (let k = a.end; k < b.start; k++) {
    const c = text.charCodeAt(k);
    if (c !== 0x20 && c !== 0x09 && c !== 0xa0) return false;
  }
  return true;
}

/** Only a dash set off by spaces stands between tokens `a` and `b` (Молгары — вон!). */
const SPACED_DASH = /^[ \t\u00a0]+[—–-][ \t\u00a0]+$/u;
function spacedDashBetween(text: string, a: PreparedToken, b: PreparedToken): boolean {
  return SPACED_DASH.test(text.slice(a.end, b.start));
}

/** What {@link homonymPlaced} reads of a word alone: its readings of another lexeme than the rule's. */
interface HomonymReadings {
  readonly others: readonly RussianParse[];
  /** Some other reading is a part of speech in `homonyms.never`. */
  readonly never: boolean;
  /** Some other reading is a noun in the nominative. */
  readonly nominativeNoun: boolean;
  /** Every other reading is in the locative, a case only a preposition governs («о бейте», «в бейте»). */
  readonly locativeOnly: boolean;
}

/**
 * {@link HomonymReadings} per rule and interned word of the word table's current generation (only
 * words that pass the rule's first test are asked for, so each map stays small).
 */
const HOMONYM_READINGS = new WeakMap<CompiledRule, { readonly generation: number; readonly byWord: Map<number, HomonymReadings> }>();

function homonymReadings(rule: CompiledRule, homonyms: NonNullable<CompiledRule['homonyms']>, wanted: readonly string[], token: PreparedToken): HomonymReadings {
  let memo = HOMONYM_READINGS.get(rule);
  if (memo?.generation !== WORDS.generation) {
    memo = { generation: WORDS.generation, byWord: new Map() };
    HOMONYM_READINGS.set(rule, memo);
  }
  const { byWord } = memo;
  let readings = byWord.get(token.id);
  if (!readings) {
    readings = readingsOfOtherLexemes(homonyms, wanted, token.parses);
    byWord.set(token.id, readings);
  }
  return readings;
}

/** {@link HomonymReadings} computed (apart from the look-up, whose calls then allocate no closure context). */
function readingsOfOtherLexemes(homonyms: NonNullable<CompiledRule['homonyms']>, wanted: readonly string[], parses: readonly RussianParse[]): HomonymReadings {
  const lexemes = new Set(parses.filter((p) => wanted.every((g) => p.grammemes.includes(g))).map((p) => p.lemma));
  const others = parses.filter((p) => !lexemes.has(p.lemma));
  return { others, never: others.some((p) => homonyms.never.has(p.pos)), nominativeNoun: others.some((p) => p.pos === 'NOUN' && caseOf(p) === 'nomn'), locativeOnly: others.length > 0 && others.every((p) => LOCATIVES.has(caseOf(p) ?? '')) };
}

/**
 * Whether token `i` stands where the rule's first test may read it (see `homonyms` in the lexicon
 * schema). Only readings of another lexeme count: the same verb in another mood (уходите,
 * indicative or imperative) is the rule's own ambiguity, read by the examiner. A word also read as
 * a part of speech in `never` never passes; any other homonym only at the start of a clause, not
 * right before an indicative verb and not heading a noun phrase with the next word.
 */
function homonymPlaced(rule: CompiledRule, text: string, tokens: readonly PreparedToken[], i: number): boolean {
  const homonyms = rule.homonyms;
  const wanted = rule.tests[0]?.grammemes;
  const token = tokens[i] as PreparedToken;
  if (!homonyms || !wanted) return true;
  const { others, never, nominativeNoun, locativeOnly } = homonymReadings(rule, homonyms, wanted, token);
  if (others.length === 0) return true;
  if (never) return false;
  // A locative needs its preposition before it in its clause (the words between agree with it: «в
  // этом бейте»); with none, the other reading is impossible and the word is the rule's
  // («Вечером бейте их»: бейте is also the locative of бейт 'a couplet').
  if (locativeOnly && !locativeGovernedAt(text, tokens, i)) return true;
  // A noun in the nominative before a number or a dash heads a title or a definition («День 5»,
  // «Цель — учитывать время»), which an imperative never does.
  if (nominativeNoun && NUMBER_OR_DASH.test(text.slice(token.end, token.end + 4))) return false;
  // Right before a word that is only a verb, indicative in some reading — also past «не» — the
  // other reading is its subject or object («Гости пришли поздно», «кости не выбрасываем»; not
  // «упокой душу», where душу is also a noun).
  const next = tokens[i + 1];
  if (next !== undefined && adjacent(text, token, next) && indicativeVerbAt(text, tokens, i + 1)) return false;
  if (next !== undefined && adjacent(text, token, next) && headsNounPhrase(token, others, next)) return false;
  const previous = tokens[i - 1];
  if (previous !== undefined && COORDINATORS.has(previous.normalised) && coordinatedNoun(text, others, tokens[i - 2], previous)) return false;
  return token.sentenceInitial || previous === undefined || !adjacent(text, previous, token) || homonyms.clauseStartAfter.has(previous.normalised);
}

/**
 * A word read only as a predicate verb, indicative in some reading (пришли; выбрасываем, whose other
 * reading is the short passive participle).
 */
function indicativeOnlyVerb(token: PreparedToken): boolean {
  return token.parses.some((p) => p.grammemes.includes('indc')) && token.parses.every((p) => p.pos === 'VERB' || p.pos === 'PRTS');
}

/** Whether token `k` — or, when it is «не», the word right after it — is only a verb, indicative in some reading. */
function indicativeVerbAt(text: string, tokens: readonly PreparedToken[], k: number): boolean {
  const token = tokens[k] as PreparedToken;
  if (token.normalised !== 'не') return indicativeOnlyVerb(token);
  const after = tokens[k + 1];
  return after !== undefined && adjacent(text, token, after) && indicativeOnlyVerb(after);
}

/** Conjunctions that join two nouns of one case (доспехи и мечи, мясо или кости). */
const COORDINATORS: ReadonlySet<string> = new Set(['и', 'или']);

/**
 * Whether the word before the conjunction is a noun only, in the case and number of a noun reading
 * of the homonym after it: two nouns joined («доспехи и мечи», «мясо и кости»), not a clause opened
 * by an imperative («возьми нож и режь»).
 */
function coordinatedNoun(text: string, others: readonly RussianParse[], before: PreparedToken | undefined, conjunction: PreparedToken): boolean {
  if (before === undefined || conjunction.sentenceInitial || !adjacent(text, before, conjunction) || before.parses.length === 0 || !before.parses.every((p) => p.pos === 'NOUN')) return false;
  return others.some((o) => o.pos === 'NOUN' && before.parses.some((b) => caseOf(b) === caseOf(o) && numberOf(b) === numberOf(o)));
}

/** Case, number and gender grammemes of OpenCorpora (az). */
const CASES = new Set(['nomn', 'gent', 'datv', 'accs', 'ablt', 'loct', 'voct', 'gen2', 'acc2', 'loc2']);
const NUMBER_GENDER = new Set(['sing', 'plur', 'masc', 'femn', 'neut']);
const caseOf = (p: RussianParse): string | undefined => p.grammemes.find((g) => CASES.has(g));
/** The locative cases (OpenCorpora: loct, and loc2 of «в лесу»). */
const LOCATIVES: ReadonlySet<string> = new Set(['loct', 'loc2']);
/** Prepositions that govern the locative. */
const LOCATIVE_PREPOSITIONS: ReadonlySet<string> = new Set(['в', 'во', 'на', 'о', 'об', 'обо', 'при', 'по']);
/** How many words may stand between a locative and its preposition (an adjective, a pronoun, a numeral: «о том самом бейте»). */
const LOCATIVE_REACH = 3;

/** Whether a preposition of the locative stands before token `i` in its clause, at most {@link LOCATIVE_REACH} words back, the words adjacent. */
function locativeGovernedAt(text: string, tokens: readonly PreparedToken[], i: number): boolean {
  for (let k = i - 1; k >= 0 && k >= i - 1 - LOCATIVE_REACH; k -= 1) {
    const before = tokens[k] as PreparedToken;
    if (!adjacent(text, before, tokens[k + 1] as PreparedToken)) return false;
    if (LOCATIVE_PREPOSITIONS.has(before.normalised)) return true;
  }
  return false;
}
const numberOf = (p: RussianParse): string | undefined => p.grammemes.find((g) => g === 'sing' || g === 'plur');
/** An adjective agrees with a noun; indeclinable possessives (их, его) agree with anything and say nothing. */
const agrees = (a: RussianParse, n: RussianParse): boolean => !a.grammemes.includes('Fixd') && caseOf(a) === caseOf(n) && a.grammemes.every((g) => !NUMBER_GENDER.has(g) || n.grammemes.includes(g));

/**
 * Whether another reading of a homonym heads a noun phrase with the word after it, which an
 * imperative never does: a noun in the nominative with a genitive after it that cannot be the
 * verb's object («Цель исследования», «Слои краски»; not «Бей неверных», where бей is also a noun
 * but неверных an animate accusative), or an adjective or pronoun and a noun agreeing in case, number and
 * gender («Весь турнир», «День добрый»).
 */
function headsNounPhrase(token: PreparedToken, others: readonly RussianParse[], next: PreparedToken): boolean {
  const genitives = next.parses.filter((p) => (ATTRIBUTIVE.has(p.pos) || p.pos === 'NOUN') && caseOf(p) === 'gent');
  // An accusative of the same number as the genitive is the animate accusative (неверных, их): the
  // object of a transitive imperative; «краски», «рождения» are genitive singular, accusative plural.
  const objectAfter = token.parses.some((p) => !others.includes(p) && p.grammemes.includes('tran')) && next.parses.some((p) => caseOf(p) === 'accs' && genitives.some((g) => numberOf(g) === numberOf(p)));
  if (genitives.length > 0 && !objectAfter && others.some((p) => p.pos === 'NOUN' && caseOf(p) === 'nomn')) return true;
  return others.some((o) => next.parses.some((n) => (ATTRIBUTIVE.has(o.pos) && n.pos === 'NOUN' && agrees(o, n)) || (o.pos === 'NOUN' && caseOf(o) === 'nomn' && ATTRIBUTIVE.has(n.pos) && agrees(n, o))));
}

const NO_TOKENS: ReadonlySet<PreparedToken> = new Set();
/** An address opens a sentence in at most this many words («Оо, Алла таала,»). */
const ADDRESS_WORDS = 4;
/** Punctuation between two words that ends the clause of the first. */
const CLAUSE_BREAK = /[,.!?;:…—–]/u;

/**
 * The last words of the clauses of every sentence that opens with an address: one or more words
 * of `addressees`, the last followed by a comma or «!», perhaps after an interjection («Оо,»). In a verb-final language such a word is
 * the verb of what is asked of the one addressed («Кудайым, бизге сабыр бер»).
 */
function addressedFinals(text: string, tokens: readonly PreparedToken[], addressees: ReadonlySet<string> | undefined): Set<PreparedToken> {
  const found = new Set<PreparedToken>();
  if (addressees === undefined) return found;
  let from = 0;
  while (from < tokens.length) {
    let to = from + 1;
    while (to < tokens.length && !(tokens[to] as PreparedToken).sentenceInitial) to++;
    let addressEnd = -1;
    // A leading interjection with its own comma may open the address («Оо, Алла, …»).
    const opening = from + 1 < to && ADDRESS_MARK.test(text.slice((tokens[from] as PreparedToken).end)) && addressees.has((tokens[from + 1] as PreparedToken).normalised) ? from + 1 : from;
    for (let k = opening; k < to && k < opening + ADDRESS_WORDS && addressees.has((tokens[k] as PreparedToken).normalised); k++) {
      if (ADDRESS_MARK.test(text.slice((tokens[k] as PreparedToken).end))) addressEnd = k;
    }
    for (let j = addressEnd + 1; addressEnd >= 0 && j < to; j++) {
      const token = tokens[j] as PreparedToken;
      const next = tokens[j + 1];
      if (!addressees.has(token.normalised) && (j === to - 1 || next === undefined || CLAUSE_BREAK.test(text.slice(token.end, next.start)))) found.add(token);
    }
    from = to;
  }
  return found;
}

/** A hyphen opening a word, after a space, an opening bracket or quote, or the text start. */
const CITED_HYPHEN = /(?:^|[\s(«"„“'/,])[-\u2010\u2011]$/u;

/** The longest ending or suffix taken as cited (-ться, -ешь, -ите). */
const CITED_LETTERS = 5;

/**
 * Whether `token` is an ending or suffix cited in a grammar lesson or a dictionary («окончания
 * -ешь, -ишь», «суффикс -ите»): a short lower-case word with a hyphen in front and nothing joined
 * before. A hyphen inside a word (кто-нибудь) has a letter before it; a chat's dialogue dash
 * (-Бей его!) opens a capitalised or longer word.
 */
function citedEnding(text: string, token: PreparedToken): boolean {
  // The hyphen right before the word is read first: without it no slice is made (most words).
  const before = text.charCodeAt(token.start - 1);
  if (before !== 0x2d && before !== 0x2010 && before !== 0x2011) return false;
  return token.end - token.start <= CITED_LETTERS && !/^\p{Lu}/u.test(token.text) && CITED_HYPHEN.test(text.slice(Math.max(0, token.start - 2), token.start));
}

/** The members of each word-class rule among the tokens, and the word-class rules of each member. */
interface WordClasses {
  readonly classMembers: ReadonlyMap<CompiledRule, ReadonlySet<PreparedToken>>;
  readonly classRulesOf: ReadonlyMap<PreparedToken, readonly CompiledRule[]>;
}

/** A language without word-class rules (most): nothing to build per segment. */
const NO_CLASSES: WordClasses = { classMembers: new Map(), classRulesOf: new Map() };

/** Whether the language's rules ask for imperatives read by the English tagger (see imperative-en.ts). */
export const readsEnglishImperatives = (compiled: CompiledLanguage): boolean => compiled.language === 'en' && compiled.classRules.some((r) => r.tests[0]?.wordClass === 'imperative');

/** The tagger windows {@link matchTokens} will ask about first for these tokens (none when its rules read no English imperative): to be tagged in one batch before. */
export function taggerWindows(compiled: CompiledLanguage, text: string, tokens: readonly PreparedToken[]): string[] {
  return readsEnglishImperatives(compiled) ? englishImperativeWindows(text, tokens, compiled.knownVerbs) : [];
}

function wordClasses(compiled: CompiledLanguage, text: string, tokens: readonly PreparedToken[]): WordClasses {
  // Imperatives come from a tagger that reads English only (see imperative-en.ts).
  const imperatives = new Set<PreparedToken>();
  if (readsEnglishImperatives(compiled)) for (const i of englishImperatives(text, tokens, compiled.knownVerbs)) imperatives.add(tokens[i] as PreparedToken);
  const classMembers = new Map<CompiledRule, ReadonlySet<PreparedToken>>();
  const classRulesOf = new Map<PreparedToken, CompiledRule[]>();
  for (const rule of compiled.classRules) {
    const members = rule.tests[0]?.wordClass === 'addressed-final' ? addressedFinals(text, tokens, rule.addressees) : imperatives;
    classMembers.set(rule, members);
    for (const token of members) classRulesOf.set(token, [...(classRulesOf.get(token) ?? []), rule]);
  }
  return { classMembers, classRulesOf };
}

/**
 * All rule matches over the prepared tokens of `text`, in token order (then rule order). One
 * pass: per token, look up candidate rules by stem, by word and by each suffix length. Matches
 * that an exclusion of their entry rules out are added to `excluded` when it is given: the words
 * this language read in another sense.
 */
export function matchTokens(compiled: CompiledLanguage, text: string, tokens: readonly PreparedToken[], excluded?: RuleMatch[]): RuleMatch[] {
  const matches: RuleMatch[] = [];
  const { classMembers, classRulesOf } = compiled.classRules.length > 0 ? wordClasses(compiled, text, tokens) : NO_CLASSES;
  // Candidate rules per distinct word, remembered for the run (per compiled language, by word id).
  const memo = WORDS.memo<readonly CompiledRule[]>(compiled);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as PreparedToken;
    if (compiled.language === 'ru' && citedEnding(text, token)) continue;
    // A candidate passed its first test when it was found for this word (candidatesOf, a pure
    // function of the word): its tests are read from the second on. A word-class rule's first
    // test also asks the class, so it is read from the first.
    for (const rule of candidatesOf(compiled, token, memo)) {
      if (matchesAt(rule, text, tokens, i, classMembers.get(rule) ?? NO_TOKENS, 1)) addMatch(rule, text, tokens, i, matches, excluded);
    }
    const byClass = classRulesOf.get(token);
    if (byClass === undefined) continue;
    for (const rule of byClass) {
      if (matchesAt(rule, text, tokens, i, classMembers.get(rule) ?? NO_TOKENS, 0)) addMatch(rule, text, tokens, i, matches, excluded);
    }
  }
  return matches;
}

/**
 * Whether `rule` matches at token `i`, its tests read from test `fromTest` on (the ones before
 * passed already); `members` are the tokens of its word class.
 */
function matchesAt(rule: CompiledRule, text: string, tokens: readonly PreparedToken[], i: number, members: ReadonlySet<PreparedToken>, fromTest: number): boolean {
  const token = tokens[i] as PreparedToken;
  if (rule.sentenceInitial && !token.sentenceInitial) return false;
  if (rule.notAfter) {
    const previous = tokens[i - 1];
    if (previous && !token.sentenceInitial && rule.notAfter.has(previous.normalised)) return false;
  }
  if (rule.onlyAfter && !rule.onlyAfter.has(tokens[i - 1]?.normalised ?? '')) return false;
  for (let k = fromTest; k < rule.tests.length; k++) {
    const t = tokens[i + k];
    if (t === undefined || !passes(rule.tests[k] as CompiledTest, t, members)) return false;
    if (k > 0 && !adjacent(text, tokens[i + k - 1] as PreparedToken, t) && !(rule.acrossDash === true && spacedDashBetween(text, tokens[i + k - 1] as PreparedToken, t))) return false;
  }
  // After the token tests, which are cheaper and fail far more often (every condition is pure, so the order changes no match).
  if (!homonymPlaced(rule, text, tokens, i)) return false;
  if (rule.addressed && !ADDRESS_MARK.test(text.slice((tokens[i + rule.tests.length - 1] as PreparedToken).end))) return false;
  if (rule.capitalisedInside && !capitalisedInside(tokens, i)) return false;
  if (rule.afterComma === true && charBefore(text, token.start) !== 0x2c) return false;
  if (rule.beforeComma === true && !COMMA_AFTER.test(text.slice((tokens[i + rule.tests.length - 1] as PreparedToken).end))) return false;
  if (rule.commaThen !== undefined && !commaThen(rule.commaThen, text, tokens, i + rule.tests.length - 1)) return false;
  if (rule.notNames === true && writtenAsName(text, tokens, i)) return false;
  if (rule.notAddressedNames !== undefined && addressedByName(rule, rule.notAddressedNames, text, tokens, i)) return false;
  return !(rule.notRussianNouns !== undefined && russianLoan(token, rule.notRussianNouns));
}

/** Records the match of `rule` at token `i`: among the matches, or among the `excluded` when an exclusion of its entry applies. */
function addMatch(rule: CompiledRule, text: string, tokens: readonly PreparedToken[], i: number, matches: RuleMatch[], excluded: RuleMatch[] | undefined): void {
  const match = { rule, first: i, last: i + rule.tests.length - 1 };
  if (!excludedBy(rule, text, tokens, match.first, match.last)) matches.push(match);
  else excluded?.push(match);
}
