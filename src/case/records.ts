/**
 * Typed readers of the case folder's records, each validated at the boundary with zod: derived
 * documents, analysis results and the run manifest (`derived/`), and the examiner's JSON records
 * (`examiner/`). A file that does not fit is a `UserError` naming it and how to restore it; the
 * schemas check the fields soz relies on and keep the rest as written.
 */
import { closeSync, existsSync, fstatSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { z } from 'zod';
import type { AnalysisResult } from '../core/analysis-result.js';
import type { RunManifest } from '../core/case.js';
import { compareCodeUnits } from '../core/canonical-json.js';
import type { DocumentHeader, SozDocument } from '../core/document.js';
import { DOCUMENT_SCHEMA } from '../core/document.js';
import type { Finding } from '../core/finding.js';
import { UserError } from '../core/errors.js';
import type { MessageRef } from '../core/messages.js';
import { sha256 } from '../core/hash.js';
import type { CompareResult } from '../core/known-material.js';
import { COMPARE_SCHEMA } from '../core/known-material.js';
import { CaseFiles, COMPARE_FILES } from './layout.js';
import type { AnalysisFileHeader, DocumentFileHeader, SegmentSpan } from './derived-format.js';
import { ANALYSIS_FILE_SCHEMA, COMPACT_EXTENSION, DOCUMENT_FILE_SCHEMA, EARLIER_ANALYSIS_FILE_SCHEMA, EARLIER_DOCUMENT_FILE_SCHEMA, decodeAnalysis, decodeDocument, decodeFindings, decodeSegmentSpans } from './derived-format.js';
import type { DocumentTexts } from './derived-format.js';
import { schemaProblems } from './metadata.js';
import type { CaseWorkspace } from './workspace.js';
import { caseFileSha256, resolveInside } from './snapshot.js';
import { plainSegmentLine, segmentLineSchema } from './segment-line.js';
import { findingLineSchema, plainFindingLine } from './finding-line.js';

const hashedFile = z.object({ path: z.string(), sha256: z.string() });

const documentSchema = z.looseObject({ id: z.string(), evidenceSha256: z.string(), evidenceName: z.string(), format: z.string(), text: z.string(), segments: z.array(z.unknown()), notices: z.array(z.unknown()) });
const documentHeaderSchema = z.object({
  schema: z.union([z.literal(DOCUMENT_FILE_SCHEMA), z.literal(EARLIER_DOCUMENT_FILE_SCHEMA)]),
  document: z.looseObject({ id: z.string(), evidenceSha256: z.string(), evidenceName: z.string(), format: z.string(), notices: z.array(z.unknown()), properties: z.record(z.string(), z.unknown()) }),
  segments: z.number().int().nonnegative(),
  shared: z.object({ message: z.record(z.string(), z.unknown()), anchor: z.record(z.string(), z.unknown()).optional(), idPrefix: z.string().optional() }),
});
/** A segment line; its id and anchor may be left out from schema 3 (see `derived-format.ts`). */
const analysisHeaderSchema = z.object({
  schema: z.union([z.literal(ANALYSIS_FILE_SCHEMA), z.literal(EARLIER_ANALYSIS_FILE_SCHEMA)]),
  result: z.looseObject({ analysis: z.string(), version: z.string() }),
  findings: z.number().int().nonnegative().optional(),
  shared: z.object({ rules: z.record(z.string(), z.record(z.string(), z.unknown())), places: z.record(z.string(), z.record(z.string(), z.unknown())) }).optional(),
});
const analysisSchema = z.looseObject({ analysis: z.string(), version: z.string(), findings: z.array(z.looseObject({ id: z.string() })).optional() });
const manifestSchema = z.looseObject({
  tool: z.looseObject({ version: z.string() }),
  runtime: z.looseObject({ node: z.string() }),
  lockfileSha256: z.string(),
  dependencies: z.record(z.string(), z.string()),
  data: z.array(hashedFile),
  inputs: z.array(hashedFile),
  outputs: z.array(hashedFile),
});
const place = z.looseObject({ documentId: z.string(), range: z.tuple([z.number(), z.number()]), share: z.number(), text: z.string() });
const comparisonSchema = z.looseObject({
  schema: z.literal(COMPARE_SCHEMA),
  libraryHead: z.string(),
  libraryItems: z.number(),
  documents: z.array(z.looseObject({ documentId: z.string(), evidenceName: z.string(), words: z.number(), matches: z.number(), share: z.number() })),
  matches: z.array(z.looseObject({ findingId: z.string(), evidence: place.extend({ evidenceName: z.string(), evidenceSha256: z.string() }), library: place.extend({ itemSha256: z.string(), originalName: z.string(), provenance: z.looseObject({ court: z.string(), decisionDate: z.string(), decisionNumber: z.string() }) }) })),
  findings: z.array(z.looseObject({ id: z.string() })),
});
/** Every examiner record file is a list of objects; these are the fields soz reads by name. */
const examinerRecordSchemas = {
  questions: z.array(z.looseObject({ id: z.string(), text: z.string() })),
  review: z.array(z.looseObject({ findingId: z.string(), decision: z.string() })),
  sop: z.array(z.looseObject({ stepId: z.string(), status: z.string() })),
  added: z.array(z.looseObject({ id: z.string() })),
  items: z.array(z.looseObject({ evidenceSha256: z.string(), relation: z.string() })),
  rabat: z.array(z.looseObject({ findingIds: z.array(z.string()), parts: z.record(z.string(), z.string()) })),
  persons: z.array(z.looseObject({ id: z.string(), name: z.string(), handles: z.array(z.string()) })),
  relations: z.array(z.looseObject({ personId: z.string(), documentId: z.string(), relation: z.string() })),
} as const;

/** Which examiner record a reader asks for (see `ExaminerFiles` in `pipeline/examiner.ts`). */
export type ExaminerRecordKind = keyof typeof examinerRecordSchemas;

/** File name of a document inside `derived/documents/`: the id with path characters escaped. */
export function documentFileName(documentId: string): string {
  return `${documentId.replace(/[^A-Za-z0-9._~-]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)}${COMPACT_EXTENSION}`;
}

/** Reading order of documents in every output: evidence file name, then id. */
export function compareDocuments(a: Pick<SozDocument, 'evidenceName' | 'id'>, b: Pick<SozDocument, 'evidenceName' | 'id'>): number {
  return compareCodeUnits(a.evidenceName, b.evidenceName) || compareCodeUnits(a.id, b.id);
}

/** The derived documents of a case in reading order. */
export function readDerivedDocuments(workspace: CaseWorkspace): SozDocument[] {
  return [...derivedDocuments(workspace)].map((file) => file.doc);
}

/** The derived documents of a case in reading order, one at a time (see {@link derivedDocuments}). */
export function* eachDerivedDocument(workspace: CaseWorkspace): Generator<SozDocument> {
  for (const { doc } of derivedDocuments(workspace)) yield doc;
}

/** The derived documents of a case in reading order, each with the SHA-256 of its file. */
export function readDocumentFiles(workspace: CaseWorkspace): { doc: SozDocument; sha256: string }[] {
  return [...derivedDocuments(workspace)];
}

/**
 * The derived documents of a case in reading order, one at a time: only the header line of each
 * file is read to order them, and each document is read when it is asked for, so a consumer that
 * lets one go before taking the next holds one document at a time.
 */
export function* derivedDocuments(workspace: CaseWorkspace): Generator<{ doc: SozDocument; sha256: string }> {
  const files = derivedFilesIn(workspace, CaseFiles.documentsDir)
    .map((relative) => ({ relative, key: documentOrderKey(workspace, relative) }))
    .sort((a, b) => compareDocuments(a.key, b.key));
  for (const { relative } of files) {
    const bytes = readFileSync(workspace.path(relative));
    yield { doc: parsedDocument(relative, bytes), sha256: sha256(bytes) };
  }
}

/**
 * The headers of the derived documents in reading order, each with the SHA-256 of its file: only
 * the first line of a compact file is parsed and the file is hashed in chunks, so memory holds no
 * document (a whole-JSON file of schema 1 is read whole).
 */
export function derivedDocumentHeaders(workspace: CaseWorkspace): { doc: DocumentHeader; sha256: string }[] {
  const what = 'document';
  return derivedFilesIn(workspace, CaseFiles.documentsDir)
    .map((relative) => {
      const path = workspace.path(relative);
      if (!relative.endsWith(COMPACT_EXTENSION)) {
        const bytes = readFileSync(path);
        const { text: _text, segments, ...rest } = parsedDocument(relative, bytes);
        return { doc: { ...rest, segmentCount: segments.length }, sha256: sha256(bytes) };
      }
      const header = checked(relative, jsonLine(relative, firstLine(path), what), documentHeaderSchema, what) as unknown as DocumentFileHeader;
      return { doc: { ...header.document, segmentCount: header.segments }, sha256: caseFileSha256(workspace.dir, relative)! };
    })
    .sort((a, b) => compareDocuments(a.doc, b.doc));
}

/** One derived document by id (compact file, or the whole-JSON file of schema 1), or undefined when the case has none of that id. */
export function readDerivedDocument(workspace: CaseWorkspace, documentId: string): SozDocument | undefined {
  const compact = `${CaseFiles.documentsDir}/${documentFileName(documentId)}`;
  const whole = `${compact.slice(0, -COMPACT_EXTENSION.length)}.json`;
  for (const relative of [compact, whole]) {
    const path = workspace.path(relative);
    if (existsSync(path)) return parsedDocument(relative, readFileSync(path));
  }
  return undefined;
}

/** A derived document file's bytes as a document (compact form, or the whole-JSON form of schema 1). */
export function parsedDocument(relative: string, bytes: Uint8Array): SozDocument {
  return parsedDocumentFile(relative, bytes).doc;
}

/**
 * {@link parsedDocument}, and whether the file is of the schema written today (`DOCUMENT_FILE_SCHEMA`):
 * then `encodeDocument` of the document gives back these bytes.
 */
export function parsedDocumentFile(relative: string, bytes: Uint8Array): { readonly doc: SozDocument; readonly current: boolean } {
  const what = 'document';
  if (!relative.endsWith(COMPACT_EXTENSION)) return { doc: parsed(relative, bytes, documentSchema, what) as unknown as SozDocument, current: false };
  const { header, text, segmentLines } = compactDocumentLines(relative, bytes);
  return { doc: decodeDocument(header, text, segmentLines), current: header.schema === DOCUMENT_FILE_SCHEMA };
}

/**
 * The document of a compact file of today's schema without its segments — the header's members
 * and the text, read from the first two lines only (the segment lines are left to
 * {@link parsedDocument}, e.g. in the analysis thread the bytes are sent to) — or undefined for a
 * file of another schema or form, which is parsed whole.
 */
export function documentFileHead(relative: string, bytes: Uint8Array): Omit<SozDocument, 'segments'> | undefined {
  if (!relative.endsWith(COMPACT_EXTENSION)) return undefined;
  const what = 'document';
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const first = buffer.indexOf(10);
  const second = first < 0 ? -1 : buffer.indexOf(10, first + 1);
  if (second < 0) return undefined;
  const header = checked(relative, jsonLine(`${relative} line 1`, buffer.toString('utf8', 0, first), what), documentHeaderSchema, what) as unknown as DocumentFileHeader;
  const text = jsonLine(`${relative} line 2`, buffer.toString('utf8', first + 1, second), what);
  if (header.schema !== DOCUMENT_FILE_SCHEMA || typeof text !== 'string') return undefined;
  return { ...header.document, schema: DOCUMENT_SCHEMA, text };
}

/**
 * A derived document's text and the id and range of each segment (what the report's excerpts
 * need), read and checked as {@link readDerivedDocument} reads them but without building the
 * segments; undefined when the case has no document of that id.
 */
export function readDocumentSpans(workspace: CaseWorkspace, documentId: string): DocumentSpans | undefined {
  const relative = `${CaseFiles.documentsDir}/${documentFileName(documentId)}`;
  const path = workspace.path(relative);
  if (!existsSync(path)) return readDerivedDocument(workspace, documentId);
  const { header, text, segmentLines } = compactDocumentLines(relative, readFileSync(path));
  return { text, segments: decodeSegmentSpans(header, segmentLines) };
}

/** A document's text and its segments' ids and ranges, as the report's excerpts read them. */
export interface DocumentSpans {
  readonly text: string;
  readonly segments: readonly SegmentSpan[];
}

/**
 * The derived documents of a case for one pass over its findings, each file read and parsed once:
 * the text its findings' context ranges lie in (`texts`, for {@link analysisFiles}) and its
 * segments' spans (`spans`, for the report's excerpts) come from the one read
 * ({@link readDocumentSpans}). The last two documents read are kept: findings come document by
 * document, and a run of one document's candidates ends (its excerpts are made) only once the
 * next document's first finding was decoded.
 */
export function documentsOnce(workspace: CaseWorkspace): { texts: DocumentTexts; spans: (documentId: string) => DocumentSpans | undefined } {
  const kept: { documentId: string; spans: DocumentSpans | undefined }[] = [];
  const spans = (documentId: string): DocumentSpans | undefined => {
    const found = kept.find((entry) => entry.documentId === documentId);
    if (found) return found.spans;
    const read = readDocumentSpans(workspace, documentId);
    kept.unshift({ documentId, spans: read });
    if (kept.length > 2) kept.pop();
    return read;
  };
  return { texts: (documentId) => spans(documentId)?.text, spans };
}

/** The header, text and segment lines of a compact document file, each checked. */
function compactDocumentLines(relative: string, bytes: Uint8Array): { header: DocumentFileHeader; text: string; segmentLines: Record<string, unknown>[] } {
  const what = 'document';
  const lines = compactLines(relative, bytes, what);
  const header = checked(relative, lines[0], documentHeaderSchema, what) as unknown as DocumentFileHeader;
  const text = lines[1];
  if (typeof text !== 'string' || lines.length !== header.segments + 2) throw new UserError(`${relative}: not ${RECORD_KINDS[what]} — expected the text and ${header.segments} segment lines after the header`, 'case.corrupt-record', undefined, { key: 'error.record.document-lines', params: { relative, what: recordKind(what), segments: header.segments } });
  return { header, text, segmentLines: lines.slice(2).map((line, index) => plainSegmentLine(line) ?? (checked(`${relative} line ${index + 3}`, line, segmentLineSchema, what) as Record<string, unknown>)) };
}

/** Evidence name and id of a derived document, from its first line only. */
function documentOrderKey(workspace: CaseWorkspace, relative: string): { evidenceName: string; id: string } {
  if (!relative.endsWith(COMPACT_EXTENSION)) return parsedDocument(relative, readFileSync(workspace.path(relative)));
  const what = 'document';
  return (checked(relative, jsonLine(relative, firstLine(workspace.path(relative)), what), documentHeaderSchema, what) as unknown as DocumentFileHeader).document;
}

/**
 * The analysis results of a case (`derived/analyses/*.ndjson`, or `*.json` of schema 1), in
 * file-name order. A finding's context kept as a range is read from its document's text
 * (`documentTextsIn`): every reader of findings (report, desk, review, export) gets it through here.
 */
export function readAnalyses(workspace: CaseWorkspace): AnalysisResult[] {
  const texts = documentTextsIn(workspace.path(CaseFiles.documentsDir));
  return derivedFilesIn(workspace, CaseFiles.analysesDir).map((relative) => parsedAnalysis(relative, readFileSync(workspace.path(relative)), texts));
}

/** An analysis result without its findings, how many it has, and its findings read one at a time. */
export interface AnalysisFile {
  /** Case-relative path of the file. */
  readonly relative: string;
  readonly result: AnalysisResult;
  readonly findingCount: number;
  /** The findings in file order; each call reads the file afresh, a chunk at a time. */
  readonly findings: () => Iterable<Finding>;
  /** A compact file's finding lines read in parts (see {@link FindingLineParts}). */
  readonly parts?: FindingLineParts;
}

/**
 * A compact analysis file's finding lines in parts (the report's list threads each decode their
 * own): where each document's lines start, and the findings of the lines in a byte range.
 */
export interface FindingLineParts {
  /** Where the finding lines start, and each document's (see {@link FindingLineStarts}). */
  starts(): FindingLineStarts;
  /**
   * The findings of the whole lines in `[start, end)`, a range that begins where a document's
   * lines begin (its first line names its document), in file order; `counted` is told how many
   * lines were read once they all were (the header's count is checked over all the parts, by the caller).
   */
  findingsIn(range: readonly [number, number], counted: (lines: number) => void): Iterable<Finding>;
}

/**
 * Byte offsets in a compact analysis file: `first`, where its finding lines start (after the
 * header line); `documents`, each line that names its finding's document (a line that does not
 * continues the one before), in file order; `end`, the file's length.
 */
export interface FindingLineStarts {
  readonly first: number;
  readonly end: number;
  readonly documents: readonly { readonly documentId: string; readonly offset: number }[];
}

/**
 * The analysis results of a case as {@link readAnalyses} gives them (file-name order), with no
 * finding held: a compact file's header line is read, its finding lines only when asked for, line
 * by line, each finding's context range read from its document (one document held at a time per
 * pass). A whole-JSON file of schema 1 is read whole. With `only`, the files of those
 * case-relative paths alone (a report list thread reads no other header).
 */
export function analysisFiles(workspace: CaseWorkspace, texts?: DocumentTexts, only?: readonly string[]): AnalysisFile[] {
  const what = 'analysis';
  const documents = workspace.path(CaseFiles.documentsDir);
  // A reader given (`documentsOnce`) serves every pass; else each pass reads the texts afresh.
  const passTexts = () => texts ?? documentTextsIn(documents);
  const relatives = derivedFilesIn(workspace, CaseFiles.analysesDir);
  return (only === undefined ? relatives : relatives.filter((relative) => only.includes(relative))).map((relative): AnalysisFile => {
    const path = workspace.path(relative);
    if (!relative.endsWith(COMPACT_EXTENSION)) {
      const { findings, ...result } = parsedAnalysis(relative, readFileSync(path), passTexts());
      return { relative, result, findingCount: findings?.length ?? 0, findings: () => findings ?? [] };
    }
    const header = checked(relative, jsonLine(relative, firstLine(path), what), analysisHeaderSchema, what) as unknown as AnalysisFileHeader;
    const parts: FindingLineParts = {
      starts: () => findingLineStarts(path),
      findingsIn: (range, counted) => decodeFindings(header, checkedFindingLines(relative, fileLines(relative, path, what, range), range[0], counted), contextTexts(relative, passTexts())),
    };
    return { relative, result: { ...header.result }, findingCount: header.findings ?? 0, findings: () => decodeFindings(header, parsedFindingLines(relative, path, header), contextTexts(relative, passTexts())), parts };
  });
}

/** The finding lines of a byte range of a compact analysis file, each checked; `counted` is told how many once all were read. */
function* checkedFindingLines(relative: string, lines: Iterable<string>, start: number, counted: (lines: number) => void): Generator<Record<string, unknown>> {
  let number = 0;
  for (const line of lines) {
    number += 1;
    const where = `${relative} line ${number} from byte ${start}`;
    yield checkedFindingLine(where, jsonLine(where, line, 'analysis'));
  }
  counted(number);
}

/** A parsed finding line checked: by hand when it is of the usual shape, else by the schema (which names what is wrong). */
function checkedFindingLine(where: string, line: unknown): Record<string, unknown> {
  return plainFindingLine(line) ?? (checked(where, line, findingLineSchema, 'analysis') as Record<string, unknown>);
}

/** The key a finding line's document is named by, as canonical JSON writes it. */
const DOCUMENT_KEY = Buffer.from('"documentId":');

/**
 * {@link FindingLineStarts} of the compact analysis file at `path`, read a MiB at a time without
 * parsing its lines: a line can name its document only if it holds {@link DOCUMENT_KEY}, and only
 * those lines are read again at their offset and parsed (a nested member of that name is told
 * from the place's own there). A line that is not JSON is passed over: decoding it refuses it.
 */
function findingLineStarts(path: string): FindingLineStarts {
  const fd = openSync(path, 'r');
  try {
    const end = fstatSync(fd).size;
    const buffer = Buffer.alloc(1 << 20);
    const holding: number[] = [];
    let first = -1;
    let lineStart = 0;
    for (let position = 0; position < end; ) {
      const read = readSync(fd, buffer, 0, buffer.length, position);
      if (read === 0) break;
      const view = buffer.subarray(0, read);
      if (first === -1 && view.indexOf(10) !== -1) first = position + view.indexOf(10) + 1;
      for (let hit = view.indexOf(DOCUMENT_KEY); hit !== -1; hit = view.indexOf(DOCUMENT_KEY, hit + 1)) {
        const newline = view.lastIndexOf(10, hit);
        const start = newline === -1 ? lineStart : position + newline + 1;
        if (first !== -1 && start >= first && holding[holding.length - 1] !== start) holding.push(start);
      }
      const last = view.lastIndexOf(10);
      if (last !== -1) lineStart = position + last + 1;
      // The next read starts early enough to find a key cut by this one's end.
      position += read < buffer.length ? read : read - (DOCUMENT_KEY.length - 1);
    }
    const documents = holding.flatMap((offset) => {
      const documentId = placeDocumentId(lineAt(fd, offset));
      return documentId === undefined ? [] : [{ documentId, offset }];
    });
    return { first: first === -1 ? end : first, end, documents };
  } finally {
    closeSync(fd);
  }
}

/** The document a finding line names in its place, if it names one (and is JSON). */
function placeDocumentId(line: string): string | undefined {
  try {
    const documentId = (JSON.parse(line) as { place?: { documentId?: unknown } } | null)?.place?.documentId;
    return typeof documentId === 'string' ? documentId : undefined;
  } catch {
    return undefined;
  }
}

/** The line of an open file that starts at `offset`, without its line break. */
function lineAt(fd: number, offset: number): string {
  const pieces: Buffer[] = [];
  const buffer = Buffer.alloc(1 << 16);
  for (let position = offset; ; ) {
    const read = readSync(fd, buffer, 0, buffer.length, position);
    const newline = buffer.subarray(0, read).indexOf(10);
    pieces.push(Buffer.from(buffer.subarray(0, newline === -1 ? read : newline)));
    if (newline !== -1 || read === 0) return Buffer.concat(pieces).toString('utf8');
    position += read;
  }
}

/** The finding lines of a compact analysis file, each checked; the count must be the header's. */
function* parsedFindingLines(relative: string, path: string, header: AnalysisFileHeader): Generator<Record<string, unknown>> {
  const what = 'analysis';
  let number = 0;
  for (const line of fileLines(relative, path, what)) {
    number += 1;
    if (number === 1) continue;
    const where = `${relative} line ${number}`;
    yield checkedFindingLine(where, jsonLine(where, line, what));
  }
  if (number !== (header.findings ?? 0) + 1) throw findingCountProblem(relative, header);
}

function findingCountProblem(relative: string, header: AnalysisFileHeader): UserError {
  const what = 'analysis';
  return new UserError(`${relative}: not ${RECORD_KINDS[what]} — expected ${header.findings ?? 0} finding lines after the header`, 'case.corrupt-record', undefined, { key: 'error.record.finding-lines', params: { relative, what: recordKind(what), findings: header.findings ?? 0 } });
}

/**
 * The lines of a file without their line breaks, read a MiB at a time; the file (or the byte
 * `range` of it, whole lines) ends with a line break.
 */
function* fileLines(relative: string, path: string, what: RecordKind, range?: readonly [number, number]): Generator<string> {
  const decoder = new StringDecoder('utf8');
  const fd = openSync(path, 'r');
  let rest = '';
  try {
    const chunk = Buffer.alloc(1 << 20);
    const [start, end] = range ?? [0, Infinity];
    for (let position = start, read = 0; position < end; position += read) {
      read = readSync(fd, chunk, 0, Math.min(chunk.length, end - position), position);
      if (read === 0) break;
      const lines = (rest + decoder.write(chunk.subarray(0, read))).split('\n');
      rest = lines.pop()!;
      yield* lines;
    }
  } finally {
    closeSync(fd);
  }
  if (rest + decoder.end() !== '') throw new UserError(`${relative}: not ${RECORD_KINDS[what]} — the file does not end with a complete line (cut short?)`, 'case.corrupt-record', undefined, { key: 'error.record.cut-short', params: { relative, what: recordKind(what) } });
}

/** The text of a finding's document for its context range; a range without its document is refused, naming the file. */
function contextTexts(relative: string, texts: DocumentTexts): (documentId: string) => string {
  return (documentId) => {
    const text = texts(documentId);
    if (text === undefined) throw new UserError(`${relative}: the context of a finding is a range of document ${documentId}, which ${CaseFiles.documentsDir} does not hold; run "soz analyze" again`, 'case.corrupt-record', undefined, { key: 'error.record.context-document-missing', params: { relative, documentId, folder: CaseFiles.documentsDir } });
    return text;
  };
}

/**
 * A derived analysis file's bytes as a result (compact form, or the whole-JSON form of schema 1);
 * `texts` gives the text of the documents its findings' context ranges lie in (a range without
 * its document → `UserError` naming the file and line).
 */
export function parsedAnalysis(relative: string, bytes: Uint8Array, texts: DocumentTexts = () => undefined): AnalysisResult {
  const what = 'analysis';
  if (!relative.endsWith(COMPACT_EXTENSION)) return parsed(relative, bytes, analysisSchema, what) as unknown as AnalysisResult;
  const lines = compactLines(relative, bytes, what);
  const header = checked(relative, lines[0], analysisHeaderSchema, what) as unknown as AnalysisFileHeader;
  if (lines.length !== (header.findings ?? 0) + 1) throw findingCountProblem(relative, header);
  return decodeAnalysis(header, lines.slice(1).map((line, index) => checkedFindingLine(`${relative} line ${index + 2}`, line)), contextTexts(relative, texts));
}

/**
 * The texts of the derived documents in `folder` (an absolute path) by document id, each read from
 * its file's text line when first asked; the last one read is kept, since findings come document by
 * document. Undefined for a document the folder does not hold.
 */
export function documentTextsIn(folder: string): DocumentTexts {
  let last: { documentId: string; text: string | undefined } | undefined;
  return (documentId) => {
    if (last?.documentId !== documentId) last = { documentId, text: textLine(join(folder, documentFileName(documentId))) };
    return last.text;
  };
}

/** The text line (the second) of a compact document file, parsed; undefined when there is no such file. */
function textLine(path: string): string | undefined {
  if (!existsSync(path)) return undefined;
  const bytes = readFileSync(path);
  const first = bytes.indexOf(10);
  const second = bytes.indexOf(10, first + 1);
  if (first < 0 || second < 0) return undefined;
  const text = jsonLine(`${path} line 2`, bytes.subarray(first + 1, second).toString('utf8'), 'document');
  return typeof text === 'string' ? text : undefined;
}

/** The run manifest with its exact text (hashed into reports), or null before the first analysis. */
export function readManifest(workspace: CaseWorkspace): { manifest: RunManifest; text: string } | null {
  const path = workspace.path(CaseFiles.manifest);
  if (!existsSync(path)) return null;
  const bytes = readFileSync(path);
  return { manifest: parsed(CaseFiles.manifest, bytes, manifestSchema, 'manifest') as unknown as RunManifest, text: bytes.toString('utf8') };
}

/**
 * The last comparison with the lab's reference library (`soz compare`), or null when the case was
 * never compared. The desk and the report read the matches through this one function.
 */
export function readComparison(workspace: CaseWorkspace): CompareResult | null {
  const path = workspace.path(COMPARE_FILES.json);
  if (!existsSync(path)) return null;
  return parsed(COMPARE_FILES.json, readFileSync(path), comparisonSchema, 'comparison') as unknown as CompareResult;
}

/** An examiner record file (`examiner/<kind>.json`) as a list; an empty list while none was written. */
export function readExaminerRecord<T>(workspace: CaseWorkspace, relative: string, kind: ExaminerRecordKind): T[] {
  const path = workspace.path(relative);
  if (!existsSync(path)) return [];
  return parsed(relative, readFileSync(path), examinerRecordSchemas[kind], 'examiner') as unknown as T[];
}

/**
 * A JSON file of the case whose schema lives in a later layer (the practice record), parsed but
 * not validated here; null when there is none. Not JSON → `UserError` naming the file and `what`.
 */
export function readCaseJson(workspace: CaseWorkspace, relative: string, what: RecordKind): unknown {
  const path = workspace.path(relative);
  return existsSync(path) ? parsed(relative, readFileSync(path), z.unknown(), what) : null;
}

/** A text file of the case (an examiner's answer) with its SHA-256, or null when there is none. */
export function readCaseText(workspace: CaseWorkspace, relative: string): { text: string; sha256: string } | null {
  const path = workspace.path(relative);
  if (!existsSync(path)) return null;
  const bytes = readFileSync(path);
  return { text: bytes.toString('utf8'), sha256: sha256(bytes) };
}

/** Case-relative paths of the derived files (`.ndjson`, or `.json` of schema 1) directly in a case folder, in code-unit order. */
function derivedFilesIn(workspace: CaseWorkspace, folder: string): string[] {
  const dir = workspace.path(folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json') || name.endsWith(COMPACT_EXTENSION))
    .sort(compareCodeUnits)
    .map((name) => `${folder}/${name}`);
}

/**
 * What a case file should be, named in a refusal with what to do (`error.record.<kind>` in the
 * catalogue; the English here is the code's fallback).
 */
export const RECORD_KINDS = {
  document: 'a soz document; run "soz analyze" again',
  analysis: 'a soz analysis result; run "soz analyze" again',
  manifest: 'a soz run manifest; run "soz analyze" again',
  comparison: 'a soz comparison (soz.compare/2); run "soz compare" again',
  examiner: 'an examiner record; restore it from the case bundle (the log holds its hash)',
  practice: 'a practice record; start the practice case again',
  'org-list': "the lab's list as soz imported it; import it again with soz lists import",
} as const;

/** A kind of case file, for the refusal that names it. */
export type RecordKind = keyof typeof RECORD_KINDS;

function recordKind(kind: RecordKind): MessageRef {
  return { key: `error.record.${kind}`, params: {}, fallback: RECORD_KINDS[kind] };
}

/** The lines of a compact file, each parsed as JSON; the file ends with a newline. */
function compactLines(relative: string, bytes: Uint8Array, what: RecordKind): unknown[] {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  if (!text.endsWith('\n')) throw new UserError(`${relative}: not ${RECORD_KINDS[what]} — the file does not end with a complete line (cut short?)`, 'case.corrupt-record', undefined, { key: 'error.record.cut-short', params: { relative, what: recordKind(what) } });
  return text.slice(0, -1).split('\n').map((line, index) => jsonLine(`${relative} line ${index + 1}`, line, what));
}

function jsonLine(where: string, line: string, what: RecordKind): unknown {
  try {
    return JSON.parse(line);
  } catch {
    throw new UserError(`${where}: not valid JSON; expected ${RECORD_KINDS[what]}`, 'case.corrupt-record', undefined, { key: 'error.record.not-json', params: { where, what: recordKind(what) } });
  }
}

/** The first line of a file, read in chunks so a large file is not read whole. */
function firstLine(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const chunks: Buffer[] = [];
    const chunk = Buffer.alloc(65536);
    for (;;) {
      const read = readSync(fd, chunk, 0, chunk.length, null);
      const newline = chunk.subarray(0, read).indexOf(10);
      if (newline >= 0 || read === 0) {
        chunks.push(Buffer.from(chunk.subarray(0, newline >= 0 ? newline : read)));
        return Buffer.concat(chunks).toString('utf8');
      }
      chunks.push(Buffer.from(chunk.subarray(0, read)));
    }
  } finally {
    closeSync(fd);
  }
}

/** JSON bytes checked against `schema`; anything else → `UserError` naming the file and the fix. */
function parsed(relative: string, bytes: Uint8Array, schema: z.ZodType, what: RecordKind): unknown {
  return checked(relative, jsonLine(relative, Buffer.from(bytes).toString('utf8'), what), schema, what);
}

/** A parsed JSON value checked against `schema`; anything else → `UserError` naming the file and the fix. */
function checked(relative: string, value: unknown, schema: z.ZodType, what: RecordKind): unknown {
  const result = schema.safeParse(value);
  if (!result.success) throw new UserError(`${relative}: not ${RECORD_KINDS[what]} — ${schemaProblems(result.error).join('; ')}`, 'case.corrupt-record', undefined, { key: 'error.record.invalid', params: { relative, what: recordKind(what), problems: schemaProblems(result.error).join('; ') } });
  return result.data;
}

/** The bytes of an evidence copy in custody; its path, read from a record, must stay inside the case. */
export function readEvidenceCopy(workspace: CaseWorkspace, copy: string): Buffer {
  return readFileSync(resolveInside(workspace.dir, copy, `${workspace.dir}: evidence copy`));
}
