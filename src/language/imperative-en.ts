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
/**
 * Forms of be after the opening imperative: a clause with its own subject (Spread the word, the
 * Quarrymen are scum and deserve …), so a verb after its and is that subject's (round 14, blind-en14b's batch).
 */
const FINITE_BE: ReadonlySet<string> = new Set(['is', 'are', 'was', 'were', 'am']);
/** Words whose "and" joins two nouns of a pair (between work and rest, both bread and milk). */
const PAIRING: ReadonlySet<string> = new Set(['between', 'both']);
/** A comma after a modal is no vocative: the verb after the comma is the modal's (We must, however, have …). */
const MODALS: ReadonlySet<string> = new Set(['must', 'should', 'can', 'could', 'will', 'would', 'may', 'might', 'shall']);
/** Words that open a question after an address («Link, can I see you?», «Mark, where are you going?»). */
const QUESTION_OPENERS: ReadonlySet<string> = new Set(['can', 'could', 'will', 'would', 'shall', 'should', 'may', 'might', 'do', 'does', 'did', 'is', 'are', 'was', 'were', 'have', 'has', 'what', 'where', 'when', 'why', 'who', 'how', 'which']);
/** Function words the tagger can read as base verbs at a clause start (Wherein there is …, so none of you …). */
const NEVER_IMPERATIVE: ReadonlySet<string> = new Set(['none', 'wherein', 'whereby', 'whereupon', 'wherefore', 'therein', 'thereby', 'thereof', 'herein', 'hereby', 'whoever', 'whatever', 'whenever']);
/**
 * Verbs that, right before a comma or a dash, get attention or frame what follows (Look, I don't
 * know; Listen, the meeting moved; Imagine that, …; Come on, it's a game; Hang on, I'll check):
 * a discourse formula, not a request. A call after the comma is read as a clause of its own.
 */
const ATTENTION_GETTERS: ReadonlySet<string> = new Set(['look', 'listen', 'see', 'say', 'imagine', 'suppose', 'wait', 'come', 'hang']);
/** What follows an attention-getter: a comma or a dash, for come and hang after "on" (Come on, …). */
const AFTER_ATTENTION_GETTER = /^(?:\s+that)?\s*[,—–]|^\s+on\s*[,—–!]/u;

/**
 * Closed-class words the tagger never reads as a base verb at a clause start: articles and
 * demonstratives, to and of, subordinators, forms of be and modals. Its lexicon tags each of
 * them so, with no noun/verb ambiguity. At a clause start that is neither a listed verb nor after
 * a vocative, only the tagger's base-verb reading can make a word an imperative, so these are
 * answered without tagging: the same answer, without a tagging's cost (a quarter of the taggings
 * of the generated Telegram export). Words the tagger can read as nouns are left out, pronouns and
 * possessives included: its rules can turn a noun into a verb in context («I — we the people» reads "we" as an
 * infinitive), as they turn "later" (Later the eggs …), and every word with a verb reading; so
 * are the prepositions that can close a phrasal verb, which the tagger then reads as a verb's
 * part («go — about the people», on, at, for, by; in, with and from are left out with them).
 * `scripts/check-english-closed-words.mjs` tags each word here at a clause start in thousands of
 * contexts built from real sentences and from the words compromise's rules look for around a
 * target, and fails on a base-verb reading; a word it fails on does not belong here.
 */
export const ENGLISH_CLOSED_CLASS_WORDS: ReadonlySet<string> = new Set([
  'the', 'a', 'an', 'this', 'that', 'these', 'those',
  'to', 'of', 'if', 'because',
  'is', 'are', 'was', 'were', 'will', 'would', 'could', 'should', 'shall', 'might',
]);

/** Adverbs stepped over between a subject and its verb (tarbiyah here requires …). */
const BETWEEN_SUBJECT_AND_VERB: ReadonlySet<string> = new Set(['here', 'there', 'now', 'also', 'often', 'always', 'never', 'really', 'still', 'only', 'just', 'truly', 'indeed']);
/** A vocative before a comma opens the sentence in at most this many words («O my brothers,»). */
const VOCATIVE_WORDS = 4;
/** Words after the clause start given to the tagger: enough context for its word class. */
const TAG_WINDOW = 6;
/** Tag sets of the clause start that make it a base verb but no imperative (do, can, be). */
export const NOT_IMPERATIVE_TAGS: readonly string[] = ['Auxiliary', 'Modal', 'Copula', 'Gerund', 'PastTense', 'Participle'];

/** What this module reads of a compromise term after `compute('offset')`. */
interface TaggedTerm {
  readonly text?: string;
  readonly tags?: ReadonlySet<string>;
  readonly normal?: string;
  readonly post?: string;
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
  /** Punctuation and space after the word. */
  readonly post: string;
  readonly next: ReadonlySet<string>;
  readonly following: readonly TaggedTerm[];
  /** Whether a verb stands before the word in its sentence: a clause is complete before a later comma. */
  readonly verbBefore: boolean;
  /** The terms of the sentence before the word. */
  readonly preceding: readonly TaggedTerm[];
}

/** Tags of the term at `offset` of `window` and of the terms after it (compromise's reading in context). */
function tagsAt(window: string, offset: number): TaggedWord | undefined {
  const doc = nlp(window);
  doc.compute('offset');
  for (const sentence of doc.document) {
    // compute('offset') adds `offset` to every term; compromise's types do not declare it.
    const terms = sentence as readonly TaggedTerm[];
    const i = terms.findIndex((term) => term.offset?.start === offset);
    if (i < 0) continue;
    const preceding = terms.slice(0, i);
    return { tags: terms[i]?.tags ?? new Set(), post: terms[i]?.post ?? '', next: terms[i + 1]?.tags ?? new Set(), following: terms.slice(i + 1), verbBefore: preceding.some((term) => term.tags?.has('Verb') === true && !PREPOSITIONS_LIKE_VERBS.has(term.normal ?? '')), preceding };
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

/** Punctuation after a word that ends its phrase: no subject, object or title runs on past it. */
const PHRASE_END = /[,;:—–.!?]/u;

/** Tags of a noun of people or a name. */
const PEOPLE_TAGS = ['Person', 'Actor', 'FirstName', 'LastName', 'Honorific'];

/** Tags of a finite verb (damages, grew, is): a clause that reaches one after its first word has that word in its subject. */
const isFiniteVerb = (term: TaggedTerm): boolean => {
  const tags = term.tags ?? new Set<string>();
  const word = term.normal ?? '';
  // A regular past form may be a participle (make innovations hated, come armed, invented matters).
  if (!tags.has('Verb') || ['Infinitive', 'Imperative', 'Gerund'].some((t) => tags.has(t)) || /(?:ed|ing)$/u.test(word) || word === 'been') return false;
  return ['PastTense', 'PresentTense', 'Copula', 'Modal', 'Auxiliary'].some((t) => tags.has(t));
};

/** Words that open a relative clause about the word before them (Water that is too hot …). */
const RELATIVE_WORDS: ReadonlySet<string> = new Set(['that', 'which', 'who']);
/** Words that end the main clause's reach: a verb past them is another clause's (Kill who is against us and who …). */
const CLAUSE_JOINERS: ReadonlySet<string> = new Set(['and', 'or', 'but', 'that', 'which', 'who', 'whom', 'whose', 'when', 'if', 'because', 'while', 'until', 'before', 'after']);

/**
 * Whether the verb of a relative clause stands at `term`: a finite verb, or a word in -s the
 * tagger reads as a noun after a "that" it takes for a determiner («Fire that burns too hot
 * cracks the pot»): a demonstrative "that" takes no plural, so the -s word is the clause's verb.
 */
const relativeClauseVerb = (term: TaggedTerm): boolean => {
  const tags = term.tags ?? new Set<string>();
  return isFiniteVerb(term) || (/[^su]s$/u.test(term.normal ?? '') && (tags.has('Verb') || tags.has('Noun')) && !tags.has('Pronoun') && !tags.has('Possessive') && !tags.has('Determiner'));
};

/**
 * Whether the word is the subject of a sentence with a relative clause about it: that / which /
 * who right after it opens a clause whose verb follows at once, and a finite verb after that
 * clause, before a comma or another clause's word, is the main clause's («Water that is too hot
 * burns the skin», «Fire that burns too hot cracks the pot»). An imperative with a relative as its
 * object has no second verb (Kill who is against us); "that" before a noun is a determiner (Burn
 * that flag); an object between them keeps the verb (Kill them that oppose us, and flee).
 */
function subjectOfRelativeClause(read: TaggedWord): boolean {
  const [relative] = read.following;
  if (relative === undefined || !RELATIVE_WORDS.has(relative.normal ?? '') || PHRASE_END.test(read.post)) return false;
  let k = 1;
  while (k < read.following.length - 1 && BETWEEN_SUBJECT_AND_VERB.has(read.following[k]?.normal ?? '')) k++;
  const verb = read.following[k];
  if (verb === undefined || !relativeClauseVerb(verb) || PHRASE_END.test(verb.post ?? '')) return false;
  for (let j = k + 1; j < read.following.length; j++) {
    const term = read.following[j] as TaggedTerm;
    if (CLAUSE_JOINERS.has(term.normal ?? '')) return false;
    if (isFiniteVerb(term) || verbBeforeItsObject(term, read.following[j + 1])) return true;
    if (PHRASE_END.test(term.post ?? '')) return false;
  }
  return false;
}

/**
 * A word in -s the tagger reads as a plural noun right before a determiner or a possessive: a
 * plural noun does not run on into another noun phrase, so the word is a verb with its object
 * (… is too hot scalds the skin). Every or each opens a time as often as an object (Burn Ulvane
 * homes every week: round 19, a call the title reading lost): not read as one here.
 */
const verbBeforeItsObject = (term: TaggedTerm, next: TaggedTerm | undefined): boolean =>
  /[^su]s$/u.test(term.normal ?? '') && term.tags?.has('Noun') === true && !term.tags.has('Pronoun') && !PHRASE_END.test(term.post ?? '') && ((next?.tags?.has('Determiner') === true && !EVERY.has(next.normal ?? '')) || next?.tags?.has('Possessive') === true);

/** Verbs that take an object and a bare infinitive (make them pay, let them go, watch them fall): the base verb is the object's. */
const BARE_INFINITIVE_TAKERS: ReadonlySet<string> = new Set(['make', 'let', 'help', 'have', 'see', 'watch', 'hear', 'feel', 'bid', 'notice']);

/** A verb in its base form with no noun reading, as a plural subject takes it (dogs bark, injuries need). */
const isPluralAgreement = (term: TaggedTerm): boolean => {
  const tags = term.tags ?? new Set<string>();
  return tags.has('Verb') && tags.has('PresentTense') && !tags.has('Noun') && !tags.has('Gerund') && !/(?:[^s]s|ing)$/u.test(term.normal ?? '');
};

/** Whether the tags are of a noun of people or a name: a plural of people after a verb is its object (Kill infidels …). */
const isPeopleNoun = (tags: ReadonlySet<string>): boolean => PEOPLE_TAGS.some((t) => tags.has(t));

/**
 * Whether the word heads the subject of a finite verb after it, as a noun opening a headline or a
 * statement does: «Storm damages roofs», «Attack helicopters flew over», «Support for the new park
 * grew», «Fight night at the club starts at nine» (a regular past in -ed is left out: it may be a
 * participle, «make innovations hated»). The words between may be one noun (or number) of
 * a compound, two when the first is singular («Harvest festival donations can be left»), and
 * prepositional phrases, nothing else; an object (a determiner, a pronoun, a name) right after
 * the word, a comma or a dash before the verb make it an imperative (Storm the castle; Kill them
 * before they come; Warn people hell is real). A plural noun of the compound agrees with a verb in
 * its base form («Guard dogs bark at night», «Burn injuries need cool water») unless the word is
 * a verb that takes an object and a bare infinitive (Make traitors pay; Let prisoners go).
 * A relative word ends the phrase: the verb after it is the relative clause's (Drive out the
 * invaders who took our homes).
 */
function headsSubjectPhrase(read: TaggedWord, word: string): boolean {
  if (PHRASE_END.test(read.post)) return false;
  let compound = false;
  // A singular noun of the compound may take one more after it (Harvest festival donations can …); a plural or a person ends it (Warn people hell is real).
  let compoundGoesOn = false;
  // A plural noun right after the word: a base verb after it may be the compound subject's.
  let pluralHead = false;
  let inPhrase = false;
  // A plural object or a person before a past in -ed may be what the participle tells of (Kill prisoners captured …).
  let participleOwner = false;
  for (const [i, term] of read.following.entries()) {
    const tags = term.tags ?? new Set<string>();
    if (isFiniteVerb(term) || ((compound || inPhrase) && !participleOwner && isHeadlinePassive(term)) || (i === 0 && headlinePassiveAfterNoun(term, read.following[1], word))) return true;
    if (pluralHead && i === 1 && isPluralAgreement(term) && !BARE_INFINITIVE_TAKERS.has(word)) return true;
    if (RELATIVE_WORDS.has(term.normal ?? '')) return false;
    // The tagger reads some nouns of a compound as adjectives (War memorial restored): one counts right before the headline's past.
    const compoundAdjective = !compound && tags.has('Adjective') && read.following[i + 1] !== undefined && isHeadlinePassive(read.following[i + 1] as TaggedTerm);
    participleOwner ||= tags.has('Plural') || isPeopleNoun(tags);
    // "to" after the word is where a verb of motion goes (Come to the square armed), not a subject's modifier.
    if (term.normal === 'to') return false;
    if (tags.has('Preposition')) inPhrase = true;
    else if (inPhrase ? tags.has('Pronoun') || (tags.has('Verb') && !modifierInPhrase(term, read.following[i + 1])) : (compound && !compoundGoesOn) || !(tags.has('Noun') || tags.has('Value') || compoundAdjective) || ['Pronoun', 'Possessive', 'ProperNoun', 'Determiner'].some((t) => tags.has(t))) return false;
    else if (!inPhrase) {
      compoundGoesOn = !compound && i === 0 && tags.has('Singular') && !isPeopleNoun(tags);
      compound = true;
      pluralHead = i === 0 && tags.has('Plural') && !isPeopleNoun(tags);
    }
    if (PHRASE_END.test(term.post ?? '')) return false;
  }
  return false;
}

/** Verbs that take a participle or an adjective in -ed as their complement (Come armed, Get dressed, Stay tuned, Play dead). */
const PARTICIPLE_TAKERS: ReadonlySet<string> = new Set(['get', 'stay', 'keep', 'come', 'go', 'be', 'become', 'remain', 'feel', 'look', 'seem', 'stand', 'sit', 'lie', 'leave', 'have', 'want', 'need', 'rest', 'play', 'act', 'march', 'rise', 'unite']);
/**
 * Words after a headline's past (called off, suspended after the storm, postponed until May): a
 * particle, or a preposition of time or cause. A preposition of manner or place may follow a
 * participle of the imperative's manner (Attack disguised as police; Strike hidden in the crowd).
 */
const AFTER_HEADLINE_PAST: ReadonlySet<string> = new Set(['off', 'up', 'out', 'down', 'back', 'after', 'until', 'till', 'amid', 'following', 'despite', 'due', 'pending', 'over', 'again', 'indefinitely', 'today', 'tonight', 'yesterday']);

/**
 * Whether the term right after the word is a headline's past with "is / was" dropped, the word its
 * subject (round 18, frame sweep 54 of 104 verbs: «Strike called off after late pay deal», «Hunt
 * suspended at dusk»): a regular past that is no adjective, before a particle, a preposition or the
 * line's end. An imperative takes a participle right after it only when it is a verb of state or
 * motion (Come armed, Get dressed, Stay tuned, March united), listed apart.
 */
const headlinePassiveAfterNoun = (term: TaggedTerm, next: TaggedTerm | undefined, word: string): boolean =>
  !PARTICIPLE_TAKERS.has(word) && isHeadlinePassive(term) && !term.tags?.has('Adjective') && (next === undefined || PHRASE_END.test(term.post ?? '') || AFTER_HEADLINE_PAST.has(next.normal ?? ''));

/**
 * Whether an -ing word inside a prepositional phrase modifies the noun after it (Hunt for missing
 * hiker called off): a bare noun follows, no object of the -ing verb (a pronoun, a determiner, a name).
 */
const modifierInPhrase = (term: TaggedTerm, next: TaggedTerm | undefined): boolean =>
  /ing$/u.test(term.normal ?? '') && !PHRASE_END.test(term.post ?? '') && next?.tags?.has('Noun') === true && !['Pronoun', 'Determiner', 'Possessive', 'ProperNoun', ...PEOPLE_TAGS].some((t) => next.tags?.has(t));

/**
 * A regular past in -ed after a noun phrase with no person in it, as a headline drops "is / was"
 * («Kill switch fitted to every laptop», «Spread of measles slowed»): the past is the phrase's
 * verb. Only past a compound noun or a prepositional phrase: right after the word it may be the
 * object's participle («make innovations hated»); a person in the phrase keeps it a participle
 * of the object («Think of the children killed in the raid»).
 */
const isHeadlinePassive = (term: TaggedTerm): boolean => {
  const tags = term.tags ?? new Set<string>();
  return tags.has('Verb') && tags.has('PastTense') && !tags.has('Infinitive') && /ed$/u.test(term.normal ?? '');
};

/** Small words a title-case name keeps in lower case (Attack on Titan, Lord of the Rings, Stand by Me). */
const TITLE_SMALL_WORDS: ReadonlySet<string> = new Set(['of', 'on', 'the', 'and', 'in', 'at', 'to', 'for', 'a', 'an', 'with', 'by']);
/** Quotation marks that may close a quoted title before its verb ("Kill Bill" is on tonight). */
const CLOSING_QUOTE = /["”’»']/u;

/**
 * Whether a capitalised word opens a title or a name written in title case that is the subject
 * of a verb after it: «Kill Bill is on tonight», «Storm Ciara knocked down trees», «"Fight
 * Club" was filmed in 1999», «Kill Bill Volume 2 tops the poll». The words after it up to the
 * verb all have a capital (past the small words of a title), or are lower-case nouns of a
 * compound the title heads («Attack on Titan season four was worth the wait», «War and Peace
 * adaptation praised»), and none is followed by a comma; the verb is in lower case (a sentence all
 * in title case tells nothing) and finite, a regular past (a storm's name, then what it did) or a
 * verb before its object. An imperative before a name has no verb right after the name (Kill Tomas
 * tonight; Attack Greyhill at dawn) or a comma (Storm Greyhill, burn it); a plural or a person in
 * the compound keeps a regular past the object's participle (Kill Varn soldiers captured …).
 */
function opensTitleSubject(read: TaggedWord, capitalised: boolean): boolean {
  if (!capitalised || PHRASE_END.test(read.post)) return false;
  let names = 0;
  // Lower-case nouns after the title-case words: a compound the title heads.
  let compound = false;
  let participleOwner = false;
  for (const [i, term] of read.following.entries()) {
    const text = term.text ?? '';
    const tags = term.tags ?? new Set<string>();
    const next = read.following[i + 1];
    const lowerCase = !/^\p{Lu}/u.test(text);
    // «Kill the King is what they shouted»: a cleft that names the words as what was said — a cry, not a title.
    const finite = isFiniteVerb(term) && !(names === 1 && pluralOrVerb(term, next, read.following[i - 1]));
    if (names > 0 && lowerCase && (finite || (!participleOwner && isHeadlinePassive(term)) || verbBeforeItsObject(term, next))) return !(tags.has('Copula') && next?.normal === 'what');
    if (!compound && !lowerCase && titleWord(term, next)) names++;
    else if (names > 0 && lowerCase && (tags.has('Noun') || tags.has('Value')) && !tags.has('Pronoun')) {
      compound = true;
      participleOwner ||= tags.has('Plural') || isPeopleNoun(tags);
    }
    // A title may go on in lower case with its small words before a name (Shoot the Piano Player, Stand by Me), and with a number after one (Kill Bill Volume 2).
    else if (compound || (!TITLE_SMALL_WORDS.has(term.normal ?? '') && !(names > 0 && /^\d+$/u.test(text)))) return false;
    // A colon inside a title opens its subtitle in capitals (Star Wars: Return of the Jedi); any other mark ends the phrase.
    const post = (term.post ?? '').replace(CLOSING_QUOTE, '');
    if (/[,;—–.!?]/u.test(post) || (post.includes(':') && !(names > 0 && /^\p{Lu}/u.test(next?.text ?? '')))) return false;
  }
  return false;
}

/**
 * Whether a word in -s after a one-word name may be the head of an imperative's plural object as
 * well as the name's verb (Shoot Pelling guards at the gate): no determiner, possessive, number or
 * singular noun after it shows it a verb with its object (Bill tops the poll, Storm Babet leaves
 * trail of damage, Sith turns twenty), nor a plural name before it (Bomb Girls returns …); a time
 * after it (tonight, tomorrow, a day) is no object (Burn the Vessik shops tonight).
 */
const pluralOrVerb = (term: TaggedTerm, next: TaggedTerm | undefined, name: TaggedTerm | undefined): boolean => {
  if (!/[^s]s$/u.test(term.normal ?? '') || ['Copula', 'Modal', 'Auxiliary'].some((t) => term.tags?.has(t)) || name?.tags?.has('Plural') === true) return false;
  const after = next?.tags ?? new Set<string>();
  // A time after the word is no object (Burn the Vessik shops tonight: round 19, a call the title reading lost, main and branch alike).
  if (TIME_WORDS.has(next?.normal ?? '') || EVERY.has(next?.normal ?? '') || after.has('Date')) return true;
  return !['Determiner', 'Possessive', 'Value'].some((t) => after.has(t)) && !(after.has('Noun') && !after.has('Plural') && !after.has('Pronoun'));
};

/** Words of time a call names after its object (tonight, tomorrow, now): no object of a verb in -s. */
const TIME_WORDS: ReadonlySet<string> = new Set(['tonight', 'today', 'tomorrow', 'now', 'soon', 'again', 'first', 'next', 'later', 'early']);

/**
 * Whether a capitalised term counts as a word of a title: not a determiner, and of the pronouns
 * only Me (Stand by Me), or one the title goes on after in capitals (Catch Me If You Can, Murder
 * She Wrote) — a capitalised He, Him or You inside a sentence names God (Rely on Him and He will
 * suffice you; Fear Him Who created you), and I is always capitalised.
 */
const titleWord = (term: TaggedTerm, next: TaggedTerm | undefined): boolean => {
  if (term.tags?.has('Determiner') === true) return false;
  if (term.tags?.has('Pronoun') !== true || term.normal === 'me') return true;
  return term.normal !== 'i' && /^\p{Lu}/u.test(next?.text ?? '') && !RELATIVE_WORDS.has(next?.normal ?? '') && next?.tags?.has('QuestionWord') !== true;
};

/**
 * Whether the sentence `window` (from its first word) opens with a title or a name in title case
 * that is the subject of a verb after it («Shoot the Piano Player is on at the Curzon», «Attack on
 * Titan season four was worth the wait»): a word of violence in it names a work, not an act (the
 * lexicons' `title` exclusion at a sentence start, where a capital tells nothing).
 */
export function opensWithTitleSubject(window: string): boolean {
  const key = `t\u0000${window}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const read = tagsAt(window, 0);
  const title = read !== undefined && opensTitleSubject(read, /^\p{Lu}/u.test(window));
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, title);
  return title;
}

/** Determiners that open a time after a participle (changed every morning, checked each day), not an object. */
const EVERY: ReadonlySet<string> = new Set(['every', 'each']);
/** Tags of a word that cannot head a statement about a thing in a note: a pronoun, a determiner, a name, a person. */
const NOT_A_NOTE_HEAD = ['Pronoun', 'Determiner', 'Possessive', 'ProperNoun', ...PEOPLE_TAGS];

/**
 * Whether the term is the predicate of a verbless statement in a note: a past participle
 * (dressing changed, viewing highly recommended, lid kept on), or an adjective before a prepositional
 * phrase (keys available on completion). A bare adjective is left out: the tagger reads a verb
 * after a comma as a noun («Keep calm, stay safe»), and "stay safe" would pass for one.
 */
const notePredicate = (term: TaggedTerm, next: TaggedTerm | undefined): boolean => {
  const tags = term.tags ?? new Set<string>();
  if (tags.has('Verb')) return tags.has('PastTense') && !tags.has('Infinitive');
  return tags.has('Adjective') && next?.tags?.has('Preposition') === true && !PHRASE_END.test(term.post ?? '');
};

/**
 * Whether the word opens a note in telegraphic style, as property listings and clinical notes
 * write (round 14, blind text in three batches): an adjective right after it (Chain free; Wound
 * clean and dry) and, after the comma, a noun about a thing with its own participle or adjective
 * and no verb (keys available on completion; dressing changed; viewing highly recommended). The
 * word is the noun of the first statement. An imperative with an adjective has a verb or a clause
 * after its comma (Keep calm, stay focused; Break free, the gates are open) or people named there
 * (Stay strong, brothers united); a noun after the comma that the tagger reads as a verb in the
 * frame "to …" is a second imperative, not a statement.
 */
function opensTelegraphicNote(read: TaggedWord): boolean {
  const terms = read.following;
  if (PHRASE_END.test(read.post) || terms[0]?.tags?.has('Adjective') !== true) return false;
  let k = 0;
  // The first statement's adjectives, joined by and / or, up to its comma.
  while (k < terms.length && !(terms[k]?.post ?? '').includes(',')) {
    const term = terms[k] as TaggedTerm;
    if (PHRASE_END.test(term.post ?? '') || !(term.tags?.has('Adjective') === true || term.tags?.has('Adverb') === true || COORDINATORS.has(term.normal ?? ''))) return false;
    k++;
  }
  const head = terms[k + 1];
  if (head === undefined || head.tags?.has('Noun') !== true || NOT_A_NOTE_HEAD.some((t) => head.tags?.has(t))) return false;
  let p = k + 2;
  while (p < terms.length - 1 && terms[p]?.tags?.has('Adverb') === true) p++;
  const predicate = terms[p];
  if (predicate === undefined || PHRASE_END.test(head.post ?? '') || !notePredicate(predicate, terms[p + 1])) return false;
  const after = terms[p + 1];
  // An adverb (the tagger reads hourly, daily as adjectives), a particle, a prepositional phrase or a time with every / each
  // may follow the participle (output recorded hourly, lid kept on, shelves refilled every morning); an object may not.
  if (after !== undefined && !PHRASE_END.test(predicate.post ?? '') && !EVERY.has(after.normal ?? '') && !['Preposition', 'Adverb', 'Adjective', 'Particle'].some((t) => after.tags?.has(t))) return false;
  const frame = tagsAt(`to ${head.normal ?? ''}`, 3);
  return frame === undefined || !isBaseVerb(frame.tags);
}

/** A past that is also a word of direction (Take the first right and left at the lights). */
const PAST_AND_DIRECTION: ReadonlySet<string> = new Set(['left']);
/** A verb in the past as the tagger reads it in context (assembled, watered, overslept): never a base form. */
const isPast = (term: TaggedTerm | undefined): boolean =>
  term?.tags?.has('Verb') === true && term.tags.has('PastTense') && !term.tags.has('Infinitive') && !PAST_AND_DIRECTION.has(term.normal ?? '');

/**
 * Whether the word is joined by and / then / or to a verb in the past: the sentence tells
 * what the writer did with the subject I left out, as diaries and chats write (round 14, blind
 * text: «Read the instructions twice and still assembled the wardrobe backwards», «Cut the grass
 * and watered the beds», «Set the alarm for five and still overslept»); an imperative is never
 * joined to a past. Only in the word's own clause:
 * a comma, a subject or a relative word before the joining word ends the search (Find the men who
 * attacked us and burned our homes), and a past right after another -ed word is the second
 * participle of the object (Kill the men arrested and charged).
 */
function joinedToAPast(read: TaggedWord): boolean {
  const terms = read.following;
  for (let i = 0; i < terms.length - 1; i++) {
    const term = terms[i] as TaggedTerm;
    const normal = term.normal ?? '';
    if (COORDINATORS.has(normal)) {
      if (/ed$/u.test(terms[i - 1]?.normal ?? '')) return false;
      let k = i + 1;
      while (k < terms.length - 1 && BETWEEN_SUBJECT_AND_VERB.has(terms[k]?.normal ?? '')) k++;
      return isPast(terms[k]);
    }
    if (NEW_CLAUSE.has(normal) || PHRASE_END.test(term.post ?? '')) return false;
  }
  return false;
}

/**
 * Tags of a word that opens a past verb's object (had a cuppa, rang it, met two of them; agreed to …
 * too): a preposition or a particle may follow a participle of state (Stuck in traffic, …; Armed
 * with knives, attack!; Fed up, …), which is no past of a writer's day.
 */
const PAST_COMPLEMENT_TAGS = ['Determiner', 'Possessive', 'Pronoun', 'Value'];

/**
 * Whether the term, the first of a conjunct that has no subject, is a past with its object (had a
 * cuppa, missed the bus, agreed to call): what the writer did, subject left out. A past before
 * "or" / "and" or the end is an adjective (armed or not), before a preposition a participle of state.
 */
const subjectlessPastAt = (term: TaggedTerm | undefined, next: TaggedTerm | undefined): boolean =>
  next !== undefined && (isPast(term) || editedBeforeObject(term, next)) && (next.normal === 'to' || PAST_COMPLEMENT_TAGS.some((t) => next.tags?.has(t)));

/** A word in -ed the tagger reads as an adjective before a determiner or a possessive (watched the match): no adjective stands there, it is a past with its object. */
const editedBeforeObject = (term: TaggedTerm | undefined, next: TaggedTerm): boolean =>
  /ed$/u.test(term?.normal ?? '') && term?.tags?.has('Adjective') === true && (next.tags?.has('Determiner') === true || next.tags?.has('Possessive') === true);

/**
 * Whether `terms[i]` opens a conjunct: the first term, or one after a comma, and, then or or — not
 * after a closing quotation mark, where the verb of saying of an inverted reporting clause stands
 * ("Burn it all," whispered the sorcerer).
 */
function opensConjunct(terms: readonly TaggedTerm[], i: number): boolean {
  const post = terms[i - 1]?.post ?? '';
  return i === 0 || (post.includes(',') && !CLOSING_QUOTE.test(post)) || COORDINATORS.has(terms[i - 1]?.normal ?? '');
}

/**
 * Verbs whose simple past is spelt as their base (CGEL ch. 3, irregular verbs): only these can be a
 * subjectless past read as an imperative. Any other verb of a diary's series is written in its past
 * form and reads no call anyway, and a base form after a past stays the writer's order (Burned their
 * houses, now drive them out; Grabbed the bats, go and beat …: review of round 17).
 */
const ONE_FORM_VERBS: ReadonlySet<string> = new Set(['beat', 'bet', 'bid', 'broadcast', 'burst', 'cast', 'cost', 'cut', 'fit', 'forecast', 'hit', 'hurt', 'let', 'put', 'quit', 'read', 'rid', 'set', 'shed', 'shut', 'slit', 'split', 'spread', 'thrust', 'upset', 'wet']);

/**
 * Whether the word is one clause of a series of clauses in the past with their subject left out,
 * as diaries, notes and minutes write (round 17, frame sweep and blind text: «Put the kettle on,
 * had a cuppa, read the paper»; «Met the tenants, cut the hedge, agreed to call back»; «Set the
 * alarm for six, got up at eight»): a one-form verb (put, cut, set, hit, read) there is a past too.
 * Another conjunct of the series — after a comma, and or then, before or after the word — opens
 * with a past and its complement; an imperative is not joined to a subjectless past (Burn their
 * farms, drive them out keeps its call; Kill them, armed or not: the past is an adjective).
 */
function inASeriesOfPasts(read: TaggedWord): boolean {
  const { preceding, following } = read;
  // Only the conjuncts next to the word's own count: after "go and" the word is joined to the order go, whatever came before
  // (Grabbed the bats, go and beat …). A past right before the word has the word after it, no object of its own
  // (came and said: "Fulfill your promise …").
  for (let i = preceding.length - 1; i >= 0; i--) if (opensConjunct(preceding, i)) return i < preceding.length - 1 && subjectlessPastAt(preceding[i], preceding[i + 1]);
  for (let i = 1; i < following.length; i++) {
    if (NEW_CLAUSE.has(following[i - 1]?.normal ?? '')) return false;
    if (opensConjunct(following, i)) return subjectlessPastAt(following[i], following[i + 1]);
  }
  return false;
}

/**
 * Words of address the tagger reads as no person (Team, everyone, attack!): an item of a series
 * that is one of them makes the series a string of vocatives, not a list of things.
 */
const ADDRESS_WORDS: ReadonlySet<string> = new Set(['team', 'everyone', 'everybody', 'all', 'guys', 'folks', 'gentlemen', 'neighbours', 'neighbors', 'residents', 'yall']);

/** Whether a one-word item of a series names the one addressed: a person, a word of address or a pronoun (Brothers, sisters, …). */
const addressItem = (term: TaggedTerm): boolean => ADDRESS_WORDS.has(term.normal ?? '') || isPeopleNoun(term.tags ?? new Set()) || term.tags?.has('Pronoun') === true;

/** Whether a one-word item of a series is a plural noun of things (socks, spreadsheets): never an imperative. */
const pluralThing = (term: TaggedTerm): boolean => term.tags?.has('Plural') === true && term.tags.has('Noun') && !term.tags.has('Verb');

/**
 * Whether a one-word item of a series may be an order: a base verb as the tagger reads it, or a
 * word it reads as no noun that is a verb in the frame "to …" (Squat, jump, repeat: squat is
 * read as an adjective).
 */
const verbItem = (term: TaggedTerm): boolean => {
  const tags = term.tags ?? new Set<string>();
  if (isBaseVerb(tags)) return true;
  const frame = tags.has('Noun') ? undefined : tagsAt(`to ${term.normal ?? ''}`, 3);
  return frame !== undefined && isBaseVerb(frame.tags);
};

/** One-word items of a series right before the word: each ends with a comma, the first after a colon or the sentence start. */
function oneWordItemsBefore(preceding: readonly TaggedTerm[]): readonly TaggedTerm[] | undefined {
  const items: TaggedTerm[] = [];
  for (let j = preceding.length - 1; j >= 0; j--) {
    const term = preceding[j] as TaggedTerm;
    const post = term.post ?? '';
    if (post.includes(':') && j === preceding.length - 1) return items;
    if (!post.includes(',')) return undefined;
    items.push(term);
    if ((preceding[j - 1]?.post ?? '').includes(':')) return items;
    if (j > 0 && !(preceding[j - 1]?.post ?? '').includes(',')) return undefined;
  }
  return items;
}

/** One-word items of a series right after the word, which ends with a comma: each but the last, at the sentence end, ends with one too. */
function oneWordItemsAfter(post: string, following: readonly TaggedTerm[]): readonly TaggedTerm[] | undefined {
  if (following.length === 0) return [];
  if (!post.includes(',')) return undefined;
  for (const [i, term] of following.entries()) if (i < following.length - 1 && !(term.post ?? '').includes(',')) return undefined;
  return following;
}

/**
 * Whether the word is one item of a list of things written as a series of single words (round 15,
 * frame sweep: «Monday mood: coffee, spreadsheets, regret», «Packing list: torch, socks, map»):
 * a comma series of one word an item, at the sentence start or after a colon and to the sentence
 * end, whose other items name no one and are nouns of things — a plural of things among them, or
 * no verb. Read as vocatives or as a clause start, the items
 * made the word an imperative; an address names people (Brothers, sisters, attack!; Team,
 * everyone, push!) and a series of orders has verbs among its items (Squat, jump, repeat).
 */
function itemOfSeriesOfThings(read: TaggedWord): boolean {
  const before = oneWordItemsBefore(read.preceding);
  const after = before === undefined ? undefined : oneWordItemsAfter(read.post, read.following);
  if (before === undefined || after === undefined || before.length + after.length < 2) return false;
  const items = [...before, ...after];
  // The tagger reads the last word of a series as a verb (… charger, map.): a plural of things tells a list whatever it reads.
  return !items.some(addressItem) && (items.some(pluralThing) || !items.some(verbItem));
}

/** Known verbs that take an -ing complement (go shopping, come running): the -ing word is their verb, not a compound. */
const GERUND_TAKERS: ReadonlySet<string> = new Set(['go', 'come', 'take', 'stand']);

/**
 * Whether a known verb the tagger does not read as a verb in context heads a noun phrase of a
 * caption or a headline: a noun before "of" («March of the penguins», «Spread of the flu»), or
 * a compound with an -ing noun and no object after it («Storm warning for the coast», «Arm
 * wrestling contest at the fair»). An object after the -ing word keeps the verb (Kill fleeing
 * soldiers).
 */
function headsNounPhrase(read: TaggedWord): boolean {
  const [next, after] = read.following;
  if (next === undefined || PHRASE_END.test(read.post)) return false;
  if (next.normal === 'of') return read.tags.has('Noun');
  const nextTags = next.tags ?? new Set<string>();
  // everything, nothing, something end in -ing too: they are objects.
  if (!/ing$/u.test(next.normal ?? '') || /thing$/u.test(next.normal ?? '') || !(nextTags.has('Gerund') || nextTags.has('Noun')) || ['Pronoun', ...PEOPLE_TAGS].some((t) => nextTags.has(t))) return false;
  const afterTags = after?.tags ?? new Set<string>();
  return PHRASE_END.test(next.post ?? '') || after === undefined || afterTags.has('Preposition') || ((afterTags.has('Noun') || afterTags.has('Adjective')) && !afterTags.has('Plural') && !PEOPLE_TAGS.some((t) => afterTags.has(t)));
}

/** States of a price in a market report (Oil steady, Gold firm, Wheat flat, Copper higher). */
const MARKET_STATES: ReadonlySet<string> = new Set(['steady', 'firm', 'flat', 'mixed', 'unchanged', 'higher', 'lower', 'firmer', 'weaker', 'softer', 'choppy', 'subdued']);
/** Verbs of state, motion and aim that take such a word as their complement (Hold steady, Stand firm, Aim lower, Burn low). */
const STATE_VERBS: ReadonlySet<string> = new Set(['hold', 'stand', 'stay', 'keep', 'remain', 'sit', 'lie', 'go', 'come', 'play', 'hang', 'be', 'get', 'aim', 'hit', 'shoot', 'fly', 'run', 'turn', 'push', 'set', 'grow', 'burn', 'fight', 'strike', 'sleep', 'rest', 'breathe', 'ride', 'drive', 'walk', 'move', 'lean', 'pitch', 'bid', 'sell', 'buy', 'trade']);

/**
 * Whether the word names a commodity or an index before its state in a market ticker or a price
 * line (round 18: the round-17 batch's «oil steady», the frame sweep 97 of 104 words): the state
 * word closes its phrase — a comma, the end, or a conjunction, preposition or number after it
 * (Oil steady as traders wait; Gold firm at 2,300). An adjective before a noun is the object's
 * (Apply firm pressure), and a verb of state or aim takes the word as its complement (Hold steady).
 */
function namesAMarketState(read: TaggedWord, word: string): boolean {
  const [state, after] = read.following;
  if (state === undefined || STATE_VERBS.has(word) || !MARKET_STATES.has(state.normal ?? '') || PHRASE_END.test(read.post)) return false;
  return after === undefined || PHRASE_END.test(state.post ?? '') || ['Preposition', 'Conjunction', 'Value'].some((t) => after.tags?.has(t));
}

/**
 * Nouns of harm an imperative takes with no determiner (Wage war on …, Spread terror in …, Take
 * revenge at …): after a verb of force they name what is called for, never the head of a compound.
 */
const HARM_OBJECTS: ReadonlySet<string> = new Set(['war', 'terror', 'fear', 'hate', 'hatred', 'chaos', 'panic', 'havoc', 'revenge', 'vengeance', 'violence', 'death', 'destruction', 'mayhem', 'jihad', 'blood', 'fire', 'hell', 'justice', 'retribution']);

/** Tags of a term that names or points to people: a verb of force before it may have them as its object. */
const PEOPLE_OR_POINTER_TAGS = ['Pronoun', 'Possessive', 'ProperNoun', ...PEOPLE_TAGS];

/**
 * Whether a known verb the tagger reads as a noun in context heads a compound noun of a label, a
 * ticker or a notice with no verb (round 18, frame sweep 73 of 104 verbs, the round-17 brief: «Burn
 * cream in the first aid box», «Strike price at 40 dollars», «Fire drill at 3pm», «Burn scene, oil
 * on canvas»): a bare singular noun right after it, then a preposition, a comma, a colon or the
 * line's end, and no finite verb, person, name or pronoun after it. A verb of force keeps its call
 * before a noun of harm (Wage war on …, Spread terror …), before people, a name or a possessive
 * (Spread terror in their streets, Wage war on the Dorvani), and in an exclamation (Burn scum!: the
 * caller does not ask this of a sentence that ends with «!»).
 */
function headsVerblessCompound(read: TaggedWord): boolean {
  const [next, after] = read.following;
  if (!read.tags.has('Noun') || read.tags.has('Verb') || next === undefined || PHRASE_END.test(read.post)) return false;
  const nextTags = next.tags ?? new Set<string>();
  if (!nextTags.has('Singular') || nextTags.has('Verb') || HARM_OBJECTS.has(next.normal ?? '') || ['Determiner', 'Value', 'Plural', ...PEOPLE_OR_POINTER_TAGS].some((t) => nextTags.has(t))) return false;
  if (!/[,:;]/u.test(next.post ?? '') && after !== undefined && after.tags?.has('Preposition') !== true) return false;
  for (const term of read.following) {
    if (isFiniteVerb(term) || PEOPLE_OR_POINTER_TAGS.some((t) => term.tags?.has(t))) return false;
  }
  return true;
}

/** Words after "only" that close a sign or a board (Staff only beyond this point; Cash only please; Members only, thanks). */
const SIGN_AFTER_ONLY: ReadonlySet<string> = new Set(['please', 'pls', 'thanks', 'thank', 'sorry', 'welcome', 'allowed', 'permitted']);
/** Prepositions of a sign's place after "only", before this or here (Staff only beyond this point; Cyclists only past here). */
const SIGN_PLACE_AFTER_ONLY: ReadonlySet<string> = new Set(['beyond', 'past']);

/**
 * Whether the word names who or what a sign admits, before "only" (round 19, the round-18 batch and
 * this round's frame sweep: «Cash only please», «Staff only beyond this point», «Members only»): "only"
 * ends its phrase or stands before please, thanks …, or before beyond / past this or here; an
 * imperative with "only" goes on to what it limits (Kill only the soldiers; Attack only at night;
 * Attack only beyond the river). An exclamation keeps the order (the
 * caller does not ask this of a sentence that ends with «!»).
 */
function namesASign(read: TaggedWord): boolean {
  const [only, after, place] = read.following;
  if (only?.normal !== 'only' || PHRASE_END.test(read.post)) return false;
  // Beyond or past a place named is where a call may be carried (Attack only beyond the river): only this point, this door, here close a sign.
  return after === undefined || PHRASE_END.test(only.post ?? '') || SIGN_AFTER_ONLY.has(after.normal ?? '') || (SIGN_PLACE_AFTER_ONLY.has(after.normal ?? '') && ['this', 'here'].includes(place?.normal ?? ''));
}

/** A time after a day on a listing, a board or a fixture list (Every Tuesday, each Friday, every week). */
const TIME_AFTER_EVERY = /^(?:day|night|week|weekend|month|year|morning|afternoon|evening|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|fortnight|term|season)s?$/u;
/** Verbs that take a bare noun of an act or a practice as their object (make time, pay attention, take care, give charity, perform prayer): never a compound's head. */
const LIGHT_VERBS: ReadonlySet<string> = new Set(['make', 'do', 'take', 'have', 'give', 'pay', 'perform', 'offer', 'seek', 'show', 'keep', 'get', 'say', 'find', 'establish', 'spread', 'wage', 'practise', 'practice', 'observe']);

/**
 * Whether a word the tagger reads as a verb heads a compound noun of a listing with its day (round
 * 19, the round-18 batch: «Quiz night every Tuesday», «Bin collection every Friday»): a bare singular
 * noun right after it, then every or each and a day or a stretch of time, no person, pronoun or name.
 * An imperative with a bare noun after it names an act or a practice (Pay attention every day, Make
 * time every week: light verbs, left out) or people (Visit grandma every Sunday); a listed verb of
 * force keeps its call before a place (Attack camp every night) or where the sentence names people,
 * a name or a pronoun, and an exclamation keeps it (the caller does not ask).
 */
function headsListingCompound(read: TaggedWord, word: string, known: boolean): boolean {
  const [noun, every, time] = read.following;
  if (LIGHT_VERBS.has(word) || noun === undefined || PHRASE_END.test(read.post) || PHRASE_END.test(noun.post ?? '')) return false;
  const tags = noun.tags ?? new Set<string>();
  // The tagger reads some nouns of a club or a team as names in lower case (club): only a capital makes one a name here.
  const name = tags.has('ProperNoun') && /^\p{Lu}/u.test(noun.text ?? '');
  if (!tags.has('Singular') || tags.has('Verb') || name || ['Determiner', 'Value', 'Uncountable', 'Pronoun', 'Possessive', ...PEOPLE_TAGS].some((t) => tags.has(t))) return false;
  if (!(every !== undefined && EVERY.has(every.normal ?? '') && TIME_AFTER_EVERY.test(time?.normal ?? ''))) return false;
  // A verb of force keeps its call before a place (Attack camp every night) and where the sentence names people, a name or a pronoun.
  return !known || (!tags.has('Place') && !read.following.some((term) => PEOPLE_OR_POINTER_TAGS.some((t) => term.tags?.has(t) === true && (t !== 'ProperNoun' || /^\p{Lu}/u.test(term.text ?? '')))));
}

/** A time of day as a listing writes it: 3pm, 7.30pm, 19:30, noon (the tagger tags them Time). */
const isClockTime = (term: TaggedTerm | undefined): boolean => term?.tags?.has('Time') === true || /^\d{1,2}(?:[.:]\d{2})?(?:am|pm)$/u.test(term?.normal ?? '');

/**
 * Whether the word, with a particle after it, stands right before a time of day that closes its
 * phrase, as a fixture, a programme or a notice writes (round 19, the round-18 batch and the frame
 * sweep: «Kick off 3pm», «Doors 7pm», «Lights out 10pm»): a noun of the event and its time, no verb
 * with an object. An imperative takes its time with a preposition (Meet at 3pm).
 */
function timedListing(read: TaggedWord): boolean {
  let k = 0;
  if (read.following[0]?.tags?.has('Particle') === true && !PHRASE_END.test(read.post)) k = 1;
  const time = read.following[k];
  return !PHRASE_END.test(k === 0 ? read.post : read.following[0]?.post ?? '') && isClockTime(time) && (read.following[k + 1] === undefined || PHRASE_END.test(time?.post ?? ''));
}

const isBaseVerb = (tags: ReadonlySet<string>): boolean => (tags.has('Imperative') || tags.has('Infinitive')) && !NOT_IMPERATIVE_TAGS.some((t) => tags.has(t));

/** Who answers a tagging question of {@link englishImperatives}: {@link taggedImperative}, or a planner that only names the window. */
type TaggingQuestion = (window: string, offset: number, afterVocative: boolean, known: boolean, afterStatement: boolean, exclaimed: boolean, sentenceExclaimed: boolean) => boolean;

/** The key of a tagging question's answer in {@link cache}. */
const answerKey: (...question: Parameters<TaggingQuestion>) => string = (window, offset, afterVocative, known, afterStatement, exclaimed, sentenceExclaimed) =>
  `${afterVocative ? 'v' : 's'}${known ? 'k' : ''}${afterStatement ? 'c' : ''}${exclaimed ? '!' : ''}${sentenceExclaimed ? 'x' : ''}${offset}\u0000${window}`;

/**
 * Whether the tagger reads the word at `offset` of `window` as an imperative (base-form verb).
 * After a vocative («Lord, grant peace») a clause has no subject, so a word the tagger reads as a
 * singular noun or a name in context still counts when it is a verb in the frame "to …" — unless
 * a verb follows it, which makes it the subject («Indeed, man is ungrateful»). `known`: a verb of
 * `knownVerbs`, a verb whatever the tagger reads — unless the word heads the subject of a verb
 * after it («Strike ends after three weeks», «Attack helicopters flew over»), as for every word.
 * `exclaimed`: the word ends its sentence before an exclamation mark; `sentenceExclaimed`: its sentence ends with one.
 */
function taggedImperative(window: string, offset: number, afterVocative: boolean, known: boolean, afterStatement: boolean, exclaimed: boolean, sentenceExclaimed: boolean): boolean {
  const key = answerKey(window, offset, afterVocative, known, afterStatement, exclaimed, sentenceExclaimed);
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const read = tagsAt(window, offset);
  const word = /^[\p{L}]+/u.exec(window.slice(offset))?.[0].toLowerCase() ?? '';
  const capitalised = /^\p{Lu}/u.test(window.slice(offset, offset + 1));
  const subject = read !== undefined && (subjectOfFollowingVerb(read) || subjectOfRelativeClause(read) || headsSubjectPhrase(read, word) || opensTitleSubject(read, capitalised) || (!known && opensTelegraphicNote(read)) || joinedToAPast(read) || (ONE_FORM_VERBS.has(word) && inASeriesOfPasts(read)) || (!(known && exclaimed) && itemOfSeriesOfThings(read)) || namesAMarketState(read, word) || (!sentenceExclaimed && namesASign(read)) || (!sentenceExclaimed && headsListingCompound(read, word, known)) || (!known && timedListing(read)) || (known && !GERUND_TAKERS.has(word) && (headsNounPhrase(read) || (!sentenceExclaimed && headsVerblessCompound(read)))));
  // After a later comma the clause before must be complete: with no verb before it the word is the verb of the subject before the comma (The Tuareg men, not the women, wear the veil).
  // A sentence opened by if / when / once holds a clause of its own before the comma even where the tagger reads its verb as a noun
  // (If the Dorvani march on Sunday, meet them …: round 17, the unseen batch's one missed call).
  const complete = !afterStatement || read?.verbBefore === true || OPENS_CONDITION.has(read?.preceding[0]?.normal ?? '');
  let verb = !subject && complete && (known || (read !== undefined && (isBaseVerb(read.tags) || verbBeforePronounObject(read))));
  if (!verb && !subject && afterVocative && read !== undefined && !NOT_A_VERB_TAGS.some((t) => read.tags.has(t)) && !read.next.has('Verb')) {
    const frame = tagsAt(`to ${word}`, 3);
    verb = frame !== undefined && isBaseVerb(frame.tags);
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, verb);
  return verb;
}

/** Object pronouns of people that no noun takes right after it (a noun before them is a verb: Stone them, Bin him). */
const PEOPLE_OBJECTS: ReadonlySet<string> = new Set(['them', 'him', 'em']);

/**
 * Whether a word the tagger reads as a singular noun at its clause start stands right before an
 * object pronoun of people (round 19, the round-18 batch's one missed call: «Stone them at the gate
 * when they come»; the tagger knows stone, bin, torch only as nouns, in the frame "to …" too): no
 * noun at a clause start takes them or him right after it, so the word is the verb whose object
 * they are. A comma after the word makes it an address (Mum, them again?).
 */
function verbBeforePronounObject(read: TaggedWord): boolean {
  const [object] = read.following;
  return read.tags.has('Noun') && read.tags.has('Singular') && !NOT_A_VERB_TAGS.some((t) => read.tags.has(t)) && !PHRASE_END.test(read.post) && PEOPLE_OBJECTS.has(object?.normal ?? '');
}

/** Subordinators that open a sentence with a clause of condition or time before its main clause. */
const OPENS_CONDITION: ReadonlySet<string> = new Set(['if', 'when', 'once', 'unless', 'whenever']);

/** A word that starts a clause; `vocative`: it follows the comma of an address at the sentence start. */
interface ClauseStart {
  readonly index: number;
  readonly vocative: boolean;
  /** It follows a comma past the address, after a clause of the sentence's own. */
  readonly afterStatement?: boolean;
}

/** Prepositions and adverbs the tagger can read as base verbs after a comma (…, like the Catskills, …; …, right now!). */
const PREPOSITIONS_LIKE_VERBS: ReadonlySet<string> = new Set(['like', 'unlike', 'right']);

/** Clause starts of the sentence `[from, to)`: its first word, after a vocative, a colon, semicolon or dash, and after a later comma before a verb's object. */
function clauseStarts(text: string, words: readonly ImperativeWord[], from: number, to: number): ClauseStart[] {
  const starts: ClauseStart[] = [{ index: from, vocative: false }];
  let modal = false;
  // A modal whose verb is still to come past commas (We must, however, keep …): the word after those commas is its verb.
  let modalWaits = false;
  for (let k = from; k < to - 1; k++) {
    modal ||= MODALS.has((words[k] as ImperativeWord).normalised);
    const gap = text.slice((words[k] as ImperativeWord).end, (words[k + 1] as ImperativeWord).start);
    if (MODALS.has((words[k] as ImperativeWord).normalised)) modalWaits = true;
    else if (!gap.includes(',')) modalWaits = false;
    if (/[:;—–]/u.test(gap)) starts.push({ index: k + 1, vocative: false });
    else if (k < from + VOCATIVE_WORDS && gap.includes(',') && !modal) starts.push({ index: k + 1, vocative: true });
    // Past the address, a comma opens a clause when its second word opens an object (…, break their windows tonight; …, make their lives hell):
    // an imperative added to a sentence that did not open with one (round 14, blind text: calls missed after a statement or a «time to …»).
    // The clause must run to the sentence's end: a comma after it makes it one item of a series that shares the verb form before
    // (he would go in his car, purchase it, return, and carry …; ask you to applaud a scribble, praise an idea, and listen …).
    else if (gap.includes(',') && !modalWaits && k >= from + VOCATIVE_WORDS && k + 2 < to && OBJECT_OPENERS.has((words[k + 2] as ImperativeWord).normalised) && !PREPOSITIONS_LIKE_VERBS.has((words[k + 1] as ImperativeWord).normalised) && !/[,;]/u.test(text.slice((words[k + 1] as ImperativeWord).end, (words[to - 1] as ImperativeWord).end))) {
      starts.push({ index: k + 1, vocative: false, afterStatement: true });
    }
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

/**
 * Whether the sentence is a question with its "have you / did you" left out that ends with "yet?"
 * (Finish the report yet? Hear the news yet?): an imperative takes no "yet" before a question mark,
 * it asks whether the act is done (round 16 frame sweep: 103 of 104 verbs read as imperatives).
 */
function askedWithYet(text: string, words: readonly ImperativeWord[], to: number): boolean {
  const last = words[to - 1] as ImperativeWord;
  return last.normalised === 'yet' && /^[^\p{L}\n]*\?/u.test(text.slice(last.end));
}

/** Auxiliaries of a declarative tag after a comma (…, didn't he; …, was it; …, haven't they): the clause before states. */
const DECLARATIVE_TAG_AUXILIARIES: ReadonlySet<string> = new Set(['did', 'didnt', "didn't", 'didn’t', 'was', 'wasnt', "wasn't", 'wasn’t', 'were', 'werent', "weren't", 'weren’t', 'had', 'hadnt', "hadn't", 'hadn’t', 'has', 'hasnt', "hasn't", 'hasn’t', 'have', 'havent', "haven't", 'haven’t', 'does', 'doesnt', "doesn't", 'doesn’t', 'is', 'isnt', "isn't", 'isn’t']);
/** Subjects of a tag. */
const TAG_SUBJECTS: ReadonlySet<string> = new Set(['he', 'she', 'it', 'they', 'we', 'i', 'you', 'there']);

/**
 * Whether the sentence closes with a declarative tag after a comma, an auxiliary of the past or the
 * perfect and its subject («Hit the post twice, didn't he.», «Cut the hedge already, has she?»): the
 * clause before is a statement with its subject left out; an imperative's tag asks with will,
 * would, can or won't you (round 18, frame sweep and the round-17 brief).
 */
function closedByDeclarativeTag(text: string, words: readonly ImperativeWord[], from: number, to: number): boolean {
  if (to - from < 3) return false;
  const auxiliary = words[to - 2] as ImperativeWord;
  const subject = words[to - 1] as ImperativeWord;
  return TAG_SUBJECTS.has(subject.normalised) && DECLARATIVE_TAG_AUXILIARIES.has(auxiliary.normalised) && text.slice((words[to - 3] as ImperativeWord).end, auxiliary.start).includes(',');
}

/** A question about the past right before a sentence (What did he do? How did it end? What happened next?). */
const PAST_QUESTION_BEFORE = /\b(?:did|happened)\b[^.!?\n]*\?[\s"'”’)]*$/iu;

/**
 * Whether a one-form verb (hit, cut, put, beat) opens the answer to a question about the past in
 * the line before it («What did he do? Hit the guard.», «How did it end? Beat them on penalties.»):
 * the answer is a past with its subject left out. An exclamation keeps the order (What did they do
 * to us? Hit them back!).
 */
function answersAPastQuestion(text: string, word: ImperativeWord, to: ImperativeWord): boolean {
  if (!ONE_FORM_VERBS.has(word.normalised) || /^[^\p{L}\n]*!/u.test(text.slice(to.end, to.end + 4))) return false;
  const lineStart = text.lastIndexOf('\n', word.start - 1) + 1;
  return PAST_QUESTION_BEFORE.test(text.slice(Math.max(lineStart, word.start - 120), word.start));
}

/**
 * A heading of a noun before a prepositional phrase and a colon, a subtitle of how, why or what
 * after it («Attack on the left wing: how the new shape works», «Raid on the depot: what we know»):
 * an article's or a thread's title, the imperative takes its object without a preposition.
 */
const HEADING_BEFORE_SUBTITLE = /^[ \t]+(?:on|in|at|for|against|with|from|over|under|after|across|inside|behind|around|of)[ \t][^:!?.\n]{1,60}:[ \t]*(?:how|why|what|when|where|who|which|inside|everything)\b/iu;

/**
 * A heading of a noun and a prepositional phrase before a colon, a result after it that ends with a
 * scoreline («Slaughter on the pitch: Town lose 7-0», «Party at the Arches: Rovers sink Dunmore
 * 4-1»): a sports headline (round 19, the round-18 batch and the frame sweep, 103 of 104 verbs).
 * An imperative takes its object without a preposition, and a call names no score.
 */
const HEADING_BEFORE_RESULT = /^[ \t]+(?:on|in|at|for|against|with|from|over|under|after|across|inside|behind|around|of)[ \t][^:!?.\n]{1,60}:[ \t]*\p{Lu}[^!?:\n]{0,80}\b\d{1,2}[ \t]?[-–][ \t]?\d{1,2}[ \t.]*(?:\n|$)/u;

/** Verbs that take a bare verb right after them (Go hunt them, Come help, Let burn, Let's loot, Make pay, Dare fight). */
const BARE_VERB_TAKERS: ReadonlySet<string> = new Set(['go', 'come', 'help', 'let', 'lets', "let's", 'make', 'dare', 'please', 'try', 'run', 'hurry', 'rather']);

/**
 * Whether a word that is no listed verb stands right before a listed verb of force, as the subject
 * of a headline does («Police hunt driver», «Police raid flats in dawn swoop», «Rebels storm
 * palace»): an imperative takes no second verb right after it, but for go, come, help, let and
 * make (Go hunt them; Come help us). Round 18: the round-17 batch and the frame sweep (13 of 104).
 */
function headsAVerbOfForce(text: string, words: readonly ImperativeWord[], k: number, to: number, knownVerbs: ReadonlySet<string>): boolean {
  const word = words[k] as ImperativeWord;
  const next = words[k + 1];
  return next !== undefined && k + 1 < to && knownVerbs.has(next.normalised) && !BARE_VERB_TAKERS.has(word.normalised) && /^[ \t]+$/u.test(text.slice(word.end, next.start));
}

/** A crossword clue's letter count closing its line: (6), (3,4), (5-3); not (1) or (2), a footnote's or a list's number. */
const LETTER_COUNT = /^[^\p{L}\n]*?\(\s?(?:[3-9]|1\d|\d{1,2}(?:\s?[,\-–]\s?\d{1,2})+)\s?\)[ \t]*(?:\n|$)/u;

/**
 * Whether the sentence is a crossword clue: its last word (the count's number, or the word
 * before it) is followed by a letter count in brackets that ends the line («Strike from a list
 * (6)», «Go on foot at a steady pace (5)»). A clue defines a word, it asks nobody to act (round 17,
 * blind text and the frame sweep: 86 of 104 verbs read as imperatives).
 */
function clueWithLetterCount(text: string, words: readonly ImperativeWord[], to: number): boolean {
  const last = words[to - 1] as ImperativeWord;
  const before = words[to - 2];
  // The tokenizer may keep the count's number as the last word: read from the word before it then.
  const from = /^\d+$/u.test(last.normalised) && before !== undefined ? before.end : last.end;
  return LETTER_COUNT.test(text.slice(from, from + 16));
}

/** A word alone on its line with no punctuation after it is a heading («Benefit», «Summary»), not an order. */
function aloneOnItsLine(text: string, word: ImperativeWord): boolean {
  const lineStart = text.lastIndexOf('\n', word.start - 1) + 1;
  const lineEnd = text.indexOf('\n', word.end);
  return text.slice(lineStart, word.start).trim() === '' && lineEnd >= 0 && text.slice(word.end, lineEnd).trim() === '';
}

/**
 * One or two words in lower case and a colon after a word: the rest of a label («Note to self: …»,
 * «Trigger warning: …»); a capital keeps a button's or a heading's call (Join Channel: https://…).
 */
const LABEL_TAIL = /^((?:[ \t]+[\p{Ll}'’-]+){1,2})[ \t]*:/u;
/**
 * Words that open an object or name the ones addressed: before a colon they keep the words a call
 * (Kill them all: …; Remember this: …; Listen to me: …; So ask yourself: …).
 */
const OBJECT_OPENERS: ReadonlySet<string> = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'it', 'them', 'him', 'her', 'us', 'me', 'you', 'everyone', 'everybody', 'all', 'every', 'any', 'some', 'my', 'your', 'our', 'their', 'his', 'its', 'each', 'no', 'now', 'up', 'out', 'yourself', 'yourselves', 'myself', 'ourselves', 'himself', 'herself', 'themselves']);

/**
 * Whether the word opens a label of one to three words ended by a colon: «Note to self: never
 * book …», «Trigger warning: this chapter …», «Fun fact: …» — a heading that names what follows,
 * no verb with an object. A colon after an object (Kill them all: …) or after a lone plural (Kill
 * traitors: …, where the object may be people; not Garden club news: …) keeps the call.
 */
function opensLabel(text: string, word: ImperativeWord): boolean {
  const tail = LABEL_TAIL.exec(text.slice(word.end, word.end + 40))?.[1];
  if (tail === undefined) return false;
  const rest = tail.trim().toLowerCase().split(/\s+/u);
  for (const w of rest) if (OBJECT_OPENERS.has(w)) return false;
  return rest.length > 1 || !/s$/u.test(rest[0] ?? '');
}

/** An abbreviation whose full stop ends no sentence (9 p.m., e.g., etc., vs.) right before a word. */
const ABBREVIATION_BEFORE = /(?:^|[^\p{L}])(?:[ap]\.\s?m|e\.\s?g|i\.\s?e|etc|vs|approx|incl|cf)\.\s+$/iu;

/**
 * Whether a word the tokenizer takes to open a sentence continues the one before: it is written
 * in lower case right after an abbreviation («prayers begin at 9 p.m. and end at dawn»), so the
 * full stop is the abbreviation's and "and end" opens no imperative unless the sentence did
 * («Meet at 5 p.m. and bring your boots»).
 */
function afterAbbreviation(text: string, word: ImperativeWord): boolean {
  // A lone lower-case letter after a full stop is the abbreviation's own second half (the m of p.m.).
  if (/^\p{Ll}$/u.test(text.slice(word.start, word.end)) && text[word.start - 1] === '.') return true;
  return /^\p{Ll}/u.test(text.slice(word.start, word.start + 1)) && ABBREVIATION_BEFORE.test(text.slice(Math.max(0, word.start - 12), word.start));
}

/** A time or a day that opens a line of a programme listing (10.15, Saturday 6.30, Tonight 8.00, Monday 21.00). */
const LISTING_TIME = /^[ \t]*(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|tonight|today|mon|tue|wed|thu|fri|sat|sun)?[ \t,]*(?:\d{1,2}[.:]\d{2}|\d{1,2}(?:[.:]\d{2})?[ \t]?(?:am|pm))[ \t]*$/iu;
/** The words a title keeps in lower case. */
const SMALL_TITLE_WORD = /^(?:of|on|the|and|in|at|to|for|a|an|with|by|from|or|after|out|up)$/u;
/** Object pronouns: a title-case run with one of them may be a call written in capitals (Kill Them All), not read as a title here. */
const OBJECT_PRONOUN = /^(?:them|him|her|us|'em|’em|em)$/iu;

/**
 * Whether the word opens the title of a programme after its time on a TV or radio listing (round
 * 19, the round-18 batch's «10.15 Cash in the Attic» and the frame sweep): the line opens with a time
 * (a day before it may), and from the word to the first mark every word has a capital but a title's
 * small words, two at least, not all in capitals. A call in a listing's shape keeps its object
 * pronoun (6.30 Kill Them All) or a lower-case word (6.30 Burn the Vessik shops).
 */
function titleAfterListingTime(text: string, word: ImperativeWord): boolean {
  const lineStart = text.lastIndexOf('\n', word.start - 1) + 1;
  if (!LISTING_TIME.test(text.slice(lineStart, word.start))) return false;
  const stop = /[,;:(.!?\n—–]/u.exec(text.slice(word.start));
  const run = text.slice(word.start, stop === null ? undefined : word.start + stop.index).trim().split(/\s+/u);
  let capitals = 0;
  for (const w of run) {
    if (OBJECT_PRONOUN.test(w)) return false;
    if (/^\p{Lu}/u.test(w)) capitals++;
    else if (!SMALL_TITLE_WORD.test(w)) return false;
  }
  return capitals >= 2 && run.some((w) => /\p{Ll}/u.test(w));
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
  return imperativesAnswered(text, words, knownVerbs, taggedImperative);
}

/**
 * The windows {@link englishImperatives} will give the tagger first for `text`, not answered yet:
 * each clause start's, read as if no answer were an imperative (a coordinated verb is asked only
 * after one). A caller may tag them in one batch before it asks; a window asked that was not named
 * is tagged alone. Naming changes no answer: the planner answers no question and remembers none.
 */
export function englishImperativeWindows(text: string, words: readonly ImperativeWord[], knownVerbs: ReadonlySet<string>): string[] {
  const windows: string[] = [];
  imperativesAnswered(text, words, knownVerbs, (...question) => {
    if (!cache.has(answerKey(...question))) windows.push(question[0]);
    return false;
  });
  return windows;
}

/** {@link englishImperatives} with its tagging questions answered by `ask`. */
function imperativesAnswered(text: string, words: readonly ImperativeWord[], knownVerbs: ReadonlySet<string>, ask: TaggingQuestion): Set<number> {
  const found = new Set<number>();
  let from = 0;
  // Whether the sentence (across an abbreviation's full stop) opened with an imperative.
  let openedWithImperative = false;
  while (from < words.length) {
    let to = from + 1;
    while (to < words.length && !(words[to] as ImperativeWord).sentenceInitial) to++;
    // After an abbreviation the sentence goes on: its clause opened with an imperative or did not.
    const continued = afterAbbreviation(text, words[from] as ImperativeWord);
    if (!continued) openedWithImperative = false;
    const sentenceStart = (words[from] as ImperativeWord).start;
    const isVerb = (k: number, vocative: boolean, afterStatement = false): boolean => {
      const w = words[k] as ImperativeWord;
      if (!/^[a-z]+$/u.test(w.normalised) || NEVER_IMPERATIVE.has(w.normalised)) return false;
      const known = knownVerbs.has(w.normalised);
      // Only a listed verb or a word after a vocative can be an imperative without the tagger's base-verb reading.
      if (!known && !vocative && ENGLISH_CLOSED_CLASS_WORDS.has(w.normalised)) return false;
      if (questionOpener(text, words, k, to) || addressBeforeQuestion(text, words, k, to) || askedWithYet(text, words, to) || clueWithLetterCount(text, words, to) || aloneOnItsLine(text, w)) return false;
      if (!known && headsAVerbOfForce(text, words, k, to, knownVerbs)) return false;
      if (titleAfterListingTime(text, w)) return false;
      if (closedByDeclarativeTag(text, words, from, to) || answersAPastQuestion(text, w, words[to - 1] as ImperativeWord) || HEADING_BEFORE_SUBTITLE.test(text.slice(w.end, w.end + 120)) || HEADING_BEFORE_RESULT.test(text.slice(w.end, w.end + 160))) return false;
      // A capitalised word after the comma of an address that ends its sentence is a name, the one addressed (It's over, Jack.);
      // a listed verb stays a call written in capitals (Brothers, Fight!).
      if (vocative && !known && k === to - 1 && /^\p{Lu}/u.test(text.slice(w.start, w.start + 1))) return false;
      // A capitalised word and a capitalised word after it that ends the sentence or its phrase, after a comma inside it, is a name
      // of a street or a place (Destroy Burger, Market Street; Open late, Church Lane): round 19, this round's frame sweep (the
      // phrase's comma after the unseen batch was measured: Destroy Burger, Market Street, open till late).
      if (k > from && !known && k + 1 < to && (k === to - 2 || /^[ \t]*[,;]/u.test(text.slice((words[k + 1] as ImperativeWord).end))) && text.slice((words[k - 1] as ImperativeWord).end, w.start).includes(',') && /^\p{Lu}/u.test(text.slice(w.start, w.start + 1)) && /^\p{Lu}\p{Ll}/u.test(text.slice((words[k + 1] as ImperativeWord).start, (words[k + 1] as ImperativeWord).start + 2)) && /^[ \t]+$/u.test(text.slice(w.end, (words[k + 1] as ImperativeWord).start))) return false;
      if (ATTENTION_GETTERS.has(w.normalised) && AFTER_ATTENTION_GETTER.test(text.slice(w.end, w.end + 8))) return false;
      // Not inside a token run (dorar.net), not a label («Note: …»), not a numbered heading («part 2»).
      if (w.start > 0 && !/[\s"'“‘«([—–-]/u.test(text[w.start - 1] ?? '')) return false;
      // A listed call verb before a colon stays a call (Fight back: …; Attack at dawn: …): a label's words are those of no call.
      if (/^\s*[:\d]/u.test(text.slice(w.end, w.end + 4)) || (!known && opensLabel(text, w))) return false;
      const windowEnd = (words[Math.min(to - 1, k + TAG_WINDOW)] as ImperativeWord).end;
      // A series closed by a listed verb of force and an exclamation mark ends in an order (Knives, bats, petrol, attack!): what a
      // crowd is told to bring and then to do, not one more thing of a list (round 16, the brief's «Knives, bats, attack!»).
      const exclaimed = k === to - 1 && /^[^\p{L}\n]*!/u.test(text.slice(w.end, w.end + 4));
      // A sentence that ends in an exclamation mark is a cry, not a label (Burn scum!).
      const sentenceExclaimed = /^[^\p{L}\n]*!/u.test(text.slice((words[to - 1] as ImperativeWord).end, (words[to - 1] as ImperativeWord).end + 4));
      return ask(text.slice(sentenceStart, windowEnd), w.start - sentenceStart, vocative, known, afterStatement, exclaimed, sentenceExclaimed);
    };
    let opensWithImperative = false;
    for (const start of clauseStarts(text, words, from, to)) {
      // After an opening imperative a comma is no address: what follows is another imperative only
      // if the tagger reads a verb there (Love your enemies, bless …), not a word listed among its
      // objects that could be a verb in the frame "to …".
      const vocative = start.vocative && !opensWithImperative;
      // "9 p.m. and end at dawn": a clause that goes on past an abbreviation opens nothing unless it opened with an imperative.
      if (start.index === from && continued && !openedWithImperative) continue;
      let c = start.index;
      // A clause opened by a bare "not" is a reply or a comment with its subject left out (Not sure what to cook first; Not a
      // chance): the negative imperative has do or never before not (do not touch, never not); "fear not" has it after the verb.
      while (c < to - 1 && c < start.index + 3 && LEAD_IN.has((words[c] as ImperativeWord).normalised) && !(c === start.index && (words[c] as ImperativeWord).normalised === 'not')) c++;
      if (!isVerb(c, vocative, start.afterStatement === true)) continue;
      found.add(c);
      if (start.index === from) opensWithImperative = true;
      openedWithImperative ||= start.index === from;
      // A subject or subordinator opens a clause of its own up to the next comma; past the comma the
      // imperative's clause may go on (Thank Allah for what He has granted you, and hold onto it).
      let ownClause = false;
      // "between … and", "both … and" join two nouns (a balance between revision and rest), not two verbs.
      let pairing = false;
      for (let k = c + 1; k < to - 1; k++) {
        const word = words[k] as ImperativeWord;
        if (NEW_CLAUSE.has(word.normalised) || FINITE_BE.has(word.normalised)) ownClause = true;
        else if (ownClause && text.slice((words[k - 1] as ImperativeWord).end, word.start).includes(',')) ownClause = false;
        if (PAIRING.has(word.normalised)) pairing = true;
        else if (pairing && word.normalised === 'and') pairing = false;
        else if (!ownClause && COORDINATORS.has(word.normalised) && isVerb(k + 1, false)) found.add(k + 1);
      }
    }
    from = to;
  }
  return found;
}
