// Kazakh, Uzbek and Arabic, round 6 (issue 14): language names, power as such, blood in medicine,
// the -ngiz endings of the past and the conditional, and Arabic prayer imperatives after an address
// to God, as lexicon data. Sentences are fictional or common supplications.
import { beforeAll, describe, expect, it } from 'vitest';
import { DocumentBuilder } from '../core/document-builder.js';
import type { LanguageCode } from '../language/index.js';
import type { Lexicon } from './lexicon-check.js';
import { loadLexicons } from './lexicon-files.js';
import { runIndicators } from './indicators.js';

const ROOT = new URL('../../', import.meta.url).pathname;
let lexicons: Lexicon[] = [];
beforeAll(async () => {
  lexicons = (await loadLexicons(ROOT)).lexicons;
});

/** Candidates of one text read in `language`, as `category:word` (and `:counters` with `counters`). */
function candidates(language: LanguageCode, text: string, counters = false): string[] {
  const doc = new DocumentBuilder({ sha256: 'c'.repeat(64), name: 'case.txt' }, 'text').add({ id: 'p0', text, part: 'body', anchor: { paragraph: 0 } }).build();
  return runIndicators([doc], { lexicons, languages: [language] }).findings.map((f) => `${f.category}:${f.actual}${counters ? `:${f.countervailing.join('+')}` : ''}`);
}

describe('a nation name before the word for language, state or in a list of languages names no people', () => {
  it('Kazakh, Uzbek Latin and Cyrillic', () => {
    expect(candidates('kk', 'Ол орыс және ағылшын тілдерін жақсы біледі.')).toEqual([]);
    expect(candidates('kk', 'Кітап өзбек тілінде басылды.')).toEqual([]);
    expect(candidates('uz-Latn', "Bolalar maktabda o'zbek tilini o'rganadi.")).toEqual([]);
    expect(candidates('uz-Cyrl', 'У рус ва инглиз тилларини яхши билади.')).toEqual([]);
  });

  it('the peoples themselves stay', () => {
    expect(candidates('kk', 'Қазақтар мен орыстар бірге тұрады.')).toEqual(['group-designation:Қазақтар', 'group-designation:орыстар']);
  });
});

describe('Kazakh power as such and blood in medicine', () => {
  it('political or religious power and coming to power are no officials', () => {
    expect(candidates('kk', 'Саяси билік парламенттің қолында емес.')).toEqual([]);
    expect(candidates('kk', 'Ол 2005 жылы билік басына келді.')).toEqual([]);
  });

  it('a blood test, blood pressure, giving blood are no violence; bloodshed is', () => {
    expect(candidates('kk', 'Әжемнің қан қысымы көтерілді.')).toEqual([]);
    expect(candidates('uz-Cyrl', 'Эрталаб қон топширишга бораман.')).toEqual([]);
    expect(candidates('uz-Latn', 'Buvimning qon bosimi ko‘tarildi.')).toEqual([]);
    expect(candidates('kk', 'Көшеде қан төгілді.')).toEqual(['violence:қан']);
  });
});

describe('Uzbek -ngiz of the past, the conditional and "all of you" is no imperative', () => {
  it('qilmadingiz, bilsangiz, hammangiz give nothing; chiqinglar stays', () => {
    expect(candidates('uz-Latn', 'Kecha nega kelmadingiz?')).toEqual([]);
    // bilsangiz gives nothing; bering is the polite imperative in -(i)ng (round 7), a request.
    expect(candidates('uz-Latn', 'Agar bilsangiz, menga xabar bering.')).toEqual(['call-to-action:bering']);
    expect(candidates('uz-Cyrl', 'Ҳаммангиз вақтида келдингиз.')).toEqual([]);
    expect(candidates('uz-Cyrl', 'Ҳаммангиз майдонга чиқинглар!')).toEqual(['call-to-action:чиқинглар']);
  });
});

describe('Arabic: the singular imperative right after an address to God is a prayer', () => {
  it('اللهم اغفر, يا رب احفظ are calls marked as prayers; ربنا الله is a statement; an imperative without the address is not read', () => {
    const shown = (text: string): string[] => candidates('ar', text, true);
    expect(shown('اللهم اغفر لنا.')).toEqual(['call-to-action:اغفر:prayer']);
    expect(shown('يا رب احفظ بلادنا من الحرب.')).toEqual(['call-to-action:احفظ:prayer', 'violence:الحرب:prayer']);
    expect(shown('ربنا الله ونحن عباده.')).toEqual([]);
    expect(shown('قال المدير اغفر لي التأخير.')).toEqual([]);
  });
});
