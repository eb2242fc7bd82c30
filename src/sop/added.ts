/**
 * Findings the examiner adds: a fragment soz did not offer as a candidate, placed exactly like
 * soz's own (document, segment, `[start, end)`, line and column, page or message) so that the
 * conclusion cites it the same way, and marked as the examiner's (`analysis: examiner`). Pure.
 */
import type { SozDocument } from '../core/document.js';
import type { Finding, Voice } from '../core/finding.js';
import { findingId, placeInSegment } from '../core/finding.js';
import { VOICES } from './review.js';

/** `analysis` of a finding the examiner added. */
export const EXAMINER_ANALYSIS = 'examiner';

/** Characters of context kept on each side of an added fragment, as the analyses keep. */
const CONTEXT = 40;

/** What the examiner gives to add a finding. */
export interface AddedFindingRequest {
  readonly documentId: string;
  /** `[start, end)`, UTF-16 code units into the document text, 0-based. */
  readonly range: readonly [number, number];
  readonly category: string;
  /** What the fragment is, in the examiner's words. */
  readonly reason: string;
  /** Whose words these are (default: own). */
  readonly voice?: string;
}

/**
 * The finding for a request, or problems naming what to fix: the document must exist, the range
 * must lie inside one segment and hold at least one letter or digit.
 */
export function examinerFinding(documents: readonly SozDocument[], request: AddedFindingRequest): { finding: Finding | null; problems: string[] } {
  const problems: string[] = [];
  const doc = documents.find((candidate) => candidate.id === request.documentId);
  if (!doc) problems.push(`no document "${request.documentId}"; the documents are ${documents.map((candidate) => candidate.id).join(', ') || 'none (run soz analyze)'}`);
  if (!/^[a-z][a-z0-9-]*$/.test(request.category)) problems.push(`--category "${request.category}": use lower-case letters, digits and hyphens, e.g. threat`);
  if (request.reason.trim() === '') problems.push('--reason "…" is required: say what the fragment is');
  if (request.voice !== undefined && !(VOICES as readonly string[]).includes(request.voice)) problems.push(`--voice ${request.voice}: use one of ${VOICES.join(', ')}`);
  const [start, end] = request.range;
  if (!doc) return { finding: null, problems };
  const segment = doc.segments.find((candidate) => candidate.range[0] <= start && end <= candidate.range[1]);
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start || end > doc.text.length) {
    problems.push(`range ${start}-${end} is not inside document ${doc.id} (0-${doc.text.length}); give START-END as UTF-16 offsets, START < END`);
  } else if (!segment) {
    problems.push(`range ${start}-${end} crosses a segment boundary of document ${doc.id}; add each segment's part separately`);
  } else if (!/[\p{L}\p{N}]/u.test(doc.text.slice(start, end))) {
    problems.push(`range ${start}-${end} of document ${doc.id} holds no letter or digit; check the offsets`);
  }
  if (problems.length > 0 || !segment) return { finding: null, problems };
  const range: [number, number] = [start, end];
  const ruleId = `examiner.${request.category}`;
  const finding: Finding = {
    id: findingId(EXAMINER_ANALYSIS, ruleId, doc.id, range),
    analysis: EXAMINER_ANALYSIS,
    ruleId,
    category: request.category,
    reason: request.reason.trim(),
    place: placeInSegment(doc, segment, range),
    actual: doc.text.slice(start, end),
    context: { left: doc.text.slice(Math.max(segment.range[0], start - CONTEXT), start), right: doc.text.slice(end, Math.min(segment.range[1], end + CONTEXT)) },
    ...(segment.message?.author.name ? { author: segment.message.author.name } : segment.author ? { author: segment.author } : {}),
    voice: (request.voice as Voice | undefined) ?? 'own',
    countervailing: [],
  };
  return { finding, problems };
}
