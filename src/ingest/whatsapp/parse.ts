import type { HeaderFields } from './header.js';
import { looksLikeHeader, parseHeader } from './header.js';

/** One message as laid out in the file: its header line and the lines that continue it. */
export interface RawMessage {
  /** Line where the message starts, 1-based. */
  readonly line: number;
  /** Absent for text before the first header and for an unreadable header (both kept as uninterpreted). */
  readonly header?: HeaderFields;
  /**
   * True when the first line has a header's shape (date, time, ` - ` or `]`) that could not be
   * read: it opens a message of unknown author instead of continuing the previous one.
   */
  readonly unreadHeader?: true;
  /** First-line text after the header (the whole first line when there is no header). */
  readonly rest: string;
  /** Following lines up to the next header, line endings removed. */
  readonly continuation: readonly string[];
}

/** Line-ending style found, recorded so the examiner knows what was normalised. */
export type LineEnding = 'lf' | 'crlf' | 'mixed' | 'none';

/**
 * Splits an export into messages: a line that starts with a header opens a message; so does a
 * line shaped like a header that cannot be read (`unreadHeader`), so that its text is never
 * attributed to the previous sender; any other line continues the previous message (multi-line
 * messages). Text before the first header becomes a header-less message so nothing is dropped.
 */
export function splitMessages(text: string): { messages: RawMessage[]; lineEnding: LineEnding } {
  const lines = text.split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  let crlf = 0;
  const messages: RawMessage[] = [];
  let current: { line: number; header?: HeaderFields; unreadHeader?: true; rest: string; continuation: string[] } | undefined;
  lines.forEach((rawLine, index) => {
    const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    if (line !== rawLine) crlf += 1;
    const header = parseHeader(line);
    if (header) {
      if (current) messages.push(current);
      current = { line: index + 1, header, rest: line.slice(header.length), continuation: [] };
    } else if (looksLikeHeader(line)) {
      if (current) messages.push(current);
      current = { line: index + 1, unreadHeader: true, rest: line, continuation: [] };
    } else if (current) {
      current.continuation.push(line);
    } else {
      current = { line: index + 1, rest: line, continuation: [] };
    }
  });
  if (current) messages.push(current);
  const newlineCount = lines.length - 1;
  const lineEnding: LineEnding = newlineCount <= 0 && crlf === 0 ? 'none' : crlf === 0 ? 'lf' : crlf >= newlineCount ? 'crlf' : 'mixed';
  return { messages, lineEnding };
}

/** Sender and body of a header line's remainder; no sender for WhatsApp's own (system) lines. */
export interface SenderSplit {
  readonly sender?: string;
  readonly body: string;
}

/**
 * A sender candidate from the `Name: ` rule. Android system lines start with U+200E and have no
 * sender; a candidate with quotation marks is a system line quoting a group subject.
 */
export function senderCandidate(rest: string, layout: HeaderFields['layout']): SenderSplit | undefined {
  if (layout === 'android' && rest.startsWith('\u200e')) return undefined;
  const index = rest.indexOf(': ');
  if (index <= 0) return undefined;
  const sender = rest.slice(0, index);
  if (/["“”«»]/u.test(sender)) return undefined;
  return { sender, body: rest.slice(index + 2) };
}

/**
 * Splits sender and body. `knownSenders` (longest first) rescues bodies glued to the colon
 * (`John Doe:.`), which the `Name: ` rule alone would take for a system line.
 */
export function splitSender(rest: string, layout: HeaderFields['layout'], knownSenders: readonly string[]): SenderSplit {
  const candidate = senderCandidate(rest, layout);
  if (candidate) return candidate;
  if (!(layout === 'android' && rest.startsWith('\u200e'))) {
    const known = knownSenders.find((name) => rest.startsWith(`${name}:`));
    if (known !== undefined) return { sender: known, body: rest.slice(known.length + 1) };
  }
  return { body: rest };
}
