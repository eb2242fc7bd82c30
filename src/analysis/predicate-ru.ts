/**
 * What a Russian predicate word is said of (issue 14, round 18): «Решение суда назвали позорным
 * местные активисты», «Эта эпоха была позорной», «лозунг, который автор называет позорным». An
 * evaluation in the instrumental after a verb of naming or considering (назвать, считать,
 * признать) is said of that verb's object, in the accusative; after a copula or a verb without an
 * object (быть, являться, считаться, признан) of its subject, in the nominative. Either may stand
 * far from the word, on either side of the verb, so the neighbour tests cannot reach it; the
 * dictionary's readings can: a bearer is a noun or pronoun of the word's clause in that case which
 * agrees with the word (number, and gender in the singular, for an adjective), the verb being the
 * nearest of the list. A relative «который» stands for the noun before it that agrees with it. A
 * word the dictionary does not know counts as a possible bearer, so an invented people's name is
 * never passed over for a thing beside it.
 */
import type { RussianParse } from '../language/lemma-ru.js';

/** The word-level view of a token this reading needs (the matcher's prepared token has it). */
export interface ParsedWord {
  readonly normalised: string;
  readonly parses: readonly RussianParse[];
}

const PREDICATE_POS: ReadonlySet<string> = new Set(['ADJF', 'PRTF', 'NOUN']);
const BEARER_POS: ReadonlySet<string> = new Set(['NOUN', 'NPRO']);
const VERB_POS: ReadonlySet<string> = new Set(['VERB', 'INFN', 'PRTS', 'GRND']);
const RELATIVE = 'который';
/** A function word is never a bearer, though the dictionary also reads some as abbreviated nouns (и, о, в). */
const FUNCTION_WORD_POS: ReadonlySet<string> = new Set(['PREP', 'CONJ', 'PRCL']);
/** Letters of a word: an unknown token that is no word (a number, a sign) is never a bearer. */
const LETTERS = /^\p{L}[\p{L}-]*$/u;

function has(p: RussianParse, grammeme: string): boolean {
  return p.grammemes.includes(grammeme);
}

/** The word's readings in the instrumental that can be a predicate (an adjective, a participle or a noun). */
function predicateReadings(word: ParsedWord): RussianParse[] {
  const readings: RussianParse[] = [];
  for (const p of word.parses) if (PREDICATE_POS.has(p.pos) && has(p, 'ablt')) readings.push(p);
  return readings;
}

/** The case of the verb's bearer: the object of a transitive verb in the active voice, else the subject. */
function bearerCase(verb: ParsedWord, verbs: ReadonlySet<string>): string | undefined {
  for (const p of verb.parses) {
    if (!VERB_POS.has(p.pos) || !verbs.has(p.lemma)) continue;
    return has(p, 'tran') && p.pos !== 'PRTS' ? 'accs' : 'nomn';
  }
  return undefined;
}

/** Whether an adjectival reading agrees with a noun's reading in number and, in the singular, gender. */
function agreesInNumberAndGender(adjective: RussianParse, noun: RussianParse): boolean {
  if (has(adjective, 'plur')) return has(noun, 'plur');
  if (!has(adjective, 'sing') || !has(noun, 'sing')) return false;
  for (const gender of ['masc', 'femn', 'neut']) if (has(adjective, gender)) return has(noun, gender) || has(noun, 'ms-f');
  return true;
}

/**
 * The word's readings that can bear a predicate: nouns and pronouns (or, `relative`, the relative
 * «который»), none abbreviated; none at all for a function word or a word that can be a verb
 * (были is also the plural of быль, стали of сталь: the copula itself, never its subject).
 */
function bearerReadings(word: ParsedWord, relative: boolean): RussianParse[] {
  const readings: RussianParse[] = [];
  for (const p of word.parses) {
    if (FUNCTION_WORD_POS.has(p.pos) || VERB_POS.has(p.pos)) return [];
    if (relative ? p.lemma === RELATIVE : BEARER_POS.has(p.pos) && !has(p, 'Abbr')) readings.push(p);
  }
  return readings;
}

/** The word's readings in `wanted` case that agree with one of the predicate readings (a noun predicate needs no agreement). */
function fittingReadings(word: ParsedWord, wanted: string, predicate: readonly RussianParse[], relative: boolean): RussianParse[] {
  const fitting: RussianParse[] = [];
  for (const p of bearerReadings(word, relative)) {
    if (!has(p, wanted)) continue;
    for (const q of predicate) {
      if (q.pos === 'NOUN' || agreesInNumberAndGender(q, p)) {
        fitting.push(p);
        break;
      }
    }
  }
  return fitting;
}

/** Whether a plural accusative relative (которых people, которые things) and a noun agree in animacy: a reading without it agrees with both. */
function sameAnimacy(relative: RussianParse, noun: RussianParse): boolean {
  if (has(relative, 'anim')) return !has(noun, 'inan');
  if (has(relative, 'inan')) return !has(noun, 'anim');
  return true;
}

/** Whether `word` is a possessive его, её, их (an indeclinable pronoun adjective) before a noun: «её авторы», not «назвал её». */
function possessiveBefore(word: ParsedWord, next: ParsedWord | undefined): boolean {
  if (next === undefined || !word.parses.some((p) => p.pos === 'ADJF' && has(p, 'Apro') && has(p, 'Fixd'))) return false;
  return next.parses.some((p) => p.pos === 'NOUN');
}

const COORDINATORS: ReadonlySet<string> = new Set(['и', 'а', 'но']);

/** Whether `word` can be a verb form (a finite verb, an infinitive, a short participle, a gerund). */
function verbLike(word: ParsedWord | undefined): boolean {
  return word !== undefined && word.parses.some((p) => VERB_POS.has(p.pos));
}

/**
 * The part of the clause that is the predicate's own predication: cut where «и», «а» or «но» opens
 * another verb (назвали эту реформу позорной | и обещали её оспорить — «её» is that verb's).
 */
function ownPredication(words: readonly ParsedWord[], at: number, clauseFrom: number, clauseTo: number): [number, number] {
  let from = clauseFrom;
  let to = clauseTo;
  for (let k = clauseFrom; k < clauseTo - 1; k++) {
    if (!COORDINATORS.has((words[k] as ParsedWord).normalised) || !verbLike(words[k + 1])) continue;
    if (k > at) {
      to = k;
      break;
    }
    from = k + 1;
  }
  return [from, to];
}

/** A word a predicate may be said of, with the readings by which it may (none for a word the dictionary does not know). */
export interface Bearer {
  readonly index: number;
  readonly readings: readonly RussianParse[];
}

/** The noun before `at` (from `from` on) that agrees with the relative readings there: its antecedent, with its agreeing readings. */
function antecedentOf(words: readonly ParsedWord[], at: number, from: number, relative: readonly RussianParse[]): Bearer | undefined {
  for (let k = at - 1; k >= from; k--) {
    const readings: RussianParse[] = [];
    for (const p of bearerReadings(words[k] as ParsedWord, false)) {
      if (p.pos !== 'NOUN') continue;
      for (const r of relative) {
        if (agreesInNumberAndGender(r, p) && sameAnimacy(r, p)) {
          readings.push(p);
          break;
        }
      }
    }
    if (readings.length > 0) return { index: k, readings };
  }
  return undefined;
}

/**
 * Every word of the clause `[clauseFrom, clauseTo)` the predicate at `at` may be said of, with the
 * readings by which it may; empty when `at` is no instrumental predicate of one of `verbs`
 * (lemmas) there. The case and agreement leave more than one word where a noun in the genitive
 * looks like an accusative («называет жителей города крысами»): an exclusion then needs every one
 * of them to pass. A relative pronoun stands for its antecedent, looked for from `sentenceFrom` on
 * (none found: the pronoun, without readings); a word the dictionary does not know is a possible
 * bearer without readings, so a test of readings fails and nothing is excluded on a guess. Read
 * only when an exclusion asks, for a match: never per token.
 */
export function predicateBearers(words: readonly ParsedWord[], at: number, clauseFrom: number, clauseTo: number, sentenceFrom: number, verbs: ReadonlySet<string>): Bearer[] {
  const predicate = predicateReadings(words[at] as ParsedWord);
  if (predicate.length === 0) return [];
  let wanted: string | undefined;
  for (let d = 1; wanted === undefined && (at - d >= clauseFrom || at + d < clauseTo); d++) {
    if (at - d >= clauseFrom) wanted = bearerCase(words[at - d] as ParsedWord, verbs);
    if (wanted === undefined && at + d < clauseTo) wanted = bearerCase(words[at + d] as ParsedWord, verbs);
  }
  if (wanted === undefined) return [];
  const [from, to] = ownPredication(words, at, clauseFrom, clauseTo);
  const bearers: Bearer[] = [];
  for (let k = from; k < to; k++) {
    if (k === at) continue;
    const word = words[k] as ParsedWord;
    if (word.parses.length === 0) {
      if (LETTERS.test(word.normalised)) bearers.push({ index: k, readings: [] });
      continue;
    }
    if (possessiveBefore(word, words[k + 1])) continue;
    const readings = fittingReadings(word, wanted, predicate, false);
    if (readings.length > 0) {
      bearers.push({ index: k, readings });
      continue;
    }
    const relative = fittingReadings(word, wanted, predicate, true);
    if (relative.length > 0) bearers.push(antecedentOf(words, k, sentenceFrom, relative) ?? { index: k, readings: [] });
  }
  return bearers;
}
