import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, canonicalJsonShaped } from '../core/canonical-json.js';
import { outcome, shapedValue } from '../../tests/support/shaped-values.js';
import { FINDING_LINE_SHAPE, FINDING_SHAPE, SEGMENT_LINE_SHAPE } from './derived-shapes.js';

describe('the declared shapes of segment and finding lines', () => {
  for (const [name, shape] of [
    ['segment line', SEGMENT_LINE_SHAPE],
    ['finding', FINDING_SHAPE],
    ['finding line', FINDING_LINE_SHAPE],
  ] as const) {
    it(`write the bytes of the generic canonical JSON: ${name}s with members in any order, undeclared members, bad numbers`, () => {
      fc.assert(
        fc.property(shapedValue(shape), (value) => {
          expect(outcome(() => canonicalJsonShaped(value, shape))).toBe(outcome(() => canonicalJson(value)));
        }),
        { numRuns: 300, seed: 17 },
      );
    });
  }
});
