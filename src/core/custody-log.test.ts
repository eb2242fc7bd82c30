import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, logChainProblems } from './case.js';
import type { LogEntryFields } from './custody-log.js';
import { chainEntry, entryHasFields, loggedPaths, logLine, parseLog } from './custody-log.js';

const fields = (action: string, time = '2026-03-10T09:00:00.000Z'): LogEntryFields => ({ time, actor: 'tester', action, inputs: [], outputs: [{ path: 'examiner/questions.json', sha256: 'a'.repeat(64) }], details: { n: 1 } });

describe('custody log bytes', () => {
  it('chains entries so that the chain check passes, starting from the genesis hash', () => {
    const first = chainEntry(undefined, fields('case.init'));
    const second = chainEntry(first, fields('question.add'));
    expect(first.seq).toBe(1);
    expect(first.previousHash).toBe(GENESIS_HASH);
    expect(second).toMatchObject({ seq: 2, previousHash: first.hash });
    expect(logChainProblems([first, second])).toEqual([]);
  });

  it('splits off an incomplete last line as the torn tail, keeping every complete entry', () => {
    const first = chainEntry(undefined, fields('case.init'));
    const whole = Buffer.from(logLine(first), 'utf8');
    const torn = Buffer.from('{"seq":2,"act', 'utf8');
    const parsed = parseLog(Buffer.concat([whole, torn]));
    expect(parsed.entries).toEqual([first]);
    expect(parsed.committedBytes).toBe(whole.byteLength);
    expect(Buffer.from(parsed.tornTail).toString('utf8')).toBe('{"seq":2,"act');
    expect(parsed.badLines).toEqual([]);
  });

  it('reports a complete line that is not an entry as damage, not as a torn tail', () => {
    const parsed = parseLog(Buffer.from('not json\n[1]\n', 'utf8'));
    expect(parsed.badLines).toEqual([1, 2]);
    expect(parsed.tornTail.byteLength).toBe(0);
  });

  it('an empty log has no entries and no tail', () => {
    expect(parseLog(new Uint8Array())).toEqual({ entries: [], committedBytes: 0, tornTail: new Uint8Array(), badLines: [] });
  });

  it('recognises the entry an intent recorded, and only that one', () => {
    const entry = chainEntry(undefined, fields('report.render'));
    expect(entryHasFields(entry, fields('report.render'))).toBe(true);
    expect(entryHasFields(entry, fields('report.render', '2026-03-10T09:00:01.000Z'))).toBe(false);
    expect(entryHasFields(entry, fields('report.export'))).toBe(false);
  });
});

describe('loggedPaths', () => {
  it('lists inputs, outputs, evidence copies and extraction folders with the entry that names them', () => {
    const entry = chainEntry(undefined, { ...fields('evidence.add'), outputs: [{ path: 'evidence.json', sha256: 'a'.repeat(64) }], details: { evidence: { copy: '../x' }, extraction: { folder: '/kept' } } });
    expect(loggedPaths([entry])).toEqual([
      { path: 'evidence.json', where: 'log.jsonl entry 1 (evidence.add) output' },
      { path: '../x', where: 'log.jsonl entry 1 (evidence.add) evidence copy' },
      { path: '/kept', where: 'log.jsonl entry 1 (evidence.add) extraction folder' },
    ]);
  });
});
