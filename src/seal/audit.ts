/**
 * hashdeep-style audit of the evidence copies: every registered copy is matched, changed or
 * missing; every file in `evidence/` the register does not know is new. Pure: the caller hashes.
 */
import { compareCodeUnits } from '../core/canonical-json.js';
import type { Said } from '../core/messages.js';
import { said } from '../core/messages.js';

/** One registered evidence copy: where it should be and the hash it had on intake. */
export interface RegisteredCopy {
  /** Case-relative path, POSIX separators, e.g. `evidence/<sha256>.pdf`. */
  readonly path: string;
  readonly sha256: string;
  /** Original file name, shown to the reader. */
  readonly originalName: string;
}

/** The audit's result, every list in path order. */
export interface EvidenceAudit {
  readonly matched: readonly string[];
  readonly changed: readonly { readonly path: string; readonly originalName: string; readonly expected: string; readonly actual: string }[];
  readonly missing: readonly { readonly path: string; readonly originalName: string }[];
  /** Files in `evidence/` that no register entry names. */
  readonly added: readonly string[];
}

/**
 * Compares the register with the files found. `found` maps each case-relative path in
 * `evidence/` to its SHA-256 now.
 */
export function auditEvidence(register: readonly RegisteredCopy[], found: ReadonlyMap<string, string>): EvidenceAudit {
  const matched: string[] = [];
  const changed: { path: string; originalName: string; expected: string; actual: string }[] = [];
  const missing: { path: string; originalName: string }[] = [];
  const known = new Set<string>();
  for (const record of [...register].sort((a, b) => compareCodeUnits(a.path, b.path))) {
    known.add(record.path);
    const actual = found.get(record.path);
    if (actual === undefined) missing.push({ path: record.path, originalName: record.originalName });
    else if (actual === record.sha256) matched.push(record.path);
    else changed.push({ path: record.path, originalName: record.originalName, expected: record.sha256, actual });
  }
  const added = [...found.keys()].filter((path) => !known.has(path)).sort(compareCodeUnits);
  return { matched, changed, missing, added };
}

/** The audit as printed lines: a summary like hashdeep's, then one line per problem. */
export function auditLines(audit: EvidenceAudit): { summary: string; problems: Said[] } {
  const summary = `evidence: ${audit.matched.length} matched, ${audit.changed.length} changed, ${audit.missing.length} missing, ${audit.added.length} new`;
  const problems = [
    ...audit.changed.map((item) => said(`${item.path} (${item.originalName}): evidence copy changed — registered sha256 ${item.expected}, now ${item.actual}`, 'verify.diff.evidence-changed', { path: item.path, name: item.originalName, expected: item.expected, actual: item.actual })),
    ...audit.missing.map((item) => said(`${item.path} (${item.originalName}): evidence copy missing`, 'verify.diff.evidence-missing', { path: item.path, name: item.originalName })),
    ...audit.added.map((path) => said(`${path}: new file in evidence/ that the register does not name`, 'verify.diff.evidence-new', { path })),
  ];
  return { summary, problems };
}
