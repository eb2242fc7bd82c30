/**
 * Indicator candidates: lexicon matches turned into findings, each with its place, context,
 * author, voice and everything that weighs against reading it as the author's own assertion.
 * Pure: `(docs, options) → findings`, filtered and then sorted once with `compareFindings`.
 */
import type { Range, Segment, SozDocument } from '../core/document.js';
import type { Countervailing, Finding, Voice } from '../core/finding.js';
import { compareFindings, findingId, placeInSegment } from '../core/finding.js';
import type { LanguageCode } from '../language/index.js';
import { describeStep } from '../language/index.js';
import type { SelectionFilter } from './filters.js';
import { filterFindings, isBlockquote, segmentAuthor } from './filters.js';
import type { Lexicon } from './lexicon-check.js';
import type { LexiconCategory, MarkerKind } from './lexicon-schema.js';
import type { CompiledLanguage, CompiledRule, PreparedToken, RuleMatch } from './matcher.js';
import { cachedWordKey, compileLanguage, matchTokens, opensMatches, readsEnglishImperatives, taggerWindows } from './matcher.js';
import { detachedData } from './detached.js';
import { possessiveOfPeople, refersToOwnPeople, refersToThings } from './pronoun-reference.js';
import { relaxedPattern } from './relaxed-pattern.js';
import { englishPronounNamesNoGroup, englishReferentStretches } from '../language/antecedent-en.js';
import { prepareEnglish } from '../language/english-tagger.js';
import { SegmentFacts } from './segment-facts.js';
import type { SegmentWords } from './segment-words.js';
import { preparedWords, someWord } from './segment-words.js';
import { insideAny, LineIndex, quotationSpans, TextStructure } from './text-structure.js';

/** Label every presentation of a finding carries: findings are candidates, never conclusions. */
export const CANDIDATE_LABEL = 'Candidate for the examiner — not a conclusion';

/** Name of this analysis (finding `analysis`, output file `derived/analyses/indicators.json`). */
export const INDICATORS_ANALYSIS = 'indicators';
/** Version of the matching logic; bump when the same input would give different findings. */
export const INDICATORS_VERSION = '2.18.3';

/** Options of {@link runIndicators}. */
export interface IndicatorOptions {
  /** Validated lexicons (from `loadLexicons`). */
  readonly lexicons: readonly Lexicon[];
  /** Characters of context on each side (default 60), cut at segment bounds. */
  readonly contextWindow?: number;
  /** Match only these languages instead of identifying each segment's language. */
  readonly languages?: readonly LanguageCode[];
  /**
   * Extra languages matched beside the identified one (code-switching). Default: Russian beside
   * Kyrgyz, Kazakh and Cyrillic Uzbek.
   */
  readonly alsoMatch?: Readonly<Partial<Record<LanguageCode, readonly LanguageCode[]>>>;
  /** Categories to report (default: all except context markers). */
  readonly categories?: readonly LexiconCategory[];
  readonly filter?: SelectionFilter;
  /** Per-segment facts (tokens, language) already computed in this run (shared with the other analyses). */
  readonly segmentFacts?: SegmentFacts;
  /**
   * Keep bare features (us/them pronouns; calls whose content is of no concern) as candidates of
   * their own, as before version 2 (default false: they accompany the candidates of their
   * message instead, or are withheld and listed).
   */
  readonly standaloneFeatures?: boolean;
}

/**
 * Features: markers that say little alone (a pronoun «мы», «они», "you") and matter as context
 * of a candidate in the same message. A call is a feature only when it is bare (see
 * {@link markBareCalls}); a prayer stays a candidate with its counter-indicator.
 */
const FEATURE_CATEGORIES: ReadonlySet<LexiconCategory> = new Set(['us-them']);

/** Categories beside which a pronoun is part of the statement: the call's target, the evaluated group. */
const PRONOUN_PARTNERS: ReadonlySet<string> = new Set(['call-to-action', 'negative-evaluation', 'violence']);
/**
 * Categories whose words name people: a condemnation marker right before one (English "against":
 * slogans against the Jewish community, the war against them) names whom the hostility is aimed
 * at, not something condemned; a condemnation elsewhere in the sentence still applies (issue 14,
 * round 13, blind text).
 */
const NAMES_PEOPLE: ReadonlySet<string> = new Set(['group-designation', 'us-them']);
/** English irregular pasts of the violence lexicon (fought, burnt, shot, slew, blew up): told as done, as -ed is. */
const IRREGULAR_PAST = /^(?:fought|burnt|shot|slew|slain|smote|overran|blew up|blown up)$/iu;
/** War and battle named as a state or an event: its tense is the sentence's verb's (were at war, the battle was lost). */
const EVENT_NOUN = /^(?:wars?|warfare|battles?|combat|fighting|massacres?|bloodshed)$/iu;
/** Before an event noun, a past "was / were / had" in its own sentence with no modal or hortative after it. */
const PAST_STATE_BEFORE = /\b(?:was|were|had)\b(?![^.!?]*\b(?:will|would|must|should|shall|let's|let us)\b)[^.!?]*$/iu;
/**
 * Whether an English violence candidate tells what was done: a past form in -ed or an irregular
 * past (smashed, had murdered, were destroyed, fought, burnt), not one after "be" (to be burned,
 * must be shot: still to come); or a war or battle in a sentence told in the past (the kings were
 * constantly at war with their neighbours; round 15, three blind batches).
 */
const toldInThePast = (f: Finding): boolean =>
  ((/ed$/iu.test(f.actual) || IRREGULAR_PAST.test(f.actual)) && !/\bbe\s+$/iu.test(f.context.left)) || (EVENT_NOUN.test(f.actual) && PAST_STATE_BEFORE.test(f.context.left));
/** English out-group possessives: what a group owns, read by what the sentence does to it (see {@link pronounStands}). */
const ENGLISH_POSSESSIVES: ReadonlySet<string> = new Set(['their', 'theirs']);
/** Partners that set people against people by themselves: an in-group subject beside them stands. */
const HOSTILE_PARTNERS: ReadonlySet<string> = new Set(['negative-evaluation', 'violence']);
/**
 * A partner with one of these is no call or threat to people, so its pronouns («прости нам», «мы
 * осуждаем насилие», «можно мы будем тебя бить?») are no target.
 */
const NOT_A_CALL_TO_PEOPLE: ReadonlySet<string> = new Set(['prayer', 'negated', 'condemned', 'question']);

/**
 * Russian tags that check the listener heard or understood («…, понял?», «…, слышишь?»): the
 * question mark closes the tag, not the statement before it, so a threat or a call stays a
 * statement («Ты труп, понял?», «Бей их, слышишь?»). A tag of confirmation («…, да?», «…,
 * правда?») asks about the statement and is not one of them.
 */
const RU_ATTENTION_TAGS: ReadonlySet<string> = new Set(['понял', 'поняла', 'поняли', 'понятно', 'ясно', 'слышишь', 'слышите', 'усек', 'усекла', 'усекли', 'дошло', 'уяснил', 'уяснила', 'уяснили']);

/**
 * Whether the sentence of token `at` ends in an attention tag (see {@link RU_ATTENTION_TAGS}) that
 * stands after `at` as a clause of its own — one word after a comma or a dash.
 */
function questionIsAttentionTag(text: string, tokens: readonly PreparedToken[], at: number): boolean {
  let end = at;
  while (tokens[end + 1]?.sentenceInitial === false) end++;
  const tag = tokens[end] as PreparedToken;
  if (end === at || !RU_ATTENTION_TAGS.has(tag.normalised)) return false;
  for (let k = (tokens[end - 1] as PreparedToken).end; k < tag.start; k++) {
    const c = text[k];
    if (c === ',' || c === '—' || c === '–' || c === '-') return true;
  }
  return false;
}

const ARABIC_LETTER = /\p{Script=Arabic}/u;

const DEFAULT_ALSO: Readonly<Partial<Record<LanguageCode, readonly LanguageCode[]>>> = { ky: ['ru'], kk: ['ru'], 'uz-Cyrl': ['ru'] };


const SCRIPT_LANGUAGES: Readonly<Record<string, readonly LanguageCode[]>> = {
  Cyrillic: ['ru', 'ky', 'kk', 'uz-Cyrl', 'tg'],
  Latin: ['en', 'uz-Latn'],
  Arabic: ['ar'],
};

const DEFAULT_REASON: Readonly<Record<string, string>> = {
  'call-to-action': 'Call-to-action marker',
  violence: 'Violence vocabulary',
  'group-designation': 'Designation of a group',
  'us-them': 'Us/them pronoun',
  'negative-evaluation': 'Negative evaluation',
  'religious-terminology': 'Religious term',
  'banned-organisations': 'Name on the list of court-banned organisations',
};

/** Indicator and marker rules compiled once per run (reusable across runs with the same lexicons). */
export interface CompiledIndicators {
  readonly indicators: LanguageRules;
  readonly markers: LanguageRules;
  readonly scripture: readonly RegExp[];
  readonly languages: readonly LanguageCode[];
}

/** Compiled rules by language (see {@link compileIndicators}). */
export interface LanguageRules {
  has(language: LanguageCode): boolean;
  /** The rules of `language`, compiled the first time they are asked for; undefined for a language no lexicon has. */
  get(language: LanguageCode): CompiledLanguage | undefined;
  /** Every language's rules, compiled now, in language-code order. */
  values(): CompiledLanguage[];
}

function lazyRules(languages: readonly LanguageCode[], compile: (language: LanguageCode) => CompiledLanguage): LanguageRules {
  const known = new Set(languages);
  const compiled = new Map<LanguageCode, CompiledLanguage>();
  const get = (language: LanguageCode): CompiledLanguage | undefined => {
    if (!known.has(language)) return undefined;
    let rules = compiled.get(language);
    if (!rules) {
      rules = compile(language);
      compiled.set(language, rules);
    }
    return rules;
  };
  return { has: (language) => known.has(language), get, values: () => languages.map((language) => get(language) as CompiledLanguage) };
}

/**
 * Compiles lexicons for matching. Each language is compiled when a segment first needs it, so a
 * case in two languages pays for two (compiling every language was a fixed cost of every run).
 */
export function compileIndicators(lexicons: readonly Lexicon[], categories?: readonly LexiconCategory[]): CompiledIndicators {
  const wanted = categories ? new Set<string>(categories) : undefined;
  const indicatorLexicons = lexicons.filter((l) => l.category !== 'context-markers' && (!wanted || wanted.has(l.category)));
  const markerLexicons = lexicons.filter((l) => l.category === 'context-markers');
  const languages = [...new Set(lexicons.map((l) => l.language))].sort();
  const indicators = lazyRules(languages, (language) => compileLanguage(indicatorLexicons, language));
  const markers = lazyRules(languages, (language) => compileLanguage(markerLexicons, language));
  const scripture: RegExp[] = [];
  for (const lexicon of markerLexicons) {
    for (const entry of lexicon.entries) {
      if (entry.marker === 'scripture' && entry.pattern?.type === 'regex') scripture.push(new RegExp(entry.pattern.regex, 'iu'));
    }
  }
  return { indicators, markers, scripture, languages };
}

/**
 * The languages whose rules read a segment. `beside` are those matched only because they are
 * matched beside the identified language (`alsoMatch`: Russian beside Kyrgyz), not by a share of
 * the segment's own; `primary` is the identified language.
 */
interface SegmentLanguages {
  readonly languages: LanguageCode[];
  readonly primary?: LanguageCode;
  readonly beside: ReadonlySet<LanguageCode>;
}

const NONE_BESIDE: ReadonlySet<LanguageCode> = new Set();

function languagesFor(doc: SozDocument, segment: Segment, text: string, compiled: CompiledIndicators, options: IndicatorOptions, facts: SegmentFacts): SegmentLanguages {
  const known = (list: Iterable<LanguageCode>): LanguageCode[] => [...list].filter((l) => compiled.indicators.has(l)).sort();
  if (options.languages) return { languages: known(options.languages), beside: NONE_BESIDE };
  const guess = facts.language(doc, segment, text);
  const chosen = new Set<LanguageCode>();
  if (guess.language === 'und') {
    for (const l of SCRIPT_LANGUAGES[guess.script] ?? compiled.languages) chosen.add(l);
    return { languages: known(chosen), beside: NONE_BESIDE };
  }
  chosen.add(guess.language);
  for (const [l, share] of Object.entries(guess.shares) as [LanguageCode, number][]) if (share >= 0.2) chosen.add(l);
  const beside = new Set<LanguageCode>();
  for (const l of (options.alsoMatch ?? DEFAULT_ALSO)[guess.language] ?? []) if (!chosen.has(l)) beside.add(l);
  // Arabic phrases inside another language (formulas, quoted verses) are too short to win a
  // share, but their script says which lexicon can read them.
  if (ARABIC_LETTER.test(text)) chosen.add('ar');
  return { languages: known([...chosen, ...beside]), primary: guess.language, beside };
}

/**
 * The words the identified language's rules read, as a candidate or in another sense (excluded):
 * category and start offset of every token they cover.
 */
type Readings = Set<string>;

function readingKey(category: LexiconCategory, token: PreparedToken): string {
  return `${category}\u0000${token.start}`;
}

function addReading(readings: Readings, match: RuleMatch, tokens: readonly PreparedToken[]): void {
  for (let k = match.first; k <= match.last; k++) readings.add(readingKey(match.rule.entry.category, tokens[k] as PreparedToken));
}

/**
 * Whether a match of a language read beside the identified one falls on a word the identified
 * language's rules of the same category read: that language's entry decides (a Kyrgyz «бомба»
 * of a song is its exclusion's, not Russian slang's), and one candidate stands for the word.
 * Both languages' tokens are the same words of the segment, so they share start offsets.
 */
function readByPrimary(readings: Readings, match: RuleMatch, tokens: readonly PreparedToken[]): boolean {
  for (let k = match.first; k <= match.last; k++) if (readings.has(readingKey(match.rule.entry.category, tokens[k] as PreparedToken))) return true;
  return false;
}

/** Slices context without splitting a surrogate pair. */
function safeSlice(text: string, start: number, end: number): string {
  let s = start;
  let e = end;
  if (s > 0 && /[\udc00-\udfff]/.test(text[s] ?? '')) s--;
  if (e < text.length && /[\udc00-\udfff]/.test(text[e] ?? '')) e++;
  return text.slice(s, e);
}

/** Marker matches of one kind in token order, with the longest span among them (in tokens). */
interface KindHits {
  readonly matches: readonly RuleMatch[];
  readonly maxSpan: number;
}

interface MarkerHits {
  readonly byKind: ReadonlyMap<MarkerKind, KindHits>;
}

function markerHits(compiled: CompiledLanguage | undefined, text: string, tokens: readonly PreparedToken[]): MarkerHits {
  const byKind = new Map<MarkerKind, { matches: RuleMatch[]; maxSpan: number }>();
  if (compiled) {
    for (const m of matchTokens(compiled, text, tokens)) {
      const kind = m.rule.entry.marker;
      if (!kind) continue;
      const hits = byKind.get(kind);
      if (hits) {
        hits.matches.push(m);
        hits.maxSpan = Math.max(hits.maxSpan, m.last - m.first);
      } else byKind.set(kind, { matches: [m], maxSpan: m.last - m.first });
    }
  }
  return { byKind };
}

/** Index of the first match whose first token starts at or after `position` (matches in token order). */
function firstStartingAt(matches: readonly RuleMatch[], tokens: readonly PreparedToken[], position: number): number {
  let lo = 0;
  let hi = matches.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((tokens[(matches[mid] as RuleMatch).first] as PreparedToken).start < position) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Whether a marker of `kind` stands where its entry says, relative to tokens `[first, last]`;
 * with `notRightBefore`, a marker of position `before` does not count (see {@link NAMES_PEOPLE});
 * a marker lying inside one of the `phrases` is that phrase's own word and does not count either.
 */
function markerApplies(kind: MarkerKind, hits: MarkerHits, tokens: readonly PreparedToken[], structure: TextStructure, first: number, last: number, notRightBefore = false, phrases: readonly RuleMatch[] = []): boolean {
  const kindHits = hits.byKind.get(kind);
  if (!kindHits) return false;
  const start = (tokens[first] as PreparedToken).start;
  const end = (tokens[last] as PreparedToken).end;
  const clause = structure.clauseAround(start);
  const sentence = structure.sentenceAround(start);
  // Only markers starting in this window can satisfy a position test below (a 'before' marker
  // ends at most 3 tokens before `first`, an 'after' one starts at most 2 after `last`, the rest
  // lie within the fragment or its sentence); the answer is "any", so skipping the others is exact.
  const from = Math.min(sentence[0], (tokens[Math.max(0, first - 3 - kindHits.maxSpan)] as PreparedToken).start);
  const to = Math.max(sentence[1], (tokens[Math.min(tokens.length - 1, last + 2)] as PreparedToken).start);
  const matches = kindHits.matches;
  for (let j = firstStartingAt(matches, tokens, from); j < matches.length; j++) {
    const m = matches[j] as RuleMatch;
    if ((tokens[m.first] as PreparedToken).start > to) break;
    if (phrases.length > 0 && phrases.some((p) => p.first <= m.first && m.last <= p.last)) continue;
    const mStart = (tokens[m.first] as PreparedToken).start;
    const mEnd = (tokens[m.last] as PreparedToken).end;
    const position = m.rule.entry.position ?? 'before';
    if (position === 'within') {
      if (m.first >= first && m.last <= last) return true;
    } else if (position === 'before') {
      if (!notRightBefore && m.last < first && m.last >= first - 3 && mStart >= clause[0]) return true;
    } else if (position === 'after') {
      const afterClause = structure.clauseAround(Math.max(end - 1, start));
      if (m.first > last && m.first <= last + 2 && mEnd <= afterClause[1]) return true;
    } else if (position === 'earlier') {
      if (m.last < first && mStart >= sentence[0]) return true;
    } else if (position === 'complement') {
      if (m.last < first && mStart >= sentence[0] && inComplement(structure.text, mEnd, start)) return true;
    } else if (position === 'clause') {
      if (m.first > last && mEnd <= clause[1]) return true;
    } else if (position === 'anywhere') {
      if (mStart >= sentence[0] && mEnd <= sentence[1]) return true;
    } else if (position === 'opening') {
      if (mStart >= clause[0] && mStart <= start) return true;
    } else if (mStart >= sentence[0] && mEnd <= sentence[1] && (m.last < first || m.first > last)) {
      return true;
    }
  }
  return false;
}

/**
 * Whether offset `to` lies in the subordinate clause that a marker ending at `from` opens with its
 * comma: exactly one comma between them and no semicolon or colon (a dash may stand there:
 * «Неправда, что они — паразиты»). See the `complement` marker position.
 */
function inComplement(text: string, from: number, to: number): boolean {
  const between = text.slice(from, to);
  return !/[;:]/u.test(between) && between.split(',').length === 2;
}

/** Whether a sentence-wide marker of `kind` stands anywhere in `[from, to)` (segment offsets). */
function markerIn(kind: MarkerKind, hits: MarkerHits, tokens: readonly PreparedToken[], from: number, to: number): boolean {
  const matches = hits.byKind.get(kind)?.matches ?? [];
  for (let j = firstStartingAt(matches, tokens, from); j < matches.length; j++) {
    const m = matches[j] as RuleMatch;
    if ((tokens[m.first] as PreparedToken).start >= to) break;
    const position = m.rule.entry.position ?? 'before';
    if ((tokens[m.last] as PreparedToken).end <= to && (position === 'sentence' || position === 'earlier')) return true;
  }
  return false;
}

/**
 * Attribution in the neighbouring sentence: post-posed («Убивайте всех! — сказал подсудимый»: the
 * next sentence opens with a dash and holds a verb of saying) or introduced by a colon at the end
 * of the previous line («Он написал:» then the words on the next line).
 */
function attributedNextDoor(hits: MarkerHits, tokens: readonly PreparedToken[], structure: TextStructure, offset: number): boolean {
  if (!hits.byKind.has('reported')) return false;
  const text = structure.text;
  const [sStart, sEnd] = structure.sentenceAround(offset);
  const after = /^[!?.…»”"'\s]*[—–-]\s*/u.exec(text.slice(sEnd, sEnd + 12));
  if (after && sEnd + after[0].length < text.length) {
    const next = structure.sentenceAround(sEnd + after[0].length);
    if (markerIn('reported', hits, tokens, next[0], next[1])) return true;
  }
  let colon = sStart - 1;
  while (colon >= 0 && /\s/u.test(text[colon] ?? '')) colon--;
  if (colon >= 0 && text[colon] === ':') {
    const previous = structure.sentenceAround(colon);
    if (markerIn('reported', hits, tokens, previous[0], colon)) return true;
  }
  return false;
}

/** Languages whose news headlines open with the speaker's name and a colon (Жапаров: …, Асан Асанов: …). */
const HEADLINE_SPEAKER_LANGUAGES: ReadonlySet<LanguageCode> = new Set(['ky', 'kk', 'uz-Cyrl', 'uz-Latn']);

/**
 * A name of two or three capitalised words, or one with a surname or patronymic ending, then a
 * colon; up to three words of a title may precede it (Өкмөт башчысы Асанов:).
 */
const HEADLINE_SPEAKER = /^[\s«"]*(?:[\p{L}.‘’ʻʼ'-]+\s+){0,3}?(?:\p{Lu}[\p{Ll}.‘’ʻʼ']*(?:[ -]\p{Lu}[\p{Ll}.‘’ʻʼ']*){1,2}|\p{Lu}\p{Ll}+(?:ов|ев|ова|ева|ин|ина|уулу|кызы|улы|қызы|ўғли|қизи|ov|ev|ova|eva|o‘g‘li|qizi))\s*:\s/u;

/**
 * Whether the sentence of `offset` opens with a speaker's name and a colon before `offset`: a
 * headline that reports the words after it («Садыр Жапаров: Батыш бизге … бербеши керек»). A
 * single common noun with a colon (Эскертүү:, Маалымат:) is no speaker.
 */
function headlineSpeaker(structure: TextStructure, offset: number): boolean {
  const [start] = structure.sentenceAround(offset);
  const head = HEADLINE_SPEAKER.exec(structure.text.slice(start, offset));
  return head !== null && start + head[0].length <= offset;
}

/**
 * A fragment counts as scripture citation when a reference such as (2:191) stands in its sentence,
 * closes its paragraph (nothing but punctuation after it), or forms the short paragraph right after.
 * A reference in the middle of an own paragraph does not make the whole paragraph a quotation.
 */
const GLOBAL_COPIES = new WeakMap<RegExp, RegExp>();
function globalCopy(re: RegExp): RegExp {
  let copy = GLOBAL_COPIES.get(re);
  if (!copy) {
    copy = new RegExp(re.source, 'giu');
    GLOBAL_COPIES.set(re, copy);
  }
  return copy;
}

/** Each scripture pattern without its assertions ({@link relaxedPattern}); null for one that must be tested as it is. */
const RELAXED = new WeakMap<RegExp, RegExp | null>();

/**
 * Whether some pattern may match in some slice of `text`: its relaxed form matches `text` (or it
 * has none). False proves that none matches in any sentence, paragraph or line of it.
 */
function possibleIn(patterns: readonly RegExp[], text: string): boolean {
  for (const re of patterns) {
    let relaxed = RELAXED.get(re);
    if (relaxed === undefined) {
      relaxed = relaxedPattern(re);
      RELAXED.set(re, relaxed);
    }
    if (relaxed === null || relaxed.test(text)) return true;
  }
  return false;
}

/**
 * Scripture tests of one segment, answered once per sentence and once per paragraph: a long
 * paragraph with many findings would otherwise be searched with every pattern for each of them.
 */
class ScriptureCitations {
  private readonly bySentence = new Map<number, boolean>();
  private readonly byParagraph = new Map<string, boolean>();
  /** Whether some pattern may match in some slice of the segment (see {@link possibleIn}); asked at the first candidate. */
  private possible: boolean | undefined;

  constructor(
    private readonly structure: TextStructure,
    private readonly patterns: readonly RegExp[],
  ) {}

  /** Whether the fragment at `offset` (segment-relative) is cited scripture. */
  cited(offset: number): boolean {
    if (this.patterns.length === 0) return false;
    // Every slice tested below lies in the segment's text: where no pattern can match in it, none is cited.
    this.possible ??= possibleIn(this.patterns, this.structure.text);
    if (!this.possible) return false;
    const text = this.structure.text;
    const sentence = this.structure.sentenceAround(offset);
    // A sentence's start fixes its end, so the start is key enough.
    let inSentence = this.bySentence.get(sentence[0]);
    if (inSentence === undefined) {
      const sentenceText = text.slice(sentence[0], Math.min(text.length, sentence[1] + 1));
      inSentence = this.patterns.some((re) => {
        const global = globalCopy(re);
        global.lastIndex = 0;
        return global.test(sentenceText);
      });
      this.bySentence.set(sentence[0], inSentence);
    }
    if (inSentence) return true;
    const [pStart, pEnd] = this.structure.paragraphAround(offset);
    const key = `${pStart}:${pEnd}`;
    let inParagraph = this.byParagraph.get(key);
    if (inParagraph === undefined) {
      inParagraph = this.paragraphCited(pStart, pEnd);
      this.byParagraph.set(key, inParagraph);
    }
    return inParagraph;
  }

  private paragraphCited(pStart: number, pEnd: number): boolean {
    const text = this.structure.text;
    const paragraph = text.slice(pStart, pEnd);
    const next = this.structure.paragraphAround(Math.min(text.length, pEnd + 2));
    const nextText = pEnd < text.length ? text.slice(next[0], next[1]) : '';
    for (const re of this.patterns) {
      const global = globalCopy(re);
      global.lastIndex = 0;
      for (const m of paragraph.matchAll(global)) {
        if (/^[\s.,;:!?…)\]»”"'-]*$/u.test(paragraph.slice(m.index + m[0].length))) return true;
      }
      if (nextText.trim().length > 0 && nextText.trim().length <= 60 && re.test(nextText)) return true;
    }
    return false;
  }
}

function sortedUnique<T extends string>(values: Iterable<T>): T[] {
  return [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Finds indicator candidates in one segment. Offsets in the findings are document offsets.
 * Exported for tests and benchmarks; `runIndicators` is the entry point.
 */
export function segmentFindings(doc: SozDocument, segment: Segment, compiled: CompiledIndicators, options: IndicatorOptions): Finding[] {
  return findingsOfSegment(doc, segment, compiled, options, new SegmentFacts(), new LineIndex(doc.text));
}

/** A call-to-action lexicon's `concern`, compiled: sets of the categories, entry ids and normalised words. */
interface CompiledConcern {
  readonly bare: ReadonlySet<string>;
  readonly categories: ReadonlySet<string>;
  readonly entries: ReadonlySet<string>;
  /** Each word or phrase as its normalised words. */
  readonly words: readonly (readonly string[])[];
  readonly prefixes: readonly string[];
  readonly targetsOfConcernOnly: boolean;
}

const CONCERNS = new WeakMap<Lexicon, CompiledConcern>();

/** The compiled `concern` of a call lexicon, once per lexicon object; undefined when it has none. */
function concernOf(lexicon: Lexicon): CompiledConcern | undefined {
  const concern = lexicon.concern;
  if (concern === undefined) return undefined;
  let compiled = CONCERNS.get(lexicon);
  if (!compiled) {
    const normalised = (w: string): string => cachedWordKey(w, lexicon.language).normalised;
    compiled = {
      bare: new Set(concern.bare),
      categories: new Set(concern.categories),
      entries: new Set(concern.entries ?? []),
      words: (concern.words ?? []).map((phrase) => phrase.split(/\s+/u).map(normalised)),
      prefixes: (concern.prefixes ?? []).map(normalised),
      targetsOfConcernOnly: concern.targetsOfConcernOnly === true,
    };
    CONCERNS.set(lexicon, compiled);
  }
  return compiled;
}

/**
 * What the concern tests need of a call: its lexicon's concern, whether a concern word stands in
 * its sentence, and whether its form may be bare (else it is read only for the pronoun-target test).
 */
interface CallContent {
  readonly concern: CompiledConcern;
  readonly concernWord: boolean;
  readonly bareForm: boolean;
}

/**
 * Every finding → document offset of its sentence's start, its entry's subcategory, whether it
 * matched one of the entry's `subjectForms` (a group named as subject or in address) or is the
 * dative of who must act (Russian: or the in-group named by its people or right after a call); for a call of a bare form, what its content is judged by, and `bare`
 * once {@link markBareCalls} found its content of no concern.
 */
interface SentenceFacts {
  readonly start: number;
  readonly clause: number;
  readonly subcategory: string | undefined;
  readonly subjectForm: boolean;
  readonly dative?: boolean;
  readonly thing?: boolean;
  readonly call?: CallContent;
  readonly bare?: boolean;
  readonly narratesAfter?: boolean;
  readonly group?: number;
  readonly possessive?: boolean;
  readonly contrast?: boolean;
  readonly blessing?: CallContent;
}
const SENTENCE_OF = new WeakMap<Finding, SentenceFacts>();

/** Punctuation that closes a clause inside a sentence, as code units (each one code unit: a code-unit scan, not a regular expression per character). */
const CLAUSE_MARKS: ReadonlySet<number> = new Set([...',;:—–()'].map((mark) => mark.charCodeAt(0)));

/** Offset in `text` of the start of the clause holding `at`: after the last clause mark since `from`. */
function clauseStart(text: string, from: number, at: number): number {
  for (let k = at - 1; k >= from; k--) if (CLAUSE_MARKS.has(text.charCodeAt(k))) return k + 1;
  return from;
}

/** Languages whose pronouns are read with their clause group (see {@link pronounStands}). */
const CLAUSE_GROUP_LANGUAGES: ReadonlySet<LanguageCode> = new Set(['ky']);

/** A Kyrgyz converb in -(Ы)П right before a comma («келип,», «өрттөп,»): its clause goes on past the comma. */
const CONVERB_BEFORE_COMMA = /\p{L}{2,}п$/u;

/**
 * Offset in `text` of the start of the clause group holding `at`: its clause, joined with the
 * clauses before it that end in a converb, whose subject and event carry on into the next
 * («Алар бизге келип, чай ичишти» is one group; «…, анан согуш жөнүндө кино көрдүк» another).
 */
function clauseGroupStart(text: string, from: number, at: number): number {
  let start = clauseStart(text, from, at);
  while (start > from && text[start - 1] === ',' && CONVERB_BEFORE_COMMA.test(text.slice(Math.max(from, start - 25), start - 1))) start = clauseStart(text, from, start - 1);
  return start;
}

/** Whether the tokens inside `[from, to)` (segment offsets) hold one of the concern's words or phrases. */
function concernWordIn(concern: CompiledConcern, tokens: readonly PreparedToken[], from: number, to: number): boolean {
  if (concern.words.length === 0 && concern.prefixes.length === 0) return false;
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((tokens[mid] as PreparedToken).start < from) lo = mid + 1;
    else hi = mid;
  }
  const inside: string[] = [];
  for (let k = lo; k < tokens.length && (tokens[k] as PreparedToken).end <= to; k++) inside.push((tokens[k] as PreparedToken).normalised);
  return inside.some((word, i) => concern.prefixes.some((p) => word.startsWith(p)) || concern.words.some((phrase) => phrase.every((w, k) => inside[i + k] === w)));
}

function findingsOfSegment(doc: SozDocument, segment: Segment, compiled: CompiledIndicators, options: IndicatorOptions, facts: SegmentFacts, lines: LineIndex, planned?: PlannedSegment): Finding[] {
  const segStart = segment.range[0];
  const segEnd = segment.range[1];
  const text = doc.text.slice(segStart, segEnd);
  if (text.trim() === '') return [];
  let words: SegmentWords | undefined;
  const chosen = planned?.chosen ?? languagesFor(doc, segment, text, compiled, options, facts);
  const read = new Map<LanguageCode, { tokens: readonly PreparedToken[]; matches: readonly RuleMatch[] } | undefined>();
  const readings: Readings = new Set();
  const matchesOf = (language: LanguageCode): { tokens: readonly PreparedToken[]; matches: readonly RuleMatch[] } | undefined => {
    if (read.has(language)) return read.get(language);
    const indicatorRules = compiled.indicators.get(language);
    let result: { tokens: readonly PreparedToken[]; matches: readonly RuleMatch[] } | undefined;
    // A segment with no word that may open a match has none: its tokens are not prepared.
    if (indicatorRules && indicatorRules.ruleCount > 0 && someWord((words ??= facts.words(doc, segment, text)), language, opensMatches(indicatorRules))) {
      // The English tokens planning prepared from these very words (the word table may have started a new generation since).
      const tokens = language === 'en' && planned?.english?.words === words ? planned.english.tokens : preparedWords(words, language);
      const excluded: RuleMatch[] | undefined = language === chosen.primary && chosen.beside.size > 0 ? [] : undefined;
      const matches = matchTokens(indicatorRules, text, tokens, excluded);
      if (excluded) for (const m of [...matches, ...excluded]) addReading(readings, m, tokens);
      result = { tokens, matches };
    }
    read.set(language, result);
    return result;
  };
  if (chosen.primary !== undefined && chosen.beside.size > 0) matchesOf(chosen.primary);
  // A segment none of whose languages has a match has no finding: what a finding reads of the
  // segment (its author, unit, sentences, quotations) is made only for one that has (issue 17,
  // round 19). Matching is memoised per language and reads none of it, so the order of work
  // changes no match.
  if (!chosen.languages.some((language) => (matchesOf(language)?.matches.length ?? 0) > 0)) return [];
  const window = options.contextWindow ?? 60;
  const role = segment.message?.role;
  const blockquote = isBlockquote(segment);
  let quotes: Range[] | undefined;
  const author = segmentAuthor(segment);
  const originalAuthor = role === 'forwarded' ? segment.message?.forwardedFrom?.name : undefined;
  const unit = `${doc.id}#${segment.message?.messageId ?? segment.anchor.messageId ?? segment.id}`;
  const findings = new Map<string, Finding>();
  const concernWords = new Map<string, boolean>();
  const structure = new TextStructure(text);
  const scripture = new ScriptureCitations(structure, compiled.scripture);
  for (const language of chosen.languages) {
    const got = matchesOf(language);
    if (!got || got.matches.length === 0) continue;
    const { tokens, matches } = got;
    const hits = markerHits(compiled.markers.get(language), text, tokens);
    // Token index of the last word of every call: what a pronoun right after a call looks up.
    const callEnds = new Set(matches.filter((m) => m.rule.entry.category === 'call-to-action').map((m) => m.last));
    // Phrases of contrast (en.us-them.contrast: they are not like us, they don't belong here): usually none.
    const contrasts = matches.filter((m) => m.rule.entry.contrast === true);
    for (const match of matches) {
      if (chosen.beside.has(language) && readByPrimary(readings, match, tokens)) continue;
      const { entry, lexicon } = match.rule;
      const first = tokens[match.first] as PreparedToken;
      const last = tokens[match.last] as PreparedToken;
      const range: [number, number] = [segStart + first.start, segStart + last.end];
      const key = `${entry.id}\u0000${range[0]}\u0000${range[1]}`;
      if (findings.has(key)) continue;
      const quotedByMarks = insideAny((quotes ??= quotationSpans(text)), first.start, last.end);
      const quoted = blockquote || quotedByMarks || scripture.cited(first.start);
      const reported = markerApplies('reported', hits, tokens, structure, match.first, match.last) || attributedNextDoor(hits, tokens, structure, first.start) || (HEADLINE_SPEAKER_LANGUAGES.has(language) && headlineSpeaker(structure, first.start));
      const counter = new Set<Countervailing>();
      if (quoted) counter.add('quoted');
      if (reported) counter.add('reported');
      if (role === 'forwarded') counter.add('forwarded');
      if (role === 'reaction') counter.add('reaction');
      // The not, never or don't of a phrase of contrast around the word is the contrast itself: it
      // negates neither the phrase nor a pronoun inside it. A negation outside the phrase still
      // does (I would never tell anyone to go back where they came from; Nobody says they are not like us).
      const ownContrast = contrasts.length === 0 ? contrasts : contrasts.filter((c) => c.first <= match.first && match.last <= c.last);
      if (markerApplies('negation', hits, tokens, structure, match.first, match.last, false, ownContrast)) counter.add('negated');
      if (markerApplies('conditional', hits, tokens, structure, match.first, match.last)) counter.add('conditional');
      if (markerApplies('condemnation', hits, tokens, structure, match.first, match.last, NAMES_PEOPLE.has(entry.category))) counter.add('condemned');
      // A prayer or ritual instruction changes what an imperative is, not what a noun names.
      const prayer = entry.category === 'call-to-action' && markerApplies('prayer', hits, tokens, structure, match.first, match.last);
      if (prayer) counter.add('prayer');
      // A call that speaks to people is a prayer or a ritual instruction only while its content is of no concern (see `blessingAsksNoHarm`).
      const blessedOnly = prayer && entry.addressedToPeople === true;
      if (structure.endsWithQuestion(last.end) && !(language === 'ru' && questionIsAttentionTag(text, tokens, match.last))) counter.add('question');
      if (entry.mainstreamMeaning) counter.add('mainstream-meaning');
      const voice: Voice = role === 'reaction' ? 'reaction' : role === 'forwarded' ? 'forwarded' : quoted ? 'quotation' : reported ? 'reported' : 'own';
      const normalisations: string[] = [];
      for (let k = match.first; k <= match.last; k++) {
        const t = tokens[k] as PreparedToken;
        for (const step of t.steps) normalisations.push(`«${t.text}» at document offset ${segStart + t.start + step.offset}: ${describeStep(step)}`);
      }
      const form = tokens.slice(match.first, match.last + 1).map((t) => t.normalised).join(' ');
      const source = lexicon.sources.find((s) => s.id === entry.source);
      const baseReason = entry.reason ?? DEFAULT_REASON[entry.category] ?? entry.category;
      const detail = [entry.subcategory, entry.label].filter((x) => x !== undefined).join(': ');
      // Built field by field in the order the literal with spreads had (round 19: each spread of
      // an optional field was a temporary object copied in, the line with the most own samples).
      const built: { -readonly [K in keyof Finding]?: Finding[K] } = {
        id: findingId(INDICATORS_ANALYSIS, entry.id, doc.id, range),
        analysis: INDICATORS_ANALYSIS,
        ruleId: entry.id,
        category: entry.category,
        reason: detail ? `${baseReason} (${detail})` : baseReason,
      };
      if (entry.subcategory !== undefined) built.subcategory = entry.subcategory;
      built.place = placeInSegment(doc, segment, range, lines.lineColumn(range[0]));
      built.actual = doc.text.slice(range[0], range[1]);
      built.context = {
        left: safeSlice(doc.text, Math.max(segStart, range[0] - window), range[0]),
        right: safeSlice(doc.text, range[1], Math.min(segEnd, range[1] + window)),
      };
      if (author !== undefined) built.author = author;
      if (originalAuthor !== undefined) built.originalAuthor = originalAuthor;
      built.voice = voice;
      built.countervailing = sortedUnique(counter);
      built.note = entry.note;
      if (entry.mainstreamMeaning) built.mainstreamMeaning = entry.mainstreamMeaning;
      built.citation = {
        lexicon: lexicon.lexicon,
        lexiconVersion: lexicon.version,
        entryId: entry.id,
        source: source ? `${source.citation}${entry.locator ? `, ${entry.locator}` : ''}` : entry.source,
      };
      built.matched = { form, rule: `${match.rule.origin.kind} ${match.rule.origin.text}` };
      built.unit = unit;
      if (normalisations.length > 0) built.normalisations = normalisations;
      const finding = built as Finding;
      // A pronoun in the dative right before a modal of obligation is who is to act, as a subject is
      // («Им нужно подписать», «нам надо»); «Их нужно …» (accusative) is whom it is about.
      const experiencer = entry.category === 'us-them' && last.parses.some((p) => p.pos === 'NPRO' && p.grammemes.includes('datv')) && matches.some((m) => m.first === match.last + 1 && m.rule.entry.subcategory === 'obligation');
      // Russian: the in-group named by its people (наши ребята) or as the one a call is for, right
      // after it (помогите нам, поддержите нас) says whom the speaker means, as a subject does.
      const ownPeople = language === 'ru' && entry.subcategory === 'in-group' && (possessiveOfPeople(tokens, match.first) || callEnds.has(match.first - 1));
      const sentence = structure.sentenceAround(first.start);
      const concern = concernOf(lexicon);
      let call: CallContent | undefined;
      const bareForm = concern?.bare.has(entry.subcategory ?? '') === true;
      if (concern !== undefined && (bareForm || (concern.targetsOfConcernOnly && entry.category === 'call-to-action'))) {
        // One answer per sentence and language: a sentence of many calls is read once.
        const wordKey = `${language}\u0000${sentence[0]}`;
        let concernWord = concernWords.get(wordKey);
        if (concernWord === undefined) {
          concernWord = concernWordIn(concern, tokens, sentence[0], sentence[1]);
          concernWords.set(wordKey, concernWord);
        }
        call = { concern, concernWord, bareForm };
      }
      // A call to people read as a prayer: what would make its content of concern (see `blessingAsksNoHarm`).
      const blessing: CallContent | undefined = blessedOnly && concern !== undefined ? (call ?? { concern, concernWord: concernWordIn(concern, tokens, sentence[0], sentence[1]), bareForm }) : undefined;
      const thing = entry.anaphoric === true && (language === 'en' ? englishPronounNamesNoGroup(text, tokens, match.first) : refersToThings(text, tokens, match.first));
      // Russian «они», «их» that point back to «наши …» people are the in-group itself.
      const subcategory = entry.anaphoric === true && language === 'ru' && refersToOwnPeople(tokens, match.first) ? 'in-group' : entry.subcategory;
      const dative = language === 'ru' && entry.category === 'us-them' && last.parses.length > 0 && last.parses.every((p) => p.pos === 'NPRO' && p.grammemes.includes('datv'));
      const subjectForm = experiencer || ownPeople || (entry.subjectForms?.includes(form) ?? false);
      // Russian: an in-group subject is read with its own clause and what follows it (see pronounStands).
      const narratesAfter = language === 'ru' && subjectForm && subcategory === 'in-group';
      // English: an out-group possessive (their, theirs) is read by what its sentence does to the group (see pronounStands).
      const possessive = language === 'en' && subcategory === 'out-group' && ENGLISH_POSSESSIVES.has(form);
      // Only the facts that hold are set (no spread per optional field: see the finding above).
      const told: { -readonly [K in keyof SentenceFacts]: SentenceFacts[K] } = { start: segStart + sentence[0], clause: segStart + clauseStart(text, sentence[0], first.start), subcategory, subjectForm };
      if (dative) told.dative = dative;
      if (thing) told.thing = thing;
      if (call) told.call = call;
      if (narratesAfter) told.narratesAfter = narratesAfter;
      if (possessive) told.possessive = possessive;
      if (entry.contrast === true) told.contrast = true;
      if (blessing) told.blessing = blessing;
      if (CLAUSE_GROUP_LANGUAGES.has(language)) told.group = segStart + clauseGroupStart(text, sentence[0], first.start);
      SENTENCE_OF.set(finding, told);
      findings.set(key, finding);
    }
  }
  return markBareCalls(prayerReachesWhatItAsks(blessingAsksNoHarm(onePerCall([...findings.values()]))));
}

/** Findings grouped by the document offset of their sentence's start. */
function bySentenceStart(findings: readonly Finding[]): Map<number | undefined, Finding[]> {
  const bySentence = new Map<number | undefined, Finding[]>();
  for (const f of findings) {
    const key = SENTENCE_OF.get(f)?.start;
    const list = bySentence.get(key);
    if (list) list.push(f);
    else bySentence.set(key, [f]);
  }
  return bySentence;
}

/** Whether call `f`'s content is of concern: a word its lexicon names, or another candidate of its sentence it names (a standing us/them pronoun too). */
function contentOfConcern(f: Finding, call: CallContent, sentence: readonly Finding[]): boolean {
  return call.concernWord || sentence.some((o) => o !== f && (call.concern.categories.has(o.category) || call.concern.entries.has(o.ruleId) || (o.category === 'us-them' && pronounStands(o, sentence))));
}

/**
 * Marks the bare calls of a segment: a call of a form its lexicon's `concern` lists as possibly
 * bare (today: obligation modals) that is no prayer, and whose sentence holds no word of concern,
 * no other candidate of a category or entry of concern and no pronoun that stands beside it as
 * its target («нужно внести данные», "You should rest", «Силер келишиңер керек»). The data say
 * what concern is, per language; this rule is the same for all. A bare call is a feature: it
 * accompanies a candidate of its message or is withheld, and is listed either way.
 */
function markBareCalls(findings: readonly Finding[]): Finding[] {
  const bySentence = bySentenceStart(findings);
  for (const f of findings) {
    const facts = SENTENCE_OF.get(f);
    const call = facts?.call;
    if (facts === undefined || call === undefined || !call.bareForm || f.countervailing.includes('prayer') || call.concernWord) continue;
    if (!contentOfConcern(f, call, bySentence.get(facts.start) ?? [])) SENTENCE_OF.set(f, { ...facts, bare: true });
  }
  return [...findings];
}

/**
 * Two call rules on the same words make one candidate, not two: an imperative in -ай is also a
 * 2nd-person imperative, «давайте обсудим» is also the imperative «давайте», «сражайтесь» is a
 * verb of struggle and a reflexive imperative. The widest span stays (it says most), then a word
 * the lexicon lists over an ending pattern, then the rule matched first; the order of the rest is
 * kept. Other categories keep each entry's candidate (two group names on one phrase are two
 * statements).
 */
function onePerCall(findings: readonly Finding[]): Finding[] {
  const width = (f: Finding): number => f.place.range[1] - f.place.range[0];
  const byPattern = (f: Finding): number => (f.matched?.rule.startsWith('pattern') === true ? 1 : 0);
  const kept = new Set<Finding>();
  // The kept calls' spans never overlap one another, so sorted by start the only one that can
  // overlap a new span is the last that starts before it ends: one binary search per finding, not a
  // walk over every kept one (a chat exported as one long segment has tens of thousands).
  const keptCalls: (readonly [number, number])[] = [];
  for (const f of [...findings].sort((a, b) => width(b) - width(a) || byPattern(a) - byPattern(b))) {
    if (f.category !== 'call-to-action') {
      kept.add(f);
      continue;
    }
    const [start, end] = f.place.range;
    let after = 0;
    for (let hi = keptCalls.length; after < hi; ) {
      const mid = (after + hi) >> 1;
      if ((keptCalls[mid] as readonly [number, number])[0] < end) after = mid + 1;
      else hi = mid;
    }
    const previous = keptCalls[after - 1];
    if (previous !== undefined && start < previous[1]) continue;
    keptCalls.splice(after, 0, [start, end]);
    kept.add(f);
  }
  return findings.filter((f) => kept.has(f));
}

/** Categories of what a prayer asks to be kept from or done to («protect our children from war»). */
const ASKED_IN_PRAYER: ReadonlySet<string> = new Set(['violence', 'negative-evaluation']);

/**
 * A call that speaks to people (`addressedToPeople`: «гоните», «надо») is a prayer only by a formula
 * asking God or a ritual word in its sentence («Дай Бог здоровья, передайте им привет», «Совершайте
 * намаз вовремя»); where its content is of concern as its lexicon defines it (violence, a group,
 * contempt, expulsion …), the formula or the rite is the speaker's setting and the harm is asked of
 * people («Иншааллах, бейте их», «После намаза бейте их всех»): the call loses the prayer, and so
 * the harm does not take it on ({@link prayerReachesWhatItAsks}).
 */
function blessingAsksNoHarm(findings: readonly Finding[]): Finding[] {
  if (!findings.some((f) => SENTENCE_OF.get(f)?.blessing !== undefined)) return [...findings];
  const bySentence = bySentenceStart(findings);
  return findings.map((f) => {
    const facts = SENTENCE_OF.get(f);
    if (facts?.blessing === undefined || !contentOfConcern(f, facts.blessing, bySentence.get(facts.start) ?? [])) return f;
    const toPeople: Finding = { ...f, countervailing: f.countervailing.filter((c) => c !== 'prayer') };
    SENTENCE_OF.set(toPeople, facts);
    return toPeople;
  });
}

/**
 * A violence or negative-evaluation word in the sentence of a prayer's imperative is part of what
 * the prayer asks («God, protect our children from war», «Жаратканым, өлкөбүздү согуштан сакта»:
 * before the verb in a verb-final language): it carries the prayer too, so the examiner sees it
 * inside the prayer and a pronoun beside it does not stand.
 */
function prayerReachesWhatItAsks(findings: readonly Finding[]): Finding[] {
  const prayers = findings.filter((f) => f.category === 'call-to-action' && f.countervailing.includes('prayer'));
  if (prayers.length === 0) return [...findings];
  return findings.map((f) => {
    const sentence = SENTENCE_OF.get(f);
    if (!ASKED_IN_PRAYER.has(f.category) || f.countervailing.includes('prayer') || sentence === undefined) return f;
    if (!prayers.some((p) => SENTENCE_OF.get(p)?.start === sentence.start)) return f;
    const prayed: Finding = { ...f, countervailing: sortedUnique([...f.countervailing, 'prayer']) };
    SENTENCE_OF.set(prayed, sentence);
    return prayed;
  });
}

/** A feature that had no candidate to accompany in its message: kept as a reference, not a candidate. */
export interface WithheldFeature {
  readonly ruleId: string;
  readonly category: string;
  readonly actual: string;
  readonly documentId: string;
  readonly segmentId: string;
  readonly range: Range;
}

/** Result of {@link runIndicators}: sorted findings plus what the filters removed. */
export interface IndicatorResult {
  readonly findings: Finding[];
  readonly counts: {
    readonly beforeFilter: number;
    readonly afterFilter: number;
    readonly byCategory: Readonly<Record<string, number>>;
    /** Features attached to a candidate of their message (shown in its `accompanying`). */
    readonly attachedFeatures: number;
    /** Features alone in their message, by category (listed in `withheld`). */
    readonly withheldFeatures: Readonly<Record<string, number>>;
  };
  /** Features alone in their message, in finding order: not candidates, but nothing is lost. */
  readonly withheld: readonly WithheldFeature[];
}

/** The finding of `sorted` (one document, by offset) whose start is nearest `offset`, ties to the earlier. */
function nearest(sorted: readonly Finding[], offset: number): Finding {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as Finding).place.range[0] < offset) lo = mid + 1;
    else hi = mid;
  }
  const after = sorted[lo];
  const before = sorted[lo - 1];
  if (!before) return after as Finding;
  if (!after) return before;
  return offset - before.place.range[0] <= after.place.range[0] - offset ? before : after;
}

/**
 * Whether a pronoun stands as a candidate: where it sets a group against another or names the
 * target of a call (docs/eval-findings.md). The same rule for every language; the lexicons say
 * which entries are addressees, in-groups or out-groups and which forms are subjects. Its sentence
 * must hold a call to people, violence or a negative evaluation that no negation, condemnation,
 * prayer or question takes back; two pronouns alone («нам … они») are everyday talk. Then:
 * - the addressee («вы», «ваши документы», "you", «силер») is who is called, not whom against: it
 *   stands only beside an out-group pronoun («они убьют вас»);
 * - an in-group as subject or in address («мы должны», "we must", «бир туугандар») beside a call
 *   alone is who is to act: it stands only beside violence, a negative evaluation or an out-group
 *   pronoun («Мы отомстим», «Братья, враг у стен», «их дома, как горели наши»); in Russian the
 *   violence or evaluation must stand in its own clause or after it — one told in an earlier clause
 *   is another event («Соседа убили, а мы как раз смотрели кино»);
 * - a pronoun that refers to things or to an ordinary group («Документы готовы, заберите их»,
 *   "our team": the entry is `anaphoric`)
 *   never stands and sets no group against another;
 * - any other form stands: the target, the victim, the group whose things are named («Бейте их»,
 *   «иначе нас уничтожат», "burn their shops").
 */
function pronounStands(feature: Finding, sentence: readonly Finding[]): boolean {
  const [start, end] = feature.place.range;
  // A pronoun inside a call's own words ("let us", "we call upon") is part of the call formula.
  if (sentence.some((f) => f.category === 'call-to-action' && f.place.range[0] <= start && end <= f.place.range[1])) return false;
  const facts = SENTENCE_OF.get(feature);
  if (facts?.thing === true || facts?.contrast === true) return false;
  // A phrase of contrast (they are not like us, back where they came from) sets the sentence's
  // in-group and out-group pronouns against each other with no hostile word (see the schema's `contrast`).
  if ((facts?.subcategory === 'in-group' || facts?.subcategory === 'out-group' || facts?.subcategory === 'addressee') && sentence.some((f) => f !== feature && SENTENCE_OF.get(f)?.contrast === true)) return true;
  const group = facts?.group;
  const partners = sentence.filter((f) => f !== feature && PRONOUN_PARTNERS.has(f.category) && SENTENCE_OF.get(f)?.bare !== true && !f.countervailing.some((c) => NOT_A_CALL_TO_PEOPLE.has(c)) && !ordinaryCall(f, sentence) && (group === undefined || bearsOnGroup(f, group, sentence)));
  if (partners.length === 0) return false;
  const groupBeside = (subcategories: readonly string[]): boolean =>
    sentence.some((f) => f !== feature && f.category === 'us-them' && subcategories.includes(SENTENCE_OF.get(f)?.subcategory ?? '') && SENTENCE_OF.get(f)?.thing !== true);
  if (everydayPair(feature, sentence, partners)) return false;
  const outGroupBeside = groupBeside(['out-group']);
  if (facts?.subcategory === 'addressee') return outGroupBeside;
  if (facts?.subcategory === 'in-group' && facts.subjectForm) return outGroupBeside || partners.some((f) => HOSTILE_PARTNERS.has(f.category) && (facts.narratesAfter !== true || concernsGroups(f, facts.clause, sentence)));
  // English: "their" beside violence told in the past alone is the group's own things in a story
  // told of it (the Aztecs sacrificed prisoners to their gods, the Luddites smashed the machines and
  // feared for their jobs); it names a target beside a call, an evaluation, an in-group or addressee,
  // or violence still to come (burn their shops, we'll smash their heads in, to be burned out of their homes).
  if (facts?.possessive === true) return groupBeside(['in-group', 'addressee']) || partners.some((f) => f.category !== 'violence' || !toldInThePast(f));
  if (facts?.subcategory === 'out-group' && facts.subjectForm) {
    const has = (category: string): boolean => partners.some((f) => f.category === category);
    return groupBeside(['in-group', 'addressee']) || has('negative-evaluation') || (has('violence') && has('call-to-action'));
  }
  return true;
}

/**
 * Kyrgyz: whether a call, violence or an evaluation `partner` bears on a pronoun of the clause group
 * starting at `group`: it is a call or overlaps one (a call reaches across clauses: «Өч алалы, бир туугандар, …», «Согушкула, аларга
 * бир карыш жер бербегиле!»), it stands in the pronoun's clause group, or a group pronoun stands in
 * its own («Алар келди, биздин үйлөрдү өрттөштү»). Violence told in another group with no pronoun is
 * another event («Алар бизге келип, чай ичишти, анан согуш жөнүндө кино көрдүк»).
 */
function bearsOnGroup(partner: Finding, group: number, sentence: readonly Finding[]): boolean {
  const own = SENTENCE_OF.get(partner)?.group;
  if (own === group || partner.category === 'call-to-action') return true;
  const [start, end] = partner.place.range;
  return sentence.some((f) => (f.category === 'call-to-action' && f.place.range[0] < end && start < f.place.range[1]) || (f.category === 'us-them' && SENTENCE_OF.get(f)?.group === own && SENTENCE_OF.get(f)?.thing !== true));
}

/**
 * Whether violence or an evaluation `hostile` bears on the in-group subject whose clause starts at
 * `clause` (Russian): it stands in that clause or after it («…, и мы отомстим»), or a group pronoun
 * stands in its own earlier clause («Нас убивают, а мы молчим»). Violence told of others in an
 * earlier clause is another event («Соседа убили, а мы как раз смотрели кино»).
 */
function concernsGroups(hostile: Finding, clause: number, sentence: readonly Finding[]): boolean {
  const own = SENTENCE_OF.get(hostile)?.clause ?? 0;
  if (own >= clause) return true;
  return sentence.some((f) => f.category === 'us-them' && SENTENCE_OF.get(f)?.clause === own && SENTENCE_OF.get(f)?.thing !== true);
}

/**
 * Russian «они … нам»: an out-group subject beside an in-group dative («они нам как родные», «они
 * нам помогли»), with calls beside them but no violence or negative evaluation, and no pronoun in
 * a call's own clause («Приезжайте в гости, они нам как родные»): the pair says what they are to
 * us, and the call names no target — everyday talk, as two pronouns alone are. A call whose clause
 * holds a pronoun («вставайте против них») keeps the pair.
 */
function everydayPair(feature: Finding, sentence: readonly Finding[], partners: readonly Finding[]): boolean {
  if (partners.some((f) => HOSTILE_PARTNERS.has(f.category))) return false;
  const pronouns = sentence.filter((f) => f.category === 'us-them' && SENTENCE_OF.get(f)?.thing !== true);
  const outSubject = (f: Finding): boolean => SENTENCE_OF.get(f)?.subcategory === 'out-group' && SENTENCE_OF.get(f)?.subjectForm === true;
  const inDative = (f: Finding): boolean => SENTENCE_OF.get(f)?.subcategory === 'in-group' && SENTENCE_OF.get(f)?.dative === true;
  const paired = (outSubject(feature) && pronouns.some(inDative)) || (inDative(feature) && pronouns.some(outSubject));
  if (!paired) return false;
  const callClauses = new Set(partners.map((f) => SENTENCE_OF.get(f)?.clause));
  return !pronouns.some((f) => callClauses.has(SENTENCE_OF.get(f)?.clause));
}

/**
 * A call of a lexicon whose concern says `targetsOfConcernOnly`, with nothing of concern in its
 * sentence but pronouns: an ordinary instruction ("pick them up", "tell us"), whose object is no
 * target a pronoun could stand for.
 */
function ordinaryCall(call: Finding, sentence: readonly Finding[]): boolean {
  const content = SENTENCE_OF.get(call)?.call;
  if (content?.concern.targetsOfConcernOnly !== true || content.concernWord) return false;
  return !sentence.some((o) => o !== call && (content.concern.categories.has(o.category) || content.concern.entries.has(o.ruleId)));
}

/**
 * Pronouns that are part of a statement stay candidates (see {@link pronounStands}). Other
 * features of a unit (message) — the other pronouns and the bare calls — attach to the nearest
 * candidate, ties to the earlier; features of a unit without any candidate are returned as withheld.
 */
function attachFeatures(findings: readonly Finding[]): { findings: Finding[]; attached: number; withheld: Finding[] } {
  const byUnit = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = f.unit ?? f.place.segmentId;
    const list = byUnit.get(key);
    if (list) list.push(f);
    else byUnit.set(key, [f]);
  }
  const out: Finding[] = [];
  const withheld: Finding[] = [];
  let attached = 0;
  for (const unitFindings of byUnit.values()) {
    const bySentence = bySentenceStart(unitFindings);
    const stands = (f: Finding): boolean => {
      if (SENTENCE_OF.get(f)?.bare === true) return false;
      return !FEATURE_CATEGORIES.has(f.category as LexiconCategory) || pronounStands(f, bySentence.get(SENTENCE_OF.get(f)?.start) ?? []);
    };
    const cores = unitFindings.filter(stands).sort(compareFindings);
    const features = unitFindings.filter((f) => !stands(f)).sort(compareFindings);
    if (cores.length === 0) {
      withheld.push(...features);
      continue;
    }
    const extras = new Map<Finding, Finding[]>();
    for (const feature of features) {
      const best = nearest(cores, feature.place.range[0]);
      const list = extras.get(best);
      if (list) list.push(feature);
      else extras.set(best, [feature]);
      attached++;
    }
    for (const core of cores) {
      const accompanying = extras.get(core);
      out.push(accompanying ? { ...core, accompanying: accompanying.map((f) => ({ ruleId: f.ruleId, category: f.category, actual: f.actual, range: f.place.range })) } : core);
    }
  }
  return { findings: out, attached, withheld };
}

/** Indicator findings gathered document by document; `finish` sorts them once. */
export interface IndicatorStream {
  /** Matches every segment of `doc` (held only during this call). */
  add(doc: SozDocument): void;
  /** What it holds so far, as data another thread can receive. */
  state(): IndicatorState;
  /** Adds what another stream (of other documents) held: the same result as one stream fed both. */
  merge(other: IndicatorState): void;
  finish(): IndicatorResult;
}

/** What {@link IndicatorStream.state} gives: the findings held and the counts, structured-clonable. */
export interface IndicatorState {
  readonly findings: readonly Finding[];
  readonly withheld: readonly Finding[];
  readonly byCategory: Readonly<Record<string, number>>;
  readonly beforeFilter: number;
  readonly afterFilter: number;
  readonly attached: number;
}

/**
 * Segments whose English tagger windows are tagged in one batch. 256 (round 18; 64 before): on the
 * generated export 64 segments named about 28 texts, and the tagger's hooks cost 10–16 % less per
 * text in batches of a hundred or more (`prepareEnglish`); the documents of a batch wait for their
 * segments, so a plan holds a few hundred small documents at most.
 */
const TAGGED_TOGETHER = 256;

/**
 * What planning found for a segment, handed to {@link findingsOfSegment} so that it is not worked
 * out twice (issue 17, round 17): the segment's languages and, when English was planned, its word
 * tokens and the English tokens prepared from them.
 */
interface PlannedSegment {
  readonly chosen: SegmentLanguages;
  readonly english?: { readonly words: SegmentWords; readonly tokens: readonly PreparedToken[] };
}

/**
 * Plans `segments` before {@link findingsOfSegment} reads them: each one's languages, and one batch
 * of the English tagger's texts (issue 17, round 16: the tagger's hooks run over many texts at once)
 * — the windows the English imperative reading will ask about first and the stretches before each
 * they / them / their the antecedent search will ask about, named from the languages and tokens
 * findingsOfSegment reads them in. The tagger gives each text its batch document when asked, the
 * one it would make alone; a text named and not asked, or asked and not named, costs a tagging,
 * never an answer (english-tagger.ts, prepareEnglish). Undefined for a blank segment.
 */
function planSegments(doc: SozDocument, segments: readonly Segment[], compiled: CompiledIndicators, options: IndicatorOptions, facts: SegmentFacts): (PlannedSegment | undefined)[] {
  const texts: string[] = [];
  let naming = compiled.indicators.has('en');
  const planned = segments.map((segment): PlannedSegment | undefined => {
    const text = doc.text.slice(segment.range[0], segment.range[1]);
    if (text.trim() === '') return undefined;
    const chosen = languagesFor(doc, segment, text, compiled, options, facts);
    // findingsOfSegment matches English when it is one of the segment's languages, or the primary one read before those beside it.
    if (!naming || (!chosen.languages.includes('en') && !(chosen.primary === 'en' && chosen.beside.size > 0))) return { chosen };
    // The English rules compiled only now, as findingsOfSegment compiles them: a case without English never pays for them.
    const english = compiled.indicators.get('en');
    const referents = english !== undefined && readsReferents(english);
    if (english === undefined || english.ruleCount === 0 || !(readsEnglishImperatives(english) || referents)) {
      naming = false;
      return { chosen };
    }
    const words = facts.words(doc, segment, text);
    if (!someWord(words, 'en', opensMatches(english))) return { chosen };
    const tokens = preparedWords(words, 'en');
    texts.push(...taggerWindows(english, text, tokens));
    // The stretches before each they / them / their that findingsOfSegment reads with englishPronounNamesNoGroup.
    if (referents) texts.push(...englishReferentStretches(text, tokens));
    return { chosen, english: { words, tokens } };
  });
  prepareEnglish(texts);
  return planned;
}

const ANAPHORIC = new WeakMap<CompiledLanguage, boolean>();

/** Whether a rule of the language is `anaphoric` (its pronoun is read with what it points back to), once per compiled language. */
function readsReferents(compiled: CompiledLanguage): boolean {
  let reads = ANAPHORIC.get(compiled);
  if (reads === undefined) {
    const anaphoric = (rules: Iterable<readonly CompiledRule[]>): boolean => [...rules].some((list) => list.some((rule) => rule.entry.anaphoric === true));
    reads = anaphoric(compiled.byKey.values()) || anaphoric(compiled.bySuffix.values()) || anaphoric(compiled.byPrefix.values()) || anaphoric([compiled.classRules]);
    ANAPHORIC.set(compiled, reads);
  }
  return reads;
}

/**
 * Starts a run that takes documents one at a time: each document's findings are filtered and
 * their features attached within the document (a unit, the message, never spans two
 * documents), so the result does not depend on the order documents arrive in. With
 * `onDocumentFindings`, each document's findings (sorted) go there instead of into the result,
 * whose `findings` then stay empty: the caller writes them, and a case of any size holds none.
 */
export function startIndicators(options: IndicatorOptions, compiled?: CompiledIndicators, onDocumentFindings?: (findings: readonly Finding[]) => void): IndicatorStream {
  const rules = compiled ?? compileIndicators(options.lexicons, options.categories);
  const facts = options.segmentFacts ?? new SegmentFacts();
  const findings: Finding[] = [];
  const withheldFindings: Finding[] = [];
  const byCategory: Record<string, number> = {};
  let beforeFilter = 0;
  let afterFilter = 0;
  let attached = 0;
  return {
    add(doc) {
      const lines = new LineIndex(doc.text);
      const all: Finding[] = [];
      const { segments } = doc;
      for (let from = 0; from < segments.length; from += TAGGED_TOGETHER) {
        const part = segments.slice(from, from + TAGGED_TOGETHER);
        const planned = planSegments(doc, part, rules, options, facts);
        part.forEach((segment, k) => {
          for (const f of findingsOfSegment(doc, segment, rules, options, facts, lines, planned[k])) all.push(f);
        });
      }
      beforeFilter += all.length;
      const kept = options.filter ? filterFindings(all, [doc], options.filter) : all;
      const grouped = options.standaloneFeatures === true ? { findings: kept, attached: 0, withheld: [] } : attachFeatures(kept);
      grouped.findings.sort(compareFindings);
      for (const f of grouped.findings) byCategory[f.category] = (byCategory[f.category] ?? 0) + 1;
      afterFilter += grouped.findings.length;
      attached += grouped.attached;
      // Copies: a finding's context and text are slices that would keep the document alive.
      if (onDocumentFindings) onDocumentFindings(grouped.findings);
      else for (const f of detachedData(grouped.findings)) findings.push(f);
      for (const f of detachedData(grouped.withheld)) withheldFindings.push(f);
    },
    state: () => ({ findings, withheld: withheldFindings, byCategory, beforeFilter, afterFilter, attached }),
    merge(other) {
      for (const f of other.findings) findings.push(f);
      for (const f of other.withheld) withheldFindings.push(f);
      for (const [category, n] of Object.entries(other.byCategory)) byCategory[category] = (byCategory[category] ?? 0) + n;
      beforeFilter += other.beforeFilter;
      afterFilter += other.afterFilter;
      attached += other.attached;
    },
    finish() {
      findings.sort(compareFindings);
      const withheldFeatures: Record<string, number> = {};
      const withheld = withheldFindings.sort(compareFindings).map((f): WithheldFeature => {
        withheldFeatures[f.category] = (withheldFeatures[f.category] ?? 0) + 1;
        return { ruleId: f.ruleId, category: f.category, actual: f.actual, documentId: f.place.documentId, segmentId: f.place.segmentId, range: f.place.range };
      });
      return { findings, counts: { beforeFilter, afterFilter, byCategory, attachedFeatures: attached, withheldFeatures }, withheld };
    },
  };
}

/**
 * Runs every lexicon over every segment of `docs`, applies the selection filter and sorts the
 * findings with `compareFindings`. Same documents + same lexicons → same findings, same order.
 */
export function runIndicators(docs: readonly SozDocument[], options: IndicatorOptions, compiled?: CompiledIndicators): IndicatorResult {
  const stream = startIndicators(options, compiled);
  for (const doc of docs) stream.add(doc);
  return stream.finish();
}
