/**
 * The compact on-disk form of derived documents and analysis results (schema version 2): NDJSON,
 * one canonical-JSON line each, no pretty-printing. What is constant across a file is written once
 * in its header line and left out of every segment or finding line that repeats it:
 *
 * - a document (`soz.document-file/2`): header line (id, evidence, format, properties, notices,
 *   segment count, the shared message members), then the text as one JSON string,
 *   then one line per segment — its anchor without the evidence hash and entry, its message without
 *   platform, chat id and chat name when they equal the shared ones;
 * - an analysis result (`soz.analysis-file/2`): header line (analysis, version, parameters, data,
 *   finding count, the members shared by the findings of each rule and by the places of each
 *   document), then one line per finding without those members.
 *
 * A member the shared record has but a line lacks is listed in the line's `"-"` array, so decoding
 * gives back exactly the object that was encoded. Pure: the readers and writers live in `records.ts`
 * and `derived-run.ts`.
 */
import { canonicalJson } from '../core/canonical-json.js';
import type { AnalysisResult } from '../core/analysis-result.js';
import type { Segment, SozDocument } from '../core/document.js';
import { DOCUMENT_SCHEMA } from '../core/document.js';
import type { Finding } from '../core/finding.js';
import { compareFindings } from '../core/finding.js';

/** Schema of a derived document file. */
export const DOCUMENT_FILE_SCHEMA = 'soz.document-file/2';
/** Schema of a derived analysis file. */
export const ANALYSIS_FILE_SCHEMA = 'soz.analysis-file/2';
/** File extension of both compact forms. */
export const COMPACT_EXTENSION = '.ndjson';

type Members = Record<string, unknown>;
/** Key of a line listing the shared members it does not have. */
const ABSENT = '-';
const SHARED_MESSAGE_KEYS = ['platform', 'chatId', 'chatName'] as const;
const SHARED_FINDING_KEYS = ['analysis', 'category', 'citation', 'note', 'reason'] as const;
const SHARED_PLACE_KEYS = ['evidenceName', 'evidenceSha256', 'entry'] as const;

/** Header line of a document file. */
export interface DocumentFileHeader {
  readonly schema: typeof DOCUMENT_FILE_SCHEMA;
  readonly document: Omit<SozDocument, 'text' | 'segments'>;
  readonly segments: number;
  /** The message members every segment shares unless its line says otherwise (the anchor's are the document's evidence hash and entry). */
  readonly shared: { readonly message: Members };
}

/** Header line of an analysis file. */
export interface AnalysisFileHeader {
  readonly schema: typeof ANALYSIS_FILE_SCHEMA;
  readonly result: Omit<AnalysisResult, 'findings'>;
  /** Number of finding lines; absent when the result has no `findings` member. */
  readonly findings?: number;
  readonly shared?: { readonly rules: Record<string, Members>; readonly places: Record<string, Members> };
}

/** The lines of a document in the compact form (each ends with a newline). */
export function* encodeDocument(doc: SozDocument): Generator<string> {
  const { text, segments, ...rest } = doc;
  const firstMessage = segments.find((segment) => segment.message !== undefined)?.message;
  const shared = { message: firstMessage ? pick(firstMessage as unknown as Members, SHARED_MESSAGE_KEYS) : {} };
  const header: DocumentFileHeader = { schema: DOCUMENT_FILE_SCHEMA, document: rest, segments: segments.length, shared };
  yield `${canonicalJson(header)}\n`;
  yield `${JSON.stringify(text)}\n`;
  const anchor = sharedAnchor(doc);
  for (const segment of segments) {
    const line: Members = { ...segment, anchor: difference(segment.anchor as unknown as Members, anchor) };
    if (segment.message) line['message'] = difference(segment.message as unknown as Members, shared.message);
    yield `${canonicalJson(line)}\n`;
  }
}

/**
 * A document from the lines of its compact file: the header (parsed), the text line and the
 * segment lines (parsed). Undoes `encodeDocument` exactly.
 */
export function decodeDocument(header: DocumentFileHeader, text: string, segmentLines: readonly Members[]): SozDocument {
  const anchor = sharedAnchor(header.document);
  const segments = segmentLines.map((line) => {
    const segment: Members = { ...line, anchor: merged(line['anchor'] as Members, anchor) };
    if (line['message'] !== undefined) segment['message'] = merged(line['message'] as Members, header.shared.message);
    return segment as unknown as Segment;
  });
  return { ...header.document, schema: DOCUMENT_SCHEMA, text, segments };
}

/**
 * Findings handed to the encoder apart from their result, e.g. read back from a spill file: how
 * many, their shared members (collected as they came) and the findings in `compareFindings` order.
 */
export interface FindingSource {
  readonly count: number;
  readonly shared: SharedFindingMembers;
  findings(): Iterable<Finding>;
}

/**
 * The members the findings of each rule and of each document share, taken from its first finding
 * in `compareFindings` order, whatever order the findings are given in: a run that meets documents
 * in any order names the same shared members as one that sorted every finding first. Holds copies,
 * so no string of a document outlives it.
 */
export class SharedFindingMembers {
  private readonly rules = new Map<string, { first: FindingKey; members: Members }>();
  private readonly places = new Map<string, { first: FindingKey; members: Members }>();

  add(finding: Finding): void {
    this.keep(this.rules, finding.ruleId, finding, () => pick(finding as unknown as Members, SHARED_FINDING_KEYS));
    this.keep(this.places, finding.place.documentId, finding, () => pick(finding.place as unknown as Members, SHARED_PLACE_KEYS));
  }

  /** The header's `shared` member. */
  shared(): { rules: Record<string, Members>; places: Record<string, Members> } {
    const members = (held: Map<string, { members: Members }>) => Object.fromEntries([...held].map(([key, value]) => [key, value.members]));
    return { rules: members(this.rules), places: members(this.places) };
  }

  private keep(held: Map<string, { first: FindingKey; members: Members }>, key: string, finding: Finding, members: () => Members): void {
    const current = held.get(key);
    if (current !== undefined && compareFindings(finding, current.first as Finding) >= 0) return;
    held.set(key, structuredClone({ first: findingKey(finding), members: members() }));
  }
}

/** What `compareFindings` reads of a finding. */
type FindingKey = Pick<Finding, 'id' | 'ruleId'> & { place: Pick<Finding['place'], 'evidenceName' | 'documentId' | 'range'> };

function findingKey(finding: Finding): FindingKey {
  const { evidenceName, documentId, range } = finding.place;
  return { id: finding.id, ruleId: finding.ruleId, place: { evidenceName, documentId, range } };
}

/**
 * The lines of an analysis result in the compact form (each ends with a newline). The findings are
 * the result's own, or, when `source` is given, those of the source (the result's are then ignored).
 */
export function* encodeAnalysis(result: AnalysisResult, source?: FindingSource): Generator<string> {
  const { findings, ...rest } = result;
  if (findings === undefined) {
    yield `${canonicalJson({ schema: ANALYSIS_FILE_SCHEMA, result: rest })}\n`;
    return;
  }
  const given = source ?? findingSource(findings);
  const { rules, places } = given.shared.shared();
  const header: AnalysisFileHeader = { schema: ANALYSIS_FILE_SCHEMA, result: rest, findings: given.count, shared: { rules, places } };
  yield `${canonicalJson(header)}\n`;
  for (const finding of given.findings()) {
    const line = difference(finding as unknown as Members, rules[finding.ruleId]!);
    line['place'] = difference(finding.place as unknown as Members, places[finding.place.documentId]!);
    yield `${canonicalJson(line)}\n`;
  }
}

/** Findings held in memory (sorted) as a source. */
function findingSource(findings: readonly Finding[]): FindingSource {
  const shared = new SharedFindingMembers();
  for (const finding of findings) shared.add(finding);
  return { count: findings.length, shared, findings: () => findings };
}

/** An analysis result from its header and finding lines (parsed). Undoes `encodeAnalysis` exactly. */
export function decodeAnalysis(header: AnalysisFileHeader, findingLines: readonly Members[]): AnalysisResult {
  if (header.shared === undefined) return { ...header.result };
  const { rules, places } = header.shared;
  const findings = findingLines.map((line) => {
    const place = line['place'] as Members;
    const finding = merged(line, rules[line['ruleId'] as string] ?? {});
    finding['place'] = merged(place, places[place['documentId'] as string] ?? {});
    return finding as unknown as Finding;
  });
  return { ...header.result, findings };
}

/** The anchor members every segment of a document shares unless its line says otherwise. */
function sharedAnchor(doc: Pick<SozDocument, 'evidenceSha256' | 'entry'>): Members {
  return { evidenceSha256: doc.evidenceSha256, entry: doc.entry };
}

/** The members of `value` named in `keys` that it has. */
function pick(value: Members, keys: readonly string[]): Members {
  const picked: Members = {};
  for (const key of keys) if (value[key] !== undefined) picked[key] = value[key];
  return picked;
}

/** `value` without the members equal to `shared`'s; the shared members it lacks listed under `"-"`. */
function difference(value: Members, shared: Members): Members {
  const line: Members = {};
  for (const key of Object.keys(value)) {
    if (value[key] !== undefined && !sameValue(value[key], shared[key])) line[key] = value[key];
  }
  const absent = Object.keys(shared).filter((key) => shared[key] !== undefined && value[key] === undefined).sort();
  if (absent.length > 0) line[ABSENT] = absent;
  return line;
}

/** Undoes `difference`. */
function merged(line: Members, shared: Members): Members {
  const absent = new Set((line[ABSENT] as string[] | undefined) ?? []);
  const value: Members = {};
  for (const key of Object.keys(shared)) if (shared[key] !== undefined && !absent.has(key)) value[key] = shared[key];
  for (const key of Object.keys(line)) if (key !== ABSENT) value[key] = line[key];
  return value;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return canonicalJson(a) === canonicalJson(b);
}
