/**
 * Turns a batch of raw message bytes into segments: decode, one native `JSON.parse` for the
 * whole batch, map each message. Pure and self-contained so it runs unchanged in a worker
 * thread or in the main thread.
 */
import type { SegmentInput } from '../../core/document-builder.js';
import type { ChatContext } from './message.js';
import { messageSegments } from './message.js';
import { normalizeJsonMessage } from './json-message.js';

/** One batch as the scanner cut it, plus the chat its messages belong to. */
export interface BatchJob {
  readonly bytes: Uint8Array;
  /** Byte offset of `bytes[0]` in the file. */
  readonly baseOffset: number;
  readonly starts: readonly number[];
  readonly ends: readonly number[];
  readonly chat: ChatContext;
}

/** The segments of one message; `uninterpreted` when its raw JSON was kept instead. */
export interface ParsedMessage {
  readonly segments: SegmentInput[];
  readonly uninterpreted: boolean;
  /** Why the message was kept raw (uninterpreted only). */
  readonly reason?: string;
}

export type BatchResult =
  | { readonly ok: true; readonly messages: ParsedMessage[]; readonly textChars: number }
  | { readonly ok: false; readonly offset: number; readonly detail: string };

const DECODER = new TextDecoder('utf-8');

/** Parses a batch; on malformed JSON reports the byte offset of the first bad message. */
export function parseBatch(job: BatchJob): BatchResult {
  let values: unknown[];
  try {
    values = JSON.parse(`[${DECODER.decode(job.bytes)}]`) as unknown[];
  } catch {
    return locateError(job);
  }
  if (values.length !== job.starts.length) return { ok: false, offset: job.baseOffset, detail: 'message boundaries do not match the JSON structure' };
  const messages: ParsedMessage[] = [];
  let textChars = 0;
  for (let i = 0; i < values.length; i++) {
    const normal = normalizeJsonMessage(values[i]);
    if ('uninterpreted' in normal) {
      const start = job.starts[i] as number;
      const raw = DECODER.decode(job.bytes.subarray(start, job.ends[i]));
      const id = normal.id ?? `@${job.baseOffset + start}`;
      textChars += raw.length;
      messages.push({
        uninterpreted: true,
        reason: normal.reason,
        segments: [
          {
            id: `m${id}`,
            text: raw,
            part: 'message',
            anchor: { messageId: normal.id ?? '' },
            message: {
              platform: 'telegram',
              chatId: job.chat.chatId,
              chatName: job.chat.chatName,
              messageId: normal.id ?? '',
              author: normal.author,
              timestamp: normal.timestamp,
              role: 'uninterpreted',
            },
          },
        ],
      });
      continue;
    }
    const segments = messageSegments(normal, job.chat);
    for (const segment of segments) textChars += segment.text.length;
    messages.push({ uninterpreted: false, segments });
  }
  return { ok: true, messages, textChars };
}

function locateError(job: BatchJob): BatchResult {
  for (let i = 0; i < job.starts.length; i++) {
    const start = job.starts[i] as number;
    try {
      JSON.parse(DECODER.decode(job.bytes.subarray(start, job.ends[i])));
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      return { ok: false, offset: job.baseOffset + start, detail };
    }
  }
  return { ok: false, offset: job.baseOffset, detail: 'invalid JSON between messages' };
}
