import { basename, join } from 'node:path';
import type { RunManifest, HashedFile, EvidenceRecord } from '../core/case.js';
import { MANIFEST_SCHEMA } from '../core/case.js';
import type { AnalysisResult } from '../core/analysis-result.js';
import type { SozDocument } from '../core/document.js';
import type { Finding } from '../core/finding.js';
import type { NoticeTally, ProgressListener } from '../core/progress.js';
import { tallyNotices } from '../core/progress.js';
import { canonicalJson, canonicalJsonShaped, compareCodeUnits } from '../core/canonical-json.js';
import { UserError } from '../core/errors.js';
import type { EvidenceInput, Limits } from '../ingest/adapter.js';
import { inputFromFile } from '../ingest/file-input.js';
import { keptUnreadableNotice, noTextDocument } from '../ingest/no-text.js';
import { MEDIA_TYPES, isImageMediaType } from '../ingest/sniff.js';
import { ChatPhotoLinker, isPictureDocument } from '../ingest/chat-photos.js';
import { DEFAULT_OCR_LIMITS, OcrTools, withOcr, withPdfOcr } from './ocr.js';
import type { OcrLimits } from './ocr.js';
import { digestFile, readHead } from '../case/evidence-store.js';
import type { DerivedRun } from '../case/derived-run.js';
import { startDerivedRun } from '../case/derived-run.js';
import { CaseFiles } from '../case/layout.js';
import { compareDocuments, parsedDocument } from '../case/records.js';
import type { KeptDocument } from '../case/extraction-store.js';
import { readKeptExtraction } from '../case/extraction-store.js';
import { FindingsSpill } from '../case/findings-spill.js';
import { BlockSpill } from '../case/block-spill.js';
import type { DocumentOverview } from '../analysis/language-overview.js';
import { compareOverviews, LANGUAGE_OVERVIEW } from '../analysis/language-overview.js';
import { DOCUMENT_OVERVIEW_SHAPE } from '../analysis/language-overview-shape.js';
import type { CaseWorkspace, Clock } from '../case/workspace.js';
import { INDICATORS_ANALYSIS } from '../analysis/indicators.js';
import { loadLexicons, loadProfileLists } from '../analysis/lexicon-files.js';
import type { AnalysisWorkerLimits } from '../analysis/heap-limit.js';
import { defaultAnalysisWorkers, startParallelAnalyses, THREADS_FROM_CHARACTERS } from '../analysis/parallel.js';
import type { DocumentParcel } from '../analysis/worker.js';
import { readCaseOrgList } from './lists.js';
import type { SelectionFilter } from '../analysis/index.js';
import { sniffMediaType } from '../ingest/sniff.js';
import { evidenceInput, extractEvidence, extractorKey } from './extract.js';
import { INSTALL_ROOT, installDataFiles, installFacts } from './install.js';

export interface AnalyzeOptions {
  readonly clock: Clock;
  readonly actor: string;
  readonly limits: Limits;
  /** Restricts the analyses to some authors, roles or dates; the report says what was left out. */
  readonly filter?: SelectionFilter;
  /** Reference-corpus files for keyness and profile comparison (`--reference DIR`). */
  readonly referenceFiles?: readonly string[];
  /** Words for concordance (KWIC) and collocates. */
  readonly queries?: readonly string[];
  /** Lemma-aware corpus tools. */
  readonly lemma?: boolean;
  /** Bare us/them pronouns as candidates of their own instead of context of their message's candidates. */
  readonly standaloneFeatures?: boolean;
  /** Limits on OCR of pictures (default `DEFAULT_OCR_LIMITS`). */
  readonly ocr?: OcrLimits;
  /** Told as evidence is extracted, analyses run and files written (a progress display). */
  readonly onProgress?: ProgressListener;
  /**
   * Threads that run the analyses (default `defaultAnalysisWorkers()`, started only for a case of
   * `THREADS_FROM_CHARACTERS` or more; a number given here starts them with the second document);
   * the outputs are the same bytes for any number.
   */
  readonly workers?: number;
  /** Limits of each analysis thread (`--max-heap-mb`; tests give a small heap to see a thread fail). */
  readonly workerLimits?: AnalysisWorkerLimits;
}

export interface AnalyzeOutcome {
  readonly documents: number;
  readonly analyses: readonly string[];
  readonly manifestSha256: string;
  /** The documents' notices by code, for the summary line. */
  readonly notices: readonly NoticeTally[];
  /** Evidence files whose documents `soz add` kept and this run reused, and those extracted afresh. */
  readonly extraction: { readonly reused: number; readonly extracted: number };
  /** Threads that ran the analyses. */
  readonly workers: number;
}

/**
 * Takes the documents of every evidence copy — those `soz add` kept when the extractor is the same
 * (`extractorKey`), else extracted afresh — runs the analyses and writes `derived/` as one unit:
 * everything goes to `derived.next/`, which replaces `derived/` by rename, and the log entry
 * that records the outputs is the commit point (see `case/commit.ts`).
 */
export async function analyzeCase(workspace: CaseWorkspace, options: AnalyzeOptions): Promise<AnalyzeOutcome> {
  const evidence = workspace.evidence();
  if (evidence.length === 0) {
    throw new UserError(`${workspace.dir}: the case has no evidence yet; add files with "soz add ${workspace.dir} FILE…"`, 'case.no-evidence', undefined, { key: 'error.case.no-evidence', params: { dir: workspace.dir } });
  }
  const run = startDerivedRun(workspace.dir);
  let built: Awaited<ReturnType<typeof buildDerived>>;
  try {
    built = await buildDerived(workspace, run, evidence, options);
  } catch (error) {
    run.discard();
    throw error;
  }
  const { manifest, manifestSha256, documents, analyses, notices, extraction, workers } = built;
  workspace.commit(options.clock, {
    actor: options.actor,
    action: 'analysis.run',
    inputs: manifest.inputs,
    outputs: [...manifest.outputs, { path: CaseFiles.manifest, sha256: manifestSha256 }],
    details: { analyses, documents },
  }, [run.flush()]);
  return { documents, analyses, manifestSha256, notices, extraction, workers };
}

/**
 * Writes the documents, analyses and manifest of a fresh run into its staging folder. Documents
 * stream: each is written and handed to the analyses as it is extracted, then let go, so memory
 * holds the aggregates and the largest document, not the case.
 */
async function buildDerived(workspace: CaseWorkspace, run: DerivedRun, evidence: readonly EvidenceRecord[], options: AnalyzeOptions) {
  const tools = new OcrTools(workspace.metadata.reportLanguage);
  const outputs: HashedFile[] = [];
  const [{ lexicons }, { lists }] = await Promise.all([loadLexicons(INSTALL_ROOT), loadProfileLists(INSTALL_ROOT)]);
  const reference = options.referenceFiles ? await extractReference(options.referenceFiles, options.limits) : undefined;
  const orgList = readCaseOrgList(workspace);
  // Indicator findings and the language overview's rows go to spill files as each document's are
  // made, not into memory; they are written in reading order at the end.
  const spill = new FindingsSpill(join(run.scratch, 'indicators.ndjson'));
  const overviews = new BlockSpill<OverviewKey>(join(run.scratch, 'language-overview.ndjson'));
  try {
    const writeDocument = (item: Extracted) => outputs.push(isKeptFile(item) ? run.writeDocumentFile(item.head.id, { bytes: item.file.bytes, sha256: item.sha256 }) : run.writeDocument(item));
    const results = await analyseStream(workspace, evidence, options, { tools, lexicons, lists, reference, orgList, spill, overviews, writeDocument });
    // The CSV tables are not written here: `soz export --format csv` makes them from these results.
    for (const result of results.results) {
      if (result.analysis === LANGUAGE_OVERVIEW) outputs.push(run.writeAnalysis(result, undefined, overviews.bytes(compareOverviews)));
      else outputs.push(run.writeAnalysis(result, result.analysis === INDICATORS_ANALYSIS ? spill : undefined));
    }
    const threads = ngramTablePruned(results.results) ? results.workers : undefined;
    return { ...results, ...writeManifest(run, evidence, options, tools, reference, orgList, outputs, threads) };
  } finally {
    spill.remove();
    overviews.remove();
    run.removeScratch();
  }
}

/**
 * A kept document passed on as its file: nothing on its way changes it (no photo it names, no
 * transcript link, no OCR), so its bytes are written into `derived/` as they are and sent to the
 * analysis thread that takes it, which decodes them (`analyze-thread.ts`); this thread reads only
 * its head (issue 17: decoding every kept document here only to clone it into a message was a
 * third of this thread's work).
 */
type KeptFile = KeptDocument & { readonly head: Omit<SozDocument, 'segments'> };
/** A document of the stream, or the file of a kept one. */
type Extracted = SozDocument | KeptFile;

const isKept = (item: SozDocument | KeptDocument): item is KeptDocument => 'open' in item;
const isKeptFile = (item: SozDocument | KeptDocument): item is KeptFile => isKept(item) && item.head !== undefined;
const opened = (item: SozDocument | KeptDocument): SozDocument => (isKept(item) ? item.open() : item);

/** What the analyses are dealt of `item`: the document, or its file (decoded in the calling thread only if no thread takes it). */
function dealtOf(item: Extracted): SozDocument | DocumentParcel {
  if (!isKeptFile(item)) return item;
  const { file } = item;
  return { evidenceName: item.head.evidenceName, characters: item.head.text.length, file, open: () => parsedDocument(file.relative, file.bytes) };
}

/** The compiled module of the analysis threads, which reads the kept files it is sent. */
const ANALYZE_THREAD = new URL('./analyze-thread.js', import.meta.url);

/** A language overview row's place in reading order. */
type OverviewKey = Pick<DocumentOverview, 'evidenceName' | 'documentId'>;

interface StreamParts {
  readonly tools: OcrTools;
  readonly lexicons: Awaited<ReturnType<typeof loadLexicons>>['lexicons'];
  readonly lists: Awaited<ReturnType<typeof loadProfileLists>>['lists'];
  readonly reference: readonly SozDocument[] | undefined;
  readonly orgList: ReturnType<typeof readCaseOrgList>;
  readonly spill: FindingsSpill;
  readonly overviews: BlockSpill<OverviewKey>;
  readonly writeDocument: (item: Extracted) => void;
}

/**
 * Extracts (or takes the kept documents of), writes and analyses the documents one at a time. Each
 * document's indicator findings go to `spill` in reading order (the indicators result then holds
 * none). Documents are written here, in extraction order, and dealt to the analysis threads
 * (`startParallelAnalyses`), whose aggregates are merged in thread order at the end: no output
 * byte depends on the number of threads or their timing.
 */
async function analyseStream(workspace: CaseWorkspace, evidence: readonly EvidenceRecord[], options: AnalyzeOptions, { tools, lexicons, lists, reference, orgList, spill, overviews, writeDocument }: StreamParts) {
  // The texts of the documents dealt whose findings have not come back (in dealing order, as the
  // findings come: one call per document): the spill writes each finding's context as a range of
  // its document's text, which is then not read back from derived/.
  const awaited: Pick<SozDocument, 'id' | 'text'>[] = [];
  const spillFindings = (findings: readonly Finding[]) => {
    const doc = awaited.shift();
    spill.add(findings, doc !== undefined && (findings.length === 0 || findings[0]!.place.documentId === doc.id) ? doc.text : undefined);
  };
  const analyses = startParallelAnalyses({
    lexicons,
    profileLists: lists,
    ...(reference ? { reference } : {}),
    ...(orgList ? { orgList } : {}),
    ...(options.filter ? { filter: options.filter } : {}),
    ...(options.queries ? { queries: options.queries } : {}),
    ...(options.lemma !== undefined ? { lemma: options.lemma } : {}),
    ...(options.standaloneFeatures === true ? { standaloneFeatures: true } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    onDocumentFindings: spillFindings,
    onDocumentOverview: (overview) => overviews.add(structuredClone({ evidenceName: overview.evidenceName, documentId: overview.documentId }), canonicalJsonShaped(overview, DOCUMENT_OVERVIEW_SHAPE)),
  }, options.workers ?? defaultAnalysisWorkers(), options.workerLimits, options.workers === undefined ? THREADS_FROM_CHARACTERS : 0, ANALYZE_THREAD);
  const notices: Pick<SozDocument, 'notices'>[] = [];
  const extraction = { reused: 0, extracted: 0 };
  let results: AnalysisResult[];
  try {
    for await (const item of extractAll(workspace, evidence, options.limits, { tools, limits: options.ocr ?? DEFAULT_OCR_LIMITS }, extraction, options.onProgress)) {
      const doc = isKeptFile(item) ? item.head : item;
      writeDocument(item);
      awaited.push({ id: doc.id, text: doc.text });
      await analyses.add(dealtOf(item));
      notices.push({ notices: doc.notices });
    }
    results = await analyses.finish();
  } finally {
    await analyses.close();
  }
  return { results, documents: notices.length, analyses: results.map((result) => result.analysis), notices: tallyNotices(notices), extraction, workers: analyses.workers };
}

/**
 * Whether an n-gram table passed `NGRAM_CAP` and was pruned: then which rare n-grams were dropped
 * depends on how the documents were grouped into threads, so the run records its thread count.
 */
export function ngramTablePruned(results: readonly AnalysisResult[]): boolean {
  const ngrams = results.find((result) => result.analysis === 'ngrams');
  return Array.isArray(ngrams?.data) && ngrams.data.some((table: unknown) => typeof table === 'object' && table !== null && 'prunedAtOrBelow' in table);
}

/**
 * Writes the manifest of the run: tool, data, parameters, inputs and every output's hash.
 * `analysisThreads` is recorded only when a result depends on it (a pruned n-gram table), so an
 * ordinary case gives the same bytes on any number of threads, and verify re-runs a pruned one on
 * the threads it was made with.
 */
function writeManifest(run: DerivedRun, evidence: readonly EvidenceRecord[], options: AnalyzeOptions, tools: OcrTools, reference: readonly SozDocument[] | undefined, orgList: ReturnType<typeof readCaseOrgList>, outputs: readonly HashedFile[], analysisThreads: number | undefined) {
  const facts = installFacts();
  const manifest: RunManifest = {
    schema: MANIFEST_SCHEMA,
    tool: { name: 'soz', version: facts.version },
    runtime: { node: process.version },
    lockfileSha256: facts.lockfileSha256,
    dependencies: facts.dependencies,
    data: installDataFiles(),
    parameters: {
      limits: options.limits,
      filter: options.filter ?? {},
      queries: options.queries ?? [],
      lemma: options.lemma ?? false,
      standaloneFeatures: options.standaloneFeatures ?? false,
      // Pictures' text depends on the engine, its language data and the limits: all recorded.
      ocr: { ...tools.recorded(), limits: options.ocr ?? DEFAULT_OCR_LIMITS },
      reference: reference ? reference.map((doc) => ({ id: doc.id, name: doc.evidenceName, sha256: doc.evidenceSha256 })) : null,
      ...(analysisThreads !== undefined ? { analysisThreads } : {}),
      ...(orgList ? { orgList: { path: CaseFiles.orgList, sha256: orgList.sha256, name: orgList.list.name, version: orgList.list.version, updated: orgList.list.updated } } : {}),
    },
    inputs: evidence.map((record) => ({ path: record.copy, sha256: record.sha256 })),
    outputs: [...outputs].sort((a, b) => compareCodeUnits(a.path, b.path)),
  };
  const manifestText = canonicalJson(manifest, true);
  const { sha256: manifestSha256 } = run.write('manifest.json', manifestText);
  return { manifest, manifestSha256 };
}

/**
 * The documents of every evidence copy, extracted afresh, one at a time. Pictures come first and
 * are held (their OCR text is small) so each chat can be linked to the pictures its messages
 * posted as it comes (`ChatPhotoLinker`); the pictures' own documents come last. A seized ZIP's
 * documents are held together, since its chats name the photos inside it (read by OCR once the
 * chats are known) — memory then holds that one evidence item.
 */
async function* extractAll(workspace: CaseWorkspace, evidence: readonly EvidenceRecord[], limits: Limits, ocr: { tools: OcrTools; limits: OcrLimits }, extraction: { reused: number; extracted: number }, onProgress: ProgressListener | undefined): AsyncGenerator<Extracted> {
  const isPicture = (record: EvidenceRecord) => !record.unreadable && !record.transcribes && isImageMediaType(record.mediaType);
  const ordered = [...evidence.filter(isPicture), ...evidence.filter((record) => !isPicture(record))];
  const pictures: SozDocument[] = [];
  const recorded = recordedFiles(workspace);
  let linker: ChatPhotoLinker | undefined;
  // Without a picture, and with no ZIP whose photos could be added, linking gives every document
  // back as it is and the pictures' documents are none: a kept file can go on undecoded.
  const noPhotos = () => pictures.length === 0 && !ordered.some((record) => record.mediaType === MEDIA_TYPES.zip);
  for (const [index, record] of ordered.entries()) {
    onProgress?.({ stage: 'evidence analysed', done: index, total: ordered.length });
    if (record.unreadable) {
      yield noTextDocument({ sha256: record.sha256, name: record.originalName, mediaType: record.mediaType }, [keptUnreadableNotice(record.originalName, record.unreadable.reason, record.unreadable.error)]);
      continue;
    }
    const input = await evidenceInput(workspace.path(record.copy), record, limits);
    const kept = readKeptExtraction(workspace.dir, record.sha256, extractorKey(limits, record.dateOrder), recorded) ?? undefined;
    extraction[kept ? 'reused' : 'extracted'] += 1;
    if (record.mediaType === MEDIA_TYPES.zip) {
      const documents: SozDocument[] = [];
      for await (const item of extractRecord(evidence, record, input, kept, ocr)) documents.push(opened(item));
      linker ??= new ChatPhotoLinker(pictures);
      const { zipPhotoDocuments } = await import('./zip-photos.js');
      linker.addPictures(await zipPhotoDocuments(documents, () => input.bytes(), ocr.tools, ocr.limits, limits));
      for (const doc of documents) yield linker.link(doc);
      continue;
    }
    for await (const item of extractRecord(evidence, record, input, kept, ocr)) {
      if (isPicture(record)) {
        const doc = opened(item);
        if (isPictureDocument(doc)) pictures.push(doc);
        else yield doc;
        continue;
      }
      linker ??= new ChatPhotoLinker(pictures);
      yield isKeptFile(item) && noPhotos() ? item : linker.link(opened(item));
    }
  }
  yield* (linker ?? new ChatPhotoLinker(pictures)).pictures();
}

/** Every file the custody log records as written by `soz add`, path → SHA-256. */
function recordedFiles(workspace: CaseWorkspace): Map<string, string> {
  return new Map(workspace.readLog().filter((entry) => entry.action === 'evidence.add').flatMap((entry) => entry.outputs.map((file) => [file.path, file.sha256] as const)));
}

/**
 * The documents of one evidence copy — the ones `soz add` kept (`kept`), else extracted afresh —
 * with a picture read by OCR and a transcript linked to its recording.
 *
 * The transcript linker, the ZIP photos and the container readers (ZIP, PDF attachments) are
 * imported where a case has such evidence: a chat's analysis needs none of them, and loading them
 * was 30–60 ms of every `soz analyze` (issue 17, sixth round).
 */
async function* extractRecord(evidence: readonly EvidenceRecord[], record: EvidenceRecord, input: EvidenceInput, kept: Iterable<KeptDocument> | undefined, ocr: { tools: OcrTools; limits: OcrLimits }): AsyncGenerator<Extracted> {
  const link = record.transcribes;
  const mediaName = link ? evidence.find((item) => item.sha256 === link.mediaSha256)?.originalName : undefined;
  const linkTranscript = link ? (await import('../ingest/transcript.js')).linkTranscript : undefined;
  const readByOcr = (format: SozDocument['format']) => (format === 'no-text' && isImageMediaType(record.mediaType)) || format === 'pdf';
  for await (const item of kept ?? extractEvidence(input, `${record.copy} (${record.originalName})`)) {
    // A kept file that nothing below changes goes on as its bytes.
    if (isKeptFile(item) && !link && !readByOcr(item.head.format)) {
      yield item;
      continue;
    }
    const doc = opened(item);
    if (link && linkTranscript) yield linkTranscript(doc, link, mediaName);
    else if (doc.format === 'no-text' && isImageMediaType(record.mediaType)) yield await withOcr(doc, () => input.bytes(), ocr.tools.engine(), ocr.limits);
    else if (doc.format === 'pdf') yield await withPdfOcr(doc, () => pdfBytes(input, doc.entry), ocr.tools, ocr.limits);
    else yield doc;
  }
}

/** A PDF's own bytes: the evidence file, or the entry (a ZIP member, a PDF's attachment) read again from it. */
async function pdfBytes(input: EvidenceInput, entry: string | undefined): Promise<Uint8Array | undefined> {
  if (entry === undefined) return input.bytes();
  const { containerEntryBytes } = await import('../ingest/container-entry.js');
  return containerEntryBytes(await input.bytes(), entry, input.name, input.limits);
}

/**
 * Reads the examiner's reference corpus (not evidence: it is not taken into custody, but every
 * file's hash is recorded in the manifest parameters).
 */
async function extractReference(files: readonly string[], limits: Limits): Promise<SozDocument[]> {
  const documents: SozDocument[] = [];
  for (const file of files) {
    const digest = await digestFile(file);
    const head = await readHead(file);
    const input = inputFromFile(file, { name: basename(file), sha256: digest.sha256, size: digest.size, mediaType: sniffMediaType(head), head, limits });
    for await (const doc of extractEvidence(input, file)) documents.push(doc);
  }
  return documents.sort(compareDocuments);
}
