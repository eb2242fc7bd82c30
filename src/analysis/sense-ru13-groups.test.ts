// Russian sense, round 13 (issue 14, blind method, second pass): wrong senses of the group and
// evaluation entries that recur across the blind batches of rounds 12 and 13 — literal pests in a
// sentence that names no one, in the plural (везде крысы; обработайте плинтусы от тараканов), and languages named
// by a nationality adjective alone, in a list after one «на» or governed by a noun of knowing a
// language (на узбекском, кыргызском и русском; знание кыргызского и русского); and a threat or a
// call closed by a tag that checks the listener heard («…, понял?», «…, слышишь?»), no question. Each condition is
// data in sop/lexicons/ru (the pests need a list of tests the sentence lacks, `sentenceLacks: [...]`);
// each table holds controls that must stay. Sentences are fictional, written for these tests.
import { describe, expect, it } from 'vitest';
import { countersOf, senseCondition, type CounterCase, type SenseCase } from '../../tests/support/indicator-candidates.js';

const ruCondition = (name: string, cases: readonly SenseCase[]): void => senseCondition('ru', name, cases);

ruCondition('pests in a sentence that names no one; a metaphor keeps its people', [
  ['negative-evaluation', 'Во дворе переполнены баки, везде крысы.', []],
  ['negative-evaluation', 'Крысы потравлены, остатки приманки убрать до утра.', []],
  ['negative-evaluation', 'Чтобы вывести тараканов, промажьте щели борной кислотой.', []],
  ['negative-evaluation', 'Тараканы уже вернулись после обработки.', []],
  ['negative-evaluation', 'Эти крысы опять подняли тарифы.', ['крысы']],
  ['negative-evaluation', 'Чиновники — крысы, а платим мы.', ['крысы']],
  ['negative-evaluation', 'Они как тараканы, лезут из всех щелей.', ['тараканы']],
  ['negative-evaluation', 'Крысы Кремля снова врут.', ['Крысы']],
  ['negative-evaluation', 'Ну ты и крыса.', ['крыса']],
  ['negative-evaluation', 'Теперь марат — крыса.', ['крыса']],
  ['negative-evaluation', 'Ненавижу этих крыс продажных.', ['Ненавижу', 'крыс']],
]);

ruCondition('languages in a list after one «на», or governed by a noun of knowing a language', [
  ['group-designation', 'На базаре торгуются на узбекском, таджикском и русском вперемешку.', []],
  ['group-designation', 'Требуется продавец, знание кыргызского и русского обязательно.', []],
  ['group-designation', 'Ищем репетитора казахского для школьника.', []],
  ['group-designation', 'Нападения на узбеков и таджиков осудили все.', ['узбеков', 'таджиков']],
  ['group-designation', 'Знание русских обычаев ему помогло.', ['русских']],
]);

describe('a tag that checks the listener heard («…, понял?») asks nothing of the statement before it', () => {
  const cases: readonly CounterCase[] = [
    ['Сожгу твою лавку, понял?', 'Сожгу'],
    ['Бейте их у моста, слышите?', 'Бейте'],
    ['Изобью тебя — ясно?', 'Изобью'],
  ];
  it.each(cases)('«%s»: «%s» is no question', async (text, word) => {
    expect(await countersOf(text, word, 'ru')).not.toContain('question');
  });
  it.each([
    ['Ты его избил, да?', 'избил'],
    ['Кто сказал, что надо их бить?', 'бить'],
  ] as const)('control: «%s»: «%s» is a question', async (text, word) => {
    expect(await countersOf(text, word, 'ru')).toContain('question');
  });
});
