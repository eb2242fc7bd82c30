/**
 * Whether an English "they / them / their" refers to things rather than people (issue 14, round
 * 6): «The old leaflets are useless, so burn them», «Your documents are ready; pick them up»,
 * «The shops raised their prices». English marks no animacy on the noun, so the plural nouns
 * before the pronoun are read with the compromise tagger (English only; callers gate by
 * language) and a noun names people when the tagger says so (Person, Actor), when it is
 * capitalised (Christians, Greyfordians), when it ends like a noun of agent or origin (-ers, -ors,
 * -ists, -ians, -ants, -ents, -ites, -ees, -ics, -ims, -men) or when it is one of the plural
 * nouns of people below. Conservative by design, as the Russian rule (`pronoun-reference.ts`):
 * one noun of people, a name or an earlier "they" in the stretch leaves the pronoun as it was.
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
]);

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
type Referents = 'things' | 'people' | 'none';

/** Answers per stretch of text: a chat repeats the same lines. Cleared past this size. */
const CACHE_LIMIT = 20_000;
const cache = new Map<string, Referents>();

/** Whether a tagged term names people (or may: a name, a capitalised plural, an agent noun). */
function namesPeople(term: TaggedTerm): boolean {
  const tags = term.tags ?? new Set<string>();
  const word = term.normal ?? '';
  if (PEOPLE_TAGS.some((t) => tags.has(t)) || PEOPLE_WORDS.has(word)) return true;
  if (!tags.has('Noun') || tags.has('Pronoun')) return false;
  return tags.has('ProperNoun') || (tags.has('Plural') && (PEOPLE_ENDING.test(word) || /^\p{Lu}/u.test(term.text ?? '')));
}

/** A plural common noun that names no people: documents, leaflets, shops, prices. */
const namesThings = (term: TaggedTerm): boolean => {
  const tags = term.tags ?? new Set<string>();
  return tags.has('Noun') && tags.has('Plural') && !tags.has('Pronoun') && !namesPeople(term);
};

/**
 * What the stretch names: people (a noun of people, a name, a quantifier standing for people, an
 * earlier "they"), else plural things, else nothing a plural pronoun could mean. An earlier
 * them / their passes its reading on (pull them out and burn them) unless `subject`: a "they"
 * after a thing is read as people (Burn them before they come back).
 */
function referentsIn(stretch: string, subject: boolean): Referents {
  const key = `${subject ? 's' : 'o'}${stretch}`;
  const known = cache.get(key);
  if (known !== undefined) return known;
  let answer: Referents = 'none';
  for (const sentence of nlp(stretch).document) {
    const terms = sentence as readonly TaggedTerm[];
    terms.forEach((term, k) => {
      const next = terms[k + 1];
      const standing = STANDING_QUANTIFIERS.has(term.normal ?? '') && next !== undefined && (next.tags?.has('Verb') === true || next.normal === 'who');
      const pronoun = THIRD_PLURAL.has(term.normal ?? '');
      if (standing || namesPeople(term) || (pronoun && (subject || term.normal === 'they'))) answer = 'people';
      else if (answer === 'none' && namesThings(term)) answer = 'things';
    });
  }
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

/**
 * Whether the 3rd-person plural pronoun at word `i` of `text` refers to things: the words before
 * it in its sentence name plural things and no people, or — when its sentence names neither
 * before it — the sentence before does («The leaflets are old. Burn them.»).
 */
export function englishPronounRefersToThings(text: string, words: readonly AntecedentWord[], i: number): boolean {
  const word = words[i];
  if (word === undefined || !THIRD_PLURAL.has(word.normalised)) return false;
  const start = sentenceStartOf(words, i);
  const subject = word.normalised === 'they';
  const own = start < i ? referentsIn(text.slice((words[start] as AntecedentWord).start, word.start), subject) : 'none';
  if (own !== 'none' || start === 0) return own === 'things';
  const previous = sentenceStartOf(words, start - 1);
  return referentsIn(text.slice((words[previous] as AntecedentWord).start, word.start), subject) === 'things';
}
