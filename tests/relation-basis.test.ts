/**
 * The basis of a derived relation worded in the report's language: the label templates of every
 * language word every basis kind and keep all its values; ru and ky carry no English; a template
 * naming a value its kind does not carry fails validation; values are filled in one pass.
 */
import { describe, expect, it } from 'vitest';
import { REPORT_LANGUAGES } from '../src/core/case.js';
import { RELATION_BASES, RELATION_BASIS_KINDS } from '../src/core/persons.js';
import type { RelationBasis } from '../src/core/persons.js';
import { fillPlaceholders, PLACEHOLDER, relationBasisText } from '../src/report/basis-text.js';
import { labelProblems } from '../src/report/labels.js';
import { readLabels, readRawLabels } from '../src/pipeline/report.js';

/** A basis of the kind whose every value is distinct and recognisable: `‹kind.name›`. */
const sample = (kind: (typeof RELATION_BASIS_KINDS)[number]) =>
  ({ kind, values: Object.fromEntries(RELATION_BASES[kind].map((name) => [name, `‹${kind}.${name}›`])) }) as RelationBasis;

describe('relation bases in the report language', () => {
  it('every language words every basis kind with all of its values', () => {
    for (const language of REPORT_LANGUAGES) {
      const labels = readLabels(language);
      for (const kind of RELATION_BASIS_KINDS) {
        const text = relationBasisText(labels, sample(kind));
        for (const name of RELATION_BASES[kind]) expect(text, `${language} ${kind}`).toContain(`‹${kind}.${name}›`);
        expect(text, `${language} ${kind}`).not.toMatch(PLACEHOLDER);
      }
    }
  });

  it('a document part is worded by its label; a part code soz does not know is printed as recorded', () => {
    const basis = (part: string): RelationBasis => ({ kind: 'namedPart', values: { part, segment: 'c0', party: 'Тимур Д.' } });
    expect(relationBasisText(readLabels('ru'), basis('cue'))).toBe('автор части c0 (фрагмент расшифровки) по данным источника: Тимур Д.');
    expect(relationBasisText(readLabels('ky'), basis('comment'))).toBe('булак боюнча c0 бөлүгүнүн (комментарий) автору: Тимур Д.');
    expect(relationBasisText(readLabels('en'), basis('new-part'))).toBe('new-part c0 is named by the source as by Тимур Д.');
  });

  it('ru and ky templates have no Latin words of their own', () => {
    for (const language of ['ru', 'ky'] as const) {
      for (const [kind, template] of Object.entries(readLabels(language).relationBases)) expect(template.replace(PLACEHOLDER, ''), `${language} ${kind}`).not.toMatch(/[A-Za-z]/u);
    }
  });

  it('a template with a value its kind does not carry fails validation, naming the key', () => {
    const { path, raw } = readRawLabels('ky');
    const labels = raw as { relationBases: Record<string, string> };
    const problems = labelProblems(path, { ...labels, relationBases: { ...labels.relationBases, sender: '{chat} чатында жөнөткөн: {party}' } });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('relationBases.sender');
    expect(problems[0]).toContain('{chat}');
  });

  it('fills each placeholder once: a value that looks like a placeholder stays as written', () => {
    expect(fillPlaceholders('{party} on {message}', { party: '{message}', message: '7' })).toBe('{message} on 7');
    expect(fillPlaceholders('{unknown} by {party}', { party: 'A' })).toBe('{unknown} by A');
  });
});
