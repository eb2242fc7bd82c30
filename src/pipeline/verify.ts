import type { MessageRef, Said } from '../core/messages.js';
import { said } from '../core/messages.js';
import { join } from 'node:path';
import type { KeyObject } from 'node:crypto';
import { z } from 'zod';
import type { EvidenceRecord, LogEntry, RunManifest } from '../core/case.js';
import { isReportLanguage, logChainProblems } from '../core/case.js';
import { canonicalJson, compareCodeUnits } from '../core/canonical-json.js';
import { UserError, messageOf, problemOf } from '../core/errors.js';
import type { LogHead } from '../core/log-head.js';
import { expectedHeadCheck, formatLogHead, logHeadOf, recordHeadOf } from '../core/log-head.js';
import type { Limits } from '../ingest/adapter.js';
import { DEFAULT_LIMITS } from '../ingest/adapter.js';
import type { SelectionFilter } from '../analysis/filters.js';
import { checkReportDigest, checkReportDigestChunks } from '../report/markdown.js';
import { CaseFiles } from '../case/layout.js';
import type { CaseSnapshot } from '../case/snapshot.js';
import { caseFileChunks, caseFileSha256, listCaseFiles, readCaseFile, readCaseSnapshot, refuseUnsafeLoggedPaths } from '../case/snapshot.js';
import { CaseWorkspace } from '../case/workspace.js';
import { readWhileQuiet } from '../case/quiet-read.js';
import { renamedBeforeEntry } from '../case/commit.js';
import { prepareRerunCopy, withTempFolder, writeRerunLog } from '../case/rerun-copy.js';
import { auditEvidence, auditLines } from '../seal/audit.js';
import { describeArtefactDifference, LOG_FILE, showValue, shownValueParam, STORED_REPRODUCED } from '../seal/compare.js';
import { lastReportEntries, recordedOutputs, renderBatchStart, staleReports } from '../seal/log-records.js';
import { evidenceRegister } from '../core/custody-log.js';
import type { ProgressListener } from '../core/progress.js';
import type { AnalyzeOptions } from './analyze.js';
import { analyzeCase } from './analyze.js';
import { TABLES_EXPORT_ACTION, exportCsvTablesIntoCase } from './export-tables.js';
import type { ReportFormat } from '../report/renderers.js';
import { isReportFormat } from '../report/renderers.js';
import { writeReport, writeReports } from './report.js';
import { installDataFiles, installFacts } from './install.js';
import { sealCheck } from './seal.js';
import { checkKeptExtractions, recordedLimits } from './verify-kept.js';
import { unpackBundle, verifyTargetKind } from '../case/bundle-folder.js';
import type { AnalysisWorkerLimits } from '../analysis/heap-limit.js';
import { ANALYSIS_MEMORY_LIMIT } from '../analysis/heap-limit.js';

/** One line `soz verify` prints: its English text, and the catalogue message the CLI prints instead where there is one. */
export interface VerifyLine {
  readonly text: string;
  readonly message?: MessageRef;
  /** On a difference line: the difference's own message, printed in place of its `{difference}`. */
  readonly detail?: MessageRef;
}


/** The check of the documents `soz add` kept, as a section: its line and its differences in the catalogue. */
const keptSection = ({ lines, problems, checks }: Awaited<ReturnType<typeof checkKeptExtractions>>): Section => ({
  lines: lines.map((text) => (problems.length === 0 ? said(text, 'verify.kept-identical', { checks }) : said(text, 'verify.kept-differ', { checks, differ: problems.length }))),
  problems,
  checks,
});

/** What `soz verify` found: lines to print in order, the differences and the stale reports among them. */
export interface VerifyResult {
  /** Everything to print, in order: notes, section summaries, differences, the summary line. */
  readonly lines: readonly VerifyLine[];
  readonly checks: number;
  /** Every difference, each naming the artefact (file / log entry / seal) and both values. */
  readonly differences: readonly string[];
  /** Reports the examiner's later work has made stale (see `staleReports`), in path order. */
  readonly stale: readonly string[];
  /** Sequence number of the earliest log entry that made a report stale; undefined when none is. */
  readonly staleSince?: number;
}

export interface VerifyOptions {
  /** Public keys the user trusts (from `--public-key`); every seal must be made with one of them. */
  readonly publicKeys?: readonly { readonly key: KeyObject; readonly source: string }[];
  /** A log head recorded earlier (`--expect-head`, a report, a seal): the log must still contain it. */
  readonly expectHead?: LogHead;
  /** The reference corpus the analysis used (`--reference DIR`), which lies outside the case. */
  readonly referenceFiles?: readonly string[];
  /** Limits for unpacking a bundle; default `DEFAULT_LIMITS`. */
  readonly unpackLimits?: Limits;
  /** Told as files are hashed, the analysis re-runs and artefacts are compared (a progress display); never changes the result. */
  readonly onProgress?: ProgressListener;
  /** Threads of the re-run's analyses when the manifest records none (`--workers`); never changes the result. */
  readonly workers?: number;
  /** Limits of the re-run's analysis threads (`--max-heap-mb`); never changes the result, only whether the re-run fits. */
  readonly workerLimits?: AnalysisWorkerLimits;
}

/**
 * Verifies a case folder or a bundle made by `soz bundle`: evidence audit, log chain and head,
 * stored files against the log, a full re-run into a temporary folder compared artefact by
 * artefact, report digests and seals. Never changes the case; every path taken from the log or a
 * seal must stay inside the case (else `UserError`, exit 2); temporary folders are always
 * removed. A folder another soz command writes to meanwhile is read again (`readWhileQuiet`), so a
 * concurrent writer never shows as tampering. Output holds no temporary path or clock.
 */
export async function verifyTarget(target: string, options: VerifyOptions = {}): Promise<VerifyResult> {
  const kind = verifyTargetKind(target);
  if (kind === 'missing') throw new UserError(`${target}: no such case folder or bundle; check the path`, 'input.not-found', undefined, { key: 'error.no-case-or-bundle', params: { path: target } });
  if (kind === 'file') {
    return withTempFolder('soz-verify-bundle-', async (temp) => {
      const dir = join(temp, 'case');
      const unpacked = await unpackBundle(target, dir, options.unpackLimits ?? DEFAULT_LIMITS);
      const result = await verifyCase(dir, options, target);
      return { ...result, lines: [said(`bundle: ${unpacked.entries} entries unpacked`, 'verify.bundle', { entries: unpacked.entries }), ...result.lines] };
    });
  }
  // A folder may be written to while it is checked: read it at a moment no writer works (case/quiet-read.ts).
  // An intent is a case folder's own (a bundle never carries one): only there can a command have been interrupted.
  return readWhileQuiet(target, 'verify', () => {
    refuseInterruptedCommit(target, readCaseSnapshot(target).log);
    return verifyCase(target, options);
  });
}

/**
 * A command killed between its renames and its log entry left files the log does not name yet;
 * the next writer completes it from its intent (`case/recovery.ts`). Not tampering, and not a
 * state to compare: `UserError` (exit 2) saying how to finish it.
 */
function refuseInterruptedCommit(dir: string, log: readonly LogEntry[]): void {
  const { action, paths } = renamedBeforeEntry(dir, log);
  if (paths.length === 0) return;
  throw new UserError(
    `${dir}: an interrupted soz command (${action}) left ${paths.join(', ')} in place but not yet in the log; the next soz command that changes the case completes it (run the interrupted command again), then run soz verify — nothing was changed`,
    'case.interrupted-commit',
    undefined,
    { key: 'error.case.interrupted-commit', params: { dir, action, paths: paths.join(', ') } },
  );
}

/** One part of the verification: the lines it prints, the differences it found, the checks it made. */
interface Section {
  readonly lines: readonly VerifyLine[];
  /** The differences found, each with its catalogue message where it has one. */
  readonly problems: readonly VerifyLine[];
  readonly checks: number;
}

/**
 * Verifies a case folder (see `verifyTarget`). `shownAs` names the case in refusals (the bundle
 * file when `dir` is its temporary unpacked copy).
 */
export async function verifyCase(dir: string, options: VerifyOptions = {}, shownAs = dir): Promise<VerifyResult> {
  const snapshot = readCaseSnapshot(dir);
  refuseUnsafeLoggedPaths(dir, snapshot.log, shownAs);
  const manifest = parseJson<RunManifest>(readCaseFile(dir, CaseFiles.manifest));
  const register = evidenceRegister(snapshot.log);
  const reportEntries = lastReportEntries(snapshot.log);
  const stale = staleReports(snapshot.log, reportEntries);
  const fresh = new Map([...reportEntries].filter(([path]) => !stale.has(path)));
  const sections: Section[] = [
    { lines: [...environmentNotes(manifest), ...referenceNote(manifest, options.referenceFiles !== undefined)], problems: [], checks: 0 },
    // Without its log nothing else can be judged: the missing log is the first difference, not the files it would name.
    { lines: [], problems: snapshot.logMissing ? [said(`${CaseFiles.log}: missing; every other difference follows from it — restore it from the case bundle or the examiner's copy`, 'verify.diff.log-missing', { log: CaseFiles.log })] : [], checks: snapshot.logMissing ? 1 : 0 },
    evidenceSection(dir, register, options.onProgress),
    logSection(snapshot, options.expectHead),
    recordedSection(dir, snapshot.log, shownAs, options.onProgress),
    digestSection(dir, reportEntries),
    { lines: [...stale].map(([path, later]) => said(`stale: ${path} (entry ${reportEntries.get(path)!.seq}) — the examiner's records changed after it (entry ${later.seq}, ${later.action}); not re-rendered`, 'verify.stale', { path, entry: reportEntries.get(path)!.seq, later: later.seq, action: later.action })), problems: [], checks: 0 },
  ];
  // The kept documents proved identical here are what the re-run reads, as soz analyze did.
  const kept = await checkKeptExtractions(dir, snapshot.log, register);
  sections.push(
    keptSection(kept),
    await reproduce(dir, snapshot, { register, manifest, referenceFiles: options.referenceFiles, kept: kept.identical }, fresh, options),
    sealSection(dir, snapshot.log, options.publicKeys ?? []),
  );
  const problems = sections.flatMap((section) => section.problems);
  const differences = problems.map((problem) => problem.text);
  const checks = sections.reduce((sum, section) => sum + section.checks, 0);
  const staleNote = stale.size > 0 ? `, ${stale.size} stale report${stale.size === 1 ? '' : 's'}` : '';
  const lines = [
    ...sections.flatMap((section) => section.lines),
    ...problems.map((problem, index) => ({
      ...said(`${index === 0 ? 'FIRST DIFFERENCE' : 'difference'}: ${problem.text}`, index === 0 ? 'verify.first-difference' : 'verify.difference', { difference: problem.text }),
      ...(problem.message ? { detail: problem.message } : {}),
    })),
    said(`verify: ${checks} checks, ${differences.length} difference${differences.length === 1 ? '' : 's'}${staleNote}`, stale.size > 0 ? 'verify.summary-stale' : 'verify.summary', { checks, differences: differences.length, stale: stale.size }),
  ];
  const staleSince = stale.size > 0 ? Math.min(...[...stale.values()].map((entry) => entry.seq)) : undefined;
  return { lines, checks, differences, stale: [...stale.keys()], ...(staleSince === undefined ? {} : { staleSince }) };
}

/** Evidence copies against the register (from the log), and the register file against the log. */
function evidenceSection(dir: string, register: readonly EvidenceRecord[], onProgress: ProgressListener | undefined): Section {
  const found = new Map<string, string>();
  const copies = listCaseFiles(dir, CaseFiles.evidenceDir);
  for (const [index, path] of copies.entries()) {
    onProgress?.({ stage: 'evidence hashed', done: index, total: copies.length });
    found.set(path, caseFileSha256(dir, path)!);
  }
  const audit = auditEvidence(
    register.map((record) => ({ path: record.copy, sha256: record.sha256, originalName: record.originalName })),
    found,
  );
  const audited = auditLines(audit);
  const summary = said(audited.summary, 'verify.evidence', { matched: audit.matched.length, changed: audit.changed.length, missing: audit.missing.length, added: audit.added.length });
  const problems = audited.problems;
  const checks = Math.max(1, register.length + audit.added.length);
  const registerBytes = readCaseFile(dir, CaseFiles.evidenceRegister);
  if (registerBytes === null && register.length === 0) return { lines: [summary], problems, checks };
  const expected = Buffer.from(canonicalJson(register, true));
  const difference = describeArtefactDifference(CaseFiles.evidenceRegister, expected, registerBytes, LOG_FILE);
  return { lines: [summary], problems: difference ? [...problems, difference] : problems, checks: checks + 1 };
}

/** The log's hash chain entry by entry, its log and record heads, and the head the user expects (`--expect-head`, either kind). */
function logSection(snapshot: CaseSnapshot, expectHead: LogHead | undefined): Section {
  const chain = [
    ...snapshot.badLogLines.map((line) => said(`${CaseFiles.log}: line ${line} is not a valid JSON entry (entry edited or damaged)`, 'verify.chain.bad-line', { log: CaseFiles.log, line })),
    ...logChainProblems(snapshot.log).map((problem) => said(`${CaseFiles.log}: ${problem.text}`, 'verify.chain.in-log', { log: CaseFiles.log, problem: problem.message })),
  ];
  const entries = snapshot.log.length + snapshot.badLogLines.length;
  const logHead = formatLogHead(logHeadOf(snapshot.log));
  const recordHead = formatLogHead(recordHeadOf(snapshot.log));
  const lines = [
    snapshot.logMissing
      ? said(`log: missing`, 'verify.log-missing')
      : chain.length === 0
      ? said(`log: ${entries} entries, hash chain intact`, 'verify.log-intact', { entries })
      : said(`log: ${entries} entries, ${chain.length} chain problem(s)`, 'verify.log-problems', { entries, problems: chain.length }),
    said(`log head: ${logHead}`, 'verify.log-head', { head: logHead }),
    said(`record head: ${recordHead} (the records of the log without times, renders and seals, as reports and seals print it)`, 'verify.record-head', { head: recordHead }),
  ];
  const checks = Math.max(1, snapshot.log.length);
  if (!expectHead) return { lines, problems: chain, checks };
  const expected = expectedHeadCheck(snapshot.log, expectHead);
  if (expected.problems.length === 0) {
    const unit = expected.matched === 'record head' ? ['record', 'records'] : ['entry', 'entries'];
    const text = `expected head ${formatLogHead(expectHead)}: present as the ${expected.matched}${expected.later > 0 ? `, ${expected.later} later ${unit[expected.later === 1 ? 0 : 1]}` : `, it is the last ${unit[0]}`}`;
    const kind = expected.matched === 'record head' ? 'record' : 'log';
    lines.push(said(text, `verify.expected-${kind}-${expected.later > 0 ? 'later' : 'last'}`, { head: formatLogHead(expectHead), later: expected.later }));
  }
  return { lines, problems: [...chain, ...expected.problems], checks: checks + 1 };
}

/** Stored files against the hash the log recorded for them, and tracked files no entry records. */
function recordedSection(dir: string, log: readonly LogEntry[], shownAs: string, onProgress: ProgressListener | undefined): Section {
  const recorded = recordedOutputs(log);
  const problems: VerifyLine[] = [];
  let checks = 0;
  for (const [path, expected] of recorded) {
    onProgress?.({ stage: 'recorded files hashed', done: checks, total: recorded.size });
    const actual = caseFileSha256(dir, path, `${shownAs}: log.jsonl entry ${expected.seq} (${expected.action}) output`);
    checks += 1;
    const logged = { path, entry: expected.seq, action: expected.action, sha256: expected.sha256 };
    if (actual === null) problems.push(said(`${path}: missing; the log (entry ${expected.seq}, ${expected.action}) recorded sha256 ${expected.sha256}`, 'verify.diff.missing', logged));
    else if (actual !== expected.sha256) problems.push(said(`${path}: sha256 ${actual} differs from the log (entry ${expected.seq}, ${expected.action}: ${expected.sha256})`, 'verify.diff.sha256', { ...logged, actual }));
  }
  for (const path of listCaseFiles(dir)) {
    if (path === CaseFiles.log || path === CaseFiles.evidenceRegister || path.startsWith(`${CaseFiles.evidenceDir}/`) || recorded.has(path) || !isTracked(path)) continue;
    checks += 1;
    problems.push(said(`${path}: present but no log entry records it (file added after the fact)`, 'verify.diff.unrecorded', { path }));
  }
  const recordedLine = problems.length === 0
    ? said(`recorded files: ${recorded.size} in the log, all match`, 'verify.recorded-match', { files: recorded.size })
    : said(`recorded files: ${recorded.size} in the log, ${problems.length} differ`, 'verify.recorded-differ', { files: recorded.size, differ: problems.length });
  return { lines: [recordedLine], problems, checks };
}

/** The digest line of each Markdown report against its text and against the log. */
function digestSection(dir: string, reportEntries: ReadonlyMap<string, LogEntry>): Section {
  const problems: VerifyLine[] = [];
  let checks = 0;
  for (const [path, entry] of reportEntries) {
    const chunks = caseFileChunks(dir, path);
    if (chunks === null || entry.action !== 'report.render') continue;
    checks += 1;
    const { claimed, actual } = checkReportDigestChunks(chunks);
    const logged = entry.details['reportDigest'];
    if (claimed !== actual) problems.push(said(`${path}: report digest line says ${claimed ?? '(none)'}, the text above it hashes to ${actual}`, 'verify.diff.digest-line', { path, claimed: claimed ?? '—', actual }));
    if (typeof logged === 'string' && claimed !== logged) problems.push(said(`${path}: report digest ${claimed ?? '(none)'} differs from the log (entry ${entry.seq}: ${logged})`, 'verify.diff.digest-log', { path, claimed: claimed ?? '—', entry: entry.seq, logged }));
  }
  return { lines: [], problems, checks };
}

/** Every seal's signature and sealed hashes; with trusted keys, at least one seal per key. */
function sealSection(dir: string, log: readonly LogEntry[], publicKeys: NonNullable<VerifyOptions['publicKeys']>): Section {
  const seals = listCaseFiles(dir, 'seals').filter((path) => path.endsWith('.json'));
  const trusted = publicKeys.map((item) => item.key);
  const problems: VerifyLine[] = seals.flatMap((path) => sealCheck(dir, path, log, trusted));
  for (const { key, source } of publicKeys) {
    if (!seals.some((path) => sealCheck(dir, path, log, [key]).length === 0)) problems.push(said(`${source}: no valid seal in the case was made with this public key`, 'verify.diff.no-seal-for-key', { path: source }));
  }
  const note = seals.length > 0 && publicKeys.length === 0 ? ' (signatures checked against the keys inside the seals only; give --public-key to check who sealed)' : '';
  return { lines: [note === '' ? said(`seals: ${seals.length}`, 'verify.seals', { count: seals.length }) : said(`seals: ${seals.length}${note}`, 'verify.seals-unkeyed', { count: seals.length })], problems, checks: seals.length + publicKeys.length };
}

/** Notes printed before comparing when this installation differs from the one that made the case. */
export function environmentNotes(manifest: RunManifest | null): VerifyLine[] {
  if (manifest === null) return [said('note: derived/manifest.json is missing or not JSON; versions cannot be compared', 'verify.note.no-manifest', {})];
  const facts = installFacts();
  const notes: VerifyLine[] = [];
  const note = (what: string, key: string, recorded: unknown, installed: string) => {
    const shown = { recorded: showValue(recorded), installed: JSON.stringify(installed) };
    const params = { recorded: shownValueParam(shown.recorded), installed: shown.installed };
    if (recorded !== installed) notes.push(said(`note: ${what} differs — manifest ${shown.recorded}, here ${shown.installed}; reproduced artefacts may differ for this reason alone`, key, params));
  };
  note('soz version', 'verify.note.version', manifest.tool?.version, facts.version);
  note('dependency lockfile (package-lock.json sha256)', 'verify.note.lockfile', manifest.lockfileSha256, facts.lockfileSha256);
  note('Node version', 'verify.note.node', manifest.runtime?.node, process.version);
  const installed = new Map(installDataFiles().map((file) => [file.path, file.sha256]));
  const recordedData = Array.isArray(manifest.data) ? manifest.data : [];
  for (const file of recordedData) {
    const here = installed.has(file.path);
    if (installed.get(file.path) !== file.sha256) notes.push(said(`note: data file ${file.path} differs from the one recorded in the manifest (${here ? 'changed' : 'absent here'})`, here ? 'verify.note.data-changed' : 'verify.note.data-absent', { path: file.path }));
  }
  for (const path of installed.keys()) if (!recordedData.some((file) => file.path === path)) notes.push(said(`note: data file ${path} is installed here but was not used for the case`, 'verify.note.data-unused', { path }));
  return notes;
}

/** Files whose presence the log must explain (everything a command writes into the case). */
function isTracked(path: string): boolean {
  return ['case.json', `${CaseFiles.derivedDir}/`, `${CaseFiles.extractedDir}/`, `${CaseFiles.reportsDir}/`, `${CaseFiles.compareDir}/`, 'lists/', 'seals/', 'examiner/', 'practice/'].some((prefix) => path === prefix || path.startsWith(prefix));
}

function limitsOf(manifest: RunManifest | null): Limits {
  return recordedLimits(manifest?.parameters?.['limits']);
}

/** The selection a manifest records (`--author`, `--role`, `--since`, `--until`, `--query`, `--lemma`, `--standalone-features`). */
const recordedSelection = z.object({
  filter: z.object({ authors: z.array(z.string()).optional(), roles: z.array(z.string()).optional(), since: z.string().optional(), until: z.string().optional() }).strict().optional(),
  queries: z.array(z.string()).optional(),
  lemma: z.boolean().optional(),
  standaloneFeatures: z.boolean().optional(),
  analysisThreads: z.number().int().min(1).max(64).optional(),
});

/**
 * The analysis options a re-run repeats, from the manifest's parameters. A manifest that does not
 * parse gives the defaults; the comparison then names the difference.
 */
function rerunOptionsOf(manifest: RunManifest | null): Pick<AnalyzeOptions, 'limits' | 'filter' | 'queries' | 'lemma' | 'standaloneFeatures' | 'workers'> {
  const parsed = recordedSelection.safeParse(manifest?.parameters ?? {});
  const selection = parsed.success ? parsed.data : {};
  return {
    limits: limitsOf(manifest),
    ...(selection.filter ? { filter: selection.filter as SelectionFilter } : {}),
    ...(selection.queries ? { queries: selection.queries } : {}),
    ...(selection.lemma ? { lemma: true } : {}),
    ...(selection.standaloneFeatures ? { standaloneFeatures: true } : {}),
    ...(selection.analysisThreads !== undefined ? { workers: selection.analysisThreads } : {}),
  };
}

/** A note when the analysis used a reference corpus (outside the case) and none was given to verify. */
function referenceNote(manifest: RunManifest | null, given: boolean): VerifyLine[] {
  const reference = manifest?.parameters?.['reference'];
  if (!Array.isArray(reference) || given) return [];
  const text = `note: the analysis used a reference corpus of ${reference.length} document(s) outside the case; give it with --reference DIR, else the re-run goes without it and the analyses that use it (keyness, profile comparison) differ for this reason alone`;
  return [said(text, 'verify.note.reference', { count: reference.length })];
}

/**
 * Reproduces the case in a fresh temporary folder: case.json, the evidence copies and
 * `examiner/` are copied; the analysis runs with the log as it stood before the last
 * `analysis.run` (same actor, time, recorded limits and selection); each report given is re-rendered with
 * the log as it stood before its render (same actor, time, language, format, `final`; an export
 * from the model of its Markdown render), the reproduced analysis entry standing in for the
 * original. Then every derived artefact and report is compared with the stored one. A case not
 * analysed yet has nothing to reproduce.
 */
async function reproduce(
  dir: string,
  snapshot: CaseSnapshot,
  recorded: { readonly register: readonly EvidenceRecord[]; readonly manifest: RunManifest | null; readonly referenceFiles: readonly string[] | undefined; readonly kept: readonly string[] },
  reportEntries: ReadonlyMap<string, LogEntry>,
  { onProgress, workers, workerLimits }: Pick<VerifyOptions, 'onProgress' | 'workers' | 'workerLimits'>,
): Promise<Section> {
  const log = snapshot.log;
  const analysisIndex = log.map((entry) => entry.action).lastIndexOf('analysis.run');
  if (analysisIndex === -1) {
    const problems = [...reportEntries].map(([path, entry]) => said(`${path}: the log records no analysis.run before this report (entry ${entry.seq}); cannot re-render`, 'verify.diff.no-analysis', { path, entry: entry.seq }));
    return { lines: [said('re-run: nothing analysed yet, nothing to reproduce', 'verify.rerun-nothing', {})], problems, checks: problems.length };
  }
  const analysisEntry = log[analysisIndex]!;
  return withTempFolder('soz-verify-', async (temp) => {
    const copy = join(temp, 'case');
    const writeLog = (entries: readonly LogEntry[]) => writeRerunLog(copy, entries);
    prepareRerunCopy(dir, copy, recorded.register, recorded.kept);
    writeLog(log.slice(0, analysisIndex));
    let reproducedAnalysis: LogEntry;
    try {
      const workspace = CaseWorkspace.open(copy);
      await analyzeCase(workspace, { clock: () => new Date(analysisEntry.time), actor: analysisEntry.actor, ...(workers !== undefined ? { workers } : {}), ...rerunOptionsOf(recorded.manifest), ...(recorded.referenceFiles ? { referenceFiles: recorded.referenceFiles } : {}), ...(onProgress ? { onProgress } : {}), ...(workerLimits ? { workerLimits } : {}) });
      reproducedAnalysis = workspace.readLog().at(-1)!;
    } catch (error) {
      // A thread past its heap limit says nothing about the case: the limit error (exit 2), not a difference.
      if (error instanceof UserError && error.code === ANALYSIS_MEMORY_LIMIT) throw error;
      return { lines: [said('re-run: failed', 'verify.rerun-failed', {})], problems: [said(`re-run: extraction and analyses could not be reproduced — ${messageOf(error)}`, 'verify.diff.rerun-failed', { problem: problemOf(error) })], checks: 1 };
    }
    const problems: VerifyLine[] = [];
    let checks = 0;
    const compare = (path: string) => {
      checks += 1;
      // Hashed in chunks first: only a file that differs is read whole, to say where.
      const stored = caseFileSha256(dir, path);
      if (stored !== null && stored === caseFileSha256(copy, path)) return null;
      return describeArtefactDifference(path, readCaseFile(dir, path), readCaseFile(copy, path), STORED_REPRODUCED);
    };
    const stored = listCaseFiles(dir, CaseFiles.derivedDir);
    const reproduced = listCaseFiles(copy, CaseFiles.derivedDir);
    const artefacts = [...new Set([...stored, ...reproduced])].sort(compareCodeUnits);
    for (const [index, path] of artefacts.entries()) {
      onProgress?.({ stage: 'artefacts compared', done: index, total: artefacts.length });
      const difference = compare(path);
      if (difference) problems.push(difference);
    }
    const tables = reproduceTables(log, analysisIndex, copy, compare);
    problems.push(...tables.problems);
    const standIn = (entries: readonly LogEntry[]) =>
      entries.map((earlier, at) => (at === analysisIndex ? { ...earlier, outputs: reproducedAnalysis.outputs, inputs: reproducedAnalysis.inputs, details: reproducedAnalysis.details } : earlier));
    for (const [index, [path, entry]] of [...reportEntries].sort(([, a], [, b]) => a.seq - b.seq).entries()) {
      onProgress?.({ stage: 'reports re-rendered', done: index, total: reportEntries.size });
      const language = entry.details['language'];
      if (!isReportLanguage(language)) {
        checks += 1;
        problems.push(said(`${path}: log entry ${entry.seq} records no report language; cannot re-render`, 'verify.diff.no-language', { path, entry: entry.seq }));
        continue;
      }
      writeLog(standIn(log.slice(0, log.indexOf(renderBatchStart(log, entry)))));
      const format = formatOf(entry);
      try {
        const workspace = CaseWorkspace.open(copy);
        const options = { clock: () => new Date(entry.time), actor: entry.actor, language, final: entry.details['final'] === true };
        if (format === 'md') writeReport(workspace, options);
        else await writeReports(workspace, { ...options, formats: [format] });
      } catch (error) {
        checks += 1;
        problems.push(said(`${path}: could not be re-rendered — ${messageOf(error)}`, 'verify.diff.not-rerendered', { path, problem: problemOf(error) }));
        continue;
      }
      const difference = compare(path);
      if (difference) problems.push(format === 'md' ? withDigests(difference, readCaseFile(dir, path), readCaseFile(copy, path)) : difference);
    }
    const rerun = problems.length === 0
      ? said(`re-run: ${checks} artefact(s) compared, all identical`, 'verify.rerun-identical', { checks })
      : said(`re-run: ${checks} artefact(s) compared, ${problems.length} differ`, 'verify.rerun-differ', { checks, differ: problems.length });
    return { lines: [rerun, ...tables.lines], problems, checks };
  });
}

/**
 * The CSV tables of the last `soz export --format csv` into the case, exported again from the
 * re-run analysis in `copy` (same actor and time) and compared table by table with `compare`.
 * Tables exported before the last analysis are stale: they were made from results the case no
 * longer holds, so they are named, not reproduced (their hashes are still checked against the log).
 */
function reproduceTables(log: readonly LogEntry[], analysisIndex: number, copy: string, compare: (path: string) => Said | null): { lines: VerifyLine[]; problems: VerifyLine[] } {
  const exportIndex = log.map((entry) => entry.action).lastIndexOf(TABLES_EXPORT_ACTION);
  if (exportIndex === -1) return { lines: [], problems: [] };
  const exported = log[exportIndex]!;
  if (exportIndex < analysisIndex) {
    return { lines: [said(`stale: CSV tables of entry ${exported.seq} — exported before the last analysis (entry ${log[analysisIndex]!.seq}); not reproduced`, 'verify.tables-stale', { entry: exported.seq, analysis: log[analysisIndex]!.seq })], problems: [] };
  }
  try {
    exportCsvTablesIntoCase(CaseWorkspace.open(copy), { clock: () => new Date(exported.time), actor: exported.actor });
  } catch (error) {
    return { lines: [], problems: [said(`CSV tables of entry ${exported.seq}: could not be exported again — ${messageOf(error)}`, 'verify.diff.tables-not-exported', { entry: exported.seq, problem: problemOf(error) })] };
  }
  const paths = Array.isArray(exported.outputs) ? exported.outputs.map((file) => file.path) : [];
  const problems = paths.flatMap((path) => {
    const difference = compare(path);
    return difference ? [difference] : [];
  });
  return { lines: [said(`CSV tables: ${paths.length} exported again from the re-run, ${problems.length} differ`, 'verify.tables-reproduced', { tables: paths.length, differ: problems.length })], problems };
}

/** A Markdown report's difference with the stored and reproduced digest lines (`—` where a file has none). */
function withDigests(difference: Said, stored: Buffer | null, reproduced: Buffer | null): Said {
  if (stored === null || reproduced === null) return difference;
  const storedDigest = checkReportDigest(stored.toString('utf8')).claimed ?? '—';
  const reproducedDigest = checkReportDigest(reproduced.toString('utf8')).claimed ?? '—';
  return said(`${difference.text}; report digest stored ${storedDigest}, reproduced ${reproducedDigest}`, 'verify.diff.with-digests', { difference: difference.message, stored: storedDigest, reproduced: reproducedDigest });
}

/** The report format a render entry produced (`md` for `report.render`). */
function formatOf(entry: LogEntry): ReportFormat {
  const recorded = entry.details['format'];
  if (entry.action === 'report.render' || recorded === 'markdown') return 'md';
  return isReportFormat(recorded) ? recorded : 'md';
}

function parseJson<T>(bytes: Buffer | null): T | null {
  if (bytes === null) return null;
  try {
    return JSON.parse(bytes.toString('utf8')) as T;
  } catch {
    return null;
  }
}
