/**
 * Typed readers of the case folder's records, each validated at the boundary with zod: derived
 * documents, analysis results and the run manifest (`derived/`), and the examiner's JSON records
 * (`examiner/`). A file that does not fit is a `UserError` naming it and how to restore it; the
 * schemas check the fields soz relies on and keep the rest as written.
 */
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { z } from 'zod';
import type { AnalysisResult } from '../core/analysis-result.js';
import type { RunManifest } from '../core/case.js';
import { compareCodeUnits } from '../core/canonical-json.js';
import type { DocumentHeader, SozDocument } from '../core/document.js';
import type { Finding } from '../core/finding.js';
import { UserError } from '../core/errors.js';
import { sha256 } from '../core/hash.js';
import type { CompareResult } from '../core/known-material.js';
import { COMPARE_SCHEMA } from '../core/known-material.js';
import { CaseFiles, COMPARE_FILES } from './layout.js';
import type { AnalysisFileHeader, DocumentFileHeader } from './derived-format.js';
import { ANALYSIS_FILE_SCHEMA, COMPACT_EXTENSION, DOCUMENT_FILE_SCHEMA, decodeAnalysis, decodeDocument } from './derived-format.js';
import { schemaProblems } from './metadata.js';
import type { CaseWorkspace } from './workspace.js';
import { caseFileSha256, resolveInside } from './snapshot.js';

const hashedFile = z.object({ path: z.string(), sha256: z.string() });

const documentSchema = z.looseObject({ id: z.string(), evidenceSha256: z.string(), evidenceName: z.string(), format: z.string(), text: z.string(), segments: z.array(z.unknown()), notices: z.array(z.unknown()) });
const documentHeaderSchema = z.object({
  schema: z.literal(DOCUMENT_FILE_SCHEMA),
  document: z.looseObject({ id: z.string(), evidenceSha256: z.string(), evidenceName: z.string(), format: z.string(), notices: z.array(z.unknown()), properties: z.record(z.string(), z.unknown()) }),
  segments: z.number().int().nonnegative(),
  shared: z.object({ message: z.record(z.string(), z.unknown()) }),
});
const segmentLineSchema = z.looseObject({ id: z.string(), range: z.tuple([z.number(), z.number()]), anchor: z.record(z.string(), z.unknown()) });
const analysisHeaderSchema = z.object({
  schema: z.literal(ANALYSIS_FILE_SCHEMA),
  result: z.looseObject({ analysis: z.string(), version: z.string() }),
  findings: z.number().int().nonnegative().optional(),
  shared: z.object({ rules: z.record(z.string(), z.record(z.string(), z.unknown())), places: z.record(z.string(), z.record(z.string(), z.unknown())) }).optional(),
});
const findingLineSchema = z.looseObject({ id: z.string(), ruleId: z.string(), place: z.looseObject({ documentId: z.string() }) });
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
  const what = 'a soz document; run "soz analyze" again';
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
  const what = 'a soz document; run "soz analyze" again';
  if (!relative.endsWith(COMPACT_EXTENSION)) return parsed(relative, bytes, documentSchema, what) as unknown as SozDocument;
  const lines = compactLines(relative, bytes, what);
  const header = checked(relative, lines[0], documentHeaderSchema, what) as unknown as DocumentFileHeader;
  const text = lines[1];
  if (typeof text !== 'string' || lines.length !== header.segments + 2) throw new UserError(`${relative}: not ${what} — expected the text and ${header.segments} segment lines after the header`, 'case.corrupt-record');
  return decodeDocument(header, text, lines.slice(2).map((line, index) => checked(`${relative} line ${index + 3}`, line, segmentLineSchema, what) as Record<string, unknown>));
}

/** Evidence name and id of a derived document, from its first line only. */
function documentOrderKey(workspace: CaseWorkspace, relative: string): { evidenceName: string; id: string } {
  if (!relative.endsWith(COMPACT_EXTENSION)) return parsedDocument(relative, readFileSync(workspace.path(relative)));
  const what = 'a soz document; run "soz analyze" again';
  return (checked(relative, jsonLine(relative, firstLine(workspace.path(relative)), what), documentHeaderSchema, what) as unknown as DocumentFileHeader).document;
}

/** The analysis results of a case (`derived/analyses/*.ndjson`, or `*.json` of schema 1), in file-name order. */
export function readAnalyses(workspace: CaseWorkspace): AnalysisResult[] {
  return derivedFilesIn(workspace, CaseFiles.analysesDir).map((relative) => parsedAnalysis(relative, readFileSync(workspace.path(relative))));
}

/** An analysis result without its findings, how many it has, and its findings read one at a time. */
export interface AnalysisFile {
  readonly result: AnalysisResult;
  readonly findingCount: number;
  /** The findings in file order; each call reads the file afresh, a chunk at a time. */
  readonly findings: () => Iterable<Finding>;
}

/**
 * The analysis results of a case as {@link readAnalyses} gives them (file-name order), with no
 * finding held: a compact file's header line is read, its finding lines only when asked for, line
 * by line. A whole-JSON file of schema 1 is read whole.
 */
export function analysisFiles(workspace: CaseWorkspace): AnalysisFile[] {
  const what = 'a soz analysis result; run "soz analyze" again';
  return derivedFilesIn(workspace, CaseFiles.analysesDir).map((relative): AnalysisFile => {
    const path = workspace.path(relative);
    if (!relative.endsWith(COMPACT_EXTENSION)) {
      const { findings, ...result } = parsedAnalysis(relative, readFileSync(path));
      return { result, findingCount: findings?.length ?? 0, findings: () => findings ?? [] };
    }
    const header = checked(relative, jsonLine(relative, firstLine(path), what), analysisHeaderSchema, what) as unknown as AnalysisFileHeader;
    return { result: { ...header.result }, findingCount: header.findings ?? 0, findings: () => findingLines(relative, path, header, what) };
  });
}

/** The findings of a compact analysis file, decoded line by line; the count must be the header's. */
function* findingLines(relative: string, path: string, header: AnalysisFileHeader, what: string): Generator<Finding> {
  let number = 0;
  for (const line of fileLines(relative, path, what)) {
    number += 1;
    if (number === 1) continue;
    const where = `${relative} line ${number}`;
    yield decodeAnalysis(header, [checked(where, jsonLine(where, line, what), findingLineSchema, what) as Record<string, unknown>]).findings![0]!;
  }
  if (number !== (header.findings ?? 0) + 1) throw new UserError(`${relative}: not ${what} — expected ${header.findings ?? 0} finding lines after the header`, 'case.corrupt-record');
}

/** The lines of a file without their line breaks, read a MiB at a time; the file ends with a line break. */
function* fileLines(relative: string, path: string, what: string): Generator<string> {
  const decoder = new StringDecoder('utf8');
  const fd = openSync(path, 'r');
  let rest = '';
  try {
    const chunk = Buffer.alloc(1 << 20);
    for (let read = readSync(fd, chunk, 0, chunk.length, null); read > 0; read = readSync(fd, chunk, 0, chunk.length, null)) {
      const lines = (rest + decoder.write(chunk.subarray(0, read))).split('\n');
      rest = lines.pop()!;
      yield* lines;
    }
  } finally {
    closeSync(fd);
  }
  if (rest + decoder.end() !== '') throw new UserError(`${relative}: not ${what} — the file does not end with a complete line (cut short?)`, 'case.corrupt-record');
}

/** A derived analysis file's bytes as a result (compact form, or the whole-JSON form of schema 1). */
export function parsedAnalysis(relative: string, bytes: Uint8Array): AnalysisResult {
  const what = 'a soz analysis result; run "soz analyze" again';
  if (!relative.endsWith(COMPACT_EXTENSION)) return parsed(relative, bytes, analysisSchema, what) as unknown as AnalysisResult;
  const lines = compactLines(relative, bytes, what);
  const header = checked(relative, lines[0], analysisHeaderSchema, what) as unknown as AnalysisFileHeader;
  if (lines.length !== (header.findings ?? 0) + 1) throw new UserError(`${relative}: not ${what} — expected ${header.findings ?? 0} finding lines after the header`, 'case.corrupt-record');
  return decodeAnalysis(header, lines.slice(1).map((line, index) => checked(`${relative} line ${index + 2}`, line, findingLineSchema, what) as Record<string, unknown>));
}

/** The run manifest with its exact text (hashed into reports), or null before the first analysis. */
export function readManifest(workspace: CaseWorkspace): { manifest: RunManifest; text: string } | null {
  const path = workspace.path(CaseFiles.manifest);
  if (!existsSync(path)) return null;
  const bytes = readFileSync(path);
  return { manifest: parsed(CaseFiles.manifest, bytes, manifestSchema, 'a soz run manifest; run "soz analyze" again') as unknown as RunManifest, text: bytes.toString('utf8') };
}

/**
 * The last comparison with the lab's reference library (`soz compare`), or null when the case was
 * never compared. The desk and the report read the matches through this one function.
 */
export function readComparison(workspace: CaseWorkspace): CompareResult | null {
  const path = workspace.path(COMPARE_FILES.json);
  if (!existsSync(path)) return null;
  return parsed(COMPARE_FILES.json, readFileSync(path), comparisonSchema, 'a soz comparison (soz.compare/2); run "soz compare" again') as unknown as CompareResult;
}

/** An examiner record file (`examiner/<kind>.json`) as a list; an empty list while none was written. */
export function readExaminerRecord<T>(workspace: CaseWorkspace, relative: string, kind: ExaminerRecordKind): T[] {
  const path = workspace.path(relative);
  if (!existsSync(path)) return [];
  return parsed(relative, readFileSync(path), examinerRecordSchemas[kind], 'an examiner record; restore it from the case bundle (the log holds its hash)') as unknown as T[];
}

/**
 * A JSON file of the case whose schema lives in a later layer (the practice record), parsed but
 * not validated here; null when there is none. Not JSON → `UserError` naming the file and `what`.
 */
export function readCaseJson(workspace: CaseWorkspace, relative: string, what: string): unknown {
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

/** The lines of a compact file, each parsed as JSON; the file ends with a newline. */
function compactLines(relative: string, bytes: Uint8Array, what: string): unknown[] {
  const text = Buffer.from(bytes).toString('utf8');
  if (!text.endsWith('\n')) throw new UserError(`${relative}: not ${what} — the file does not end with a complete line (cut short?)`, 'case.corrupt-record');
  return text.slice(0, -1).split('\n').map((line, index) => jsonLine(`${relative} line ${index + 1}`, line, what));
}

function jsonLine(where: string, line: string, what: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    throw new UserError(`${where}: not valid JSON; expected ${what}`, 'case.corrupt-record');
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
function parsed(relative: string, bytes: Uint8Array, schema: z.ZodType, what: string): unknown {
  return checked(relative, jsonLine(relative, Buffer.from(bytes).toString('utf8'), what), schema, what);
}

/** A parsed JSON value checked against `schema`; anything else → `UserError` naming the file and the fix. */
function checked(relative: string, value: unknown, schema: z.ZodType, what: string): unknown {
  const result = schema.safeParse(value);
  if (!result.success) throw new UserError(`${relative}: not ${what} — ${schemaProblems(result.error).join('; ')}`, 'case.corrupt-record');
  return result.data;
}

/** The bytes of an evidence copy in custody; its path, read from a record, must stay inside the case. */
export function readEvidenceCopy(workspace: CaseWorkspace, copy: string): Buffer {
  return readFileSync(resolveInside(workspace.dir, copy, `${workspace.dir}: evidence copy`));
}
