import { DocumentBuilder } from '../../core/document-builder.js';
import type { MessageInfo, Reaction, SozDocument } from '../../core/document.js';
import { UserError } from '../../core/errors.js';
import type { EvidenceInput, IngestAdapter } from '../adapter.js';
import { decodeText } from '../text-decode.js';
import { hasWideStrings, repairTree } from './mojibake.js';
import { guessPlatform } from './platform.js';
import type { MetaMessage } from './roles.js';
import { UnreadKeyTally } from '../unread-keys.js';
import { UnreadTally } from '../unread.js';
import { countUnreadKeys, extraParts, interpretMessage } from './roles.js';

/**
 * Facebook Messenger / Instagram "Download your information" JSON (`message_1.json`).
 *
 * - Meta's Latin-1 mojibake is repaired (per file: only when no string already holds proper
 *   Unicode), in every string value: content, sender, participants, reactions, title.
 * - Byte-identical repeated entries (the 2025 layout lists every message twice) are kept once
 *   and counted in notice `facebook.duplicates-removed`.
 * - Segments run in chronological order (export is newest-first; equal times keep the reversed
 *   export order). Meta gives no message ids: the id is the 1-based position of the message in
 *   the export's `messages` array (`m37` = 37th entry), so it points back into the file.
 * - Text a message carries beside `content` becomes its own segment after it, with the message's
 *   metadata: `m37.share0` (the text of a shared post). Keys soz neither reads nor ignores on
 *   purpose (`roles.ts`) are counted in one `facebook.unread-key` warning: key, messages, first
 *   message.
 * - Reactions stay attached to the message they react to (`MessageInfo.reactions`, each with the
 *   names of who reacted), and each person's reaction is also a segment `m37.r0`, `m37.r1`… with
 *   role `reaction` and that person as author, as Telegram's are; Meta's own lines "Liked a message" / "Reacted 😂 to
 *   your message" become segments with role `reaction` (their target is not named by Meta).
 */
export const facebookAdapter: IngestAdapter = {
  id: 'facebook',
  format: 'facebook-json',
  detect: detectFacebook,
  extract: extractFacebook,
};

/** True for a JSON object whose head shows Meta's message layout (`sender_name`, `timestamp_ms`). */
export function detectFacebook(input: Pick<EvidenceInput, 'head'>): boolean {
  const text = new TextDecoder('utf-8').decode(input.head).replace(/^\ufeff/u, '');
  return text.trimStart().startsWith('{') && text.includes('"messages"') && text.includes('"sender_name"') && text.includes('"timestamp_ms"');
}

async function* extractFacebook(input: EvidenceInput): AsyncIterable<SozDocument> {
  const decoded = decodeText(await input.bytes());
  yield buildFacebookDocument(decoded.text, input, { encoding: decoded.encoding });
}

/** Builds the document from the export's decoded JSON text (pure; exported for tests). */
export function buildFacebookDocument(
  json: string,
  input: Pick<EvidenceInput, 'name' | 'sha256' | 'entry' | 'limits'>,
  extraProperties: Record<string, string> = {},
): SozDocument {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UserError(`${input.name}: not valid JSON (${reason}); a Facebook/Instagram export must be the unmodified message_N.json`, 'facebook.invalid-json', undefined, { key: 'error.ingest.facebook-json', params: { name: input.name, reason } });
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed) || !Array.isArray((parsed as Record<string, unknown>)['messages'])) {
    throw new UserError(`${input.name}: JSON without a "messages" list; this is not a Facebook/Instagram message_N.json thread`, 'facebook.not-a-thread', undefined, { key: 'error.ingest.facebook-no-messages', params: { name: input.name } });
  }
  const original = parsed as Record<string, unknown>;
  const mojibake = !hasWideStrings(original, input.limits.maxDepth, input.name);
  const { value, repaired } = mojibake ? repairTree(original, input.limits.maxDepth, input.name) : { value: original, repaired: 0 };
  const root = value as Record<string, unknown>;
  const rawMessages = original['messages'] as unknown[];
  const messages = root['messages'] as unknown[];
  if (messages.length > input.limits.maxSegments) {
    throw new UserError(`${input.name}: ${messages.length} messages exceed the limit of ${input.limits.maxSegments}; raise it with --max-segments`, 'limit.segments', undefined, { key: 'error.limit.messages', params: { name: input.name, count: messages.length, limit: input.limits.maxSegments } });
  }

  // De-duplicate byte-identical entries; the key is the entry as written (same key order).
  const seen = new Set<string>();
  const kept: { index: number; message: unknown }[] = [];
  rawMessages.forEach((raw, index) => {
    const key = JSON.stringify(raw) ?? 'undefined';
    if (seen.has(key)) return;
    seen.add(key);
    kept.push({ index: index + 1, message: messages[index] });
  });
  const duplicates = rawMessages.length - kept.length;
  const chronological = kept.reverse().sort((a, b) => compareTimes(timeOf(a.message), timeOf(b.message)));

  const participants = participantNames(root['participants']);
  const title = typeof root['title'] === 'string' ? root['title'] : undefined;
  const chatName = title ?? (participants.length > 0 ? participants.join(', ') : input.name);
  const chatId = typeof root['thread_path'] === 'string' ? root['thread_path'] : (input.entry ?? input.name);
  const platform = guessPlatform(json, root, [input.entry ?? '', input.name]);

  const builder = new DocumentBuilder({ sha256: input.sha256, name: input.name, ...(input.entry !== undefined ? { entry: input.entry } : {}) }, 'facebook-json');
  let uninterpreted = 0;
  let untargetedReactions = 0;
  const unread = new UnreadKeyTally();
  const sameTime = new Map<string, number>();
  for (const { index, message } of chronological) {
    const id = String(index);
    const m = (message !== null && typeof message === 'object' ? message : {}) as MetaMessage;
    const read = interpretMessage(m);
    const ts = typeof m.timestamp_ms === 'number' ? m.timestamp_ms : undefined;
    const author = typeof m.sender_name === 'string' ? m.sender_name : '';
    if (read === undefined || read.role === 'uninterpreted') uninterpreted += 1;
    if (read?.role === 'reaction') untargetedReactions += 1;
    if (ts !== undefined) sameTime.set(`${author}\u0000${ts}`, (sameTime.get(`${author}\u0000${ts}`) ?? 0) + 1);
    const info: MessageInfo = {
      platform: platform.platform,
      chatId,
      chatName,
      messageId: id,
      author: { name: author },
      timestamp: { iso: isoOf(ts), offset: 'recorded', raw: m.timestamp_ms === undefined ? '' : String(JSON.stringify(m.timestamp_ms)) },
      role: read?.role ?? 'uninterpreted',
      ...(read?.action !== undefined ? { action: read.action } : {}),
      ...(read && read.media.length > 0 ? { media: read.media } : {}),
      ...(read && read.reactions.length > 0 ? { reactions: read.reactions } : {}),
    };
    const text = read === undefined || read.role === 'uninterpreted' ? (JSON.stringify(message) ?? '') : read.text;
    builder.add({ id: `m${id}`, text, part: 'message', anchor: { messageId: id }, message: info });
    // An uninterpreted entry is kept whole as JSON: nothing of it is left unread.
    if (read === undefined || read.role === 'uninterpreted') {
      if (read) addReactionSegments(builder, info, read.reactions);
      continue;
    }
    for (const extra of extraParts(m)) builder.add({ id: `m${id}.${extra.label}0`, text: extra.text, part: 'message', anchor: { messageId: id }, message: info });
    addReactionSegments(builder, info, read.reactions);
    countUnreadKeys(m, id, unread);
  }
  const unreadNotice = unread.notice('facebook.unread-key');
  if (unreadNotice !== undefined) builder.notice(unreadNotice);
  for (const notice of unreadThreadKeys(root, input.name)) builder.notice(notice);

  if (repaired > 0) {
    builder.notice({ code: 'facebook.mojibake-repaired', severity: 'info', message: `${repaired} text value(s) were stored by Meta as UTF-8 bytes escaped one by one (Latin-1 mojibake) and were decoded back to the characters written` });
  }
  if (duplicates > 0) {
    builder.notice({
      code: 'facebook.duplicates-removed',
      severity: 'warning',
      message: `${duplicates} of the export's ${rawMessages.length} message entries are byte-identical repeats of an earlier entry (the 2025 export lists messages twice); each is counted once, ${kept.length} messages kept — message counts from other tools may be double`,
    });
  }
  const variants = [...sameTime.values()].filter((n) => n > 1).length;
  if (variants > 0) {
    builder.notice({
      code: 'facebook.same-time-variants',
      severity: 'info',
      message: `${variants} time(s) carry more than one different entry from the same sender at the same millisecond (e.g. one event written in two interface languages); all are kept`,
    });
  }
  if (untargetedReactions > 0) {
    builder.notice({ code: 'facebook.reaction-target-unknown', severity: 'info', message: `${untargetedReactions} reaction line(s) such as "Liked a message" do not say which message they react to` });
  }
  if (uninterpreted > 0) {
    builder.notice({ code: 'facebook.uninterpreted', severity: 'warning', message: `${uninterpreted} message entr(ies) have no readable text, media or sender/time; kept verbatim as JSON in uninterpreted segments` });
  }
  if (platform.strength !== 'marker') {
    builder.notice({
      code: 'facebook.platform-uncertain',
      severity: platform.strength === 'none' ? 'warning' : 'info',
      message: `recorded as ${platform.platform}: ${platform.evidence}`,
    });
  }
  return builder.build({
    ...extraProperties,
    platform: platform.platform,
    platformEvidence: platform.evidence,
    exportEntries: rawMessages.length,
    messages: kept.length,
    duplicatesRemoved: duplicates,
    mojibakeRepaired: repaired,
    participants: participants.join('; '),
  });
}

/**
 * One `m<id>.r<K>` segment per person who reacted (K from 0, in the export's order), role
 * `reaction`, text the emoji, author the one who reacted, as Telegram's: so `--role reaction` and
 * `--author` select them and a reaction is never read as the words of the message it marks. Meta
 * gives no time for a reaction.
 */
function addReactionSegments(builder: DocumentBuilder, info: MessageInfo, reactions: readonly Reaction[]): void {
  let k = 0;
  for (const reaction of reactions) {
    for (const party of reaction.from) {
      builder.add({
        id: `m${info.messageId}.r${k++}`,
        text: reaction.emoji,
        part: 'message',
        anchor: { messageId: info.messageId },
        message: { platform: info.platform, chatId: info.chatId, chatName: info.chatName, messageId: info.messageId, author: party, timestamp: { iso: null, offset: 'unknown', raw: '' }, role: 'reaction', reactionTo: info.messageId },
      });
    }
  }
}

function participantNames(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  return list.map((p) => (p !== null && typeof p === 'object' && typeof (p as Record<string, unknown>)['name'] === 'string' ? ((p as Record<string, unknown>)['name'] as string) : ''));
}

function timeOf(message: unknown): number {
  const ts = message !== null && typeof message === 'object' ? (message as Record<string, unknown>)['timestamp_ms'] : undefined;
  return typeof ts === 'number' && Number.isFinite(ts) ? ts : Number.NEGATIVE_INFINITY;
}

function compareTimes(a: number, b: number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `timestamp_ms` is milliseconds since 1970 UTC; outside Date's range → null. */
function isoOf(ms: number | undefined): string | null {
  if (ms === undefined || !Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return null;
  return new Date(ms).toISOString();
}

/** Thread keys read (`messages`, `participants`, `title`, `thread_path`) or bookkeeping without text. */
const THREAD_KEYS_ACCOUNTED = new Set(['messages', 'participants', 'title', 'thread_path', 'is_still_participant', 'thread_type']);

/** One `facebook.not-read` warning per thread key with a value soz does not read (invite link, magic words, picture …). */
function unreadThreadKeys(root: Record<string, unknown>, fileName: string): ReturnType<UnreadTally['notices']> {
  const tally = new UnreadTally();
  for (const [key, value] of Object.entries(root)) {
    if (THREAD_KEYS_ACCOUNTED.has(key) || isEmptyValue(value)) continue;
    tally.note(`thread key ${JSON.stringify(key.slice(0, 60))}`, 'thread');
  }
  return tally.notices(fileName, 'facebook');
}

function isEmptyValue(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === 'object' && Object.keys(value).length === 0;
}
