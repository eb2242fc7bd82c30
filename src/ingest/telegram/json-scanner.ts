/**
 * A streaming scanner for Telegram Desktop `result.json` that never holds more than one chunk
 * plus the message being read. It understands only the outer structure (the chat object, or
 * `chats.list` / `left_chats.list` of a full-account export) and hands every element of a
 * `messages` array to the caller as raw bytes, in batches, to be parsed by native `JSON.parse`.
 *
 * Inside a message it tracks only what finds the end of the value: strings (with escapes),
 * bracket nesting (checked against `maxDepth` and for matching pairs). Grammar inside a message is
 * checked by `JSON.parse` later; the outer structure is checked here. Offsets are 0-based byte
 * offsets into the file.
 *
 * Fast path (on by default): Telegram Desktop pretty-prints, so a message whose `{` starts a line
 * ends at the next line holding only its indentation and `}`. A raw line break cannot occur inside
 * a JSON string, so that line is outside every string, and a native search finds it without
 * looking at the bytes in between. Such a message is only a candidate: its batch says
 * `verified: false`, and whoever parses it must parse each message on its own (a complete value
 * each, separated by the commas this scanner checked, proves the cuts) and check its depth; if that
 * fails, the file must be scanned again with `fast = false`. After a few misses (a message that
 * ended before the searched line, i.e. a file laid out differently) the fast path switches off.
 */
import { Buffer } from 'node:buffer';
import { UserError } from '../../core/errors.js';

/** Where a chat sits in the export. */
export type ChatSection = 'root' | 'chats' | 'left_chats';

/** Scalars of a chat object read before its `messages` array (Telegram writes them first). */
export interface ChatMeta {
  readonly section: ChatSection;
  /** Position in its list, 0-based; 0 for a single-chat export. */
  readonly index: number;
  readonly name?: string;
  readonly type?: string;
  readonly id?: string;
  /**
   * Whether the export already looked like a full-account export when this chat's `messages`
   * began (fixed then, so it does not depend on how the file was chunked).
   */
  readonly fullAccount: boolean;
}

/** Bytes of consecutive messages: `bytes` is a copy; `starts`/`ends` are relative to it. */
export interface MessageBatch {
  readonly bytes: Uint8Array;
  /** Byte offset of `bytes[0]` in the file. */
  readonly baseOffset: number;
  readonly starts: number[];
  readonly ends: number[];
  /** False when some boundaries are fast-path candidates (see the module comment). */
  readonly verified: boolean;
  /** Deepest nesting allowed inside each message (the message object is level 1). */
  readonly depthLimit: number;
}

export type ScanEvent =
  | { readonly kind: 'chat-start'; readonly chat: ChatMeta }
  | { readonly kind: 'batch'; readonly batch: MessageBatch }
  | { readonly kind: 'chat-end' }
  | { readonly kind: 'section'; readonly key: string };

const enum Role {
  Root,
  Section,
  ChatList,
  Chat,
  Messages,
}

const enum Expect {
  KeyOrEnd,
  Key,
  Colon,
  Value,
  ValueOrEnd,
  CommaOrEnd,
}

interface Frame {
  readonly role: Role;
  readonly array: boolean;
  expect: Expect;
  key: string | null;
  index: number;
  meta?: { section: ChatSection; index: number; name?: string; type?: string; id?: string };
  section?: ChatSection;
}

const enum Purpose {
  Message,
  Skip,
  Key,
  Scalar,
}

interface Capture {
  readonly purpose: Purpose;
  readonly start: number;
  /** 0: a string; 1: a literal; 2: a container. */
  readonly kind: 0 | 1 | 2;
  depth: number;
  inString: boolean;
  /** 1 when the previous byte of the string was an escaping backslash. */
  backslashes: number;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJ = 0x7b;
const CLOSE_OBJ = 0x7d;
const OPEN_ARR = 0x5b;
const CLOSE_ARR = 0x5d;

/** Largest single message or outer value the scanner buffers. */
const MAX_VALUE_BYTES = 256 * 1024 * 1024;

/** Longest indentation the fast path considers, and misses after which it switches off. */
const MAX_FAST_INDENT = 64;
const MAX_FAST_MISSES = 8;

/**
 * Feed chunks in order, take events after each feed, call `end()` at the end of the file.
 * Throws `UserError` (code `telegram.malformed-json`) naming the file and byte offset.
 */
export class TelegramJsonScanner {
  private buf: Uint8Array = new Uint8Array(0);
  private bufStart = 0;
  private pos = 0;
  private readonly stack: Frame[] = [];
  private capture: Capture | null = null;
  private brackets: Uint8Array;
  private started = false;
  private finished = false;
  private events: ScanEvent[] = [];
  private batchStarts: number[] = [];
  private batchEnds: number[] = [];
  private batchVerified = true;
  private batchDepthLimit = 0;
  /** `buf` as a Buffer, for its native multi-byte `indexOf`. */
  private view: Buffer = Buffer.alloc(0);
  private fastMisses = 0;
  /** File offset up to which the last fast-path search looked without finding the end (-1: none pending). */
  private missedUpTo = -1;
  /** Whether the top level looked like a full-account export (`about`, `chats`, …). */
  fullAccount = false;

  constructor(
    private readonly fileName: string,
    private readonly maxDepth: number,
    private fast = true,
  ) {
    this.brackets = new Uint8Array(Math.max(1, maxDepth) + 1);
  }

  /** Scans one more chunk; returns the events it completed. */
  feed(input: Uint8Array): ScanEvent[] {
    // A Node Buffer's slice() shares memory; work on a plain view so copies really are copies.
    const chunk = new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
    const keepFrom = this.keepFrom();
    const keep = keepFrom === null ? 0 : this.bufStart + this.buf.byteLength - keepFrom;
    if (keep > 0) {
      const next = new Uint8Array(keep + chunk.byteLength);
      next.set(this.buf.subarray(this.buf.byteLength - keep));
      next.set(chunk, keep);
      this.pos = this.pos - (this.buf.byteLength - keep);
      this.bufStart += this.buf.byteLength - keep;
      this.buf = next;
    } else {
      this.bufStart += this.buf.byteLength;
      this.pos = 0;
      this.buf = chunk;
    }
    this.view = Buffer.from(this.buf.buffer, this.buf.byteOffset, this.buf.byteLength);
    if (!this.started && this.bufStart === 0 && this.buf[0] === 0xef && this.buf[1] === 0xbb && this.buf[2] === 0xbf) this.pos = 3;
    this.run();
    this.flushBatch();
    return this.take();
  }

  /** Ends the input; throws when the file stops inside a value. */
  end(): ScanEvent[] {
    const at = this.bufStart + this.buf.byteLength;
    if (!this.started) throw this.error(at, 'is empty or holds only whitespace; it is not a Telegram JSON export');
    if (!this.finished || this.capture !== null) {
      const inside = this.capture !== null ? ` (inside the value starting at byte ${this.capture.start})` : '';
      throw this.error(at, `ends unexpectedly at byte ${at}${inside}: the file is truncated; export it again or add the complete copy`);
    }
    this.flushBatch();
    return this.take();
  }

  private take(): ScanEvent[] {
    const out = this.events;
    this.events = [];
    return out;
  }

  private keepFrom(): number | null {
    const c = this.capture;
    if (c === null || c.purpose === Purpose.Skip) return null;
    return c.start;
  }

  private error(offset: number, what: string): UserError {
    return new UserError(`${this.fileName}: ${what.includes(`byte ${offset}`) ? what : `${what} (byte ${offset})`}`, 'telegram.malformed-json', undefined, { key: 'error.ingest.telegram-json-at', params: { name: this.fileName, what, offset } });
  }

  private syntax(offset: number, found: number): UserError {
    const shown = found >= 0x20 && found < 0x7f ? `'${String.fromCharCode(found)}'` : `byte 0x${found.toString(16).padStart(2, '0')}`;
    return this.error(offset, `malformed JSON at byte ${offset}: unexpected ${shown}; the export is damaged or not a Telegram result.json`);
  }

  private run(): void {
    const buf = this.buf;
    const n = buf.byteLength;
    while (this.pos < n) {
      if (this.capture !== null) {
        if (!this.continueCapture()) return;
        continue;
      }
      const c = buf[this.pos] as number;
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) {
        this.pos++;
        continue;
      }
      const at = this.bufStart + this.pos;
      if (this.finished) throw this.syntax(at, c);
      if (!this.started) {
        if (c !== OPEN_OBJ) throw this.error(at, 'does not start with a JSON object; it is not a Telegram result.json');
        this.started = true;
        this.push({ role: Role.Root, array: false, expect: Expect.KeyOrEnd, key: null, index: 0 });
        this.pos++;
        continue;
      }
      this.outer(c, at);
    }
  }

  private push(frame: Frame): void {
    this.stack.push(frame);
    if (this.stack.length > this.maxDepth) throw this.error(this.bufStart + this.pos, `nests deeper than ${this.maxDepth} levels at byte ${this.bufStart + this.pos}; raise the limit with --max-depth if the file is genuine`);
  }

  private outer(c: number, at: number): void {
    const frame = this.stack[this.stack.length - 1] as Frame;
    switch (frame.expect) {
      case Expect.KeyOrEnd:
      case Expect.Key:
        if (c === QUOTE) return this.startCapture(Purpose.Key, 0);
        if (c === CLOSE_OBJ && frame.expect === Expect.KeyOrEnd) return this.pop();
        throw this.syntax(at, c);
      case Expect.Colon:
        if (c !== 0x3a) throw this.syntax(at, c);
        frame.expect = Expect.Value;
        this.pos++;
        return;
      case Expect.CommaOrEnd:
        if (c === 0x2c) {
          frame.expect = frame.array ? Expect.Value : Expect.Key;
          this.pos++;
          return;
        }
        if ((c === CLOSE_OBJ && !frame.array) || (c === CLOSE_ARR && frame.array)) return this.pop();
        throw this.syntax(at, c);
      case Expect.ValueOrEnd:
        if (c === CLOSE_ARR) return this.pop();
        return this.value(frame, c, at);
      case Expect.Value:
        return this.value(frame, c, at);
    }
  }

  private value(frame: Frame, c: number, at: number): void {
    if (c === CLOSE_OBJ || c === CLOSE_ARR || c === 0x2c || c === 0x3a) throw this.syntax(at, c);
    frame.expect = Expect.CommaOrEnd;
    if (frame.role === Role.Messages) {
      if (c === OPEN_OBJ && this.fast && this.fastMessage()) return;
      return this.startCapture(Purpose.Message, c === QUOTE ? 0 : c === OPEN_OBJ || c === OPEN_ARR ? 2 : 1);
    }
    const child = this.childRole(frame);
    const opens = c === OPEN_OBJ || c === OPEN_ARR;
    if (child !== null && opens && (c === OPEN_ARR) === (child === Role.ChatList || child === Role.Messages)) {
      const childFrame: Frame = { role: child, array: c === OPEN_ARR, expect: c === OPEN_ARR ? Expect.ValueOrEnd : Expect.KeyOrEnd, key: null, index: 0 };
      if (child === Role.Section) childFrame.section = frame.key === 'left_chats' ? 'left_chats' : 'chats';
      if (child === Role.Chat) {
        childFrame.meta = { section: frame.section ?? 'chats', index: frame.index };
      }
      if (child === Role.ChatList) childFrame.section = frame.section ?? 'chats';
      if (child === Role.Messages) {
        const chat: Omit<ChatMeta, 'fullAccount'> = frame.meta ?? { section: 'root', index: 0 };
        this.events.push({ kind: 'chat-start', chat: { ...chat, fullAccount: this.fullAccount } });
      }
      if (frame.array) frame.index++;
      this.push(childFrame);
      this.pos++;
      return;
    }
    if (frame.array) frame.index++;
    if (frame.role === Role.Root && frame.key !== null && !opens && !(frame.key in ROOT_SCALARS)) this.fullAccount = true;
    if (frame.role === Role.Root && frame.key !== null && opens && frame.key !== 'messages') {
      this.fullAccount = true;
      this.events.push({ kind: 'section', key: frame.key });
    }
    const wantsScalar = (frame.role === Role.Chat || frame.role === Role.Root) && !opens;
    this.startCapture(wantsScalar ? Purpose.Scalar : Purpose.Skip, c === QUOTE ? 0 : opens ? 2 : 1);
  }

  private childRole(frame: Frame): Role | null {
    switch (frame.role) {
      case Role.Root:
        if (frame.key === 'messages') return Role.Messages;
        if (frame.key === 'chats' || frame.key === 'left_chats') return Role.Section;
        return null;
      case Role.Section:
        return frame.key === 'list' ? Role.ChatList : null;
      case Role.ChatList:
        return Role.Chat;
      case Role.Chat:
        return frame.key === 'messages' ? Role.Messages : null;
      default:
        return null;
    }
  }

  private pop(): void {
    const frame = this.stack.pop() as Frame;
    this.pos++;
    if (frame.role === Role.Messages) {
      this.flushBatch();
      this.events.push({ kind: 'chat-end' });
    }
    const parent = this.stack[this.stack.length - 1];
    if (parent === undefined) {
      this.finished = true;
      return;
    }
    parent.expect = Expect.CommaOrEnd;
  }

  /**
   * The fast path for the message whose `{` is at `pos`: true when a candidate end was found and
   * taken (see the module comment).
   */
  private fastMessage(): boolean {
    const buf = this.buf;
    let lineStart = this.pos;
    while (lineStart > 0 && (buf[lineStart - 1] === 0x20 || buf[lineStart - 1] === 0x09)) lineStart--;
    const indent = this.pos - lineStart;
    if (lineStart === 0 || buf[lineStart - 1] !== 0x0a || indent > MAX_FAST_INDENT) return false;
    const closing = new Uint8Array(indent + 2);
    closing[0] = 0x0a;
    closing.set(buf.subarray(lineStart, this.pos), 1);
    closing[indent + 1] = CLOSE_OBJ;
    const found = this.view.indexOf(closing, this.pos + 1);
    if (found < 0) {
      this.missedUpTo = this.bufStart + buf.byteLength;
      return false;
    }
    const end = found + closing.byteLength;
    this.batchStarts.push(this.bufStart + this.pos);
    this.batchEnds.push(this.bufStart + end);
    this.batchVerified = false;
    this.noteDepthLimit();
    this.pos = end;
    return true;
  }

  /** All messages of one chat sit at the same depth; a batch never spans chats. */
  private noteDepthLimit(): void {
    this.batchDepthLimit = this.maxDepth - this.stack.length;
  }

  private startCapture(purpose: Purpose, kind: 0 | 1 | 2): void {
    const start = this.bufStart + this.pos;
    this.capture = { purpose, start, kind, depth: 0, inString: false, backslashes: 0 };
    if (kind === 0) {
      this.capture.inString = true;
      this.pos++;
    }
  }

  /** Advances the current capture; false when the buffer ended before the value did. */
  private continueCapture(): boolean {
    const c = this.capture as Capture;
    const buf = this.buf;
    const n = buf.byteLength;
    let p = this.pos;
    const base = this.stack.length;
    if (c.purpose !== Purpose.Skip && this.bufStart + p - c.start > MAX_VALUE_BYTES) {
      throw this.error(c.start, `holds a single value of more than ${MAX_VALUE_BYTES} bytes at byte ${c.start}; it is not a Telegram export soz can read`);
    }
    if (c.kind === 1) {
      while (p < n) {
        const b = buf[p] as number;
        if (b === 0x2c || b === CLOSE_OBJ || b === CLOSE_ARR || b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09) {
          this.pos = p;
          this.completeCapture(this.bufStart + p);
          return true;
        }
        if (b === QUOTE || b === OPEN_OBJ || b === OPEN_ARR || b === 0x3a) throw this.syntax(this.bufStart + p, b);
        p++;
      }
      this.pos = p;
      return false;
    }
    // One tight loop over bytes with the state in locals: most strings in an export are short
    // keys and values, for which a per-string native search costs more than it saves.
    let inString = c.inString;
    let escaped = c.backslashes === 1;
    let depth = c.depth;
    const brackets = this.brackets;
    const limit = this.maxDepth - base;
    let done = false;
    while (p < n) {
      if (inString) {
        // Long texts: let the native search find the closing quote, then look back for escapes.
        if (escaped) {
          escaped = false;
          p++;
          continue;
        }
        const q = buf.indexOf(QUOTE, p);
        if (q < 0 || q >= n) {
          escaped = endsInEscape(buf, p, n);
          p = n;
          break;
        }
        const odd = endsInEscape(buf, p, q);
        p = q + 1;
        if (odd) continue;
        inString = false;
        if (c.kind === 0) {
          done = true;
          break;
        }
        continue;
      }
      const b = buf[p++] as number;
      if (b === QUOTE) {
        inString = true;
      } else if (b === OPEN_OBJ || b === OPEN_ARR) {
        if (depth + 1 > limit) {
          throw this.error(this.bufStart + p - 1, `nests deeper than ${this.maxDepth} levels at byte ${this.bufStart + p - 1}; raise the limit with --max-depth if the file is genuine`);
        }
        brackets[depth++] = b;
      } else if (b === CLOSE_OBJ || b === CLOSE_ARR) {
        if (depth === 0 || brackets[depth - 1] !== b - 2) throw this.syntax(this.bufStart + p - 1, b);
        if (--depth === 0) {
          done = true;
          break;
        }
      }
    }
    c.inString = inString;
    c.backslashes = escaped ? 1 : 0;
    c.depth = depth;
    this.pos = p;
    if (!done) return false;
    this.completeCapture(this.bufStart + p);
    return true;
  }

  private completeCapture(end: number): void {
    const c = this.capture as Capture;
    this.capture = null;
    const frame = this.stack[this.stack.length - 1] as Frame;
    switch (c.purpose) {
      case Purpose.Message:
        this.batchStarts.push(c.start);
        this.batchEnds.push(end);
        this.noteDepthLimit();
        // A fast-path search ran past this message's end: the file is not laid out that way.
        if (this.missedUpTo >= 0 && end < this.missedUpTo && ++this.fastMisses >= MAX_FAST_MISSES) this.fast = false;
        this.missedUpTo = -1;
        return;
      case Purpose.Skip:
        return;
      case Purpose.Key: {
        const key = this.parseSlice(c.start, end);
        frame.key = typeof key === 'string' ? key : null;
        frame.expect = Expect.Colon;
        return;
      }
      case Purpose.Scalar: {
        const value = this.parseSlice(c.start, end);
        const key = frame.key;
        if (key === 'name' || key === 'type' || key === 'id') {
          const text = typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
          if (text !== undefined) {
            if (frame.role === Role.Chat && frame.meta !== undefined) frame.meta[key] = text;
            if (frame.role === Role.Root) {
              frame.meta ??= { section: 'root', index: 0 };
              frame.meta[key] = text;
            }
          }
        }
        return;
      }
    }
  }

  private parseSlice(start: number, end: number): unknown {
    const bytes = this.buf.subarray(start - this.bufStart, end - this.bufStart);
    try {
      return JSON.parse(DECODER.decode(bytes)) as unknown;
    } catch {
      throw this.error(start, `malformed JSON value at byte ${start}; the export is damaged or not a Telegram result.json`);
    }
  }

  /** Emits the messages completed so far as one batch (a copy of their bytes). */
  private flushBatch(): void {
    if (this.batchStarts.length === 0) return;
    const first = this.batchStarts[0] as number;
    const last = this.batchEnds[this.batchEnds.length - 1] as number;
    // A fresh copy: it is transferred to a worker, which detaches its memory here.
    const bytes = new Uint8Array(last - first);
    bytes.set(this.buf.subarray(first - this.bufStart, last - this.bufStart));
    this.events.push({
      kind: 'batch',
      batch: { bytes, baseOffset: first, starts: this.batchStarts.map((s) => s - first), ends: this.batchEnds.map((e) => e - first), verified: this.batchVerified, depthLimit: this.batchDepthLimit },
    });
    this.batchStarts = [];
    this.batchEnds = [];
    this.batchVerified = true;
  }
}

/** Scalars a single-chat export has at the top; anything else marks a full-account export. */
const ROOT_SCALARS: Readonly<Record<string, true>> = { name: true, type: true, id: true };

const DECODER = new TextDecoder('utf-8', { fatal: false });

/** Whether bytes [from, end) end in an odd run of backslashes (the next byte is escaped). */
function endsInEscape(buf: Uint8Array, from: number, end: number): boolean {
  let k = end - 1;
  while (k >= from && buf[k] === BACKSLASH) k--;
  return ((end - 1 - k) & 1) === 1;
}
