import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateLangid, parseLabelledLines } from '../src/language/bench.js';
import { languageData } from '../src/language/data.js';
import { explainIdentification, identifyLanguage } from '../src/language/identify.js';
import type { LanguageCode } from '../src/language/types.js';

// Round 14 (issue 14): a line typed without a language's own letters is compared with that
// language's trigram model as typed plainly, and the rules of its native spelling do not count there.

function parts(text: string, code: LanguageCode) {
  return explainIdentification(text)[0]!.parts.find((p) => p.code === code)!;
}

/** Each [Kazakh, Kyrgyz] line of `pairs` is read as its language. */
function expectEachRead(pairs: ReadonlyArray<[string, string]>): void {
  for (const [kk, ky] of pairs) {
    expect(identifyLanguage(kk).language, kk).toBe('kk');
    expect(identifyLanguage(ky).language, ky).toBe('ky');
  }
}

describe('a line without Kazakh letters', () => {
  it('does not count the native-spelling rule «ғ қ next to a back vowel» against Kazakh', () => {
    // жаксы has «ак», which native Kazakh writes жақсы: against Kazakh only where a Kazakh letter shows.
    const withLetter = parts('жаксы әке', 'kk').words - parts('әке', 'kk').words;
    const plain = parts('жаксы', 'kk').words;
    expect(plain - withLetter).toBeCloseTo(0.6, 10);
  });

});

describe('a line without Tajik letters', () => {
  // The plain model itself is tested in src/language/trigram.test.ts; Tajik keeps it (sop/language/tg.yaml).
  it('is Tajik, and Tajik is the nearest by trigrams', () => {
    const text = 'Мо фардо ба кухистон меравем';
    const all = explainIdentification(text)[0]!.parts;
    expect(Math.max(...all.map((p) => p.franc))).toBe(parts(text, 'tg').franc);
    expect(identifyLanguage(text).language).toBe('tg');
  });
});

describe('Kazakh and Kyrgyz typed on a Russian keyboard', () => {
  // The same sentences in both languages, fictional, written for this test.
  const pairs: Array<[string, string]> = [
    ['Ертен жумыска бармаймын, ауырып калдым', 'Эртен жумушка барбайм, ооруп калдым'],
    ['Сен не истеп жатырсын?', 'Сен эмне кылып жатасын?'],
    ['Олар бугин келмейди екен', 'Алар бугун келбейт экен'],
    ['Балалар ауылга кетти ме?', 'Балдар айылга кетиштиби?'],
  ];

  it('tells them apart by their verb forms and function words', () => {
    expectEachRead(pairs);
  });

  it('reads labial harmony (болгон, уйдо) as Kyrgyz, and its absence (болган, уйде) as possible Kazakh', () => {
    expect(parts('болгон', 'kk').words).toBeLessThan(parts('болган', 'kk').words);
    expect(parts('барасызбы', 'ky').words).toBeGreaterThan(parts('барасыз', 'ky').words);
  });
});

describe('Kazakh and Kyrgyz typed plainly: the second stage (plain_pairs, round 15)', () => {
  // Fictional lines written for this test: the same content in both languages, typed without
  // Kazakh's own letters and without ң ө ү.
  const pairs: Array<[string, string]> = [
    ['Бугин кешке уйде боламыз', 'Бугун кечинде уйдо болобуз'],
    ['Мен катты шаршадым, ертен келемин', 'Мен катуу чарчадым, эртен келем'],
    ['Балалар мектепке кетти ме?', 'Балдар мектепке кетиштиби?'],
    ['Жаксы емес, маган хабарлас', 'Жакшы эмес, мага кабарлаш'],
  ];

  it('reads each line of a pair as its language', () => {
    expectEachRead(pairs);
  });

  it('says in the explanation what it weighed and chose', () => {
    const [block] = explainIdentification('Мен катты шаршадым, ертен келемин');
    expect(block!.pair?.languages).toEqual(['kk', 'ky']);
    expect(block!.pair!.score).toBeGreaterThan(0);
    expect(block!.pair!.chosen).toBe('kk');
  });

  it('does not weigh in where a letter only Kazakh writes decides, nor between other languages', () => {
    expect(explainIdentification('Бүгін кешке үйде боламыз')[0]!.pair).toBeUndefined();
    expect(explainIdentification('Сегодня вечером будем дома')[0]!.pair).toBeUndefined();
  });

  it('lets a confident first answer stand on one weak sign (a name with the Kazakh glide «ау»)', () => {
    // Round 16: with «дагы» (a Kyrgyz word since round 16) the pair itself chooses Kyrgyz; without
    // it, the first stage's confidence (first_stage 0.1) keeps the one Kazakh-looking name from deciding.
    const text = 'Питер Смит жана Мэри Браун шайлана алган жок.';
    const [block] = explainIdentification(text);
    expect(block!.pair?.chosen).toBeUndefined();
    expect(identifyLanguage(text).language).toBe('ky');
    expect(explainIdentification('Питер Смит дагы, Мэри Браун дагы шайлана алган жок.')[0]!.pair?.chosen).toBe('ky');
  });
});

describe('Kazakh and Kyrgyz typed plainly: the evidence of round 16', () => {
  // Fictional lines written for this test, typed without Kazakh's own letters: each Kazakh line
  // carries one of the round's signs, its Kyrgyz twin the Kyrgyz form.
  const pairs: Array<[string, string]> = [
    ['Адамнан хат келди, окып шыктым', 'Адамдан кат келди, окуп чыктым'], // -нан after a nasal, х, ш
    ['Жиналыс ертен сагат онда басталады', 'Жыйын эртен саат ондо башталат'], // -алады
    ['Досыммен бирге жолда кездестик', 'Досум менен бирге жолдо жолуктук'], // joined -мен, no rounding after о
    ['Окушылар мектепке жаяу барады', 'Окуучулар мектепке жөө барышат'], // -ушы; Kyrgyz -ыш-
    ['Кешеги жиналысты айтшы, не болды?', 'Кечээки жыйынды айтчы, эмне болду?'], // request -шы
  ];

  it('reads each line of a pair as its language', () => {
    expectEachRead(pairs);
  });

  it('counts the rules on the word: Kazakh forms for Kazakh, Kyrgyz forms for Kyrgyz', () => {
    const score = (text: string) => explainIdentification(text)[0]!.pair?.score ?? 0;
    expect(score('Адамнан хат келди, окып шыктым')).toBeGreaterThan(0);
    expect(score('Алар кечээ эле келишти, баары жакшы')).toBeLessThan(0);
  });
});

describe('Tajik typed plainly (round 16)', () => {
  // Fictional lines written for this test: the plural -ҳо and the infinitive with izofa typed plainly.
  it('reads the plural -хо and -дани/-тани as Tajik', () => {
    expect(parts('китобхоро', 'tg').words).toBeGreaterThan(parts('китобро', 'tg').words);
    expect(parts('хондани китоб', 'tg').words).toBeGreaterThan(parts('хонда китоб', 'tg').words);
    expect(identifyLanguage('Барои хондани китобхо вакт нест').language).toBe('tg');
  });
});

describe('Kazakh and Kyrgyz typed plainly: the evidence of round 18', () => {
  const pair = languageData().identification.plain_pairs!.find((p) => p.languages.join() === 'kk,ky')!;
  /** The Kazakh weight the pair's markers give a word (the round's rules only, with `round18`). */
  const kazakh = (word: string, round18 = false) =>
    pair.markers.filter((m) => m.language === 'kk' && (!round18 || m.note.startsWith('round 18')) && new RegExp(m.pattern, 'u').test(word)).reduce((sum, m) => sum + m.weight, 0);

  it('reads Kazakh бас-, тапсыр-, шығ-, the present -ады and -амын, and leaves the Kyrgyz forms alone', () => {
    for (const word of ['басталды', 'бастап', 'тапсырма', 'жазады', 'табады', 'келемин', 'барамын']) expect(kazakh(word, true), word).toBeGreaterThan(0);
    expect(kazakh('шыгады')).toBeGreaterThan(0);
    // Kyrgyz баш-, тапшыр-, the present -ат and -ам, and the past -ды of a stem in -а.
    for (const word of ['башталды', 'баштап', 'тапшырма', 'турат', 'келем', 'карады', 'жасады', 'жашады', 'баштады', 'алмады', 'сурады']) expect(kazakh(word, true), word).toBe(0);
  });

  it('does not read Kyrgyz ушул, ушундай as Kazakh үш, үшін', () => {
    expect(kazakh('уш')).toBeGreaterThan(0);
    expect(kazakh('ушинши')).toBeGreaterThan(0);
    for (const word of ['ушул', 'ушундай', 'ушуга', 'ушуда']) expect(kazakh(word), word).toBe(0);
  });

  it('moves a plain Kazakh line towards Kazakh by these forms only', () => {
    // Fictional lines written for this test; each pair differs in one word.
    const score = (text: string) => explainIdentification(text)[0]!.pair?.score ?? 0;
    expect(score('Сабак сагат онда басталды')).toBeGreaterThan(score('Сабак сагат онда башталды'));
    expect(score('Мен кешке уйде кутемин')).toBeGreaterThan(score('Мен кешке уйде кутом'));
  });
});

describe('Kazakh and Kyrgyz typed plainly: the evidence of round 19', () => {
  const pair = languageData().identification.plain_pairs!.find((p) => p.languages.join() === 'kk,ky')!;
  /** The Kazakh weight the pair's round-19 markers give a word. */
  const kazakh19 = (word: string) =>
    pair.markers.filter((m) => m.language === 'kk' && m.note.startsWith('round 19') && new RegExp(m.pattern, 'u').test(word)).reduce((sum, m) => sum + m.weight, 0);
  const kk = languageData().languages.get('kk')!.identification.markers.filter((m) => m.note.startsWith('round 19'));

  it('reads Kazakh-only stems and verb forms that survive plain typing, and leaves their Kyrgyz forms alone', () => {
    for (const word of ['демалыс', 'китапты', 'умытпа', 'жиналыс', 'сатылады', 'кабылдаймыз', 'бармаймын', 'жокпын', 'кетиппин', 'келмей', 'кайырлы']) expect(kazakh19(word), word).toBeGreaterThan(0);
    // Kyrgyz counterparts, and Kyrgyz words of the same shape: истерика, каржылады (financed), кармай (holding).
    for (const word of ['китепти', 'унутпа', 'чогулуш', 'жыйналыш', 'сатылат', 'кабылдайбыз', 'барбайм', 'жокмун', 'кетипмин', 'келбей', 'кайырлуу', 'истерика', 'каржылады', 'кармай', 'апта', 'сурак']) expect(kazakh19(word), word).toBe(0);
  });

  it('counts the stems and the ы forms in the first stage too, but not the stems Russian or Uzbek share', () => {
    const first = (word: string) => kk.filter((m) => new RegExp(m.pattern, 'u').test(word)).length;
    for (const word of ['демалыс', 'кітап', 'китап', 'сатылады', 'сураймыз', 'жокпын']) expect(first(word), word).toBeGreaterThan(0);
    // Russian дари, бес, истек; Uzbek -ймиз, -йман.
    for (const word of ['дари', 'бес', 'истек', 'ишлаймиз', 'сўрайман']) expect(first(word), word).toBe(0);
  });

  it('moves a plain Kazakh line towards Kazakh by these forms', () => {
    // Fictional lines written for this test; each pair differs in one word.
    const score = (text: string) => explainIdentification(text)[0]!.pair?.score ?? 0;
    expect(score('Ертен жиналыс болады, кел')).toBeGreaterThan(score('Ертен чогулуш болады, кел'));
    expect(score('Бул уй арзан сатылады')).toBeGreaterThan(score('Бул уй арзан сатылат'));
  });
});

describe('Tajik and Uzbek chat words (round 18)', () => {
  // Fictional lines written for this test, typed without Tajik's or Uzbek's own letters.
  it('reads them as their language', () => {
    expect(parts('Пагох нагз мешавад', 'tg').words).toBeGreaterThan(parts('Фардо мешавад', 'tg').words);
    expect(identifyLanguage('Чаро хама чиз кимат шуд').language).toBe('tg');
    expect(identifyLanguage('Катта рахмат, дустим').language).toBe('uz-Cyrl');
  });
});

/** A blind batch of `corpora/eval/langid/blind/` (LANG<TAB>TEXT). */
function blindBatch(name: string) {
  const path = new URL(`../corpora/eval/langid/blind/${name}.tsv`, import.meta.url);
  return parseLabelledLines(readFileSync(path, 'utf8'), path.pathname);
}

/** Every language of `batch` at `floor` or better in the 15–39 band, Kazakh at `kazakh`. */
function expectBatchAtLeast(batch: ReturnType<typeof blindBatch>, floor: number, kazakh: number): void {
  const report = evaluateLangid(batch);
  for (const [code, bands] of Object.entries(report)) {
    const band = bands['15-40'];
    if (band.total === 0) continue;
    expect(band.correct / band.total, code).toBeGreaterThanOrEqual(code === 'kk' ? kazakh : floor);
  }
}

describe('no Kyrgyz line of the blind batches read as Kazakh', () => {
  // «Базардан помидор алып кел» was Kazakh before round 15 too: none of its words differs between
  // the two languages, so the plain pair abstains.
  const known: Record<string, string[]> = { 'langid13-1': ['Базардан помидор алып кел'] };
  for (const name of ['langid13-1', 'langid13-2', 'langid14-1', 'langid15-1', 'langid16-1', 'langid17-1', 'langid18-1', 'langid19-1']) {
    it(name, () => {
      expect(blindBatch(name).filter((s) => s.language === 'ky' && identifyLanguage(s.text).language === 'kk').map((s) => s.text)).toEqual(known[name] ?? []);
    });
  }
});

describe('round 14 blind batch (corpora/eval/langid/blind/langid14-1.tsv)', () => {
  const batch = blindBatch('langid14-1');

  it('holds lines of 15–39 characters', () => {
    expect(batch.every((s) => s.text.length >= 15 && s.text.length < 40)).toBe(true);
  });

  it('every language at 85 % or better, Kazakh at 90 %', () => {
    // Kazakh typed plainly is compared with franc's own Kazakh model (plain_trigrams off in
    // sop/language/kk.yaml: the plain model cost Kyrgyz more than it gave Kazakh; README, round 14)
    // and then told from Kyrgyz by the plain pair (round 15; this batch was read while tuning it):
    // Kazakh 94.3 % (75.7 % before round 15, 61.4 % before round 14); 97.1 % with round 16.
    expectBatchAtLeast(batch, 0.85, 0.9);
  });
});

describe('round 15 blind batch (corpora/eval/langid/blind/langid15-1.tsv)', () => {
  it('every language at 90 % or better', () => {
    // Read while tuning round 16 (README, round 16): Kazakh 90.4 % (79.5 % before round 16, 68.5 %
    // before round 15), Kyrgyz 97.2 %, Uzbek Cyrillic 93.9 %.
    expectBatchAtLeast(blindBatch('langid15-1'), 0.9, 0.9);
  });
});

describe('round 18 blind batch (corpora/eval/langid/blind/langid18-1.tsv)', () => {
  it('every language at 90 % or better', () => {
    // Round 18's held-out figure (README, round 18), measured once: Kazakh 90.8 % (89.8 % on main;
    // typed plainly 63 of 71), Kyrgyz 98.5 %, Tajik and Uzbek Cyrillic 95.5 %, English 93.8 %.
    expectBatchAtLeast(blindBatch('langid18-1'), 0.9, 0.9);
  });
});

describe('round 19 blind batch (corpora/eval/langid/blind/langid19-1.tsv)', () => {
  it('every language at 90 % or better', () => {
    // Round 19's held-out figure (README, round 19), measured once: Kazakh 90.5 % (88.6 % on main;
    // typed plainly 68 of 78, with Kazakh letters 27 of 27), Kyrgyz 96.3 %, the others 100 %.
    expectBatchAtLeast(blindBatch('langid19-1'), 0.9, 0.9);
  });
});
