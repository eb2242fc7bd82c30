import { appendFileSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { logChainProblems } from '../src/core/case.js';
import { fileSha256, snapshotTree, soz, tempDir } from './support/cli.js';
import { BUILT, DEAD_PID, caseWith, plantLock, readLog, runBin as run, sources } from './support/custody.js';

// Custody under concurrency: the case lock, the appended log, a torn last entry, and separate
// bin/soz processes on one case. A damaged case folder is in tests/hostile/case-folder.test.ts.
// Texts are fictional.

describe('case lock', () => {
  it('a writer finding the case held by a live process exits 2 naming it; the case is unchanged', async () => {
    const dir = await caseWith(sources(1));
    plantLock(dir, { pid: process.pid, command: 'analyze' });
    const before = snapshotTree(dir);
    const result = await soz(['add', dir, ...sources(1)], { env: { SOZ_LOCK_WAIT_SECONDS: '0.2' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`soz: error: ${dir}: case is in use by soz analyze (pid ${process.pid} on host ${hostname()}, since 2026-03-10T08:00:00.000Z); try again when it has finished\n`);
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('a lock left by a dead process is taken over and kept aside as a record', async () => {
    const dir = await caseWith(sources(1));
    plantLock(dir, { pid: DEAD_PID, command: 'add' });
    const result = await soz(['add', dir, ...sources(1)]);
    expect(result.code, result.stderr).toBe(0);
    expect(existsSync(join(dir, '.soz-lock'))).toBe(false);
    expect(JSON.parse(readFileSync(join(dir, `.soz-lock.stale-${DEAD_PID}-planted`, 'owner.json'), 'utf8'))).toMatchObject({ pid: DEAD_PID, command: 'add' });
    expect(readLog(dir).filter((entry) => entry.action === 'evidence.add')).toHaveLength(2);
  });

  it('a lock of another host is never guessed stale', async () => {
    const dir = await caseWith([]);
    plantLock(dir, { pid: DEAD_PID, command: 'report', host: 'other-workstation' });
    const result = await soz(['question', 'add', dir, 'What is the topic of the text?'], { env: { SOZ_LOCK_WAIT_SECONDS: '0' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`case is in use by soz report (pid ${DEAD_PID} on host other-workstation`);
    expect(result.stderr).toContain('if soz is no longer running on other-workstation, remove the folder');
  });
});

describe('custody log', () => {
  it('is appended in place: earlier bytes untouched, same file, chain intact', async () => {
    const dir = await caseWith(sources(1));
    const log = join(dir, 'log.jsonl');
    const before = { bytes: readFileSync(log), inode: statSync(log).ino };
    expect((await soz(['add', dir, ...sources(2)])).code).toBe(0);
    const after = readFileSync(log);
    expect(statSync(log).ino).toBe(before.inode);
    expect(after.subarray(0, before.bytes.byteLength).equals(before.bytes)).toBe(true);
    expect(logChainProblems(readLog(dir))).toEqual([]);
  });

  it('an entry cut short at the end is moved to quarantine by the next writer, and reported', async () => {
    const dir = await caseWith(sources(1));
    const torn = '{"action":"evidence.add","actor":"tes';
    appendFileSync(join(dir, 'log.jsonl'), torn);
    expect((await soz(['sop', 'status', dir])).code).toBe(0); // readers see the committed entries
    const result = await soz(['add', dir, ...sources(1)]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/soz: recovery: log\.jsonl ended in an entry cut short \(37 bytes, never committed\); moved to quarantine\/after-entry-2\/log\.jsonl\.torn-tail/);
    expect(readFileSync(join(dir, 'quarantine', 'after-entry-2', 'log.jsonl.torn-tail'), 'utf8')).toBe(torn);
    expect(logChainProblems(readLog(dir))).toEqual([]);
    expect(readLog(dir).map((entry) => entry.action)).toEqual(['case.init', 'evidence.add', 'evidence.add']);
  });
});

describe.skipIf(!BUILT)('separate soz processes on one case', () => {
  it('many `soz add` at once, round after round, lose nothing and verify', async () => {
    const dir = await caseWith([]);
    const perRound = 6;
    const added: string[] = [];
    for (let round = 0; round < 3; round += 1) {
      const files = sources(perRound);
      const results = await Promise.all(files.map((file) => run(['add', dir, file], { SOZ_LOCK_WAIT_SECONDS: '120' })));
      results.forEach((result) => expect(result.code, result.stderr).toBe(0));
      expect(results.filter((result) => result.stdout.startsWith('added'))).toHaveLength(perRound);
      added.push(...files.map(fileSha256));
    }
    const logged = readLog(dir).filter((entry) => entry.action === 'evidence.add').map((entry) => entry.outputs[0]!.sha256);
    expect([...logged].sort()).toEqual([...added].sort());
    expect(new Set(logged).size).toBe(logged.length);
    for (const sha of added) expect(fileSha256(join(dir, 'evidence', `${sha}.txt`))).toBe(sha);
    expect(readdirSync(join(dir, 'evidence'))).toHaveLength(added.length);
    expect(existsSync(join(dir, 'quarantine'))).toBe(false);
    expect(logChainProblems(readLog(dir))).toEqual([]);
    expect((await soz(['analyze', dir])).code).toBe(0);
    const verify = await soz(['verify', dir]);
    expect(verify.code, verify.stdout).toBe(0);
  }, 600_000);

  it('`soz add` during `soz analyze` waits or is refused; the analysis keeps its documents', async () => {
    const dir = await caseWith(sources(1));
    const long = join(tempDir('soz-custody-long-'), 'long.txt');
    writeFileSync(long, Array.from({ length: 3000 }, (_, i) => `${i}. Вымышленный абзац для долгого анализа; fictional paragraph.`).join('\n\n'));
    expect((await soz(['add', dir, long])).code).toBe(0);
    // The analysis waits with the lock held, after staging its folder, until the test releases it.
    const release = join(tempDir('soz-custody-release-'), 'go');
    const analyze = run(['analyze', dir], { SOZ_HOLD_AT: `analysis.run/staged=${release}` });
    for (let i = 0; i < 600 && !existsSync(join(dir, '.soz-lock', 'owner.json')); i++) await new Promise((resolve) => setTimeout(resolve, 50));
    const refused = await run(['add', dir, ...sources(1)], { SOZ_LOCK_WAIT_SECONDS: '0' });
    const waiting = run(['add', dir, ...sources(1)], { SOZ_LOCK_WAIT_SECONDS: '300' });
    writeFileSync(release, '');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/case is in use by soz analyze \(pid \d+ on host .+, since .+\); try again when it has finished/);
    expect((await analyze).code).toBe(0);
    expect((await waiting).code).toBe(0);
    expect(readdirSync(join(dir, 'derived', 'documents')).length).toBeGreaterThan(0);
    expect(readLog(dir).map((entry) => entry.action)).toEqual(['case.init', 'evidence.add', 'evidence.add', 'analysis.run', 'evidence.add']);
    const verify = await soz(['verify', dir]);
    expect(verify.code, verify.stdout).toBe(0);
  }, 600_000);
});
