/**
 * Case-level records: metadata, evidence register, custody log entries and the run manifest.
 * Pure types and pure functions; reading and writing them lives in `src/case/`.
 */
import { canonicalJson } from './canonical-json.js';
import { sha256 } from './hash.js';
import type { Said } from './messages.js';
import { said } from './messages.js';

/**
 * Languages a conclusion is written in: the one list every schema, enum and help text derives
 * from. Adding one is this line plus its data folder `templates/<lang>/` (and the titles in the
 * SOP data, which validation then asks for).
 */
export const REPORT_LANGUAGES = ['ru', 'ky', 'en'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

/** Whether a value names a report language. */
export function isReportLanguage(value: unknown): value is ReportLanguage {
  return (REPORT_LANGUAGES as readonly unknown[]).includes(value);
}

export const CASE_SCHEMA = 'soz.case/1';

/**
 * What `soz init` records about the order for expertise. Dates are ISO `YYYY-MM-DD`. A fact the
 * examiner did not give (a quick `soz run`) is `null`, and each reader says "not recorded" in its
 * own language. Cases made before soz recorded absence hold the English text `not recorded`
 * instead: it stays a string, so their reports re-render to the same bytes.
 */
export interface CaseMetadata {
  readonly schema: typeof CASE_SCHEMA;
  readonly caseNumber: string | null;
  readonly orderingBody: string | null;
  readonly orderDate: string | null;
  readonly examiner: string | null;
  readonly examinationDate: string | null;
  readonly reportLanguage: ReportLanguage;
}

/**
 * Who a log entry names when the command names no one: the examiner recorded in `case.json`,
 * else `soz` (a quick `soz run` without `--examiner`).
 */
export function defaultActor(metadata: CaseMetadata | undefined): string {
  return metadata?.examiner ?? 'soz';
}

/** One evidence file as received, with the type sniffed from its bytes. */
export interface EvidenceRecord {
  readonly sha256: string;
  readonly md5: string;
  readonly size: number;
  /** Original file name (no directory). */
  readonly originalName: string;
  /** Media type sniffed from the bytes, e.g. `application/pdf`. */
  readonly mediaType: string;
  /** Path of the read-only copy, relative to the case folder, POSIX separators. */
  readonly copy: string;
  /** A damaged file of a format soz reads, taken in knowingly (`soz add --keep-unreadable`). */
  readonly unreadable?: UnreadableIntake;
  /** For a transcript: the audio or video item it transcribes and who made it (`soz add --transcribes`). */
  readonly transcribes?: TranscriptLink;
  /**
   * Day/month order of a chat export whose dates the file cannot settle, as the examiner set it
   * (`--date-order` on `soz add` / `soz run`, or `soz evidence date-order`); the file decides where it can.
   */
  readonly dateOrder?: EvidenceDateOrder;
}

/** Which of the two numeric date fields is the day, when the examiner sets it for an item. */
export type EvidenceDateOrder = 'day-first' | 'month-first';

/** Log action that sets the date order of an item in custody (details: `sha256`, `dateOrder`). */
export const DATE_ORDER_ACTION = 'evidence.date-order';

/** Why a damaged file was taken into custody without text: the examiner's reason and soz's error. */
export interface UnreadableIntake {
  readonly reason: string;
  readonly error: string;
}

/** Links a transcript to the media item it transcribes, by the media file's SHA-256. */
export interface TranscriptLink {
  readonly mediaSha256: string;
  /** Who made the transcript, as the examiner states it. */
  readonly transcriber: string;
}

/** A file referred to by hash in the log or manifest; `path` relative to the case, POSIX. */
export interface HashedFile {
  readonly path: string;
  readonly sha256: string;
}

/**
 * One entry of the append-only custody log. `hash` is the SHA-256 of the canonical JSON of the
 * entry without `hash`; `previousHash` is the hash of the entry before (64 zeros for the first).
 */
export interface LogEntry {
  readonly seq: number;
  /** ISO 8601 UTC; the only place soz records the clock. */
  readonly time: string;
  readonly actor: string;
  readonly action: string;
  readonly inputs: readonly HashedFile[];
  readonly outputs: readonly HashedFile[];
  readonly details: Readonly<Record<string, unknown>>;
  readonly previousHash: string;
  readonly hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

/** Computes the hash a log entry must carry. */
export function logEntryHash(entry: Omit<LogEntry, 'hash'>): string {
  const { seq, time, actor, action, inputs, outputs, details, previousHash } = entry;
  return sha256(canonicalJson({ seq, time, actor, action, inputs, outputs, details, previousHash }));
}

/** Problems in a log's hash chain, entry by entry; empty when the chain is intact. */
export function logChainProblems(entries: readonly LogEntry[]): Said[] {
  const problems: Said[] = [];
  let previous = GENESIS_HASH;
  entries.forEach((entry, index) => {
    const at = index + 1;
    const where = `log entry ${at}`;
    if (entry.seq !== at) problems.push(said(`${where}: sequence is ${entry.seq}, expected ${at} (entry deleted, inserted or reordered)`, 'verify.chain.sequence', { at, seq: entry.seq }));
    if (entry.previousHash !== previous) problems.push(said(`${where}: previousHash ${entry.previousHash.slice(0, 12)}… does not match the hash of the entry before (${previous.slice(0, 12)}…)`, 'verify.chain.previous', { at, stored: entry.previousHash.slice(0, 12), before: previous.slice(0, 12) }));
    const expected = logEntryHash(entry);
    if (entry.hash !== expected) problems.push(said(`${where} (${entry.action}): content changed — stored hash ${entry.hash.slice(0, 12)}…, recomputed ${expected.slice(0, 12)}…`, 'verify.chain.content', { at, action: entry.action, stored: entry.hash.slice(0, 12), recomputed: expected.slice(0, 12) }));
    previous = entry.hash;
  });
  return problems;
}

export const MANIFEST_SCHEMA = 'soz.manifest/1';

/**
 * Everything that produced the derived artefacts. Holds no clock time and no absolute path, so
 * the same inputs with the same versions give the same bytes on every machine.
 */
export interface RunManifest {
  readonly schema: typeof MANIFEST_SCHEMA;
  readonly tool: { readonly name: 'soz'; readonly version: string };
  readonly runtime: { readonly node: string };
  /** SHA-256 of package-lock.json of the installed soz, and the resolved dependency versions. */
  readonly lockfileSha256: string;
  readonly dependencies: Readonly<Record<string, string>>;
  /** SOP, lexicon and template files used, relative to the soz installation. */
  readonly data: readonly HashedFile[];
  readonly parameters: Readonly<Record<string, unknown>>;
  readonly inputs: readonly HashedFile[];
  readonly outputs: readonly HashedFile[];
}
