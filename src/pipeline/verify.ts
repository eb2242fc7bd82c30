import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { KeyObject } from 'node:crypto';
import type { EvidenceRecord, LogEntry, ReportLanguage, RunManifest } from '../core/case.js';
import { GENESIS_HASH, REPORT_LANGUAGES, logChainProblems, logEntryHash } from '../core/case.js';
import { canonicalJson, compareCodeUnits } from '../core/canonical-json.js';
import { UserError, messageOf } from '../core/errors.js';
import { sha256 } from '../core/hash.js';
import type { Limits } from '../ingest/adapter.js';
import { DEFAULT_LIMITS } from '../ingest/adapter.js';
import { checkReportDigest } from '../report/markdown.js';
import { isTempName } from '../case/atomic.js';
import { CaseFiles, casePath } from '../case/layout.js';
import { CaseWorkspace } from '../case/workspace.js';
import { auditEvidence, auditLines } from '../seal/audit.js';
import { describeArtefactDifference, showValue } from '../seal/compare.js';
import { analyzeCase } from './analyze.js';
import type { ReportFormat } from './report.js';
import { REPORT_FORMATS, writeReport, writeReports } from './report.js';
import { installDataFiles, installFacts } from './install.js';
import { sealCheck } from './seal.js';
import { unpackBundle } from './bundle.js';

/** What `soz verify` found: lines to print in order, and the differences among them. */
export interface VerifyResult {
  /** Everything to print, in order: notes, section summaries, differences, the summary line. */
  readonly lines: readonly string[];
  readonly checks: number;
  /** Every difference, each naming the artefact (file / log entry / seal) and both values. */
  readonly differences: readonly string[];
}

export interface VerifyOptions {
  /** Public keys the user trusts (from `--public-key`); every seal must be made with one of them. */
  readonly publicKeys?: readonly { readonly key: KeyObject; readonly source: string }[];
  /** Limits for unpacking a bundle; default `DEFAULT_LIMITS`. */
  readonly unpackLimits?: Limits;
}

/**
 * Verifies a case folder or a bundle made by `soz bundle`: evidence audit, log chain, stored
 * files against the log, a full re-run into a temporary folder compared artefact by artefact,
 * report digests and seals. Never changes the case. Output holds no temporary path or clock.
 */
export async function verifyTarget(target: string, options: VerifyOptions = {}): Promise<VerifyResult> {
  if (!existsSync(target)) throw new UserError(`${target}: no such case folder or bundle; check the path`, 'input.not-found');
  if (statSync(target).isFile()) {
    const temp = mkdtempSync(join(tmpdir(), 'soz-verify-bundle-'));
    try {
      const dir = join(temp, 'case');
      const unpacked = await unpackBundle(target, dir, options.unpackLimits ?? DEFAULT_LIMITS);
      const result = await verifyCase(dir, options);
      return { ...result, lines: [`bundle: ${unpacked.entries} entries unpacked`, ...result.lines] };
    } finally {
      makeWritable(temp);
      rmSync(temp, { recursive: true, force: true });
    }
  }
  return verifyCase(target, options);
}

/** Verifies a case folder (see `verifyTarget`). */
export async function verifyCase(dir: string, options: VerifyOptions = {}): Promise<VerifyResult> {
  const snapshot = readCaseSnapshot(dir);
  const lines: string[] = [];
  const differences: string[] = [];
  let checks = 0;
  const check = (problems: readonly string[], count = 1) => {
    checks += count;
    differences.push(...problems);
  };

  const manifestBytes = readCaseFile(dir, CaseFiles.manifest);
  const manifest = parseJson<RunManifest>(manifestBytes);
  lines.push(...environmentNotes(manifest));

  // 1. Evidence copies against the register (from the log) and the register file.
  const register = evidenceRegister(snapshot.log);
  const found = new Map<string, string>();
  for (const path of listCaseFiles(dir, CaseFiles.evidenceDir)) found.set(path, sha256(readCaseFile(dir, path)!));
  const audit = auditEvidence(
    register.map((record) => ({ path: record.copy, sha256: record.sha256, originalName: record.originalName })),
    found,
  );
  const { summary, problems } = auditLines(audit);
  lines.push(summary);
  check(problems, Math.max(1, register.length + audit.added.length));
  const registerBytes = readCaseFile(dir, CaseFiles.evidenceRegister);
  if (registerBytes !== null || register.length > 0) {
    const expected = Buffer.from(canonicalJson(register, true));
    const difference = describeArtefactDifference(CaseFiles.evidenceRegister, expected, registerBytes, { expected: 'log says', actual: 'file has' });
    check(difference ? [difference] : []);
  }

  // 2. The log's hash chain, entry by entry.
  const chain = [
    ...snapshot.badLogLines.map((line) => `${CaseFiles.log}: line ${line} is not a valid JSON entry (entry edited or damaged)`),
    ...logChainProblems(snapshot.log).map((problem) => `${CaseFiles.log}: ${problem}`),
  ];
  lines.push(`log: ${snapshot.log.length + snapshot.badLogLines.length} entries, ${chain.length === 0 ? 'hash chain intact' : `${chain.length} chain problem(s)`}`);
  check(chain, Math.max(1, snapshot.log.length));

  // 3. Stored files against what the log recorded for them.
  const recorded = recordedOutputs(snapshot.log);
  const recordedProblems: string[] = [];
  for (const [path, expected] of recorded) {
    const bytes = readCaseFile(dir, path);
    checks += 1;
    if (bytes === null) recordedProblems.push(`${path}: missing; the log (entry ${expected.seq}, ${expected.action}) recorded sha256 ${expected.sha256}`);
    else if (sha256(bytes) !== expected.sha256) recordedProblems.push(`${path}: sha256 ${sha256(bytes)} differs from the log (entry ${expected.seq}, ${expected.action}: ${expected.sha256})`);
  }
  for (const path of listCaseFiles(dir)) {
    if (path === CaseFiles.log || path === CaseFiles.evidenceRegister || path.startsWith(`${CaseFiles.evidenceDir}/`) || recorded.has(path)) continue;
    if (!isTracked(path)) continue;
    checks += 1;
    recordedProblems.push(`${path}: present but no log entry records it (file added after the fact)`);
  }
  lines.push(`recorded files: ${recorded.size} in the log, ${recordedProblems.length === 0 ? 'all match' : `${recordedProblems.length} differ`}`);
  differences.push(...recordedProblems);

  // 4. Report digests as stored.
  const reportEntries = lastReportEntries(snapshot.log);
  for (const [path, entry] of reportEntries) {
    const bytes = readCaseFile(dir, path);
    if (bytes === null || entry.action !== 'report.render') continue;
    const { claimed, actual } = checkReportDigest(bytes.toString('utf8'));
    const logged = entry.details['reportDigest'];
    const problems: string[] = [];
    if (claimed !== actual) problems.push(`${path}: report digest line says ${claimed ?? '(none)'}, the text above it hashes to ${actual}`);
    if (typeof logged === 'string' && claimed !== logged) problems.push(`${path}: report digest ${claimed ?? '(none)'} differs from the log (entry ${entry.seq}: ${logged})`);
    check(problems);
  }

  // 5. Reproduce: re-run extraction, analyses and reports from the evidence copies.
  const rerun = await reproduce(dir, snapshot, register, manifest, reportEntries);
  differences.push(...rerun.problems);
  checks += rerun.checks;
  lines.push(rerun.summary);

  // 6. Seals.
  const seals = listCaseFiles(dir, 'seals').filter((path) => path.endsWith('.json'));
  for (const path of seals) check(sealCheck(dir, path, snapshot.log, options.publicKeys?.map((item) => item.key)));
  if (options.publicKeys && options.publicKeys.length > 0) {
    for (const { key, source } of options.publicKeys) {
      const byKey = seals.filter((path) => sealCheck(dir, path, snapshot.log, [key]).length === 0);
      check(byKey.length === 0 ? [`${source}: no valid seal in the case was made with this public key`] : []);
    }
  }
  lines.push(`seals: ${seals.length}${seals.length > 0 && !options.publicKeys?.length ? ' (signatures checked against the keys inside the seals only; give --public-key to check who sealed)' : ''}`);

  differences.forEach((difference, index) => lines.push(`${index === 0 ? 'FIRST DIFFERENCE' : 'difference'}: ${difference}`));
  lines.push(`verify: ${checks} checks, ${differences.length} difference${differences.length === 1 ? '' : 's'}`);
  return { lines, checks, differences };
}

/** Notes printed before comparing when this installation differs from the one that made the case. */
export function environmentNotes(manifest: RunManifest | null): string[] {
  if (manifest === null) return ['note: derived/manifest.json is missing or not JSON; versions cannot be compared'];
  const facts = installFacts();
  const notes: string[] = [];
  const note = (what: string, recorded: unknown, installed: string) => {
    if (recorded !== installed) notes.push(`note: ${what} differs — manifest ${showValue(recorded)}, here ${JSON.stringify(installed)}; reproduced artefacts may differ for this reason alone`);
  };
  note('soz version', manifest.tool?.version, facts.version);
  note('dependency lockfile (package-lock.json sha256)', manifest.lockfileSha256, facts.lockfileSha256);
  note('Node version', manifest.runtime?.node, process.version);
  const installed = new Map(installDataFiles().map((file) => [file.path, file.sha256]));
  const recordedData = Array.isArray(manifest.data) ? manifest.data : [];
  for (const file of recordedData) {
    if (installed.get(file.path) !== file.sha256) notes.push(`note: data file ${file.path} differs from the one recorded in the manifest (${installed.has(file.path) ? 'changed' : 'absent here'})`);
  }
  for (const path of installed.keys()) if (!recordedData.some((file) => file.path === path)) notes.push(`note: data file ${path} is installed here but was not used for the case`);
  return notes;
}

/** The evidence register as the log records it (first `evidence.add` per hash), in register order. */
export function evidenceRegister(log: readonly LogEntry[]): EvidenceRecord[] {
  const records = new Map<string, EvidenceRecord>();
  for (const entry of log) {
    if (entry.action !== 'evidence.add') continue;
    const record = entry.details?.['evidence'] as EvidenceRecord | undefined;
    if (record && typeof record.sha256 === 'string' && !records.has(record.sha256)) records.set(record.sha256, record);
  }
  return [...records.values()].sort((a, b) => compareCodeUnits(a.originalName, b.originalName) || compareCodeUnits(a.sha256, b.sha256));
}

interface RecordedOutput {
  readonly sha256: string;
  readonly seq: number;
  readonly action: string;
}

/**
 * The hash each case file should have according to the log: the last entry that wrote it; for
 * `derived/` only the last `analysis.run` counts (it replaces the folder as a whole). Evidence
 * copies are left to the audit.
 */
export function recordedOutputs(log: readonly LogEntry[]): Map<string, RecordedOutput> {
  const out = new Map<string, RecordedOutput>();
  const lastAnalysis = log.filter((entry) => entry.action === 'analysis.run').at(-1);
  for (const entry of log) {
    for (const file of Array.isArray(entry.outputs) ? entry.outputs : []) {
      if (typeof file?.path !== 'string' || file.path.startsWith(`${CaseFiles.evidenceDir}/`) || file.path.startsWith(`${CaseFiles.derivedDir}/`)) continue;
      out.set(file.path, { sha256: file.sha256, seq: entry.seq, action: entry.action });
    }
  }
  for (const file of lastAnalysis?.outputs ?? []) out.set(file.path, { sha256: file.sha256, seq: lastAnalysis!.seq, action: lastAnalysis!.action });
  return new Map([...out].sort(([a], [b]) => compareCodeUnits(a, b)));
}

/** Files whose presence the log must explain (everything a command writes into the case). */
function isTracked(path: string): boolean {
  return ['case.json', `${CaseFiles.derivedDir}/`, `${CaseFiles.reportsDir}/`, 'seals/', 'examiner/'].some((prefix) => path === prefix || path.startsWith(prefix));
}

/** The last `report.render` / `report.export` entry per report path, in path order. */
export function lastReportEntries(log: readonly LogEntry[]): Map<string, LogEntry> {
  const out = new Map<string, LogEntry>();
  for (const entry of log) {
    if (entry.action !== 'report.render' && entry.action !== 'report.export') continue;
    for (const file of entry.outputs ?? []) out.set(file.path, entry);
  }
  return new Map([...out].sort(([a], [b]) => compareCodeUnits(a, b)));
}

function limitsOf(manifest: RunManifest | null): Limits {
  const recorded = manifest?.parameters?.['limits'] as Record<string, unknown> | undefined;
  const limits: Record<string, number> = { ...DEFAULT_LIMITS };
  if (recorded && typeof recorded === 'object') {
    for (const key of Object.keys(DEFAULT_LIMITS)) {
      const value = recorded[key];
      if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) limits[key] = value;
    }
  }
  return limits as unknown as Limits;
}

/**
 * Reproduces the case in a fresh temporary folder: case.json, the evidence copies and
 * `examiner/` are copied; the analysis runs with the log as it stood before the last
 * `analysis.run` (same actor, time and recorded limits); each report recorded by the log is
 * re-rendered with the log as it stood before its render (same actor, time, language, format,
 * `final`), the reproduced analysis entry standing in for the original. Then every derived
 * artefact and report is compared with the stored one.
 */
async function reproduce(
  dir: string,
  snapshot: CaseSnapshot,
  register: readonly EvidenceRecord[],
  manifest: RunManifest | null,
  reportEntries: ReadonlyMap<string, LogEntry>,
): Promise<{ problems: string[]; checks: number; summary: string }> {
  const temp = mkdtempSync(join(tmpdir(), 'soz-verify-'));
  const copy = join(temp, 'case');
  const labels = { expected: 'stored', actual: 'reproduced' };
  const log = snapshot.log;
  const analysisIndex = log.map((entry) => entry.action).lastIndexOf('analysis.run');
  const analysisEntry = analysisIndex === -1 ? undefined : log[analysisIndex];
  const writeLog = (entries: readonly LogEntry[]) => writeFileSync(casePath(copy, CaseFiles.log), rechain(entries));
  try {
    mkdirSync(join(copy, CaseFiles.evidenceDir), { recursive: true });
    copyFileSync(casePath(dir, CaseFiles.metadata), casePath(copy, CaseFiles.metadata));
    for (const record of register) {
      const source = casePath(dir, record.copy);
      if (existsSync(source)) copyFileSync(source, casePath(copy, record.copy));
    }
    for (const path of listCaseFiles(dir, 'examiner')) {
      mkdirSync(dirname(casePath(copy, path)), { recursive: true });
      copyFileSync(casePath(dir, path), casePath(copy, path));
    }
    writeLog(analysisIndex === -1 ? log.filter((entry) => entry.action === 'evidence.add') : log.slice(0, analysisIndex));
    let reproducedAnalysis: LogEntry;
    try {
      const workspace = CaseWorkspace.open(copy);
      await analyzeCase(workspace, { clock: () => new Date(analysisEntry?.time ?? 0), actor: analysisEntry?.actor ?? 'soz verify', limits: limitsOf(manifest) });
      reproducedAnalysis = workspace.readLog().at(-1)!;
    } catch (error) {
      return { problems: [`re-run: extraction and analyses could not be reproduced — ${messageOf(error)}`], checks: 1, summary: 're-run: failed' };
    }
    const problems: string[] = [];
    let checks = 0;
    const stored = listCaseFiles(dir, CaseFiles.derivedDir);
    const reproduced = listCaseFiles(copy, CaseFiles.derivedDir);
    for (const path of [...new Set([...stored, ...reproduced])].sort(compareCodeUnits)) {
      checks += 1;
      const difference = describeArtefactDifference(path, readCaseFile(dir, path), readCaseFile(copy, path), labels);
      if (difference) problems.push(difference);
    }
    for (const [path, entry] of [...reportEntries].sort(([, a], [, b]) => a.seq - b.seq)) {
      checks += 1;
      const language = entry.details['language'];
      if (typeof language !== 'string' || !REPORT_LANGUAGES.includes(language as ReportLanguage)) {
        problems.push(`${path}: log entry ${entry.seq} records no report language; cannot re-render`);
        continue;
      }
      const index = log.indexOf(entry);
      writeLog(log.slice(0, index).map((earlier, at) => (at === analysisIndex ? { ...earlier, outputs: reproducedAnalysis.outputs, inputs: reproducedAnalysis.inputs, details: reproducedAnalysis.details } : earlier)));
      const format = formatOf(entry);
      try {
        const workspace = CaseWorkspace.open(copy);
        const options = { clock: () => new Date(entry.time), actor: entry.actor, language: language as ReportLanguage, final: entry.details['final'] === true };
        if (format === 'md') writeReport(workspace, options);
        else await writeReports(workspace, { ...options, formats: [format] });
      } catch (error) {
        problems.push(`${path}: could not be re-rendered — ${messageOf(error)}`);
        continue;
      }
      const storedBytes = readCaseFile(dir, path);
      const reproducedBytes = readCaseFile(copy, path);
      const difference = describeArtefactDifference(path, storedBytes, reproducedBytes, labels);
      if (difference) {
        const digests = format === 'md' && storedBytes !== null && reproducedBytes !== null
          ? `; report digest stored ${checkReportDigest(storedBytes.toString('utf8')).claimed ?? '(none)'}, reproduced ${checkReportDigest(reproducedBytes.toString('utf8')).claimed ?? '(none)'}`
          : '';
        problems.push(`${difference}${digests}`);
      }
    }
    const summary = `re-run: ${checks} artefact(s) compared, ${problems.length === 0 ? 'all identical' : `${problems.length} differ`}`;
    return { problems, checks, summary };
  } finally {
    makeWritable(temp);
    rmSync(temp, { recursive: true, force: true });
  }
}

/** The report format a render entry produced (`md` for `report.render`). */
function formatOf(entry: LogEntry): ReportFormat {
  const recorded = entry.details['format'];
  if (entry.action === 'report.render' || recorded === 'markdown') return 'md';
  return (REPORT_FORMATS as readonly string[]).includes(String(recorded)) ? (recorded as ReportFormat) : 'md';
}

/** A log of the given entries re-numbered and re-chained (for the temporary re-run case only). */
function rechain(entries: readonly LogEntry[]): string {
  let previousHash = GENESIS_HASH;
  return entries
    .map((entry, index) => {
      const body = { seq: index + 1, time: entry.time, actor: entry.actor, action: entry.action, inputs: entry.inputs, outputs: entry.outputs, details: entry.details, previousHash };
      const complete = { ...body, hash: logEntryHash(body) };
      previousHash = complete.hash;
      return `${canonicalJson(complete)}\n`;
    })
    .join('');
}

/** Makes a temporary tree removable (evidence copies are read-only). */
function makeWritable(dir: string): void {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) makeWritable(full);
    else if (entry.isFile()) chmodSync(full, 0o644);
  }
}

function parseJson<T>(bytes: Buffer | null): T | null {
  if (bytes === null) return null;
  try {
    return JSON.parse(bytes.toString('utf8')) as T;
  } catch {
    return null;
  }
}

/**
 * Read-only access to a case folder for `verify`, `seal`, `bundle` and `export`. Unlike
 * `CaseWorkspace.open` it never repairs anything: checking a case must not change it.
 */
export interface CaseSnapshot {
  readonly dir: string;
  /** Parsed log entries in file order; lines that are not JSON are left out and listed. */
  readonly log: readonly LogEntry[];
  /** 1-based line numbers of log lines that are not valid JSON objects. */
  readonly badLogLines: readonly number[];
}

/** Reads a case folder without changing it; not a case → `UserError`. */
export function readCaseSnapshot(dir: string): CaseSnapshot {
  if (!existsSync(casePath(dir, CaseFiles.metadata))) {
    throw new UserError(`${dir}: not a soz case folder or bundle (no ${CaseFiles.metadata}); give the case folder or the .zip made by "soz bundle"`, 'case.not-a-case');
  }
  const logPath = casePath(dir, CaseFiles.log);
  const log: LogEntry[] = [];
  const badLogLines: number[] = [];
  if (existsSync(logPath)) {
    readFileSync(logPath, 'utf8')
      .split('\n')
      .forEach((line, index) => {
        if (line === '') return;
        try {
          const entry = JSON.parse(line) as unknown;
          if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) badLogLines.push(index + 1);
          else log.push(entry as LogEntry);
        } catch {
          badLogLines.push(index + 1);
        }
      });
  }
  return { dir, log, badLogLines };
}

/**
 * Every regular file below `dir` (or below `dir/sub`), as case-relative POSIX paths in code-unit
 * order; temporary leftovers of interrupted writes are skipped.
 */
export function listCaseFiles(dir: string, sub = ''): string[] {
  const out: string[] = [];
  const walk = (relative: string) => {
    const full = relative === '' ? dir : casePath(dir, relative);
    if (!existsSync(full)) return;
    for (const entry of readdirSync(full, { withFileTypes: true })) {
      const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile() && !isTempName(entry.name)) out.push(child);
    }
  };
  walk(sub);
  return out.sort(compareCodeUnits);
}

/** Reads a case file's bytes, or `null` when it does not exist. */
export function readCaseFile(dir: string, relative: string): Buffer | null {
  const full = join(dir, ...relative.split('/'));
  return existsSync(full) ? readFileSync(full) : null;
}
