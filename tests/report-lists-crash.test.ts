/**
 * The report's kept lists (unreviewed candidates, source excerpts: evidence text) and the DOCX
 * body's spool live inside the case, never in the system's temporary folder (issue 17, issue 13).
 * A report killed while they are on disk (SIGKILL once its first list is written) leaves nothing
 * in its temporary folder (`TMPDIR` of the killed process); the folder it
 * left in the case is skipped by `soz verify`, and moved to `quarantine/` by the next writing
 * command's recovery, after which the case still verifies. Texts are fictional.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isTempName } from '../src/case/atomic.js';
import { CaseWorkspace } from '../src/case/workspace.js';
import { soz, tempDir } from './support/cli.js';

const ROOT = new URL('../', import.meta.url).pathname;
const BIN = process.env['SOZ_BIN'] ?? join(ROOT, 'bin', 'soz');
const BUILT = process.env['SOZ_BIN'] !== undefined || existsSync(join(ROOT, 'dist', 'cli', 'bin.js'));

/** Runs the compiled CLI with its own temporary folder, killed at `crashAt`. */
function killedRun(args: readonly string[], crashAt: string, tmp: string): Promise<NodeJS.Signals | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, SOZ_CRASH_AT: crashAt, TMPDIR: tmp, TMP: tmp, TEMP: tmp }, stdio: 'ignore' });
    child.on('error', reject);
    child.on('exit', (_code, signal) => resolve(signal));
  });
}

/** The temporaries at the top of a case folder. */
function temporaries(dir: string): string[] {
  return readdirSync(dir).filter(isTempName);
}

/** A new analysed case of one fictional letter. */
async function analysedCase(): Promise<string> {
  const input = join(tempDir('soz-lists-crash-in-'), 'letter.txt');
  writeFileSync(input, 'Вымышленное письмо. Идите все на площадь во вторник, соседи, и берите флаги.\n\nA fictional letter: go to the square on Tuesday.\n');
  const dir = join(tempDir('soz-lists-crash-'), 'case');
  expect((await soz(['init', dir, '--case-number', 'K-17', '--ordering-body', 'test', '--examiner', 'tester', '--language', 'ru'])).code).toBe(0);
  expect((await soz(['add', dir, input])).code).toBe(0);
  expect((await soz(['analyze', dir])).code).toBe(0);
  return dir;
}

describe.skipIf(!BUILT)('the report kept lists in the case', () => {
  it('a report killed with its lists on disk leaves nothing in the temporary folder, and a case that verifies', async () => {
    const dir = await analysedCase();
    const tmp = tempDir('soz-lists-crash-tmp-');
    expect(await killedRun(['report', dir, '--format', 'md,docx'], 'report.lists/staged', tmp)).toBe('SIGKILL');
    expect(readdirSync(tmp)).toEqual([]);
    const left = temporaries(dir);
    expect(left.filter((name) => name.startsWith('.report-lists.tmp-'))).toHaveLength(1);

    const verify = await soz(['verify', dir]);
    expect(verify.code, verify.stdout + verify.stderr).toBe(0);

    const { workspace, notices } = CaseWorkspace.openForWriting(dir, { command: 'test recovery', now: () => new Date('2026-03-12T00:00:00Z') });
    workspace.close();
    expect(temporaries(dir)).toEqual([]);
    expect(notices.some((notice) => notice.startsWith('.report-lists.tmp-') && notice.includes('quarantine/'))).toBe(true);
    const again = await soz(['verify', dir]);
    expect(again.code, again.stdout + again.stderr).toBe(0);
  }, 300_000);

  it('the lists are gone before the report commits: a report killed at its commit leaves none', async () => {
    const dir = await analysedCase();
    const tmp = tempDir('soz-lists-crash-tmp-');
    expect(await killedRun(['report', dir, '--format', 'md,docx'], 'report.render/staged', tmp)).toBe('SIGKILL');
    expect(readdirSync(tmp)).toEqual([]);
    const left = temporaries(dir);
    expect(left.filter((name) => name.startsWith('.report-lists.tmp-'))).toEqual([]);
    const verify = await soz(['verify', dir]);
    expect(verify.code, verify.stdout + verify.stderr).toBe(0);
  }, 300_000);
});
