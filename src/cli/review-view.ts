/**
 * What the terminal review shows around a candidate: the chat thread it sits in and a wider
 * context, read from the derived documents; and the keys of the review on a Cyrillic layout.
 */
import type { Segment, SozDocument } from '../core/document.js';
import type { Finding } from '../core/finding.js';

/**
 * The Latin letter on the same physical key of the Russian/Kyrgyz ЙЦУКЕН layout, so an examiner
 * who forgot to switch the layout still presses `a` when typing `ф`.
 */
const LATIN_ON_KEY: Readonly<Record<string, string>> = Object.fromEntries(
  [...'йцукенгшщзфывапролдячсмитьё'].map((cyrillic, index) => [cyrillic, 'qwertyuiopasdfghjklzxcvbnm`'[index]!]),
);

/** The review key the examiner meant: first character, lower case, Cyrillic layout mapped by key position. */
export function reviewKey(answer: string): string {
  const first = answer.trim().slice(0, 1).toLowerCase();
  return LATIN_ON_KEY[first] ?? first;
}

const EXCERPT_LENGTH = 160;
const MORE_CONTEXT = 600;

/** A segment's text on one line, shortened to `EXCERPT_LENGTH` characters. */
function excerpt(doc: SozDocument, segment: Segment): string {
  const text = doc.text.slice(segment.range[0], segment.range[1]).replace(/\s+/g, ' ').trim();
  return text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH)}…` : text;
}

/** `id author, time` of a message segment. */
function messageHeading(segment: Segment): string {
  const message = segment.message!;
  return `${message.messageId} ${message.author.name}, ${message.timestamp.iso ?? message.timestamp.raw}`;
}

/**
 * For a candidate in a chat message: who wrote it (and who originally, when forwarded), when, in
 * what role; the message it replies to; the messages just before and after. Other findings show
 * the author the source names, if any.
 */
export function threadLines(finding: Finding, documents: readonly SozDocument[]): string[] {
  const doc = documents.find((candidate) => candidate.id === finding.place.documentId);
  const index = doc ? doc.segments.findIndex((segment) => segment.id === finding.place.segmentId) : -1;
  const message = index >= 0 ? doc!.segments[index]!.message : undefined;
  if (!doc || !message) {
    const author = finding.author ?? (index >= 0 ? doc!.segments[index]!.author : undefined);
    return author ? [`  author ${author}${finding.originalAuthor ? `; originally by ${finding.originalAuthor}` : ''}`] : [];
  }
  const lines = [
    `  author ${message.author.name}${message.forwardedFrom ? `; forwarded, originally by ${message.forwardedFrom.name}` : ''}; ${message.timestamp.iso ?? message.timestamp.raw}${message.timestamp.offset === 'unknown' ? ' (local time)' : ''}; ${message.role}`,
  ];
  const replied = message.replyTo === undefined ? undefined : doc.segments.find((segment) => segment.message?.messageId === message.replyTo);
  if (message.replyTo !== undefined) lines.push(`  in reply to ${replied ? `${messageHeading(replied)}: ${excerpt(doc, replied)}` : `message ${message.replyTo} (not in this export)`}`);
  const before = doc.segments.slice(0, index).reverse().find((segment) => segment.message);
  const after = doc.segments.slice(index + 1).find((segment) => segment.message);
  if (before) lines.push(`  before: ${messageHeading(before)}: ${excerpt(doc, before)}`);
  if (after) lines.push(`  after:  ${messageHeading(after)}: ${excerpt(doc, after)}`);
  return lines;
}

/** The candidate in a wider stretch of its document (the `m` key), the match in brackets. */
export function moreContextLines(finding: Finding, documents: readonly SozDocument[]): string[] {
  const doc = documents.find((candidate) => candidate.id === finding.place.documentId);
  if (!doc) return [`  (document ${finding.place.documentId} is not in the case; run soz analyze)`];
  const [start, end] = finding.place.range;
  const from = Math.max(0, start - MORE_CONTEXT);
  const to = Math.min(doc.text.length, end + MORE_CONTEXT);
  const text = `${from > 0 ? '…' : ''}${doc.text.slice(from, start)}[${doc.text.slice(start, end)}]${doc.text.slice(end, to)}${to < doc.text.length ? '…' : ''}`;
  return text.split('\n').map((line) => `  | ${line}`);
}
