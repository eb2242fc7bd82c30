/**
 * Reading a case another soz command may be writing to, without taking its lock (readers must
 * work on read-only copies too): wait until no live process holds the case lock, note the log's
 * bytes, read, then look again. When a writer held the lock meanwhile or the log changed, what was
 * read may mix two states (an evidence copy renamed in before its log entry, a report replaced),
 * so it is read again; a read is used only when nothing wrote while it ran. Every writer changes
 * the folder only under the lock and commits with a log entry, so the two checks catch them all.
 */
import { readFileSync } from 'node:fs';
import { UserError } from '../core/errors.js';
import { sha256 } from '../core/hash.js';
import { CaseFiles, casePath } from './layout.js';
import type { LockOwner } from './lock.js';
import { liveLockHolder } from './lock.js';

/** How long a reader waits for a writer, and how many times it reads again after one. */
export interface QuietReadOptions {
  readonly waitMs: number;
  readonly attempts: number;
}

/** Defaults: the writers' lock wait (10 s), and up to ten reads. */
export const DEFAULT_QUIET_READ: QuietReadOptions = { waitMs: 10_000, attempts: 10 };

const POLL_MS = 50;

/**
 * Runs `read` over `dir` at a moment no soz command writes to it (see the module comment). A case
 * still being written after the wait or after every attempt → `UserError` (exit 2) naming the
 * writer; the case is never changed. A read that fails while a writer worked is tried again too
 * (it may have seen a commit half done); one that fails with nobody writing gives its error.
 */
export async function readWhileQuiet<T>(dir: string, command: string, read: () => Promise<T> | T, options: QuietReadOptions = DEFAULT_QUIET_READ): Promise<T> {
  let writer: LockOwner | null = null;
  for (let attempt = 0; attempt < options.attempts; attempt++) {
    writer = await waitForWriters(dir, options.waitMs);
    if (writer !== null) break;
    const before = logDigest(dir);
    const outcome = await Promise.resolve().then(read).then(
      (value) => ({ value }),
      (error: unknown) => ({ error }),
    );
    writer = liveLockHolder(dir);
    if (writer !== null || logDigest(dir) !== before) continue; // a writer worked meanwhile: whatever was read or refused may mix two states
    if ('error' in outcome) throw outcome.error;
    return outcome.value;
  }
  const who = writer === null ? 'other soz commands' : `soz ${writer.command} (pid ${writer.pid} on host ${writer.host}, since ${writer.since})`;
  throw new UserError(`${dir}: case is in use by ${who}, which kept writing while soz ${command} read it; nothing was changed — run soz ${command} again when it has finished`, 'case.locked', undefined, { key: 'error.case.written-while-read', params: { dir, who, command } });
}

/** Waits up to `waitMs` for the case lock to be free; returns the writer still holding it, or null. */
async function waitForWriters(dir: string, waitMs: number): Promise<LockOwner | null> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const writer = liveLockHolder(dir);
    if (writer === null || Date.now() >= deadline) return writer;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** SHA-256 of the log's bytes (empty string when there is none). */
function logDigest(dir: string): string {
  try {
    return sha256(readFileSync(casePath(dir, CaseFiles.log)));
  } catch {
    return '';
  }
}
