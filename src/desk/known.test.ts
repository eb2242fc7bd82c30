import { describe, expect, it } from 'vitest';
import { differenceParts } from './known.js';

describe('differenceParts', () => {
  it('cuts a passage at its difference marks, keeping the marks in the differing parts and every character', () => {
    const text = 'в ⟦воскресенье⟧ у ⟦старой⟧ сосны';
    const parts = differenceParts(text);
    expect(parts).toEqual([
      { text: 'в ', differs: false },
      { text: '⟦воскресенье⟧', differs: true },
      { text: ' у ', differs: false },
      { text: '⟦старой⟧', differs: true },
      { text: ' сосны', differs: false },
    ]);
    expect(parts.map((part) => part.text).join('')).toBe(text);
  });

  it('leaves markup as characters and an unclosed mark as plain text', () => {
    const text = '<img src=x onerror=alert(1)> ⟦<b>⟧ then ⟦open';
    const parts = differenceParts(text);
    expect(parts).toEqual([
      { text: '<img src=x onerror=alert(1)> ', differs: false },
      { text: '⟦<b>⟧', differs: true },
      { text: ' then ⟦open', differs: false },
    ]);
  });

  it('gives no part for an empty text', () => {
    expect(differenceParts('')).toEqual([]);
  });
});
