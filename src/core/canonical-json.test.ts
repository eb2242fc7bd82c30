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

  it('refuses a non-finite number on either path', () => {
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(/non-finite/);
    expect(() => canonicalJson({ b: 1, a: Number.POSITIVE_INFINITY })).toThrow(/non-finite/);
  });

  it('pretty-prints with a two-space indent and a final newline', () => {
    expect(canonicalJson({ b: [1], a: 'x' }, true)).toBe('{\n  "a": "x",\n  "b": [\n    1\n  ]\n}\n');
  });
});
