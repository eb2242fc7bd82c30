/**
 * One message object of a Telegram Desktop `result.json` → `TelegramMessage`. Pure; runs in worker
 * threads as well as in the main thread. Anything it cannot read returns `null` and the caller
 * keeps the raw JSON as an `uninterpreted` segment.
 */
import type { MediaItem, Party, Reaction, Timestamp } from '../../core/document.js';
import type { Reactor, TelegramMessage, TextRun } from './message.js';
import { NO_TIMESTAMP, hasText, messageRole, unixToIso } from './message.js';

type Json = Record<string, unknown>;

/** Marker the exporter writes instead of a path when a file was not downloaded. */
const NOT_INCLUDED = /^\(File (not included|exceeds maximum size)/;

/** What `normalizeJsonMessage` returns for anything it cannot interpret. */
export interface Uninterpretable {
  readonly uninterpreted: true;
  /** Message id when the object has a usable one. */
  readonly id?: string;
  readonly author: Party;
  readonly timestamp: Timestamp;
  readonly reason: string;
}

/** Reads one message; never throws. */
export function normalizeJsonMessage(value: unknown): TelegramMessage | Uninterpretable {
  if (!isObject(value)) return bad(undefined, {}, 'not a JSON object');
  const id = messageIdOf(value.id);
  if (id === undefined) return bad(undefined, value, 'no usable "id"');
  const type = value.type;
  if (type !== 'message' && type !== 'service') return bad(id, value, `unknown message type ${JSON.stringify(type) ?? 'undefined'}`);
  const runs = textRuns(value);
  if (runs === null) return bad(id, value, 'unreadable "text"/"text_entities"');
  const timestamp = timestampOf(value);
  const reactions = reactionsOf(value.reactions);
  if (reactions === null) return bad(id, value, 'unreadable "reactions"');
  const media = mediaOf(value);
  // Built by assignment, not spreads: this runs once per message of very large exports.
  let message: Mutable<TelegramMessage>;
  if (type === 'service') {
    message = { id, timestamp, runs, author: partyOf(value.actor, value.actor_id), role: 'service', action: typeof value.action === 'string' ? value.action : 'unknown' };
  } else {
    const forwarded = 'forwarded_from' in value || 'saved_from' in value;
    const replyTo = messageIdOf(value.reply_to_message_id);
    message = {
      id,
      timestamp,
      runs,
      author: partyOf(value.from, value.from_id),
      role: messageRole({ forwarded, ...(replyTo !== undefined ? { replyTo } : {}), hasText: hasText(runs), mediaCount: media.length }),
    };
    if (forwarded) message.forwardedFrom = partyOf(value.forwarded_from !== undefined ? value.forwarded_from : value.saved_from, value.forwarded_from_id);
    if (replyTo !== undefined) message.replyTo = replyTo;
  }
  if (typeof value.edited === 'string' || typeof value.edited_unixtime === 'string') message.edited = true;
  if (reactions.reactions.length > 0) message.reactions = reactions.reactions;
  if (reactions.reactors.length > 0) message.reactors = reactions.reactors;
  if (media.length > 0) message.media = media;
  return message;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function bad(id: string | undefined, value: Json, reason: string): Uninterpretable {
  return {
    uninterpreted: true,
    ...(id !== undefined ? { id } : {}),
    author: partyOf(value.from ?? value.actor, value.from_id ?? value.actor_id),
    timestamp: timestampOf(value),
    reason,
  };
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function messageIdOf(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  if (typeof value === 'string' && /^-?\d{1,20}$/.test(value)) return value;
  return undefined;
}

/** Author or source as the export names it; `null` (deleted account) becomes an empty name. */
function partyOf(name: unknown, id: unknown): Party {
  const partyName = typeof name === 'string' ? name : '';
  if (typeof id === 'string' || typeof id === 'number') return { name: partyName, id: String(id) };
  return { name: partyName };
}

/**
 * Both fields when present: `date_unixtime` gives the instant (ISO UTC, offset recorded), `date`
 * is the exporting computer's wall clock (offset unknown) and is kept in `raw`.
 */
export function timestampOf(value: Json): Timestamp {
  const date = typeof value.date === 'string' ? value.date : undefined;
  const unix = typeof value.date_unixtime === 'string' || typeof value.date_unixtime === 'number' ? String(value.date_unixtime) : undefined;
  if (unix !== undefined && /^-?\d{1,15}$/.test(unix)) {
    const iso = unixToIso(Number(unix));
    if (iso !== null) return { iso, offset: 'recorded', raw: date !== undefined ? `${date} (unixtime ${unix})` : `unixtime ${unix}` };
  }
  if (date !== undefined) {
    const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/.test(date) ? date : null;
    return { iso, offset: 'unknown', raw: unix !== undefined ? `${date} (unixtime ${unix})` : date };
  }
  return unix !== undefined ? { iso: null, offset: 'unknown', raw: `unixtime ${unix}` } : NO_TIMESTAMP;
}

/**
 * Text as runs of own and quoted voice. `text_entities` is preferred (newer exports: always an
 * array of typed pieces); `text` may be a string or an array of strings and typed pieces.
 * Returns null when neither can be read.
 */
function textRuns(value: Json): TextRun[] | null {
  let runs: TextRun[] | null = entityRuns(value.text_entities);
  // Polls and the like put their content elsewhere; text then is empty but not missing.
  if (runs === null) {
    if (value.text === undefined && value.text_entities === undefined) runs = [];
    else if (typeof value.text === 'string') runs = [{ text: value.text, quote: false }];
    else runs = entityRuns(value.text);
    if (runs === null) return null;
  }
  if (value.poll !== undefined) for (const run of extraTextRuns(value)) runs.push(run);
  return runs;
}

function entityRuns(entities: unknown): TextRun[] | null {
  if (!Array.isArray(entities)) return null;
  const runs: TextRun[] = [];
  for (const entity of entities) {
    if (typeof entity === 'string') runs.push({ text: entity, quote: false });
    else if (isObject(entity) && typeof entity.text === 'string') runs.push({ text: entity.text, quote: entity.type === 'blockquote' });
    else return null;
  }
  return runs;
}

/** Poll questions and answers are text the author wrote: kept as own text after the message. */
function extraTextRuns(value: Json): TextRun[] {
  const poll = value.poll;
  if (!isObject(poll)) return [];
  const lines: string[] = [];
  if (typeof poll.question === 'string') lines.push(poll.question);
  if (Array.isArray(poll.answers)) for (const answer of poll.answers) if (isObject(answer) && typeof answer.text === 'string') lines.push(answer.text);
  return lines.length > 0 ? [{ text: lines.join('\n'), quote: false }] : [];
}

function inExport(path: unknown): boolean | 'unknown' {
  if (typeof path !== 'string') return 'unknown';
  return !NOT_INCLUDED.test(path);
}

function mediaOf(value: Json): MediaItem[] {
  const media: MediaItem[] = [];
  if (value.photo !== undefined) {
    media.push({ type: 'photo', ...(typeof value.photo === 'string' && !NOT_INCLUDED.test(value.photo) ? { fileName: value.photo } : {}), inExport: inExport(value.photo) });
  }
  if (value.file !== undefined || value.media_type !== undefined) {
    const type = typeof value.media_type === 'string' ? value.media_type : 'file';
    const fileName = typeof value.file_name === 'string' ? value.file_name : typeof value.file === 'string' && !NOT_INCLUDED.test(value.file) ? value.file : undefined;
    media.push({ type, ...(fileName !== undefined ? { fileName } : {}), inExport: inExport(value.file) });
  }
  for (const [key, type] of SIMPLE_MEDIA) if (value[key] !== undefined) media.push({ type, inExport: 'unknown' });
  return media;
}

/** Non-file attachments: their content is metadata, not a file that may be missing. */
const SIMPLE_MEDIA: ReadonlyArray<readonly [string, string]> = [
  ['poll', 'poll'],
  ['contact_information', 'contact'],
  ['location_information', 'location'],
  ['game_title', 'game'],
  ['invoice_information', 'invoice'],
  ['giveaway_information', 'giveaway'],
  ['todo_list', 'todo_list'],
];

/** Reactions with counts; named reactors (`recent`) become `Reactor`s. Null when malformed. */
function reactionsOf(value: unknown): { reactions: Reaction[]; reactors: Reactor[] } | null {
  if (value === undefined) return { reactions: [], reactors: [] };
  if (!Array.isArray(value)) return null;
  const reactions: Reaction[] = [];
  const reactors: Reactor[] = [];
  for (const item of value) {
    if (!isObject(item)) return null;
    const emoji = typeof item.emoji === 'string' ? item.emoji : typeof item.document_id === 'string' ? item.document_id : typeof item.type === 'string' ? item.type : '?';
    const from: Party[] = [];
    if (Array.isArray(item.recent)) {
      for (const who of item.recent) {
        if (!isObject(who)) return null;
        const party = partyOf(who.from, who.from_id);
        from.push(party);
        reactors.push({ party, emoji, timestamp: timestampOf(who) });
      }
    }
    reactions.push({ emoji, count: typeof item.count === 'number' ? item.count : from.length, from });
  }
  return { reactions, reactors };
}
