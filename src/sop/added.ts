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

/** A place given as a chat message and the words quoted from it. */
export interface QuotedPlace {
  readonly messageId: string;
  /** The words as written in the message; compared after collapsing runs of white space. */
  readonly quote: string;
}

/** What the examiner gives to add a finding: the document and either a range or quoted words of a message. */
export interface AddedFindingRequest {
  /** Document id, or the evidence file name when it gives one document. */
  readonly documentId: string;
  /** `[start, end)`, UTF-16 code units into the document text, 0-based. */
  readonly range?: readonly [number, number];
  readonly quoted?: QuotedPlace;
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
  const byName = documents.filter((candidate) => candidate.evidenceName === request.documentId);
  const doc = documents.find((candidate) => candidate.id === request.documentId) ?? (byName.length === 1 ? byName[0] : undefined);
  if (!doc) problems.push(`no document "${request.documentId}"; the documents are ${documents.map((candidate) => `${candidate.id} (${candidate.evidenceName})`).join(', ') || 'none (run soz analyze)'}`);
  if (!/^[a-z][a-z0-9-]*$/.test(request.category)) problems.push(`--category "${request.category}": use lower-case letters, digits and hyphens, e.g. threat`);
  if (request.reason.trim() === '') problems.push('--reason "…" is required: say what the fragment is');
  if (request.voice !== undefined && !(VOICES as readonly string[]).includes(request.voice)) problems.push(`--voice ${request.voice}: use one of ${VOICES.join(', ')}`);
  if (!doc) return { finding: null, problems };
  const located = request.quoted ? quotedRange(doc, request.quoted) : request.range ? { range: request.range } : { problem: 'give the place as a range or as a message id and quoted words' };
  if ('problem' in located) return { finding: null, problems: [...problems, located.problem] };
  const [start, end] = located.range;
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

/** A text with runs of white space collapsed to one space, and for each of its code units the offset it came from. */
function collapseSpace(text: string, offset: number): { text: string; from: number[] } {
  let out = '';
  const from: number[] = [];
  for (const match of text.matchAll(/\s+|[^\s]+/gu)) {
    const space = /^\s/u.test(match[0]);
    const part = space ? ' ' : match[0];
    for (let i = 0; i < part.length; i++) from.push(offset + match.index + (space ? 0 : i));
    out += part;
  }
  return { text: out, from };
}

/**
 * The range of quoted words in one message of a chat document: found in each segment of the
 * message (reaction records aside) after white space is collapsed on both sides; refused when
 * the words are not there or occur more than once (the places are listed).
 */
export function quotedRange(doc: SozDocument, quoted: QuotedPlace): { range: readonly [number, number] } | { problem: string } {
  const segments = doc.segments.filter((segment) => segment.message?.messageId === quoted.messageId && segment.message.reactionTo === undefined);
  if (segments.length === 0) return { problem: `document ${doc.id} (${doc.evidenceName}) has no message ${quoted.messageId}` };
  const needle = quoted.quote.replace(/\s+/gu, ' ').trim();
  if (!/[\p{L}\p{N}]/u.test(needle)) return { problem: '--quote "…" must hold the words of the message (at least one letter or digit)' };
  const hits: [number, number][] = [];
  for (const segment of segments) {
    const collapsed = collapseSpace(doc.text.slice(segment.range[0], segment.range[1]), segment.range[0]);
    for (let at = collapsed.text.indexOf(needle); at !== -1; at = collapsed.text.indexOf(needle, at + 1)) hits.push([collapsed.from[at]!, collapsed.from[at + needle.length - 1]! + 1]);
  }
  if (hits.length === 0) return { problem: `the quoted words do not occur in message ${quoted.messageId} of ${doc.evidenceName} (compared after collapsing white space); copy them exactly as in the message` };
  if (hits.length > 1) return { problem: `the quoted words occur ${hits.length} times in message ${quoted.messageId} of ${doc.evidenceName} (at ${hits.map(([start, end]) => `${start}-${end}`).join(', ')}); quote more words, or give --add ${doc.id}:START-END` };
  return { range: hits[0]! };
}
