// Context markers of Uzbek (both scripts) and Kazakh, and the obligation forms added with them
// (issue 14, tuning round 2). Sentences are fictional, written for these tests.
import { beforeAll, describe, expect, it } from 'vitest';
import { DocumentBuilder } from '../core/document-builder.js';
import type { Finding } from '../core/finding.js';
import type { LanguageCode } from '../language/index.js';
import type { Lexicon } from './lexicon-check.js';
import { loadLexicons } from './lexicon-files.js';
import { runIndicators } from './indicators.js';
import { quotationSpans } from './text-structure.js';

const ROOT = new URL('../../', import.meta.url).pathname;
let lexicons: Lexicon[] = [];
beforeAll(async () => {
  lexicons = (await loadLexicons(ROOT)).lexicons;
});

function candidates(text: string, language: LanguageCode): Finding[] {
  const b = new DocumentBuilder({ sha256: 'd'.repeat(64), name: 'case.txt' }, 'text');
  b.add({ id: 'p0', text, part: 'body', anchor: { paragraph: 0 } });
  return runIndicators([b.build()], { lexicons, standaloneFeatures: true, languages: [language] }).findings;
}

/** Counter-indicators of the candidate of `category` on `word`. */
function countersOf(text: string, language: LanguageCode, category: string, word: string): readonly string[] {
  const f = candidates(text, language).find((x) => x.category === category && x.actual === word);
  expect(f, `${category} «${word}» in «${text}»`).toBeDefined();
  return f?.countervailing ?? [];
}

describe('Uzbek and Kazakh context markers', () => {
  it('condemnation and prohibition frames', () => {
    expect(countersOf('Жамоа Тошқўрғондаги портлашни қаттиқ қоралади.', 'uz-Cyrl', 'violence', 'портлашни')).toContain('condemned');
    expect(countersOf('Qonun qurol olib yurishni taqiqlaydi.', 'uz-Latn', 'violence', 'qurol')).toContain('condemned');
    expect(countersOf('Кеңес Ақсайдағы қырғынды айыптады.', 'kk', 'violence', 'қырғынды')).toContain('condemned');
  });

  it('negation inside the verb, by a negative pronoun, and the compound verb йўқ қилмоқ that is no negation', () => {
    expect(countersOf('Ҳеч ким қурол олмасин.', 'uz-Cyrl', 'violence', 'қурол')).toContain('negated');
    expect(countersOf('Ешкім қару алмасын.', 'kk', 'violence', 'қару')).toContain('negated');
    expect(countersOf('Босқинчилар йўқ қилинсин!', 'uz-Cyrl', 'call-to-action', 'қилинсин')).not.toContain('negated');
    expect(countersOf('Bosqinchilarni yoʻq qilinglar!', 'uz-Latn', 'call-to-action', 'qilinglar')).not.toContain('negated');
  });

  it('reported speech and prayer', () => {
    expect(countersOf('Уларни жазолаш керак, деб ёзди блогер.', 'uz-Cyrl', 'call-to-action', 'жазолаш керак')).toContain('reported');
    expect(countersOf('Оларды жазалау керек, деді блогер.', 'kk', 'call-to-action', 'жазалау керек')).toContain('reported');
    expect(countersOf('Namozdan oldin tahorat olinglar.', 'uz-Latn', 'call-to-action', 'olinglar')).toContain('prayer');
    expect(countersOf('Намаз алдында дәрет алыңдар.', 'kk', 'call-to-action', 'алыңдар')).toContain('prayer');
  });

  it('obligation with the bare verbal noun and with the negative -masligi', () => {
    expect(candidates('Hech kim qurol olmasligi kerak.', 'uz-Latn').some((f) => f.category === 'call-to-action' && f.actual === 'olmasligi kerak')).toBe(true);
    expect(candidates('Маған су керек.', 'kk').some((f) => f.category === 'call-to-action')).toBe(false);
  });
});

describe('Kyrgyz 3rd-person imperative -СЫН against the possessed accusative', () => {
  it('ends its clause or stands inverted; a possessed object before its verb is no imperative', () => {
    const imperative3 = (text: string): string[] => candidates(text, 'ky').filter((f) => f.ruleId === 'ky.call-to-action.imperative-3').map((f) => f.actual);
    expect(imperative3('Кудай жар болсун, жолуңар ачык болсун!')).toEqual(['болсун', 'болсун']);
    expect(imperative3('Кетсин баары, тез кетсин!')).toEqual(['Кетсин', 'кетсин']);
    expect(imperative3('Айыл чарба комплексин өнүктүрүүнүн жолдору талкууланды.')).toEqual([]);
    expect(imperative3('Фермер бакчасын сугарып жатат.')).toEqual([]);
  });
});

describe('Kyrgyz violence vocabulary and stance', () => {
  it('set on fire, shootout, knife, blood — but not a blood test', () => {
    const violence = (text: string): string[] => candidates(text, 'ky').filter((f) => f.category === 'violence').map((f) => f.actual);
    expect(violence('Белгисиз адамдар сарайды өрттөп, бычак менен коркутушкан.')).toEqual(['өрттөп', 'бычак']);
    expect(violence('Шаардын четинде атышуу болду.')).toEqual(['атышуу']);
    expect(violence('Доктур кан анализин тапшырууну сунуштады.')).toEqual([]);
  });

  it('a negated predicate at the end negates the words it governs; «гезит кабарлагандай» reports', () => {
    expect(countersOf('Айыл тургундары согушту жана зордукту колдобойт.', 'ky', 'violence', 'согушту')).toContain('negated');
    expect(countersOf('Гезит кабарлагандай, кампаны өрттөгөн адамдар кармалды.', 'ky', 'violence', 'өрттөгөн')).toContain('reported');
  });
});

describe('Kyrgyz prayer', () => {
  it('the polite imperative -А көр is a call, in a prayer; a ritual instruction facing the qibla is a prayer', () => {
    expect(countersOf('Кудайым, айылыбызды кырсыктан сактай көр.', 'ky', 'call-to-action', 'сактай көр')).toContain('prayer');
    expect(countersOf('Кыбылага карап туруп, колуңарды көтөргүлө.', 'ky', 'call-to-action', 'көтөргүлө')).toContain('prayer');
  });
});

describe('Kyrgyz group names: the people, not the language or an adjective', () => {
  it('language adverbs in -ча/-че and adjectives in -тык/-түк are no group; the people still are', () => {
    const groups = (text: string): string[] => candidates(text, 'ky').filter((f) => f.category === 'group-designation').map((f) => f.actual);
    expect(groups('Ал орусча жана өзбекче эркин сүйлөйт.')).toEqual([]);
    expect(groups('Өкмөттүк комиссия депутаттык мандаттарды текшерди.')).toEqual([]);
    expect(groups('Орустар жана өзбектер базарда соода кылат.')).toEqual(['Орустар', 'өзбектер']);
  });
});

describe('quotation marks', () => {
  it('‘ inside a word is the Uzbek letter sign, not an opening quote', () => {
    expect(quotationSpans('U so‘ng qurol o‘g‘irladi.')).toEqual([]);
    expect(quotationSpans('He said ‘go’ twice.')).toEqual([[8, 12]]);
  });
});
