import type { DocumentFormat, DocumentProperties, MessageInfo, Notice, Segment, SegmentPart, SourceAnchor, SozDocument } from './document.js';
import { DOCUMENT_SCHEMA, documentId } from './document.js';

/** Separator placed between segments in the document text; never inside a segment's range. */
export const SEGMENT_SEPARATOR = '\n\n';

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
  private readonly parts: string[] = [];
  private readonly segments: Segment[] = [];
  private readonly notices: Notice[] = [];
  private length = 0;

  constructor(
    private readonly evidence: { readonly sha256: string; readonly name: string; readonly entry?: string },
    private readonly format: DocumentFormat,
  ) {}

  /** Appends one segment; empty text still gets a (zero-length) segment so nothing is lost. */
  add(input: SegmentInput): this {
    if (this.segments.length > 0) {
      this.parts.push(SEGMENT_SEPARATOR);
      this.length += SEGMENT_SEPARATOR.length;
    }
    const start = this.length;
    this.parts.push(input.text);
    this.length += input.text.length;
    const anchor: SourceAnchor = {
      evidenceSha256: this.evidence.sha256,
      ...(this.evidence.entry !== undefined ? { entry: this.evidence.entry } : {}),
      ...input.anchor,
      part: input.part,
    };
    this.segments.push({
      id: input.id,
      range: [start, this.length],
      anchor,
      ...(input.author !== undefined ? { author: input.author } : {}),
      ...(input.message !== undefined ? { message: input.message } : {}),
    });
    return this;
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
      text: this.parts.join(''),
      segments: this.segments,
      notices: this.notices,
      properties,
    };
  }
}
