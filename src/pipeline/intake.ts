import { statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { EvidenceDateOrder, EvidenceRecord, TranscriptLink, UnreadableIntake } from '../core/case.js';
import { DATE_ORDER_ACTION } from '../core/case.js';
import type { Notice } from '../core/document.js';
import { UserError } from '../core/errors.js';
import type { ProgressListener } from '../core/progress.js';
import type { Limits } from '../ingest/adapter.js';
import { inputFromFile } from '../ingest/file-input.js';
import { sniffMediaType, extensionForMediaType } from '../ingest/sniff.js';
import type { Clock, CaseWorkspace } from '../case/workspace.js';
import { assertReadableFile, copyIntoCase, digestFile, evidenceRecord, readHead } from '../case/evidence-store.js';
import type { FileDigest, IncomingCopy } from '../case/evidence-store.js';
import { isAudioOrVideo } from '../ingest/media-types.js';
import { extractEvidence, extractorKey } from './extract.js';
import type { KeptExtraction } from '../case/extraction-store.js';
import { keepExtraction } from '../case/extraction-store.js';

/** What happened to one file given to `soz add`. */
export interface IntakeOutcome {
  readonly record: EvidenceRecord;
  /** `added`, or `duplicate` when the same bytes were already in the case. */
  readonly status: 'added' | 'duplicate';
  readonly documents: number;
  /** The notices of its documents (for the summary line of the command). */
  readonly notices: readonly Notice[];
}

/** A file given to `soz add`, read and checked, not yet in the case. */
export interface CheckedFile {
  readonly source: string;
  /** SHA-256 and size of its bytes (the MD5 comes when its copy is staged). */
  readonly digest: Omit<FileDigest, 'md5'>;
  /** Its copy in the case, read once with the digest, waiting for the commit (the documents were extracted from it). */
  readonly copy: IncomingCopy;
  readonly mediaType: string;
  /** The limits it was checked (and its documents extracted) under. */
  readonly limits: Limits;
  readonly documents: number;
  /** The notices of its documents, as extracted. */
  readonly notices: readonly Notice[];
  /** Set when the file did not extract and the examiner took it in knowingly. */
  readonly unreadable?: UnreadableIntake;
  /** Set for a transcript: the media it transcribes (hash, or hash prefix resolved in the case). */
  readonly transcribes?: TranscriptLink;
  /** Set when the file reads as a transcript (SubRip, WebVTT, time-coded text). */
  readonly transcript?: true;
  /** The day/month order the examiner set for a WhatsApp export (`--date-order`). */
  readonly dateOrder?: EvidenceDateOrder;
  /** The documents as extracted, kept in a staging folder inside the case for `add`'s commit (extract once). */
  readonly kept?: KeptExtraction;
}

/** What the examiner states about the files of one `soz add`. */
export interface IntakeStatement {
  /**
   * The reason to take a damaged file of a format soz reads into custody without text
   * (`--keep-unreadable --reason`); without it such a file is refused and the case left as it was.
   */
  readonly keepUnreadableReason?: string;
  /**
   * The files are transcripts of this audio or video item (`--transcribes`, `--transcriber`):
   * `media` is the media file's SHA-256, a prefix of it (at least 12 hex digits) naming an item
   * already in the case, or the path of the media file.
   */
  readonly transcribes?: { readonly media: string; readonly transcriber: string };
  /** Day/month order of WhatsApp exports whose dates the file cannot settle (`--date-order dmy|mdy`). */
  readonly dateOrder?: EvidenceDateOrder;
}

/**
 * Takes files into custody: every file is checked first (exists, within limits, a format soz
 * reads, extracts without error), so one bad file leaves the case exactly as it was. Then each
 * is copied read-only under its hash and logged. The originals are only ever read.
 */
export async function addEvidence(workspace: CaseWorkspace, files: readonly string[], options: { clock: Clock; actor: string; limits: Limits; transcriber?: string; dateOrder?: EvidenceDateOrder }): Promise<IntakeOutcome[]> {
  const checked = await checkEvidenceFiles(files, options.limits, options.dateOrder ? { dateOrder: options.dateOrder } : {}, undefined, workspace.dir);
  return takeIntoCustody(workspace, options.transcriber !== undefined ? pairTranscripts(checked, options.transcriber) : checked, options);
}

/**
 * Links each transcript among the files to the one audio or video file among them with the same
 * name before the extension (`clip.srt` → `clip.mp4`), made by `transcriber` (`soz run
 * --transcriber`). A transcript with no such recording, or with two, stays unlinked.
 */
export function pairTranscripts(checked: readonly CheckedFile[], transcriber: string): CheckedFile[] {
  const stem = (file: CheckedFile) => basename(file.source).replace(/\.[^.]*$/u, '');
  return checked.map((file) => {
    if (!file.transcript || file.transcribes) return file;
    const recordings = checked.filter((other) => isAudioOrVideo(other.mediaType) && stem(other) === stem(file));
    return recordings.length === 1 && recordings[0] ? { ...file, transcribes: { mediaSha256: recordings[0].digest.sha256, transcriber } } : file;
  });
}

/**
 * Reads and checks the files for `soz add` without taking the case lock, so the command can do
 * this slow part first. Each file is read once into its copy in the case folder `caseDir` and
 * extracted from that copy; the documents are kept in a staging folder inside the case (until
 * `takeIntoCustody` commits them with the evidence copy: extract once); on any error the copies
 * and documents are removed again. `onProgress` is told before each file.
 */
export async function checkEvidenceFiles(files: readonly string[], limits: Limits, statement: IntakeStatement, onProgress: ProgressListener | undefined, caseDir: string): Promise<CheckedFile[]> {
  if (files.length === 0) throw new UserError('soz add: no files given; name the seized files to add', 'input.no-files', undefined, { key: 'error.no-files', params: {} });
  const link = statement.transcribes ? await mediaLink(statement.transcribes.media, statement.transcribes.transcriber) : undefined;
  const checked: CheckedFile[] = [];
  try {
    for (const [index, file] of files.entries()) {
      onProgress?.({ stage: 'files read and checked', done: index, total: files.length });
      const result = await checkFile(resolve(file), limits, statement, caseDir);
      checked.push(link ? { ...result, transcribes: link } : result);
    }
  } catch (error) {
    discardKept(checked);
    throw error;
  }
  return checked;
}

/** Removes the evidence copies and kept documents of checked files that were not committed (a no-op for those that were). */
export function discardKept(checked: readonly CheckedFile[]): void {
  for (const file of checked) {
    file.kept?.discard();
    file.copy.discard();
  }
}

/** Copies checked files into the case and logs each (one commit per file), then the register. */
export async function takeIntoCustody(workspace: CaseWorkspace, checked: readonly CheckedFile[], options: { clock: Clock; actor: string }): Promise<IntakeOutcome[]> {
  try {
    return await commitEach(workspace, checked, options);
  } finally {
    // Whatever was not committed (a duplicate, or the files after one that failed) is dropped.
    discardKept(checked);
  }
}

async function commitEach(workspace: CaseWorkspace, checked: readonly CheckedFile[], options: { clock: Clock; actor: string }): Promise<IntakeOutcome[]> {
  const known = new Map(workspace.evidence().map((record) => [record.sha256, record]));
  const ordered = checked.find((file) => file.dateOrder !== undefined && known.has(file.digest.sha256));
  if (ordered) {
    const held = known.get(ordered.digest.sha256)!;
    throw new UserError(`${ordered.source}: already in custody as ${held.originalName}; set its date order with soz evidence date-order ${workspace.dir} "${held.originalName}" ${ordered.dateOrder === 'day-first' ? 'dmy' : 'mdy'}`, 'input.date-order-in-custody', undefined, {
      key: 'error.date-order-in-custody',
      params: { path: ordered.source, name: held.originalName, dir: workspace.dir, order: ordered.dateOrder === 'day-first' ? 'dmy' : 'mdy' },
    });
  }
  const outcomes: IntakeOutcome[] = [];
  for (const unresolved of checked) {
    const file = unresolved.transcribes ? { ...unresolved, transcribes: resolveMediaPrefix(unresolved.transcribes, [...known.keys()]) } : unresolved;
    const existing = known.get(file.digest.sha256);
    if (existing) {
      workspace.appendLog(options.clock, {
        actor: options.actor,
        action: 'evidence.duplicate',
        inputs: [{ path: existing.copy, sha256: existing.sha256 }],
        outputs: [],
        details: { originalName: basename(file.source), originalPath: file.source, sameAs: existing.originalName },
      });
      outcomes.push({ record: existing, status: 'duplicate', documents: file.documents, notices: file.notices });
      continue;
    }
    const { move: staged, digest } = await file.copy.stage(extensionForMediaType(file.mediaType));
    const record: EvidenceRecord = { ...evidenceRecord(file.source, digest, file.mediaType, staged.to), ...(file.unreadable ? { unreadable: file.unreadable } : {}), ...(file.transcribes ? { transcribes: file.transcribes } : {}), ...(file.dateOrder ? { dateOrder: file.dateOrder } : {}) };
    const kept = file.kept;
    const keptMove = kept?.stage();
    workspace.commit(options.clock, {
      actor: options.actor,
      action: 'evidence.add',
      inputs: [],
      outputs: [{ path: staged.to, sha256: record.sha256 }, ...(kept ? kept.files() : [])],
      details: { evidence: record, originalPath: file.source, ...(keptMove ? { extraction: { folder: keptMove.to, limits: file.limits } } : {}) },
    }, keptMove ? [staged, keptMove] : [staged]);
    known.set(record.sha256, record);
    outcomes.push({ record, status: 'added', documents: file.documents, notices: file.notices });
  }
  workspace.writeEvidenceRegister();
  return outcomes;
}

/** The Telegram part threads of a file whose documents are kept: they also encode the documents they build. */
const KEEPING_PART_THREAD = new URL('./telegram-thread.js', import.meta.url);

async function checkFile(source: string, limits: Limits, statement: IntakeStatement, caseDir: string): Promise<CheckedFile> {
  assertReadableFile(source);
  // Size first: a hostile 2 GB file must be refused before it is read, not after hashing it.
  const size = statSync(source).size;
  if (size > limits.maxFileBytes) {
    throw new UserError(`${source}: ${size} bytes exceeds the file-size limit of ${limits.maxFileBytes}; raise it with --max-file-bytes`, 'limit.file-size', undefined, { key: 'error.limit-file-size', params: { path: source, size, limit: limits.maxFileBytes } });
  }
  const copy = await copyIntoCase(caseDir, source);
  try {
    return await checkCopy(source, copy, limits, statement, caseDir);
  } catch (error) {
    copy.discard();
    throw error;
  }
}

/** Extracts a file from its copy in the case (`copy`), keeping the documents; errors name `source`. */
async function checkCopy(source: string, copy: IncomingCopy, limits: Limits, statement: IntakeStatement, caseDir: string): Promise<CheckedFile> {
  const { digest } = copy;
  const head = await readHead(copy.path);
  const mediaType = sniffMediaType(head);
  const input = inputFromFile(copy.path, { name: basename(source), sha256: digest.sha256, size: digest.size, mediaType, head, limits, ...(statement.dateOrder ? { dateOrder: statement.dateOrder } : {}) });
  let documents = 0;
  let chat = false;
  const notices: Notice[] = [];
  let transcript = false;
  const kept = keepExtraction(caseDir, digest.sha256, extractorKey(limits, statement.dateOrder));
  try {
    for await (const doc of extractEvidence(input, source, { partThread: KEEPING_PART_THREAD })) {
      kept.write(doc);
      documents += 1;
      notices.push(...doc.notices);
      transcript ||= doc.format === 'transcript';
      chat ||= doc.format === 'whatsapp-txt';
      if (statement.transcribes && doc.format !== 'transcript') {
        throw new UserError(`${source}: --transcribes is for a transcript (SubRip .srt, WebVTT .vtt or lines starting [hh:mm:ss]); this file reads as ${doc.format}`, 'transcript.not-a-transcript', undefined, { key: 'error.not-a-transcript', params: { path: source, format: doc.format } });
      }
    }
  } catch (error) {
    kept.discard();
    const reason = statement.keepUnreadableReason;
    // Limits are not damage: past one, the examiner raises the limit rather than give up the text.
    if (reason === undefined || !(error instanceof UserError) || error.code.startsWith('limit.')) throw error;
    return { source, digest, copy, mediaType, documents: 1, notices: [], limits, unreadable: { reason, error: error.message } };
  }
  if (statement.dateOrder && !chat) {
    kept.discard();
    throw new UserError(`${source}: --date-order is for WhatsApp chat exports (.txt, or a ZIP holding one); this file holds none`, 'input.date-order-not-whatsapp', undefined, { key: 'error.date-order-not-whatsapp', params: { path: source } });
  }
  return { source, digest, copy, mediaType, documents, notices, limits, kept, ...(transcript ? { transcript: true as const } : {}), ...(statement.dateOrder ? { dateOrder: statement.dateOrder } : {}) };
}

/** The evidence items a name refers to: its original file name, or 8+ leading hex digits of its SHA-256. */
export function itemsNamed(evidence: readonly EvidenceRecord[], item: string): EvidenceRecord[] {
  return evidence.filter((record) => record.originalName === item || (/^[0-9a-f]{8,64}$/.test(item) && record.sha256.startsWith(item)));
}

/**
 * Sets the day/month order of a WhatsApp export already in custody (named by file name or at
 * least 8 leading hex digits of its SHA-256), logged as `evidence.date-order`; the next
 * `soz analyze` reads its dates so, and `soz verify` reproduces that from the log.
 */
export function setDateOrder(workspace: CaseWorkspace, item: string, dateOrder: EvidenceDateOrder, options: { clock: Clock; actor: string }): EvidenceRecord {
  const evidence = workspace.evidence();
  const matches = itemsNamed(evidence, item);
  if (matches.length !== 1) {
    throw new UserError(`${workspace.dir}: ${matches.length === 0 ? 'no' : 'more than one'} evidence item "${item}"; name it by its file name or SHA-256 (items: ${evidence.map((record) => record.originalName).join(', ') || 'none'})`, 'input.unknown-item', undefined, {
      key: matches.length === 0 ? 'error.no-item' : 'error.many-items',
      params: { dir: workspace.dir, item, items: evidence.map((record) => record.originalName).join(', ') || '—' },
    });
  }
  const record = matches[0]!;
  if (record.mediaType !== 'text/plain' && record.mediaType !== 'application/zip') {
    throw new UserError(`${workspace.dir}: ${record.originalName} is ${record.mediaType}; the date order is set for WhatsApp chat exports (.txt, or a ZIP holding one)`, 'input.date-order-not-whatsapp', undefined, {
      key: 'error.item-not-whatsapp',
      params: { dir: workspace.dir, name: record.originalName, mediaType: record.mediaType },
    });
  }
  workspace.appendLog(options.clock, { actor: options.actor, action: DATE_ORDER_ACTION, inputs: [{ path: record.copy, sha256: record.sha256 }], outputs: [], details: { sha256: record.sha256, originalName: record.originalName, dateOrder } });
  workspace.writeEvidenceRegister();
  return { ...record, dateOrder };
}

/** The media link as stated: a full hash is kept, a path is hashed, a prefix waits for the case. */
async function mediaLink(media: string, transcriber: string): Promise<TranscriptLink> {
  if (/^[0-9a-f]{12,64}$/iu.test(media)) return { mediaSha256: media.toLowerCase(), transcriber };
  assertReadableFile(resolve(media));
  return { mediaSha256: (await digestFile(resolve(media))).sha256, transcriber };
}

/** A hash prefix must name exactly one item in the case; a full hash may name one not (yet) in it. */
function resolveMediaPrefix(link: TranscriptLink, caseHashes: readonly string[]): TranscriptLink {
  if (link.mediaSha256.length === 64) return link;
  const matches = caseHashes.filter((hash) => hash.startsWith(link.mediaSha256));
  if (matches.length !== 1) {
    const problem = matches.length === 0 ? 'names no item in the case' : `names ${matches.length} items in the case`;
    throw new UserError(`--transcribes ${link.mediaSha256}: the hash prefix ${problem}; give the full SHA-256 or the media file's path`, 'transcript.media-prefix', undefined, {
      key: 'error.transcript.media-prefix',
      params: { prefix: link.mediaSha256, count: matches.length },
    });
  }
  return { ...link, mediaSha256: matches[0]! };
}
