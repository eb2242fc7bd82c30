/**
 * The Telegram message model shared by the JSON and the HTML adapter, and the one place where a
 * message becomes segments, so both exports of the same chat give the same segments.
 *
 * Segment layout of one message (ids unique within a document):
 * - `m<id>`       the message's own text up to its first blockquote (possibly empty), always present;
 * - `m<id>.q<N>`  the N-th blockquote of the message (N from 0): text the author quotes;
 * - `m<id>.t<N>`  the message's own text after blockquote N (only when non-empty);
 * - `m<id>.r<K>`  reaction K (from 0) by a named person, role `reaction`, text = the emoji.
 * Every text sub-segment carries the message's full `MessageInfo`, so filters by author or role
 * treat them alike; a `.q` suffix is the only mark of quoted voice until the core type has one.
 */
import type { SegmentInput } from '../../core/document-builder.js';
import type { MediaItem, MessageInfo, MessageRole, Party, Reaction, Timestamp } from '../../core/document.js';

/** A stretch of message text; `quote` is true inside a blockquote entity / `<blockquote>`. */
export interface TextRun {
  readonly text: string;
  readonly quote: boolean;
}

/** A named person who reacted, with the emoji and, where the export has it, the time. */
export interface Reactor {
  readonly party: Party;
  readonly emoji: string;
  readonly timestamp: Timestamp;
}

/** One message as both adapters understand it, before it becomes segments. */
export interface TelegramMessage {
  readonly id: string;
  readonly author: Party;
  readonly timestamp: Timestamp;
  readonly role: MessageRole;
  readonly runs: readonly TextRun[];
  readonly forwardedFrom?: Party;
  readonly replyTo?: string;
  readonly edited?: boolean;
  readonly media?: readonly MediaItem[];
  readonly reactions?: readonly Reaction[];
  readonly reactors?: readonly Reactor[];
  readonly action?: string;
}

/** The chat a message belongs to. */
export interface ChatContext {
  readonly chatId: string;
  readonly chatName: string;
}

/** A timestamp the export does not give. */
export const NO_TIMESTAMP: Timestamp = { iso: null, offset: 'unknown', raw: '' };

/**
 * Role of an ordinary (non-service) message. A forwarded reply stays `forwarded` (its `replyTo`
 * is kept): what the holder did was forward it.
 */
export function messageRole(m: { forwarded: boolean; replyTo?: string; hasText: boolean; mediaCount: number }): MessageRole {
  if (m.forwarded) return 'forwarded';
  if (m.replyTo !== undefined) return 'reply';
  if (!m.hasText && m.mediaCount > 0) return 'media-only';
  return 'authored';
}

/** Whether runs hold any non-whitespace text. */
export function hasText(runs: readonly TextRun[]): boolean {
  return runs.some((run) => run.text.trim() !== '');
}

/** Merges adjacent runs of the same voice and drops empty ones. */
export function mergeRuns(runs: readonly TextRun[]): TextRun[] {
  const out: TextRun[] = [];
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i] as TextRun;
    if (run.text === '') continue;
    const last = out[out.length - 1];
    if (last !== undefined && last.quote === run.quote) out[out.length - 1] = { text: last.text + run.text, quote: run.quote };
    else out.push(run);
  }
  return out;
}

/**
 * The segments of one message, in reading order (see the module comment for ids), appended to
 * `out` (a new array by default), which is returned.
 */
export function messageSegments(message: TelegramMessage, chat: ChatContext, out: SegmentInput[] = []): SegmentInput[] {
  // Built by assignment, not spreads: this runs once per message of exports of millions of them.
  // Key order is the one documents have always had (it shows in serialised JSON).
  const info: { -readonly [K in keyof MessageInfo]: MessageInfo[K] } = {
    platform: 'telegram',
    chatId: chat.chatId,
    chatName: chat.chatName,
    messageId: message.id,
    author: message.author,
    timestamp: message.timestamp,
    role: message.role,
  };
  if (message.forwardedFrom !== undefined) info.forwardedFrom = message.forwardedFrom;
  if (message.replyTo !== undefined) info.replyTo = message.replyTo;
  if (message.edited === true) info.edited = true;
  if (message.media !== undefined && message.media.length > 0) info.media = message.media;
  if (message.reactions !== undefined && message.reactions.length > 0) info.reactions = message.reactions;
  if (message.action !== undefined) info.action = message.action;
  const anchor = { messageId: message.id };
  const base = `m${message.id}`;
  const runs = mergeRuns(message.runs);
  let index = 0;
  const first = runs[0];
  if (first !== undefined && !first.quote) index = 1;
  out.push({ id: base, text: first !== undefined && !first.quote ? first.text : '', part: 'message', anchor, message: info });
  let quoteNo = -1;
  for (; index < runs.length; index++) {
    const run = runs[index] as TextRun;
    if (run.quote) quoteNo++;
    const id = run.quote ? `${base}.q${quoteNo}` : `${base}.t${quoteNo}`;
    out.push({ id, text: run.text, part: 'message', anchor, message: info });
  }
  const reactors = message.reactors;
  if (reactors !== undefined) {
    for (let k = 0; k < reactors.length; k++) {
      const reactor = reactors[k] as Reactor;
      out.push({
        id: `${base}.r${k}`,
        text: reactor.emoji,
        part: 'message',
        anchor,
        message: {
          platform: 'telegram',
          chatId: chat.chatId,
          chatName: chat.chatName,
          messageId: message.id,
          author: reactor.party,
          timestamp: reactor.timestamp,
          role: 'reaction',
          reactionTo: message.id,
        },
      });
    }
  }
  return out;
}

/** Converts a Unix time in seconds to ISO 8601 UTC (`…Z`, no fraction); null when out of range. */
export function unixToIso(seconds: number): string | null {
  if (!Number.isFinite(seconds) || Math.abs(seconds) > 8.64e12) return null;
  return new Date(Math.trunc(seconds) * 1000).toISOString().replace('.000Z', 'Z');
}
