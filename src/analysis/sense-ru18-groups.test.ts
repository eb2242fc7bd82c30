// Russian sense, round 18 (issue 14, blind method, seventh pass): a word of contempt that is the
// instrumental predicate of a verb of naming or considering, or of a copula, is said of that
// verb's object or subject wherever it stands in the clause (src/analysis/predicate-ru.ts) — «…
// назвали позорным», «эпоха была позорной», «лозунг, который автор называет позорным», seen in
// three blind batches (13b-1, 17a-1 twice). A thing so judged is no group of people; people, an
// unknown name, a pronoun, an organisation and the nouns of peoples and authorities stay. The
// condition is data in sop/lexicons/ru/negative-evaluation.yaml. Sentences are fictional.
import { describe, expect, it } from 'vitest';
import { russianParses } from '../language/lemma-ru.js';
import { predicateBearer, type ParsedWord } from './predicate-ru.js';
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
  ['negative-evaluation', 'НАТО называют врагом.', ['врагом']],
]);

const words = (sentence: string): ParsedWord[] =>
  sentence.split(' ').map((w) => ({ normalised: w.toLowerCase(), parses: russianParses(w.toLowerCase()) }));
const VERBS = new Set(['назвать', 'называть', 'быть', 'считать']);
const bearerOf = (sentence: string, predicate: string): string | undefined => {
  const list = words(sentence);
  const at = list.findIndex((w) => w.normalised === predicate);
  const bearer = predicateBearer(list, at, 0, list.length, 0, VERBS);
  return bearer === undefined ? undefined : list[bearer.index]?.normalised;
};

describe('predicateBearer', () => {
  it('finds the object of a verb of naming by case and agreement, on either side of the verb', () => {
    expect(bearerOf('решение суда о сносе рынка назвали позорным местные активисты', 'позорным')).toBe('решение');
    expect(bearerOf('коллеги назвали эту реформу позорной', 'позорной')).toBe('реформу');
  });
  it('finds the subject of a copula in the nominative', () => {
    expect(bearerOf('эта эпоха была позорной', 'позорной')).toBe('эпоха');
  });
  it('resolves a relative pronoun to the noun before it that agrees with it', () => {
    expect(bearerOf('лозунг в газете который автор называет позорным', 'позорным')).toBe('лозунг');
  });
  it('stops at a pronoun or a word the dictionary does not know, and needs a verb of the list', () => {
    expect(bearerOf('жители назвали их позорными', 'позорными')).toBe('их');
    expect(bearerOf('все называют вальдоров позорищем', 'позорищем')).toBe('вальдоров');
    expect(bearerOf('он гордился позорным решением', 'позорным')).toBeUndefined();
  });
});

describe('predicateBearer and a plural relative', () => {
  it('takes an antecedent of the relative’s animacy only', () => {
    expect(bearerOf('вальдоры из деревень которых все называют позорными', 'позорными')).toBeUndefined();
    expect(bearerOf('плакаты у входа которые все называют позорными', 'позорными')).toBe('плакаты');
  });
});

ruCondition('a plant disease named by its kind of rot', [
  ['negative-evaluation', 'Это вершинная гниль, кальция не хватает, подкормите и поливайте ровно.', []],
  ['negative-evaluation', 'У перцев корневая гниль, пересадите их в новый грунт.', []],
  // Control: rot said of people stays.
  ['negative-evaluation', 'Доргены — гниль, от них одни проблемы.', ['гниль']],
]);
