import { statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { EvidenceRecord, UnreadableIntake } from '../core/case.js';
import { UserError } from '../core/errors.js';
import type { Limits } from '../ingest/adapter.js';
import { inputFromFile } from '../ingest/file-input.js';
import { sniffMediaType, extensionForMediaType } from '../ingest/sniff.js';
import type { Clock, CaseWorkspace } from '../case/workspace.js';
import { assertReadableFile, digestFile, evidenceRecord, readHead, stageEvidenceCopy } from '../case/evidence-store.js';
import type { FileDigest } from '../case/evidence-store.js';
import { extractEvidence } from './extract.js';

/** What happened to one file given to `soz add`. */
export interface IntakeOutcome {
  readonly record: EvidenceRecord;
  /** `added`, or `duplicate` when the same bytes were already in the case. */
  readonly status: 'added' | 'duplicate';
  readonly documents: number;
}

/** A file given to `soz add`, read and checked, not yet in the case. */
export interface CheckedFile {
  readonly source: string;
  readonly digest: FileDigest;
  readonly mediaType: string;
  readonly documents: number;
  /** Set when the file did not extract and the examiner took it in knowingly. */
  readonly unreadable?: UnreadableIntake;
}

/** What the examiner states about the files of one `soz add`. */
export interface IntakeStatement {
  /**
   * The reason to take a damaged file of a format soz reads into custody without text
   * (`--keep-unreadable --reason`); without it such a file is refused and the case left as it was.
   */
  readonly keepUnreadableReason?: string;
}

/**
 * Takes files into custody: every file is checked first (exists, within limits, a format soz
 * reads, extracts without error), so one bad file leaves the case exactly as it was. Then each
 * is copied read-only under its hash and logged. The originals are only ever read.
 */
export async function addEvidence(workspace: CaseWorkspace, files: readonly string[], options: { clock: Clock; actor: string; limits: Limits }): Promise<IntakeOutcome[]> {
  return takeIntoCustody(workspace, await checkEvidenceFiles(files, options.limits), options);
}

/**
 * Reads and checks the files for `soz add` without touching any case, so the command can do this
 * slow part before it takes the case lock.
 */
export async function checkEvidenceFiles(files: readonly string[], limits: Limits, statement: IntakeStatement = {}): Promise<CheckedFile[]> {
  if (files.length === 0) throw new UserError('soz add: no files given; name the seized files to add', 'input.no-files');
  const checked: CheckedFile[] = [];
  for (const file of files) checked.push(await checkFile(resolve(file), limits, statement));
  return checked;
}

/** Copies checked files into the case and logs each (one commit per file), then the register. */
export async function takeIntoCustody(workspace: CaseWorkspace, checked: readonly CheckedFile[], options: { clock: Clock; actor: string }): Promise<IntakeOutcome[]> {
  const known = new Map(workspace.evidence().map((record) => [record.sha256, record]));
  const outcomes: IntakeOutcome[] = [];
  for (const file of checked) {
    const existing = known.get(file.digest.sha256);
    if (existing) {
      workspace.appendLog(options.clock, {
        actor: options.actor,
        action: 'evidence.duplicate',
        inputs: [{ path: existing.copy, sha256: existing.sha256 }],
        outputs: [],
        details: { originalName: basename(file.source), originalPath: file.source, sameAs: existing.originalName },
      });
      outcomes.push({ record: existing, status: 'duplicate', documents: file.documents });
      continue;
    }
    const staged = await stageEvidenceCopy(workspace, file.source, file.digest, extensionForMediaType(file.mediaType));
    const record: EvidenceRecord = { ...evidenceRecord(file.source, file.digest, file.mediaType, staged.to), ...(file.unreadable ? { unreadable: file.unreadable } : {}) };
    workspace.commit(options.clock, {
      actor: options.actor,
      action: 'evidence.add',
      inputs: [],
      outputs: [{ path: staged.to, sha256: record.sha256 }],
      details: { evidence: record, originalPath: file.source },
    }, [staged]);
    known.set(record.sha256, record);
    outcomes.push({ record, status: 'added', documents: file.documents });
  }
  workspace.writeEvidenceRegister();
  return outcomes;
}

async function checkFile(source: string, limits: Limits, statement: IntakeStatement): Promise<CheckedFile> {
  assertReadableFile(source);
  // Size first: a hostile 2 GB file must be refused before it is read, not after hashing it.
  const size = statSync(source).size;
  if (size > limits.maxFileBytes) {
    throw new UserError(`${source}: ${size} bytes exceeds the file-size limit of ${limits.maxFileBytes}; raise it with --max-file-bytes`, 'limit.file-size');
  }
  const digest = await digestFile(source);
  const head = await readHead(source);
  const mediaType = sniffMediaType(head);
  const input = inputFromFile(source, { name: basename(source), sha256: digest.sha256, size: digest.size, mediaType, head, limits });
  let documents = 0;
  try {
    for await (const _doc of extractEvidence(input, source)) documents += 1;
  } catch (error) {
    const reason = statement.keepUnreadableReason;
    // Limits are not damage: past one, the examiner raises the limit rather than give up the text.
    if (reason === undefined || !(error instanceof UserError) || error.code.startsWith('limit.')) throw error;
    return { source, digest, mediaType, documents: 1, unreadable: { reason, error: error.message } };
  }
  return { source, digest, mediaType, documents };
}
