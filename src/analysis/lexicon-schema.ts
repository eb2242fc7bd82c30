/**
 * The one schema every lexicon file (`sop/lexicons/<lang>/<category>.yaml`) obeys.
 *
 * Entries are neutral dictionary vocabulary or morphological rules, each with a published source.
 * Ids are written in the data (`<lexicon>.<slug>`), never derived from position, so adding an entry
 * never changes another entry's id.
 */
import { z } from 'zod';
import { LEXICON_LANGUAGES } from './lexicon-codes.js';

/**
 * Indicator categories. `context-markers` is special: its entries are never findings; they tell
 * the voice and countervailing detectors what reported speech, negation, conditionals and
 * scripture citations look like in a language.
 */
export const LEXICON_CATEGORIES = [
  'call-to-action',
  'violence',
  'group-designation',
  'us-them',
  'negative-evaluation',
  'religious-terminology',
  'banned-organisations',
  'context-markers',
] as const;
export type LexiconCategory = (typeof LEXICON_CATEGORIES)[number];

/** Allowed `subcategory` values per category (absent = free text not allowed). */
export const SUBCATEGORIES: Readonly<Record<LexiconCategory, readonly string[]>> = {
  'call-to-action': ['imperative', 'hortative', 'obligation', 'appeal'],
  violence: ['act', 'weapon', 'threat'],
  'group-designation': ['national', 'ethnic', 'religious', 'social', 'political'],
  'us-them': ['in-group', 'out-group', 'addressee'],
  'negative-evaluation': ['evaluation', 'dehumanising-metaphor'],
  'religious-terminology': ['doctrine', 'practice', 'person', 'community', 'polemic'],
  'banned-organisations': ['organisation'],
  'context-markers': [],
};

/** Every sub-category code of any category, once, in the order of {@link SUBCATEGORIES}. */
export const ALL_SUBCATEGORIES = [...new Set(Object.values(SUBCATEGORIES).flat())] as [string, ...string[]];

/** What a context marker tells the detectors. */
export const MARKER_KINDS = ['reported', 'negation', 'conditional', 'scripture', 'condemnation', 'prayer'] as const;
export type MarkerKind = (typeof MARKER_KINDS)[number];

/**
 * Where a context marker must stand relative to a match: up to three words `before` in the same
 * clause, `within` the matched words, up to two words `after` in the same clause, anywhere else
 * in the `sentence`, `earlier` in the same sentence (a negated or condemning main clause that
 * governs what follows: «Я не считаю, что надо …»), or `clause`: later in the same clause (the
 * negated predicate of a verb-final language governs the words before it, not another clause:
 * «Ўч олайлик, … кечирмаймиз!» keeps the call), or `anywhere` in the sentence, the matched words
 * included: a mood ending such as the Turkic conditional -СА marks the word it ends, which may be
 * the matched word itself («Алар кол салса», «өлтүрсө»), or `opening` the word's clause: starting
 * in that clause at or before the word, the word itself included ("far from burning their shops,
 * …" denies the burning; "Far from being afraid, we will kill …" leaves the next clause alone),
 * or `complement`: later in the same sentence, inside the subordinate clause the marker opens
 * with its comma — no other comma, semicolon or colon between them (a dash may stand there):
 * «Неправда, что они — паразиты» denies «паразиты»; in «Не верю, что они изменятся, бейте их» the
 * call after the next comma is the speaker's own.
 */
export const MARKER_POSITIONS = ['before', 'within', 'after', 'sentence', 'earlier', 'clause', 'anywhere', 'opening', 'complement'] as const;
export type MarkerPosition = (typeof MARKER_POSITIONS)[number];

const nonEmpty = z.string().trim().min(1);
const SLUG = /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/;

/** One test on one token of a `sequence` pattern; all given conditions must hold. */
export const tokenTestSchema = z
  .object({
    /** Matched by stem (language layer), like an entry lemma. */
    lemma: nonEmpty.optional(),
    /** Exact normalised (lower-case, homoglyph-folded) surface forms. */
    words: z.array(nonEmpty).min(1).optional(),
    /** Normalised surface ends with one of these (and is longer than the suffix). */
    suffixes: z.array(nonEmpty).min(1).optional(),
    /**
     * Normalised surface starts with one of these: a stem plus any affixes, for agglutinative
     * languages (ky, kk, uz) whose dictionary headword is the bare stem.
     */
    prefixes: z.array(nonEmpty).min(1).optional(),
    /** Normalised surface must not start with any of these (e.g. Кыргызстан for кыргыз-). */
    excludePrefixes: z.array(nonEmpty).optional(),
    /** Normalised surface must not end with any of these (case and person endings of a noun, not a verb stem). */
    excludeSuffixes: z.array(nonEmpty).optional(),
    /** Minimum length of the normalised token, in UTF-16 code units. */
    minLength: z.number().int().positive().optional(),
    /** Normalised forms that never match this test, even when the suffix does. */
    exceptions: z.array(nonEmpty).optional(),
    /**
     * Russian only: the word passes when the dictionary does not know it, or when one of its
     * dictionary readings has all these OpenCorpora grammemes (e.g. `[impr]` for an imperative:
     * сайте, a noun, then never passes as a verb in -йте).
     */
    grammemes: z.array(nonEmpty).min(1).optional(),
    /** With `grammemes`: a word the dictionary does not know fails too (for endings as short as -и). */
    requireDictionary: z.boolean().optional(),
    /**
     * The word is of this class in its sentence. `imperative` (English only): a base-form verb
     * opening a clause with no subject (position, and word class from the compromise tagger).
     * `addressed-final` (verb-final languages): the last word of a clause in a sentence that opens
     * with an address to one of the pattern's `addressees` — a bare imperative stem («Кудайым,
     * бизге сабыр бер»).
     */
    wordClass: z.enum(['imperative', 'addressed-final']).optional(),
    /** With `wordClass: imperative`: base verbs read as verbs at a clause start even where the tagger reads a noun (avenge). */
    knownVerbs: z.array(nonEmpty).min(1).optional(),
  })
  .strict()
  .refine((t) => t.lemma !== undefined || t.words !== undefined || t.suffixes !== undefined || t.prefixes !== undefined || t.wordClass !== undefined, {
    message: 'a token test needs lemma, words, suffixes, prefixes or wordClass',
  })
  .refine((t) => t.knownVerbs === undefined || t.wordClass === 'imperative', { message: 'knownVerbs belongs to a test with wordClass: imperative' });
export type TokenTest = z.infer<typeof tokenTestSchema>;

/** Morphological rule over tokens, or (context markers only) a regular expression over raw text. */
export const patternSchema = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('sequence'),
      /** Consecutive word tokens, one test each. */
      items: z.array(tokenTestSchema).min(1).max(6),
      /** Only when the first token starts a sentence (after . ! ? … newline or text start). */
      sentenceInitial: z.boolean().optional(),
      /** Not when the token before the first one is one of these normalised forms. */
      notAfter: z.array(nonEmpty).optional(),
      /**
       * Only when the word before the first one, across punctuation, is one of these (a vocative:
       * «Lord, grant …»). Combine with the first test's word list, never alone.
       */
      onlyAfter: z.array(nonEmpty).min(1).optional(),
      /**
       * Only as an address: a comma or an exclamation mark follows the last token («Аллах, укрепи …»,
       * «Господь! …»), not the subject of a statement («Аллах запретил …»).
       */
      addressed: z.boolean().optional(),
      /**
       * Only a word written with a capital inside a sentence of ordinary case — not at its start, the
       * words beside it in lower case: the devotional capital of You and Your for God («refuge in You
       * from …»), not a Title Case heading («Remain in Your Homes»).
       */
      capitalisedInside: z.boolean().optional(),
      /**
       * Only when a comma stands right before the first token: a verb after a phrase set off by
       * commas from its subject ("The statement, issued on Monday, calls for …"), not after the
       * subject itself ("we call for").
       */
      afterComma: z.boolean().optional(),
      /**
       * Its words may also stand on either side of a dash set off by spaces, the Russian dash of a
       * slogan with its verb left out («Молгары — вон!»); otherwise only spaces stand between them.
       */
      acrossDash: z.boolean().optional(),
      /**
       * Only when a comma follows the last token: a word that frames the words after it in its
       * sentence (the quotative "she was like, …", "he goes, …"), not one that ends a sentence with
       * «!» (how the interview went!), which `addressed` also takes.
       */
      beforeComma: z.boolean().optional(),
      /**
       * Only when a comma follows the last token and the word after it is one of these normalised
       * forms: a main clause that governs the subordinate clause it introduces («Неправда, что …»,
       * «Не верю, что …»), not one followed by a clause of its own («Неправда это всё», «Не согласен
       * с мэром, их надо выгнать»).
       */
      commaThen: z.array(nonEmpty).min(1).optional(),
      /**
       * Verb endings of a language without a dictionary (Kyrgyz): not a word written as a name —
       * a capital inside a sentence, not after an opening quotation mark, colon or dash (Зилан
       * Эверсун Текстиль), or a hyphenated compound of capitalised parts («Ак-Кула», Кара-Балта).
       */
      notNames: z.boolean().optional(),
      /**
       * Verb endings that are also given names (Kyrgyz -СЫН: Турсун, Токтосун): not a capitalised
       * word opening its sentence before a comma, in a sentence that ends in a lower-case bare stem —
       * the 2nd-person imperative asking the one named (Турсун, эшикти жап). With
       * `imperativeEndings`, also a sentence that ends in a word with one of these endings of the
       * 2nd-person imperative (the softening -чы, the polite -ңыз: «Гүлсүн, чай койчу»).
       */
      notAddressedNames: z
        .union([z.boolean(), z.object({ imperativeEndings: z.array(nonEmpty).min(1) }).strict()])
        .optional(),
      /**
       * Verb endings of a language without a dictionary: not a Russian loan the Russian dictionary
       * reads only as a noun (каналы, файлы, футболу — a possessive or Russian plural, not -АЛЫ, -СЫН).
       * With `possessiveEndings`, also a loan with one of these endings of the language's own
       * possessive and case (фестивал+ы, процесс+ин, машина+сын): the word without the ending, or
       * with a soft sign in its place, is a Russian noun of at least five letters.
       */
      notRussianNouns: z
        .union([z.boolean(), z.object({ possessiveEndings: z.array(nonEmpty).min(1) }).strict()])
        .optional(),
      /**
       * With a first test of `wordClass: addressed-final`: the words a sentence-opening address may
       * consist of (Кудайым, Алла, оо), each followed by a comma or «!».
       */
      addressees: z.array(nonEmpty).min(1).optional(),
      /**
       * Russian: what to do with a first word the dictionary also reads without the first test's
       * grammemes (при is a preposition, день a noun, пришли a past tense). A reading of a part of
       * speech in `never` rules it out; any other such word passes only at the start of a clause —
       * a sentence start, after punctuation, or after one of the words in `clauseStartAfter` — and
       * not where its other reading heads a noun phrase with the next word («Цель исследования»,
       * «Весь турнир»).
       */
      homonyms: z
        .object({
          never: z.array(nonEmpty).min(1).optional(),
          clauseStartAfter: z.array(nonEmpty),
        })
        .strict()
        .optional(),
    })
    .strict(),
  z
    .object({
      type: z.literal('regex'),
      /** JavaScript regular expression source, applied with flags `giu` to the segment text. */
      regex: nonEmpty,
    })
    .strict(),
]);
export type LexiconPattern = z.infer<typeof patternSchema>;

/** A test on one word next to a match; all given conditions must hold. */
export const neighbourSchema = z
  .object({
    /** Exact normalised forms. */
    words: z.array(nonEmpty).min(1).optional(),
    /** Normalised form starts with one of these. */
    prefixes: z.array(nonEmpty).min(1).optional(),
    /** Normalised form ends with one of these (e.g. a Kyrgyz genitive -нын before a possessed noun). */
    suffixes: z.array(nonEmpty).min(1).optional(),
    /** Russian: one of the word's dictionary lemmas is one of these. */
    lemmas: z.array(nonEmpty).min(1).optional(),
    /** Russian: one of the word's dictionary readings has this OpenCorpora part of speech (NOUN, ADJF, PREP …). */
    pos: z.array(nonEmpty).min(1).optional(),
    /**
     * Russian: one of the word's dictionary readings has all these OpenCorpora grammemes (`[NOUN,
     * inan]`: an inanimate noun); a word the dictionary does not know (a name) fails.
     */
    grammemes: z.array(nonEmpty).min(1).optional(),
    /** Russian: none of the word's dictionary lemmas is one of these (народ, страна: inanimate, yet people). */
    notLemmas: z.array(nonEmpty).min(1).optional(),
    /** Russian: none of the word's dictionary readings has all these grammemes (`[impr]`: no imperative reading). */
    notGrammemes: z.array(nonEmpty).min(1).optional(),
    /**
     * `previous` and `next` only: words stepped over, within the sentence, before the test — articles
     * and possessives between a verb and its object (kill the lights, attack this problem).
     */
    skip: z.array(nonEmpty).min(1).optional(),
    /**
     * The word is written with an initial capital and opens no sentence: a name or a proper-noun
     * phrase in a language that capitalises them ("Christian Meyer", "Western Union").
     */
    capitalised: z.boolean().optional(),
    /**
     * Russian: a word of letters that the dictionary does not know — an invented or rare name of a
     * people («палатки тарвинцев»), a typo or slang. A rule that excludes a harmless reading keeps
     * a sentence with such a word for the examiner. Only Russian words have dictionary readings: in
     * another language every word of Cyrillic letters passes, so the test belongs to Russian rules.
     */
    unknownWord: z.literal(true).optional(),
    /** Normalised forms that fail the test even when the rest passes ("Christian Church" is no name). */
    notWords: z.array(nonEmpty).min(1).optional(),
    /** Endings that fail the test (a Kyrgyz verb ending after a dative is its verb, not a subject between). */
    notSuffixes: z.array(nonEmpty).min(1).optional(),
    /**
     * `next` only: the word right after this one (same sentence) ends with one of these — a
     * two-word frame such as must have + a past participle ("must have forgotten").
     */
    followedBySuffixes: z.array(nonEmpty).min(1).optional(),
    /**
     * `previous` and `next` only: the word stands in the match's clause — nothing but spaces between
     * them, no comma, colon, dash, quotation mark or line break. A verb-final language ends its
     * clause with the imperative, so a word in -(И)НГИЗ whose clause goes on is a noun with the
     * possessive, the subject of what follows («Уйингиз чиройли экан»; not «Марҳамат, ўтирингиз»).
     */
    sameClause: z.literal(true).optional(),
    /**
     * `previous` and `next` only, alone: no word of the match's clause stands there — its sentence
     * opens or ends, or a comma, colon, dash or bracket comes first. A word that ends its clause
     * after a preposition is a noun, not an adjective before one ("the menu is in Kyrgyz.", "say
     * it in Uzbek, please" — the language; not "in Kyrgyz villages").
     */
    clauseEdge: z.literal(true).optional(),
  })
  .strict()
  .refine((n) => n.words !== undefined || n.prefixes !== undefined || n.suffixes !== undefined || n.lemmas !== undefined || n.pos !== undefined || n.grammemes !== undefined || n.notGrammemes !== undefined || n.capitalised !== undefined || n.unknownWord !== undefined || n.notWords !== undefined || n.notSuffixes !== undefined || n.sameClause !== undefined || n.clauseEdge !== undefined, {
    message: 'a neighbour test needs words, prefixes, suffixes, lemmas, pos, grammemes, notGrammemes, capitalised, unknownWord, notWords, notSuffixes, sameClause or clauseEdge',
  })
  .refine((n) => n.sameClause === undefined || n.skip === undefined, { message: 'sameClause reads the very next word: it takes no skip' })
  .refine((n) => n.clauseEdge === undefined || Object.keys(n).length === 1, { message: 'clauseEdge reads that no word is there: it stands alone' });
export type NeighbourTest = z.infer<typeof neighbourSchema>;

/**
 * A use of an entry's word that is another sense and never a candidate (давайте is not даават,
 * места is not месть). Every given condition must hold. Each exclusion carries an example that
 * the lexicon tests run, so each exclusion is tested.
 */
export const exclusionSchema = z
  .object({
    /** Which sense this is and why it is excluded. */
    note: nonEmpty,
    /** A short fictional sentence with the excluded use: it must give no candidate of this entry. */
    example: nonEmpty,
    /** Only for matches of these lemma/variant/form words of the entry (default: every match). */
    only: z.array(nonEmpty).min(1).optional(),
    /** The matched word is one of these normalised forms. */
    forms: z.array(nonEmpty).min(1).optional(),
    /** The word right before the match. */
    previous: neighbourSchema.optional(),
    /** The word right after the match. */
    next: neighbourSchema.optional(),
    /** Some other word of the same sentence. */
    sentence: neighbourSchema.optional(),
    /**
     * The matched word itself (its first word): a sense restricted to some of its forms by their
     * grammemes (`{notGrammemes: [impr]}`: never an imperative, which calls on people now).
     */
    word: neighbourSchema.optional(),
    /**
     * A hashtag of the text (the post or message) holds one of these lower-case strings
     * (#АнимеСтрим holds «аниме»): a post's tags name what the whole of it is about.
     */
    hashtags: z.array(nonEmpty).min(1).optional(),
    /**
     * No other word of the same sentence passes this test: a sense that needs its context
     * (молитва is namaz only beside Islamic words; нововведение is bid'ah only in religion). A
     * list: no other word passes any of its tests — a sentence that names no one by any of
     * several means (no animate noun, no pronoun, no demonstrative, no name).
     */
    sentenceLacks: z.union([neighbourSchema, z.array(neighbourSchema).min(1)]).optional(),
    /**
     * The match is part of a title or a name written in title case inside a sentence of ordinary
     * case: it has a capital though it opens no sentence and the word before it does not, and
     * the word after it (past the small words of a title: of, on, the …) has one too ("we watched
     * Fight Club", "a poster of Attack on Titan"). A sentence all in title case does not count. In
     * English a title may open its sentence as the subject of a verb after it ("Shoot the Piano
     * Player is on at the Curzon").
     */
    title: z.literal(true).optional(),
    /**
     * The match's sentence holds a scoreline: two numbers of one or two digits joined by a dash
     * (4-0, 3–1, 42-7) or two single digits joined by a colon (3:0) — a sport result (City
     * destroyed Rovers 5-0, наши ведут 2:0). A year range (1939-1945) has four digits and a time of
     * day (8:15) two digits of minutes: neither is a score.
     */
    score: z.literal(true).optional(),
    /**
     * The match lies inside a title in quotation marks («…», „…“, “…”) within its sentence, the
     * quoted words opening with a capital: the title of a work named by the word before the opening
     * mark (`before`: a genre noun or a verb of reading or watching, prepositions stepped over with
     * its `skip` — роман «Война и мир», играли в «Мафию») and/or by a year in brackets right after
     * the closing mark (`yearAfter`: «Крепкий орешек» (1988)). Every given part must hold.
     */
    quotedTitle: z
      .object({ before: neighbourSchema.optional(), yearAfter: z.literal(true).optional() })
      .strict()
      .refine((q) => q.before !== undefined || q.yearAfter !== undefined, { message: 'quotedTitle needs before or yearAfter' })
      .optional(),
    /**
     * Russian: the matched word is an instrumental predicate of one of these verbs (lemmas) in its
     * clause, and what it is said of passes `of`: the verb's object in the accusative (назвали
     * решение позорным, считают закон позорным), or the subject in the nominative of a copula or a
     * verb without an object (эпоха была позорной, решение является позорным, признан позорным) —
     * the nearest noun or pronoun of the clause in that case that agrees with the word, wherever
     * it stands; a relative «который» stands for its antecedent. A word the dictionary does not
     * know found first is taken as the bearer, and fails a test of grammemes or lemmas
     * (`src/analysis/predicate-ru.ts`).
     */
    predicateOf: z.object({ verbs: z.array(nonEmpty).min(1), of: neighbourSchema }).strict().optional(),
  })
  .strict()
  .refine((x) => x.forms !== undefined || x.previous !== undefined || x.next !== undefined || x.sentence !== undefined || x.sentenceLacks !== undefined || x.title !== undefined || x.score !== undefined || x.word !== undefined || x.hashtags !== undefined || x.quotedTitle !== undefined || x.predicateOf !== undefined, {
    message: 'an exclusion needs forms, previous, next, sentence, sentenceLacks, title, score, word, hashtags, quotedTitle or predicateOf',
  });
export type Exclusion = z.infer<typeof exclusionSchema>;

/** One lexicon entry. Exactly what is matched is lemma + variants (by stem), forms, or pattern. */
export const entrySchema = z
  .object({
    /** Stable id: `<lexicon id>.<slug>`, slug in lower-case Latin letters, digits and hyphens. */
    id: nonEmpty,
    /** Dictionary form (word or phrase); matched through the language layer's stemmer. */
    lemma: nonEmpty.optional(),
    /** Other words or spellings of the same lexeme, matched by stem like the lemma. */
    variants: z.array(nonEmpty).optional(),
    /** Exact normalised surface forms (short words the stemmer would over-reach on). */
    forms: z.array(nonEmpty).optional(),
    pattern: patternSchema.optional(),
    /** Uses of the entry's words in another sense, never candidates. */
    exclusions: z.array(exclusionSchema).optional(),
    /**
     * Us/them only: the entry's forms that name the group as subject or in address (мы, we, биз,
     * братья). Beside a call alone such a form says who is to act, not whom the call is against.
     */
    subjectForms: z.array(nonEmpty).min(1).optional(),
    /**
     * Us/them only (Russian, by the dictionary): a 3rd-person pronoun that may point back to
     * things. Where the words before it in its sentence name plural things and no people, or a
     * bracket after it glosses it by a thing («Документы готовы, заберите их», «они (накладные)
     * подписаны»), it refers to those things and is no group (`pronoun-reference.ts`). English:
     * the same by the compromise tagger, also from the sentence before, and a pronoun that points
     * back to an ordinary group of people (the students) or a "we" that is the speaker's team,
     * family or firm is no group either (`language/antecedent-en.ts`).
     */
    anaphoric: z.boolean().optional(),
    /**
     * Call-to-action only: the form speaks to people and never to God (a 2nd plural imperative, a
     * modal of obligation): a formula asking God or a ritual word in its sentence makes it a prayer
     * or a ritual instruction only while its content is of no concern («Дай Бог здоровья, передайте
     * им привет», «Совершайте намаз вовремя»), never beside violence, a group, contempt or
     * expulsion («Иншааллах, бейте их», «После намаза бейте их всех»).
     */
    addressedToPeople: z.boolean().optional(),
    /**
     * Us/them only: a phrase that itself sets an in-group against an out-group with no hostile word
     * ("they are not like us", "back where they came from"). It is a feature like every us/them
     * finding, and the in-group and out-group pronouns of its sentence stand beside it as they stand
     * beside a call, violence or an evaluation (a pronoun that points back to things still does not).
     */
    contrast: z.boolean().optional(),
    language: z.enum(LEXICON_LANGUAGES),
    category: z.enum(LEXICON_CATEGORIES),
    subcategory: nonEmpty.optional(),
    /** Short English label, e.g. the group a designation names ("Uzbeks (ethnic group)"). */
    label: nonEmpty.optional(),
    /** Neutral sentence used as the finding's reason; a default is derived from the category. */
    reason: nonEmpty.optional(),
    /** What the examiner should weigh: ambiguity, homonyms, typical non-indicative uses. */
    note: nonEmpty,
    /** Ordinary (e.g. devotional or everyday) meaning, when the word has one. */
    mainstreamMeaning: nonEmpty.optional(),
    /** Id of a source in the file header. */
    source: nonEmpty,
    /** Where in the source: headword, page or paragraph. */
    locator: nonEmpty.optional(),
    /** Context markers only: what the marker signals. */
    marker: z.enum(MARKER_KINDS).optional(),
    /** Context markers only: where the marker stands relative to the match (default `before`). */
    position: z.enum(MARKER_POSITIONS).optional(),
    /** Banned organisations only: the decision that banned it. */
    legal: z
      .object({
        authority: nonEmpty,
        decision: nonEmpty,
        /** Date of the decision, `YYYY-MM-DD`. */
        date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
        /** Where the decision is published. */
        publishedIn: nonEmpty,
      })
      .strict()
      .optional(),
  })
  .strict();
export type LexiconEntry = z.infer<typeof entrySchema>;

/** A published reference work an entry cites. */
export const sourceSchema = z
  .object({
    id: z.string().regex(SLUG, 'source id: lower-case Latin letters, digits and hyphens'),
    citation: nonEmpty,
  })
  .strict();
export type LexiconSource = z.infer<typeof sourceSchema>;

/**
 * Call-to-action lexicons only: what makes a call's content of concern. A call of a `bare` form
 * (an everyday instruction, a devotional exhortation) whose sentence holds none of this — no
 * candidate of `categories`, no entry of `entries`, no word of `words` or `prefixes` — and that
 * is no prayer is a feature like a bare pronoun: it accompanies the nearest candidate of its
 * message or is withheld (listed, never lost).
 */
export const concernSchema = z
  .object({
    /** Why these, for the next maintainer. */
    note: nonEmpty,
    /** Call sub-categories that may be bare (appeal formulas always stand). */
    bare: z.array(z.enum(['imperative', 'hortative', 'obligation'])).min(1),
    /** Categories whose candidates in the call's sentence make it of concern (violence, a group …). */
    categories: z.array(z.enum(LEXICON_CATEGORIES).exclude(['context-markers', 'call-to-action'])).min(1),
    /** Entry ids of other categories that make it of concern (religious-legal terms, a group addressed). */
    entries: z.array(nonEmpty).optional(),
    /** Normalised word forms that make it of concern without a lexicon of their own (riot, by force). */
    words: z.array(nonEmpty).min(1).optional(),
    /** Normalised beginnings of such words, for languages that add endings (ky, kk, uz). */
    prefixes: z.array(nonEmpty).min(1).optional(),
    /**
     * A pronoun beside calls of this lexicon alone is their target only where a call is of concern
     * by this block (a candidate of `categories` or `entries`, a word of `words` or `prefixes`), in
     * any form, not only a `bare` one: the object of an ordinary instruction ("pick them up", "tell
     * us", "let them speak") sets no group against another. Without it any call gives a pronoun its target.
     */
    targetsOfConcernOnly: z.boolean().optional(),
    /** Id of a source in the file header. */
    source: nonEmpty,
  })
  .strict();
export type Concern = z.infer<typeof concernSchema>;

/** A lexicon file: header plus entries. */
export const lexiconFileSchema = z
  .object({
    /** `<language>.<category>`, e.g. `ru.violence`. */
    lexicon: nonEmpty,
    /** Semantic version of the file's content; cited in every finding. */
    version: z.string().regex(/^\d+\.\d+\.\d+$/, 'version: MAJOR.MINOR.PATCH'),
    language: z.enum(LEXICON_LANGUAGES),
    category: z.enum(LEXICON_CATEGORIES),
    description: nonEmpty,
    sources: z.array(sourceSchema).min(1),
    /** True when the lab must replace the shipped content with its own current list. */
    needsLabUpdate: z.boolean().optional(),
    /** How the lab maintains the file. */
    instructions: nonEmpty.optional(),
    /** Exclusions that hold for every entry of the file (a sense shared by all: «русский язык»). */
    exclusions: z.array(exclusionSchema).optional(),
    /** Call-to-action only: what makes a call more than a bare call (see {@link concernSchema}). */
    concern: concernSchema.optional(),
    entries: z.array(entrySchema),
  })
  .strict();
export type LexiconFile = z.infer<typeof lexiconFileSchema>;

/** Slug pattern of the last part of an entry id. */
export const ENTRY_SLUG = SLUG;
