/**
 * Random values of a declared JSON shape (`jsonShape`) for property tests of `canonicalJsonShaped`:
 * members in any order, some left out or undefined, members of undeclared shape any JSON-like
 * value, and now and then what the shape does not foresee — a member it does not declare (an
 * integer-like or `__proto__` one among them), a non-finite number, a value of another kind.
 */
import fc from 'fast-check';
import type { JsonShape, MemberShape } from '../../src/core/canonical-json.js';
import { ANY_JSON } from '../../src/core/canonical-json.js';

/** JSON-like values with keys in any order and undefined members. */
const anyJson: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, fc.constant(null), fc.boolean(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.string({ unit: 'binary', maxLength: 6 }), tie('array'), tie('object')),
  array: fc.array(fc.oneof(tie('value'), fc.constant(undefined)), { maxLength: 3 }),
  object: fc.dictionary(fc.oneof(fc.string({ maxLength: 3 }), fc.constantFrom('10', '-', 'ж', 'a')), fc.oneof(tie('value'), fc.constant(undefined)), { maxKeys: 4 }),
})).value;

/** What a shape does not foresee in place of a member. */
const unforeseen = fc.oneof(anyJson, fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY));

function memberValue(shape: MemberShape, depth: number): fc.Arbitrary<unknown> {
  if (shape === ANY_JSON) return anyJson;
  if (Array.isArray(shape)) return fc.oneof({ weight: 5, arbitrary: fc.array(shapedValue(shape[0] as JsonShape, depth + 1), { maxLength: 3 }) }, { weight: 1, arbitrary: unforeseen });
  return fc.oneof({ weight: 5, arbitrary: shapedValue(shape as JsonShape, depth + 1) }, { weight: 1, arbitrary: unforeseen });
}

/** An object of `shape` (or, rarely, not quite), its members inserted in a random order. */
export function shapedValue(shape: JsonShape, depth = 0): fc.Arbitrary<unknown> {
  const members = shape.keys.map((key, place) => fc.option(fc.tuple(fc.constant(key), fc.oneof({ weight: 8, arbitrary: depth > 2 ? anyJson : memberValue(shape.members[place]!, depth) }, { weight: 1, arbitrary: fc.constant(undefined) })), { freq: 3 }));
  const extra = fc.option(fc.tuple(fc.constantFrom('zz', '0', '7', '__proto__', 'Z', '-x'), anyJson), { freq: 8 });
  return fc.tuple(fc.tuple(...members), extra).chain(([present, added]) => {
    const entries = [...present, added].filter((entry): entry is [string, unknown] => entry !== null);
    return fc.shuffledSubarray(entries, { minLength: entries.length, maxLength: entries.length }).map((ordered) => {
      const value: Record<string, unknown> = {};
      // defineProperty: a "__proto__" member is an own member, as JSON.parse makes it.
      for (const [key, member] of ordered) Object.defineProperty(value, key, { value: member, enumerable: true, writable: true, configurable: true });
      return value;
    });
  });
}

/** `f()`'s result, or the message of what it threw. */
export function outcome(f: () => string): string {
  try {
    return f();
  } catch (error) {
    return `threw ${(error as Error).message}`;
  }
}
