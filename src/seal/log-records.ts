/**
 * What a custody log says about the case folder, read as pure functions of the log entries:
 * the hash each file should have, the last render of each report, which reports later examiner
 * work has made stale (the evidence register and every path the log names are in
 * `core/custody-log.ts`).
 */
import type { HashedFile, LogEntry } from '../core/case.js';
import { compareCodeUnits } from '../core/canonical-json.js';

/** The log entry that last recorded a file, and the hash it recorded. */
export interface RecordedOutput {
  readonly sha256: string;
  readonly seq: number;
  readonly action: string;
}

function filesOf(list: unknown): HashedFile[] {
  return Array.isArray(list) ? (list as HashedFile[]) : [];
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
    for (const file of filesOf(entry.outputs)) {
      if (typeof file?.path !== 'string' || file.path.startsWith('evidence/') || file.path.startsWith('derived/')) continue;
      out.set(file.path, { sha256: file.sha256, seq: entry.seq, action: entry.action });
    }
  }
  for (const file of filesOf(lastAnalysis?.outputs)) out.set(file.path, { sha256: file.sha256, seq: lastAnalysis!.seq, action: lastAnalysis!.action });
  return new Map([...out].sort(([a], [b]) => compareCodeUnits(a, b)));
}

/** The last `report.render` / `report.export` entry per report path, in path order. */
export function lastReportEntries(log: readonly LogEntry[]): Map<string, LogEntry> {
  const out = new Map<string, LogEntry>();
  for (const entry of log) {
    if (entry.action !== 'report.render' && entry.action !== 'report.export') continue;
    for (const file of filesOf(entry.outputs)) out.set(file.path, entry);
  }
  return new Map([...out].sort(([a], [b]) => compareCodeUnits(a, b)));
}

/**
 * The `report.render` entry whose model an export was rendered from: `soz report` renders every
 * format from one model built before the Markdown entry is logged, so an export belongs to the
 * latest earlier Markdown render of the same language and model digest.
 */
export function renderBatchStart(log: readonly LogEntry[], exported: LogEntry): LogEntry {
  const index = log.indexOf(exported);
  for (let at = index - 1; at >= 0; at -= 1) {
    const entry = log[at]!;
    if (entry.action !== 'report.render' && entry.action !== 'report.export') break;
    if (entry.action === 'report.render' && entry.details['language'] === exported.details['language'] && entry.details['modelDigest'] === exported.details['modelDigest']) return entry;
  }
  return exported;
}

/** Case files a report is rendered from besides the log (`compare/`: the comparison with the reference library): an entry writing one of these makes earlier reports stale. */
const REPORT_SOURCES = ['case.json', 'evidence/', 'derived/', 'examiner/', 'compare/'];

/**
 * For each report, the first later entry that changed what the report was rendered from (the
 * examiner's records, the analysis, the evidence, the case data): such a report is stale — it
 * was right when rendered, and cannot be reproduced from today's records.
 */
export function staleReports(log: readonly LogEntry[], reports: ReadonlyMap<string, LogEntry>): Map<string, LogEntry> {
  const out = new Map<string, LogEntry>();
  for (const [path, rendered] of reports) {
    const later = log.slice(log.indexOf(renderBatchStart(log, rendered)) + 1).find((entry) =>
      filesOf(entry.outputs).some((file) => typeof file?.path === 'string' && REPORT_SOURCES.some((source) => file.path === source || file.path.startsWith(source))),
    );
    if (later) out.set(path, later);
  }
  return out;
}
