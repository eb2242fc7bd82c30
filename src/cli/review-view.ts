/**
 * What the terminal review shows around a candidate: the chat thread it sits in and a wider
 * context, read from the derived documents; and the keys of the review on a Cyrillic layout.
 */
import type { Segment, SozDocument } from '../core/document.js';
import type { Finding } from '../core/finding.js';
import type { Translator } from './i18n.js';

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

/** One candidate as the examiner sees it in the terminal (`soz review --list` and the review): place, context, voice, what weighs against it. */
export function findingLines(finding: Finding, t: Translator['t']): string[] {
  const { place } = finding;
  const where = [place.evidenceName, place.page ? t('review.where.page', { page: place.page }) : '', place.messageId ? t('review.where.message', { id: place.messageId }) : '', `${place.line}:${place.column}`].filter(Boolean).join(', ');
  return [
    // A lexicon's reason is its own wording (English data), labelled so in the examiner's language;
    // an examiner-added finding's reason is the examiner's.
    t(finding.citation ? 'review.candidate-lexicon' : 'review.candidate', { id: finding.id, category: finding.category, reason: finding.reason, where }),
    `  …${finding.context.left}[${finding.actual}]${finding.context.right}…`,
    t('review.voice-line', { voice: finding.voice }) +
      (finding.countervailing.length ? t('review.weighs-against', { items: finding.countervailing.join(', ') }) : '') +
      (finding.mainstreamMeaning ? t('review.ordinary-meaning', { meaning: finding.mainstreamMeaning }) : ''),
  ];
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
export function threadLines(finding: Finding, documents: readonly SozDocument[], t: Translator['t']): string[] {
  const doc = documents.find((candidate) => candidate.id === finding.place.documentId);
  const index = doc ? doc.segments.findIndex((segment) => segment.id === finding.place.segmentId) : -1;
  const message = index >= 0 ? doc!.segments[index]!.message : undefined;
  if (!doc || !message) {
    const author = finding.author ?? (index >= 0 ? doc!.segments[index]!.author : undefined);
    return author ? [t('review.author', { author }) + (finding.originalAuthor ? t('review.originally', { author: finding.originalAuthor }) : '')] : [];
  }
  const lines = [
    t('review.author', { author: message.author.name }) +
      (message.forwardedFrom ? t('review.forwarded', { author: message.forwardedFrom.name }) : '') +
      `; ${message.timestamp.iso ?? message.timestamp.raw}${message.timestamp.offset === 'unknown' ? t('review.local-time') : ''}; ${message.role}`,
  ];
  const replied = message.replyTo === undefined ? undefined : doc.segments.find((segment) => segment.message?.messageId === message.replyTo);
  if (message.replyTo !== undefined) lines.push(t('review.in-reply-to', { message: replied ? `${messageHeading(replied)}: ${excerpt(doc, replied)}` : t('review.reply-missing', { id: message.replyTo }) }));
  const before = doc.segments.slice(0, index).reverse().find((segment) => segment.message);
  const after = doc.segments.slice(index + 1).find((segment) => segment.message);
  if (before) lines.push(t('review.before', { message: `${messageHeading(before)}: ${excerpt(doc, before)}` }));
  if (after) lines.push(t('review.after', { message: `${messageHeading(after)}: ${excerpt(doc, after)}` }));
  return lines;
}

/** The candidate in a wider stretch of its document (the `m` key), the match in brackets. */
export function moreContextLines(finding: Finding, documents: readonly SozDocument[], t: Translator['t']): string[] {
  const doc = documents.find((candidate) => candidate.id === finding.place.documentId);
  if (!doc) return [t('review.no-document', { id: finding.place.documentId })];
  const [start, end] = finding.place.range;
  const from = Math.max(0, start - MORE_CONTEXT);
  const to = Math.min(doc.text.length, end + MORE_CONTEXT);
  const text = `${from > 0 ? '…' : ''}${doc.text.slice(from, start)}[${doc.text.slice(start, end)}]${doc.text.slice(end, to)}${to < doc.text.length ? '…' : ''}`;
  return text.split('\n').map((line) => `  | ${line}`);
}
