import { existsSync, readFileSync, readdirSync, rmSync, statSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { CaseMetadata, EvidenceRecord, HashedFile, LogEntry } from '../core/case.js';
import { GENESIS_HASH, logEntryHash } from '../core/case.js';
import { canonicalJson, compareCodeUnits } from '../core/canonical-json.js';
import { UserError } from '../core/errors.js';
import { sha256 } from '../core/hash.js';
import { writeFileAtomic, isTempName } from './atomic.js';
import { CaseFiles, casePath } from './layout.js';
import { caseMetadataSchema, schemaProblems } from './metadata.js';

/** Source of the current time for log entries; injected so tests can fix it. */
export type Clock = () => Date;

/** An open case folder. All writes go through here. */
export class CaseWorkspace {
  private constructor(
    readonly dir: string,
    readonly metadata: CaseMetadata,
  ) {}

  /** Creates a new case folder; refuses a folder that already has files in it. */
  static init(dir: string, metadata: CaseMetadata, clock: Clock, actor: string): CaseWorkspace {
    const parsed = caseMetadataSchema.safeParse(metadata);
    if (!parsed.success) {
      throw new UserError(`soz init: invalid case data — ${schemaProblems(parsed.error).join('; ')}`, 'case.invalid-metadata');
    }
    if (existsSync(dir) && readdirSync(dir).length > 0) {
      throw new UserError(`${dir}: folder is not empty; choose a new folder for the case`, 'case.not-empty');
    }
    writeFileAtomic(casePath(dir, CaseFiles.metadata), canonicalJson(metadata, true));
    const workspace = new CaseWorkspace(dir, metadata);
    workspace.appendLog(clock, { actor, action: 'case.init', inputs: [], outputs: [workspace.hashedFile(CaseFiles.metadata)], details: { ...metadata } });
    return workspace;
  }

  /** Opens an existing case after checking it is one, and repairs interrupted writes. */
  static open(dir: string): CaseWorkspace {
    const metadataPath = casePath(dir, CaseFiles.metadata);
    if (!existsSync(metadataPath)) {
      throw new UserError(`${dir}: not a soz case (no ${CaseFiles.metadata}); create one with "soz init ${dir}"`, 'case.not-a-case');
    }
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(metadataPath, 'utf8'));
    } catch {
      throw new UserError(`${metadataPath}: case data is not valid JSON; restore it from a bundle or the examiner's copy`, 'case.corrupt-metadata');
    }
    const parsed = caseMetadataSchema.safeParse(raw);
    if (!parsed.success) {
      throw new UserError(`${metadataPath}: invalid case data — ${schemaProblems(parsed.error).join('; ')}`, 'case.corrupt-metadata');
    }
    const workspace = new CaseWorkspace(dir, parsed.data as CaseMetadata);
    workspace.recover();
    return workspace;
  }

  path(relative: string): string {
    return casePath(this.dir, relative);
  }

  /** SHA-256 of a case file, as the log and manifest record it. */
  hashedFile(relative: string): HashedFile {
    return { path: relative, sha256: sha256File(this.path(relative)) };
  }

  /** All log entries, in order. A malformed line is an error naming the line. */
  readLog(): LogEntry[] {
    const logPath = this.path(CaseFiles.log);
    if (!existsSync(logPath)) return [];
    return readFileSync(logPath, 'utf8')
      .split('\n')
      .filter((line) => line !== '')
      .map((line, index) => {
        try {
          return JSON.parse(line) as LogEntry;
        } catch {
          throw new UserError(`${logPath}: line ${index + 1} is not valid JSON; the log was damaged — run "soz verify ${this.dir}"`, 'case.corrupt-log');
        }
      });
  }

  /**
   * Appends one entry to the hash-chained log. The whole log is rewritten atomically, so an
   * interrupted append leaves the previous log intact; the entry is the commit point of a command.
   */
  appendLog(clock: Clock, entry: Pick<LogEntry, 'actor' | 'action' | 'inputs' | 'outputs' | 'details'>): LogEntry {
    const log = this.readLog();
    const previous = log.at(-1);
    const body: Omit<LogEntry, 'hash'> = {
      seq: log.length + 1,
      time: clock().toISOString(),
      actor: entry.actor,
      action: entry.action,
      inputs: entry.inputs,
      outputs: entry.outputs,
      details: entry.details,
      previousHash: previous?.hash ?? GENESIS_HASH,
    };
    const complete: LogEntry = { ...body, hash: logEntryHash(body) };
    const existing = existsSync(this.path(CaseFiles.log)) ? readFileSync(this.path(CaseFiles.log), 'utf8') : '';
    writeFileAtomic(this.path(CaseFiles.log), existing + canonicalJson(complete) + '\n');
    return complete;
  }

  /** The evidence register: every file taken into custody, rebuilt from the log. */
  evidence(): EvidenceRecord[] {
    const records = new Map<string, EvidenceRecord>();
    for (const entry of this.readLog()) {
      if (entry.action !== 'evidence.add') continue;
      const record = entry.details['evidence'] as EvidenceRecord | undefined;
      if (record && !records.has(record.sha256)) records.set(record.sha256, record);
    }
    return [...records.values()].sort((a, b) => compareCodeUnits(a.originalName, b.originalName) || compareCodeUnits(a.sha256, b.sha256));
  }

  /** Writes the evidence register file from the log (derived state, kept for readers). */
  writeEvidenceRegister(): void {
    writeFileAtomic(this.path(CaseFiles.evidenceRegister), canonicalJson(this.evidence(), true));
  }

  /**
   * Brings the folder back to the last committed state after an interrupted command: removes
   * temporary files, evidence copies the log never recorded, and half-swapped derived folders.
   */
  private recover(): void {
    removeTempFiles(this.dir);
    const derived = this.path(CaseFiles.derivedDir);
    const previous = `${derived}.prev`;
    const next = `${derived}.next`;
    if (existsSync(next)) rmSync(next, { recursive: true, force: true });
    if (existsSync(previous)) {
      if (!existsSync(derived) || !this.derivedIsCommitted()) {
        rmSync(derived, { recursive: true, force: true });
        renameSync(previous, derived);
      } else {
        rmSync(previous, { recursive: true, force: true });
      }
    }
    const evidenceDir = this.path(CaseFiles.evidenceDir);
    if (existsSync(evidenceDir)) {
      const registered = new Set(this.evidence().map((record) => record.copy));
      for (const name of readdirSync(evidenceDir)) {
        const relative = `${CaseFiles.evidenceDir}/${name}`;
        if (!registered.has(relative)) rmSync(join(evidenceDir, name), { force: true });
      }
    }
    if (this.evidence().length > 0 || existsSync(this.path(CaseFiles.evidenceRegister))) this.writeEvidenceRegister();
  }

  /** Whether the current derived/manifest.json is the one the last analysis log entry recorded. */
  derivedIsCommitted(): boolean {
    const manifestPath = this.path(CaseFiles.manifest);
    if (!existsSync(manifestPath)) return false;
    const last = this.readLog().filter((entry) => entry.action === 'analysis.run').at(-1);
    const recorded = last?.outputs.find((file) => file.path === CaseFiles.manifest);
    return recorded !== undefined && recorded.sha256 === sha256File(manifestPath);
  }
}

function removeTempFiles(dir: string): void {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) removeTempFiles(full);
    else if (isTempName(entry.name)) rmSync(full, { force: true });
  }
}

/** SHA-256 of a file's bytes. */
export function sha256File(path: string): string {
  return sha256(readFileSync(path));
}

/** True when `dir` looks like a case folder. */
export function isCaseDir(dir: string): boolean {
  return existsSync(casePath(dir, CaseFiles.metadata)) && statSync(dir).isDirectory();
}

