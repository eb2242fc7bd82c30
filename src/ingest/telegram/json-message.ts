/**
 * One message object of a Telegram Desktop `result.json` → `TelegramMessage`. Pure; runs in worker
 * threads as well as in the main thread. Anything it cannot read becomes an `Uninterpretable` and
 * the caller keeps the raw JSON as an `uninterpreted` segment.
 *
 * This runs once per message of exports with millions of them, so it avoids per-message regular
 * expressions, object spreads and throw-away objects; each field is read from the message once.
 * The objects it returns (and their key order, which shows in serialised documents) must not
 * change: `json-message.test.ts` pins them.
 */
import type { MediaItem, Party, Reaction, Timestamp } from '../../core/document.js';
import type { ExtraLabel, ExtraText, Reactor, TelegramMessage, TextRun } from './message.js';
import { NO_TIMESTAMP, hasText, messageRole, unixToIso } from './message.js';

type Json = Record<string, unknown>;
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

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
  if (!isObject(value)) return bad(undefined, NO_FIELDS, 'not a JSON object');
  const f = fieldsOf(value);
  const id = messageIdOf(f.id);
  if (id === undefined) return bad(undefined, f, 'no usable "id"');
  const type = f.type;
  if (type !== 'message' && type !== 'service') return bad(id, f, `unknown message type ${JSON.stringify(type) ?? 'undefined'}`);
  const runs = textRuns(f);
  if (runs === null) return bad(id, f, 'unreadable "text"/"text_entities"');
  const timestamp = timestampFrom(f.date, f.date_unixtime);
  const reactions = reactionsOf(f.reactions);
  if (reactions === null) return bad(id, f, 'unreadable "reactions"');
  const media = mediaOf(f);
  // Built by assignment, not spreads; the key order is the one documents have always had.
  let message: Mutable<TelegramMessage>;
  if (type === 'service') {
    message = { id, timestamp, runs, author: partyOf(f.actor, f.actor_id), role: 'service', action: typeof f.action === 'string' ? f.action : 'unknown' };
  } else {
    const forwarded = f.hasForwardedFrom || f.hasSavedFrom;
    const replyTo = messageIdOf(f.reply_to_message_id);
    message = {
      id,
      timestamp,
      runs,
      author: partyOf(f.from, f.from_id),
      role: messageRole({ forwarded, replyTo, hasText: hasText(runs), mediaCount: media.length }),
    };
    if (forwarded) message.forwardedFrom = partyOf(f.forwarded_from !== undefined ? f.forwarded_from : f.saved_from, f.forwarded_from_id);
    if (replyTo !== undefined) message.replyTo = replyTo;
  }
  if (typeof f.edited === 'string' || typeof f.edited_unixtime === 'string') message.edited = true;
  if (reactions.reactions.length > 0) message.reactions = reactions.reactions;
  if (reactions.reactors.length > 0) message.reactors = reactions.reactors;
  if (media.length > 0) message.media = media;
  if (typeof f.author === 'string') message.signature = f.author;
  if (typeof f.via_bot === 'string') message.viaBot = f.via_bot;
  if (f.hasExtras || linkTargets.length > 0) {
    const extras = extrasOf(f, type === 'service');
    if (extras !== undefined) message.extras = extras;
  }
  if (f.unread !== undefined) message.unreadKeys = f.unread;
  return message;
}

/** The fields of a message object this module reads; a field the message lacks is `undefined`. */
class MessageFields {
  id: unknown;
  type: unknown;
  date: unknown;
  date_unixtime: unknown;
  text: unknown;
  text_entities: unknown;
  from: unknown;
  from_id: unknown;
  actor: unknown;
  actor_id: unknown;
  action: unknown;
  forwarded_from: unknown;
  forwarded_from_id: unknown;
  saved_from: unknown;
  reply_to_message_id: unknown;
  edited: unknown;
  edited_unixtime: unknown;
  reactions: unknown;
  photo: unknown;
  file: unknown;
  file_name: unknown;
  media_type: unknown;
  poll: unknown;
  contact_information: unknown;
  location_information: unknown;
  game_title: unknown;
  invoice_information: unknown;
  giveaway_information: unknown;
  todo_list: unknown;
  author: unknown;
  via_bot: unknown;
  inline_bot_buttons: unknown;
  place_name: unknown;
  address: unknown;
  title: unknown;
  new_title: unknown;
  members: unknown;
  inviter: unknown;
  performer: unknown;
  sticker_emoji: unknown;
  game_description: unknown;
  game_link: unknown;
  information_text: unknown;
  /** Keys neither read nor deliberately ignored (see `fieldsOf`), each once; absent when none. */
  unread: string[] | undefined;
  /** Whether a key that may hold extra text (see `extrasOf`) is there: most messages have none. */
  hasExtras = false;
  /** Whether the key is there at all: a forward from a deleted account has `"forwarded_from": null`. */
  hasForwardedFrom = false;
  hasSavedFrom = false;
}

const NO_FIELDS: MessageFields = Object.freeze(new MessageFields());

/**
 * One pass over the message's keys. Messages come in dozens of shapes (each combination of
 * optional keys is one), and looking up ~30 names, most of them absent, on objects of so many
 * shapes cost more than all the mapping that follows; a `for…in` with a `switch` does not.
 */
function fieldsOf(value: Json): MessageFields {
  const f = new MessageFields();
  for (const key in value) {
    const field = value[key];
    switch (key) {
      case 'id': f.id = field; break;
      case 'type': f.type = field; break;
      case 'date': f.date = field; break;
      case 'date_unixtime': f.date_unixtime = field; break;
      case 'text': f.text = field; break;
      case 'text_entities': f.text_entities = field; break;
      case 'from': f.from = field; break;
      case 'from_id': f.from_id = field; break;
      case 'actor': f.actor = field; break;
      case 'actor_id': f.actor_id = field; break;
      case 'action': f.action = field; break;
      case 'forwarded_from': f.forwarded_from = field; f.hasForwardedFrom = true; break;
      case 'forwarded_from_id': f.forwarded_from_id = field; break;
      case 'saved_from': f.saved_from = field; f.hasSavedFrom = true; break;
      case 'reply_to_message_id': f.reply_to_message_id = field; break;
      case 'edited': f.edited = field; break;
      case 'edited_unixtime': f.edited_unixtime = field; break;
      case 'reactions': f.reactions = field; break;
      case 'photo': f.photo = field; break;
      case 'file': f.file = field; break;
      case 'file_name': f.file_name = field; break;
      case 'media_type': f.media_type = field; break;
      case 'poll': f.poll = field; break;
      case 'contact_information': f.contact_information = field; f.hasExtras = true; break;
      case 'location_information': f.location_information = field; break;
      case 'game_title': f.game_title = field; f.hasExtras = true; break;
      case 'invoice_information': f.invoice_information = field; f.hasExtras = true; break;
      case 'giveaway_information': f.giveaway_information = field; f.hasExtras = true; break;
      case 'todo_list': f.todo_list = field; f.hasExtras = true; break;
      case 'author': f.author = field; break;
      case 'via_bot': f.via_bot = field; break;
      case 'inline_bot_buttons': f.inline_bot_buttons = field; f.hasExtras = true; break;
      case 'place_name': f.place_name = field; f.hasExtras = true; break;
      case 'address': f.address = field; f.hasExtras = true; break;
      case 'title': f.title = field; f.hasExtras = true; break;
      case 'new_title': f.new_title = field; f.hasExtras = true; break;
      case 'members': f.members = field; f.hasExtras = true; break;
      case 'inviter': f.inviter = field; f.hasExtras = true; break;
      case 'performer': f.performer = field; f.hasExtras = true; break;
      case 'sticker_emoji': f.sticker_emoji = field; f.hasExtras = true; break;
      case 'game_description': f.game_description = field; f.hasExtras = true; break;
      case 'game_link': f.game_link = field; f.hasExtras = true; break;
      case 'information_text': f.information_text = field; f.hasExtras = true; break;
      // Deliberately not read: metadata that is neither text nor needed for a finding's place or
      // role — file sizes and paths of thumbnails, dimensions, durations, ids of related messages
      // and peers, payment amounts, timers, theme emoji, poll-free giveaway results.
      case 'photo_file_size':
      case 'file_size':
      case 'thumbnail':
      case 'thumbnail_file_size':
      case 'mime_type':
      case 'duration_seconds':
      case 'width':
      case 'height':
      case 'media_spoiler':
      case 'self_destruct_period_seconds':
      case 'live_location_period_seconds':
      case 'contact_vcard':
      case 'contact_vcard_file_size':
      case 'message_id':
      case 'reply_to_peer_id':
      case 'game_message_id':
      case 'invoice_message_id':
      case 'score':
      case 'amount':
      case 'currency':
      case 'recurring':
      case 'discard_reason':
      case 'duration':
      case 'period':
      case 'schedule_date':
      case 'emoticon':
      case 'new_icon_emoji_id':
      case 'button_id':
      case 'peer_id':
      case 'values':
      case 'distance':
      case 'to':
      case 'to_id':
      case 'reason_app_id':
      case 'reason_app_name':
      case 'reason_domain':
      case 'cost':
      case 'months':
      case 'paid_stars_amount':
      case 'giveaway_results':
        break;
      default:
        (f.unread ??= []).push(key);
    }
  }
  return f;
}

function bad(id: string | undefined, f: MessageFields, reason: string): Uninterpretable {
  const out = { uninterpreted: true } as Mutable<Uninterpretable>;
  if (id !== undefined) out.id = id;
  out.author = partyOf(f.from ?? f.actor, f.from_id ?? f.actor_id);
  out.timestamp = timestampFrom(f.date, f.date_unixtime);
  out.reason = reason;
  return out;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function messageIdOf(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  if (typeof value === 'string' && isIntegerText(value, 20)) return value;
  return undefined;
}

/**
 * Whether `text` is an optional `-` followed by 1 to `maxDigits` ASCII digits (the regular
 * expression `^-?\d{1,maxDigits}$`, without running one per message).
 */
function isIntegerText(text: string, maxDigits: number): boolean {
  const start = text.charCodeAt(0) === 0x2d ? 1 : 0;
  const digits = text.length - start;
  if (digits < 1 || digits > maxDigits) return false;
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

/** Author or source as the export names it; `null` (deleted account) becomes an empty name. */
function partyOf(name: unknown, id: unknown): Party {
  const partyName = typeof name === 'string' ? name : '';
  if (typeof id === 'string' || typeof id === 'number') return { name: partyName, id: String(id) };
  return { name: partyName };
}

const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;

/**
 * Both fields when present: `date_unixtime` gives the instant (ISO UTC, offset recorded), `date`
 * is the exporting computer's wall clock (offset unknown) and is kept in `raw`.
 */
export function timestampOf(value: Json): Timestamp {
  return timestampFrom(value.date, value.date_unixtime);
}

/** `timestampOf` for the values of `date` and `date_unixtime`. */
function timestampFrom(dateValue: unknown, unixValue: unknown): Timestamp {
  const date = typeof dateValue === 'string' ? dateValue : undefined;
  const unix = typeof unixValue === 'string' ? unixValue : typeof unixValue === 'number' ? String(unixValue) : undefined;
  if (unix !== undefined && isIntegerText(unix, 15)) {
    const iso = unixToIso(Number(unix));
    if (iso !== null) return { iso, offset: 'recorded', raw: date !== undefined ? `${date} (unixtime ${unix})` : `unixtime ${unix}` };
  }
  if (date !== undefined) {
    const iso = LOCAL_DATE_TIME.test(date) ? date : null;
    return { iso, offset: 'unknown', raw: unix !== undefined ? `${date} (unixtime ${unix})` : date };
  }
  return unix !== undefined ? { iso: null, offset: 'unknown', raw: `unixtime ${unix}` } : NO_TIMESTAMP;
}

/**
 * Text as runs of own and quoted voice. `text_entities` is preferred (newer exports: always an
 * array of typed pieces); `text` may be a string or an array of strings and typed pieces.
 * Returns null when neither can be read.
 */
function textRuns(f: MessageFields): TextRun[] | null {
  const entities = f.text_entities;
  let runs: TextRun[] | null = entityRuns(entities);
  // Telegram Desktop writes both from one text; an edited file may not. The other version stays in the evidence file, counted.
  if (runs !== null && f.text !== undefined && flatText(f.text) !== runsText(runs)) (f.unread ??= []).push(TEXT_DIFFERS);
  // Polls and the like put their content elsewhere; text then is empty but not missing.
  if (runs === null) {
    const text = f.text;
    if (text === undefined && entities === undefined) runs = [];
    else if (typeof text === 'string') {
      linkTargets.length = 0;
      runs = [{ text, quote: false }];
    } else runs = entityRuns(text);
    if (runs === null) return null;
  }
  if (f.poll !== undefined) {
    const pollText = pollRun(f.poll);
    if (pollText !== null) runs.push(pollText);
  }
  return runs;
}

/** How a `text` that says something else than `text_entities` is named in the unread-key notice. */
const TEXT_DIFFERS = 'text (differs from text_entities)';

/** The characters of a `text` value: a string, or an array of strings and pieces with a `text`. */
function flatText(text: unknown): string | undefined {
  if (typeof text === 'string') return text;
  if (!Array.isArray(text)) return undefined;
  let out = '';
  for (const piece of text) {
    if (typeof piece === 'string') out += piece;
    else if (isObject(piece) && typeof piece.text === 'string') out += piece.text;
    else return undefined;
  }
  return out;
}

function runsText(runs: readonly TextRun[]): string {
  return runs.length === 1 ? runs[0]!.text : runs.map((run) => run.text).join('');
}

/**
 * Targets of `text_link` entities of the runs `entityRuns` read last (a scratch list reused for
 * every message: most messages have none, and a list per message would be garbage).
 */
const linkTargets: string[] = [];

function entityRuns(entities: unknown): TextRun[] | null {
  linkTargets.length = 0;
  if (!Array.isArray(entities)) return null;
  // Sized up front: runs live as long as the message, and an array grown by `push` keeps room
  // for 17 elements where most messages have one or two.
  const runs = new Array<TextRun>(entities.length);
  for (let i = 0; i < entities.length; i++) {
    const entity: unknown = entities[i];
    if (typeof entity === 'string') {
      runs[i] = { text: entity, quote: false };
      continue;
    }
    if (!isObject(entity)) return null;
    const text = entity.text;
    if (typeof text !== 'string') return null;
    const type = entity.type;
    runs[i] = { text, quote: type === 'blockquote' };
    if (type === 'text_link' && typeof entity.href === 'string') linkTargets.push(entity.href);
  }
  return runs;
}

/** Poll questions and answers are text the author wrote: kept as own text after the message. */
function pollRun(poll: unknown): TextRun | null {
  if (!isObject(poll)) return null;
  const lines: string[] = [];
  if (typeof poll.question === 'string') lines.push(poll.question);
  if (Array.isArray(poll.answers)) for (const answer of poll.answers) if (isObject(answer) && typeof answer.text === 'string') lines.push(answer.text);
  return lines.length > 0 ? { text: lines.join('\n'), quote: false } : null;
}

/**
 * Text the message carries outside its body (see `ExtraLabel`), grouped by label; undefined when
 * there is none (most messages). Reads the link targets `textRuns` left in `linkTargets`.
 */
function extrasOf(f: MessageFields, service: boolean): ExtraText[] | undefined {
  let extras: ExtraText[] | undefined;
  const add = (label: ExtraLabel, text: string): void => {
    if (text !== '') (extras ??= []).push({ label, text });
  };
  for (let i = 0; i < linkTargets.length; i++) add('link', linkTargets[i] as string);
  if (f.inline_bot_buttons !== undefined) for (const button of buttonsOf(f.inline_bot_buttons)) add('button', button);
  const contact = f.contact_information;
  if (isObject(contact)) add('contact', lines([`${plainText(contact.first_name)} ${plainText(contact.last_name)}`.trim(), contact.phone_number]));
  if (f.place_name !== undefined || f.address !== undefined) add('place', lines([f.place_name, f.address]));
  // A service message's `title` is the group's new title; a media message's the song title.
  if (service) add('title', lines([f.title, f.new_title]));
  if (Array.isArray(f.members)) add('members', lines(f.members));
  add('inviter', plainText(f.inviter));
  if (!service && (f.performer !== undefined || f.title !== undefined)) add('audio', lines([f.performer, f.title]));
  add('sticker', plainText(f.sticker_emoji));
  if (f.game_title !== undefined || f.game_description !== undefined) add('game', lines([f.game_title, f.game_description, f.game_link]));
  const invoice = f.invoice_information;
  if (isObject(invoice)) add('invoice', lines([invoice.title, invoice.description]));
  const giveaway = f.giveaway_information;
  if (isObject(giveaway)) add('giveaway', plainText(giveaway.additional_prize));
  const todo = f.todo_list;
  if (isObject(todo)) add('todo', lines([todo.title, ...(Array.isArray(todo.items) ? todo.items.map((item: unknown) => (isObject(item) ? item.text : item)) : [])]));
  add('information', plainText(f.information_text));
  return extras;
}

/** Each inline bot button as its label, forward text and URL or data, one per line. */
function buttonsOf(rows: unknown): string[] {
  const buttons: string[] = [];
  if (!Array.isArray(rows)) return buttons;
  for (const row of rows) {
    if (!Array.isArray(row)) continue;
    for (const button of row) if (isObject(button)) buttons.push(lines([button.text, button.forward_text, button.data]));
  }
  return buttons;
}

/** The non-empty texts among `values`, one per line (strings, or Telegram's arrays of text pieces). */
function lines(values: readonly unknown[]): string {
  let out = '';
  for (const value of values) {
    const text = plainText(value);
    if (text !== '') out = out === '' ? text : `${out}\n${text}`;
  }
  return out;
}

/**
 * A string, or the text of a Telegram text value (an array of strings and `{ text }` pieces, as
 * `text` and to-do items are written); '' for anything else.
 */
function plainText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (!Array.isArray(value)) return '';
  let out = '';
  for (const piece of value) out += typeof piece === 'string' ? piece : isObject(piece) && typeof piece.text === 'string' ? piece.text : '';
  return out;
}

/** Whether a path is the marker the exporter writes instead of a file it did not download. */
function isNotIncluded(path: string): boolean {
  return path.startsWith('(File not included') || path.startsWith('(File exceeds maximum size');
}

function mediaItem(type: string, fileName: string | undefined, inExport: boolean | 'unknown'): MediaItem {
  const item: Mutable<MediaItem> = { type } as Mutable<MediaItem>;
  if (fileName !== undefined) item.fileName = fileName;
  item.inExport = inExport;
  return item;
}

/** Shared by every message without media; never mutated (the caller only reads its length). */
const NO_MEDIA: readonly MediaItem[] = Object.freeze([]);

function mediaOf(f: MessageFields): readonly MediaItem[] {
  let media: MediaItem[] | undefined;
  const photo = f.photo;
  if (photo !== undefined) {
    const path = typeof photo === 'string' ? photo : undefined;
    const missing = path !== undefined && isNotIncluded(path);
    media = [mediaItem('photo', missing ? undefined : path, path === undefined ? 'unknown' : !missing)];
  }
  const file = f.file;
  const mediaType = f.media_type;
  if (file !== undefined || mediaType !== undefined) {
    const path = typeof file === 'string' ? file : undefined;
    const missing = path !== undefined && isNotIncluded(path);
    const givenName = f.file_name;
    const fileName = typeof givenName === 'string' ? givenName : missing ? undefined : path;
    (media ??= []).push(mediaItem(typeof mediaType === 'string' ? mediaType : 'file', fileName, path === undefined ? 'unknown' : !missing));
  }
  // Non-file attachments: their content is metadata, not a file that may be missing.
  if (f.poll !== undefined) (media ??= []).push({ type: 'poll', inExport: 'unknown' });
  if (f.contact_information !== undefined) (media ??= []).push({ type: 'contact', inExport: 'unknown' });
  if (f.location_information !== undefined) (media ??= []).push({ type: 'location', inExport: 'unknown' });
  if (f.game_title !== undefined) (media ??= []).push({ type: 'game', inExport: 'unknown' });
  if (f.invoice_information !== undefined) (media ??= []).push({ type: 'invoice', inExport: 'unknown' });
  if (f.giveaway_information !== undefined) (media ??= []).push({ type: 'giveaway', inExport: 'unknown' });
  if (f.todo_list !== undefined) (media ??= []).push({ type: 'todo_list', inExport: 'unknown' });
  return media ?? NO_MEDIA;
}

interface Reactions {
  readonly reactions: readonly Reaction[];
  readonly reactors: readonly Reactor[];
}

/** Shared by every message without reactions; never mutated. */
const NO_REACTIONS: Reactions = Object.freeze({ reactions: Object.freeze([]), reactors: Object.freeze([]) });

/** Reactions with counts; named reactors (`recent`) become `Reactor`s. Null when malformed. */
function reactionsOf(value: unknown): Reactions | null {
  if (value === undefined) return NO_REACTIONS;
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
