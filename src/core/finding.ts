import type { Range, Segment, SegmentPart, SourceAnchor, SozDocument } from './document.js';
import { compareCodeUnits } from './canonical-json.js';
import { sha256 } from './hash.js';

/**
 * Whose words a fragment is. A finding in a quotation, a news report or a forwarded post is not
 * the author's own statement; the examiner must see that before anything else.
 */
export const VOICES = ['own', 'quotation', 'reported', 'forwarded', 'reaction', 'unknown'] as const;
export type Voice = (typeof VOICES)[number];

/** Circumstances that weigh against reading a fragment as the author's own assertion. */
export const COUNTERVAILING = [
  'quoted',
  'reported',
  'forwarded',
  'reaction',
  'negated',
  /** A condemnation or prohibition frame in the sentence («Мы осуждаем …», "Islam forbids …"). */
  'condemned',
  /** An imperative addressed to God or a ritual instruction, not a call to people. */
  'prayer',
  'question',
  'conditional',
  'mainstream-meaning',
  'irony-marker',
] as const;
export type Countervailing = (typeof COUNTERVAILING)[number];

/** Exact place of a finding: document range plus the anchor back to the seized file. */
export interface Place {
  readonly documentId: string;
  readonly evidenceSha256: string;
  readonly evidenceName: string;
  readonly segmentId: string;
  readonly part: SegmentPart;
  /** `[start, end)` in UTF-16 code units of the document text. */
  readonly range: Range;
  /** Line and column (both 1-based) of `range[0]` in the document text. */
  readonly line: number;
  readonly column: number;
  readonly page?: number;
  readonly messageId?: string;
  readonly entry?: string;
  /** In a transcript: the audio or video it transcribes and the time code of the cue (ms). */
  readonly media?: MediaPlace;
  /** In text read by OCR: the picture and the box of the words the range covers. */
  readonly image?: ImagePlace;
}

/**
 * Where text read by OCR lies in its picture, so the examiner can check the reading: `sha256` is
 * the picture's (the evidence file, or the posted photo of an `image-text` segment) or, for a
 * scanned PDF page (`page` set), the page picture soz rasterised; `box` (left, top, width, height
 * in that picture's pixels) bounds the words the finding's range touches.
 */
export interface ImagePlace {
  readonly sha256: string;
  readonly page?: number;
  /**
   * The picture's path inside the seized container: a photo posted in a zipped chat export, or the
   * PDF (inside a ZIP or embedded in a PDF: `dir/scan.pdf`, `attachment.1/scan.pdf`) whose page it is.
   */
  readonly entry?: string;
  readonly box: readonly [left: number, top: number, width: number, height: number];
}

/** Where in a media item a transcript finding lies: its hash, name when in custody, cue times. */
export interface MediaPlace {
  /** Absent when the transcript is not linked to its media (`soz add --transcribes`). */
  readonly sha256?: string;
  readonly name?: string;
  readonly startMs: number;
  readonly endMs?: number;
}

/**
 * The `media` field of a finding's place for a segment of a transcript (empty for segments without
 * a time code), spread into the place so other findings keep their shape.
 */
export function withMediaPlace(doc: Pick<SozDocument, 'properties'>, anchor: SourceAnchor): { media?: MediaPlace } {
  if (anchor.startMs === undefined) return {};
  const name = doc.properties['transcribesName'];
  const media: MediaPlace = {
    ...(anchor.mediaSha256 !== undefined ? { sha256: anchor.mediaSha256 } : {}),
    ...(typeof name === 'string' ? { name } : {}),
    startMs: anchor.startMs,
    ...(anchor.endMs !== undefined ? { endMs: anchor.endMs } : {}),
  };
  return { media };
}

/** The lexicon entry (or rule) a finding came from, with its published source. */
export interface Citation {
  readonly lexicon: string;
  readonly lexiconVersion: string;
  readonly entryId: string;
  readonly source: string;
}

/**
 * A candidate for the examiner: a located fragment that may bear on a question. Never a
 * conclusion; nothing here scores or labels the text.
 */
export interface Finding {
  /** Stable id derived from analysis, rule and place (see `findingId`). */
  readonly id: string;
  /** Analysis module that produced it, e.g. `indicators`. */
  readonly analysis: string;
  /** Rule or lexicon entry id. */
  readonly ruleId: string;
  /** Category, e.g. `call-to-action`, `violence`, `group-designation`. */
  readonly category: string;
  /** Neutral sentence saying what was found, e.g. "Imperative verb form". */
  readonly reason: string;
  /** The lexicon entry's sub-category code (violence → `act`, `weapon`, `threat`), where it has one. */
  readonly subcategory?: string;
  readonly place: Place;
  /** The matched text exactly as in the document. */
  readonly actual: string;
  readonly context: { readonly left: string; readonly right: string };
  /**
   * The account the words were found under: the sender of a message, the author of a post — for
   * forwarded material the holder who forwarded it, not the one who wrote it.
   */
  readonly author?: string;
  /** Forwarded material only: who wrote it originally (the chat export's "forwarded from"). */
  readonly originalAuthor?: string;
  readonly voice: Voice;
  /** Everything that weighs against reading it as own assertion, sorted. */
  readonly countervailing: readonly Countervailing[];
  /** Note for the examiner from the lexicon. */
  readonly note?: string;
  /** Ordinary (e.g. devotional) meaning of the term, where it has one. */
  readonly mainstreamMeaning?: string;
  readonly citation?: Citation;
  /** Which word form matched and by which rule of the entry (lemma, variant, form or pattern). */
  readonly matched?: { readonly form: string; readonly rule: string };
  /**
   * Reviewable unit: findings of one message (or one segment) share it, so the examiner reviews a
   * message once with everything found in it.
   */
  readonly unit?: string;
  /**
   * Features that accompany this candidate in its message and are shown as its context instead of
   * standing alone (bare us/them pronouns, bare imperatives and modals).
   */
  readonly accompanying?: readonly { readonly ruleId: string; readonly category: string; readonly actual: string; readonly range: Range }[];
  /** Normalisations applied before matching, e.g. "Latin x at offset 14 read as Cyrillic х". */
  readonly normalisations?: readonly string[];
}

/** Stable id of a finding: same analysis, rule and place → same id on every machine. */
export function findingId(analysis: string, ruleId: string, documentId: string, range: Range): string {
  return 'F' + sha256(`${analysis}\u0000${ruleId}\u0000${documentId}\u0000${range[0]}\u0000${range[1]}`).slice(0, 12);
}

/** The one stable order of findings: evidence name, document, offset, end, rule id. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    compareCodeUnits(a.place.evidenceName, b.place.evidenceName) ||
    compareCodeUnits(a.place.documentId, b.place.documentId) ||
    a.place.range[0] - b.place.range[0] ||
    a.place.range[1] - b.place.range[1] ||
    compareCodeUnits(a.ruleId, b.ruleId) ||
    compareCodeUnits(a.id, b.id)
  );
}

/**
 * The place of a range inside one segment of a document: ids, anchor (page, message id, container
 * entry, recording and time code) and the 1-based line and column of its start. `position` lets a
 * caller that already indexed the lines pass them; by default they are counted from the text.
 */
export function placeInSegment(doc: SozDocument, segment: Segment, range: Range, position: { line: number; column: number } = lineColumn(doc.text, range[0])): Place {
  const { line, column } = position;
  const messageId = segment.anchor.messageId ?? segment.message?.messageId;
  return {
    documentId: doc.id,
    evidenceSha256: doc.evidenceSha256,
    evidenceName: doc.evidenceName,
    segmentId: segment.id,
    part: segment.anchor.part,
    range,
    line,
    column,
    ...(segment.anchor.page !== undefined ? { page: segment.anchor.page } : {}),
    ...(messageId !== undefined ? { messageId } : {}),
    ...(segment.anchor.entry !== undefined ? { entry: segment.anchor.entry } : {}),
    ...withMediaPlace(doc, segment.anchor),
    ...withImagePlace(doc, segment, range),
  };
}

/** The segment holding UTF-16 offset `offset` of the document text, if any. */
export function segmentAt(doc: SozDocument, offset: number): Segment | undefined {
  return doc.segments.find((segment) => segment.range[0] <= offset && offset < segment.range[1]);
}

/**
 * The place of a range found on the whole document text (not segment by segment): the segment its
 * start lies in, or the first segment; null for a document without segments.
 */
export function placeOfRange(doc: SozDocument, range: Range): Place | null {
  const segment = segmentAt(doc, range[0]) ?? doc.segments[0];
  return segment ? placeInSegment(doc, segment, range) : null;
}

/** Up to `chars` characters of text either side of a range, as a finding's context. */
export function contextAround(text: string, range: Range, chars: number): Finding['context'] {
  return { left: text.slice(Math.max(0, range[0] - chars), range[0]), right: text.slice(range[1], range[1] + chars) };
}

/** The `image` field of a place whose range touches OCR words (empty otherwise). */
function withImagePlace(doc: SozDocument, segment: Segment, range: Range): { image?: ImagePlace } {
  const words = (segment.words ?? []).filter((word) => word.range[0] < range[1] && range[0] < word.range[1]);
  if (words.length === 0) return {};
  const page = segment.anchor.part === 'ocr' ? segment.anchor.page : undefined;
  const pagePicture = page !== undefined ? doc.properties[`ocrPage.${page}.imageSha256`] : undefined;
  const sha256 = segment.anchor.imageSha256 ?? (typeof pagePicture === 'string' ? pagePicture : doc.evidenceSha256);
  const left = Math.min(...words.map((word) => word.box[0]));
  const top = Math.min(...words.map((word) => word.box[1]));
  const right = Math.max(...words.map((word) => word.box[0] + word.box[2]));
  const bottom = Math.max(...words.map((word) => word.box[1] + word.box[3]));
  const entry = segment.anchor.imageEntry;
  return { image: { sha256, ...(page !== undefined ? { page } : {}), ...(entry !== undefined ? { entry } : {}), box: [left, top, right - left, bottom - top] } };
}

/** Line and column (1-based) of a UTF-16 offset in a text. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
