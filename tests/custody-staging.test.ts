// Issue 13, "nothing written outside": `soz add` reads and extracts the files before it takes the
// case lock and keeps the documents it extracted in a staging folder of its own inside the case
// (`extracted/.<sha256>.<key>.tmp-<pid>-<n>/`), never in the system's temporary folder. Readers skip
// that folder while it is staged; a staging folder whose process is gone goes to quarantine.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { soz, snapshotTree, tempDir } from './support/cli.js';
import { BUILT, DEAD_PID, caseWith, readLog, runBin, sources } from './support/custody.js';

const MATERIALS = new URL('../corpora/practice/ru-grey-stone/materials/', import.meta.url).pathname;

describe.skipIf(!BUILT)('soz add writes nothing outside the case folder', () => {
  it('keeps its staged extractions inside the case: with TMPDIR a folder that does not exist, add succeeds and one refused leaves the case as it was', async () => {
    // Any write to the system's temporary folder would fail (ENOENT) or create it.
    const tmp = join(tempDir('soz-staging-tmpdir-'), 'absent');
    const env = { TMPDIR: tmp, TMP: tmp, TEMP: tmp };
    const dir = await caseWith([]);
    const added = await runBin(['add', dir, join(MATERIALS, 'listovka.pdf'), join(MATERIALS, 'result.json'), ...sources(1)], env);
    expect(added.code, added.stderr).toBe(0);
    const kept = readdirSync(join(dir, 'extracted'));
    expect(kept).toHaveLength(3);
    expect(kept.every((name) => !name.startsWith('.'))).toBe(true);

    const damaged = join(tempDir('soz-staging-src-'), 'damaged.pdf');
    writeFileSync(damaged, '%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF (fictional, cut short)\n');
    const before = snapshotTree(dir);
    const refused = await runBin(['add', dir, damaged], env);
    expect(refused.code).toBe(2);
    expect(existsSync(tmp)).toBe(false);
    expect(snapshotTree(dir)).toEqual(before);
    expect((await soz(['verify', dir])).code).toBe(0);
  });
});

describe('the staging folder of an add in progress', () => {
  it('is skipped by verify while its process lives, and moved to quarantine (not deleted) once it is gone', async () => {
    const dir = await caseWith(sources(1));
    const staging = (pid: number) => join(dir, 'extracted', `.${'ab'.repeat(32)}.key.tmp-${pid}-1`);
    // This test's own process is alive: another add's staging, its lock not yet taken.
    mkdirSync(staging(process.ppid), { recursive: true });
    writeFileSync(join(staging(process.ppid), 'doc.ndjson'), '{"fictional":true}\n');
    expect((await soz(['verify', dir])).code).toBe(0);
    mkdirSync(staging(DEAD_PID), { recursive: true });
    writeFileSync(join(staging(DEAD_PID), 'doc.ndjson'), '{"fictional":true}\n');
    const next = await soz(['add', dir, ...sources(1)]);
    expect(next.code).toBe(0);
    expect(next.stderr).toContain('temporary file of an interrupted command');
    expect(existsSync(staging(DEAD_PID))).toBe(false);
    expect(existsSync(staging(process.ppid))).toBe(true);
    const [folder] = readdirSync(join(dir, 'quarantine'));
    expect(existsSync(join(dir, 'quarantine', folder!, 'extracted', `.${'ab'.repeat(32)}.key.tmp-${DEAD_PID}-1`, 'doc.ndjson'))).toBe(true);
    expect(readLog(dir).filter((entry) => entry.action === 'evidence.add')).toHaveLength(2);
  });
});
