/**
 * The reference-library folder: like a case, soz owns it, writes it atomically under a lock and
 * records every change in a hash-chained `log.jsonl` (the case log's format, `core/custody-log.ts`).
 * Every file a change wrote is listed with its SHA-256 in that change's entry, so a file edited,
 * replaced or removed by hand is found before any comparison.
 */
import { closeSync, constants, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { LogEntry } from '../core/case.js';
import { logChainProblems } from '../core/case.js';
import { canonicalJson } from '../core/canonical-json.js';
import type { LogEntryFields } from '../core/custody-log.js';
import { chainEntry, logLine, parseLog } from '../core/custody-log.js';
import { UserError } from '../core/errors.js';
import { sha256 } from '../core/hash.js';
import { syncDirectory, writeFileAtomic } from '../case/atomic.js';
import { acquireCaseLock, isLockName } from '../case/lock.js';
import type { IndexEntry, LibraryItem } from './item.js';

/** Where everything lives in a library folder (POSIX paths relative to the folder). */
export const LibraryFiles = {
  metadata: 'library.json',
  log: 'log.jsonl',
  itemsDir: 'items',
  textDir: 'text',
  fingerprintsDir: 'fingerprints',
  index: 'index/fingerprints.bin',
  indexEntries: 'index/entries.json',
} as const;

/** Schema tag of `library.json`. */
export const LIBRARY_SCHEMA = 'soz.library/1';

/** What a change writes: library-relative path and bytes. */
export interface LibraryWrite {
  readonly path: string;
  readonly data: string | Uint8Array;
}

/** The library as its log describes it, after every check passed. */
export interface LibraryState {
  readonly dir: string;
  /** Hash of the last log entry: the library version a comparison records. */
  readonly head: string;
  /** Items present now (added and not removed), in the order they were added. */
  readonly items: readonly LibraryItem[];
  /** Every item ever added, removed ones too (their copies are kept). */
  readonly everAdded: readonly LibraryItem[];
  /** Index entries of the last index written (item number = position). */
  readonly indexEntries: readonly IndexEntry[];
}

const LOCK_WAIT_MS = 10_000;

/** Absolute path of a library-relative POSIX path. */
export function libraryPath(dir: string, relative: string): string {
  return join(dir, ...relative.split('/'));
}

/** Creates an empty library folder; refuses a folder that already has files in it. */
export function initLibraryFolder(dir: string, now: () => Date, actor: string): LogEntry {
  if (existsSync(dir) && readdirSync(dir).length > 0) throw new UserError(`${dir}: folder is not empty; choose a new folder for the library`, 'library.not-empty', undefined, { key: 'error.library.not-empty', params: { dir } });
  mkdirSync(dir, { recursive: true });
  return commitLibraryChange(dir, now, { actor, action: 'library.init', details: {} }, [{ path: LibraryFiles.metadata, data: canonicalJson({ schema: LIBRARY_SCHEMA }, true) }]);
}

/**
 * Writes `files` atomically, then appends one log entry listing them with their hashes, all under
 * the folder's lock. A crash between the two leaves files the log does not explain, which
 * {@link readLibrary} reports as a changed library.
 */
export function commitLibraryChange(
  dir: string,
  now: () => Date,
  entry: Pick<LogEntryFields, 'actor' | 'action' | 'details'> & { inputs?: LogEntryFields['inputs'] },
  files: readonly LibraryWrite[],
  /** The library head the change was built from; another command's change since then refuses it. */
  basedOn?: string,
): LogEntry {
  const lock = acquireCaseLock(dir, entry.action, { now, waitMs: LOCK_WAIT_MS });
  try {
    const logPath = libraryPath(dir, LibraryFiles.log);
    const previous = existsSync(logPath) ? parseLog(readFileSync(logPath)).entries.at(-1) : undefined;
    // The new index is built from the items read before the lock: a change committed meanwhile
    // would be lost from it, so refuse rather than overwrite (nothing written yet).
    if (basedOn !== undefined && previous?.hash !== basedOn) {
      throw new UserError(`${dir}: the library was changed by another soz command while this ${entry.action} was prepared; run the command again`, 'library.changed-meanwhile', undefined, { key: 'error.library.changed-meanwhile', params: { dir, action: entry.action } });
    }
    const outputs = files.map((file) => {
      const target = libraryPath(dir, file.path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileAtomic(target, file.data);
      return { path: file.path, sha256: sha256(file.data) };
    });
    const written = chainEntry(previous, { time: now().toISOString(), actor: entry.actor, action: entry.action, inputs: entry.inputs ?? [], outputs, details: entry.details });
    const fd = openSync(logPath, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT, 0o644);
    try {
      writeSync(fd, Buffer.from(logLine(written), 'utf8'));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    syncDirectory(dir);
    return written;
  } finally {
    lock.release();
  }
}

/**
 * Reads and checks a library: the log parses and its chain is intact, and every file the log says
 * was written last still has the recorded hash. Any difference is a one-line `UserError` (exit 2)
 * naming the folder and the first problem, before anything is compared.
 */
export function readLibrary(dir: string): LibraryState {
  const logPath = libraryPath(dir, LibraryFiles.log);
  if (!existsSync(libraryPath(dir, LibraryFiles.metadata)) || !existsSync(logPath)) {
    throw new UserError(`${dir}: not a soz library (no ${LibraryFiles.metadata} or ${LibraryFiles.log}); create one with "soz library init ${dir}"`, 'library.not-a-library', undefined, { key: 'error.library.not-a-library', params: { dir, metadata: LibraryFiles.metadata, log: LibraryFiles.log } });
  }
  const parsed = parseLog(readFileSync(logPath));
  const problems = [
    ...parsed.badLines.map((line) => `log line ${line} is not valid JSON`),
    ...(parsed.tornTail.length > 0 ? ['the log ends in an incomplete line'] : []),
    ...logChainProblems(parsed.entries).map((problem) => problem.text),
  ];
  const lastWritten = new Map<string, string>();
  for (const entry of parsed.entries) for (const output of entry.outputs) lastWritten.set(output.path, output.sha256);
  for (const [path, recorded] of [...lastWritten].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const file = libraryPath(dir, path);
    if (!existsSync(file)) problems.push(`${path} is missing`);
    else if (sha256(readFileSync(file)) !== recorded) problems.push(`${path} differs from the version the log recorded`);
  }
  const unexplained = filesBelow(dir).find((path) => !lastWritten.has(path) && path !== LibraryFiles.log && !isLockName(path.split('/')[0]!));
  if (unexplained !== undefined) problems.push(`${unexplained} is not in the log`);
  if (problems.length > 0) throw new UserError(`${dir}: the library was changed outside soz (${problems[0]}); restore it from the lab's copy before comparing`, 'library.tampered', undefined, { key: 'error.library.tampered', params: { dir, problem: problems[0]! } });
  const everAdded: LibraryItem[] = [];
  const removed = new Set<string>();
  let indexEntries: IndexEntry[] = [];
  for (const entry of parsed.entries) {
    if (entry.action === 'library.add') everAdded.push(entry.details['item'] as LibraryItem);
    if (entry.action === 'library.remove') removed.add(entry.details['sha256'] as string);
    if (entry.action === 'library.add' && removed.has((entry.details['item'] as LibraryItem).sha256)) removed.delete((entry.details['item'] as LibraryItem).sha256);
    if (entry.outputs.some((output) => output.path === LibraryFiles.indexEntries)) indexEntries = entry.details['indexEntries'] as IndexEntry[];
  }
  const current = new Map<string, LibraryItem>();
  for (const item of everAdded) if (!removed.has(item.sha256)) current.set(item.sha256, item);
  return { dir, head: parsed.entries.at(-1)?.hash ?? '', items: [...current.values()], everAdded, indexEntries };
}

/** Every file below `dir`, as sorted library-relative POSIX paths. */
function filesBelow(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, ...prefix.split('/').filter(Boolean)), { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? filesBelow(dir, `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`]))
    .sort();
}

/** Bytes of a library file (after {@link readLibrary} checked it). */
export function readLibraryFile(dir: string, relative: string): Buffer {
  return readFileSync(libraryPath(dir, relative));
}
