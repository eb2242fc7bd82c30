/**
 * The custody log as bytes: parsing `log.jsonl`, chaining a new entry to the last one, and the
 * one canonical line an entry is written as. Pure; `case/workspace.ts` does the file I/O.
 */
import type { EvidenceRecord, LogEntry } from './case.js';
import { DATE_ORDER_ACTION, GENESIS_HASH, logEntryHash } from './case.js';
import { canonicalJson, compareCodeUnits } from './canonical-json.js';

/** What a command decides about an entry; `seq`, `previousHash` and `hash` come from the chain. */
export type LogEntryFields = Pick<LogEntry, 'time' | 'actor' | 'action' | 'inputs' | 'outputs' | 'details'>;

/** A log file split into its committed entries and an incomplete last line, if any. */
export interface ParsedLog {
  readonly entries: readonly LogEntry[];
  /** Byte length of the complete lines (every entry ends with `\n`). */
  readonly committedBytes: number;
  /** Bytes after the last `\n`: an append cut short by a crash; empty when the log is whole. */
  readonly tornTail: Uint8Array;
  /** 1-based numbers of complete lines that are not a JSON object (damage, not a crash). */
  readonly badLines: readonly number[];
}

const NEWLINE = 0x0a;

/**
 * Splits log bytes into entries. Only a line without its final `\n` can come from an interrupted
 * append (one entry is written with one `write` and flushed), so only that is a torn tail.
 */
export function parseLog(bytes: Uint8Array): ParsedLog {
  const committedBytes = bytes.lastIndexOf(NEWLINE) + 1;
  const entries: LogEntry[] = [];
  const badLines: number[] = [];
  Buffer.from(bytes.subarray(0, committedBytes))
    .toString('utf8')
    .split('\n')
    .forEach((line, index) => {
      if (line === '') return;
      try {
        const value = JSON.parse(line) as unknown;
        if (value !== null && typeof value === 'object' && !Array.isArray(value)) entries.push(value as LogEntry);
        else badLines.push(index + 1);
      } catch {
        badLines.push(index + 1);
      }
    });
  return { entries, committedBytes, tornTail: bytes.subarray(committedBytes), badLines };
}

/** The entry that follows `previous` (or starts the chain) with the given fields. */
export function chainEntry(previous: LogEntry | undefined, fields: LogEntryFields): LogEntry {
  const body: Omit<LogEntry, 'hash'> = {
    seq: (previous?.seq ?? 0) + 1,
    time: fields.time,
    actor: fields.actor,
    action: fields.action,
    inputs: fields.inputs,
    outputs: fields.outputs,
    details: fields.details,
    previousHash: previous?.hash ?? GENESIS_HASH,
  };
  return { ...body, hash: logEntryHash(body) };
}

/** The bytes one entry occupies in `log.jsonl`: canonical JSON and a line break. */
export function logLine(entry: LogEntry): string {
  return `${canonicalJson(entry)}\n`;
}

/** Whether `entry` carries exactly `fields` (how recovery recognises an entry already written). */
export function entryHasFields(entry: LogEntry, fields: LogEntryFields): boolean {
  const { time, actor, action, inputs, outputs, details } = entry;
  return canonicalJson({ time, actor, action, inputs, outputs, details }) === canonicalJson(fields);
}

/**
 * A log text of `entries` re-numbered and re-chained from the start, as if written in this order
 * (`soz verify` builds the log of its temporary re-run this way; an editor of a log can do the same,
 * which is why the chain alone cannot tell a rebuilt log: see the log and record heads).
 */
export function rechainedLog(entries: readonly LogEntry[]): string {
  let previous: LogEntry | undefined;
  return entries
    .map((entry) => {
      previous = chainEntry(previous, { time: entry.time, actor: entry.actor, action: entry.action, inputs: entry.inputs, outputs: entry.outputs, details: entry.details });
      return logLine(previous);
    })
    .join('');
}

/**
 * The evidence register as the log records it: the first `evidence.add` of each hash, with the
 * date order of a later `evidence.date-order`, ordered by original name, then hash. The one
 * definition `case/` (evidence.json), verify and export share.
 */
export function evidenceRegister(log: readonly LogEntry[]): EvidenceRecord[] {
  const records = new Map<string, EvidenceRecord>();
  for (const entry of log) {
    if (entry.action === DATE_ORDER_ACTION) {
      const { sha256, dateOrder } = entry.details as { sha256?: unknown; dateOrder?: unknown };
      const record = typeof sha256 === 'string' ? records.get(sha256) : undefined;
      if (record && (dateOrder === 'day-first' || dateOrder === 'month-first')) records.set(record.sha256, { ...record, dateOrder });
      continue;
    }
    if (entry.action !== 'evidence.add') continue;
    const record = entry.details?.['evidence'] as EvidenceRecord | undefined;
    if (record && typeof record.sha256 === 'string' && !records.has(record.sha256)) records.set(record.sha256, record);
  }
  return [...records.values()].sort((a, b) => compareCodeUnits(a.originalName, b.originalName) || compareCodeUnits(a.sha256, b.sha256));
}

/** A case path the log names and where: `log.jsonl entry N (action) output`, for a refusal. */
export interface LoggedPath {
  readonly path: unknown;
  readonly where: string;
}

/**
 * Every case path the log names, each with the entry that names it: inputs, outputs, and an
 * evidence entry's copy and extraction folder. Values are as written (a hostile log may hold
 * anything), for the reader to check before it opens one (`case/snapshot.ts`). `entryName`
 * names an entry by its index (an entry not yet in the log, in a commit's intent, is named so).
 */
export function loggedPaths(log: readonly Pick<LogEntry, 'action' | 'inputs' | 'outputs' | 'details'>[], entryName = (index: number) => `log.jsonl entry ${index + 1}`): LoggedPath[] {
  const out: LoggedPath[] = [];
  const files = (list: unknown) => (Array.isArray(list) ? (list as { path?: unknown }[]) : []);
  log.forEach((entry, index) => {
    const where = (role: string) => `${entryName(index)} (${String(entry.action)}) ${role}`;
    for (const file of files(entry.inputs)) out.push({ path: file?.path, where: where('input') });
    for (const file of files(entry.outputs)) out.push({ path: file?.path, where: where('output') });
    if (entry.action !== 'evidence.add') return;
    const details = entry.details as { evidence?: { copy?: unknown }; extraction?: { folder?: unknown } } | undefined;
    if (details?.evidence !== undefined) out.push({ path: details.evidence?.copy, where: where('evidence copy') });
    if (details?.extraction !== undefined) out.push({ path: details.extraction?.folder, where: where('extraction folder') });
  });
  return out;
}
