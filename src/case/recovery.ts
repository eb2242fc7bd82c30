/**
 * What a writing command does first, under the case lock: bring the folder to a state the log
 * explains, without deleting anything. An interrupted commit is rolled forward from its intent
 * (`case/commit.ts`); what no entry and no intent accounts for — temporaries of dead processes,
 * evidence copies never logged, a half-written derived folder, the torn tail of the log — is
 * moved to `quarantine/after-entry-<N>/` and reported. A folder holding more than its log
 * records (the log missing or cut short) is an error and nothing is moved.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, truncateSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { LogEntry } from '../core/case.js';
import { GENESIS_HASH } from '../core/case.js';
import { canonicalJson } from '../core/canonical-json.js';
import { entryHasFields, parseLog } from '../core/custody-log.js';
import { UserError } from '../core/errors.js';
import type { MessageRef } from '../core/messages.js';
import { sha256 } from '../core/hash.js';
import { isHeldTemporary, isTempName, syncDirectory, tempOwnerPid } from './atomic.js';
import type { CommitIntent } from './commit.js';
import { INTENT_FILE, applyMoves, finishCommit, movesAreComplete, readIntent } from './commit.js';
import { CaseFiles, casePath } from './layout.js';
import { isLockName, processIsAlive } from './lock.js';
import { resolveInside } from './snapshot.js';
import type { CaseWorkspace } from './workspace.js';

/** The folder inside a case where recovery puts what it will not delete. */
export const QUARANTINE_DIR = 'quarantine';

/** Folders whose every file must be named by a log entry (what the commands write there). */
const LOGGED_DIRS = [CaseFiles.reportsDir, 'examiner', 'seals'];

/** Recovers a case opened for writing; returns one line per thing done, for the command to print. */
export function recoverCase(workspace: CaseWorkspace): string[] {
  if (!existsSync(workspace.path(CaseFiles.log))) throw missingLogError(workspace.dir);
  const entries = workspace.readLog();
  const intent = readIntent(workspace.dir);
  const problems = unaccounted(workspace, entries, intent);
  if (problems.length > 0) {
    throw new UserError(
      `${workspace.dir}: the custody log does not account for what the folder holds — ${problems.join('; ')}; the log may have been cut short or replaced: restore ${CaseFiles.log} from the case bundle or the examiner's copy and run "soz verify ${workspace.dir}" — nothing was changed`,
      'case.log-behind',
      undefined,
      { key: 'error.case.log-behind', params: { dir: workspace.dir, problems: problems.join('; '), log: CaseFiles.log } },
    );
  }
  const quarantine = new Quarantine(workspace.dir, entries.length);
  const notices: string[] = [];
  const { tornTail, committedBytes } = workspace.parsedLog();
  if (tornTail.byteLength > 0) {
    const kept = quarantine.keep(`${CaseFiles.log}.torn-tail`, tornTail);
    truncateSync(workspace.path(CaseFiles.log), committedBytes);
    notices.push(`${CaseFiles.log} ended in an entry cut short (${tornTail.byteLength} bytes, never committed); moved to ${kept}`);
  }
  if (intent !== null) notices.push(settleIntent(workspace, intent, entries, quarantine));
  for (const leftover of [`${CaseFiles.derivedDir}.next`, `${CaseFiles.derivedDir}.prev`]) {
    if (existsSync(workspace.path(leftover))) notices.push(`${leftover}: an analysis interrupted before it was committed; moved to ${quarantine.move(leftover)}`);
  }
  for (const temp of deadTemporaries(workspace.dir)) notices.push(`${temp}: temporary file of an interrupted command; moved to ${quarantine.move(temp)}`);
  // The register is rebuilt from the log once, after the intent (which may add an entry) is settled.
  const evidence = workspace.evidence();
  const logged = new Set(evidence.map((record) => record.copy));
  for (const copy of listFiles(workspace.dir, CaseFiles.evidenceDir)) {
    if (!logged.has(copy) && !isTempName(copy.slice(copy.lastIndexOf('/') + 1))) notices.push(`${copy}: evidence copy that no log entry records (an interrupted soz add); moved to ${quarantine.move(copy)} — add the original again if it belongs to the case`);
  }
  const register = canonicalJson(evidence, true);
  const registerPath = workspace.path(CaseFiles.evidenceRegister);
  if ((evidence.length > 0 || existsSync(registerPath)) && (!existsSync(registerPath) || readFileSync(registerPath, 'utf8') !== register)) {
    workspace.writeEvidenceRegister(evidence);
    notices.push(`${CaseFiles.evidenceRegister}: rewritten from the log`);
  }
  return notices;
}

/**
 * What the folder holds that neither the log nor a pending intent accounts for, but a crash cannot
 * have left: register entries, logged files, a manifest no analysis entry recorded.
 */
function unaccounted(workspace: CaseWorkspace, entries: readonly LogEntry[], intent: CommitIntent | null): string[] {
  const problems: string[] = [];
  const pending = new Set((intent?.moves ?? []).map((move) => move.to));
  const logged = new Set(workspace.evidence().map((record) => record.sha256));
  const registerPath = workspace.path(CaseFiles.evidenceRegister);
  if (existsSync(registerPath)) {
    let register: { sha256?: unknown; copy?: unknown }[] = [];
    try {
      register = JSON.parse(readFileSync(registerPath, 'utf8')) as typeof register;
    } catch {
      // Not JSON: the register is derived from the log and is rewritten below.
    }
    for (const record of Array.isArray(register) ? register : []) {
      if (typeof record.sha256 === 'string' && !logged.has(record.sha256) && !pending.has(String(record.copy))) problems.push(`${CaseFiles.evidenceRegister} lists ${String(record.copy)}, which no log entry records`);
    }
  }
  const named = new Set(entries.flatMap((entry) => [...(entry.inputs ?? []), ...(entry.outputs ?? [])].map((file) => file.path)));
  for (const path of LOGGED_DIRS.flatMap((dir) => listFiles(workspace.dir, dir))) {
    if (!named.has(path) && !pending.has(path) && !isTempName(path.slice(path.lastIndexOf('/') + 1))) problems.push(`${path} is recorded by no log entry`);
  }
  const manifestPath = workspace.path(CaseFiles.manifest);
  if (existsSync(manifestPath) && !pending.has(CaseFiles.derivedDir) && !workspace.derivedIsCommitted()) {
    problems.push(`${CaseFiles.manifest} is not the one the last analysis entry of the log records`);
  }
  return problems;
}

/** Finishes, rolls forward or (when it cannot be completed) quarantines an interrupted commit. */
function settleIntent(workspace: CaseWorkspace, intent: CommitIntent, entries: readonly LogEntry[], quarantine: Quarantine): string {
  const { action } = intent.entry;
  const last = entries.at(-1);
  if (last !== undefined && last.previousHash === intent.previousHash && entryHasFields(last, intent.entry)) {
    finishCommit(workspace.dir, action, intent.moves);
    return `interrupted ${action} had been committed (log entry ${last.seq}); finished tidying up`;
  }
  if ((last?.hash ?? GENESIS_HASH) === intent.previousHash && movesAreComplete(workspace.dir, intent.moves)) {
    applyMoves(workspace.dir, action, intent.moves);
    const entry = workspace.appendEntry(intent.entry);
    finishCommit(workspace.dir, action, intent.moves);
    return `interrupted ${action} completed from its intent: log entry ${entry.seq} written with the time the command had recorded, ${intent.entry.time}`;
  }
  const moved = intent.moves.filter((move) => existsSync(workspace.path(move.from))).map((move) => quarantine.move(move.from));
  const kept = quarantine.move(INTENT_FILE);
  return `interrupted ${action} could not be completed (the log changed since, or a staged file is gone); its intent and staged files moved to ${[kept, ...moved].join(', ')}`;
}

/** Temporaries (files or folders) whose process is gone, case-relative; quarantine and locks are skipped. */
function deadTemporaries(caseDir: string): string[] {
  const out: string[] = [];
  const walk = (relative: string) => {
    for (const entry of readdirSync(relative === '' ? caseDir : casePath(caseDir, relative), { withFileTypes: true })) {
      const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (child === QUARANTINE_DIR || isLockName(entry.name)) continue;
      const pid = tempOwnerPid(entry.name);
      if (pid !== null) {
        // A live process's temporary is its work in progress (e.g. a writer waiting for the lock);
        // this process's own are leftovers of an earlier command unless it holds them.
        if (pid === process.pid ? !isHeldTemporary(casePath(caseDir, child)) : !processIsAlive(pid)) out.push(child);
      } else if (entry.isDirectory()) walk(child);
    }
  };
  walk('');
  return out;
}

/** Files below `sub`, case-relative, in code-unit order. */
function listFiles(caseDir: string, sub: string): string[] {
  const full = casePath(caseDir, sub);
  if (!existsSync(full)) return [];
  return readdirSync(full, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? listFiles(caseDir, `${sub}/${entry.name}`) : [`${sub}/${entry.name}`])).sort();
}

/**
 * `quarantine/after-entry-<N>/` (N = committed log entries when recovery ran; `-2`, `-3`… when
 * that folder exists already), made on first use. Things keep their case-relative path inside.
 */
class Quarantine {
  private folder: string | null = null;

  constructor(
    private readonly caseDir: string,
    private readonly logLength: number,
  ) {}

  /** Moves a case-relative file or folder in; returns its new case-relative path. */
  move(relative: string): string {
    const target = `${this.base()}/${relative}`;
    const full = this.inside(target);
    mkdirSync(dirname(full), { recursive: true });
    renameSync(casePath(this.caseDir, relative), full);
    syncDirectory(dirname(casePath(this.caseDir, relative)));
    return target;
  }

  /** Stores bytes that have no file of their own (the torn tail of the log). */
  keep(relative: string, bytes: Uint8Array): string {
    const target = `${this.base()}/${relative}`;
    const full = this.inside(target);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, bytes, { flag: 'wx' });
    return `${target} (sha256 ${sha256(bytes)})`;
  }

  /** The absolute path of `target`, refused when a link (e.g. `quarantine` itself) would take it outside the case. */
  private inside(target: string): string {
    return resolveInside(this.caseDir, target, `${this.caseDir}: ${QUARANTINE_DIR}`);
  }

  private base(): string {
    if (this.folder === null) {
      const stem = `${QUARANTINE_DIR}/after-entry-${this.logLength}`;
      let candidate = stem;
      for (let n = 2; existsSync(casePath(this.caseDir, candidate)); n++) candidate = `${stem}-${n}`;
      this.folder = candidate;
    }
    return this.folder;
  }
}

/**
 * What a `soz init` killed before `case.json` was in place left in `dir` (its temporaries, intent
 * and a log of nothing but `case.init`; earlier quarantine and locks are kept where they are), or
 * null when the folder holds anything else. A folder that does not exist has no leftovers.
 */
export function interruptedInitLeftovers(dir: string): string[] | null {
  if (!existsSync(dir)) return [];
  const names = readdirSync(dir).filter((name) => !isLockName(name) && name !== QUARANTINE_DIR);
  const initLog = (name: string) => name === CaseFiles.log && parseLog(readFileSync(casePath(dir, name))).entries.every((entry) => entry.action === 'case.init');
  return names.every((name) => isTempName(name) || name === INTENT_FILE || initLog(name)) ? names.sort() : null;
}

/** Moves the leftovers of a killed `soz init` into `quarantine/after-entry-0/`; one line per move. */
export function quarantineLeftovers(dir: string, leftovers: readonly string[]): string[] {
  const quarantine = new Quarantine(dir, 0);
  return leftovers.map((name) => `${name}: left by an interrupted soz init (no case.json, so no case); moved to ${quarantine.move(name)}`);
}

/** The error for a case folder without its log: nothing can be trusted or repaired without it. */
export function missingLogError(dir: string): UserError {
  const content = ['evidence', 'derived', 'reports', 'examiner'].filter((name) => existsSync(casePath(dir, name)));
  const advice = content.length === 0
    ? `if "soz init ${dir}" was interrupted, remove the folder and run it again; otherwise restore ${CaseFiles.log} from the case bundle or the examiner's copy`
    : `the folder holds ${content.join(', ')} that only the log can account for; restore ${CaseFiles.log} from the case bundle or the examiner's copy — nothing was changed`;
  const advised: MessageRef = content.length === 0 ? { key: 'error.case.missing-log-empty', params: { dir, log: CaseFiles.log }, fallback: advice } : { key: 'error.case.missing-log-content', params: { content: content.join(', '), log: CaseFiles.log }, fallback: advice };
  return new UserError(`${casePath(dir, CaseFiles.log)}: the custody log is missing; ${advice}`, 'case.missing-log', undefined, { key: 'error.case.missing-log', params: { path: casePath(dir, CaseFiles.log), advice: advised } });
}
