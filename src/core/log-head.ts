/**
 * The head of a custody log: how many entries it has and the hash of the last one. Because every
 * entry's hash covers the one before, the head pins the whole log up to it; a log cut short
 * together with the files its last entries named no longer contains that head.
 */
import type { LogEntry } from './case.js';
import { GENESIS_HASH } from './case.js';

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

/**
 * Problems when a log does not contain an expected head: fewer entries than it, or another entry
 * at its place. Later entries are allowed (the log is append-only); `later` counts them.
 */
export function expectedHeadCheck(log: readonly LogEntry[], expected: LogHead): { problems: string[]; later: number } {
  const at = log[expected.entries - 1];
  if (at === undefined) {
    return { problems: [`log.jsonl: has ${log.length} entries, the expected head is entry ${expected.entries} (${expected.hash.slice(0, 12)}…) — the log was cut short or replaced`], later: 0 };
  }
  if (at.hash !== expected.hash) {
    return { problems: [`log.jsonl: entry ${expected.entries} has hash ${String(at.hash).slice(0, 12)}…, the expected head says ${expected.hash.slice(0, 12)}… — the log was changed or replaced up to that entry`], later: 0 };
  }
  return { problems: [], later: log.length - expected.entries };
}
