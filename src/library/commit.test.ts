import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitLibraryChange, initLibraryFolder, readLibrary } from './folder.js';

const now = () => new Date('2026-03-10T09:00:00Z');

describe('commitLibraryChange', () => {
  it('refuses a change built on a library head another command has moved, writing nothing', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'soz-library-commit-')), 'lib');
    initLibraryFolder(dir, now, 'lab');
    const staleHead = readLibrary(dir).head;
    commitLibraryChange(dir, now, { actor: 'lab', action: 'library.note', details: { n: 1 } }, [{ path: 'notes/one.txt', data: 'first' }], staleHead);
    const logBefore = readFileSync(join(dir, 'log.jsonl'));
    expect(() => commitLibraryChange(dir, now, { actor: 'lab', action: 'library.note', details: { n: 2 } }, [{ path: 'notes/two.txt', data: 'second' }], staleHead)).toThrow(/changed by another soz command/);
    expect(readFileSync(join(dir, 'log.jsonl')).equals(logBefore)).toBe(true);
    expect(readdirSync(join(dir, 'notes'))).toEqual(['one.txt']);
  });
});
