/**
 * Builds one document part of a chat from raw message bytes: decode, native `JSON.parse` per
 * message, map each message to segments, and at the end pack the part (`part-transfer.ts`). Pure and
 * self-contained (no I/O), so it runs unchanged in a worker thread or in the calling thread, and
 * the document it builds does not depend on where it ran or how the bytes were batched.
 *
 * What needs the whole chat (ids repeated across parts) is left to the caller: `PartResult`
 * returns each message's first segment id and where its segments start.
 */
import { Buffer } from 'node:buffer';
import { DocumentBuilder } from '../../core/document-builder.js';
import type { SegmentInput } from '../../core/document-builder.js';
import type { SozDocument } from '../../core/document.js';
import { UnreadKeyTally } from '../unread-keys.js';
import type { ChatContext } from './message.js';
import { messageSegments } from './message.js';
import { normalizeJsonMessage } from './json-message.js';
import type { PackedPart } from './part-transfer.js';
import { packPart } from './part-transfer.js';

/** Consecutive messages of one part: `starts`/`ends` are byte offsets relative to `bytes`. */
export interface BatchJob {
  readonly bytes: Uint8Array;
  /** Byte offset of `bytes[0]` in the file (0-based). */
  readonly baseOffset: number;
  readonly starts: ArrayLike<number>;
  readonly ends: ArrayLike<number>;
  /** False when the scanner's boundaries are fast-path candidates (see `json-scanner.ts`). */
  readonly verified: boolean;
  /** Deepest nesting allowed inside a message (the message object is level 1). */
  readonly depthLimit: number;
}

/** What a part needs to know about its chat and evidence before its messages arrive. */
export interface PartHeader {
  readonly sha256: string;
  readonly evidenceName: string;
  readonly chat: ChatContext;
  readonly chatSection: string;
  readonly chatType: string;
  /** Chat id as the export writes it ('' when absent). */
  readonly chatIdRaw: string;
  /** Whether the export was already known to be a full-account export when the chat began. */
  readonly fullAccount: boolean;
  /** Segment limit of one document (`Limits.maxSegments`). */
  readonly maxSegments: number;
}

/** Known once the part is closed: its entry name and part number (0 when the chat is not split). */
export interface PartEnd {
  readonly entry?: string;
  readonly part: number;
}

/** A built part. */
export interface BuiltPart {
  readonly ok: true;
  readonly doc: SozDocument;
  /** First segment id of every message, in order (for ids repeated across parts). */
  readonly firstIds: string[];
  /** Index in `doc.segments` of every message's first segment, plus the total at the end. */
  readonly segmentStarts: Uint32Array;
}

/** Why a part could not be built. */
export type PartFailure =
  | { readonly ok: false; readonly kind: 'json'; readonly offset: number; readonly detail: string }
  | { readonly ok: false; readonly kind: 'segments' }
  /** A fast-path boundary did not hold up: the file must be scanned again exactly. */
  | { readonly ok: false; readonly kind: 'unverified' };

/** A built part, or why it could not be built. */
export type PartResult = BuiltPart | PartFailure;

/** Collects the segments of one part batch by batch; `finish` packs the part. */
export class PartBuilder {
  private readonly segments: SegmentInput[] = [];
  private readonly messageStarts: number[] = [];
  private uninterpreted = 0;
  private firstReason = '';
  /** Keys of message objects no reader knows (see `json-message.ts`). */
  private readonly unreadKeys = new UnreadKeyTally();
  private firstId = '';
  private lastId = '';
  private failure: PartFailure | null = null;

  constructor(private readonly header: PartHeader) {}

  /**
   * Adds a batch; after a failure further batches are ignored and `finish` returns it. Each
   * message is decoded and parsed on its own: that costs no more than one parse per batch
   * (measured), locates a damaged message exactly, and proves fast-path boundaries.
   */
  add(job: BatchJob): void {
    if (this.failure !== null) return;
    const chat = this.header.chat;
    const segments = this.segments;
    // Buffer#toString decodes as TextDecoder does (invalid sequences to U+FFFD alike) but with
    // less overhead per call, which counts at one call per message.
    const view = Buffer.from(job.bytes.buffer, job.bytes.byteOffset, job.bytes.byteLength);
    for (let i = 0; i < job.starts.length; i++) {
      const start = job.starts[i] as number;
      const end = job.ends[i] as number;
      const length = end - start;
      const json = view.toString('utf8', start, end);
      let value: unknown;
      try {
        value = JSON.parse(json) as unknown;
      } catch (error) {
        this.failure = job.verified ? { ok: false, kind: 'json', offset: job.baseOffset + start, detail: error instanceof Error ? error.message : String(error) } : { ok: false, kind: 'unverified' };
        return;
      }
      // Each level takes an opening and a closing bracket: shorter messages cannot nest too deep.
      if (!job.verified && length > 2 * job.depthLimit && nestsDeeper(value, job.depthLimit)) {
        this.failure = { ok: false, kind: 'unverified' };
        return;
      }
      const normal = normalizeJsonMessage(value);
      const startIndex = segments.length;
      this.messageStarts.push(startIndex);
      let messageId: string;
      if ('uninterpreted' in normal) {
        messageId = normal.id ?? '';
        const id = `m${normal.id ?? `@${job.baseOffset + start}`}`;
        segments.push({
          id,
          text: json,
          part: 'message',
          anchor: { messageId },
          message: { platform: 'telegram', chatId: chat.chatId, chatName: chat.chatName, messageId, author: normal.author, timestamp: normal.timestamp, role: 'uninterpreted' },
        });
        this.uninterpreted++;
        if (this.firstReason === '') this.firstReason = `${id}: ${normal.reason}`;
      } else {
        messageId = normal.id;
        messageSegments(normal, chat, segments);
        if (normal.unreadKeys !== undefined) for (const key of normal.unreadKeys) this.unreadKeys.add(key, messageId);
      }
      if (this.firstId === '') this.firstId = messageId;
      this.lastId = messageId;
      if (segments.length > this.header.maxSegments) {
        this.failure = { ok: false, kind: 'segments' };
        return;
      }
    }
  }

  /**
   * The part, packed for the thread that yields it (entry and part number are known only now):
   * `unpackPart` turns it into the document `DocumentBuilder` would build from these segments.
   * Packing straight from the segment inputs spares building every segment object twice.
   */
  finish(end: PartEnd): PackedPart | PartFailure {
    if (this.failure !== null) return this.failure;
    const h = this.header;
    // The document without segments: its fields, notices and properties, in the builder's order.
    const skeleton = new DocumentBuilder({ sha256: h.sha256, name: h.evidenceName, ...(end.entry !== undefined ? { entry: end.entry } : {}) }, 'telegram-json');
    if (this.uninterpreted > 0) {
      skeleton.notice({
        code: 'telegram.uninterpreted',
        severity: 'warning',
        message: `${this.uninterpreted} message(s) could not be interpreted and are kept as raw JSON in segments with role 'uninterpreted' (first: ${this.firstReason})`,
      });
    }
    const unread = this.unreadKeys.notice('telegram.unread-key');
    if (unread !== undefined) skeleton.notice(unread);
    if (end.part > 0) {
      skeleton.notice({ code: 'telegram.chat-split', severity: 'info', message: `this chat is split into several documents between messages to bound memory; this is part ${end.part} (messages ${this.firstId}…${this.lastId})` });
    }
    const messages = this.messageStarts.length;
    const doc = skeleton.build({
      platform: 'telegram',
      exportKind: h.fullAccount || h.chatSection !== 'root' ? 'full-account' : 'single-chat',
      chatSection: h.chatSection,
      chatName: h.chat.chatName,
      chatType: h.chatType,
      chatId: h.chatIdRaw,
      messages,
      uninterpreted: this.uninterpreted,
      ...(end.part > 0 ? { part: end.part } : {}),
      firstMessageId: this.firstId,
      lastMessageId: this.lastId,
    });
    const segmentStarts = new Uint32Array(messages + 1);
    for (let i = 0; i < messages; i++) segmentStarts[i] = this.messageStarts[i] as number;
    segmentStarts[messages] = this.segments.length;
    return packPart({ skeleton: doc, inputs: this.segments, segmentStarts });
  }
}

/**
 * Whether `value` nests deeper than `limit` levels (a scalar is level 0, `[]` or `{}` level 1).
 * Recursion stops at the limit; a limit too deep for the stack counts as exceeded, and the exact
 * scan that follows gives the verdict.
 */
function nestsDeeper(value: unknown, limit: number): boolean {
  if (typeof value !== 'object' || value === null) return false;
  try {
    return containerNestsDeeper(value, limit);
  } catch (error) {
    if (error instanceof RangeError) return true;
    throw error;
  }
}

/** `nestsDeeper` for a container; plain loops, as it runs on every fast-path message. */
function containerNestsDeeper(container: object, limit: number): boolean {
  if (limit <= 0) return true;
  if (Array.isArray(container)) {
    for (let i = 0; i < container.length; i++) {
      const child: unknown = container[i];
      if (typeof child === 'object' && child !== null && containerNestsDeeper(child, limit - 1)) return true;
    }
    return false;
  }
  for (const key in container) {
    const child = (container as Record<string, unknown>)[key];
    if (typeof child === 'object' && child !== null && containerNestsDeeper(child, limit - 1)) return true;
  }
  return false;
}
