import { closeSync, constants, existsSync, fsyncSync, openSync, readdirSync, renameSync, rmdirSync, writeSync, chmodSync, rmSync, mkdirSync } from 'node:fs';
import { dirname, basename, join, resolve } from 'node:path';
import { threadId } from 'node:worker_threads';

// A thread of this process (the report thread) counts from its own million, so its temporaries
// never take a name the main thread's could (the same pid).
let counter = threadId * 1_000_000;

/** Name of a temporary sibling of `path`; the prefix lets recovery recognise leftovers. */
export function tempSibling(path: string): string {
  counter += 1;
  return join(dirname(path), `.${basename(path)}.tmp-${process.pid}-${counter}`);
}

/** Absolute paths of this process's temporaries that are work in progress, not leftovers. */
const inProgress = new Set<string>();

/**
 * Marks a temporary of this process (a `tempSibling` path) as work in progress until the returned
 * release is called, so recovery run by this same process (its lock taken after the work began,
 * e.g. `soz add` staging kept documents before the lock) does not take it for a leftover.
 */
export function holdTemporary(path: string): () => void {
  const key = resolve(path);
  inProgress.add(key);
  return () => inProgress.delete(key);
}

/** Whether `path` is a temporary this process holds as work in progress ({@link holdTemporary}). */
export function isHeldTemporary(path: string): boolean {
  return inProgress.has(resolve(path));
}

/**
 * Removes the folder `dir` if it is empty: a refused `add` leaves the case as it was, with no empty
 * `evidence/` or `extracted/` its temporaries were made in (another add's temporary in it keeps
 * it, and rmdir refuses a folder that is not empty).
 */
export function removeIfEmpty(dir: string): void {
  try {
    if (existsSync(dir) && readdirSync(dir).length === 0) rmdirSync(dir);
  } catch {
    // Another add made its temporary in it meanwhile: it stays.
  }
}

/**
 * Makes the folder `dir` (and its parents) and then `make` inside it. Another writer's refused
 * `add` removes such a folder while it is empty ({@link removeIfEmpty}), and it may do so between
 * the two steps, or inside Node's own recursive mkdir (which then fails with ENOENT): the folder
 * is made again and `make` retried, so a concurrent refusal never makes this command fail.
 */
export function inFolderMade<T>(dir: string, make: () => T): T {
  for (let attempt = 1; ; attempt += 1) {
    try {
      mkdirSync(dir, { recursive: true });
      return make();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || attempt >= FOLDER_REMADE_AT_MOST) throw error;
    }
  }
}

/** How often {@link inFolderMade} makes the folder again before it gives up (each time, another writer emptied and removed it). */
const FOLDER_REMADE_AT_MOST = 100;

/** Opens a new file at `path` for writing (refused when one is there), its folder made first ({@link inFolderMade}). */
export function openNewFile(path: string, mode = 0o600): number {
  return inFolderMade(dirname(path), () => openSync(path, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, mode));
}

/** True for a leftover temporary file made by `tempSibling`. */
export function isTempName(name: string): boolean {
  return /^\..+\.tmp-\d+-\d+$/.test(name);
}

/**
 * Writes a file so that readers see the old content or the new, never a mix: write a temporary
 * sibling, flush it to disk, rename it over the target, flush the directory.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array | Iterable<string | Uint8Array>, mode = 0o644): void {
  const temp = writeTempSibling(path, data, mode);
  renameSync(temp, path);
  syncDirectory(dirname(path));
}

/**
 * Writes `data` (or its parts in turn, so a big file need not be one string) to a new temporary
 * sibling of `path`, flushed to disk with `mode` set, and returns the temporary's path; renaming
 * it onto `path` is the caller's commit.
 */
export function writeTempSibling(path: string, data: string | Uint8Array | Iterable<string | Uint8Array>, mode = 0o644): string {
  mkdirSync(dirname(path), { recursive: true });
  const temp = tempSibling(path);
  writeNew(temp, data, mode, true);
  return temp;
}

/**
 * Writes a new file at `path` (refused when one is there) with `mode`, not yet flushed: for the
 * files of a staging folder this process owns, which are flushed together by {@link flushFiles}
 * when the folder is staged for a commit. So a command refused halfway (a limit reached after
 * thousands of documents) has spent no disk flushes on files it then removes.
 */
export function writeNewFile(path: string, data: string | Uint8Array | Iterable<string | Uint8Array>, mode = 0o644): void {
  writeNew(path, data, mode, false);
}

/** Flushes the files written with {@link writeNewFile} in `dir`, then `dir` itself. */
export function flushFiles(dir: string, names: readonly string[]): void {
  for (const name of names) {
    const fd = openSync(join(dir, name), 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }
  syncDirectory(dir);
}

function writeNew(path: string, data: string | Uint8Array | Iterable<string | Uint8Array>, mode: number, flush: boolean): void {
  const fd = openSync(path, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, 0o600);
  try {
    for (const part of typeof data === 'string' || data instanceof Uint8Array ? [data] : data) {
      const bytes = typeof part === 'string' ? Buffer.from(part, 'utf8') : part;
      let written = 0;
      while (written < bytes.byteLength) written += writeSync(fd, bytes, written, bytes.byteLength - written);
    }
    if (flush) fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(path, { force: true });
    throw error;
  }
  closeSync(fd);
  chmodSync(path, mode);
}

/** The process id a temporary name was made by (see `tempSibling`), or null for other names. */
export function tempOwnerPid(name: string): number | null {
  const match = /\.tmp-(\d+)-\d+$/.exec(name);
  return match && isTempName(name) ? Number(match[1]) : null;
}

/** Flushes a directory entry change; a no-op where the platform cannot open directories. */
export function syncDirectory(path: string): void {
  try {
    const fd = openSync(path, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Windows cannot fsync a directory; the rename itself is still atomic there.
  }
}
