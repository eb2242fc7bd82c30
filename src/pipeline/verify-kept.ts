/**
 * `soz verify`'s proof of extract-once: every document `soz add` kept (`extracted/`) is extracted
 * again from the evidence copy, with the limits the add recorded, and compared byte for byte.
 */
import type { EvidenceDateOrder, EvidenceRecord, LogEntry } from '../core/case.js';
import { DEFAULT_LIMITS } from '../ingest/adapter.js';
import type { Limits } from '../ingest/adapter.js';
import { encodeDocument } from '../case/derived-format.js';
import { documentFileName } from '../case/records.js';
import { presentCaseFile, readCaseFile } from '../case/snapshot.js';
import { describeArtefactDifference, KEPT_REEXTRACTED } from '../seal/compare.js';
import type { Said } from '../core/messages.js';
import { said } from '../core/messages.js';
import { problemOf } from '../core/errors.js';
import { evidenceInput, extractEvidence } from './extract.js';

/** What the check found: a summary line, the differences, the number of files compared. */
export interface KeptExtractionCheck {
  readonly lines: readonly string[];
  readonly problems: readonly Said[];
  readonly checks: number;
  /** The kept files (case-relative) found identical to their extraction again: verify's re-run may read them. */
  readonly identical: readonly string[];
}

/** Re-extracts the evidence of every `evidence.add` entry that kept documents and compares each file. */
export async function checkKeptExtractions(dir: string, log: readonly LogEntry[], register: readonly EvidenceRecord[]): Promise<KeptExtractionCheck> {
  const problems: Said[] = [];
  const identical: string[] = [];
  let checks = 0;
  for (const entry of log) {
    const extraction = entry.action === 'evidence.add' ? (entry.details['extraction'] as { folder?: unknown; limits?: unknown } | undefined) : undefined;
    const record = register.find((item) => item.sha256 === (entry.details['evidence'] as { sha256?: unknown } | undefined)?.sha256);
    if (typeof extraction?.folder !== 'string' || record === undefined) continue;
    const kept = new Set(entry.outputs.map((file) => file.path).filter((path) => path.startsWith(`${extraction.folder}/`)));
    const copy = presentCaseFile(dir, record.copy, `${dir}: evidence copy`);
    if (copy === null) continue; // the evidence audit names a missing copy
    const source = `${record.copy} (${record.originalName})`;
    try {
      // The date order in force when soz add extracted them (one set later is for later analyses).
      const { dateOrder: _later, ...asAdded } = record;
      const atAdd = (entry.details['evidence'] as { dateOrder?: EvidenceDateOrder } | undefined)?.dateOrder;
      const input = await evidenceInput(copy, atAdd === 'day-first' || atAdd === 'month-first' ? { ...asAdded, dateOrder: atAdd } : asAdded, recordedLimits(extraction.limits));
      for await (const doc of extractEvidence(input, source)) {
        const path = `${extraction.folder}/${documentFileName(doc.id)}`;
        checks += 1;
        const difference = describeArtefactDifference(path, readCaseFile(dir, path), Buffer.from([...encodeDocument(doc)].join(''), 'utf8'), KEPT_REEXTRACTED);
        if (difference) problems.push(difference);
        else identical.push(path);
        kept.delete(path);
      }
    } catch (error) {
      const problem = error instanceof Error ? error.message : String(error);
      problems.push(said(`${source}: could not be extracted again to prove the documents soz add kept — ${problem}`, 'verify.diff.kept-not-extracted', { source, problem: problemOf(error) }));
    }
    for (const path of kept) problems.push(said(`${path}: kept by soz add (entry ${entry.seq}), but extracting the evidence again yields no such document`, 'verify.diff.kept-gone', { path, entry: entry.seq }));
  }
  return { lines: checks === 0 ? [] : [`kept extractions: ${checks} document(s) extracted again, ${problems.length === 0 ? 'all identical' : `${problems.length} differ`}`], problems, checks, identical };
}

/** Limits as a record (log entry, manifest) gives them: defaults for what it does not, or gives wrongly. */
export function recordedLimits(recorded: unknown): Limits {
  const limits: Record<string, number> = { ...DEFAULT_LIMITS };
  if (recorded && typeof recorded === 'object') {
    for (const key of Object.keys(DEFAULT_LIMITS)) {
      const value = (recorded as Record<string, unknown>)[key];
      if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) limits[key] = value;
    }
  }
  return limits as unknown as Limits;
}
