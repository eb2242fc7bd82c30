/**
 * The document: what every ingest adapter produces and every later stage reads.
 *
 * Positions: offsets are 0-based UTF-16 code-unit indices into `SozDocument.text`; a range is
 * half-open `[start, end)`. Where lines and columns are shown to people they start at 1.
 * Pages start at 1; paragraph indices start at 0 within their part.
 */

/** Half-open `[start, end)` range of UTF-16 code units into a document's text. */
export type Range = readonly [start: number, end: number];

/** The format an adapter recognised; one adapter per format. */
export type DocumentFormat =
  | 'text'
  | 'html'
  | 'pdf'
  | 'docx'
  | 'telegram-json'
  | 'telegram-html'
  | 'whatsapp-txt'
  | 'facebook-json'
  | 'vk-html'
  // The examiner's transcript of audio or video: SubRip, WebVTT or `[hh:mm:ss] Speaker: text`.
  | 'transcript'
  // Text of a picture read by OCR (Tesseract), every word with its box and confidence.
  | 'ocr'
  // An item in custody soz reads no text from (image, audio, video, unknown or kept unreadable).
  | 'no-text';

/**
 * Where inside the evidence file a segment comes from. DOCX parts keep what Word keeps apart:
 * text deleted under track changes or formatted hidden is evidence too, but it is labelled.
 * `link`: a hyperlink target or URL; `tooltip`: a title shown on hover; `alt-text`: an image's
 * description; `equation`: math text; `embedded`: a document inside the document (DOCX altChunk,
 * HTML iframe srcdoc); `metadata`: document properties and HTML meta; `form-value`: an HTML
 * input's value (hidden ones too); `noscript` / `template`: HTML content a browser does not show.
 */
export const SEGMENT_PARTS = [
  'body',
  'header',
  'footer',
  'footnote',
  'endnote',
  'comment',
  'deleted',
  'inserted',
  'hidden',
  'page',
  'title',
  'message',
  // One time-coded passage of a transcript (speaker in `Segment.author`).
  'cue',
  // One line read by OCR from the picture of a PDF page without a text layer (its words in `Segment.words`).
  'ocr',
  // Text read by OCR from a picture a chat message posted (a meme, a photographed leaflet): the message's voice.
  'image-text',
  // Text a reader does not see as running text, each labelled (DOCX and HTML):
  'link',
  'tooltip',
  'alt-text',
  'equation',
  'embedded',
  'metadata',
  'form-value',
  'noscript',
  'template',
  // PDF text outside the page content streams, and text pdf.js leaves out of the page text.
  'pdf-info',
  'pdf-xmp',
  'pdf-bookmark',
  'pdf-annotation',
  'pdf-link',
  'pdf-form-field',
  'pdf-attachment-name',
  'pdf-off-page',
] as const;
export type SegmentPart = (typeof SEGMENT_PARTS)[number];

/** Points from a segment back to the exact place in the seized file. */
export interface SourceAnchor {
  /** SHA-256 (hex) of the evidence file as received. */
  readonly evidenceSha256: string;
  /** Path inside a container (ZIP entry, file of a multi-file export); absent for the file itself. */
  readonly entry?: string;
  readonly part: SegmentPart;
  /** PDF page, 1-based. */
  readonly page?: number;
  /** Paragraph index within its part, 0-based (DOCX, HTML, plain text). */
  readonly paragraph?: number;
  /** Line in the source file where the segment starts, 1-based (text formats). */
  readonly line?: number;
  /** Message id as the export gives it (chat formats). */
  readonly messageId?: string;
  /** Transcript cue: where it starts in the media, in milliseconds from the start. */
  readonly startMs?: number;
  /** Transcript cue: where it ends in the media (ms), when the transcript says. */
  readonly endMs?: number;
  /** Transcript: SHA-256 of the audio or video file it transcribes (`soz add --transcribes`). */
  readonly mediaSha256?: string;
  /** Text read by OCR from a picture posted in a chat (part `image-text`): SHA-256 of the picture in custody its words' boxes refer to. */
  readonly imageSha256?: string;
  /** Part `image-text` from a picture inside a seized ZIP: the picture's member path (`imageSha256` is then the member's own hash). */
  readonly imageEntry?: string;
}

/** What the account holder did with a message: the distinction courts have confused. */
export type MessageRole =
  | 'authored'
  | 'forwarded'
  | 'reply'
  | 'service'
  | 'reaction'
  | 'deleted'
  | 'media-only'
  | 'uninterpreted';

export type Platform = 'telegram' | 'whatsapp' | 'facebook' | 'instagram' | 'vk';

/** A person or channel as named in an export; `id` only where the export has one. */
export interface Party {
  readonly name: string;
  readonly id?: string;
}

/**
 * A point in time as the export gives it. `iso` is ISO 8601; it carries an offset only when
 * the export recorded one (`offset: 'recorded'`), otherwise it is local wall-clock time
 * (`offset: 'unknown'`) and must not be compared across time zones. `raw` is the source text.
 */
export interface Timestamp {
  readonly iso: string | null;
  readonly offset: 'recorded' | 'unknown';
  readonly raw: string;
}

export interface MediaItem {
  /** e.g. photo, video_file, voice_message, sticker, file. */
  readonly type: string;
  readonly fileName?: string;
  /** Whether the file itself is part of the export; 'unknown' where the export does not say. */
  readonly inExport: boolean | 'unknown';
}

export interface Reaction {
  readonly emoji: string;
  readonly count: number;
  /** Who reacted, where the export lists them. */
  readonly from: readonly Party[];
}

/** Chat metadata of a segment that is one message. */
export interface MessageInfo {
  readonly platform: Platform;
  readonly chatId: string;
  readonly chatName: string;
  readonly messageId: string;
  readonly author: Party;
  readonly timestamp: Timestamp;
  readonly role: MessageRole;
  /** Original author or channel of a forwarded message. */
  readonly forwardedFrom?: Party;
  /** Message id this one replies to. */
  readonly replyTo?: string;
  /** Message id a reaction applies to (role 'reaction'). */
  readonly reactionTo?: string;
  readonly edited?: boolean;
  readonly media?: readonly MediaItem[];
  readonly reactions?: readonly Reaction[];
  /** Service action name as the export gives it (role 'service'). */
  readonly action?: string;
  /** Signature the channel shows under a post (Telegram `author`): who in the channel posted it. */
  readonly signature?: string;
  /** Inline bot the message was sent through, as the export names it (Telegram `via_bot`, e.g. `@gif`). */
  readonly viaBot?: string;
}

/** One addressable piece of a document: a page, paragraph, comment or message. */
export interface Segment {
  /** Unique within the document and stable across runs (e.g. `p3`, `body.12`, `m4711`). */
  readonly id: string;
  readonly range: Range;
  readonly anchor: SourceAnchor;
  /** Author named by the source for this part (DOCX comment or revision author). */
  readonly author?: string;
  readonly message?: MessageInfo;
  /** Text read by OCR: every word of the segment with its place on the page and confidence. */
  readonly words?: readonly OcrWord[];
}

/** A word read by OCR: where it is in the document text and in the image, and how sure the engine was. */
export interface OcrWord {
  /** `[start, end)` into the document text. */
  readonly range: Range;
  /** Pixels from the image's top-left corner: left, top, width, height. */
  readonly box: readonly [left: number, top: number, width: number, height: number];
  /** The engine's confidence, 0–100, to two decimals. */
  readonly confidence: number;
  /** Below `OCR_LOW_CONFIDENCE`: the examiner checks this word against the image. */
  readonly low: boolean;
}

/** Confidence (0–100) under which an OCR word is marked low. */
export const OCR_LOW_CONFIDENCE = 60;

/** Something the adapter wants the examiner to know: a page needing OCR, repaired mojibake… */
export interface Notice {
  /** Stable machine code, e.g. `pdf.needs-ocr`, `facebook.duplicates-removed`. */
  readonly code: string;
  readonly message: string;
  readonly severity: 'info' | 'warning';
  readonly anchor?: Partial<SourceAnchor>;
  /** Set when the notice accounts for something the adapter saw but did not extract. */
  readonly unread?: UnreadCount;
}

/**
 * What an adapter did not extract, of one kind: nothing is dropped in silence, so every part,
 * key or element left unread is counted, with the first place it occurred.
 */
export interface UnreadCount {
  /** What was left unread, e.g. `embedded OLE object`, `script element`, `JSON key "poll"`. */
  readonly kind: string;
  readonly count: number;
  /** Where the first one is, in words an examiner can follow (part path, paragraph, line). */
  readonly first: string;
}

/** Scalar properties an adapter records (encoding detected, page count, exporter version…). */
export type DocumentProperties = Readonly<Record<string, string | number | boolean>>;

export const DOCUMENT_SCHEMA = 'soz.document/1';

/** The single document type carried by every stage after ingest. */
export interface SozDocument {
  readonly schema: typeof DOCUMENT_SCHEMA;
  /** Stable id: first 16 hex of the evidence SHA-256, plus `~entry` for containers. */
  readonly id: string;
  readonly evidenceSha256: string;
  /** Original file name of the evidence (no directory). */
  readonly evidenceName: string;
  readonly entry?: string;
  readonly format: DocumentFormat;
  readonly text: string;
  /** Ordered by `range[0]`, non-overlapping, each inside `text`. */
  readonly segments: readonly Segment[];
  readonly notices: readonly Notice[];
  readonly properties: DocumentProperties;
}

/**
 * What a derived document says of itself without its text and segments (`segmentCount` instead):
 * what a document list needs, read from a compact file's first line alone.
 */
export type DocumentHeader = Omit<SozDocument, 'text' | 'segments'> & { readonly segmentCount: number };

/** Builds the stable document id from the evidence hash and an optional container entry. */
export function documentId(evidenceSha256: string, entry?: string): string {
  const base = evidenceSha256.slice(0, 16);
  return entry === undefined || entry === '' ? base : `${base}~${entry}`;
}

/** The text a segment covers. */
export function segmentText(doc: Pick<SozDocument, 'text'>, segment: Pick<Segment, 'range'>): string {
  return doc.text.slice(segment.range[0], segment.range[1]);
}

/**
 * Checks the invariants every adapter must keep; returns the problems found (empty when sound).
 * Used by the shared adapter test and at the ingest boundary.
 */
export function documentProblems(doc: SozDocument): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  let previousEnd = 0;
  doc.segments.forEach((segment, index) => {
    const [start, end] = segment.range;
    const where = `segment ${index} (${segment.id})`;
    if (!Number.isInteger(start) || !Number.isInteger(end)) problems.push(`${where}: range is not integer`);
    if (start < previousEnd) problems.push(`${where}: starts at ${start}, before the previous segment ends at ${previousEnd}`);
    if (end < start) problems.push(`${where}: ends before it starts`);
    if (end > doc.text.length) problems.push(`${where}: ends at ${end}, past the text length ${doc.text.length}`);
    if (ids.has(segment.id)) problems.push(`${where}: duplicate id`);
    if (segment.anchor.evidenceSha256 !== doc.evidenceSha256) problems.push(`${where}: anchor points to another evidence file`);
    ids.add(segment.id);
    previousEnd = Math.max(previousEnd, end);
  });
  return problems;
}
