/**
 * The case lock: one writing soz command per case folder at a time. The lock is the folder
 * `.soz-lock/` with `owner.json` (pid, host, command, since, a random id). It is taken by renaming
 * a complete private folder onto that name, which fails while another owner holds it, so an owner
 * is never seen half-written. Neither file is hashed, bundled or checked by `soz verify`.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { dirname, join } from 'node:path';
import { UserError } from '../core/errors.js';
import { syncDirectory, tempSibling } from './atomic.js';

export const LOCK_DIR = '.soz-lock';
/** A lock broken after its owner died is kept under this prefix + `<pid>-<id>` (see `breakStaleLock`). */
export const STALE_LOCK_PREFIX = '.soz-lock.stale-';
const OWNER_FILE = 'owner.json';
const POLL_MS = 50;

/** Who holds a case. */
export interface LockOwner {
  readonly pid: number;
  readonly host: string;
  /** The soz command, e.g. `add`, `sop record`. */
  readonly command: string;
  /** ISO 8601 UTC. */
  readonly since: string;
  /** Random, so a lock re-taken by a process with a recycled pid is still told apart. */
  readonly id: string;
}

/** A held lock; `release` gives it up (only if it is still this owner's). */
export interface CaseLock {
  readonly owner: LockOwner;
  release(): void;
}

/**
 * Takes the lock of `caseDir`, polling for up to `waitMs` while another live process holds it;
 * then a `UserError` (exit 2) names the holder. A lock left by a dead process on this host is
 * broken and taken over.
 */
export function acquireCaseLock(caseDir: string, command: string, options: { now: () => Date; waitMs: number }): CaseLock {
  const lockDir = join(caseDir, LOCK_DIR);
  const owner: LockOwner = { pid: process.pid, host: hostname(), command, since: options.now().toISOString(), id: randomUUID() };
  const staging = tempSibling(lockDir);
  mkdirSync(staging);
  writeFileSync(join(staging, OWNER_FILE), `${JSON.stringify(owner)}\n`);
  const deadline = Date.now() + options.waitMs;
  for (;;) {
    try {
      renameSync(staging, lockDir);
      syncDirectory(caseDir);
      return { owner, release: () => releaseLock(lockDir, owner) };
    } catch (error) {
      if (!isTakenError(error)) {
        rmSync(staging, { recursive: true, force: true });
        throw error;
      }
    }
    const holder = readOwner(lockDir);
    if (holder !== null && isStale(holder)) {
      breakStaleLock(caseDir, holder);
      continue;
    }
    if (Date.now() >= deadline) {
      rmSync(staging, { recursive: true, force: true });
      // No readable owner for the whole wait: not a release in progress but a damaged lock.
      if (holder === null) throw new UserError(`${lockDir}: the case lock names no owner; if no soz command is running on this case, remove that folder and try again`, 'case.locked', undefined, { key: 'error.case.lock-no-owner', params: { lockDir } });
      const elsewhere = holder.host === owner.host ? '' : `; if soz is no longer running on ${holder.host}, remove the folder ${lockDir} by hand`;
      throw new UserError(`${caseDir}: case is in use by soz ${holder.command} (pid ${holder.pid} on host ${holder.host}, since ${holder.since}); try again when it has finished${elsewhere}`, 'case.locked', undefined, { key: 'error.case.locked', params: { caseDir, command: holder.command, pid: holder.pid, host: holder.host, since: holder.since, elsewhere } });
    }
    sleep(POLL_MS);
  }
}

/** The owner recorded in a lock folder, or null when there is none (or it is unreadable). */
export function readOwner(lockDir: string): LockOwner | null {
  try {
    return JSON.parse(readFileSync(join(lockDir, OWNER_FILE), 'utf8')) as LockOwner;
  } catch {
    return null;
  }
}

/** Whether a process id is running on this machine (EPERM: running, as another user). */
export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Who is writing to a case now: the lock's owner unless it is stale (see `isStale`), or null. A
 * lock folder without a readable owner is a take or release in progress and counts as no writer.
 */
export function liveLockHolder(caseDir: string): LockOwner | null {
  const holder = readOwner(join(caseDir, LOCK_DIR));
  return holder !== null && !isStale(holder) ? holder : null;
}

/** A lock is stale only when its owner ran on this host and is gone; another host's is never guessed. */
function isStale(owner: LockOwner): boolean {
  return owner.host === hostname() && Number.isSafeInteger(owner.pid) && !processIsAlive(owner.pid);
}

/**
 * Moves a dead owner's lock aside under a name made from that owner. Two processes breaking the
 * same stale lock both rename onto that one name: the first succeeds, the second's rename fails
 * (the name is taken by a non-empty folder), so it can never move away a lock taken meanwhile.
 * For that the moved-aside folder is kept (a few bytes recording the interrupted command).
 */
export function breakStaleLock(caseDir: string, owner: LockOwner): void {
  try {
    renameSync(join(caseDir, LOCK_DIR), join(caseDir, `${STALE_LOCK_PREFIX}${owner.pid}-${owner.id}`));
  } catch (error) {
    if (!isTakenError(error) && (error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/** A lock given back is renamed to this prefix + `<pid>-<id>` before it is removed (see `releaseLock`). */
export const RELEASED_LOCK_PREFIX = '.soz-lock.released-';

/**
 * Gives the lock back if it is still `owner`'s. The folder is first renamed away whole, then
 * removed: removing it in place would empty it before deleting it, and a POSIX rename replaces an
 * empty folder, so another command could take the lock in between and the removal would then fail
 * on (or, file by file, delete) the new owner's lock. `remove` is the removal of the renamed folder
 * (a parameter so a test can take the lock while it runs); a kill between the two steps leaves the
 * renamed folder, which recovery and listings leave alone as they do a stale lock.
 */
export function releaseLock(lockDir: string, owner: LockOwner, remove: (dir: string) => void = removeFolder): void {
  if (readOwner(lockDir)?.id !== owner.id) return;
  const released = join(dirname(lockDir), `${RELEASED_LOCK_PREFIX}${owner.pid}-${owner.id}`);
  renameSync(lockDir, released);
  remove(released);
}

function removeFolder(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Errors a rename onto an existing folder gives: POSIX ENOTEMPTY/EEXIST, Windows EPERM/EACCES. */
function isTakenError(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOTEMPTY' || code === 'EEXIST' || code === 'EPERM' || code === 'EACCES';
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** True when `name` is the lock or a lock record, which recovery and listings leave alone. */
export function isLockName(name: string): boolean {
  return name === LOCK_DIR || name.startsWith(STALE_LOCK_PREFIX) || name.startsWith(RELEASED_LOCK_PREFIX);
}
