import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LogEntry } from '../../src/core/case.js';
import { rechainedLog } from '../../src/core/custody-log.js';

/** The log entries of a case folder. */
export function readLog(dir: string): LogEntry[] {
  return logEntries(readFileSync(join(dir, 'log.jsonl'), 'utf8'));
}

/** Log entries of a `log.jsonl` text. */
export function logEntries(text: string): LogEntry[] {
  return text.trim().split('\n').map((line) => JSON.parse(line) as LogEntry);
}

/**
 * A log text with the entries re-numbered and re-chained, as an attacker who edits the log can
 * do (the chain has no key): the chain check passes, only the other checks can catch the edit.
 */
export { rechainedLog };

/** Rewrites a case's log through `edit` and re-chains it. */
export function editLog(dir: string, edit: (entries: LogEntry[]) => LogEntry[]): void {
  writeFileSync(join(dir, 'log.jsonl'), rechainedLog(edit(readLog(dir))));
}
