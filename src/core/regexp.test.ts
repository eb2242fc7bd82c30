import { describe, expect, it } from 'vitest';
import { escapeRegExp } from './regexp.js';

describe('escapeRegExp', () => {
  it('makes every syntax character literal', () => {
    const literal = 'a.b*c+d?e^f$g{1}h(i)j|k[l]m\\n/o';
    expect(new RegExp(`^${escapeRegExp(literal)}$`, 'u').test(literal)).toBe(true);
    expect(new RegExp(`^${escapeRegExp('a.b')}$`, 'u').test('axb')).toBe(false);
  });
  it('leaves letters of any script as they are', () => {
    expect(escapeRegExp('бүгін йўқ')).toBe('бүгін йўқ');
  });
});
