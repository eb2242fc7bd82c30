// Conditions of tuning round 10 for Uzbek (issue 14), each with the reading it removes or adds and
// a control that stays. Sentences are fictional, written for these tests.
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

/** `word category` of each candidate of a text read as `language`, every feature standing alone. */
function read(text: string, language: LanguageCode): string[] {
  const doc = new DocumentBuilder({ sha256: 'f'.repeat(64), name: 'case.txt' }, 'text').add({ id: 'p0', text, part: 'body', anchor: { paragraph: 0 } }).build();
  return runIndicators([doc], { lexicons, languages: [language], standaloneFeatures: true }).findings.map((f) => `${f.actual} ${f.category}`);
}

describe('a word in -(И)НГИЗ / -ИНГ whose clause goes on is a possessive noun (sameClause)', () => {
  it('gives no call where the clause goes on after it', () => {
    expect(read('Уйингиз жуда чиройли экан.', 'uz-Cyrl')).toEqual([]);
    expect(read('Машинангиз қаерда турибди?', 'uz-Cyrl')).toEqual([]);
    expect(read('Ўғлинг катта бўлибди.', 'uz-Cyrl')).toEqual([]);
    expect(read('Боланг қаерда ўқийди?', 'uz-Cyrl')).toEqual([]);
    expect(read('Uyingiz juda chiroyli ekan.', 'uz-Latn')).toEqual([]);
    expect(read('Bolang qayerda o‘qiydi?', 'uz-Latn')).toEqual([]);
  });
  it('gives no call after сизнинг «your»', () => {
    expect(read('Сизнинг фикрингиз.', 'uz-Cyrl')).toEqual([]);
    expect(read('Sizning fikringiz.', 'uz-Latn')).toEqual([]);
  });
  it('keeps the imperative that ends its clause: a comma or a stop after it is no clause going on', () => {
    expect(read('Марҳамат, ўтирингиз.', 'uz-Cyrl')).toEqual(['ўтирингиз call-to-action']);
    expect(read('Ўтирингиз, марҳамат.', 'uz-Cyrl')).toEqual(['Ўтирингиз call-to-action']);
    expect(read('Душманларни ўлдирингиз!', 'uz-Cyrl')).toEqual(['ўлдирингиз call-to-action', 'ўлдирингиз violence']);
    expect(read('Келинг, бирга ишлайлик.', 'uz-Cyrl')).toEqual(['Келинг call-to-action', 'ишлайлик call-to-action']);
    expect(read('Sotqinlarni o‘ldiringiz!', 'uz-Latn')).toEqual(['o‘ldiringiz call-to-action', 'o‘ldiringiz violence']);
  });
  it('keeps the imperative before the one addressed, деб or a pronoun object said after it', () => {
    expect(read('Келинг ака, ўтиринг.', 'uz-Cyrl')).toEqual(['Келинг call-to-action', 'ўтиринг call-to-action']);
    expect(read('Ёзинг буни.', 'uz-Cyrl')).toEqual(['Ёзинг call-to-action']);
    expect(read('Келингиз деб чақирди.', 'uz-Cyrl')).toEqual(['Келингиз call-to-action']);
  });
  it('a verbal noun in -ИШИНГ before керак is the obligation, not the polite imperative', () => {
    expect(read('Уларни ўлдиришинг керак.', 'uz-Cyrl')).toEqual(['ўлдиришинг violence', 'ўлдиришинг керак call-to-action']);
  });
});

describe('the paradigm of the imperative and of obligation (Kononov)', () => {
  it('the particle -чи after the imperative', () => {
    expect(read('Уйларини ёндиринглар-чи!', 'uz-Cyrl')).toEqual(['ёндиринглар-чи call-to-action', 'ёндиринглар-чи violence']);
    expect(read('Айтинг-чи, ким келди?', 'uz-Cyrl')).toEqual(['Айтинг-чи call-to-action']);
  });
  it('the emphatic -КИН / -ҚИН after a stem in к or қ, not мумкин or лекин', () => {
    expect(read('Омборни ёққин!', 'uz-Cyrl')).toEqual(['ёққин call-to-action', 'ёққин violence']);
    expect(read('Бу мумкин, лекин қийин.', 'uz-Cyrl')).toEqual([]);
  });
  it('every person of the verbal noun, the infinitive -моқ and даркор before a word of necessity', () => {
    expect(read('Улар жазоланишлари керак.', 'uz-Cyrl')).toEqual(['жазоланишлари керак call-to-action']);
    expect(read('Биз курашмоғимиз лозим.', 'uz-Cyrl')).toEqual(['курашмоғимиз лозим call-to-action']);
    expect(read('Уларни ҳайдашимиз даркор.', 'uz-Cyrl')).toEqual(['ҳайдашимиз даркор call-to-action']);
    expect(read('Biz kurashmog‘imiz lozim.', 'uz-Latn')).toEqual(['kurashmog‘imiz lozim call-to-action']);
  });
  it('мажбурмиз, фарздир', () => {
    expect(read('Биз жангга киришга мажбурмиз.', 'uz-Cyrl')).toContain('мажбурмиз call-to-action');
    expect(read('Бу ҳар бир кишига фарздир.', 'uz-Cyrl')).toEqual(['фарздир call-to-action']);
  });
  it('a noun in -са (ҳеч нарса) is no conditional', () => {
    const doc = new DocumentBuilder({ sha256: 'f'.repeat(64), name: 'case.txt' }, 'text').add({ id: 'p0', text: 'Ҳеч нарса қолмасин, ҳаммасини ёндиринглар!', part: 'body', anchor: { paragraph: 0 } }).build();
    const found = runIndicators([doc], { lexicons, languages: ['uz-Cyrl'], standaloneFeatures: true }).findings.filter((f) => f.actual === 'ёндиринглар');
    expect(found.length).toBeGreaterThan(0);
    for (const f of found) expect(f.countervailing).not.toContain('conditional');
  });
});

describe('violence entries of round 10 with their everyday senses', () => {
  it('a knife, except in the kitchen', () => {
    expect(read('У пичоқ билан қўрқитди.', 'uz-Cyrl')).toEqual(['пичоқ violence']);
    expect(read('Онам нонни пичоқ билан кесди.', 'uz-Cyrl')).toEqual([]);
    expect(read('Onam nonni pichoq bilan kesdi.', 'uz-Latn')).toEqual([]);
  });
  it('beating (ур-), not knocking, scoring or trying (урин-)', () => {
    expect(read('Уларни калтак билан уринглар!', 'uz-Cyrl')).toEqual(['уринглар call-to-action', 'уринглар violence']);
    expect(read('Эшикни уринг.', 'uz-Cyrl')).toEqual(['уринг call-to-action']);
    expect(read('Гол уринглар!', 'uz-Cyrl')).toEqual(['уринглар call-to-action']);
    expect(read('Яхшироқ урининглар!', 'uz-Cyrl')).toEqual(['урининглар call-to-action']);
  });
  it('opening fire, hanging, stoning, killing, taking prisoner, grenades', () => {
    expect(read('Постга ўт очинглар!', 'uz-Cyrl')).toContain('ўт очинглар violence');
    expect(read('Хоинларни дорга осинглар!', 'uz-Cyrl')).toContain('дорга осинглар violence');
    expect(read('Уни тошбўрон қилинглар!', 'uz-Cyrl')).toContain('тошбўрон violence');
    expect(read('Ҳаммасини ҳалок қилинглар!', 'uz-Cyrl')).toContain('ҳалок қилинглар violence');
    expect(read('Уларни асирга олинглар!', 'uz-Cyrl')).toContain('асирга олинглар violence');
    expect(read('Постга граната ташланглар!', 'uz-Cyrl')).toContain('граната violence');
    expect(read('Суратни деворга осинглар.', 'uz-Cyrl')).toEqual(['осинглар call-to-action']);
  });
  it('not by frost, not a pomegranate, not burning leaves or throwing a ball away', () => {
    expect(read('Аёз ҳосилни нобуд қилди.', 'uz-Cyrl')).toEqual([]);
    expect(read('Бозордан гранат олдим.', 'uz-Cyrl')).toEqual([]);
    expect(read('Кузда хазонни ёқиб ташладик.', 'uz-Cyrl')).toEqual([]);
    expect(read('Бола коптокни отиб ташлади.', 'uz-Cyrl')).toEqual([]);
  });
  it('burning down and shooting dead, with their auxiliaries', () => {
    expect(read('Омборларини ёқиб юборинглар!', 'uz-Cyrl')).toContain('ёқиб юборинглар violence');
    expect(read('Мен уларни отиб ташлайман.', 'uz-Cyrl')).toEqual(['отиб ташлайман violence']);
    expect(read('Ularning omborlarini yoqib yuboringlar!', 'uz-Latn')).toContain('yoqib yuboringlar violence');
  });
});
