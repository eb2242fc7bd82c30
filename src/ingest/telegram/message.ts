/**
 * The Telegram message model shared by the JSON and the HTML adapter, and the one place where a
 * message becomes segments, so both exports of the same chat give the same segments.
 *
 * Segment layout of one message (ids unique within a document):
 * - `m<id>`       the message's own text up to its first blockquote (possibly empty), always present;
 * - `m<id>.q<N>`  the N-th blockquote of the message (N from 0): text the author quotes;
 * - `m<id>.t<N>`  the message's own text after blockquote N (only when non-empty);
 * - `m<id>.<label><K>`  text the message carries outside its body, K-th of its label (from 0),
 *                 after the body segments: see `ExtraLabel` (link targets, buttons, contacts…);
 * - `m<id>.r<K>`  reaction K (from 0) by a named person, role `reaction`, text = the emoji.
 * Every text sub-segment carries the message's full `MessageInfo`, so filters by author or role
 * treat them alike; a `.q` suffix is the only mark of quoted voice until the core type has one,
 * and the label suffix the only mark of an extra part.
 */
import type { SegmentInput } from '../../core/document-builder.js';
import type { MediaItem, MessageInfo, MessageRole, Party, Reaction, Timestamp } from '../../core/document.js';

/** A stretch of message text; `quote` is true inside a blockquote entity / `<blockquote>`. */
export interface TextRun {
  readonly text: string;
  readonly quote: boolean;
}

/**
 * Text a message carries beside its body, kept as its own labelled segment (never dropped):
 * - `link`: the target (URL) of a link hidden behind text;
 * - `button`: an inline bot button, its label and its URL or data, one per line;
 * - `contact`: a shared contact's name and phone number;
 * - `place`: a venue's name and address;
 * - `title`: a group, channel or topic title set by a service message;
 * - `members`: people invited, removed or present at group creation, one per line;
 * - `inviter`: who shared the link a member joined by;
 * - `audio`: an audio file's performer and title;
 * - `sticker`: the emoji a sticker stands for;
 * - `game`, `invoice`, `giveaway`, `todo`: their titles, descriptions, prizes and items;
 * - `information`: the text of a custom service message.
 */
export const EXTRA_LABELS = ['link', 'button', 'contact', 'place', 'title', 'members', 'inviter', 'audio', 'sticker', 'game', 'invoice', 'giveaway', 'todo', 'information'] as const;
export type ExtraLabel = (typeof EXTRA_LABELS)[number];

/** The suffix of a segment id that marks a part of a message other than its first (`.q0`, `.t1`, `.link0`…). */
export const SUB_SEGMENT_SUFFIX = new RegExp(`\\.(?:q|t|${EXTRA_LABELS.join('|')})\\d+$`);

/** One extra part of a message (see `ExtraLabel`). */
export interface ExtraText {
  readonly label: ExtraLabel;
  readonly text: string;
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
  readonly signature?: string;
  readonly viaBot?: string;
  /** Extra parts, grouped by label (all parts of one label next to each other). */
  readonly extras?: readonly ExtraText[];
  /** Keys of the message object no reader knows, each once, in order of appearance (JSON export). */
  readonly unreadKeys?: readonly string[];
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

/** Whether runs hold any non-whitespace text (as `String#trim` defines whitespace). */
export function hasText(runs: readonly TextRun[]): boolean {
  // A scan that stops at the first visible character: `trim()` would copy every padded text.
  for (let r = 0; r < runs.length; r++) {
    const text = (runs[r] as TextRun).text;
    for (let i = 0; i < text.length; i++) if (!isTrimmedSpace(text.charCodeAt(i))) return true;
  }
  return false;
}

/**
 * Whether `String#trim` removes this UTF-16 code unit: ECMAScript WhiteSpace (tab, VT, FF, ZWNBSP
 * and the Unicode Zs category) and LineTerminator. Checked against `trim` for every code unit.
 */
export function isTrimmedSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
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
  if (message.signature !== undefined) info.signature = message.signature;
  if (message.viaBot !== undefined) info.viaBot = message.viaBot;
  const anchor = { messageId: message.id };
  const base = `m${message.id}`;
  // One pass over the runs: adjacent runs of one voice become one segment and empty runs are
  // skipped (an empty quote does not split own text). The first segment is own text, so a
  // message that opens with a quote gets an empty `m<id>`.
  const runs = message.runs;
  let id = base;
  let quote = false;
  let text = '';
  let quoteNo = -1;
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i] as TextRun;
    if (run.text === '') continue;
    if (run.quote === quote) {
      text += run.text;
      continue;
    }
    out.push({ id, text, part: 'message', anchor, message: info });
    quote = run.quote;
    if (quote) quoteNo++;
    id = quote ? `${base}.q${quoteNo}` : `${base}.t${quoteNo}`;
    text = run.text;
  }
  out.push({ id, text, part: 'message', anchor, message: info });
  const extras = message.extras;
  if (extras !== undefined) {
    // Numbered within each label; the mapper groups extras by label, so a change of label restarts.
    let k = 0;
    for (let e = 0; e < extras.length; e++) {
      const extra = extras[e] as ExtraText;
      k = e > 0 && (extras[e - 1] as ExtraText).label === extra.label ? k + 1 : 0;
      out.push({ id: `${base}.${extra.label}${k}`, text: extra.text, part: 'message', anchor, message: info });
    }
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

const SECONDS_PER_DAY = 86_400;

/** `00` … `99`, so formatting a time needs no `padStart` per field. */
const TWO_DIGITS: readonly string[] = Array.from({ length: 100 }, (_, n) => (n < 10 ? `0${n}` : String(n)));

/** The day and date part of the previous `unixToIso` call (a cache; results never depend on it). */
let lastDay = Number.NaN;
let lastDatePart = '';

/**
 * Converts a Unix time in seconds (fractions truncated) to ISO 8601 UTC (`…Z`, no fraction), the
 * same text as `new Date(s * 1000).toISOString()` without `.000`; null when outside the range of
 * `Date` (±8.64e12 s).
 */
export function unixToIso(seconds: number): string | null {
  if (!Number.isFinite(seconds) || Math.abs(seconds) > 8.64e12) return null;
  const s = Math.trunc(seconds);
  const day = Math.floor(s / SECONDS_PER_DAY);
  let rest = s - day * SECONDS_PER_DAY;
  const hours = Math.floor(rest / 3600);
  rest -= hours * 3600;
  const minutes = Math.floor(rest / 60);
  // Date#toISOString cost more than the rest of a message's mapping; plain arithmetic plus the
  // date part of the previous call (consecutive messages mostly share a day) is exact and cheap.
  if (day !== lastDay) {
    lastDatePart = datePart(day);
    lastDay = day;
  }
  // The time is joined first: a short flat string, then one rope node with the shared date part
  // (left to right every step would be a rope node, and messages keep their timestamps).
  const time = (TWO_DIGITS[hours] as string) + ':' + (TWO_DIGITS[minutes] as string) + ':' + (TWO_DIGITS[rest - minutes * 60] as string) + 'Z';
  return lastDatePart + time;
}

/**
 * `YYYY-MM-DDT` of a day counted from 1970-01-01 (day 0), in the proleptic Gregorian calendar of
 * `Date`; years outside 0…9999 as `+YYYYYY`/`-YYYYYY`, as `toISOString` writes them. The civil
 * date follows H. Hinnant's `civil_from_days` (eras of 400 years = 146097 days, from 0000-03-01).
 */
function datePart(day: number): string {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const dayOfMonth = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  const yearText = year >= 0 && year <= 9999 ? String(year).padStart(4, '0') : (year < 0 ? '-' : '+') + String(Math.abs(year)).padStart(6, '0');
  return `${yearText}-${TWO_DIGITS[month] as string}-${TWO_DIGITS[dayOfMonth] as string}T`;
}
