import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LockOwner } from './lock.js';
import { LOCK_DIR, acquireCaseLock, breakStaleLock, isLockName, readOwner, releaseLock } from './lock.js';

const now = () => new Date('2026-03-10T09:00:00Z');

function plant(dir: string, owner: LockOwner): void {
  mkdirSync(join(dir, LOCK_DIR));
  writeFileSync(join(dir, LOCK_DIR, 'owner.json'), JSON.stringify(owner));
}

describe('case lock', () => {
  it('is taken, named, and given back', () => {
    const dir = mkdtempSync(join(tmpdir(), 'soz-lock-'));
    const lock = acquireCaseLock(dir, 'add', { now, waitMs: 0 });
    expect(readOwner(join(dir, LOCK_DIR))).toEqual(lock.owner);
    expect(lock.owner).toMatchObject({ pid: process.pid, host: hostname(), command: 'add', since: '2026-03-10T09:00:00.000Z' });
    expect(() => acquireCaseLock(dir, 'analyze', { now, waitMs: 0 })).toThrow(/case is in use by soz add \(pid \d+ on host .+, since 2026-03-10T09:00:00\.000Z\)/);
    lock.release();
    expect(existsSync(join(dir, LOCK_DIR))).toBe(false);
  });

  it('a lock taken by another command while the release removes the old folder stays that command\'s', () => {
    // Removing the folder in place emptied it first; a rename onto an empty folder succeeds on
    // POSIX, so a second `soz add` took the lock mid-removal and the first one's rmdir failed
    // (ENOTEMPTY, an internal error after a completed add) — seen in the concurrent-add test.
    const dir = mkdtempSync(join(tmpdir(), 'soz-lock-'));
    const first = acquireCaseLock(dir, 'add', { now, waitMs: 0 });
    let second: ReturnType<typeof acquireCaseLock> | undefined;
    releaseLock(join(dir, LOCK_DIR), first.owner, (released) => {
      second = acquireCaseLock(dir, 'add', { now, waitMs: 0 });
      rmSync(released, { recursive: true, force: true });
    });
    expect(second).toBeDefined();
    expect(readOwner(join(dir, LOCK_DIR))).toEqual(second?.owner);
    expect(readdirSync(dir).filter((name) => name !== LOCK_DIR)).toEqual([]);
    second?.release();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a lock given back is renamed away first; a folder left by a kill then is a lock name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'soz-lock-'));
    const lock = acquireCaseLock(dir, 'add', { now, waitMs: 0 });
    let seen: string[] = [];
    releaseLock(join(dir, LOCK_DIR), lock.owner, () => {
      seen = readdirSync(dir);
    });
    expect(seen).toEqual([`.soz-lock.released-${process.pid}-${lock.owner.id}`]);
    expect(seen.every(isLockName)).toBe(true);
  });

  it('a second breaker acting on an outdated view of a stale lock cannot move the new owner away', () => {
    const dir = mkdtempSync(join(tmpdir(), 'soz-lock-'));
    const dead: LockOwner = { pid: 4194305, host: hostname(), command: 'add', since: '2026-03-10T08:00:00.000Z', id: 'dead' };
    plant(dir, dead);
    breakStaleLock(dir, dead); // the first breaker
    const taken = acquireCaseLock(dir, 'analyze', { now, waitMs: 0 });
    breakStaleLock(dir, dead); // the second, which read the dead owner before the first broke it
    expect(readOwner(join(dir, LOCK_DIR))).toEqual(taken.owner);
    expect(JSON.parse(readFileSync(join(dir, `.soz-lock.stale-4194305-dead`, 'owner.json'), 'utf8'))).toEqual(dead);
    taken.release();
  });

  it('a lock without a readable owner is reported once the wait is over, never taken', () => {
    const dir = mkdtempSync(join(tmpdir(), 'soz-lock-'));
    mkdirSync(join(dir, LOCK_DIR));
    writeFileSync(join(dir, LOCK_DIR, 'owner.json'), 'garbage');
    expect(() => acquireCaseLock(dir, 'add', { now, waitMs: 0 })).toThrow(/the case lock names no owner; if no soz command is running on this case, remove that folder/);
    expect(readFileSync(join(dir, LOCK_DIR, 'owner.json'), 'utf8')).toBe('garbage');
  });
});
