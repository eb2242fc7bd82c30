import { describe, expect, it } from 'vitest';
import { formatMessage } from '../core/messages.js';
import { describeArtefactDifference, firstJsonDifference, firstLineDifference, STORED_REPRODUCED } from './compare.js';
import { auditEvidence, auditLines } from './audit.js';
import { sortBundleEntries } from './bundle-rules.js';
import { isSymlinkAttributes, unsafeEntryReason } from '../core/zip-entry.js';

describe('firstJsonDifference', () => {
  it('names the first differing field by path, with both values and the finding id', () => {
    const stored = { analysis: 'x', findings: [{ id: 'f-1', start: 3 }, { id: 'f-2', context: { left: 'ab' } }] };
    const reproduced = { analysis: 'x', findings: [{ id: 'f-1', start: 3 }, { id: 'f-2', context: { left: 'ac' } }] };
    expect(firstJsonDifference(stored, reproduced)).toEqual({ path: '$.findings[1].context.left', expected: '"ab"', actual: '"ac"', elementId: 'f-2' });
  });

  it('reports a missing key and an extra array element, and null for equal values', () => {
    expect(firstJsonDifference({ a: 1, b: 2 }, { a: 1 })).toEqual({ path: '$.b', expected: '2', actual: '(absent)' });
    expect(firstJsonDifference([1], [1, 2])).toEqual({ path: '$[1]', expected: '(absent)', actual: '2' });
    expect(firstJsonDifference({ 'odd key': [1, { b: null }] }, { 'odd key': [1, { b: null }] })).toBeNull();
    expect(firstJsonDifference({ 'odd key': 1 }, { 'odd key': 2 })?.path).toBe('$["odd key"]');
  });
});

describe('firstLineDifference and describeArtefactDifference', () => {
  it('gives line and column from 1 and a window around the change', () => {
    const long = `${'a'.repeat(200)}X${'b'.repeat(50)}`;
    const result = firstLineDifference(`one\n${long}`, `one\n${long.replace('X', 'Y')}`)!;
    expect(result.line).toBe(2);
    expect(result.column).toBe(201);
    expect(result.expected).toContain('X');
    expect(result.actual).toContain('Y');
  });

  it('describes JSON, text, missing and extra artefacts in one line, with the message the CLI translates', () => {
    const bytes = (text: string) => Buffer.from(text);
    const text = (expected: Uint8Array | null, actual: Uint8Array | null, path: string) => describeArtefactDifference(path, expected, actual, STORED_REPRODUCED)?.text;
    expect(text(bytes('{"n":1}'), bytes('{"n":2}'), 'a.json')).toBe('a.json: $.n: stored 1, reproduced 2');
    expect(text(bytes('{"n":1}'), bytes('{ "n": 1 }'), 'a.json')).toContain('formatting changed');
    expect(text(bytes('x\ny'), bytes('x\nz'), 'r.md')).toBe('r.md: line 2, column 1: stored "y", reproduced "z"');
    expect(text(null, bytes('x'), 'r.md')).toBe('r.md: present, but stored has no such file');
    expect(text(bytes('x'), null, 'r.md')).toBe('r.md: missing, stored has it');
    expect(describeArtefactDifference('r.md', bytes('x'), bytes('x'), STORED_REPRODUCED)).toBeNull();
    const json = describeArtefactDifference('a.json', bytes('{"n":1}'), bytes('{"n":2}'), STORED_REPRODUCED)!;
    expect(json.message).toMatchObject({ key: 'verify.diff.json', params: { path: 'a.json', at: '$.n', expectedValue: '1', actualValue: '2', expected: { key: 'verify.side.stored' } } });
  });
});

describe('auditEvidence', () => {
  it('sorts copies into matched, changed, missing and new like hashdeep', () => {
    const register = [
      { path: 'evidence/b.txt', sha256: 'b', originalName: 'B.txt' },
      { path: 'evidence/a.txt', sha256: 'a', originalName: 'A.txt' },
      { path: 'evidence/c.txt', sha256: 'c', originalName: 'C.txt' },
    ];
    const audit = auditEvidence(register, new Map([['evidence/a.txt', 'a'], ['evidence/b.txt', 'z'], ['evidence/x.txt', 'x']]));
    expect(audit).toEqual({
      matched: ['evidence/a.txt'],
      changed: [{ path: 'evidence/b.txt', originalName: 'B.txt', expected: 'b', actual: 'z' }],
      missing: [{ path: 'evidence/c.txt', originalName: 'C.txt' }],
      added: ['evidence/x.txt'],
    });
    expect(auditLines(audit).summary).toBe('evidence: 1 matched, 1 changed, 1 missing, 1 new');
    expect(auditLines(audit).problems).toHaveLength(3);
  });
});

describe('bundle rules', () => {
  it('rejects escaping names and accepts plain relative ones', () => {
    expect(unsafeEntryReason('evidence/abc.txt')).toBeUndefined();
    expect(unsafeEntryReason('../x')?.text).toMatch(/\.\./);
    expect(unsafeEntryReason('/x')?.text).toMatch(/absolute/);
    expect(unsafeEntryReason('c:/x')?.text).toMatch(/drive letter/);
    expect(unsafeEntryReason('a\\..\\x')?.text).toMatch(/backslash/);
    expect(unsafeEntryReason('a//b')?.text).toMatch(/empty/);
    expect(isSymlinkAttributes(0o120777 << 16)).toBe(true);
    expect(isSymlinkAttributes(0o100644 << 16)).toBe(false);
    expect(sortBundleEntries(['b', 'README.txt', 'a'])).toEqual(['README.txt', 'a', 'b']);
  });
});

describe('the markers inside a difference line', () => {
  it('say an absent value in the reader\'s language, while a string that reads "(absent)" stays a quoted value', () => {
    const lookup = (key: string) => ({ 'verify.diff.json': '{path}: {at}: {expected} {expectedValue}, {actual} {actualValue}', 'verify.value.absent': '(нет)', 'verify.side.stored': 'сохранено', 'verify.side.reproduced': 'воспроизведено' })[key];
    const said = describeArtefactDifference('derived/a.json', Buffer.from('{"a":1,"b":2}'), Buffer.from('{"a":1}'), STORED_REPRODUCED);
    expect(said?.text).toBe('derived/a.json: $.b: stored 2, reproduced (absent)');
    expect(formatMessage(lookup(said!.message.key)!, said!.message.params, lookup)).toBe('derived/a.json: $.b: сохранено 2, воспроизведено (нет)');
    const quoted = describeArtefactDifference('derived/a.json', Buffer.from('{"b":"x"}'), Buffer.from('{"b":"(absent)"}'), STORED_REPRODUCED);
    expect(formatMessage(lookup(quoted!.message.key)!, quoted!.message.params, lookup)).toBe('derived/a.json: $.b: сохранено "x", воспроизведено "(absent)"');
  });
});
