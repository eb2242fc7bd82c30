/**
 * The label files of the conclusion against their schema (what `soz data validate` runs): the
 * shipped files pass; a key added to one language only, or missing from one, is a problem naming
 * the file and the key.
 */
import { describe, expect, it } from 'vitest';
import { REPORT_LANGUAGES } from '../src/core/case.js';
import { labelProblems } from '../src/report/labels.js';
import { readRawLabels } from '../src/pipeline/report.js';
import { validateData } from '../src/pipeline/data.js';

describe('conclusion labels', () => {
  it('every shipped language fits the schema', () => {
    for (const language of REPORT_LANGUAGES) {
      const { path, raw } = readRawLabels(language);
      expect(labelProblems(path, raw), language).toEqual([]);
    }
  });

  it('a key added to one language only fails validation, naming the file and the key', () => {
    const { path, raw } = readRawLabels('ky');
    const problems = labelProblems(path, { ...(raw as object), extraHeading: 'Кошумча' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('templates/ky/conclusion.yaml');
    expect(problems[0]).toContain('extraHeading');
  });

  it('a key missing from one language, or empty, fails validation', () => {
    const { path, raw } = readRawLabels('ru');
    const { title: _title, ...withoutTitle } = raw as Record<string, unknown>;
    expect(labelProblems(path, withoutTitle).join('\n')).toMatch(/title/);
    const voices = { ...((raw as Record<string, Record<string, string>>)['voices'] ?? {}), own: ' ' };
    expect(labelProblems(path, { ...(raw as object), voices }).join('\n')).toMatch(/voices\.own/);
  });

  it('soz data validate reports no problem with the shipped labels', async () => {
    const problems = await validateData();
    expect(problems.filter((problem) => problem.includes('conclusion.yaml'))).toEqual([]);
  });
});
