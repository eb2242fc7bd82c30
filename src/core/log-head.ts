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
 * What of an entry enters the record head: everything but its time and its chain hashes. A seal
 * signs the log head, so a `seal.create` entry also enters without that head, the payload hash and
 * the seal file's hash (all three follow from the log's times); its paths and signer remain.
 */
export function timeFreeRecord(entry: LogEntry): Record<string, unknown> {
  const { seq, actor, action, inputs, outputs, details } = entry;
  if (action !== 'seal.create') return { seq, actor, action, inputs, outputs, details };
  const { logHead: _logHead, payloadSha256: _payloadSha256, ...kept } = details ?? {};
  return { seq, actor, action, inputs, outputs: (outputs ?? []).map((file) => ({ path: file.path })), details: kept };
}

/** The record-head hash after each entry: `chain[i]` covers entries 1…i+1. */
export function recordChain(log: readonly LogEntry[]): string[] {
  const chain: string[] = [];
  let previous = GENESIS_HASH;
  for (const entry of log) {
    previous = sha256(canonicalJson({ previous, record: timeFreeRecord(entry) }));
    chain.push(previous);
  }
  return chain;
}

/** The record head of a log (see the module comment): entry count and time-free chain hash. */
export function recordHeadOf(log: readonly LogEntry[]): LogHead {
  return { entries: log.length, hash: recordChain(log).at(-1) ?? GENESIS_HASH };
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
 * Problems when a log does not contain an expected head, given either as a log head or as a
 * record head (`matched` says which it was): fewer entries than it, or neither head at its place.
 * Later entries are allowed (the log is append-only); `later` counts them.
 */
export function expectedHeadCheck(log: readonly LogEntry[], expected: LogHead): { problems: string[]; later: number; matched?: HeadKind } {
  const at = log[expected.entries - 1];
  if (at === undefined) {
    return { problems: [`log.jsonl: has ${log.length} entries, the expected head is entry ${expected.entries} (${expected.hash.slice(0, 12)}…) — the log was cut short or replaced`], later: 0 };
  }
  const later = log.length - expected.entries;
  if (at.hash === expected.hash) return { problems: [], later, matched: 'log head' };
  const record = recordChain(log.slice(0, expected.entries)).at(-1)!;
  if (record === expected.hash) return { problems: [], later, matched: 'record head' };
  return {
    problems: [`log.jsonl: entry ${expected.entries} has log head ${String(at.hash).slice(0, 12)}… and record head ${record.slice(0, 12)}…, the expected head says ${expected.hash.slice(0, 12)}… — the log was changed or replaced up to that entry`],
    later: 0,
  };
}
