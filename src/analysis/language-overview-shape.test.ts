import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, canonicalJsonShaped } from '../core/canonical-json.js';
import { outcome, shapedValue } from '../../tests/support/shaped-values.js';
import { DOCUMENT_OVERVIEW_SHAPE } from './language-overview-shape.js';

describe('the declared shape of a language overview row', () => {
  it('writes the bytes of the generic canonical JSON: rows with members in any order, undeclared members, bad numbers', () => {
    fc.assert(
      fc.property(shapedValue(DOCUMENT_OVERVIEW_SHAPE), (value) => {
        expect(outcome(() => canonicalJsonShaped(value, DOCUMENT_OVERVIEW_SHAPE))).toBe(outcome(() => canonicalJson(value)));
      }),
      { numRuns: 200, seed: 17 },
    );
  });
});
