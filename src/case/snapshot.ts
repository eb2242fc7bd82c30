/**
 * Read-only access to a case folder for `verify`, `seal`, `bundle` and `export`. Unlike
 * `CaseWorkspace.open` it never repairs anything: checking a case must not change it. Every path
 * taken from a record (log, manifest, seal, bundle) goes through `resolveInside`, so a hostile
 * record cannot make soz read or write outside the folder.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, lstatSync, openSync, readdirSync, readFileSync, readSync, realpathSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import type { LogEntry } from '../core/case.js';
import type { LoggedPath } from '../core/custody-log.js';
import { loggedPaths, parseLog } from '../core/custody-log.js';
import { compareCodeUnits } from '../core/canonical-json.js';
import { UserError } from '../core/errors.js';
import { relativePathProblem } from '../core/relative-path.js';
import type { Said } from '../core/messages.js';
import { said } from '../core/messages.js';
import { isTempName } from './atomic.js';
import { CaseFiles, casePath } from './layout.js';

/** A case folder as read: its log entries, and the log lines that could not be read. */
export interface CaseSnapshot {
  readonly dir: string;
  /** Parsed log entries in file order; lines that are not JSON are left out and listed. */
  readonly log: readonly LogEntry[];
  /** 1-based line numbers of log lines that are not valid JSON objects. */
  readonly badLogLines: readonly number[];
  /** Whether `log.jsonl` is absent (then `log` is empty). */
  readonly logMissing: boolean;
}

/**
 * Absolute path of a recorded case-relative POSIX path inside `root`. Refused with a `UserError`
 * (exit 2) naming `where` (e.g. the log entry) when the path is not plain (see
 * `relativePathProblem`) or passes through a link that leads outside `root` or nowhere.
 * `checked` holds the case-relative prefixes already found safe, so a caller checking many paths
 * looks at each folder once.
 */
export function resolveInside(root: string, relative: unknown, where: string, checked?: Set<string>): string {
  const refuse = (why: Said) =>
    new UserError(`${where} names ${JSON.stringify(relative)}, which ${why.text}; refused — soz reads and writes only inside the case folder`, 'case.unsafe-path', undefined, { key: 'error.case.unsafe-path', params: { where, relative: JSON.stringify(relative), why: why.message } });
  const problem = relativePathProblem(relative);
  if (problem !== undefined) throw refuse(problem);
  const parts = (relative as string).split('/');
  let realRoot: string | undefined;
  let current = root;
  let prefix = '';
  for (const part of parts) {
    current = join(current, part);
    prefix = prefix === '' ? part : `${prefix}/${part}`;
    if (checked?.has(prefix)) continue;
    const stat = lstatSync(current, { throwIfNoEntry: false });
    if (stat === undefined) break;
    checked?.add(prefix);
    if (!stat.isSymbolicLink()) continue;
    realRoot ??= realpathSync(root);
    let target: string;
    try {
      target = realpathSync(current);
    } catch {
      throw refuse(said('passes through a link that leads nowhere', 'problem.path.link-nowhere'));
    }
    if (target !== realRoot && !target.startsWith(realRoot.endsWith(sep) ? realRoot : `${realRoot}${sep}`)) throw refuse(said('passes through a link leading outside the folder', 'problem.path.link-outside'));
  }
  return join(root, ...parts);
}

/**
 * Refuses, as `resolveInside` does, the first path the log names (`loggedPaths`) that could lead
 * outside `root`: every command checks the log it opens before it reads or moves a file it names.
 * `shownAs` (the case or bundle as the user named it) starts the entry named in the refusal.
 */
export function refuseUnsafeLoggedPaths(root: string, log: readonly LogEntry[], shownAs = root): void {
  refuseUnsafePaths(root, loggedPaths(log), shownAs);
}

/** Refuses, as `resolveInside` does, the first of `paths` that could lead outside `root`. */
export function refuseUnsafePaths(root: string, paths: Iterable<LoggedPath>, shownAs = root): void {
  const checked = new Set<string>();
  for (const { path, where } of paths) resolveInside(root, path, `${shownAs}: ${where}`, checked);
}

/** Reads a case folder's log without changing anything; not a case → `UserError`. */
export function readCaseSnapshot(dir: string): CaseSnapshot {
  if (!existsSync(casePath(dir, CaseFiles.metadata))) {
    throw new UserError(`${dir}: not a soz case folder or bundle (no ${CaseFiles.metadata}); give the case folder or the .zip made by "soz bundle"`, 'case.not-a-case', undefined, { key: 'error.case.not-a-case-or-bundle', params: { dir, file: CaseFiles.metadata } });
  }
  const stored = readCaseFile(dir, CaseFiles.log);
  const bytes = stored ?? new Uint8Array();
  const parsed = parseLog(bytes);
  // A checker reports an entry cut short too (a writer's recovery would quarantine it): it is the line after the committed ones.
  const tornLine = parsed.tornTail.byteLength > 0 ? [Buffer.from(bytes.subarray(0, parsed.committedBytes)).toString('utf8').split('\n').length] : [];
  return { dir, log: parsed.entries, badLogLines: [...parsed.badLines, ...tornLine], logMissing: stored === null };
}

/**
 * Every regular file below `dir` (or below `dir/sub`), as case-relative POSIX paths in code-unit
 * order; links are not followed, and temporaries (files or staging folders of writes in progress
 * or interrupted) are skipped.
 */
export function listCaseFiles(dir: string, sub = ''): string[] {
  const out: string[] = [];
  const walk = (relative: string) => {
    const full = relative === '' ? dir : resolveInside(dir, relative, `${dir}: folder`);
    if (!existsSync(full) || !statSync(full).isDirectory()) return;
    for (const entry of readdirSync(full, { withFileTypes: true })) {
      const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (isTempName(entry.name)) continue; // a write in progress (or its leftover), not yet the case's
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile()) out.push(child);
    }
  };
  walk(sub);
  return out.sort(compareCodeUnits);
}

/**
 * The SHA-256 of a case file, read in chunks of a MiB so a file of any size is never held whole,
 * or `null` when there is no regular file at that path (`where` as for {@link readCaseFile}).
 */
export function caseFileSha256(dir: string, relative: string, where = `${dir}: case file`): string | null {
  const chunks = caseFileChunks(dir, relative, where);
  if (chunks === null) return null;
  const hash = createHash('sha256');
  for (const chunk of chunks) hash.update(chunk);
  return hash.digest('hex');
}

/**
 * A case file's bytes in chunks of a MiB, or `null` when there is no regular file at that path
 * (`where` as for {@link readCaseFile}). Each chunk is valid until the next is asked for.
 */
export function caseFileChunks(dir: string, relative: string, where = `${dir}: case file`): Iterable<Buffer> | null {
  const full = resolveInside(dir, relative, where);
  if (!existsSync(full) || !statSync(full).isFile()) return null;
  return chunksOf(full);
}

function* chunksOf(path: string): Generator<Buffer> {
  const fd = openSync(path, 'r');
  try {
    const chunk = Buffer.alloc(1 << 20);
    for (let read = readSync(fd, chunk); read > 0; read = readSync(fd, chunk)) yield chunk.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads a case file's bytes, or `null` when there is no regular file at that path. `where` names
 * the record the path came from, for the refusal of an unsafe path (see `resolveInside`).
 */
export function readCaseFile(dir: string, relative: string, where = `${dir}: case file`): Buffer | null {
  const full = presentCaseFile(dir, relative, where);
  return full === null ? null : readFileSync(full);
}

/** Absolute path of a recorded case file when a regular file is there, else `null`; refused as `resolveInside` refuses. */
export function presentCaseFile(dir: string, relative: string, where = `${dir}: case file`): string | null {
  const full = resolveInside(dir, relative, where);
  return existsSync(full) && statSync(full).isFile() ? full : null;
}
