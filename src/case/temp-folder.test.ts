import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempFolder, removeTempFolder } from './temp-folder.js';

/** The pid of a process that has ended (a child run to completion). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '']);
  return child.pid as number;
}

describe('temporary folders of soz processes', () => {
  it("removes a folder a killed soz left (read-only copies in it) and keeps a live process's folder", () => {
    const prefix = 'soz-temp-folder-test-';
    const orphan = join(tmpdir(), `${prefix}${deadPid()}-abc123`);
    mkdirSync(join(orphan, 'evidence'), { recursive: true });
    writeFileSync(join(orphan, 'evidence', 'copy.txt'), 'copy');
    chmodSync(join(orphan, 'evidence', 'copy.txt'), 0o444);
    const live = join(tmpdir(), `${prefix}${process.ppid}-def456`);
    mkdirSync(live, { recursive: true });
    const other = join(tmpdir(), `${prefix}not-a-pid`);
    mkdirSync(other, { recursive: true });
    try {
      const fresh = makeTempFolder(prefix);
      expect(fresh.startsWith(join(tmpdir(), `${prefix}${process.pid}-`))).toBe(true);
      expect(existsSync(orphan)).toBe(false);
      expect(existsSync(live)).toBe(true);
      expect(existsSync(other)).toBe(true);
      removeTempFolder(fresh);
      expect(existsSync(fresh)).toBe(false);
    } finally {
      for (const dir of [orphan, live, other]) removeTempFolder(dir);
    }
  });
});
