/**
 * Findings the examiner adds: a fragment soz did not offer as a candidate, placed exactly like
 * soz's own (document, segment, `[start, end)`, line and column, page or message) so that the
 * conclusion cites it the same way, and marked as the examiner's (`analysis: examiner`). Pure.
 */
import type { SozDocument } from '../core/document.js';
import type { Finding, Voice } from '../core/finding.js';
import { findingId, placeInSegment } from '../core/finding.js';
import type { Said } from '../core/messages.js';
import { said } from '../core/messages.js';
import { unknownVoice, VOICES } from './review.js';

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
export function examinerFinding(documents: readonly SozDocument[], request: AddedFindingRequest): { finding: Finding | null; problems: Said[] } {
  const problems: Said[] = [];
  const byName = documents.filter((candidate) => candidate.evidenceName === request.documentId);
  const doc = documents.find((candidate) => candidate.id === request.documentId) ?? (byName.length === 1 ? byName[0] : undefined);
  if (!doc) {
    const listed = documents.map((candidate) => `${candidate.id} (${candidate.evidenceName})`).join(', ');
    problems.push(
      listed === ''
        ? said(`no document "${request.documentId}"; the case has no documents yet (run soz analyze)`, 'problem.added.no-documents', { id: request.documentId })
        : said(`no document "${request.documentId}"; the documents are ${listed}`, 'problem.added.no-document', { id: request.documentId, documents: listed }),
    );
  }
  if (!/^[a-z][a-z0-9-]*$/.test(request.category)) problems.push(said(`--category "${request.category}": use lower-case letters, digits and hyphens, e.g. threat`, 'problem.added.category', { category: request.category }));
  if (request.reason.trim() === '') problems.push(said('--reason "…" is required: say what the fragment is', 'problem.added.reason'));
  if (request.voice !== undefined && !(VOICES as readonly string[]).includes(request.voice)) problems.push(unknownVoice(request.voice));
  if (!doc) return { finding: null, problems };
  const located = request.quoted ? quotedRange(doc, request.quoted) : request.range ? { range: request.range } : { problem: said('give the place as a range or as a message id and quoted words', 'problem.added.place') };
  if ('problem' in located) return { finding: null, problems: [...problems, located.problem] };
  const [start, end] = located.range;
  const segment = doc.segments.find((candidate) => candidate.range[0] <= start && end <= candidate.range[1]);
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start || end > doc.text.length) {
    problems.push(said(`range ${start}-${end} is not inside document ${doc.id} (0-${doc.text.length}); give START-END as UTF-16 offsets, START < END`, 'problem.added.outside', { start, end, id: doc.id, length: doc.text.length }));
  } else if (!segment) {
    problems.push(said(`range ${start}-${end} crosses a segment boundary of document ${doc.id}; add each segment's part separately`, 'problem.added.crosses', { start, end, id: doc.id }));
  } else if (!/[\p{L}\p{N}]/u.test(doc.text.slice(start, end))) {
    problems.push(said(`range ${start}-${end} of document ${doc.id} holds no letter or digit; check the offsets`, 'problem.added.no-letter', { start, end, id: doc.id }));
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

/** A chat document without the message the examiner named. */
export function noMessage(doc: SozDocument, messageId: string): Said {
  return said(`document ${doc.id} (${doc.evidenceName}) has no message ${messageId}`, 'problem.added.no-message', { id: doc.id, name: doc.evidenceName, message: messageId });
}

/**
 * The range of quoted words in one message of a chat document: found in each segment of the
 * message (reaction records aside) after white space is collapsed on both sides; refused when
 * the words are not there or occur more than once (the places are listed).
 */
export function quotedRange(doc: SozDocument, quoted: QuotedPlace): { range: readonly [number, number] } | { problem: Said } {
  const segments = doc.segments.filter((segment) => segment.message?.messageId === quoted.messageId && segment.message.reactionTo === undefined);
  if (segments.length === 0) return { problem: noMessage(doc, quoted.messageId) };
  const needle = quoted.quote.replace(/\s+/gu, ' ').trim();
  if (!/[\p{L}\p{N}]/u.test(needle)) return { problem: said('--quote "…" must hold the words of the message (at least one letter or digit)', 'problem.added.quote-empty') };
  const hits: [number, number][] = [];
  for (const segment of segments) {
    const collapsed = collapseSpace(doc.text.slice(segment.range[0], segment.range[1]), segment.range[0]);
    for (let at = collapsed.text.indexOf(needle); at !== -1; at = collapsed.text.indexOf(needle, at + 1)) hits.push([collapsed.from[at]!, collapsed.from[at + needle.length - 1]! + 1]);
  }
  if (hits.length === 0) return { problem: said(`the quoted words do not occur in message ${quoted.messageId} of ${doc.evidenceName} (compared after collapsing white space); copy them exactly as in the message`, 'problem.added.quote-missing', { message: quoted.messageId, name: doc.evidenceName }) };
  if (hits.length > 1) {
    const places = hits.map(([start, end]) => `${start}-${end}`).join(', ');
    return { problem: said(`the quoted words occur ${hits.length} times in message ${quoted.messageId} of ${doc.evidenceName} (at ${places}); quote more words, or give --add ${doc.id}:START-END`, 'problem.added.quote-many', { count: hits.length, message: quoted.messageId, name: doc.evidenceName, places, id: doc.id }) };
  }
  return { range: hits[0]! };
}
