// Russian sense, round 18 (issue 14, blind method, seventh pass): a word of contempt that is the
// instrumental predicate of a verb of naming or considering, or of a copula, is said of that
// verb's object or subject wherever it stands in the clause (src/analysis/predicate-ru.ts) — «…
// назвали позорным», «эпоха была позорной», «лозунг, который автор называет позорным», seen in
// three blind batches (13b-1, 17a-1 twice). A thing so judged is no group of people; people, an
// unknown name, a pronoun, an organisation and the nouns of peoples and authorities stay. The
// condition is data in sop/lexicons/ru/negative-evaluation.yaml. Sentences are fictional.
import { describe, expect, it } from 'vitest';
import { russianParses } from '../language/lemma-ru.js';
import { predicateBearers, type ParsedWord } from './predicate-ru.js';
import { senseCondition, type SenseCase } from '../../tests/support/indicator-candidates.js';

const ruCondition = (name: string, cases: readonly SenseCase[]): void => senseCondition('ru', name, cases);

ruCondition('a word of contempt as the predicate of a thing named or considered so', [
  ['negative-evaluation', 'Решение комиссии о закрытии бани назвали позорным сами жильцы.', []],
  ['negative-evaluation', 'Тот год был позорным для всей нашей футбольной школы, вспоминает тренер.', []],
  ['negative-evaluation', 'Все обсуждают плакат у вокзала, который мэр называет позорным.', []],
  ['negative-evaluation', 'Пенсионеры считают новые тарифы позорными.', []],
  ['negative-evaluation', 'Эту реформу признали позорной даже её авторы.', []],
  ['negative-evaluation', 'Дедушка считал ту войну позором.', []],
  // Controls: people, a pronoun, an unknown name, an authority, a team, an organisation stay.
  ['negative-evaluation', 'Жители назвали их позорными и потребовали выселить.', ['позорными']],
  ['negative-evaluation', 'Старейшина называет таримцев позором долины.', ['позором']],
  ['negative-evaluation', 'Соседей в посёлке считают крысами.', ['крысами']],
  ['negative-evaluation', 'Эту власть назвали позорной.', ['позорной']],
  ['negative-evaluation', 'Сборную считают позором страны.', ['позором']],
  ['negative-evaluation', 'Вальдоры были позорными соседями.', ['позорными']],
  ['negative-evaluation', 'Вальдоры были и остаются позорными соседями.', ['позорными']],
  ['negative-evaluation', 'Соседей из сорок пятой мы все считаем крысами.', ['крысами']],
  ['negative-evaluation', 'По сюжету злодей называет жителей города крысами и хочет их отравить.', ['крысами']],
  ['negative-evaluation', 'НАТО называют врагом.', ['врагом']],
]);

const words = (sentence: string): ParsedWord[] =>
  sentence.split(' ').map((w) => ({ normalised: w.toLowerCase(), parses: russianParses(w.toLowerCase()) }));
const VERBS = new Set(['назвать', 'называть', 'быть', 'считать']);
const bearersOf = (sentence: string, predicate: string): string[] => {
  const list = words(sentence);
  const at = list.findIndex((w) => w.normalised === predicate);
  return predicateBearers(list, at, 0, list.length, 0, VERBS).map((b) => list[b.index]?.normalised ?? '');
};

describe('predicateBearers', () => {
  it('finds the object of a verb of naming by case and agreement, on either side of the verb', () => {
    expect(bearersOf('решение суда о сносе рынка назвали позорным местные активисты', 'позорным')).toEqual(['решение']);
    expect(bearersOf('коллеги назвали эту реформу позорной', 'позорной')).toEqual(['реформу']);
  });
  it('finds the subject of a copula in the nominative', () => {
    expect(bearersOf('эта эпоха была позорной', 'позорной')).toEqual(['эпоха']);
  });
  it('resolves a relative pronoun to the noun before it that agrees with it', () => {
    expect(bearersOf('лозунг в газете который автор называет позорным', 'позорным')).toEqual(['лозунг', 'лозунг']);
  });
  it('keeps every word that may bear a noun predicate, a genitive that looks like an accusative too', () => {
    expect(bearersOf('злодей называет жителей города крысами', 'крысами')).toEqual(['жителей', 'города']);
  });
  it('gives a pronoun or a word the dictionary does not know as a bearer, and needs a verb of the list', () => {
    expect(bearersOf('жители назвали их позорными', 'позорными')).toEqual(['их']);
    expect(bearersOf('все называют вальдоров позорищем', 'позорищем')).toEqual(['вальдоров']);
    expect(bearersOf('он гордился позорным решением', 'позорным')).toEqual([]);
  });
  it('takes an antecedent of a plural relative’s animacy only', () => {
    expect(bearersOf('вальдоры из деревень которых все называют позорными', 'позорными')).toEqual(['вальдоры', 'которых']);
    expect(bearersOf('плакаты у входа которые все называют позорными', 'позорными')).toEqual(['плакаты', 'плакаты']);
  });
});

ruCondition('a plant disease named by its kind of rot', [
  ['negative-evaluation', 'Это вершинная гниль, кальция не хватает, подкормите и поливайте ровно.', []],
  ['negative-evaluation', 'У перцев корневая гниль, пересадите их в новый грунт.', []],
  // Control: rot said of people stays.
  ['negative-evaluation', 'Доргены — гниль, от них одни проблемы.', ['гниль']],
]);

describe('predicateBearers and a coordinated verb', () => {
  it('reads the bearers of the predicate’s own verb, not of a verb coordinated with «и», «а», «но»', () => {
    expect(bearersOf('коллеги назвали эту реформу позорной и обещали её оспорить', 'позорной')).toEqual(['реформу']);
    expect(bearersOf('жители собрались и назвали плакат позорным', 'позорным')).toEqual(['плакат']);
  });
});

ruCondition('mould and beasts said of a people; the fungus and the animals themselves', [
  ['negative-evaluation', 'Полотенца серые, в душе плесень.', []],
  ['negative-evaluation', 'Слушайте, кто знает, как вывести плесень со стены в ванной?', []],
  ['negative-evaluation', 'В лесу всё зверьё попряталось от мороза.', []],
  // Controls: a people so called.
  ['negative-evaluation', 'Вальдоры — это не народ, а плесень.', ['плесень']],
  ['negative-evaluation', 'Тарвены — зверьё, с ними по-человечески нельзя.', ['зверьё']],
]);
