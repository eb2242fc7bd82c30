/**
 * The compact on-disk form of derived documents and analysis results (schema version 3): NDJSON,
 * one canonical-JSON line each, no pretty-printing. What is constant across a file is written once
 * in its header line, and what a line's other members or the line before it already say is left
 * out of it:
 *
 * - a document (`soz.document-file/3`): header line (id, evidence, format, properties, notices,
 *   segment count, the shared message members, the usual anchor part and segment-id prefix), then
 *   the text as one JSON string, then one line per segment. A segment's message leaves out what
 *   the previous segment's message of the same message id says (or else platform, chat id and chat
 *   name, when shared); its anchor leaves out the evidence hash, entry, part and message id when
 *   they are the document's, the usual part and its message's (an anchor left empty is left out);
 *   its id is left out when it is the prefix followed by its message id;
 * - an analysis result (`soz.analysis-file/3`): header line (analysis, version, parameters, data,
 *   finding count, the members shared by the findings of each rule and by the places of each
 *   document), then one line per finding without those members, without its document id when the
 *   line before has the same, and without its unit when it is `<document id>#<message or segment
 *   id>`. Where the document's text is at hand (the same `derived/`), a finding keeps the range of
 *   its context, `[start, end)`, instead of the context text, and leaves out its line and column:
 *   the reader takes both from the document's text.
 *
 * A member the base record has but a line lacks is listed in the line's `"-"` array, so decoding
 * gives back exactly the object that was encoded. Schema-2 files (nothing left out but the shared
 * members) are still read. Pure: the readers and writers live in `records.ts` and `derived-run.ts`.
 */
import { canonicalJson, canonicalJsonShaped } from '../core/canonical-json.js';
import { InternalError } from '../core/errors.js';
import type { AnalysisResult } from '../core/analysis-result.js';
import type { Segment, SozDocument } from '../core/document.js';
import { DOCUMENT_SCHEMA } from '../core/document.js';
import type { Finding } from '../core/finding.js';
import { compareFindings, lineColumn } from '../core/finding.js';
import { FINDING_LINE_SHAPE, SEGMENT_LINE_SHAPE } from './derived-shapes.js';

/** Schema of a derived document file. */
export const DOCUMENT_FILE_SCHEMA = 'soz.document-file/3';
/** Schema of a derived analysis file. */
export const ANALYSIS_FILE_SCHEMA = 'soz.analysis-file/3';
/** The schemas before: still read (see the module comment), never written. */
export const EARLIER_DOCUMENT_FILE_SCHEMA = 'soz.document-file/2';
export const EARLIER_ANALYSIS_FILE_SCHEMA = 'soz.analysis-file/2';
/** File extension of both compact forms. */
export const COMPACT_EXTENSION = '.ndjson';

type Members = Record<string, unknown>;
/** Key of a line listing the shared members it does not have. */
const ABSENT = '-';
const SHARED_MESSAGE_KEYS = ['platform', 'chatId', 'chatName'] as const;
const SHARED_FINDING_KEYS = ['analysis', 'category', 'citation', 'note', 'reason', 'subcategory'] as const;
const SHARED_PLACE_KEYS = ['evidenceName', 'evidenceSha256', 'entry'] as const;
/** The members of a segment `encodeDocument` writes by name. */
const SEGMENT_MEMBERS: ReadonlySet<string> = new Set(['anchor', 'author', 'id', 'message', 'range', 'words'] satisfies (keyof Segment)[]);

/** Header line of a document file. */
export interface DocumentFileHeader {
  readonly schema: typeof DOCUMENT_FILE_SCHEMA | typeof EARLIER_DOCUMENT_FILE_SCHEMA;
  readonly document: Omit<SozDocument, 'text' | 'segments'>;
  readonly segments: number;
  /**
   * The message members every segment shares unless its line says otherwise; from schema 3 also
   * the anchor part most segments have (that of the first) and the prefix a segment id adds to its
   * message id (from the first segment whose id is such), when there is one.
   */
  readonly shared: { readonly message: Members; readonly anchor?: Members; readonly idPrefix?: string };
}

/** Header line of an analysis file. */
export interface AnalysisFileHeader {
  readonly schema: typeof ANALYSIS_FILE_SCHEMA | typeof EARLIER_ANALYSIS_FILE_SCHEMA;
  readonly result: Omit<AnalysisResult, 'findings'>;
  /** Number of finding lines; absent when the result has no `findings` member. */
  readonly findings?: number;
  readonly shared?: { readonly rules: Record<string, Members>; readonly places: Record<string, Members> };
}

/** The lines of a document in the compact form (each ends with a newline). */
export function* encodeDocument(doc: SozDocument): Generator<string> {
  const { text, segments, ...rest } = doc;
  const firstMessage = segments.find((segment) => segment.message !== undefined)?.message;
  const shared: DocumentFileHeader['shared'] = {
    message: firstMessage ? pick(firstMessage as unknown as Members, SHARED_MESSAGE_KEYS) : {},
    ...(segments[0] !== undefined ? { anchor: { part: segments[0].anchor.part } } : {}),
    ...idPrefixOf(segments),
  };
  const header: DocumentFileHeader = { schema: DOCUMENT_FILE_SCHEMA, document: rest, segments: segments.length, shared };
  yield `${canonicalJson(header)}\n`;
  yield `${JSON.stringify(text)}\n`;
  const bases = new SegmentBases(header);
  for (const segment of segments) {
    const { message, anchor, id } = segment;
    const base = bases.next(message?.messageId);
    // Built in the code-unit order of its members, so canonical JSON has nothing to reorder; a
    // member the type does not name (none today) follows, and is ordered by the generic rule.
    const line: Members = {};
    const anchorLine = difference(anchor as unknown as Members, base.anchor);
    if (hasMembers(anchorLine)) line['anchor'] = anchorLine;
    if (segment.author !== undefined) line['author'] = segment.author;
    if (id !== base.id) line['id'] = id;
    if (message) line['message'] = difference(message as unknown as Members, base.message, 'messageId');
    line['range'] = segment.range;
    if (segment.words !== undefined) line['words'] = segment.words;
    for (const key of Object.keys(segment)) if (!SEGMENT_MEMBERS.has(key)) line[key] = (segment as unknown as Members)[key];
    yield `${canonicalJsonShaped(line, SEGMENT_LINE_SHAPE)}\n`;
    bases.decoded(message as unknown as Members | undefined);
  }
}

/**
 * A document from the lines of its compact file: the header (parsed), the text line and the
 * segment lines (parsed). Undoes `encodeDocument` exactly (and reads schema 2).
 */
export function decodeDocument(header: DocumentFileHeader, text: string, segmentLines: readonly Members[]): SozDocument {
  const bases = new SegmentBases(header);
  const segments = segmentLines.map((line) => {
    const messageLine = line['message'] as Members | undefined;
    const base = bases.next(messageLine?.['messageId'] as string | undefined);
    const segment: Members = { ...line, anchor: merged((line['anchor'] as Members | undefined) ?? {}, base.anchor) };
    if (messageLine !== undefined) segment['message'] = merged(messageLine, base.message);
    if (line['id'] === undefined) segment['id'] = base.id;
    bases.decoded(segment['message'] as Members | undefined);
    return segment as unknown as Segment;
  });
  return { ...header.document, schema: DOCUMENT_SCHEMA, text, segments };
}

/** A segment's id and range: all the report's excerpts need of it. */
export type SegmentSpan = Pick<Segment, 'id' | 'range'>;

/**
 * The id and range of each segment from the segment lines of a compact file, as
 * {@link decodeDocument} would give them, without building the segments (their anchors and
 * messages): an id left out of a line is the prefix followed by the line's message id.
 */
export function decodeSegmentSpans(header: DocumentFileHeader, segmentLines: readonly Members[]): SegmentSpan[] {
  const prefix = header.schema === DOCUMENT_FILE_SCHEMA ? header.shared.idPrefix : undefined;
  return segmentLines.map((line) => {
    const messageId = (line['message'] as Members | undefined)?.['messageId'] as string | undefined;
    const id = (line['id'] as string | undefined) ?? (prefix !== undefined && messageId !== undefined ? `${prefix}${messageId}` : undefined);
    return { id: id as string, range: line['range'] as Segment['range'] };
  });
}

/** `{ idPrefix }` from the first segment whose id is a prefix followed by its message id (none: `{}`). */
function idPrefixOf(segments: readonly Segment[]): { idPrefix?: string } {
  for (const { id, message } of segments) {
    if (message?.messageId !== undefined && id.endsWith(message.messageId)) return { idPrefix: id.slice(0, id.length - message.messageId.length) };
  }
  return {};
}

/**
 * What a segment line of a document file is written against, in the order of its lines: the
 * message of the segment before when it has the same message id (else the shared message members),
 * the anchor the document and the message imply, and the id the prefix and message id make. A
 * schema-2 file had only the shared members.
 */
class SegmentBases {
  private readonly v3: boolean;
  private previous: Members | undefined;
  /** The anchor every line is written against but for its message id (made once, not per line). */
  private readonly anchor: Members;

  constructor(private readonly header: DocumentFileHeader) {
    this.v3 = header.schema === DOCUMENT_FILE_SCHEMA;
    this.anchor = this.v3 ? { ...sharedAnchor(header.document), ...header.shared.anchor } : sharedAnchor(header.document);
  }

  /** The bases of the next line, whose message has `messageId`. */
  next(messageId: string | undefined): { message: Members; anchor: Members; id: string | undefined } {
    const { shared } = this.header;
    if (!this.v3) return { message: shared.message, anchor: this.anchor, id: undefined };
    const same = messageId !== undefined && this.previous?.['messageId'] === messageId;
    return {
      message: same ? this.previous! : shared.message,
      anchor: messageId === undefined && !('messageId' in this.anchor) ? this.anchor : { ...this.anchor, messageId },
      id: shared.idPrefix !== undefined && messageId !== undefined ? `${shared.idPrefix}${messageId}` : undefined,
    };
  }

  /** The line just written or read had this message. */
  decoded(message: Members | undefined): void {
    this.previous = message;
  }
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

/** The text of a document of the same `derived/` by id; undefined when there is none. */
export type DocumentTexts = (documentId: string) => string | undefined;

/**
 * The lines of an analysis result in the compact form (each ends with a newline). The findings are
 * the result's own, or, when `source` is given, those of the source (the result's are then ignored).
 * `texts` gives the documents' texts: a finding whose context is text of its document keeps its
 * range instead (see the module comment); without it every context is written out. `documentRows`,
 * for a result without findings whose `data.documents` was handed out apart (the language
 * overview's rows, spilled as they were made), are those rows' canonical JSON in order, written in
 * place of that (empty) array.
 */
export function* encodeAnalysis(result: AnalysisResult, source?: FindingSource, texts?: DocumentTexts, documentRows?: Iterable<string>): Generator<string> {
  const { findings, ...rest } = result;
  if (findings === undefined) {
    if (documentRows === undefined) yield `${canonicalJson({ schema: ANALYSIS_FILE_SCHEMA, result: rest })}\n`;
    else yield* withDocumentRows({ schema: ANALYSIS_FILE_SCHEMA, result: { ...rest, data: { ...(rest.data as Members), documents: [ROWS_MARK] } } }, documentRows);
    return;
  }
  const given = source ?? findingSource(findings);
  const { rules, places } = given.shared.shared();
  const header: AnalysisFileHeader = { schema: ANALYSIS_FILE_SCHEMA, result: rest, findings: given.count, shared: { rules, places } };
  yield `${canonicalJson(header)}\n`;
  const bases = new FindingBases(header);
  for (const finding of given.findings()) {
    const { documentId } = finding.place;
    const text = texts?.(documentId);
    const window = text === undefined ? undefined : contextWindow(text, finding);
    const base = bases.next(finding.ruleId, documentId, window === undefined ? undefined : text);
    const line = difference(finding as unknown as Members, base.finding(finding.place));
    line['place'] = difference(finding.place as unknown as Members, base.place(finding.place.range[0]));
    if (window !== undefined) line['context'] = window;
    yield `${canonicalJsonShaped(line, FINDING_LINE_SHAPE)}\n`;
  }
}

/** Stands for the rows given apart in the header they are written into (no member of a header is such a string). */
const ROWS_MARK = '\u0000soz-document-rows\u0000';

/**
 * The header line with `rows` (canonical JSON each) written in place of the one-item array holding
 * `ROWS_MARK`, in parts: the same bytes as `canonicalJson` of the header holding the rows
 * (canonical JSON is compositional), without holding them or the whole line.
 */
function* withDocumentRows(header: Members, rows: Iterable<string>): Generator<string> {
  const text = canonicalJson(header);
  const mark = canonicalJson([ROWS_MARK]);
  const at = text.indexOf(mark);
  if (at < 0 || text.includes(mark, at + 1)) throw new InternalError('the rows of an analysis header have no single place to go');
  yield `${text.slice(0, at)}[`;
  let first = true;
  for (const row of rows) {
    yield first ? row : `,${row}`;
    first = false;
  }
  yield `]${text.slice(at + mark.length)}\n`;
}

/** Findings held in memory (sorted) as a source. */
function findingSource(findings: readonly Finding[]): FindingSource {
  const shared = new SharedFindingMembers();
  for (const finding of findings) shared.add(finding);
  return { count: findings.length, shared, findings: () => findings };
}

/**
 * An analysis result from its header and finding lines (parsed). Undoes `encodeAnalysis` exactly
 * (and reads schema 2). `texts` gives the text of a document a finding's context range lies in; it
 * throws when the document is missing.
 */
export function decodeAnalysis(header: AnalysisFileHeader, findingLines: readonly Members[], texts: (documentId: string) => string): AnalysisResult {
  if (header.shared === undefined) return { ...header.result };
  return { ...header.result, findings: [...decodeFindings(header, findingLines, texts)] };
}

/**
 * The findings of an analysis file decoded one line at a time, in file order: a line continues the
 * one before it (its document id and line/column cursor), so the lines must come in order and all of
 * them. Yields nothing for a file without findings.
 */
export function* decodeFindings(header: AnalysisFileHeader, findingLines: Iterable<Members>, texts: (documentId: string) => string): Generator<Finding> {
  if (header.shared === undefined) return;
  const bases = new FindingBases(header);
  for (const line of findingLines) {
    const placeLine = line['place'] as Members;
    const documentId = (placeLine['documentId'] as string | undefined) ?? bases.documentId ?? '';
    const window = Array.isArray(line['context']) ? (line['context'] as [number, number]) : undefined;
    const text = window === undefined ? undefined : texts(documentId);
    const base = bases.next(line['ruleId'] as string, documentId, text);
    const range = placeLine['range'] as [number, number];
    const place = merged(placeLine, base.place(range[0]));
    const finding = merged(line, base.finding(place as unknown as Finding['place']));
    finding['place'] = place;
    if (window !== undefined) finding['context'] = { left: text!.slice(window[0], range[0]), right: text!.slice(range[1], window[1]) };
    yield finding as unknown as Finding;
  }
}

/**
 * The context of a finding as a range of its document's text, `[start, end)`, when its left
 * context is the text just before its range and its right context the text just after; else undefined.
 */
function contextWindow(text: string, finding: Finding): [number, number] | undefined {
  const [start, end] = finding.place.range;
  const { left, right } = finding.context;
  const from = start - left.length;
  return from >= 0 && text.startsWith(left, from) && text.startsWith(right, end) ? [from, end + right.length] : undefined;
}

/**
 * What a finding line of an analysis file is written against, in the order of its lines: its
 * rule's shared members and the unit its place implies; its document's shared place members, the
 * document id of the line before, and — when its context is a range of the text — the line and
 * column of its start in that text. A schema-2 file had only the shared members.
 */
class FindingBases {
  private readonly v3: boolean;
  private readonly shared: NonNullable<AnalysisFileHeader['shared']>;
  /** The document id of the line before the current one. */
  private previousDocumentId: string | undefined;
  /** The current line's rule and document, and the document's text when the line's context is a range. */
  private current: { ruleId: string; documentId: string | undefined; text: string | undefined } = { ruleId: '', documentId: undefined, text: undefined };
  /** Line and column in the text of `linesOf`. */
  private lines: LineCursor | undefined;
  private linesOf: string | undefined;
  /** The bases of `finding` and `place`, one object per rule and per document, rewritten for each line. */
  private readonly ruleBases = new Map<string, Members>();
  private readonly placeBases = new Map<string, Members>();

  constructor(header: AnalysisFileHeader) {
    this.v3 = header.schema === ANALYSIS_FILE_SCHEMA;
    this.shared = header.shared ?? { rules: {}, places: {} };
  }

  /** The document id of the current line (the one a next line without its own continues). */
  get documentId(): string | undefined {
    return this.current.documentId;
  }

  /** Moves to the next line, of rule `ruleId` in document `documentId`; `text` is the document's when the line's context is a range. */
  next(ruleId: string, documentId: string, text: string | undefined): this {
    this.previousDocumentId = this.current.documentId;
    this.current = { ruleId, documentId, text };
    if (text !== undefined && this.linesOf !== documentId) {
      this.lines = new LineCursor(text);
      this.linesOf = documentId;
    }
    return this;
  }

  /** The base of the finding's own members (its place decoded). */
  finding(place: Finding['place']): Members {
    const rule = this.shared.rules[this.current.ruleId] ?? {};
    if (!this.v3) return rule;
    const base = reusedBase(this.ruleBases, this.current.ruleId, rule, ['unit']);
    base['unit'] = `${place.documentId}#${place.messageId ?? place.segmentId}`;
    return base;
  }

  /** The base of the finding's place, whose range starts at `start`. */
  place(start: number): Members {
    const documentId = this.current.documentId ?? '';
    const shared = this.shared.places[documentId] ?? {};
    if (!this.v3) return shared;
    const base = reusedBase(this.placeBases, documentId, shared, ['documentId', 'line', 'column']);
    base['documentId'] = this.previousDocumentId;
    const position = this.current.text === undefined ? undefined : this.lines!.lineColumn(start);
    base['line'] = position?.line;
    base['column'] = position?.column;
    return base;
  }
}

/**
 * The base object of one rule or document, made once with `shared`'s members and the `changing`
 * ones, whose values the caller sets for each line (an undefined one counts as absent): no object
 * per line, and one shape for every line of the rule or document.
 */
function reusedBase(bases: Map<string, Members>, key: string, shared: Members, changing: readonly string[]): Members {
  let base = bases.get(key);
  if (base === undefined) {
    base = { ...shared };
    for (const member of changing) base[member] = undefined;
    bases.set(key, base);
  }
  return base;
}

/**
 * Line and column (1-based, as `lineColumn` of core) of offsets of one text asked in rising order,
 * as findings come: the line breaks are counted once from the last offset, not from the start of
 * the text at every call (an offset before the last starts over).
 */
class LineCursor {
  private offset = 0;
  private line = 1;
  private lineStart = 0;

  constructor(private readonly text: string) {}

  lineColumn(offset: number): { line: number; column: number } {
    if (offset < this.offset) {
      const { line, column } = lineColumn(this.text, offset);
      return { line, column };
    }
    for (let i = this.text.indexOf('\n', this.offset); i !== -1 && i < offset; i = this.text.indexOf('\n', i + 1)) {
      this.line += 1;
      this.lineStart = i + 1;
    }
    this.offset = offset;
    return { line: this.line, column: offset - this.lineStart + 1 };
  }
}

/** The anchor members every segment of a document shares unless its line says otherwise. */
function sharedAnchor(doc: Pick<SozDocument, 'evidenceSha256' | 'entry'>): Members {
  return { evidenceSha256: doc.evidenceSha256, entry: doc.entry };
}

/** Whether `value` has an own enumerable member. */
function hasMembers(value: Members): boolean {
  for (const key in value) if (Object.hasOwn(value, key)) return true;
  return false;
}

/** The members of `value` named in `keys` that it has. */
function pick(value: Members, keys: readonly string[]): Members {
  const picked: Members = {};
  for (const key of keys) if (value[key] !== undefined) picked[key] = value[key];
  return picked;
}

/**
 * `value` without the members equal to `shared`'s (except `keep`, always written); the shared
 * members it lacks listed under `"-"`, put first, where code-unit order has it. Nothing is
 * allocated for the absent list when there is none.
 */
function difference(value: Members, shared: Members, keep?: string): Members {
  let absent: string[] | undefined;
  for (const key of Object.keys(shared)) if (shared[key] !== undefined && value[key] === undefined) (absent ??= []).push(key);
  const line: Members = {};
  if (absent !== undefined) line[ABSENT] = absent.sort();
  for (const key of Object.keys(value)) {
    const member = value[key];
    if (member !== undefined && (key === keep || !sameValue(member, shared[key]))) line[key] = member;
  }
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

/** Whether `a` and `b` have the same canonical JSON, found without writing either (members compared one by one). */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    // Canonical JSON writes an undefined item (or a hole) as null.
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i] ?? null, b[i] ?? null)) return false;
    return true;
  }
  if (!isPlainRecord(a) || !isPlainRecord(b)) return canonicalJson(a) === canonicalJson(b);
  let members = 0;
  for (const key of Object.keys(a)) {
    const member = a[key];
    if (member === undefined) continue;
    members += 1;
    if (!Object.hasOwn(b, key) || !sameValue(member, b[key])) return false;
  }
  for (const key of Object.keys(b)) if (b[key] !== undefined) members -= 1;
  return members === 0;
}

/** An object canonical JSON writes by its own members (no `toJSON`, not a boxed primitive). */
function isPlainRecord(value: object): value is Members {
  return typeof (value as { toJSON?: unknown }).toJSON !== 'function' && !(value instanceof Number || value instanceof String || value instanceof Boolean);
}
