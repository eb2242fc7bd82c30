// Bare calls (the `concern` block of a call-to-action lexicon): an obligation modal whose sentence
// names no violence, group, religious-legal term, target or word of force accompanies the
// candidates of its message or is withheld — listed, never lost; `standaloneFeatures` keeps the old
// behaviour. Sentences are fictional, written for these tests.
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

/** Calls that stand, that accompany a candidate, and that are withheld, in one message. */
function calls(text: string, language: LanguageCode, standaloneFeatures = false): { stand: string[]; accompany: string[]; withheld: string[] } {
  const doc = new DocumentBuilder({ sha256: 'c'.repeat(64), name: 'case.txt' }, 'text').add({ id: 'p0', text, part: 'body', anchor: { paragraph: 0 } }).build();
  const { findings, withheld } = runIndicators([doc], { lexicons, languages: [language], standaloneFeatures });
  const ofCalls = <T extends { category: string; actual: string }>(list: readonly T[]): string[] => list.filter((f) => f.category === 'call-to-action').map((f) => f.actual);
  return { stand: ofCalls(findings), accompany: ofCalls(findings.flatMap((f) => f.accompanying ?? [])), withheld: ofCalls(withheld) };
}

describe('bare obligation modals', () => {
  it('are withheld when their message has no candidate, and kept as candidates with standaloneFeatures', () => {
    expect(calls('You should rest before the exam.', 'en')).toEqual({ stand: [], accompany: [], withheld: ['should'] });
    expect(calls('Нужно внести данные в табель до пятницы.', 'ru')).toEqual({ stand: [], accompany: [], withheld: ['Нужно'] });
    expect(calls('You should rest before the exam.', 'en', true).stand).toEqual(['should']);
  });

  it('accompany the nearest candidate of their message', () => {
    expect(calls('Burn the barns of the Marshfolk. You should hurry.', 'en')).toEqual({ stand: ['Burn'], accompany: ['should'], withheld: [] });
  });

  it('stand beside violence, a group, a target or a word of force in their sentence', () => {
    expect(calls('Every man in the quarter has to take a weapon.', 'en').stand).toEqual(['has to']);
    expect(calls('We must drive the Greycloaks out of our land by force.', 'en').stand).toEqual(['must']);
    expect(calls('Их всех нужно наказать.', 'ru').stand).toEqual(['нужно']);
    expect(calls('Аларды жазалаш керек.', 'ky').stand).toEqual(['жазалаш керек']);
  });

  it('leave imperatives and prayers standing', () => {
    expect(calls('Take her to the vet.', 'en').stand).toEqual(['Take']);
    expect(calls('O Allah, we must be patient and thankful.', 'en').stand).toEqual(['must']);
  });
});

describe('God addressed as You inside a sentence', () => {
  const counters = (text: string): string[][] => {
    const doc = new DocumentBuilder({ sha256: 'd'.repeat(64), name: 'case.txt' }, 'text').add({ id: 'p0', text, part: 'body', anchor: { paragraph: 0 } }).build();
    return runIndicators([doc], { lexicons, languages: ['en'] }).findings.filter((f) => f.category === 'call-to-action').map((f) => [...f.countervailing]);
  };

  it('makes the imperative a prayer; a Title Case heading does not', () => {
    expect(counters('Keep us firm upon Your religion until we meet You.')).toEqual([['prayer']]);
    expect(counters('Remain in Your Homes')).toEqual([[]]);
  });
});

describe('the concern block', () => {
  const file = (category: string): string =>
    `lexicon: en.${category}\nversion: 1.0.0\nlanguage: en\ncategory: ${category}\ndescription: test\nsources:\n  - {id: g, citation: "A grammar"}\n` +
    `concern: {note: n, bare: [obligation], categories: [violence], source: g}\nentries: []\n`;

  it('belongs to call-to-action lexicons only and cites a source of the file', () => {
    expect(checkLexiconText('sop/lexicons/en/call-to-action.yaml', file('call-to-action')).problems).toEqual([]);
    expect(checkLexiconText('sop/lexicons/en/violence.yaml', file('violence')).problems.join('\n')).toMatch(/concern is only for call-to-action lexicons — fix/);
    const unsourced = file('call-to-action').replace('source: g}', 'source: nowhere}');
    expect(checkLexiconText('sop/lexicons/en/call-to-action.yaml', unsourced).problems.join('\n')).toMatch(/concern.source "nowhere" is not in the file's sources/);
  });
});
