/**
 * Telegram Desktop JSON export (`result.json`), single chat or full account, streamed.
 *
 * One document per chat. A single-chat export gives one document without `entry`; a full-account
 * export gives `entry` `chats/<chat id>` (`left_chats/<chat id>` for chats the holder left). A
 * chat larger than `TelegramJsonOptions.maxMessagesPerDocument` messages or
 * `maxJsonBytesPerDocument` bytes of message JSON is split between messages into parts with
 * entries `<entry>/part<k>` (k from 1; `part<k>` for a single-chat export) so memory stays bounded;
 * each part says so in its properties (`part`, `firstMessageId`, `lastMessageId`) and a notice.
 * A full-account export also yields a last document `entry: 'export'` (see `overviewDocument`).
 *
 * Pipeline: the calling thread only reads the file, finds message boundaries (`json-scanner.ts`,
 * with its fast path and the exact re-read below) and cuts parts (`PartPlanner`); each part's
 * bytes stream to one worker thread, which decodes, parses and maps every message
 * (`parse-batch.ts`) and sends the part back packed (`part-transfer.ts`); the calling thread
 * unpacks it into the document. Documents are yielded in file order; at most `threads + 1` parts
 * are open or waiting, which bounds memory.
 */
import { DocumentBuilder } from '../../core/document-builder.js';
import type { Notice, Segment, SozDocument } from '../../core/document.js';
import { UserError, messageOf } from '../../core/errors.js';
import type { EvidenceInput, IngestAdapter } from '../adapter.js';
import type { ChatMeta, MessageBatch, ScanEvent } from './json-scanner.js';
import { TelegramJsonScanner } from './json-scanner.js';
import type { PartHeader, PartResult } from './parse-batch.js';
import type { PartRunner } from './pool.js';
import { createPartRunner } from './pool.js';

/** Tuning of the streaming JSON adapter. */
export interface TelegramJsonOptions {
  /** Worker threads; default one per core; 0 builds in the calling thread. */
  readonly threads?: number;
  /** Files smaller than this (bytes) are read in the calling thread; default 8 MiB. */
  readonly workerThresholdBytes?: number;
  /** Most messages in one document before the chat is split; default 10,000. */
  readonly maxMessagesPerDocument?: number;
  /**
   * Most bytes of message JSON in one document before the chat is split; default 2 MiB (about
   * 1,500–10,000 messages). The document text (UTF-16 code units) is never longer than the JSON it
   * comes from. Small parts keep little in flight between threads: on 2 cores (with the worker
   * young generation of `pool.ts`) 2 MiB parts ingested a few per cent faster than 4 MiB parts,
   * at lower peak RSS (`npm run bench:ingest -- --max-json-mb 4`).
   */
  readonly maxJsonBytesPerDocument?: number;
  /**
   * Whether the scanner may take Telegram's own line layout as a shortcut to message ends
   * (default true; see `json-scanner.ts`). False scans every byte; the documents are the same.
   */
  readonly fastPath?: boolean;
  /** Worker file to use instead of the compiled `worker.js` next to this module (tests). */
  readonly workerUrl?: URL;
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
    // The caller's part thread unless the options name one (tests).
    extract: (input, run) => extractTelegramJson(input, run?.partThread !== undefined && options.workerUrl === undefined ? { ...options, workerUrl: run.partThread } : options),
  };
}

/** A fast-path message boundary did not hold up (see `json-scanner.ts`). */
class NeedsExactScan extends Error {}

/**
 * Reads with the scanner's fast path; if a candidate boundary does not hold up, or the file looks
 * malformed (a layout unlike Telegram's own can make a wrong cut look like damage), reads again
 * exactly and goes on after the documents already given: the exact read has the last word. Both
 * reads give the same documents wherever the fast one succeeds.
 */
async function* extractTelegramJson(input: EvidenceInput, options: TelegramJsonOptions): AsyncGenerator<SozDocument> {
  if (options.fastPath === false) {
    yield* readExport(input, options, false);
    return;
  }
  let given = 0;
  try {
    for await (const doc of readExport(input, options, true)) {
      given++;
      yield doc;
    }
  } catch (error) {
    if (!(error instanceof NeedsExactScan || (error instanceof UserError && error.code === 'telegram.malformed-json'))) throw error;
    let seen = 0;
    for await (const doc of readExport(input, options, false)) if (seen++ >= given) yield doc;
  }
}

async function* readExport(input: EvidenceInput, options: TelegramJsonOptions, fast: boolean): AsyncGenerator<SozDocument> {
  const threshold = options.workerThresholdBytes ?? 8 * 1024 * 1024;
  const runner = createPartRunner(input.size < threshold ? 0 : options.threads, options.workerUrl);
  // Parts open or built but not yet yielded; a bound on them bounds memory (each is ≤ the part limits).
  const maxOpen = runner.threads + 1;
  const scanner = new TelegramJsonScanner(input.name, input.limits.maxDepth, fast);
  const planner = new PartPlanner(input, options, runner);
  const ids = new RepeatedIds();
  let chatsDone = 0;
  try {
    const consume = async (): Promise<SozDocument> => {
      const part = planner.done.shift() as DonePart;
      const result = await settled(input, part.result);
      if (part.firstOfChat) ids.reset();
      if (part.lastOfChat) chatsDone++;
      return ids.apply(checked(input, result));
    };
    try {
      for await (const chunk of input.chunks()) {
        planner.handle(scanner.feed(chunk));
        while (planner.done.length > 0 && planner.done.length + planner.openCount() > maxOpen) yield await consume();
      }
      planner.handle(scanner.end());
    } catch (error) {
      // A damaged message earlier in the file is the better report than a later structural error.
      for (const part of planner.done) checked(input, await settled(input, part.result));
      throw error;
    }
    while (planner.done.length > 0) yield await consume();
    const overview = overviewDocument(input, chatsDone, scanner.fullAccount, planner.sections);
    if (overview !== null) yield overview;
  } finally {
    await runner.close();
  }
}

/** A worker that died (out of memory, killed) becomes a `UserError` naming the file. */
async function settled(input: EvidenceInput, result: Promise<PartResult>): Promise<PartResult> {
  try {
    return await result;
  } catch (error) {
    throw new UserError(`${input.name}: a parser thread failed (${messageOf(error)}); retry, and if it fails again report it with the size of the file`, 'telegram.worker-failed', undefined, { key: 'error.ingest.telegram-worker', params: { name: input.name, detail: messageOf(error) } });
  }
}

function checked(input: EvidenceInput, result: PartResult): Extract<PartResult, { ok: true }> {
  if (result.ok) return result;
  if (result.kind === 'unverified') throw new NeedsExactScan();
  if (result.kind === 'segments') {
    throw new UserError(`${input.name}: a chat has more than ${input.limits.maxSegments} segments in one document; raise the limit with --max-segments`, 'limit.segments', undefined, { key: 'error.limit.chat-segments', params: { name: input.name, limit: input.limits.maxSegments } });
  }
  throw new UserError(`${input.name}: malformed JSON in the message starting at byte ${result.offset} (${result.detail}); the export is damaged — export it again or add an undamaged copy`, 'telegram.malformed-json', undefined, { key: 'error.ingest.telegram-malformed', params: { name: input.name, offset: result.offset, detail: result.detail } });
}

/** A closed part whose document is being (or has been) built. */
interface DonePart {
  readonly result: Promise<PartResult>;
  readonly firstOfChat: boolean;
  readonly lastOfChat: boolean;
}

/**
 * Cuts each chat into parts between messages, from the scanner's byte boundaries only (message
 * counts and JSON bytes), so parts, and the documents built from them, do not depend on the number
 * of threads or on how the file is read in chunks. Streams each part's batches to its thread.
 */
class PartPlanner {
  readonly done: DonePart[] = [];
  readonly sections: string[] = [];
  private header: PartHeader | null = null;
  private entryName: string | undefined;
  private readonly entries = new Set<string>();
  private partNo = 0;
  private open: number | null = null;
  private openMessages = 0;
  private openBytes = 0;
  private firstOfChat = false;
  private seq = 0;
  private readonly maxMessages: number;
  private readonly maxBytes: number;

  constructor(
    private readonly input: EvidenceInput,
    options: TelegramJsonOptions,
    private readonly runner: PartRunner,
  ) {
    this.maxMessages = Math.max(1, options.maxMessagesPerDocument ?? 10_000);
    this.maxBytes = Math.max(1, options.maxJsonBytesPerDocument ?? 2 * 1024 * 1024);
  }

  /** Parts open on a thread (0 or 1). */
  openCount(): number {
    return this.open === null ? 0 : 1;
  }

  handle(events: readonly ScanEvent[]): void {
    for (const event of events) {
      if (event.kind === 'section') this.sections.push(event.key);
      else if (event.kind === 'chat-start') this.startChat(event.chat);
      else if (event.kind === 'chat-end') this.endChat();
      else this.batch(event.batch);
    }
  }

  private startChat(chat: ChatMeta): void {
    this.partNo = 0;
    this.firstOfChat = true;
    const context = chatContext(chat);
    this.header = {
      sha256: this.input.sha256,
      evidenceName: this.input.name,
      chat: context,
      chatSection: chat.section,
      chatType: chat.type ?? '',
      chatIdRaw: chat.id ?? '',
      fullAccount: chat.fullAccount,
      maxSegments: this.input.limits.maxSegments,
    };
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

  private batch(batch: MessageBatch): void {
    const n = batch.starts.length;
    let from = 0;
    for (let i = 0; i < n; i++) {
      if (this.open !== null && (this.openMessages >= this.maxMessages || this.openBytes >= this.maxBytes)) {
        if (i > from) this.send(batch, from, i);
        from = i;
        this.partNo++;
        this.close(false);
      }
      if (this.open === null) this.begin();
      this.openMessages++;
      this.openBytes += (batch.ends[i] as number) - (batch.starts[i] as number);
    }
    if (n > from) this.send(batch, from, n);
  }

  private begin(): void {
    this.open = this.seq++;
    this.openMessages = 0;
    this.openBytes = 0;
    this.runner.begin(this.open, this.header as PartHeader);
  }

  /** Sends messages [from, to) of `batch` to the open part. */
  private send(batch: MessageBatch, from: number, to: number): void {
    const n = batch.starts.length;
    if (from === 0 && to === n) {
      this.runner.add(this.open as number, { bytes: batch.bytes, baseOffset: batch.baseOffset, starts: Uint32Array.from(batch.starts), ends: Uint32Array.from(batch.ends), verified: batch.verified, depthLimit: batch.depthLimit });
      return;
    }
    const first = batch.starts[from] as number;
    const last = batch.ends[to - 1] as number;
    const starts = new Uint32Array(to - from);
    const ends = new Uint32Array(to - from);
    for (let i = from; i < to; i++) {
      starts[i - from] = (batch.starts[i] as number) - first;
      ends[i - from] = (batch.ends[i] as number) - first;
    }
    this.runner.add(this.open as number, { bytes: batch.bytes.slice(first, last), baseOffset: batch.baseOffset + first, starts, ends, verified: batch.verified, depthLimit: batch.depthLimit });
  }

  private close(lastOfChat: boolean): void {
    const seq = this.open as number;
    const part = lastOfChat && this.partNo > 0 ? this.partNo + 1 : this.partNo;
    const entry = part === 0 ? this.entryName : this.entryName === undefined ? `part${part}` : `${this.entryName}/part${part}`;
    this.done.push({ result: this.runner.end(seq, entry !== undefined ? { entry, part } : { part }), firstOfChat: this.firstOfChat, lastOfChat });
    this.firstOfChat = false;
    this.open = null;
  }

  private endChat(): void {
    // An empty chat still gets its (empty) document.
    if (this.open === null) this.begin();
    this.close(true);
  }
}

/**
 * Message ids repeated within a chat (a damaged or crafted file): later occurrences get segment
 * ids with the suffix `~dup<k>` (k counts repeats in the chat from 1) and every part from the first
 * repeat on says so in a notice. Applied in document order on the main thread, since repeats can
 * be in different parts.
 */
class RepeatedIds {
  private seen = new Set<string>();
  private duplicates = 0;

  reset(): void {
    this.seen = new Set();
    this.duplicates = 0;
  }

  apply(result: Extract<PartResult, { ok: true }>): SozDocument {
    const { doc, firstIds, segmentStarts } = result;
    let segments: Segment[] | null = null;
    for (let i = 0; i < firstIds.length; i++) {
      const id = firstIds[i] as string;
      if (!this.seen.has(id)) {
        this.seen.add(id);
        continue;
      }
      const suffix = `~dup${++this.duplicates}`;
      segments ??= [...doc.segments];
      for (let k = segmentStarts[i] as number; k < (segmentStarts[i + 1] as number); k++) {
        const segment = segments[k] as Segment;
        segments[k] = { ...segment, id: `${segment.id}${suffix}` };
      }
    }
    if (this.duplicates === 0) return doc;
    const notices: Notice[] = [...doc.notices];
    const at = notices.length > 0 && notices[0]?.code === 'telegram.uninterpreted' ? 1 : 0;
    notices.splice(at, 0, { code: 'telegram.duplicate-message-id', severity: 'warning', message: `message ids occur more than once in this chat (${this.duplicates} repeat(s) so far); repeats carry the suffix ~dup<k> in their segment ids` });
    return { ...doc, segments: segments ?? doc.segments, notices };
  }
}

/** `chatId`/`chatName` of a chat as the messages will carry them. */
export function chatContext(chat: ChatMeta): { chatId: string; chatName: string } {
  return { chatId: chat.id ?? (chat.section === 'root' ? '' : `#${chat.index}`), chatName: chat.name ?? '' };
}

/**
 * After the last chat: for a full-account export (or one without chats) a small document
 * `entry: 'export'` that names the sections holding no messages (contacts, sessions…), which soz
 * does not ingest, so the report can say what was left out.
 */
function overviewDocument(input: EvidenceInput, chatsDone: number, fullAccount: boolean, sections: readonly string[]): SozDocument | null {
  if (chatsDone > 0 && !fullAccount) return null;
  const builder = new DocumentBuilder({ sha256: input.sha256, name: input.name, entry: 'export' }, 'telegram-json');
  if (chatsDone === 0) builder.notice({ code: 'telegram.no-chats', severity: 'warning', message: 'no chat with a "messages" list was found in this export' });
  if (sections.length > 0) {
    builder.notice({ code: 'telegram.sections-not-ingested', severity: 'info', message: `sections of the export that hold no chat messages were not ingested: ${sections.join(', ')}` });
  }
  return builder.build({ platform: 'telegram', exportKind: fullAccount ? 'full-account' : 'single-chat', chats: chatsDone, sectionsNotIngested: sections.join(',') });
}
