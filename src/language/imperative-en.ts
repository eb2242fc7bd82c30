/**
 * English imperatives by position and word class. English imperatives have no ending: a clause
 * that opens with a base-form verb and no subject is one («Gather your brothers», «Brothers, burn
 * their shops», «He wrote: drive them out», «Do not kill»). The position is found here; the word
 * class comes from the compromise part-of-speech tagger (English only: on other languages it tags
 * every word a noun without an error, so callers gate by language). compromise is used read-only —
 * no plugin, no lexicon change, nothing global — and is deterministic and offline.
 */
import { tagEnglish as nlp } from './english-tagger.js';

/** A word token as the caller sees it: `[start, end)` in `text`, normalised form, sentence start. */
export interface ImperativeWord {
  readonly start: number;
  readonly end: number;
  readonly normalised: string;
  readonly sentenceInitial: boolean;
}

/** Words that may open an imperative clause before its verb: please, just, now, and, do not, never. */
const LEAD_IN: ReadonlySet<string> = new Set(['please', 'pls', 'just', 'now', 'so', 'then', 'and', 'but', 'also', 'never', 'dont', 'do', 'not', 'always', 'therefore', 'hence', 'rather', 'instead']);
/** Words that join a second imperative to the first («Go and fight»). */
const COORDINATORS: ReadonlySet<string> = new Set(['and', 'then', 'or']);
/**
 * Words that open a clause of its own inside the sentence: a subject (for they trial and torture
 * me) or a subordinator (everything that brings worry and distress). A verb after and / or past
 * one of them is not joined to the imperative of the sentence.
 */
const NEW_CLAUSE: ReadonlySet<string> = new Set(['i', 'he', 'she', 'we', 'they', 'that', 'which', 'who', 'whom', 'whose', 'because', 'if', 'when', 'whenever', 'while', 'although', 'though', 'since']);
/** A comma after a modal is no vocative: the verb after the comma is the modal's (We must, however, have …). */
const MODALS: ReadonlySet<string> = new Set(['must', 'should', 'can', 'could', 'will', 'would', 'may', 'might', 'shall']);
/** Words that open a question after an address («Link, can I see you?», «Mark, where are you going?»). */
const QUESTION_OPENERS: ReadonlySet<string> = new Set(['can', 'could', 'will', 'would', 'shall', 'should', 'may', 'might', 'do', 'does', 'did', 'is', 'are', 'was', 'were', 'have', 'has', 'what', 'where', 'when', 'why', 'who', 'how', 'which']);
/** Function words the tagger can read as base verbs at a clause start (Wherein there is …, so none of you …). */
const NEVER_IMPERATIVE: ReadonlySet<string> = new Set(['none', 'wherein', 'whereby', 'whereupon', 'wherefore', 'therein', 'thereby', 'thereof', 'herein', 'hereby', 'whoever', 'whatever', 'whenever']);
/** Adverbs stepped over between a subject and its verb (tarbiyah here requires …). */
const BETWEEN_SUBJECT_AND_VERB: ReadonlySet<string> = new Set(['here', 'there', 'now', 'also', 'often', 'always', 'never', 'really', 'still', 'only', 'just', 'truly', 'indeed']);
/** A vocative before a comma opens the sentence in at most this many words («O my brothers,»). */
const VOCATIVE_WORDS = 4;
/** Words after the clause start given to the tagger: enough context for its word class. */
const TAG_WINDOW = 6;
/** Tag sets of the clause start that make it a base verb but no imperative (do, can, be). */
const NOT_IMPERATIVE_TAGS = ['Auxiliary', 'Modal', 'Copula', 'Gerund', 'PastTense', 'Participle'];

/** What this module reads of a compromise term after `compute('offset')`. */
interface TaggedTerm {
  readonly tags?: ReadonlySet<string>;
  readonly normal?: string;
  readonly offset?: { readonly start: number };
}

/** Tagger answers per window text: a chat repeats the same openings. Cleared past this size. */
const CACHE_LIMIT = 50_000;
const cache = new Map<string, boolean>();

/** Tags of a clause start that rule out a base verb even when the word could be one (their, a, the). */
const NOT_A_VERB_TAGS = ['Pronoun', 'Determiner', 'Preposition', 'Conjunction', 'Plural', 'Possessive', 'Adjective', 'Adverb', 'QuestionWord', 'Value'];

/** What the tagger reads at a word: its tags, the next term's tags, and the terms after it. */
interface TaggedWord {
  readonly tags: ReadonlySet<string>;
  readonly next: ReadonlySet<string>;
  readonly following: readonly TaggedTerm[];
}

/** Tags of the term at `offset` of `window` and of the terms after it (compromise's reading in context). */
function tagsAt(window: string, offset: number): TaggedWord | undefined {
  const doc = nlp(window);
  doc.compute('offset');
  for (const sentence of doc.document) {
    // compute('offset') adds `offset` to every term; compromise's types do not declare it.
    const terms = sentence as readonly TaggedTerm[];
    const i = terms.findIndex((term) => term.offset?.start === offset);
    if (i >= 0) return { tags: terms[i]?.tags ?? new Set(), next: terms[i + 1]?.tags ?? new Set(), following: terms.slice(i + 1) };
  }
  return undefined;
}

/**
 * Whether the word is the subject of a verb in the 3rd person singular after it, past an adverb
 * (So tarbiyah here requires …): no imperative takes that form right after its verb.
 */
function subjectOfFollowingVerb(read: TaggedWord): boolean {
  let k = 0;
  while (k < read.following.length - 1 && BETWEEN_SUBJECT_AND_VERB.has(read.following[k]?.normal ?? '')) k++;
  const term = read.following[k];
  return term?.tags !== undefined && term.tags.has('PresentTense') && !term.tags.has('Infinitive') && !term.tags.has('Noun') && /[^s]s$/u.test(term.normal ?? '');
}

const isBaseVerb = (tags: ReadonlySet<string>): boolean => (tags.has('Imperative') || tags.has('Infinitive')) && !NOT_IMPERATIVE_TAGS.some((t) => tags.has(t));

/**
 * Whether the tagger reads the word at `offset` of `window` as an imperative (base-form verb).
 * After a vocative («Lord, grant peace») a clause has no subject, so a word the tagger reads as a
 * singular noun or a name in context still counts when it is a verb in the frame "to …" — unless
 * a verb follows it, which makes it the subject («Indeed, man is ungrateful»).
 */
function taggedImperative(window: string, offset: number, afterVocative: boolean): boolean {
  const key = `${afterVocative ? 'v' : 's'}${offset}\u0000${window}`;
  const known = cache.get(key);
  if (known !== undefined) return known;
  const read = tagsAt(window, offset);
  let verb = read !== undefined && isBaseVerb(read.tags) && !subjectOfFollowingVerb(read);
  if (!verb && afterVocative && read !== undefined && !NOT_A_VERB_TAGS.some((t) => read.tags.has(t)) && !read.next.has('Verb')) {
    const word = /^[\p{L}]+/u.exec(window.slice(offset))?.[0] ?? '';
    const frame = tagsAt(`to ${word.toLowerCase()}`, 3);
    verb = frame !== undefined && isBaseVerb(frame.tags);
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, verb);
  return verb;
}

/** A word that starts a clause; `vocative`: it follows the comma of an address at the sentence start. */
interface ClauseStart {
  readonly index: number;
  readonly vocative: boolean;
}

/** Clause starts of the sentence `[from, to)`: its first word, after a vocative, a colon, semicolon or dash. */
function clauseStarts(text: string, words: readonly ImperativeWord[], from: number, to: number): ClauseStart[] {
  const starts: ClauseStart[] = [{ index: from, vocative: false }];
  let modal = false;
  for (let k = from; k < to - 1; k++) {
    modal ||= MODALS.has((words[k] as ImperativeWord).normalised);
    const gap = text.slice((words[k] as ImperativeWord).end, (words[k + 1] as ImperativeWord).start);
    if (/[:;—–]/u.test(gap)) starts.push({ index: k + 1, vocative: false });
    else if (k < from + VOCATIVE_WORDS && gap.includes(',') && !modal) starts.push({ index: k + 1, vocative: true });
  }
  return starts;
}

/**
 * Whether the word at `k` is an address before a question, not a verb: one word, a comma, then a
 * question word or an auxiliary, in a sentence that ends with «?» («Link, can I see you for a
 * minute?»). An imperative before a question is an attention-getter at most (Listen, can you …?).
 */
function addressBeforeQuestion(text: string, words: readonly ImperativeWord[], k: number, to: number): boolean {
  const word = words[k] as ImperativeWord;
  const next = words[k + 1];
  return next !== undefined && k + 1 < to && /^\s*,\s*$/u.test(text.slice(word.end, next.start)) && questionOpener(text, words, k + 1, to);
}

/** Whether the word at `k` opens a question (have you seen …?, can we …?): a question word or an auxiliary in a sentence ending with «?». */
function questionOpener(text: string, words: readonly ImperativeWord[], k: number, to: number): boolean {
  return QUESTION_OPENERS.has((words[k] as ImperativeWord).normalised) && /^[^\p{L}\n]*\?/u.test(text.slice((words[to - 1] as ImperativeWord).end));
}

/** A word alone on its line with no punctuation after it is a heading («Benefit», «Summary»), not an order. */
function aloneOnItsLine(text: string, word: ImperativeWord): boolean {
  const lineStart = text.lastIndexOf('\n', word.start - 1) + 1;
  const lineEnd = text.indexOf('\n', word.end);
  return text.slice(lineStart, word.start).trim() === '' && lineEnd >= 0 && text.slice(word.end, lineEnd).trim() === '';
}

/**
 * Indices into `words` of the verbs that open an imperative clause in `text`. A clause opens at a
 * sentence start or after a short vocative, a colon, a semicolon or a dash; lead-in words (please,
 * do not, never) are stepped over; a base verb after and / then / or later in a sentence whose
 * clause opened with an imperative is one too («guide us … and keep us firm»). `knownVerbs`
 * (normalised base forms) count as verbs whatever the tagger reads («Avenge our martyrs»: a rare
 * verb it takes for a noun).
 */
export function englishImperatives(text: string, words: readonly ImperativeWord[], knownVerbs: ReadonlySet<string>): Set<number> {
  const found = new Set<number>();
  let from = 0;
  while (from < words.length) {
    let to = from + 1;
    while (to < words.length && !(words[to] as ImperativeWord).sentenceInitial) to++;
    const sentenceStart = (words[from] as ImperativeWord).start;
    const isVerb = (k: number, vocative: boolean): boolean => {
      const w = words[k] as ImperativeWord;
      if (!/^[a-z]+$/u.test(w.normalised) || NEVER_IMPERATIVE.has(w.normalised)) return false;
      if (questionOpener(text, words, k, to) || addressBeforeQuestion(text, words, k, to) || aloneOnItsLine(text, w)) return false;
      // Not inside a token run (dorar.net), not a label («Note: …»), not a numbered heading («part 2»).
      if (w.start > 0 && !/[\s"'“‘«([—–-]/u.test(text[w.start - 1] ?? '')) return false;
      if (/^\s*[:\d]/u.test(text.slice(w.end, w.end + 4))) return false;
      const windowEnd = (words[Math.min(to - 1, k + TAG_WINDOW)] as ImperativeWord).end;
      return knownVerbs.has(w.normalised) || taggedImperative(text.slice(sentenceStart, windowEnd), w.start - sentenceStart, vocative);
    };
    let opensWithImperative = false;
    for (const start of clauseStarts(text, words, from, to)) {
      // After an opening imperative a comma is no address: what follows is another imperative only
      // if the tagger reads a verb there (Love your enemies, bless …), not a word listed among its
      // objects that could be a verb in the frame "to …".
      const vocative = start.vocative && !opensWithImperative;
      let c = start.index;
      while (c < to - 1 && c < start.index + 3 && LEAD_IN.has((words[c] as ImperativeWord).normalised)) c++;
      if (!isVerb(c, vocative)) continue;
      found.add(c);
      if (start.index === from) opensWithImperative = true;
      // A subject or subordinator opens a clause of its own up to the next comma; past the comma the
      // imperative's clause may go on (Thank Allah for what He has granted you, and hold onto it).
      let ownClause = false;
      for (let k = c + 1; k < to - 1; k++) {
        const word = words[k] as ImperativeWord;
        if (NEW_CLAUSE.has(word.normalised)) ownClause = true;
        else if (ownClause && text.slice((words[k - 1] as ImperativeWord).end, word.start).includes(',')) ownClause = false;
        if (!ownClause && COORDINATORS.has(word.normalised) && isVerb(k + 1, false)) found.add(k + 1);
      }
    }
    from = to;
  }
  return found;
}
