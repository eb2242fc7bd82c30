import { describe, expect, it } from 'vitest';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { logChainProblems } from '../src/core/case.js';
import type { EvidenceRecord, LogEntry } from '../src/core/case.js';
import { fileSha256, snapshotTree, soz, tempDir } from './support/cli.js';

const INIT = ['--case-number', 'T-1', '--ordering-body', 'Test body', '--order-date', '2026-01-02', '--examiner', 'Examiner A', '--examination-date', '2026-01-03', '--language', 'en'];

function readLog(dir: string): LogEntry[] {
  return readFileSync(join(dir, 'log.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as LogEntry);
}

function makeSource(): { dir: string; file: string } {
  const dir = tempDir('soz-src-');
  const file = join(dir, 'note.txt');
  writeFileSync(file, 'Первая строка текста.\n\nSecond paragraph in English.\n');
  return { dir, file };
}

describe('case workspace', () => {
  it('init records the case and starts the hash-chained log', async () => {
    const dir = join(tempDir(), 'case');
    const result = await soz(['init', dir, ...INIT]);
    expect(result.code).toBe(0);
    const metadata = JSON.parse(readFileSync(join(dir, 'case.json'), 'utf8'));
    expect(metadata).toMatchObject({ caseNumber: 'T-1', orderingBody: 'Test body', orderDate: '2026-01-02', examiner: 'Examiner A', reportLanguage: 'en' });
    const log = readLog(dir);
    expect(log.map((entry) => entry.action)).toEqual(['case.init']);
    expect(logChainProblems(log)).toEqual([]);
  });

  it('rejects an invalid date and a non-empty folder, naming the problem', async () => {
    const bad = await soz(['init', join(tempDir(), 'c'), ...INIT.map((v) => (v === '2026-01-02' ? '2026-02-30' : v))]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/orderDate: not a calendar date/);
    const { dir } = makeSource();
    const occupied = await soz(['init', dir, ...INIT]);
    expect(occupied.code).toBe(2);
    expect(occupied.stderr).toContain('folder is not empty');
  });

  it('add hashes, copies read-only, logs custody and never touches the original', async () => {
    const { file } = makeSource();
    const before = { sha: fileSha256(file), mtime: statSync(file).mtimeMs, mode: statSync(file).mode };
    const dir = join(tempDir(), 'case');
    await soz(['init', dir, ...INIT]);
    const result = await soz(['add', dir, file]);
    expect(result.code, result.stderr).toBe(0);
    expect({ sha: fileSha256(file), mtime: statSync(file).mtimeMs, mode: statSync(file).mode }).toEqual(before);

    const register = JSON.parse(readFileSync(join(dir, 'evidence.json'), 'utf8')) as EvidenceRecord[];
    expect(register).toHaveLength(1);
    const record = register[0]!;
    expect(record.sha256).toBe(before.sha);
    expect(record.md5).toMatch(/^[0-9a-f]{32}$/);
    expect(record.originalName).toBe('note.txt');
    expect(record.mediaType).toBe('text/plain');
    expect(record.size).toBe(statSync(file).size);
    const copy = join(dir, record.copy);
    expect(fileSha256(copy)).toBe(before.sha);
    expect(statSync(copy).mode & 0o222).toBe(0);

    const log = readLog(dir);
    expect(log.map((entry) => entry.action)).toEqual(['case.init', 'evidence.add']);
    expect(log[1]!.details['originalPath']).toBe(file);
    // The evidence copy, then the documents add kept (extract once).
    expect(log[1]!.outputs[0]).toEqual({ path: record.copy, sha256: before.sha });
    expect(log[1]!.outputs.slice(1).map((output) => output.path)).toEqual([expect.stringMatching(new RegExp(`^extracted/${before.sha}\\.[0-9a-f]{16}/[^/]+\\.ndjson$`))]);
    expect(logChainProblems(log)).toEqual([]);
  });

  it('recognises the same bytes added twice instead of duplicating them', async () => {
    const { file } = makeSource();
    const dir = join(tempDir(), 'case');
    await soz(['init', dir, ...INIT]);
    await soz(['add', dir, file]);
    const again = await soz(['add', dir, file]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^duplicate/);
    expect(JSON.parse(readFileSync(join(dir, 'evidence.json'), 'utf8'))).toHaveLength(1);
    expect(readLog(dir).map((entry) => entry.action)).toEqual(['case.init', 'evidence.add', 'evidence.duplicate']);
  });

  it('a missing file among several leaves the case exactly as it was', async () => {
    const { file } = makeSource();
    const dir = join(tempDir(), 'case');
    await soz(['init', dir, ...INIT]);
    const before = snapshotTree(dir);
    const result = await soz(['add', dir, file, join(tempDir(), 'absent.pdf')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/absent\.pdf: no such file/);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('refuses a folder that is not a case', async () => {
    const result = await soz(['add', tempDir(), makeSource().file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/not a soz case/);
  });

  it('after an interrupted write, moves unlogged copies and dead temporaries to quarantine, deleting nothing', async () => {
    const { file } = makeSource();
    const dir = join(tempDir(), 'case');
    await soz(['init', dir, ...INIT]);
    const before = snapshotTree(dir);
    // pid 2^22+1 is above Linux's pid_max: a process that cannot be running.
    writeFileSync(join(dir, '.log.jsonl.tmp-4194305-1'), 'half');
    mkdirSync(join(dir, 'evidence'));
    writeFileSync(join(dir, 'evidence', 'deadbeef.txt'), 'unlogged copy');
    chmodSync(join(dir, 'evidence', 'deadbeef.txt'), 0o444);
    const result = await soz(['add', dir, file]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('soz: recovery: evidence/deadbeef.txt: evidence copy that no log entry records');
    expect(existsSync(join(dir, '.log.jsonl.tmp-4194305-1'))).toBe(false);
    expect(existsSync(join(dir, 'evidence', 'deadbeef.txt'))).toBe(false);
    expect(readFileSync(join(dir, 'quarantine', 'after-entry-1', 'evidence', 'deadbeef.txt'), 'utf8')).toBe('unlogged copy');
    expect(readFileSync(join(dir, 'quarantine', 'after-entry-1', '.log.jsonl.tmp-4194305-1'), 'utf8')).toBe('half');
    expect(Object.keys(before).every((key) => key in snapshotTree(dir))).toBe(true);
  });
});
