/**
 * Source excerpts of a conclusion: for every reviewable unit (one message, else one segment) a
 * candidate lies in, the unit's text with every candidate in it marked, so a reader can see each
 * fragment where it stands. Pure; offsets are 0-based UTF-16 code units of the document text.
 */
import type { Segment } from '../core/document.js';
import { detachedString } from '../analysis/detached.js';
import type { FindingView } from './model.js';

/** Longest excerpt kept whole; a longer unit keeps this margin around its candidates. */
const WHOLE_UNTIL = 1500;
const MARGIN = 400;

/** What the excerpts read of a document: its text and each segment's id and range. */
export interface ExcerptDocument {
  readonly text: string;
  readonly segments: readonly Pick<Segment, 'id' | 'range'>[];
}

/** One piece of an excerpt: plain text, or text inside the candidates listed. */
export interface ExcerptPart {
  readonly text: string;
  readonly findingIds: readonly string[];
}

/** The source of one reviewable unit, with its candidates marked. */
export interface SourceExcerpt {
  readonly unit: string;
  readonly evidenceName: string;
  readonly documentId: string;
  readonly page: number | null;
  readonly messageId: string | null;
  readonly author: string | null;
  readonly originalAuthor: string | null;
  /** `[start, end)` of the excerpt in the document text. */
  readonly range: readonly [number, number];
  /** Whether text of the unit was left out before or after the excerpt. */
  readonly clipped: { readonly before: boolean; readonly after: boolean };
  readonly parts: readonly ExcerptPart[];
}

/** An offset moved off the second half of a surrogate pair, so no character is cut. */
function wholeCharacter(text: string, offset: number): number {
  const code = text.charCodeAt(offset);
  return code >= 0xdc00 && code <= 0xdfff && offset > 0 ? offset - 1 : offset;
}

/** The pieces of `text[start, end)` cut at every candidate's start and end. */
function markedParts(text: string, start: number, end: number, findings: readonly FindingView[]): ExcerptPart[] {
  const cuts = new Set([start, end]);
  for (const finding of findings) {
    for (const at of finding.range) if (at > start && at < end) cuts.add(at);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const parts: ExcerptPart[] = [];
  for (let index = 0; index + 1 < points.length; index += 1) {
    const [from, to] = [points[index]!, points[index + 1]!];
    const findingIds = findings.filter((finding) => finding.range[0] <= from && to <= finding.range[1]).map((finding) => finding.id);
    // A copy: a slice would keep the whole document text alive as long as the report model lives.
    parts.push({ findingIds, text: detachedString(text.slice(from, to)) });
  }
  return parts;
}

/**
 * The excerpt of each unit the findings lie in, in the order the units first occur. `documentText`
 * gives a document's text and segments by id; each document is asked for once, so a caller that
 * reads it from disk holds one document at a time.
 */
export function sourceExcerpts(documentText: (documentId: string) => ExcerptDocument | undefined, findings: readonly FindingView[]): SourceExcerpt[] {
  const byUnit = new Map<string, FindingView[]>();
  for (const finding of findings) {
    const members = byUnit.get(finding.unit);
    if (members) members.push(finding);
    else byUnit.set(finding.unit, [finding]);
  }
  const byDocument = new Map<string, (readonly [string, FindingView[]])[]>();
  for (const entry of byUnit) {
    const documentId = entry[1][0]!.documentId;
    const units = byDocument.get(documentId);
    if (units) units.push(entry);
    else byDocument.set(documentId, [entry]);
  }
  const excerpts = new Map<string, SourceExcerpt>();
  for (const [documentId, units] of byDocument) {
    const doc = documentText(documentId);
    if (!doc) continue;
    const segmentsById = new Map(doc.segments.map((segment) => [segment.id, segment]));
    for (const [unit, members] of units) {
      const excerpt = unitExcerpt(doc.text, segmentsById, unit, members);
      if (excerpt) excerpts.set(unit, excerpt);
    }
  }
  return [...byUnit.keys()].flatMap((unit) => excerpts.get(unit) ?? []);
}

/** The excerpt of one unit of a document (its segments by id), or undefined when none of its segments is in the document. */
function unitExcerpt(text: string, segmentsById: ReadonlyMap<string, ExcerptDocument['segments'][number]>, unit: string, members: readonly FindingView[]): SourceExcerpt | undefined {
  const first = members[0]!;
  const segments = [...new Set(members.map((finding) => finding.segmentId))].flatMap((id) => segmentsById.get(id) ?? []);
  if (segments.length === 0) return undefined;
  const unitStart = Math.min(...segments.map((segment) => segment.range[0]));
  const unitEnd = Math.max(...segments.map((segment) => segment.range[1]));
  const marksStart = Math.min(...members.map((finding) => finding.range[0]));
  const marksEnd = Math.max(...members.map((finding) => finding.range[1]));
  const whole = unitEnd - unitStart <= WHOLE_UNTIL;
  const start = whole ? unitStart : wholeCharacter(text, Math.max(unitStart, marksStart - MARGIN));
  const end = whole ? unitEnd : wholeCharacter(text, Math.min(unitEnd, marksEnd + MARGIN));
  // Members in code-unit order, as canonical JSON writes them (see `findingView`).
  return {
    author: first.author,
    clipped: { after: end < unitEnd, before: start > unitStart },
    documentId: first.documentId,
    evidenceName: first.evidenceName,
    messageId: first.messageId,
    originalAuthor: first.originalAuthor,
    page: first.page,
    parts: markedParts(text, start, end, members),
    range: [start, end],
    unit,
  };
}
