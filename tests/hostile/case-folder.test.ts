import { chmodSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { snapshotTree, soz } from '../support/cli.js';
import { DEAD_PID, caseWith, sources } from '../support/custody.js';

// A damaged case folder: a log missing or cut short, leftovers beside the evidence. Readers must
// change nothing; writers must refuse a log behind its folder with exit 2 and move nothing.

describe('readers never repair; a log behind its folder is refused', () => {
  it('sop status with log.jsonl missing deletes nothing and says what to do', async () => {
    const dir = await caseWith(sources(2));
    const log = readFileSync(join(dir, 'log.jsonl'));
    writeFileSync(join(dir, 'log.jsonl.saved'), log);
    rmSync(join(dir, 'log.jsonl'));
    const before = snapshotTree(dir);
    for (const argv of [['sop', 'status', dir], ['question', 'list', dir], ['add', dir, ...sources(1)], ['analyze', dir]]) {
      const result = await soz(argv);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.stderr).toContain('log.jsonl: the custody log is missing; the folder holds evidence that only the log can account for; restore log.jsonl from the case bundle');
      expect(snapshotTree(dir), argv.join(' ')).toEqual(before);
    }
  });

  it('a log cut short is an error naming what it no longer accounts for; nothing is moved', async () => {
    const dir = await caseWith(sources(3));
    const lines = readFileSync(join(dir, 'log.jsonl'), 'utf8').split('\n');
    writeFileSync(join(dir, 'log.jsonl'), `${lines.slice(0, 2).join('\n')}\n`);
    const before = snapshotTree(dir);
    expect((await soz(['sop', 'status', dir])).code).toBe(0);
    const result = await soz(['question', 'add', dir, 'What is the topic of the text?']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/the custody log does not account for what the folder holds — evidence\.json lists evidence\/[0-9a-f]{64}\.txt, which no log entry records; .*restore log\.jsonl from the case bundle.* nothing was changed/);
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('a reader leaves unlogged copies and temporaries where they are', async () => {
    const dir = await caseWith(sources(1));
    writeFileSync(join(dir, 'evidence', 'feedface.txt'), 'unlogged');
    chmodSync(join(dir, 'evidence', 'feedface.txt'), 0o444);
    writeFileSync(join(dir, 'evidence', `.x.txt.tmp-${DEAD_PID}-1`), 'half a copy');
    const before = snapshotTree(dir);
    for (const argv of [['sop', 'status', dir], ['question', 'list', dir], ['review', dir, '--list']]) expect((await soz(argv)).code, argv.join(' ')).toBe(0);
    expect(snapshotTree(dir)).toEqual(before);
  });
});
