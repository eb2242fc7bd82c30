/**
 * Temporary folders of one soz process in the system's temporary folder (verify's re-run copy; the
 * report's kept lists live inside the case instead: `list-spill.ts`). Each name carries the process
 * id, so a folder left by a process that was killed before it could remove its own is recognised,
 * and removed, by the next soz that makes a folder of the same kind. A folder of a live process (or
 * of a pid the system has reused) is left.
 */
import { chmodSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Makes a fresh temporary folder named `<prefix><pid>-…`, first removing the ones dead soz processes left. */
export function makeTempFolder(prefix: string): string {
  removeOrphans(prefix);
  return mkdtempSync(join(tmpdir(), `${prefix}${process.pid}-`));
}

/** Removes a temporary folder and everything in it, read-only copies included. */
export function removeTempFolder(dir: string): void {
  makeWritable(dir);
  rmSync(dir, { recursive: true, force: true });
}

function removeOrphans(prefix: string): void {
  let names: string[];
  try {
    names = readdirSync(tmpdir());
  } catch {
    return;
  }
  for (const name of names) {
    const pid = name.startsWith(prefix) ? /^(\d+)-/u.exec(name.slice(prefix.length))?.[1] : undefined;
    if (pid === undefined || Number(pid) === process.pid || isAlive(Number(pid))) continue;
    try {
      removeTempFolder(join(tmpdir(), name));
    } catch {
      // Another soz may be removing the same orphan, or the system denies it: it stays for later.
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function makeWritable(dir: string): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) makeWritable(full);
    else if (entry.isFile()) chmodSync(full, 0o644);
  }
}
