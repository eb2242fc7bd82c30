import type { DocumentFormat, DocumentProperties, MessageInfo, Notice, Segment, SegmentPart, SourceAnchor, SozDocument } from './document.js';
import { DOCUMENT_SCHEMA, documentId } from './document.js';

/** Separator placed between segments in the document text; never inside a segment's range. */
export const SEGMENT_SEPARATOR = '\n\n';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export interface SegmentInput {
  readonly id: string;
  readonly text: string;
  readonly part: SegmentPart;
  readonly anchor?: Omit<Partial<SourceAnchor>, 'evidenceSha256' | 'part'>;
  readonly author?: string;
  readonly message?: MessageInfo;
}

/**
 * Assembles a document from segments in reading order, so every adapter produces ranges the
 * same way: text of segment i, separator, text of segment i+1 …
 */
export class DocumentBuilder {
  /** Segment texts; `build` joins them with `SEGMENT_SEPARATOR`. */
  private readonly texts: string[] = [];
  private readonly segments: Segment[] = [];
  private readonly notices: Notice[] = [];
  private length = 0;

  constructor(
    private readonly evidence: { readonly sha256: string; readonly name: string; readonly entry?: string },
    private readonly format: DocumentFormat,
  ) {}

  /** Appends one segment; empty text still gets a (zero-length) segment so nothing is lost. */
  add(input: SegmentInput): this {
    // Runs once per segment of exports with millions of them: objects are built by assignment
    // rather than spreads, in the key order documents have always had (it shows in their JSON).
    if (this.segments.length > 0) this.length += SEGMENT_SEPARATOR.length;
    const start = this.length;
    this.texts.push(input.text);
    this.length += input.text.length;
    const segment: Mutable<Segment> = { id: input.id, range: [start, this.length], anchor: this.anchorOf(input) };
    if (input.author !== undefined) segment.author = input.author;
    if (input.message !== undefined) segment.message = input.message;
    this.segments.push(segment);
    return this;
  }

  private anchorOf(input: SegmentInput): SourceAnchor {
    const { sha256, entry } = this.evidence;
    // The input's anchor keeps its own key order and may override `entry` in place, as a spread
    // between the evidence fields and `part` would.
    if (entry === undefined) return { evidenceSha256: sha256, ...input.anchor, part: input.part };
    return { evidenceSha256: sha256, entry, ...input.anchor, part: input.part };
  }

  notice(notice: Notice): this {
    this.notices.push(notice);
    return this;
  }

  get segmentCount(): number {
    return this.segments.length;
  }

  build(properties: DocumentProperties = {}): SozDocument {
    return {
      schema: DOCUMENT_SCHEMA,
      id: documentId(this.evidence.sha256, this.evidence.entry),
      evidenceSha256: this.evidence.sha256,
      evidenceName: this.evidence.name,
      ...(this.evidence.entry !== undefined ? { entry: this.evidence.entry } : {}),
      format: this.format,
      text: this.texts.join(SEGMENT_SEPARATOR),
      segments: this.segments,
      notices: this.notices,
      properties,
    };
  }
}

/** A segment to insert, with its range and its words' ranges counted from the start of `text`. */
export interface InsertedSegment {
  readonly text: string;
  readonly segment: Segment;
}

/**
 * The document with new segments after some of its segments (pure): `after` names, for each
 * segment, what follows it. The text is laid out again the way `DocumentBuilder` lays it out,
 * and every later range (of segments and their OCR words) moves by the inserted length.
 */
export function insertSegments(doc: SozDocument, after: (segment: Segment) => readonly InsertedSegment[]): SozDocument {
  const texts: string[] = [];
  const segments: Segment[] = [];
  let length = 0;
  const place = (text: string, segment: Segment, from: number) => {
    if (texts.length > 0) length += SEGMENT_SEPARATOR.length;
    texts.push(text);
    const shift = length - from;
    length += text.length;
    if (shift === 0) return segments.push(segment);
    const words = segment.words?.map((word) => ({ ...word, range: [word.range[0] + shift, word.range[1] + shift] as const }));
    return segments.push({ ...segment, range: [segment.range[0] + shift, segment.range[1] + shift], ...(words ? { words } : {}) });
  };
  for (const segment of doc.segments) {
    place(doc.text.slice(segment.range[0], segment.range[1]), segment, segment.range[0]);
    for (const inserted of after(segment)) place(inserted.text, inserted.segment, 0);
  }
  return { ...doc, text: texts.join(SEGMENT_SEPARATOR), segments };
}
