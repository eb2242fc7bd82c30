/**
 * How a command commits: its new files are first written complete under temporary names (staged);
 * then an intent file records the log entry to come and the renames; then the renames; then the
 * log entry, which is the commit point; then the intent is removed. A crash before the intent
 * leaves only temporaries (rolled back by recovery); a crash after it is rolled forward from the
 * intent, which holds everything needed, time included, so the entry is the one the command would
 * have written.
 */
import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { LogEntry } from '../core/case.js';
import { GENESIS_HASH } from '../core/case.js';
import type { LogEntryFields } from '../core/custody-log.js';
import { loggedPaths } from '../core/custody-log.js';
import { canonicalJson } from '../core/canonical-json.js';
import { UserError } from '../core/errors.js';
import { syncDirectory, writeFileAtomic } from './atomic.js';
import { crashPoint } from './crash-points.js';
import { refuseUnsafePaths } from './snapshot.js';
import { casePath } from './layout.js';

/** The intent file, at the top of the case folder (not hashed, bundled or checked by verify). */
export const INTENT_FILE = '.soz-intent.json';
const INTENT_SCHEMA = 'soz.intent/1';

/**
 * A staged file or folder: complete and flushed at `from`, to be renamed to `to` (both
 * case-relative, POSIX). A folder that replaces another moves the old one to `<to>.prev` first.
 */
export interface StagedMove {
  readonly from: string;
  readonly to: string;
  readonly directory?: boolean;
}

/** What the intent file records. */
export interface CommitIntent {
  readonly schema: typeof INTENT_SCHEMA;
  /** Hash of the log's last entry when the intent was written (64 zeros for an empty log). */
  readonly previousHash: string;
  readonly entry: LogEntryFields;
  readonly moves: readonly StagedMove[];
}

/** Writes the intent; from here on the commit is rolled forward, never back. */
export function writeIntent(caseDir: string, intent: Omit<CommitIntent, 'schema'>): void {
  writeFileAtomic(casePath(caseDir, INTENT_FILE), canonicalJson({ schema: INTENT_SCHEMA, ...intent }, true));
  crashPoint(intent.entry.action, 'intent');
}

/** The pending intent, or null. Written atomically, so it is whole or absent. */
export function readIntent(caseDir: string): CommitIntent | null {
  const path = casePath(caseDir, INTENT_FILE);
  if (!existsSync(path)) return null;
  let intent: CommitIntent;
  try {
    intent = JSON.parse(readFileSync(path, 'utf8')) as CommitIntent;
  } catch {
    throw new UserError(`${path}: the record of an interrupted command is damaged (it is written whole, so it was changed by hand); move it out of the case and run "soz verify ${caseDir}"`, 'case.corrupt-intent', undefined, { key: 'error.case.corrupt-intent', params: { path, caseDir } });
  }
  // Recovery renames what the intent names and logs its entry: a hand-made intent must not reach outside the case.
  const moves = Array.isArray(intent.moves) ? intent.moves : [];
  refuseUnsafePaths(caseDir, [
    ...moves.flatMap((move) => [
      { path: move?.from, where: `${INTENT_FILE} staged file` },
      { path: move?.to, where: `${INTENT_FILE} target` },
    ]),
    ...loggedPaths(intent.entry === null || typeof intent.entry !== 'object' ? [] : [intent.entry], () => `${INTENT_FILE} entry`),
  ]);
  return intent;
}

/**
 * Performs the renames of an intent that are not done yet (so recovery can call it again after a
 * crash between two of them).
 */
export function applyMoves(caseDir: string, action: string, moves: readonly StagedMove[]): void {
  for (const move of moves) {
    const from = casePath(caseDir, move.from);
    const to = casePath(caseDir, move.to);
    if (!existsSync(from)) continue;
    if (move.directory && existsSync(to)) {
      // A `.prev` here is the superseded derived folder of an earlier crash, already replaced once.
      rmSync(`${to}.prev`, { recursive: true, force: true });
      renameSync(to, `${to}.prev`);
      crashPoint(action, 'renamed');
    }
    renameSync(from, to);
    syncDirectory(dirname(to));
    crashPoint(action, 'renamed');
  }
}

/**
 * The renames an interrupted commit has made before its log entry was written: the case files
 * that are in place but not yet in the log. Empty when there is no intent, when its entry is
 * already logged, or when it was killed before any rename.
 */
export function renamedBeforeEntry(caseDir: string, log: readonly LogEntry[]): { readonly action: string; readonly paths: readonly string[] } {
  const intent = readIntent(caseDir);
  if (intent === null || intent.previousHash !== (log.at(-1)?.hash ?? GENESIS_HASH)) return { action: '', paths: [] };
  const paths = intent.moves.filter((move) => !existsSync(casePath(caseDir, move.from)) && existsSync(casePath(caseDir, move.to))).map((move) => move.to);
  return { action: intent.entry.action, paths };
}

/** Whether every move of an intent can still be completed (its staged file or its result exists). */
export function movesAreComplete(caseDir: string, moves: readonly StagedMove[]): boolean {
  return moves.every((move) => existsSync(casePath(caseDir, move.from)) || existsSync(casePath(caseDir, move.to)));
}

/** After the log entry: drops the superseded folders and the intent. */
export function finishCommit(caseDir: string, action: string, moves: readonly StagedMove[]): void {
  for (const move of moves) if (move.directory) rmSync(casePath(caseDir, `${move.to}.prev`), { recursive: true, force: true });
  rmSync(casePath(caseDir, INTENT_FILE), { force: true });
  syncDirectory(caseDir);
  crashPoint(action, 'finished');
}
