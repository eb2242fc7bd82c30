/**
 * Psycholinguistic profile (LIWC-like): per author and per document, rates per 1000 word tokens of
 * pronoun classes, imperatives, obligation modals, absolutist, emotion, certainty and religious
 * vocabulary. Word lists are data (`sop/profile/<language>.yaml`); imperatives and obligation are
 * counted with the call-to-action lexicon (morphology). Rates are descriptive: they are compared
 * with a reference corpus when one is given, and never turned into a score.
 */
import { compareCodeUnits } from '../core/canonical-json.js';
import type { SozDocument } from '../core/document.js';
import type { LanguageCode } from '../language/index.js';
import type { SegmentRef, SelectionCounts, SelectionFilter } from './filters.js';
import { isBlockquote, segmentAuthor, selectSegments } from './filters.js';
import type { Lexicon } from './lexicon-check.js';
import type { CompiledLanguage, MatchedWord } from './matcher.js';
import { cachedWordKey, compileLanguage, matchTokens, opensMatches } from './matcher.js';
import type { ProfileLists } from './profile-schema.js';
import { PROFILE_LIST_CATEGORIES } from './lexicon-codes.js';
import { detachedString } from './detached.js';
import { SegmentFacts } from './segment-facts.js';
import type { SegmentWords } from './segment-words.js';
import { forEachWord, preparedWords, segmentWords, someWord } from './segment-words.js';
import type { WordMemo } from './word-table.js';
import { WORDS } from './word-table.js';
import { quotationSpans } from './text-structure.js';
import { logRatio, round6 } from './stats.js';

/** Every profile category, in output order. */
export const PROFILE_CATEGORIES = [...PROFILE_LIST_CATEGORIES, 'imperative', 'obligation'] as const;
export type ProfileCategory = (typeof PROFILE_CATEGORIES)[number];

/** Options of {@link runProfile}. */
export interface ProfileOptions {
  readonly lists: readonly ProfileLists[];
  /** Lexicons; the call-to-action ones give imperative and obligation counts. */
  readonly lexicons: readonly Lexicon[];
  readonly filter?: SelectionFilter;
  /** Reference corpus for comparison of rates. */
  readonly reference?: readonly SozDocument[];
  /** Per-segment facts (tokens, language) already computed in this run (shared with the other analyses). */
  readonly segmentFacts?: SegmentFacts;
}

interface CompiledProfile {
  readonly forms: ReadonlyMap<ProfileCategory, ReadonlySet<string>>;
  readonly stems: ReadonlyMap<ProfileCategory, ReadonlySet<string>>;
  readonly calls: CompiledLanguage;
}

/** Counts of one unit (author or document). */
export interface Tally {
  tokens: number;
  /** Word tokens in segments whose language has a profile list. */
  profiledTokens: number;
  counts: Record<string, number>;
  languages: Record<string, number>;
}

/** The compiled profile of a language, or undefined when it has no profile list. */
type ProfileOf = (language: LanguageCode) => CompiledProfile | undefined;

/**
 * Compiles each language's profile on the first segment in that language: a case in one language
 * never compiles the others (nor loads the Russian dictionary their words would need). Compiling is
 * pure, so when it happens changes no count.
 */
function profileCompiler(lists: readonly ProfileLists[], lexicons: readonly Lexicon[]): ProfileOf {
  const calls = lexicons.filter((l) => l.category === 'call-to-action');
  const compiled = new Map<LanguageCode, CompiledProfile | undefined>();
  return (language) => {
    if (compiled.has(language)) return compiled.get(language);
    let list: ProfileLists | undefined;
    for (const candidate of lists) if (candidate.language === language) list = candidate;
    const profile = list ? compileProfile(list, calls) : undefined;
    compiled.set(language, profile);
    return profile;
  };
}

function compileProfile(list: ProfileLists, calls: readonly Lexicon[]): CompiledProfile {
  const language = list.language;
  const forms = new Map<ProfileCategory, Set<string>>();
  const stems = new Map<ProfileCategory, Set<string>>();
  for (const category of PROFILE_LIST_CATEGORIES) {
    const c = list.categories[category];
    if (!c) continue;
    forms.set(category, new Set((c.forms ?? []).map((w) => cachedWordKey(w, language).normalised)));
    stems.set(category, new Set((c.lemmas ?? []).map((w) => cachedWordKey(w, language).stem)));
  }
  return { forms, stems, calls: compileLanguage(calls, language) };
}

/** Every category at zero, in output order: copied for each tally (a tally is made per segment piece). */
const NO_COUNTS: Readonly<Record<string, number>> = Object.fromEntries(PROFILE_CATEGORIES.map((c) => [c, 0]));

function emptyTally(): Tally {
  return { tokens: 0, profiledTokens: 0, counts: { ...NO_COUNTS }, languages: {} };
}

/**
 * Whose words a piece of a segment is, for the profile: only `own` words describe an author; a
 * reaction record (an emoji or Meta's "Liked a message") is not the reactor's text.
 */
export type ProfileVoice = 'own' | 'forwarded' | 'quoted' | 'reaction';

/** What a profile row describes. */
export const PROFILE_UNITS = ['author', 'author-forwarded', 'author-quoted', 'document'] as const;
export type ProfileUnit = (typeof PROFILE_UNITS)[number];

/**
 * The pieces of a segment by voice: a forwarded message or a blockquote is wholly someone else's;
 * in any other segment, text inside quotation marks is quoted and the rest is own (quoted spans
 * are blanked, not cut, so words either side do not join).
 */
function voicePieces(ref: SegmentRef, text: string): { voice: ProfileVoice; text: string }[] {
  if (ref.segment.message?.role === 'forwarded') return [{ voice: 'forwarded', text }];
  if (ref.segment.message?.role === 'reaction') return [{ voice: 'reaction', text }];
  if (isBlockquote(ref.segment)) return [{ voice: 'quoted', text }];
  const spans = quotationSpans(text);
  if (spans.length === 0) return [{ voice: 'own', text }];
  let own = '';
  let last = 0;
  for (const [start, end] of spans) {
    own += text.slice(last, start) + ' '.repeat(end - start);
    last = end;
  }
  own += text.slice(last);
  return [{ voice: 'own', text: own }, { voice: 'quoted', text: spans.map(([start, end]) => text.slice(start, end)).join('\n') }];
}

/**
 * Tallies the segments once per unit kind: each piece of a segment (see {@link voicePieces}) is
 * tokenised and matched once, and its counts are added to the tally of its key under every `keyOf`
 * (author's own words, document, …); a `keyOf` returning undefined skips the piece.
 * Adds to `maps` (one per `keyOf`, in the same order; new ones by default) and returns them.
 */
function tallySegments(segments: readonly SegmentRef[], compiled: ProfileOf, keyOfs: readonly ((ref: SegmentRef, voice: ProfileVoice) => string | undefined)[], facts: SegmentFacts, maps: Map<string, Tally>[] = keyOfs.map(() => new Map<string, Tally>())): Map<string, Tally>[] {
  const counts = new PieceCounts();
  for (const ref of segments) {
    const text = ref.doc.text.slice(ref.segment.range[0], ref.segment.range[1]);
    if (text.trim() === '') continue;
    const guess = facts.language(ref.doc, ref.segment, text).language;
    for (const piece of voicePieces(ref, text)) {
      // A piece that is the whole segment has the segment's words, shared with the other analyses.
      const words = piece.text === text ? facts.words(ref.doc, ref.segment, text) : segmentWords(piece.text);
      segmentTally(piece.text, words, guess, compiled, counts);
      addPiece(maps, keyOfs, ref, piece.voice, counts);
    }
  }
  return maps;
}

/**
 * One piece's counts, reused from piece to piece: the categories by their index in
 * {@link PROFILE_CATEGORIES} (an object with every category per piece, summed key by key into
 * each tally, was most of the profile's own time).
 */
class PieceCounts {
  tokens = 0;
  profiledTokens = 0;
  language = '';
  readonly categories = new Int32Array(PROFILE_CATEGORIES.length);

  reset(language: string): void {
    this.tokens = 0;
    this.profiledTokens = 0;
    this.language = language;
    this.categories.fill(0);
  }
}

/** Index of each category in {@link PROFILE_CATEGORIES}. */
const CATEGORY_INDEX: ReadonlyMap<ProfileCategory, number> = new Map(PROFILE_CATEGORIES.map((category, i) => [category, i]));

/** Adds one piece's counts to the tally of its key under every `keyOf` that takes it (`counts` is only read). */
function addPiece(maps: Map<string, Tally>[], keyOfs: readonly ((ref: SegmentRef, voice: ProfileVoice) => string | undefined)[], ref: SegmentRef, voice: ProfileVoice, counts: PieceCounts): void {
  for (let i = 0; i < keyOfs.length; i++) {
    const key = (keyOfs[i] as (ref: SegmentRef, voice: ProfileVoice) => string | undefined)(ref, voice);
    if (key === undefined) continue;
    const tally = tallyOf(maps[i] as Map<string, Tally>, key);
    tally.tokens += counts.tokens;
    tally.profiledTokens += counts.profiledTokens;
    tally.languages[counts.language] = (tally.languages[counts.language] ?? 0) + counts.tokens;
    // A tally starts with every category at zero, so only the piece's non-zero counts change it.
    counts.categories.forEach((n, c) => {
      const category = PROFILE_CATEGORIES[c] as ProfileCategory;
      if (n !== 0) tally.counts[category] = (tally.counts[category] ?? 0) + n;
    });
  }
}

/** The tally of `key`, made (every category at zero) on its first piece. */
function tallyOf(tallies: Map<string, Tally>, key: string): Tally {
  let tally = tallies.get(key);
  if (!tally) {
    tally = emptyTally();
    tallies.set(detachedString(key), tally);
  }
  return tally;
}

/**
 * Adds `counts` to the tally of `key` (sums of integers, so the order of adding never matters).
 * Runs for every segment of a chat under every unit: keys are walked in place (the order of
 * `Object.entries`, no key is integer-like), not copied into arrays.
 */
function addTally(tallies: Map<string, Tally>, key: string, counts: Tally): void {
  const tally = tallyOf(tallies, key);
  tally.tokens += counts.tokens;
  tally.profiledTokens += counts.profiledTokens;
  // for…in visits a plain object's keys in the order Object.entries gives them, without an array per key.
  for (const language in counts.languages) tally.languages[language] = (tally.languages[language] ?? 0) + (counts.languages[language] as number);
  for (const category in counts.counts) tally.counts[category] = (tally.counts[category] ?? 0) + (counts.counts[category] as number);
}

/** Counts one segment (or piece of it) in language `guess` into `counts`; `words` are the word tokens of `text`. */
function segmentTally(text: string, words: SegmentWords, guess: LanguageCode | 'und', compiled: ProfileOf, counts: PieceCounts): void {
  counts.reset(guess);
  const profile = guess === 'und' ? undefined : compiled(guess);
  counts.tokens = words.ids.length;
  if (!profile || guess === 'und') return;
  counts.profiledTokens = words.ids.length;
  const memo = WORDS.memo<readonly number[]>(profile);
  const { categories } = counts;
  forEachWord(words, guess, (word) => {
    for (const c of listCategories(profile, word, memo)) categories[c] = (categories[c] as number) + 1;
  });
  // Tokens are prepared only for a segment where an imperative or obligation rule may match.
  if (!someWord(words, guess, opensMatches(profile.calls))) return;
  const seen = new Set<string>();
  for (const m of matchTokens(profile.calls, text, preparedWords(words, guess))) {
    const sub = m.rule.entry.subcategory;
    const category = sub === 'imperative' || sub === 'hortative' ? 'imperative' : sub === 'obligation' ? 'obligation' : undefined;
    if (!category || seen.has(`${category}:${m.first}`)) continue;
    seen.add(`${category}:${m.first}`);
    const c = CATEGORY_INDEX.get(category) as number;
    categories[c] = (categories[c] as number) + 1;
  }
}

/** The indices (in {@link PROFILE_CATEGORIES}) of the list categories whose forms or lemmas `word` is, looked up once per distinct word. */
function listCategories(profile: CompiledProfile, word: MatchedWord, memo: WordMemo<readonly number[]>): readonly number[] {
  let categories = memo.get(word.id);
  if (!categories) {
    categories = PROFILE_LIST_CATEGORIES.filter((category) => profile.forms.get(category)?.has(word.normalised) || profile.stems.get(category)?.has(word.stem)).map((category) => CATEGORY_INDEX.get(category) as number);
    memo.set(word.id, categories);
  }
  return categories;
}

function ratesOf(tally: Tally): Record<string, number> {
  return Object.fromEntries(PROFILE_CATEGORIES.map((c) => [c, tally.profiledTokens === 0 ? 0 : round6(((tally.counts[c] ?? 0) * 1000) / tally.profiledTokens)]));
}

/**
 * One row of the profile: an author's own words (`author`), the forwarded or quoted text under an
 * author's name (`author-forwarded`, `author-quoted`, listed apart so they never count as the
 * author's words), or a whole document.
 */
export interface ProfileRow {
  readonly unit: ProfileUnit;
  readonly key: string;
  /** All word tokens of the unit. */
  readonly tokens: number;
  /** Word tokens in languages with a profile list (the denominator of the rates). */
  readonly profiledTokens: number;
  readonly languages: Readonly<Record<string, number>>;
  readonly counts: Readonly<Record<string, number>>;
  /** Per 1000 profiled tokens. */
  readonly rates: Readonly<Record<string, number>>;
  /** log2 ratio of the unit's rate to the reference rate (0.5 for zero counts; Hardie 2014). */
  readonly logRatioToReference?: Readonly<Record<string, number>>;
}

/** What {@link runProfile} returns. */
export interface ProfileData {
  readonly rows: ProfileRow[];
  readonly reference?: { tokens: number; rates: Record<string, number> };
  readonly excluded: SelectionCounts;
}

/** What {@link ProfileStream.state} gives: each unit's tallies by key, in `PROFILE_UNITS` order. */
export type ProfileState = readonly ReadonlyMap<string, Tally>[];

/** A profile tallied segment by segment; `finish` makes the rows. */
export interface ProfileStream {
  /** Tallies selected segments (of any documents; each is held only during this call). */
  add(segments: readonly SegmentRef[]): void;
  /** The tallies so far, per unit, as data another thread can receive. */
  state(): ProfileState;
  /** Adds another stream's tallies (of other segments): the same rows as one stream fed both. */
  merge(other: ProfileState): void;
  /** The rows, sorted by unit and key; `excluded` says what the selection left out. */
  finish(excluded: SelectionCounts): ProfileData;
}

const authorOf = (ref: SegmentRef): string => segmentAuthor(ref.segment) ?? '(unknown author)';
const PROFILE_KEYS: readonly [ProfileUnit, (ref: SegmentRef, voice: ProfileVoice) => string | undefined][] = [
  ['author', (ref, voice) => (voice === 'own' ? authorOf(ref) : undefined)],
  ['author-forwarded', (ref, voice) => (voice === 'forwarded' ? authorOf(ref) : undefined)],
  ['author-quoted', (ref, voice) => (voice === 'quoted' ? authorOf(ref) : undefined)],
  ['document', (ref) => ref.doc.id],
];

/**
 * Starts a profile that takes segments part by part: the tallies are sums of integers per key, so
 * neither the order nor the grouping of the parts changes the rows.
 */
export function startProfile(options: Omit<ProfileOptions, 'filter'>): ProfileStream {
  // Each language's lists compiled on first use: a run that only merges other threads' tallies never needs them.
  const compiled = profileCompiler(options.lists, options.lexicons);
  const facts = options.segmentFacts ?? new SegmentFacts();
  let reference: Tally | undefined;
  if (options.reference) {
    const refSegments = selectSegments(options.reference).segments;
    reference = (tallySegments(refSegments, compiled, [() => 'reference'], facts)[0] as Map<string, Tally>).get('reference') ?? emptyTally();
  }
  const perUnit = PROFILE_KEYS.map(() => new Map<string, Tally>());
  const keyOfs = PROFILE_KEYS.map(([, keyOf]) => keyOf);
  return {
    add(segments) {
      tallySegments(segments, compiled, keyOfs, facts, perUnit);
    },
    state: () => perUnit,
    merge(other) {
      other.forEach((tallies, i) => {
        for (const [key, tally] of tallies) addTally(perUnit[i] as Map<string, Tally>, key, tally);
      });
    },
    finish(excluded) {
      const rows: ProfileRow[] = [];
      for (const [i, [unit]] of PROFILE_KEYS.entries()) {
        const tallies = perUnit[i] as Map<string, Tally>;
        for (const key of [...tallies.keys()].sort(compareCodeUnits)) {
          const tally = tallies.get(key) as Tally;
          const row: ProfileRow = { unit, key, tokens: tally.tokens, profiledTokens: tally.profiledTokens, languages: tally.languages, counts: tally.counts, rates: ratesOf(tally) };
          if (reference && reference.profiledTokens > 0 && tally.profiledTokens > 0) {
            const ref = reference;
            rows.push({ ...row, logRatioToReference: Object.fromEntries(PROFILE_CATEGORIES.map((c) => [c, round6(logRatio(tally.counts[c] ?? 0, tally.profiledTokens, ref.counts[c] ?? 0, ref.profiledTokens))])) });
          } else rows.push(row);
        }
      }
      return { rows, ...(reference ? { reference: { tokens: reference.profiledTokens, rates: ratesOf(reference) } } : {}), excluded };
    },
  };
}

/** Profile of the selected segments per author and per document, with reference rates when given. */
export function runProfile(docs: readonly SozDocument[], options: ProfileOptions): ProfileData {
  const { segments, counts } = selectSegments(docs, options.filter);
  const stream = startProfile(options);
  stream.add(segments);
  return stream.finish(counts);
}
