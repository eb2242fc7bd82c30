import { closeSync, constants, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename } from 'node:path';
import type { CaseMetadata, EvidenceRecord, HashedFile, LogEntry } from '../core/case.js';
import { canonicalJson } from '../core/canonical-json.js';
import type { LogEntryFields, ParsedLog } from '../core/custody-log.js';
import { chainEntry, evidenceRegister, logLine, parseLog } from '../core/custody-log.js';
import { UserError } from '../core/errors.js';
import { sha256 } from '../core/hash.js';
import { GENESIS_HASH } from '../core/case.js';
import { syncDirectory, writeFileAtomic, writeTempSibling } from './atomic.js';
import type { StagedMove } from './commit.js';
import { applyMoves, finishCommit, writeIntent } from './commit.js';
import { crashPoint } from './crash-points.js';
import { CaseFiles, casePath } from './layout.js';
import type { CaseLock } from './lock.js';
import { acquireCaseLock } from './lock.js';
import { refuseUnsafeLoggedPaths } from './snapshot.js';
import { caseMetadataSchema, schemaProblems } from './metadata.js';
import { interruptedInitLeftovers, missingLogError, quarantineLeftovers, recoverCase } from './recovery.js';

/** Source of the current time for log entries; injected so tests can fix it. */
export type Clock = () => Date;

/** How long a writer waits for a case another soz command holds, by default. */
export const DEFAULT_LOCK_WAIT_MS = 10_000;

/** Who opens a case for writing: the command (named in the lock), the clock and the wait. */
export interface WriteAccess {
  readonly command: string;
  readonly now: Clock;
  /** How long to wait for another command's lock; default `DEFAULT_LOCK_WAIT_MS`. */
  readonly waitMs?: number;
}

/**
 * An open case folder. Every read and write of the folder goes through here (and `case/`).
 * Opened with `open` it is a reader and never changes the folder; `openForWriting` holds the case
 * lock until `close` and first brings back a state the log explains (`case/recovery.ts`). Both
 * refuse a log naming a path that could lead outside the folder (`refuseUnsafeLoggedPaths`).
 */
export class CaseWorkspace {
  private lock: CaseLock | null = null;
  /** The log as last parsed, with the stamp of the file it was parsed from (`logStamp`). */
  private logCache: { readonly stamp: string; readonly parsed: ParsedLog } | null = null;

  private constructor(
    readonly dir: string,
    readonly metadata: CaseMetadata,
  ) {}

  /**
   * Creates a new case folder; refuses a folder that already has files in it, except what a killed
   * `soz init` left (moved to quarantine, reported in `notices`). A commit whose last step is
   * `case.json`: staged, intent, log entry, then the rename that makes the folder a case, so a kill
   * at any point leaves no case (no `case.json`; `soz init` again) or one that verifies.
   */
  static init(dir: string, metadata: CaseMetadata, clock: Clock, actor: string): { workspace: CaseWorkspace; notices: string[] } {
    const parsed = caseMetadataSchema.safeParse(metadata);
    if (!parsed.success) {
      throw new UserError(`soz init: invalid case data — ${schemaProblems(parsed.error).join('; ')}`, 'case.invalid-metadata', undefined, { key: 'error.case.invalid-metadata', params: { problems: schemaProblems(parsed.error).join('; ') } });
    }
    const refuseOccupied = (): string[] => {
      const leftovers = interruptedInitLeftovers(dir);
      if (leftovers === null) throw new UserError(`${dir}: folder is not empty; choose a new folder for the case`, 'case.not-empty', undefined, { key: 'error.case-not-empty', params: { dir } });
      return leftovers;
    };
    refuseOccupied();
    mkdirSync(dir, { recursive: true });
    const workspace = new CaseWorkspace(dir, metadata);
    const notices = workspace.whileLocked({ command: 'init', now: clock }, () => {
      const moved = quarantineLeftovers(dir, refuseOccupied()); // another `soz init` may have won the lock first
      const text = canonicalJson(metadata, true);
      const fields: LogEntryFields = { time: clock().toISOString(), actor, action: 'case.init', inputs: [], outputs: [{ path: CaseFiles.metadata, sha256: sha256(text) }], details: { ...metadata } };
      const staged = [workspace.stageFile(CaseFiles.metadata, text)];
      crashPoint(fields.action, 'staged');
      writeIntent(dir, { previousHash: GENESIS_HASH, entry: fields, moves: staged });
      workspace.appendEntry(fields);
      applyMoves(dir, fields.action, staged);
      finishCommit(dir, fields.action, staged);
      return moved;
    });
    return { workspace, notices };
  }

  /** Opens an existing case to read it. Changes nothing, whatever state the folder is in. */
  static open(dir: string): CaseWorkspace {
    const workspace = new CaseWorkspace(dir, readMetadata(dir));
    if (!existsSync(workspace.path(CaseFiles.log))) throw missingLogError(dir);
    refuseUnsafeLoggedPaths(dir, workspace.parsedLog().entries);
    return workspace;
  }

  /**
   * Opens a case to change it: takes the case lock (waiting for another command), then brings the
   * folder to a state the log explains. Returns what recovery did, for the command to print.
   * The caller must `close()` the workspace.
   */
  static openForWriting(dir: string, access: WriteAccess): { workspace: CaseWorkspace; notices: string[] } {
    const workspace = new CaseWorkspace(dir, readMetadata(dir));
    workspace.lock = acquireCaseLock(dir, access.command, { now: access.now, waitMs: access.waitMs ?? DEFAULT_LOCK_WAIT_MS });
    try {
      refuseUnsafeLoggedPaths(dir, workspace.parsedLog().entries);
      return { workspace, notices: recoverCase(workspace) };
    } catch (error) {
      workspace.close();
      throw error;
    }
  }

  /** Gives up the case lock (a reader has none). */
  close(): void {
    this.lock?.release();
    this.lock = null;
  }

  path(relative: string): string {
    return casePath(this.dir, relative);
  }

  /** Whether the case holds a file or folder at `relative`. */
  has(relative: string): boolean {
    return existsSync(this.path(relative));
  }

  /** SHA-256 of a case file, as the log and manifest record it. */
  hashedFile(relative: string): HashedFile {
    return { path: relative, sha256: sha256File(this.path(relative)) };
  }

  /**
   * The log file split into entries and a torn tail (empty log when the file is absent). Parsed
   * once: the parse that checked the paths at open serves the command, and is parsed again only
   * when the file on disk is no longer the one parsed (another command appended, recovery cut a
   * torn tail), so nothing is served stale.
   */
  parsedLog(): ParsedLog {
    const logPath = this.path(CaseFiles.log);
    const stamp = logStamp(logPath);
    if (this.logCache?.stamp !== stamp) this.logCache = { stamp, parsed: parseLog(stamp === ABSENT_LOG ? new Uint8Array() : readFileSync(logPath)) };
    return this.logCache.parsed;
  }

  /**
   * All committed log entries, in order. A damaged line is an error naming the line; an
   * incomplete last line (an append cut short) is not part of the log.
   */
  readLog(): LogEntry[] {
    const parsed = this.parsedLog();
    const bad = parsed.badLines[0];
    if (bad !== undefined) {
      throw new UserError(`${this.path(CaseFiles.log)}: line ${bad} is not valid JSON; the log was damaged — run "soz verify ${this.dir}"`, 'case.corrupt-log', undefined, { key: 'error.case.corrupt-log', params: { path: this.path(CaseFiles.log), line: bad, dir: this.dir } });
    }
    return [...parsed.entries];
  }

  /** Appends one entry to the hash-chained log (a commit without files). */
  appendLog(clock: Clock, entry: Omit<LogEntryFields, 'time'>): LogEntry {
    return this.commit(clock, entry, []);
  }

  /**
   * Commits staged files with their log entry (see `case/commit.ts`): intent, renames, log entry,
   * done. Holds the case lock throughout (a workspace opened for reading takes it for this call).
   */
  commit(clock: Clock, entry: Omit<LogEntryFields, 'time'>, moves: readonly StagedMove[]): LogEntry {
    const fields: LogEntryFields = { ...entry, time: clock().toISOString() };
    return this.whileLocked({ command: entry.action, now: clock }, () => {
      crashPoint(fields.action, 'staged');
      if (moves.length === 0) return this.appendEntry(fields);
      writeIntent(this.dir, { previousHash: this.readLog().at(-1)?.hash ?? GENESIS_HASH, entry: fields, moves });
      applyMoves(this.dir, fields.action, moves);
      const written = this.appendEntry(fields);
      finishCommit(this.dir, fields.action, moves);
      return written;
    });
  }

  /** Writes `data` (whole, or in parts written as they come) complete and flushed under a temporary name beside `relative`, for `commit`. */
  stageFile(relative: string, data: string | Uint8Array | Iterable<string | Uint8Array>, mode = 0o644): StagedMove {
    const temp = writeTempSibling(this.path(relative), data, mode);
    return { from: `${relative.slice(0, relative.lastIndexOf('/') + 1)}${basename(temp)}`, to: relative };
  }

  /** Removes staged files whose commit will not happen (a render refused after its files were written). */
  discardStaged(moves: readonly StagedMove[]): void {
    for (const move of moves) rmSync(this.path(move.from), { force: true });
  }

  /**
   * Appends one entry after the last: one line, one `write` on a file opened for appending,
   * flushed before returning. Only under the case lock (recovery uses it to roll forward).
   */
  appendEntry(fields: LogEntryFields): LogEntry {
    const logPath = this.path(CaseFiles.log);
    const created = !existsSync(logPath);
    const entry = chainEntry(this.readLog().at(-1), fields);
    const before = this.parsedLog();
    const bytes = Buffer.from(logLine(entry), 'utf8');
    const fd = openSync(logPath, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT, 0o644);
    try {
      let written = 0;
      while (written < bytes.byteLength) written += writeSync(fd, bytes, written, bytes.byteLength - written);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    // Under the lock no one else appends: the log is the one parsed plus this line.
    if (before.tornTail.byteLength === 0) {
      this.logCache = { stamp: logStamp(logPath), parsed: { ...before, entries: [...before.entries, entry], committedBytes: before.committedBytes + bytes.byteLength } };
    }
    if (created) syncDirectory(this.dir);
    crashPoint(fields.action, 'logged');
    return entry;
  }

  /** The evidence register: every file taken into custody, rebuilt from the log. */
  evidence(): EvidenceRecord[] {
    return evidenceRegister(this.readLog());
  }

  /** Writes the evidence register file (derived state, kept for readers): `register`, else rebuilt from the log. */
  writeEvidenceRegister(register: readonly EvidenceRecord[] = this.evidence()): void {
    writeFileAtomic(this.path(CaseFiles.evidenceRegister), canonicalJson(register, true));
  }

  /** Whether the current derived/manifest.json is the one the last analysis log entry recorded. */
  derivedIsCommitted(): boolean {
    const manifestPath = this.path(CaseFiles.manifest);
    if (!existsSync(manifestPath)) return false;
    const last = this.readLog().filter((entry) => entry.action === 'analysis.run').at(-1);
    const recorded = last?.outputs.find((file) => file.path === CaseFiles.manifest);
    return recorded !== undefined && recorded.sha256 === sha256File(manifestPath);
  }

  /** Runs `write` under the case lock: the one this workspace holds, else one taken for the call. */
  private whileLocked<T>(access: WriteAccess, write: () => T): T {
    if (this.lock !== null) return write();
    this.lock = acquireCaseLock(this.dir, access.command, { now: access.now, waitMs: access.waitMs ?? DEFAULT_LOCK_WAIT_MS });
    try {
      return write();
    } finally {
      this.close();
    }
  }
}

function readMetadata(dir: string): CaseMetadata {
  const metadataPath = casePath(dir, CaseFiles.metadata);
  if (!existsSync(metadataPath)) {
    throw new UserError(`${dir}: not a soz case (no ${CaseFiles.metadata}); create one with "soz init ${dir}"`, 'case.not-a-case', undefined, { key: 'error.not-a-case', params: { dir, file: CaseFiles.metadata } });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(metadataPath, 'utf8'));
  } catch {
    throw new UserError(`${metadataPath}: case data is not valid JSON; restore it from a bundle or the examiner's copy`, 'case.corrupt-metadata', undefined, { key: 'error.case.metadata-not-json', params: { metadataPath } });
  }
  const parsed = caseMetadataSchema.safeParse(raw);
  if (!parsed.success) {
    throw new UserError(`${metadataPath}: invalid case data — ${schemaProblems(parsed.error).join('; ')}`, 'case.corrupt-metadata', undefined, { key: 'error.case.metadata-invalid', params: { metadataPath, problems: schemaProblems(parsed.error).join('; ') } });
  }
  return parsed.data as CaseMetadata;
}

const ABSENT_LOG = 'absent';

/** What tells one state of the log file from another: device, inode, size, change and modification times (ns). */
function logStamp(path: string): string {
  const stat = statSync(path, { bigint: true, throwIfNoEntry: false });
  return stat === undefined ? ABSENT_LOG : `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}`;
}

/** SHA-256 of a file's bytes. */
export function sha256File(path: string): string {
  return sha256(readFileSync(path));
}

/** True when `dir` looks like a case folder. */
export function isCaseDir(dir: string): boolean {
  return existsSync(casePath(dir, CaseFiles.metadata)) && statSync(dir).isDirectory();
}
