/**
 * The head of a custody log: how many entries it has and the hash of the last one. Because every
 * entry's hash covers the one before, the head pins the whole log up to it; a log cut short
 * together with the files its last entries named no longer contains that head.
 *
 * Two heads exist. The log head is the last entry's own hash; entries carry the time they were
 * written, so two runs of the same commands at different times have different log heads. The
 * record head chains the same entries with everything that depends on the clock left out (see
 * `timeFreeRecord`), so the same inputs and commands give the same record head: it is the one
 * reports and seals print without breaking "same inputs, same bytes".
 */
import type { LogEntry } from './case.js';
import { GENESIS_HASH } from './case.js';
import { canonicalJson } from './canonical-json.js';
import { sha256 } from './hash.js';
import type { Said } from './messages.js';
import { said } from './messages.js';

/** `entries` counts log entries (the last one's `seq` in an intact log); `hash` is its hash. */
export interface LogHead {
  readonly entries: number;
  /** SHA-256 (hex) of the last entry; 64 zeros for an empty log. */
  readonly hash: string;
}

/** The head of a log as read (entries in file order). */
export function logHeadOf(log: readonly LogEntry[]): LogHead {
  return { entries: log.length, hash: log.at(-1)?.hash ?? GENESIS_HASH };
}

/**
 * Actions whose entries stay out of the record head: renders, exports and seals produce files from
 * the records and change none, so rendering (or sealing) again leaves the head — and with it a
 * final report's bytes — as they were. The log head and the hash chain still cover them.
 */
const OUTSIDE_RECORD_HEAD: ReadonlySet<string> = new Set(['report.render', 'report.export', 'tables.export', 'seal.create']);

/** The entries the record head chains: every entry but renders, exports and seals, in log order. */
export function recordEntries(log: readonly LogEntry[]): LogEntry[] {
  return log.filter((entry) => !OUTSIDE_RECORD_HEAD.has(entry.action));
}

/**
 * What of an entry enters the record head: who did what with which files and details — not its
 * time, number or chain hashes (its place is given by the chain itself).
 */
export function timeFreeRecord(entry: LogEntry): Record<string, unknown> {
  const { actor, action, inputs, outputs, details } = entry;
  return { actor, action, inputs, outputs, details };
}

/** The record-head hash after each of `records` (see `recordEntries`): `chain[i]` covers records 1…i+1. */
function recordChain(records: readonly LogEntry[]): string[] {
  const chain: string[] = [];
  let previous = GENESIS_HASH;
  for (const entry of records) {
    previous = sha256(canonicalJson({ previous, record: timeFreeRecord(entry) }));
    chain.push(previous);
  }
  return chain;
}

/**
 * The record head of a log (see the module comment): how many records it holds (`recordEntries`)
 * and their time-free chain hash.
 */
export function recordHeadOf(log: readonly LogEntry[]): LogHead {
  const records = recordEntries(log);
  return { entries: records.length, hash: recordChain(records).at(-1) ?? GENESIS_HASH };
}

/** `N:HASH`, the form `soz verify` prints and `--expect-head` takes. */
export function formatLogHead(head: LogHead): string {
  return `${head.entries}:${head.hash}`;
}

/** Parses `N:HASH` (N a positive integer, HASH 64 hex digits); undefined when malformed. */
export function parseLogHead(text: string): LogHead | undefined {
  const match = /^(\d{1,9}):([0-9a-f]{64})$/u.exec(text.trim().toLowerCase());
  if (!match || Number(match[1]) < 1) return undefined;
  return { entries: Number(match[1]), hash: match[2]! };
}

/** Which head an expected `N:HASH` matched: the log head or the time-free record head. */
export type HeadKind = 'log head' | 'record head';

/**
 * Problems when a log does not contain an expected head, given either as a log head (N counts log
 * entries) or as a record head (N counts records): `matched` says which it was. Later entries (or
 * records) are allowed, the log being append-only; `later` counts them.
 */
export function expectedHeadCheck(log: readonly LogEntry[], expected: LogHead): { problems: Said[]; later: number; matched?: HeadKind } {
  const { entries: n, hash } = expected;
  if (log[n - 1]?.hash === hash) return { problems: [], later: log.length - n, matched: 'log head' };
  const records = recordEntries(log);
  const recordHash = records.length >= n ? recordChain(records.slice(0, n)).at(-1)! : undefined;
  if (recordHash === hash) return { problems: [], later: records.length - n, matched: 'record head' };
  const short = (text: string) => `${text.slice(0, 12)}…`;
  if (log.length < n) {
    return { problems: [said(`log.jsonl: has ${log.length} entries, the expected head is entry ${n} (${short(hash)}) — the log was cut short or replaced`, 'verify.head.short', { entries: log.length, at: n, hash: short(hash) })], later: 0 };
  }
  const logHash = short(String(log[n - 1]!.hash));
  const why = ' — the log was changed, cut short or replaced up to that entry';
  return {
    problems: [
      recordHash === undefined
        ? said(`log.jsonl: entry ${n} has log head ${logHash} and only ${records.length} records, fewer than a record head at ${n} needs, the expected head says ${short(hash)}${why}`, 'verify.head.few-records', { at: n, logHash, records: records.length, hash: short(hash) })
        : said(`log.jsonl: entry ${n} has log head ${logHash} and record head ${short(recordHash)}, the expected head says ${short(hash)}${why}`, 'verify.head.changed', { at: n, logHash, recordHash: short(recordHash), hash: short(hash) }),
    ],
    later: 0,
  };
}
