/**
 * Telegram Desktop JSON export (`result.json`), single chat or full account, streamed.
 *
 * One document per chat. A single-chat export gives one document without `entry`; a full-account
 * export gives `entry` `chats/<chat id>` (`left_chats/<chat id>` for chats the holder left). A
 * chat larger than `TelegramJsonOptions.maxMessagesPerDocument` messages or
 * `maxTextCharsPerDocument` characters is split between messages into parts with entries
 * `<entry>/part<k>` (k from 1; `part<k>` for a single-chat export) so memory stays bounded; each
 * part says so in its properties (`part`, `firstMessageId`, `lastMessageId`) and a notice.
 * A full-account export also yields a last document `entry: 'export'` (see `overview`).
 */
import { DocumentBuilder } from '../../core/document-builder.js';
import type { SozDocument } from '../../core/document.js';
import { UserError } from '../../core/errors.js';
import type { EvidenceInput, IngestAdapter } from '../adapter.js';
import type { ChatMeta } from './json-scanner.js';
import { TelegramJsonScanner } from './json-scanner.js';
import type { BatchResult, ParsedMessage } from './parse-batch.js';
import type { BatchParser } from './pool.js';
import { createBatchParser } from './pool.js';

/** Tuning of the streaming JSON adapter. */
export interface TelegramJsonOptions {
  /** Parser threads; default one per core; 0 parses in the calling thread. */
  readonly threads?: number;
  /** Files smaller than this (bytes) are parsed in the calling thread; default 8 MiB. */
  readonly workerThresholdBytes?: number;
  /** Most messages in one document before the chat is split; default 50,000. */
  readonly maxMessagesPerDocument?: number;
  /** Most text characters (UTF-16) in one document before the chat is split; default 16 Mi. */
  readonly maxTextCharsPerDocument?: number;
}

const TELEGRAM_CHAT_TYPES = /"type"\s*:\s*"(personal_chat|private_group|private_supergroup|public_supergroup|private_channel|public_channel|saved_messages|bot_chat|replies)"/;

/** Whether the input looks like a Telegram Desktop `result.json` (from its first 64 KiB). */
export function detectTelegramJson(input: EvidenceInput): boolean {
  if (input.mediaType !== 'application/json') return false;
  const head = new TextDecoder('utf-8').decode(input.head.subarray(0, 64 * 1024));
  if (/"personal_information"\s*:/.test(head) && /"about"\s*:/.test(head)) return true;
  if (!/"(messages|chats)"\s*:/.test(head)) return false;
  return TELEGRAM_CHAT_TYPES.test(head) || (/"date_unixtime"\s*:/.test(head) && /"text_entities"\s*:/.test(head));
}

/** Builds the JSON adapter; `telegramJsonAdapter` is the default instance. */
export function createTelegramJsonAdapter(options: TelegramJsonOptions = {}): IngestAdapter {
  return {
    id: 'telegram-json',
    format: 'telegram-json',
    detect: detectTelegramJson,
    extract: (input) => extractTelegramJson(input, options),
  };
}

/** Messages waiting in order: batches being parsed and chat boundaries. */
type Queued = { readonly kind: 'batch'; readonly result: Promise<BatchResult> } | { readonly kind: 'chat-start'; readonly chat: ChatMeta } | { readonly kind: 'chat-end' };

async function* extractTelegramJson(input: EvidenceInput, options: TelegramJsonOptions): AsyncGenerator<SozDocument> {
  const threshold = options.workerThresholdBytes ?? 8 * 1024 * 1024;
  const parser: BatchParser = createBatchParser(input.size < threshold ? 0 : options.threads);
  const maxInFlight = Math.max(2, parser.threads * 3);
  const scanner = new TelegramJsonScanner(input.name, input.limits.maxDepth);
  const chats = new ChatAssembler(input, options, () => scanner.fullAccount);
  const queue: Queued[] = [];
  const sections: string[] = [];
  let inFlight = 0;
  let current: ChatMeta | null = null;
  try {
    const consume = async function* (): AsyncGenerator<SozDocument> {
      const item = queue.shift() as Queued;
      if (item.kind === 'chat-start') {
        chats.start(item.chat);
        return;
      }
      if (item.kind === 'chat-end') {
        yield chats.finish();
        return;
      }
      inFlight--;
      const result = await item.result;
      if (!result.ok) {
        throw new UserError(`${input.name}: malformed JSON in the message starting at byte ${result.offset} (${result.detail}); the export is damaged — export it again or add an undamaged copy`, 'telegram.malformed-json');
      }
      yield* chats.add(result.messages);
    };
    const enqueue = (events: ReturnType<TelegramJsonScanner['feed']>): void => {
      for (const event of events) {
        if (event.kind === 'section') sections.push(event.key);
        else if (event.kind === 'chat-start') {
          current = event.chat;
          queue.push({ kind: 'chat-start', chat: event.chat });
        } else if (event.kind === 'chat-end') queue.push({ kind: 'chat-end' });
        else {
          const chat = chatContext(current ?? { section: 'root', index: 0 });
          inFlight++;
          queue.push({ kind: 'batch', result: parser.submit({ ...event.batch, chat }) });
        }
      }
    };
    for await (const chunk of input.chunks()) {
      enqueue(scanner.feed(chunk));
      while (inFlight > maxInFlight || (queue.length > 0 && queue[0]?.kind !== 'batch')) yield* consume();
    }
    enqueue(scanner.end());
    while (queue.length > 0) yield* consume();
    const overview = chats.overview(sections);
    if (overview !== null) yield overview;
  } finally {
    await parser.close();
  }
}

/** `chatId`/`chatName` of a chat as the messages will carry them. */
export function chatContext(chat: ChatMeta): { chatId: string; chatName: string } {
  return { chatId: chat.id ?? (chat.section === 'root' ? '' : `#${chat.index}`), chatName: chat.name ?? '' };
}

/** Collects one chat's messages into documents, splitting large chats between messages. */
class ChatAssembler {
  private chat: ChatMeta | null = null;
  private entryName: string | undefined;
  private part = 0;
  private pending: ParsedMessage[] = [];
  private textChars = 0;
  private seen = new Set<string>();
  private duplicates = 0;
  private readonly entries = new Set<string>();
  private chatsDone = 0;
  private readonly maxMessages: number;
  private readonly maxChars: number;

  constructor(
    private readonly input: EvidenceInput,
    options: TelegramJsonOptions,
    private readonly fullAccount: () => boolean,
  ) {
    this.maxMessages = Math.max(1, options.maxMessagesPerDocument ?? 50_000);
    this.maxChars = Math.max(1, options.maxTextCharsPerDocument ?? 16 * 1024 * 1024);
  }

  start(chat: ChatMeta): void {
    this.chat = chat;
    this.part = 0;
    this.pending = [];
    this.textChars = 0;
    this.seen = new Set();
    this.duplicates = 0;
    if (chat.section === 'root') {
      this.entryName = undefined;
      return;
    }
    let entry = `${chat.section}/${chat.id ?? `index${chat.index}`}`;
    // Two chats with the same id (a damaged or crafted file) must still get distinct documents.
    if (this.entries.has(entry)) entry = `${entry}-index${chat.index}`;
    this.entries.add(entry);
    this.entryName = entry;
  }

  *add(messages: readonly ParsedMessage[]): Generator<SozDocument> {
    for (const message of messages) {
      if (this.pending.length >= this.maxMessages || this.textChars >= this.maxChars) {
        this.part++;
        yield this.build();
      }
      let chars = 0;
      for (const segment of message.segments) chars += segment.text.length;
      this.textChars += chars;
      this.pending.push(message);
    }
  }

  /** The chat ended: its last (or only) document. */
  finish(): SozDocument {
    this.chatsDone++;
    if (this.part > 0) this.part++;
    const doc = this.build();
    this.chat = null;
    return doc;
  }

  private entry(): string | undefined {
    if (this.part === 0) return this.entryName;
    return this.entryName === undefined ? `part${this.part}` : `${this.entryName}/part${this.part}`;
  }

  private build(): SozDocument {
    const chat = this.chat as ChatMeta;
    const entry = this.entry();
    const builder = new DocumentBuilder({ sha256: this.input.sha256, name: this.input.name, ...(entry !== undefined ? { entry } : {}) }, 'telegram-json');
    let uninterpreted = 0;
    let firstReason = '';
    let firstId = '';
    let lastId = '';
    for (const message of this.pending) {
      const first = message.segments[0];
      const messageId = first?.message?.messageId ?? '';
      let suffix = '';
      if (first !== undefined) {
        if (this.seen.has(first.id)) suffix = `~dup${++this.duplicates}`;
        this.seen.add(first.id);
      }
      for (const segment of message.segments) builder.add(suffix === '' ? segment : { ...segment, id: `${segment.id}${suffix}` });
      if (message.uninterpreted) {
        uninterpreted++;
        if (firstReason === '') firstReason = `${first?.id ?? ''}: ${message.reason ?? ''}`;
      }
      if (firstId === '') firstId = messageId;
      lastId = messageId;
      if (builder.segmentCount > this.input.limits.maxSegments) {
        throw new UserError(`${this.input.name}: a chat has more than ${this.input.limits.maxSegments} segments in one document; raise the limit with --max-segments`, 'limit.segments');
      }
    }
    if (uninterpreted > 0) {
      builder.notice({
        code: 'telegram.uninterpreted',
        severity: 'warning',
        message: `${uninterpreted} message(s) could not be interpreted and are kept as raw JSON in segments with role 'uninterpreted' (first: ${firstReason})`,
      });
    }
    if (this.duplicates > 0) {
      builder.notice({ code: 'telegram.duplicate-message-id', severity: 'warning', message: `message ids occur more than once in this chat (${this.duplicates} repeat(s) so far); repeats carry the suffix ~dup<k> in their segment ids` });
    }
    if (this.part > 0) {
      builder.notice({ code: 'telegram.chat-split', severity: 'info', message: `this chat is split into several documents between messages to bound memory; this is part ${this.part} (messages ${firstId}…${lastId})` });
    }
    const messages = this.pending.length;
    this.pending = [];
    this.textChars = 0;
    return builder.build({
      platform: 'telegram',
      exportKind: this.fullAccount() || chat.section !== 'root' ? 'full-account' : 'single-chat',
      chatSection: chat.section,
      chatName: chat.name ?? '',
      chatType: chat.type ?? '',
      chatId: chat.id ?? '',
      messages,
      uninterpreted,
      ...(this.part > 0 ? { part: this.part } : {}),
      firstMessageId: firstId,
      lastMessageId: lastId,
    });
  }

  /**
   * After the last chat: for a full-account export (or one without chats) a small document
   * `entry: 'export'` that names the sections holding no messages (contacts, sessions…), which
   * soz does not ingest, so the report can say what was left out.
   */
  overview(sections: readonly string[]): SozDocument | null {
    if (this.chatsDone > 0 && !this.fullAccount()) return null;
    const builder = new DocumentBuilder({ sha256: this.input.sha256, name: this.input.name, entry: 'export' }, 'telegram-json');
    if (this.chatsDone === 0) builder.notice({ code: 'telegram.no-chats', severity: 'warning', message: 'no chat with a "messages" list was found in this export' });
    if (sections.length > 0) {
      builder.notice({ code: 'telegram.sections-not-ingested', severity: 'info', message: `sections of the export that hold no chat messages were not ingested: ${sections.join(', ')}` });
    }
    return builder.build({ platform: 'telegram', exportKind: this.fullAccount() ? 'full-account' : 'single-chat', chats: this.chatsDone, sectionsNotIngested: sections.join(',') });
  }
}
