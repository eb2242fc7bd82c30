import { describe, expect, it } from 'vitest';
import type { LogEntry } from './case.js';
import { expectedHeadCheck, formatLogHead, logHeadOf, parseLogHead } from './log-head.js';

const entry = (seq: number, hash: string) => ({ seq, hash }) as LogEntry;
const log = [entry(1, 'a'.repeat(64)), entry(2, 'b'.repeat(64)), entry(3, 'c'.repeat(64))];

describe('log head', () => {
  it('is the entry count and the last hash, printed as N:HASH and read back', () => {
    const head = logHeadOf(log);
    expect(formatLogHead(head)).toBe(`3:${'c'.repeat(64)}`);
    expect(parseLogHead(` 3:${'C'.repeat(64)} `)).toEqual(head);
    expect(logHeadOf([])).toEqual({ entries: 0, hash: '0'.repeat(64) });
  });

  it('refuses malformed heads', () => {
    for (const text of ['3', `0:${'a'.repeat(64)}`, `3:${'a'.repeat(63)}`, `x:${'a'.repeat(64)}`, `3:${'g'.repeat(64)}`]) expect(parseLogHead(text), text).toBeUndefined();
  });

  it('is found in a log that grew after it, not in one cut short or changed', () => {
    expect(expectedHeadCheck(log, { entries: 2, hash: 'b'.repeat(64) })).toEqual({ problems: [], later: 1 });
    expect(expectedHeadCheck(log.slice(0, 1), { entries: 2, hash: 'b'.repeat(64) }).problems[0]).toMatch(/has 1 entries, the expected head is entry 2 .* cut short/);
    expect(expectedHeadCheck(log, { entries: 2, hash: 'd'.repeat(64) }).problems[0]).toMatch(/entry 2 has hash b{12}…, the expected head says d{12}…/);
  });
});
