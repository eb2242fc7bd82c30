import { describe, expect, it } from 'vitest';
import type { LogEntry } from './case.js';
import { GENESIS_HASH, logEntryHash } from './case.js';
import { expectedHeadCheck, formatLogHead, logHeadOf, parseLogHead, recordHeadOf } from './log-head.js';

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
    expect(expectedHeadCheck(log, { entries: 2, hash: 'b'.repeat(64) })).toEqual({ problems: [], later: 1, matched: 'log head' });
    expect(expectedHeadCheck(log.slice(0, 1), { entries: 2, hash: 'b'.repeat(64) }).problems[0]?.text).toMatch(/has 1 entries, the expected head is entry 2 .* cut short/);
    expect(expectedHeadCheck(log, { entries: 2, hash: 'd'.repeat(64) }).problems[0]?.text).toMatch(/entry 2 has log head b{12}… and record head [0-9a-f]{12}…, the expected head says d{12}…/);
  });
});

/** A chained log of fictional entries, each written at `time`. */
function chained(time: string, records: readonly { action: string; details: Record<string, unknown>; outputs?: { path: string; sha256: string }[] }[]): LogEntry[] {
  const out: LogEntry[] = [];
  for (const record of records) {
    const body = { seq: out.length + 1, time, actor: 'examiner', action: record.action, inputs: [], outputs: record.outputs ?? [], details: record.details, previousHash: out.at(-1)?.hash ?? GENESIS_HASH };
    out.push({ ...body, hash: logEntryHash(body) });
  }
  return out;
}

describe('record head', () => {
  const records = [
    { action: 'case.init', details: { caseNumber: 'K-1' } },
    { action: 'evidence.add', details: { name: 'a.txt' } },
  ];
  const monday = chained('2026-01-05T09:00:00.000Z', records);
  const friday = chained('2026-01-09T17:30:00.000Z', records);

  it('is the same for the same entries written at other times, while the log head differs', () => {
    expect(logHeadOf(monday)).not.toEqual(logHeadOf(friday));
    expect(recordHeadOf(monday)).toEqual(recordHeadOf(friday));
    expect(recordHeadOf(monday).entries).toBe(2);
  });

  it('changes when any recorded field changes, and with the length', () => {
    const edited = chained('2026-01-05T09:00:00.000Z', [records[0]!, { action: 'evidence.add', details: { name: 'b.txt' } }]);
    expect(recordHeadOf(edited).hash).not.toBe(recordHeadOf(monday).hash);
    expect(recordHeadOf(monday.slice(0, 1)).hash).not.toBe(recordHeadOf(monday).hash);
    expect(recordHeadOf([])).toEqual({ entries: 0, hash: GENESIS_HASH });
  });

  it('leaves renders, exports and seals out, so rendering again keeps the head', () => {
    const rendered = chained('2026-01-05T09:00:00.000Z', [records[0]!, { action: 'report.render', details: { language: 'ru' } }, records[1]!, { action: 'seal.create', details: { logHead: 'x' } }]);
    expect(recordHeadOf(rendered)).toEqual(recordHeadOf(monday));
    expect(expectedHeadCheck(rendered, recordHeadOf(monday))).toEqual({ problems: [], later: 0, matched: 'record head' });
  });

  it('is accepted by the expected-head check, which says which head matched', () => {
    expect(expectedHeadCheck(friday, recordHeadOf(monday))).toEqual({ problems: [], later: 0, matched: 'record head' });
    expect(expectedHeadCheck(friday, { entries: 1, hash: recordHeadOf(monday.slice(0, 1)).hash })).toEqual({ problems: [], later: 1, matched: 'record head' });
    expect(expectedHeadCheck(friday.slice(0, 1), recordHeadOf(monday)).problems[0]?.text).toMatch(/cut short/);
  });
});
