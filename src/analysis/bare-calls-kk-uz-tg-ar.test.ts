// Bare obligations in Kazakh, Uzbek (both scripts), Tajik and Arabic (issue 14, round 5): the
// `concern:` blocks of their call-to-action lexicons. An obligation whose sentence names no
// violence, group or word of force is withheld (listed, never lost); one beside a word of force or
// expulsion stays a candidate. Sentences are fictional, written for these tests.
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

/** Call candidates of one sentence and the calls withheld. */
function calls(text: string, language: LanguageCode): { stand: string[]; withheld: string[] } {
  const doc = new DocumentBuilder({ sha256: 'f'.repeat(64), name: 'case.txt' }, 'text').add({ id: 'p0', text, part: 'body', anchor: { paragraph: 0 } }).build();
  const { findings, withheld } = runIndicators([doc], { lexicons, languages: [language] });
  return { stand: findings.filter((f) => f.category === 'call-to-action').map((f) => f.actual), withheld: withheld.map((w) => w.actual) };
}

describe('bare obligations in kk, uz, tg, ar', () => {
  const cases: readonly { language: LanguageCode; everyday: string; modal: string; force: string }[] = [
    { language: 'kk', everyday: 'Біз есепті жұмаға дейін тапсыруымыз керек.', modal: 'тапсыруымыз керек', force: 'Оларды ауылдан қуып шығуымыз керек.' },
    { language: 'uz-Cyrl', everyday: 'Ҳисоботни жумагача топширишимиз керак.', modal: 'топширишимиз керак', force: 'Уларни қишлоқдан ҳайдаб чиқаришимиз керак.' },
    { language: 'uz-Latn', everyday: 'Hisobotni jumagacha topshirishimiz kerak.', modal: 'topshirishimiz kerak', force: 'Ularni qishloqdan haydab chiqarishimiz kerak.' },
    { language: 'tg', everyday: 'Мо бояд ҳисоботро то ҷумъа супорем.', modal: 'бояд', force: 'Мо бояд онҳоро бо зӯр аз деҳа ронем.' },
    { language: 'ar', everyday: 'يجب أن نرسل التقرير يوم الجمعة.', modal: 'يجب', force: 'يجب طردهم من القرية بالقوة.' },
  ];

  it.each(cases)('$language: an everyday obligation is withheld, one beside a word of force or expulsion stands', ({ language, everyday, modal, force }) => {
    expect(calls(everyday, language)).toEqual({ stand: [], withheld: [modal] });
    expect(calls(force, language).stand).toHaveLength(1);
  });

  it('an obligation beside violence stands (kk)', () => {
    expect(calls('Біз соғысуымыз керек.', 'kk').stand).toEqual(['соғысуымыз керек']);
  });
});
