/**
 * Whether a Russian 3rd-person pronoun refers to things rather than people (issue 14, round 5):
 * «Ваши документы готовы, заберите их», «они (накладные) подписаны». An us/them entry marked
 * `anaphoric` asks for this test; it reads the dictionary (animacy, number, case), so it answers
 * only for words the Russian dictionary knows.
 */
import type { RussianParse } from '../language/lemma-ru.js';
import type { PreparedToken } from './matcher.js';

const has = (p: RussianParse, ...grammemes: string[]): boolean => grammemes.every((g) => p.grammemes.includes(g));
const nominativeOrAccusative = (p: RussianParse): boolean => has(p, 'nomn') || has(p, 'accs');

/**
 * Whether a word may name people an anaphoric «они/их» points back to: a word the dictionary
 * reads only as a noun, animate (not уже, also a snake), or a plural adjective standing for a noun
 * (Наши пришли, неверные) — one not followed by a noun.
 */
function namesPeople(token: PreparedToken, next: PreparedToken | undefined): boolean {
  const parses = token.parses.filter((p) => !has(p, 'Abbr'));
  if (parses.length > 0 && parses.every((p) => p.pos === 'NOUN') && parses.some((p) => has(p, 'anim'))) return true;
  return parses.some((p) => (p.pos === 'ADJF' || p.pos === 'PRTF') && has(p, 'plur') && nominativeOrAccusative(p) && !(next?.parses.some((n) => n.pos === 'NOUN') ?? false));
}

const thirdPlural = (token: PreparedToken): boolean => token.parses.some((p) => p.pos === 'NPRO' && has(p, '3per', 'plur'));

/**
 * A plural noun that the dictionary reads only as a noun, never animate: documents, prices,
 * records (not с, a preposition and an abbreviation; not дома, also an adverb). In the nominative
 * or accusative only, unless `anyCase`.
 */
function namesThings(token: PreparedToken, anyCase = false): boolean {
  const parses = token.parses.filter((p) => !has(p, 'Abbr'));
  return parses.length > 0 && parses.every((p) => p.pos === 'NOUN' && !has(p, 'anim')) && parses.some((p) => has(p, 'plur') && (anyCase || nominativeOrAccusative(p)));
}

const nounReading = (token: PreparedToken | undefined): boolean => token?.parses.some((p) => p.pos === 'NOUN') ?? false;

/**
 * «их» as a possessive: right before a noun, or an adjective and a noun («и их решению», «их
 * полным однофамильцам»), not the object of a verb («где их встретите», «их нужно удалить»).
 */
function possessiveIh(text: string, tokens: readonly PreparedToken[], i: number): boolean {
  const token = tokens[i] as PreparedToken;
  const next = tokens[i + 1];
  if (token.normalised !== 'их' || next === undefined || !/^[ \t\u00a0]+$/u.test(text.slice(token.end, next.start))) return false;
  if (next.parses.some((p) => p.pos === 'VERB' || p.pos === 'INFN' || p.pos === 'PRED')) return false;
  return nounReading(next) || (next.parses.some((p) => p.pos === 'ADJF') && nounReading(tokens[i + 2]));
}

/**
 * The owner of a possessive «их» is the nearest plural before it in its sentence, in any case — a
 * singular noun cannot be it (Классный руководитель напомнил об экзаменах и их расписании):
 * things («по проблемам и их решению») or people («чужакам за их преступления»); another «они»
 * passes its own reading on. No plural before it leaves the pronoun as it was.
 */
function possessiveOwnerIsThing(text: string, tokens: readonly PreparedToken[], i: number): boolean {
  for (let k = i - 1; k >= 0; k--) {
    const token = tokens[k] as PreparedToken;
    if (thirdPlural(token)) return refersToThings(text, tokens, k);
    if (namesPeople(token, tokens[k + 1]) && token.parses.some((p) => has(p, 'plur'))) return false;
    if (namesThings(token, true)) return true;
    if (token.sentenceInitial) return false;
  }
  return false;
}

/**
 * Whether the words before token `i` in its sentence name plural things and no people: the
 * antecedent of a 3rd-person pronoun is then a thing (across a sentence break the group may be
 * named by a thing: «Серые плащи пришли. Гоните их!»). Conservative by design:
 * one animate word, a name or an «они» that is no thing in that stretch leaves the pronoun as it was.
 */
function antecedentIsThing(text: string, tokens: readonly PreparedToken[], i: number): boolean {
  let from = i;
  while (from > 0 && !(tokens[from] as PreparedToken).sentenceInitial) from--;
  let things = false;
  for (let k = from; k < i; k++) {
    const token = tokens[k] as PreparedToken;
    // Another «они» before it passes its own reading on: «Они (накладные) подписаны, отправьте их».
    if (thirdPlural(token)) {
      if (!refersToThings(text, tokens, k)) return false;
      things = true;
    } else if (namesPeople(token, tokens[k + 1])) return false;
    if (namesThings(token)) things = true;
  }
  return things;
}

const OPENS_GLOSS = /^[ \t\u00a0]*\($/u;

/** A pronoun glossed in brackets right after it by what it means: «они (документы) готовы». */
function glossedAsThing(text: string, tokens: readonly PreparedToken[], i: number): boolean {
  const token = tokens[i] as PreparedToken;
  const next = tokens[i + 1];
  return next !== undefined && OPENS_GLOSS.test(text.slice(token.end, next.start)) && namesThings(next);
}

/**
 * Whether the pronoun at token `i` of `text` refers to things: glossed by a thing; a possessive
 * «их» whose nearest plural is a thing; any other after things and no people in its sentence.
 */
export function refersToThings(text: string, tokens: readonly PreparedToken[], i: number): boolean {
  const token = tokens[i];
  if (token === undefined || token.parses.length === 0) return false;
  return glossedAsThing(text, tokens, i) || (possessiveIh(text, tokens, i) ? possessiveOwnerIsThing(text, tokens, i) : antecedentIsThing(text, tokens, i));
}

/**
 * Whether the in-group possessive at token `i` heads a noun of people (наши ребята, наших
 * девочек, наши славные выпускники: a noun the dictionary reads only as a noun, animate, perhaps
 * after one adjective): the speaker's own people named, as a subject names them — not a group set
 * against another by itself.
 */
export function possessiveOfPeople(tokens: readonly PreparedToken[], i: number): boolean {
  const token = tokens[i];
  if (token === undefined || !token.parses.some((p) => p.pos === 'ADJF' && has(p, 'Apro'))) return false;
  for (let k = i + 1; k <= i + 2; k++) {
    const next = tokens[k];
    if (next === undefined || next.sentenceInitial) return false;
    if (personNoun(next)) return true;
    if (!next.parses.some((p) => p.pos === 'ADJF')) return false;
  }
  return false;
}

/**
 * A noun of people: every reading a noun, one animate — past abbreviations and the possessive
 * adjectives of surnames the dictionary also reads there (стариков: of старик, and Стариков's).
 */
function personNoun(token: PreparedToken): boolean {
  const parses = token.parses.filter((p) => !has(p, 'Abbr') && !has(p, 'Poss'));
  return parses.length > 0 && parses.every((p) => p.pos === 'NOUN') && parses.some((p) => has(p, 'anim'));
}

/**
 * Whether the 3rd-person pronoun at token `i` points back to the speaker's own people: the
 * nearest plural noun of people before it in its sentence follows «наш» («Навестите наших
 * стариков, они давно ждут»). They are the in-group, not another group: beside a call alone the
 * subject «они» says who is meant, and the object of a call for revenge («отомстите за них»)
 * stays a victim.
 */
export function refersToOwnPeople(tokens: readonly PreparedToken[], i: number): boolean {
  if (!thirdPlural(tokens[i] as PreparedToken)) return false;
  for (let k = i - 1; k >= 0; k--) {
    const token = tokens[k] as PreparedToken;
    if (personNoun(token) && token.parses.some((p) => has(p, 'plur'))) return [k - 1, k - 2].some((j) => j >= 0 && (tokens[j] as PreparedToken).parses.some((p) => p.lemma === 'наш') && possessiveOfPeople(tokens, j));
    if (token.sentenceInitial) return false;
  }
  return false;
}
