// The us/them rule (docs/eval-findings.md): a pronoun is a candidate only where it sets a group
// against another or names the target of a call; otherwise it accompanies the candidate of its
// message. One rule for every language, the roles (addressee, in-group subject) as lexicon data.
// Sentences are fictional, written for these tests.
import { beforeAll, describe, expect, it } from 'vitest';
import { DocumentBuilder } from '../core/document-builder.js';
import type { LanguageCode } from '../language/index.js';
import type { Lexicon } from './lexicon-check.js';
import { checkLexiconText } from './lexicon-check.js';
import { loadLexicons } from './lexicon-files.js';
import { runIndicators } from './indicators.js';

const ROOT = new URL('../../', import.meta.url).pathname;
let lexicons: Lexicon[] = [];
beforeAll(async () => {
  lexicons = (await loadLexicons(ROOT)).lexicons;
});

/**
 * Pronouns that stand as candidates, and those that only accompany one in one sentence — or are
 * withheld with it, when the call beside them is a bare obligation («Мы должны закончить отчёт»).
 */
function pronouns(text: string, language: LanguageCode): { stand: string[]; accompany: string[] } {
  const doc = new DocumentBuilder({ sha256: 'a'.repeat(64), name: 'case.txt' }, 'text').add({ id: 'p0', text, part: 'body', anchor: { paragraph: 0 } }).build();
  const { findings, withheld } = runIndicators([doc], { lexicons, languages: [language] });
  return {
    stand: findings.filter((f) => f.category === 'us-them').map((f) => f.actual),
    accompany: [...findings.flatMap((f) => f.accompanying ?? []), ...withheld].filter((a) => a.category === 'us-them').map((a) => a.actual),
  };
}

describe('us/them pronouns: set against another group or target of a call', () => {
  it('the target and the victim of a call or of violence stand, in every language', () => {
    expect(pronouns('Бейте их, пока они спят!', 'ru').stand).toEqual(['их', 'они']);
    expect(pronouns('Burn their shops tonight.', 'en').stand).toEqual(['their']);
    expect(pronouns('Алардын үйлөрүн өрттөгүлө!', 'ky').stand).toEqual(['Алардын']);
  });

  it('the addressee of a call is who is called: it accompanies, unless an out-group is set against it', () => {
    expect(pronouns('Заберите ваши вещи со склада.', 'ru')).toEqual({ stand: [], accompany: ['ваши'] });
    expect(pronouns('You must leave the room now.', 'en')).toEqual({ stand: [], accompany: ['You'] });
    expect(pronouns('Они придут и убьют вас.', 'ru').stand).toEqual(['Они', 'вас']);
  });

  it('an in-group as subject or in address beside a call alone accompanies; beside violence or an enemy it stands', () => {
    expect(pronouns('Мы должны закончить отчёт к пятнице.', 'ru')).toEqual({ stand: [], accompany: ['Мы'] });
    expect(pronouns('We must finish the report today.', 'en')).toEqual({ stand: [], accompany: ['We'] });
    expect(pronouns('Бир туугандар, ифтарга келгиле.', 'ky')).toEqual({ stand: [], accompany: ['Бир туугандар'] });
    expect(pronouns('Мы отомстим за наших братьев.', 'ru').stand).toEqual(['Мы', 'наших', 'братьев']);
    expect(pronouns('Бир туугандар, душман келе жатат, куралдангыла!', 'ky').stand).toEqual(['Бир туугандар']);
    // Not the subject: the in-group as victim or possessor stands beside a call.
    expect(pronouns('Надо защитить наши дома.', 'ru').stand).toEqual(['наши']);
  });

  it('a question takes the call back as it does a prayer, a negation or a condemnation', () => {
    expect(pronouns('Можно мы будем их бить?', 'ru')).toEqual({ stand: [], accompany: ['мы', 'их'] });
  });

  it('"the US" is the country, not the pronoun', () => {
    const doc = new DocumentBuilder({ sha256: 'b'.repeat(64), name: 'case.txt' }, 'text').add({ id: 'p0', text: 'The US army left; they gave us their tents.', part: 'body', anchor: { paragraph: 0 } }).build();
    const result = runIndicators([doc], { lexicons, languages: ['en'], standaloneFeatures: true });
    expect(result.findings.filter((f) => f.ruleId === 'en.us-them.we').map((f) => f.actual)).toEqual(['us']);
  });
});

describe('subjectForms in the lexicons', () => {
  const file = (entry: string): string =>
    `lexicon: ru.us-them\nversion: 1.0.0\nlanguage: ru\ncategory: us-them\ndescription: test\nsources:\n  - {id: g, citation: "Русская грамматика"}\nentries:\n  - ${entry}\n`;

  it('are forms of the entry, and only in us/them lexicons', () => {
    expect(checkLexiconText('sop/lexicons/ru/us-them.yaml', file('{id: ru.us-them.my, forms: [мы, нас], subjectForms: [мы], language: ru, category: us-them, subcategory: in-group, note: n, source: g}')).problems).toEqual([]);
    expect(checkLexiconText('sop/lexicons/ru/us-them.yaml', file('{id: ru.us-them.my, forms: [нас], subjectForms: [мы], language: ru, category: us-them, subcategory: in-group, note: n, source: g}')).problems.join('\n')).toMatch(/subjectForms мы are not among the entry's forms — fix/);
    const violence = file('{id: ru.violence.bit, forms: [бей], subjectForms: [бей], language: ru, category: violence, note: n, source: g}').replace(/us-them/g, 'violence');
    expect(checkLexiconText('sop/lexicons/ru/violence.yaml', violence).problems.join('\n')).toMatch(/subjectForms are only for us-them/);
  });
});
