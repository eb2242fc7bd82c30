/**
 * Readers while a writer works: `soz verify`, `soz bundle` and `soz export` take no lock (they
 * must work on read-only copies) but read the case only at a moment no writer changes it
 * (`src/case/quiet-read.ts`). Separate processes: `soz add` after `soz add` on one case while
 * verify runs again and again; verify must never report a difference. Texts are fictional.
 */
import { describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileSha256, soz, tempDir } from './support/cli.js';
import { BUILT, caseWith, plantLock, runBin, sources } from './support/custody.js';
import { readWhileQuiet } from '../src/case/quiet-read.js';
import { verifyTarget } from '../src/pipeline/verify.js';

describe.skipIf(!BUILT)('verify, bundle and export while soz add writes', () => {
  it('verify run again and again during a stream of adds never reports a difference', async () => {
    const dir = await caseWith(sources(1));
    const adds = sources(12);
    let writing = true;
    const writer = (async () => {
      for (const file of adds) {
        const added = await runBin(['add', dir, file], { SOZ_LOCK_WAIT_SECONDS: '120' });
        expect(added.code, added.stderr).toBe(0);
      }
      writing = false;
    })();
    const verdicts: { code: number | null; stdout: string; stderr: string }[] = [];
    while (writing) verdicts.push(await runBin(['verify', dir]));
    await writer;
    const bundle = join(tempDir('soz-readers-bundle-'), 'case.zip');
    expect((await runBin(['bundle', dir, '--out', bundle])).code).toBe(0);
    expect(verdicts.length).toBeGreaterThan(1);
    for (const verdict of verdicts) {
      expect(verdict.stdout, verdict.stdout).not.toMatch(/^(FIRST DIFFERENCE|difference): /m);
      expect(verdict.code, `${verdict.stdout}${verdict.stderr}`).toBe(0);
    }
    expect((await soz(['verify', bundle])).code).toBe(0);
    expect(readdirSync(join(dir, 'evidence'))).toHaveLength(13);
  }, 600_000);
});

describe('reading while quiet', () => {
  it('verify waits for a writer caught between renaming an evidence copy in and logging it', async () => {
    const dir = await caseWith(sources(1));
    const [note] = sources(1);
    // The state `soz add` is in between its rename and its log entry: lock held by a live process
    // (this one), the copy in evidence/, no entry yet. Read now, it would look like a planted file.
    plantLock(dir, { pid: process.pid, command: 'add' });
    copyFileSync(note!, join(dir, 'evidence', `${fileSha256(note!)}.txt`));
    const verifying = verifyTarget(dir);
    await new Promise((resolve) => setTimeout(resolve, 300));
    rmSync(join(dir, 'evidence', `${fileSha256(note!)}.txt`));
    rmSync(join(dir, '.soz-lock'), { recursive: true });
    expect((await soz(['add', dir, note!])).code).toBe(0);
    const result = await verifying;
    // Read before the add (one copy) or after it (two), never in between (a copy no entry names).
    expect(result.differences).toEqual([]);
    expect(result.lines.map((line) => line.text).join('\n')).toMatch(/evidence: [12] matched, 0 changed, 0 missing, 0 new/);
  });

  it('waits for a live writer, then names it when it does not finish (exit 2 wording), changing nothing', async () => {
    const dir = await caseWith([]);
    plantLock(dir, { pid: process.pid, command: 'analyze' });
    let reads = 0;
    const read = () => {
      reads += 1;
      return 'read';
    };
    await expect(readWhileQuiet(dir, 'verify', read, { waitMs: 100, attempts: 3 })).rejects.toThrow(/case is in use by soz analyze \(pid \d+ on host .+\), which kept writing while soz verify read it; nothing was changed/);
    expect(reads).toBe(0);
    expect(existsSync(join(dir, '.soz-lock', 'owner.json'))).toBe(true);
  });

  it('reads again when the log changed during the read, and returns the read that saw no writer', async () => {
    const dir = await caseWith([]);
    const [note] = sources(1);
    let reads = 0;
    const result = await readWhileQuiet(dir, 'verify', async () => {
      reads += 1;
      if (reads === 1) expect((await soz(['add', dir, note!])).code).toBe(0);
      return reads;
    });
    expect(result).toBe(2);
  });

  it('gives up after the attempts when every read overlaps a write', async () => {
    const dir = await caseWith([]);
    const notes = sources(2);
    let reads = 0;
    const reading = readWhileQuiet(dir, 'export', async () => {
      expect((await soz(['add', dir, notes[reads]!])).code).toBe(0);
      reads += 1;
    }, { waitMs: 100, attempts: 2 });
    await expect(reading).rejects.toThrow(/case is in use by other soz commands, which kept writing while soz export read it/);
    expect(reads).toBe(2);
  });
});
