/**
 * Pure filters that select a subset of a case: by author, by message role and by date.
 *
 * Dates: a segment is kept by `since`/`until` only when its message has a timestamp whose
 * `iso` is not null. Segments with unknown time (no message, or `iso: null`) are EXCLUDED from
 * date-filtered runs and counted in `unknownTime`, so the examiner sees how many were left out.
 * Timestamps with a recorded offset are compared in UTC; those without (`offset: 'unknown'`) are
 * compared as wall-clock time, as if UTC. `since` is inclusive; `until` is exclusive, except that
 * a date-only `until` (`YYYY-MM-DD`) includes that whole day.
 */
import type { MessageRole, Segment, SozDocument } from '../core/document.js';
import { UserError } from '../core/errors.js';
import type { Finding } from '../core/finding.js';

/** What to keep. Absent fields do not filter. */
export interface SelectionFilter {
  /** Author names as the export gives them (message author or segment author); exact match. */
  readonly authors?: readonly string[];
  /** Message roles to keep; segments that are not messages have no role and are dropped. */
  readonly roles?: readonly MessageRole[];
  /** ISO 8601 date or date-time, inclusive. */
  readonly since?: string;
  /** ISO 8601 date or date-time; exclusive (a date-only value includes that day). */
  readonly until?: string;
}

/** How many segments each filter removed (a segment is counted under the first filter that removed it). */
export interface SelectionCounts {
  readonly considered: number;
  readonly kept: number;
  readonly byAuthor: number;
  readonly byRole: number;
  /** Excluded from a date-filtered run because their time is unknown. */
  readonly unknownTime: number;
  readonly outsideDates: number;
}

/** A segment together with the document it belongs to. */
export interface SegmentRef {
  readonly doc: SozDocument;
  readonly segment: Segment;
}

/** Author of a segment: the message author, else the segment's own author (DOCX comments). */
export function segmentAuthor(segment: Segment): string | undefined {
  return segment.message?.author.name ?? segment.author;
}

/** Segments whose id ends in `.q<N>` are blockquotes emitted by the chat adapters. */
const BLOCKQUOTE_SEGMENT = /\.q\d+$/;

/** Whether a segment is a blockquote inside a message (someone else's words, set off by the sender). */
export function isBlockquote(segment: Segment): boolean {
  return BLOCKQUOTE_SEGMENT.test(segment.id);
}

/** Milliseconds since the epoch for an ISO string, reading a missing offset as UTC. */
export function isoToMillis(iso: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(iso.trim());
  if (!m) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '0', zone] = m;
  let ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), Number(frac.slice(0, 3).padEnd(3, '0')));
  if (zone && zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    ms -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4))) * 60_000;
  }
  return Number.isFinite(ms) ? ms : undefined;
}

function bound(value: string | undefined, name: string, endOfDay: boolean): number | undefined {
  if (value === undefined) return undefined;
  const ms = isoToMillis(value);
  if (ms === undefined) throw new UserError(`--${name} "${value}" is not an ISO date: write YYYY-MM-DD or YYYY-MM-DDTHH:MM`, 'filter.bad-date', undefined, { key: 'error.filter.bad-date', params: { name, value } });
  return endOfDay && /^\d{4}-\d{2}-\d{2}$/.test(value.trim()) ? ms + 86_400_000 : ms;
}

/** A compiled segment predicate; `why` says which filter removed it (undefined = kept). */
export function segmentPredicate(filter: SelectionFilter): (segment: Segment) => keyof Omit<SelectionCounts, 'considered' | 'kept'> | undefined {
  const authors = filter.authors && filter.authors.length > 0 ? new Set(filter.authors) : undefined;
  const roles = filter.roles && filter.roles.length > 0 ? new Set<string>(filter.roles) : undefined;
  const since = bound(filter.since, 'since', false);
  const until = bound(filter.until, 'until', true);
  return (segment) => {
    if (authors) {
      const author = segmentAuthor(segment);
      if (author === undefined || !authors.has(author)) return 'byAuthor';
    }
    if (roles && (!segment.message || !roles.has(segment.message.role))) return 'byRole';
    if (since !== undefined || until !== undefined) {
      const iso = segment.message?.timestamp.iso;
      const ms = iso ? isoToMillis(iso) : undefined;
      if (ms === undefined) return 'unknownTime';
      if ((since !== undefined && ms < since) || (until !== undefined && ms >= until)) return 'outsideDates';
    }
    return undefined;
  };
}

/** Selects the segments of `docs` that pass the filter, in document then segment order. */
export function selectSegments(docs: readonly SozDocument[], filter: SelectionFilter = {}): { segments: SegmentRef[]; counts: SelectionCounts } {
  const why = segmentPredicate(filter);
  const counts = { considered: 0, kept: 0, byAuthor: 0, byRole: 0, unknownTime: 0, outsideDates: 0 };
  const segments: SegmentRef[] = [];
  for (const doc of docs) {
    for (const segment of doc.segments) {
      counts.considered++;
      const reason = why(segment);
      if (reason) counts[reason]++;
      else {
        counts.kept++;
        segments.push({ doc, segment });
      }
    }
  }
  return { segments, counts };
}

/** Keeps the findings whose segment passes the filter (pure; order preserved). */
export function filterFindings(findings: readonly Finding[], docs: readonly SozDocument[], filter: SelectionFilter): Finding[] {
  const why = segmentPredicate(filter);
  const index = new Map<string, Segment>();
  for (const doc of docs) for (const segment of doc.segments) index.set(`${doc.id}\u0000${segment.id}`, segment);
  return findings.filter((f) => {
    const segment = index.get(`${f.place.documentId}\u0000${f.place.segmentId}`);
    return segment !== undefined && why(segment) === undefined;
  });
}
