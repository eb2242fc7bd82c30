/**
 * The Markdown candidate rows built as strings (`src/report/markdown-rows.ts`) give the bytes
 * Handlebars gives for the template's row partials, in every language and for every shape of row
 * (no matched form, notes, an empty or a given reason, Markdown and line breaks in the text), and
 * the installed template opens with exactly those partials, so the reports use the built rows.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { conclusionHandlebars } from '../src/report/helpers.js';
import { markdownAnswer, markdownCell } from '../src/report/markdown.js';
import { FINDING_UNITS_PARTIALS, markdownFindingUnits, withoutCompiledPartials } from '../src/report/markdown-rows.js';
import type { FindingView } from '../src/report/model.js';
import { fictionalFindingView } from './support/finding-view.js';
import { readLabels } from '../src/pipeline/report.js';

const TEMPLATE = readFileSync(join(new URL('../templates/', import.meta.url).pathname, 'conclusion.md.hbs'), 'utf8');

// Fictional candidates.
const base = fictionalFindingView();

const views: FindingView[] = [
  base,
  { ...base, id: 'f2', range: [20, 25], matched: { form: 'убить', rule: 'lemma убить' }, note: 'примечание', citation: 'lex 1.0, e1: src', mainstreamMeaning: 'обычное', decisionReason: '' },
  { ...base, id: 'f3', unit: 'd1#8', messageId: '8', page: 2, author: 'A_b', originalAuthor: 'B', voice: 'reported', countervailing: ['quoted', 'negated'], decisionReason: 'причина <b>', questionIds: ['Q1'], voiceChange: { from: 'own', reason: 'цитата', actor: 'E' } },
  { ...base, id: 'f4', unit: 'd2#s1', documentId: 'd2', messageId: null, segmentId: 's1', analysis: 'examiner', reason: 'добавлено', category: 'своё слово' },
];

describe('the Markdown candidate rows built as strings', () => {
  it('give the bytes Handlebars gives for the partials they were compiled from', () => {
    for (const language of ['ru', 'ky', 'en'] as const) {
      const labels = readLabels(language);
      const handlebars = conclusionHandlebars(labels, { cell: markdownCell, answerText: markdownAnswer });
      const render = handlebars.compile(`${FINDING_UNITS_PARTIALS}{{> findingUnits list}}`, { noEscape: true, strict: false });
      for (const list of [views, views.slice(1, 2), []]) {
        const expected = render({ t: labels, list });
        expect(markdownFindingUnits(list, labels, markdownCell)).toBe(expected);
      }
      expect(render({ t: labels, list: views })).toContain('⟦слово⟧');
    }
  });

  it('are used for the installed template, and not for one whose rows were edited', () => {
    expect(withoutCompiledPartials(TEMPLATE)).toBe(TEMPLATE.slice(FINDING_UNITS_PARTIALS.length));
    expect(withoutCompiledPartials(TEMPLATE.replace('{{cell people}}', '{{cell voice}}'))).toBeNull();
  });
});
