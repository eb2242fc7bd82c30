// The sub-category of a candidate's lexicon entry is shown with its category, in the report's language.
import { describe, expect, it } from 'vitest';
import { REPORT_LANGUAGES } from '../core/case.js';
import { SUBCATEGORIES } from '../analysis/lexicon-schema.js';
import { readLabels } from '../pipeline/report.js';
import { categoryWithSubcategory } from './finding-row.js';

describe('category with sub-category in the report language', () => {
  it('violence → physical harm, in ru, ky and en', () => {
    expect(categoryWithSubcategory(readLabels('ru'), 'violence', 'act')).toBe('лексика насилия: физический вред');
    expect(categoryWithSubcategory(readLabels('ky'), 'violence', 'act')).toBe('зомбулук лексикасы: денеге зыян келтирүү');
    expect(categoryWithSubcategory(readLabels('en'), 'violence', 'act')).toBe('violence vocabulary: physical harm');
  });

  it('every sub-category of every lexicon category has a label in every report language; ru and ky ones have no Latin code', () => {
    for (const language of REPORT_LANGUAGES) {
      const labels = readLabels(language);
      for (const [category, codes] of Object.entries(SUBCATEGORIES)) {
        for (const code of codes) {
          const shown = categoryWithSubcategory(labels, category, code);
          expect(shown).not.toBe(categoryWithSubcategory(labels, category, null));
          if (language !== 'en') expect(shown).not.toMatch(/[A-Za-z]/);
        }
      }
    }
  });

  it('no sub-category, or an examiner\'s own category: the category alone', () => {
    expect(categoryWithSubcategory(readLabels('ru'), 'violence', null)).toBe('лексика насилия');
    expect(categoryWithSubcategory(readLabels('en'), 'place', null)).toBe('place');
  });
});
