import { describe, expect, it } from 'vitest';
import { markdownCell } from './markdown.js';

/** The three passes `markdownCell` did before it became one (the reference it must equal). */
function threePasses(value: unknown): string {
  return String(value)
    .replace(/[\r\n\u2028\u2029]+/g, ' ')
    .replace(/([\\`*_[\]<>|#])/g, '\\$1')
    // eslint-disable-next-line no-control-regex -- the reference strips them too
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '');
}

/** Characters of every class the cell treats, and plain ones around them. */
const ALPHABET = ['a', 'ж', ' ', '\r', '\n', '\u2028', '\u2029', '\\', '`', '*', '_', '[', ']', '<', '>', '|', '#', '\u0000', '\u0007', '\u000b', '\u001f', '\u007f', '\u202e', '\u2066', '\t', '😀'];

describe('markdownCell in one pass', () => {
  it('equals the three passes it replaced on strings mixing every class', () => {
    // A fixed linear congruential sequence: the same strings on every run.
    let seed = 17;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    for (let index = 0; index < 2000; index += 1) {
      const length = next() % 12;
      let text = '';
      for (let at = 0; at < length; at += 1) text += ALPHABET[next() % ALPHABET.length];
      expect(markdownCell(text)).toBe(threePasses(text));
    }
  });

  it('returns text needing no change as it is, and takes any value', () => {
    expect(markdownCell('обычный текст, 42.')).toBe('обычный текст, 42.');
    expect(markdownCell(7)).toBe('7');
    expect(markdownCell('a|b\r\n\r\nc\u202e')).toBe('a\\|b c');
  });
});
