/**
 * Telegram Desktop exports: JSON (`result.json`, single chat or full account, streamed) and HTML
 * (`messages*.html` pages and the full-account index pages). See `message.ts` for how a message
 * becomes segments (own text, `.q<N>` blockquotes, `.<label><K>` extra parts, `.r<K>` reactions).
 */
import type { MessageRole, SozDocument } from '../../core/document.js';
import { compareCodeUnits } from '../../core/canonical-json.js';
import { createTelegramJsonAdapter } from './json-adapter.js';
import { SUB_SEGMENT_SUFFIX } from './message.js';

export { createTelegramJsonAdapter, detectTelegramJson } from './json-adapter.js';
export type { TelegramJsonOptions } from './json-adapter.js';
export { telegramHtmlAdapter, detectTelegramHtml, htmlTimestamp } from './html-adapter.js';
export { TelegramJsonScanner } from './json-scanner.js';
export type { ScanEvent, ChatMeta, MessageBatch } from './json-scanner.js';

/** The JSON adapter (format `telegram-json`) with default options (workers from `dist/`). */
export const telegramJsonAdapter = createTelegramJsonAdapter();

/** One participant of a chat: the author as named in the export and messages per role. */
export interface ChatParticipant {
  readonly author: { readonly name: string; readonly id?: string };
  /** Messages per role; a message split into quote sub-segments counts once. */
  readonly counts: Readonly<Partial<Record<MessageRole, number>>>;
  readonly total: number;
}

/**
 * Participants of the chat(s) in `doc`, from its segments: one entry per author (name + id), with
 * the number of messages in each role (reactions count per reaction). Sorted by author name,
 * then id, with code-unit order. Pure.
 */
export function chatParticipants(doc: Pick<SozDocument, 'segments'>): ChatParticipant[] {
  const byKey = new Map<string, { author: { name: string; id?: string }; counts: Partial<Record<MessageRole, number>>; total: number }>();
  const counted = new Set<string>();
  for (const segment of doc.segments) {
    const info = segment.message;
    if (info === undefined) continue;
    // Sub-segments (quotes, extra parts) of one message share the message; count the message once.
    const messageKey = info.role === 'reaction' ? segment.id : `${info.chatId}\u0000${info.messageId}\u0000${segment.id.replace(SUB_SEGMENT_SUFFIX, '')}`;
    if (counted.has(messageKey)) continue;
    counted.add(messageKey);
    const key = `${info.author.name}\u0000${info.author.id ?? ''}`;
    let entry = byKey.get(key);
    if (entry === undefined) {
      entry = { author: { name: info.author.name, ...(info.author.id !== undefined ? { id: info.author.id } : {}) }, counts: {}, total: 0 };
      byKey.set(key, entry);
    }
    entry.counts[info.role] = (entry.counts[info.role] ?? 0) + 1;
    entry.total++;
  }
  return [...byKey.entries()].sort((a, b) => compareCodeUnits(a[0], b[0])).map(([, value]) => value);
}
