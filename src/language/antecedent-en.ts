/**
 * Whether an English us/them pronoun names no group set against another (issue 14, rounds 6–7):
 * a "they / them / their" that refers to things («The old leaflets are useless, so burn them»,
 * «The shops raised their prices») or to an ordinary group of people — the students, my
 * colleagues, the neighbours — that is no national, religious or ethnic group; a "we / us / our"
 * that is the speaker's ordinary group or institution (our team, my family, as a class).
 * English marks no animacy on the noun, so the plural nouns before the pronoun are read with the
 * compromise tagger (English only; callers gate by language) and a noun names people when the
 * tagger says so (Person, Actor), when it is capitalised (Christians, Greyfordians), when it ends
 * like a noun of agent or origin (-ers, -ors, -ists, -ians, -ants, -ents, -ites, -ees, -ics, -ims,
 * -men) or when it is one of the plural nouns of people below. Conservative by design, as the
 * Russian rule (`pronoun-reference.ts`): one noun of people outside the ordinary roles below, a
 * name or an earlier "they" not preceded by such a role leaves the pronoun as it was.
 */
import { tagEnglish as nlp } from './english-tagger.js';

/** A word token as the caller sees it: `[start, end)` in `text`, normalised form, sentence start. */
export interface AntecedentWord {
  readonly start: number;
  readonly end: number;
  readonly normalised: string;
  readonly sentenceInitial: boolean;
}

/** The 3rd-person plural forms this test answers for. */
const THIRD_PLURAL: ReadonlySet<string> = new Set(['they', 'them', 'their', 'theirs', 'themselves']);

/** Endings of nouns of agent, adherence or origin: villagers, oppressors, zionists, Muslims, tyrants, hypocrites, employees. */
const PEOPLE_ENDING = /(?:ers|ors|ists|ians|ans|ants|ents|ites|ees|ics|ims|men|folk|folks)$/u;

/** Plural nouns of people without such an ending (kinship, age, social and hostile roles). */
const PEOPLE_WORDS: ReadonlySet<string> = new Set([
  'people', 'persons', 'children', 'kids', 'boys', 'girls', 'babies', 'youths', 'adults', 'elders', 'parents', 'relatives', 'families', 'brothers', 'sisters', 'brethren',
  'sons', 'daughters', 'wives', 'husbands', 'friends', 'neighbours', 'neighbors', 'guests', 'colleagues', 'pupils', 'allies', 'enemies', 'foes', 'rebels', 'guerrillas',
  'infidels', 'kafirs', 'kuffar', 'mushriks', 'apostates', 'heretics', 'traitors', 'thieves', 'bandits', 'thugs', 'spies', 'troops', 'forces', 'police', 'crowds',
  'mobs', 'tribes', 'clans', 'gangs', 'idiots', 'fools', 'guys', 'staff', 'crew', 'team', 'teams', 'jihadis', 'mujahideen', 'militia', 'militias', 'army', 'armies',
  'nations', 'peoples', 'masses', 'others', 'everyone', 'everybody', 'somebody', 'someone', 'anyone',
  'kings', 'queens', 'princes', 'lords', 'scholars', 'imams', 'rabbis', 'priests', 'monks', 'nuns', 'sheikhs', 'shaykhs', 'prophets', 'companions', 'saints',
  'martyrs', 'jinn', 'devils', 'tyrants', 'oppressors', 'soldiers', 'fighters', 'settlers', 'invaders', 'occupiers',
]);

/**
 * Organisations, firms and institutions of everyday life (round 17, frame 1 of the brief): «The
 * council closed the library. They are useless», «The label dropped the album. I hate them for it»
 * — a "they" that stands for the body that acted, in a complaint about it, not an out-group. The
 * state, its police and armies, parties and movements are left out on purpose: a "they" of them
 * may set a people against its rulers.
 */
const ORGANISATIONS: readonly string[] = [
  'council', 'councils', 'company', 'companies', 'firm', 'label', 'school', 'hospital', 'clinic', 'surgery', 'airline', 'agency', 'management', 'hr',
  'department', 'office', 'orchestra', 'band', 'club', 'choir', 'committee', 'board', 'bank', 'banks', 'supermarket', 'shop', 'store', 'university',
  'college', 'union', 'charity', 'landlord', 'landlords', 'insurer', 'insurers', 'retailer', 'courier', 'publisher', 'venue', 'theatre', 'museum',
  'library', 'academy', 'nursery', 'pta', 'federation', 'league', 'organisers', 'organizers', 'promoters', 'referees',
];

/**
 * Heads of English club names written with a capital (City, United, Rovers, Town, Athletic …):
 * a "they" after «we hate City» or «Rovers were awful» is the club, a side of a game (round 18,
 * round 17's Not done: team names read as names of people). United before States, Nations,
 * Kingdom or Arab is a state.
 */
const CLUB_HEADS: ReadonlySet<string> = new Set(['city', 'united', 'town', 'rovers', 'rangers', 'athletic', 'wanderers', 'albion', 'county', 'villa', 'celtic', 'hotspur', 'spurs']);
const STATE_AFTER_UNITED: ReadonlySet<string> = new Set(['states', 'nations', 'kingdom', 'arab', 'provinces']);

/** Whether term `k` names a club by the capitalised head of its name (see {@link CLUB_HEADS}), at a sentence start too (Rovers were awful). */
const namesClub = (terms: readonly TaggedTerm[], k: number): boolean => {
  const term = terms[k] as TaggedTerm;
  const word = term.normal ?? '';
  return CLUB_HEADS.has(word) && /^\p{Lu}/u.test(term.text ?? '') && !(word === 'united' && STATE_AFTER_UNITED.has(terms[k + 1]?.normal ?? ''));
};

/**
 * Plural nouns (and collectives) of people in everyday roles — school, work, home, neighbourhood,
 * a shop, a game — that name no national, religious or ethnic group and no side in a conflict:
 * a "they" pointing back to them is the students or the neighbours, not an out-group.
 * Brothers, sisters and other words of a religious in-group are left out on purpose.
 */
const ORDINARY_PEOPLE: ReadonlySet<string> = new Set([
  'students', 'pupils', 'classmates', 'schoolmates', 'teachers', 'tutors', 'colleagues', 'coworkers', 'co-workers', 'teammates', 'neighbours', 'neighbors',
  'kids', 'children', 'parents', 'grandparents', 'grandchildren', 'grandkids', 'toddlers', 'babies', 'teenagers', 'teens', 'sons', 'daughters', 'siblings', 'twins',
  'cousins', 'nephews', 'nieces', 'aunts', 'uncles', 'relatives', 'husbands', 'wives', 'couples', 'roommates', 'flatmates', 'housemates', 'friends', 'guests',
  'customers', 'clients', 'shoppers', 'diners', 'patients', 'passengers', 'tenants', 'visitors', 'tourists', 'residents', 'villagers', 'participants', 'attendees',
  'employees', 'workers', 'staff', 'interns', 'trainees', 'applicants', 'volunteers', 'nurses', 'doctors', 'engineers', 'developers', 'managers', 'bosses',
  'landlords', 'farmers', 'builders', 'plumbers', 'cleaners', 'waiters', 'chefs', 'cooks', 'drivers', 'players', 'fans', 'runners', 'swimmers', 'musicians',
  'singers', 'actors', 'users', 'readers', 'viewers', 'subscribers', 'followers', 'boys', 'girls', 'team', 'teams', 'crew', 'class', 'family', 'families', 'supporters',
  // An organisation a "they" stands for (round 17): the council, the label, the airline … closed, dropped, cancelled.
  ...ORGANISATIONS,
]);

/**
 * What names the speaker's ordinary group or institution after "our" or "my" (our team, my
 * family, our office, my classmates): a "we / us / our" in its sentence is that group, not an
 * in-group set against another. Children, brothers, land, people, town are left out on purpose:
 * "they killed our children", "our brothers", "out of our land" keep their weight.
 */
const SPEAKER_GROUPS: ReadonlySet<string> = new Set([
  'team', 'teams', 'company', 'firm', 'office', 'department', 'class', 'classmates', 'school', 'college', 'university', 'family', 'household', 'club', 'choir',
  'band', 'crew', 'staff', 'committee', 'board', 'shop', 'store', 'business', 'restaurant', 'kitchen', 'cafe', 'startup', 'agency', 'project', 'lab', 'colleagues',
  'coworkers', 'co-workers', 'teammates', 'employees', 'customers', 'clients', 'guests', 'flat', 'apartment', 'landlord', 'neighbours', 'neighbors', 'roommates',
  // A household's own people, pets and things (our grandfather, our cat, our car, our garden shed).
  'parents', 'grandparents', 'grandfather', 'grandmother', 'great-grandfather', 'great-grandmother', 'grandad', 'granddad', 'grandpa', 'grandma', 'gran', 'nan',
  'mum', 'mom', 'dad', 'uncle', 'aunt', 'auntie', 'cousin', 'cousins', 'baby', 'twins', 'dog', 'dogs', 'cat', 'cats', 'puppy', 'kitten', 'pet', 'pets',
  'car', 'garden', 'shed', 'garage', 'cottage', 'holiday', 'wedding', 'honeymoon', 'flight', 'trip', 'teacher', 'doctor', 'vet', 'postman',
]);

/** Words that may stand between "our" and the group it owns (our new sales team, my whole family). */
const GROUP_MODIFIERS: ReadonlySet<string> = new Set(['own', 'whole', 'entire', 'new', 'old', 'little', 'small', 'big', 'local', 'sales', 'football', 'chess', 'school', 'project', 'support', 'dev', 'night', 'morning', 'extended', 'host', 'dear', 'lovely', 'great', 'late', 'garden', 'holiday', 'family']);

/**
 * Kin that words of a religious in-group share (brothers, sisters): they are a family's members
 * when counted or owned by one person (two brothers, her sisters, Grandma's brothers), and
 * stay people otherwise (our brothers, the brothers).
 */
const SHARED_KIN: ReadonlySet<string> = new Set(['brothers', 'sisters']);
/** Owners before shared kin that make them one family's members: one person's, never "our". */
const ONE_OWNER: ReadonlySet<string> = new Set(['my', 'his', 'her', 'your']);

/** Whether the term before shared kin counts them (two brothers) or names one owner (her, Grandma's). */
const countsOrOwnsOne = (before: TaggedTerm | undefined): boolean =>
  before !== undefined && (before.tags?.has('Cardinal') === true || ONE_OWNER.has(before.normal ?? '') || (before.tags?.has('Singular') === true && /['’]s$/u.test(before.text ?? '')));

/** Kin words written with a capital as a name of address (Grandma, Dad): one person, not a name of a people. */
const KIN_TITLES: ReadonlySet<string> = new Set(['grandma', 'grandpa', 'granny', 'grandad', 'granddad', 'gran', 'nan', 'nana', 'mum', 'mom', 'mother', 'dad', 'father', 'uncle', 'aunt', 'auntie']);

/** First-person plural forms this test answers for. */
const FIRST_PLURAL: ReadonlySet<string> = new Set(['we', 'us', 'our', 'ours', 'ourselves']);

/**
 * Words that make a sentence the telling of a story: a memoir, a chronicle, a film, a novel, its
 * plot and villain, or a century past (round 18: «Grandad's war memoir describes how they shot the
 * enemy as they crossed the river», the enemy of history essays and film reviews). A "they" there
 * is the story's people — its armies, characters, chroniclers — not an out-group of the speaker.
 */
const STORY_WORDS: ReadonlySet<string> = new Set([
  'memoir', 'memoirs', 'diary', 'diaries', 'chronicle', 'chronicles', 'chronicler', 'chroniclers', 'historian', 'historians', 'novel', 'novels', 'novella',
  'film', 'films', 'movie', 'movies', 'chapter', 'chapters', 'scene', 'scenes', 'plot', 'sequel', 'prequel', 'episode', 'episodes', 'villain', 'villains',
  'protagonist', 'protagonists', 'narrator', 'trilogy', 'documentary', 'biography', 'autobiography', 'spoilers', 'century', 'centuries', 'medieval', 'archives',
]);

/** The speaker's and the addressee's pronouns: a story told with them («they burned our village») is the speaker's own. */
const SPEAKER_OR_ADDRESSEE: ReadonlySet<string> = new Set(['we', 'us', 'our', 'ours', 'ourselves', 'you', 'your', 'yours', 'yourselves', "let's", 'lets']);

/** Quotation marks: a pronoun after an odd number of them in its sentence stands inside a quotation. */
const QUOTE_MARKS = /["“”«»„]/gu;

/**
 * Whether words `[from, to)` tell a story (one of {@link STORY_WORDS}) with no we, us or you, and
 * the pronoun at offset `at` stands outside quotation marks: the words a film or a book quotes
 * ("kill them all" appears twice in the film) are read as before.
 */
function toldInAStory(text: string, words: readonly AntecedentWord[], from: number, to: number, at: number): boolean {
  let story = false;
  for (let k = from; k < to; k++) {
    const word = (words[k] as AntecedentWord).normalised;
    if (SPEAKER_OR_ADDRESSEE.has(word)) return false;
    if (STORY_WORDS.has(word)) story = true;
  }
  if (!story) return false;
  const before = text.slice((words[from] as AntecedentWord).start, at).match(QUOTE_MARKS);
  return (before?.length ?? 0) % 2 === 0;
}

/** Quantifiers and demonstratives that stand for people when a verb or "who" follows (many will look, those who). */
const STANDING_QUANTIFIERS: ReadonlySet<string> = new Set(['all', 'those', 'these', 'both', 'many', 'few', 'some', 'most', 'several']);

/** Tags that make a term a noun of people or a name. */
const PEOPLE_TAGS = ['Person', 'Actor', 'FirstName', 'LastName', 'Honorific'];

/** What this module reads of a compromise term after `compute('offset')`. */
interface TaggedTerm {
  readonly text?: string;
  readonly normal?: string;
  readonly tags?: ReadonlySet<string>;
}

/** What a stretch of text names that a plural pronoun could point back to. */
type Referents = 'things' | 'ordinary' | 'people' | 'pronoun' | 'none';

/** Possessive determiners the tagger marks as nouns of people (my/Actor): they name nobody. */
const POSSESSIVE_DETERMINERS: ReadonlySet<string> = new Set(['my', 'our', 'your', 'his', 'her', 'its']);

/** Answers per stretch of text: a chat repeats the same lines. Cleared past this size. */
const CACHE_LIMIT = 20_000;
const cache = new Map<string, Referents>();

/** Whether a tagged term names people (or may: a name, a capitalised plural, an agent noun). */
function namesPeople(term: TaggedTerm): boolean {
  const tags = term.tags ?? new Set<string>();
  const word = term.normal ?? '';
  if (PEOPLE_TAGS.some((t) => tags.has(t)) || PEOPLE_WORDS.has(word)) return true;
  // A month or a weekday (in March, on Friday) is a proper noun that names nobody (round 17).
  if (!tags.has('Noun') || tags.has('Pronoun') || tags.has('Date')) return false;
  return tags.has('ProperNoun') || (tags.has('Plural') && (PEOPLE_ENDING.test(word) || /^\p{Lu}/u.test(term.text ?? '')));
}

/** A plural common noun that names no people: documents, leaflets, shops, prices. */
const namesThings = (term: TaggedTerm): boolean => {
  const tags = term.tags ?? new Set<string>();
  return tags.has('Noun') && tags.has('Plural') && !tags.has('Pronoun') && !namesPeople(term);
};

/**
 * What the stretch names: people (a noun of people outside the ordinary roles, a name, a
 * quantifier standing for people, an earlier "they" with no ordinary role before it), else an
 * ordinary group of people (the students, my colleagues), else plural things, else nothing a
 * plural pronoun could mean. A singular noun of a person (the teacher) is no antecedent of a
 * plural pronoun beside an ordinary group; alone it keeps the pronoun as it was. An earlier
 * them / their passes its reading on (pull them out and burn them) unless `subject`: a "they"
 * after a thing is read as people (Burn them before they come back).
 */
/** The key of a stretch's answer in the cache: a "they" (subject) reads an earlier pronoun otherwise than "them". */
const referentsKey = (stretch: string, subject: boolean): string => `${subject ? 's' : 'o'}${stretch}`;

function referentsIn(stretch: string, subject: boolean): Referents {
  const key = referentsKey(stretch, subject);
  const known = cache.get(key);
  if (known !== undefined) return known;
  let people = false;
  let pronounPeople = false;
  let ordinary = false;
  let person = false;
  let things = false;
  for (const sentence of nlp(stretch).document) {
    const terms = sentence as readonly TaggedTerm[];
    terms.forEach((term, k) => {
      const word = term.normal ?? '';
      const next = terms[k + 1];
      const standing = STANDING_QUANTIFIERS.has(word) && next !== undefined && (next.tags?.has('Verb') === true || next.normal === 'who');
      // Their fans, their kids: the noun after a possessive names whom it means (round 18: «Their supporters are scum, they spat …»).
      const pronoun = THIRD_PLURAL.has(word) && !(word === 'their' && ORDINARY_PEOPLE.has(next?.normal ?? ''));
      if (POSSESSIVE_DETERMINERS.has(word)) return;
      if (ORDINARY_PEOPLE.has(word) || (SHARED_KIN.has(word) && countsOrOwnsOne(terms[k - 1])) || namesClub(terms, k)) ordinary = true;
      else if (pronoun && (subject || word === 'they') && !ordinary) pronounPeople = true;
      else if (standing) people = true;
      else if (namesPeople(term)) {
        if (term.tags?.has('Singular') === true && !term.tags.has('ProperNoun') && (!/^\p{Lu}/u.test(term.text ?? '') || KIN_TITLES.has(word))) person = true;
        else people = true;
      } else if (namesThings(term)) things = true;
    });
  }
  const answer: Referents = people ? 'people' : pronounPeople ? 'pronoun' : ordinary ? 'ordinary' : person ? 'people' : things ? 'things' : 'none';
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, answer);
  return answer;
}

/** Index of the first word of the sentence that holds word `i`. */
function sentenceStartOf(words: readonly AntecedentWord[], i: number): number {
  let k = i;
  while (k > 0 && !(words[k] as AntecedentWord).sentenceInitial) k--;
  return k;
}

/** Index of the word after the last word of the sentence that holds word `i`. */
function sentenceEndOf(words: readonly AntecedentWord[], i: number): number {
  let k = i + 1;
  while (k < words.length && !(words[k] as AntecedentWord).sentenceInitial) k++;
  return k;
}

/**
 * Whether words `[from, to)` name the speaker's ordinary group: "our" or "my" before a group of
 * {@link SPEAKER_GROUPS} (past up to two modifiers), or "as a team / family / class". "We at" a
 * name is left out: the name may be an organisation of concern as well as a bakery.
 */
function namesSpeakerGroup(text: string, words: readonly AntecedentWord[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const word = (words[k] as AntecedentWord).normalised;
    const next = words[k + 1];
    if (word === 'our' || word === 'my') {
      for (let j = k + 1; j < Math.min(to, k + 4); j++) {
        const ownedWord = words[j] as AntecedentWord;
        // our grandmother's brother: the household member owns what follows (the apostrophe is not in the normalised form).
        const owned = /['’ʼ]s$/u.test(text.slice(ownedWord.start, ownedWord.end)) ? ownedWord.normalised.slice(0, -1) : ownedWord.normalised;
        if (SPEAKER_GROUPS.has(owned)) return true;
        if (!GROUP_MODIFIERS.has(owned)) break;
      }
    } else if (word === 'as' && (next?.normalised === 'a' || next?.normalised === 'an') && k + 2 < to && SPEAKER_GROUPS.has((words[k + 2] as AntecedentWord).normalised)) return true;
  }
  return false;
}

/** Who reads what a stretch names: {@link referentsIn}, or a planner that answers only from the cache (undefined: not known yet). */
type ReferentsOf = (stretch: string, subject: boolean) => Referents | undefined;

/**
 * Whether the us/them pronoun at word `i` of `text` names no group set against another:
 * - a 3rd-person plural whose words before it in its sentence name plural things or an ordinary
 *   group of people and no other people, or — when its sentence names neither before it — whose
 *   sentence before does, or the one before that («The leaflets are old. Burn them.», «The
 *   students were late, so keep them after class»);
 * - a 3rd-person plural of a story told in a memoir, a film or a chronicle with no we or you in its
 *   sentence, outside quotation marks ({@link toldInAStory});
 * - a 1st-person plural whose sentence, or the sentence before, names the speaker's ordinary group
 *   («Our team must finish the report; we start at nine», «As a family, we must stick together»).
 */
export function englishPronounNamesNoGroup(text: string, words: readonly AntecedentWord[], i: number): boolean {
  return pronounAnswered(text, words, i, referentsIn) === true;
}

/**
 * The stretches {@link englishPronounNamesNoGroup} will give the tagger first for the 3rd-person
 * plurals among `words`, not answered yet: each pronoun read as far as the cached answers go (the
 * sentences before, up to two, are asked only while the nearer ones name nothing). A caller may tag
 * them in one batch before it asks (english-tagger.ts, prepareEnglish); a stretch asked that was
 * not named is tagged alone. Naming changes no answer: the planner tags nothing and caches nothing.
 */
export function englishReferentStretches(text: string, words: readonly AntecedentWord[]): string[] {
  const stretches: string[] = [];
  const planner: ReferentsOf = (stretch, subject) => {
    const known = cache.get(referentsKey(stretch, subject));
    if (known === undefined) stretches.push(stretch);
    return known;
  };
  words.forEach((word, i) => {
    if (THIRD_PLURAL.has(word.normalised)) pronounAnswered(text, words, i, planner);
  });
  return stretches;
}

/** {@link englishPronounNamesNoGroup} with the stretches read by `referents`; undefined when it does not know one. */
function pronounAnswered(text: string, words: readonly AntecedentWord[], i: number, referents: ReferentsOf): boolean | undefined {
  const word = words[i];
  if (word === undefined) return false;
  const start = sentenceStartOf(words, i);
  if (FIRST_PLURAL.has(word.normalised)) {
    const from = start === 0 ? 0 : sentenceStartOf(words, start - 1);
    return namesSpeakerGroup(text, words, from, sentenceEndOf(words, i));
  }
  if (!THIRD_PLURAL.has(word.normalised)) return false;
  if (toldInAStory(text, words, start, sentenceEndOf(words, i), word.start)) return true;
  const subject = word.normalised === 'they';
  const own = start < i ? referents(text.slice((words[start] as AntecedentWord).start, word.start), subject) : 'none';
  if (own === undefined) return undefined;
  if ((own !== 'none' && own !== 'pronoun') || start === 0) return own === 'things' || own === 'ordinary';
  // Back one sentence, then two (round 17: «The band played for three hours. The crowd went wild.
  // They absolutely killed it»; «The council closed the library. They are useless and I hate
  // them»: an earlier "they" of the sentence is read with what it points back to): the nearest
  // sentences that name anything decide.
  let from = start;
  for (let back = 0; back < 2 && from > 0; back++) {
    from = sentenceStartOf(words, from - 1);
    const before = referents(text.slice((words[from] as AntecedentWord).start, word.start), subject);
    if (before === undefined) return undefined;
    if (before !== 'none' && before !== 'pronoun') return before === 'things' || before === 'ordinary';
  }
  return false;
}
