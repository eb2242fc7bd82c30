import { describe, expect, it } from 'vitest';
import { UnreadTally } from './unread.js';

describe('UnreadTally', () => {
  it('one warning per kind, in the order first seen, with count and first place', () => {
    const tally = new UnreadTally();
    tally.note('embedded object(s)', 'word/document.xml paragraph 3');
    tally.note('style element(s)', 'line 1');
    tally.note('embedded object(s)', 'word/document.xml paragraph 9');
    expect(tally.count('embedded object(s)')).toBe(2);
    expect(tally.notices('case.docx', 'docx')).toEqual([
      {
        code: 'docx.not-read',
        severity: 'warning',
        message: 'case.docx: 2 embedded object(s) not extracted (first: word/document.xml paragraph 3); check them by hand',
        unread: { kind: 'embedded object(s)', count: 2, first: 'word/document.xml paragraph 3' },
      },
      {
        code: 'docx.not-read',
        severity: 'warning',
        message: 'case.docx: 1 style element(s) not extracted (first: line 1); check them by hand',
        unread: { kind: 'style element(s)', count: 1, first: 'line 1' },
      },
    ]);
  });

  it('makes a place quoted from the evidence safe to print', () => {
    const tally = new UnreadTally();
    tally.note('package part(s)', 'word/\u202Eevil\nname.bin');
    expect(tally.notices('x.docx', 'docx')[0]?.unread?.first).toBe('word/ evil name.bin');
  });
});
