import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.js';

/** The definition: keys sorted by code unit, undefined members dropped, written by hand. */
function reference(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => reference(item === undefined ? null : item)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).filter((key) => record[key] !== undefined).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${keys.map((key) => `${JSON.stringify(key)}:${reference(record[key])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The pretty definition: the same order, a two-space indent, a final newline. */
function prettyReference(value: unknown, current = ''): string {
  const inner = `${current}  `;
  if (Array.isArray(value)) return value.length === 0 ? '[]' : `[\n${inner}${value.map((item) => prettyReference(item === undefined ? null : item, inner)).join(`,\n${inner}`)}\n${current}]`;
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).filter((key) => record[key] !== undefined).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return keys.length === 0 ? '{}' : `{\n${inner}${keys.map((key) => `${JSON.stringify(key)}: ${prettyReference(record[key], inner)}`).join(`,\n${inner}`)}\n${current}}`;
  }
  return JSON.stringify(value);
}

/** JSON-like values with keys in any order (integer-like, "__proto__", "-" and non-Latin ones among them) and undefined members. */
const jsonLike = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, fc.constant(null), fc.boolean(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.string({ unit: 'binary' }), tie('array'), tie('object')),
  array: fc.array(fc.oneof(tie('value'), fc.constant(undefined)), { maxLength: 4 }),
  object: fc.dictionary(fc.oneof(fc.string({ maxLength: 3 }), fc.constantFrom('10', '9', '0', '__proto__', '-', 'ж', 'a', 'B')), fc.oneof(tie('value'), fc.constant(undefined)), { maxKeys: 5 }),
})).value;

describe('canonicalJson', () => {
  const cases: [string, unknown][] = [
    ['keys already in order (the native fast path)', { a: 1, b: [{ c: 'ж', d: null }], e: true }],
    ['keys out of order', { b: 1, a: { d: 2, c: 3 } }],
    ['integer-like keys, which V8 orders first', { '10': 'x', '9': 'y', a: 'z' }],
    ['an undefined member', { a: undefined, b: 1 }],
    ['undefined in an array', [1, undefined, 'x']],
    ['a "-" key before letters', { '-': ['note'], id: 'F1' }],
    ['nested arrays of sorted objects', [[{ a: 1 }, { a: 2, b: 3 }], []]],
  ];
  for (const [name, value] of cases) {
    it(`gives the canonical bytes: ${name}`, () => {
      expect(canonicalJson(value)).toBe(reference(value));
    });
  }

  it('gives the canonical bytes, compact and pretty, for any JSON-like value (keys in any order)', () => {
    fc.assert(
      fc.property(jsonLike, (value) => {
        expect(canonicalJson(value)).toBe(reference(value));
        expect(canonicalJson(value, true)).toBe(`${prettyReference(value)}\n`);
      }),
      { numRuns: 300, seed: 17 },
    );
  });

  it('leaves the value it writes as it was', () => {
    const value = { b: [{ d: 1, c: [2, { f: undefined, e: 'x' }] }], a: null };
    const before = JSON.stringify(value);
    canonicalJson(value);
    canonicalJson(value, true);
    expect(JSON.stringify(value)).toBe(before);
    expect(Object.keys(value)).toEqual(['b', 'a']);
  });

  it('refuses a non-finite number on either path', () => {
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(/non-finite/);
    expect(() => canonicalJson({ b: 1, a: Number.POSITIVE_INFINITY })).toThrow(/non-finite/);
  });

  it('pretty-prints with a two-space indent and a final newline', () => {
    expect(canonicalJson({ b: [1], a: 'x' }, true)).toBe('{\n  "a": "x",\n  "b": [\n    1\n  ]\n}\n');
  });
});
