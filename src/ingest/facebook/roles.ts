import type { MediaItem, MessageRole, Reaction } from '../../core/document.js';
import type { UnreadKeyTally } from '../unread-keys.js';

/** Lines Meta writes itself into `content` for group events (English, Portuguese, Russian). */
const SERVICE = [
  / joined the group\.?$/u,
  / left the group\.?$/u,
  / added .+ to the group\.?$/u,
  / removed .+ from the group\.?$/u,
  / named the group /u,
  / changed the group photo\.?$/u,
  /'s poll has multiple updates\.?$/u,
  /^This poll is no longer available\.?$/u,
  / created a poll: /u,
  / voted for ".+" in the poll/u,
  / started (?:a |the )?(?:video )?call\.?$/u,
  /^The (?:video )?call ended\.?$/u,
  / missed (?:a |your )?(?:video )?call/u,
  / set (?:the|your|his|her) nickname /u,
  / set the (?:quick reaction|emoji) /u,
  / changed the (?:chat )?theme/u,
  / (?:entrou|saiu) (?:no|do) grupo\.?$/u,
  / (?:присоединил(?:ся|ась)|покинул(?:а)?) (?:к )?(?:групп[еу]|беседу|чат)/u,
];

/** Lines Meta writes for a reaction whose target it does not name (2025 Instagram layout). */
const REACTION_LINES = [
  /^Liked a message$/u,
  /^Reacted .+ to your message\s*$/u,
  /^.+ reacted .+ to your message\s*$/u,
  /^Gostou de uma mensagem$/u,
  /^Reagiu com .+ à (?:tua|sua) mensagem\s*$/u,
  /^Понравилось сообщение$/u,
  /^Отреагировал(?:\(а\)|а)? .+ на ваше сообщение\s*$/u,
];

const PLACEHOLDER = / sent an attachment\.$|^You sent an attachment\.$| отправил(?:а)? вложение\.$/u;

/** One message of Meta's JSON after mojibake repair (fields soz reads; others are ignored). */
export interface MetaMessage {
  readonly sender_name?: unknown;
  readonly timestamp_ms?: unknown;
  readonly content?: unknown;
  readonly is_unsent?: unknown;
  readonly type?: unknown;
  readonly users?: unknown;
  readonly call_duration?: unknown;
  readonly photos?: unknown;
  readonly videos?: unknown;
  readonly audio_files?: unknown;
  readonly files?: unknown;
  readonly gifs?: unknown;
  readonly sticker?: unknown;
  readonly share?: unknown;
  readonly reactions?: unknown;
}

/** Role, media and reactions of one message; `uninterpretable` when nothing in it can be read. */
export interface Interpreted {
  readonly role: MessageRole;
  readonly text: string;
  readonly media: readonly MediaItem[];
  readonly reactions: readonly Reaction[];
  readonly action?: string;
}

/** Reads one repaired message. Returns `undefined` for a message with no sender or no time. */
export function interpretMessage(m: MetaMessage): Interpreted | undefined {
  if (typeof m.sender_name !== 'string' || typeof m.timestamp_ms !== 'number') return undefined;
  const content = typeof m.content === 'string' ? m.content : undefined;
  const media = mediaOf(m);
  const reactions = reactionsOf(m.reactions);
  const text = content ?? '';
  if (m.is_unsent === true) return { role: 'deleted', text, media, reactions };
  const type = typeof m.type === 'string' ? m.type : '';
  if (['Subscribe', 'Unsubscribe', 'Call'].includes(type) || Array.isArray(m.users) || m.call_duration !== undefined || (content !== undefined && SERVICE.some((re) => re.test(content)))) {
    return { role: 'service', text, media, reactions, action: content ?? type };
  }
  if (content !== undefined && REACTION_LINES.some((re) => re.test(content))) return { role: 'reaction', text, media, reactions };
  if (media.length > 0 && (content === undefined || content === '' || PLACEHOLDER.test(content))) return { role: 'media-only', text, media, reactions };
  if (content !== undefined) return { role: 'authored', text, media, reactions };
  return { role: 'uninterpreted', text: '', media, reactions };
}

function mediaOf(m: MetaMessage): MediaItem[] {
  const items: MediaItem[] = [];
  const lists: [unknown, string][] = [
    [m.photos, 'photo'],
    [m.videos, 'video'],
    [m.audio_files, 'audio'],
    [m.files, 'file'],
    [m.gifs, 'animation'],
  ];
  for (const [list, type] of lists) {
    if (!Array.isArray(list)) continue;
    for (const item of list) items.push({ type, ...uriOf(item), inExport: 'unknown' });
  }
  if (m.sticker !== undefined && m.sticker !== null) items.push({ type: 'sticker', ...uriOf(m.sticker), inExport: 'unknown' });
  if (m.share !== undefined && m.share !== null && typeof m.share === 'object') {
    const link = (m.share as Record<string, unknown>)['link'];
    // A shared link lives online, not in the export.
    items.push({ type: 'share', ...(typeof link === 'string' ? { fileName: link } : {}), inExport: false });
  }
  return items;
}

function uriOf(item: unknown): { fileName?: string } {
  if (item === null || typeof item !== 'object') return {};
  const uri = (item as Record<string, unknown>)['uri'];
  return typeof uri === 'string' ? { fileName: uri } : {};
}

/** Groups `[{reaction, actor}]` by emoji in first-seen order; every actor is kept by name. */
export function reactionsOf(list: unknown): Reaction[] {
  if (!Array.isArray(list)) return [];
  const byEmoji = new Map<string, string[]>();
  for (const item of list) {
    if (item === null || typeof item !== 'object') continue;
    const { reaction, actor } = item as Record<string, unknown>;
    const emoji = typeof reaction === 'string' ? reaction : '';
    const actors = byEmoji.get(emoji) ?? [];
    actors.push(typeof actor === 'string' ? actor : '');
    byEmoji.set(emoji, actors);
  }
  return [...byEmoji].map(([emoji, actors]) => ({ emoji, count: actors.length, from: actors.map((name) => ({ name })) }));
}

/** Keys of a message this module reads. */
const READ_KEYS: ReadonlySet<string> = new Set(['sender_name', 'timestamp_ms', 'content', 'is_unsent', 'type', 'users', 'call_duration', 'photos', 'videos', 'audio_files', 'files', 'gifs', 'sticker', 'share', 'reactions']);

/**
 * Keys ignored on purpose: flags about how Meta displays the message to the account holder
 * (`is_geoblocked_for_viewer`, `is_unsent_image_by_messenger_kid_parent`) and Meta's internal
 * sender id (the sender's name is read). Anything else is counted as unread.
 */
const IGNORED_KEYS: ReadonlySet<string> = new Set(['is_geoblocked_for_viewer', 'is_unsent_image_by_messenger_kid_parent', 'sender_id_INTERNAL']);

/** Keys of a `share` object this module reads (`link` as the media item, `share_text` as a part). */
const SHARE_KEYS: ReadonlySet<string> = new Set(['link', 'share_text']);

/**
 * Text a message carries beside `content`, labelled as the Telegram adapter labels its parts: the
 * text of a shared post. (`users` of a service line are the people its `content` already names.)
 */
export function extraParts(m: MetaMessage): Array<{ label: 'share'; text: string }> {
  const parts: Array<{ label: 'share'; text: string }> = [];
  const share = m.share;
  if (share !== null && typeof share === 'object') {
    const text = (share as Record<string, unknown>)['share_text'];
    if (typeof text === 'string' && text !== '') parts.push({ label: 'share', text });
  }
  return parts;
}

/** Counts the keys of a message (and of its `share`) that are neither read nor ignored on purpose. */
export function countUnreadKeys(m: MetaMessage, messageId: string, tally: UnreadKeyTally): void {
  for (const key of Object.keys(m)) if (!READ_KEYS.has(key) && !IGNORED_KEYS.has(key)) tally.add(key, messageId);
  const share = m.share;
  if (share !== null && typeof share === 'object' && !Array.isArray(share)) {
    for (const key of Object.keys(share)) if (!SHARE_KEYS.has(key)) tally.add(`share.${key}`, messageId);
  }
}
