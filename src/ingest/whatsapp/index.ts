import { DocumentBuilder } from '../../core/document-builder.js';
import type { MessageInfo, Notice, SozDocument } from '../../core/document.js';
import { UserError } from '../../core/errors.js';
import type { EvidenceInput, IngestAdapter } from '../adapter.js';
import { decodeText } from '../text-decode.js';
import { classifyBody } from './body.js';
import type { DatedHeader, DateOrder, DateOrderDecision } from './date-order.js';
import { attachmentDate, decideDateOrder, isAmbiguous, isoLocal, readDate } from './date-order.js';
import { hour24, parseHeader } from './header.js';
import type { RawMessage } from './parse.js';
import { senderCandidate, splitMessages, splitSender } from './parse.js';

export type { DateOrder } from './date-order.js';

/** Options of the WhatsApp adapter. */
export interface WhatsappOptions {
  /**
   * Day/month order to use ONLY when the file itself does not decide it (see `decideDateOrder`);
   * without it, undecidable dates keep `iso: null` and a warning notice is emitted.
   */
  readonly dateOrder?: DateOrder;
}

/**
 * WhatsApp "Export chat" `.txt` (Android and iOS layouts). One segment per message, id `m<n>`
 * with n the 1-based message ordinal in file order, anchored at the 1-based line where the
 * message starts. The segment text is the message body (continuation lines included, line
 * endings normalised to `\n`, a leading U+200E mark removed); system lines keep their whole text.
 */
export function createWhatsappAdapter(options: WhatsappOptions = {}): IngestAdapter {
  return {
    id: 'whatsapp',
    format: 'whatsapp-txt',
    detect: detectWhatsapp,
    extract: (input) => extractWhatsapp(input, options),
  };
}

/** The WhatsApp adapter with default options (undecidable day/month order is reported). */
export const whatsappAdapter: IngestAdapter = createWhatsappAdapter();

/** True when the first non-empty line of the input is a WhatsApp message header. */
export function detectWhatsapp(input: Pick<EvidenceInput, 'head'>): boolean {
  const head = input.head;
  const text =
    head[0] === 0xff && head[1] === 0xfe
      ? new TextDecoder('utf-16le').decode(head.subarray(2, 4096))
      : new TextDecoder('utf-8').decode(head.subarray(0, 4096));
  const first = text
    .replace(/^\ufeff/u, '')
    .split('\n')
    .map((line) => line.replace(/\r$/u, ''))
    .find((line) => line.trim() !== '');
  return first !== undefined && parseHeader(first) !== undefined;
}

async function* extractWhatsapp(input: EvidenceInput, options: WhatsappOptions): AsyncIterable<SozDocument> {
  const decoded = decodeText(await input.bytes());
  yield buildWhatsappDocument(decoded.text, input, input.dateOrder ? { ...options, dateOrder: input.dateOrder } : options, { encoding: decoded.encoding });
}

/**
 * Builds the document from decoded export text (pure; exported for tests). Throws a `UserError`
 * when no line is a WhatsApp header.
 */
export function buildWhatsappDocument(
  text: string,
  input: Pick<EvidenceInput, 'name' | 'sha256' | 'entry' | 'limits'>,
  options: WhatsappOptions = {},
  extraProperties: Record<string, string> = {},
): SozDocument {
  const { messages, lineEnding } = splitMessages(text);
  const headed = messages.filter((m): m is RawMessage & { header: NonNullable<RawMessage['header']> } => m.header !== undefined);
  if (headed.length === 0) {
    const unread = messages.filter((m) => m.unreadHeader).length;
    const shape = unread > 0 ? `; ${unread} line(s) look like message headers but their date/time could not be read (first: line ${messages.find((m) => m.unreadHeader)?.line ?? 0}), please report the phone's language setting` : '';
    throw new UserError(`${input.name}: no WhatsApp message line found (expected e.g. "24.09.2020, 11:38 - Name: text")${shape}; check that this is a WhatsApp "Export chat" file`, 'whatsapp.no-messages', undefined, { key: 'error.ingest.whatsapp-no-messages', params: { name: input.name, shape } });
  }
  if (messages.length > input.limits.maxSegments) {
    throw new UserError(`${input.name}: ${messages.length} messages exceed the limit of ${input.limits.maxSegments}; raise it with --max-segments`, 'limit.segments', undefined, { key: 'error.limit.messages', params: { name: input.name, count: messages.length, limit: input.limits.maxSegments } });
  }

  const knownSenders = [...new Set(headed.map((m) => senderCandidate(m.rest, m.header.layout)?.sender).filter((s): s is string => s !== undefined))].sort(
    (a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0),
  );
  const split = new Map<RawMessage, ReturnType<typeof splitSender>>(headed.map((m) => [m, splitSender(m.rest, m.header.layout, knownSenders)]));
  const dated: DatedHeader[] = headed.map((m) => {
    const date = attachmentDate(split.get(m)?.body ?? '');
    return { header: m.header, line: m.line, ...(date ? { attachmentDate: date } : {}) };
  });
  const decision = decideDateOrder(dated, options.dateOrder);

  const chatName = chatNameOf(input.name);
  const chatId = input.entry ?? input.name;
  const builder = new DocumentBuilder({ sha256: input.sha256, name: input.name, ...(input.entry !== undefined ? { entry: input.entry } : {}) }, 'whatsapp-txt');
  let uninterpreted = 0;
  const unreadHeaders: RawMessage[] = [];
  let invalidTimes = 0;
  let backwards = 0;
  let previousIso: string | undefined;
  const layouts = new Set<string>();

  messages.forEach((raw, index) => {
    const ordinal = String(index + 1);
    const continuation = raw.continuation.length > 0 ? `\n${raw.continuation.join('\n')}` : '';
    if (!raw.header) {
      if (raw.unreadHeader) unreadHeaders.push(raw);
      else uninterpreted += 1;
      const message: MessageInfo = {
        platform: 'whatsapp',
        chatId,
        chatName,
        messageId: ordinal,
        author: { name: '' },
        timestamp: { iso: null, offset: 'unknown', raw: '' },
        role: 'uninterpreted',
      };
      builder.add({ id: `m${ordinal}`, text: raw.rest + continuation, part: 'message', anchor: { messageId: ordinal, line: raw.line }, message });
      return;
    }
    layouts.add(raw.header.layout);
    const iso = isoLocal(raw.header, decision.order);
    if (iso === null && (hour24(raw.header) === undefined || !isAmbiguous(raw.header) || decision.order !== null)) invalidTimes += 1;
    if (iso !== null && previousIso !== undefined && iso < previousIso) backwards += 1;
    if (iso !== null) previousIso = iso;
    const { sender, body } = split.get(raw) ?? { body: raw.rest };
    const timestamp = { iso, offset: 'unknown' as const, raw: raw.header.raw };
    const base = { platform: 'whatsapp' as const, chatId, chatName, messageId: ordinal, timestamp };
    let message: MessageInfo;
    let segmentText: string;
    if (sender === undefined) {
      segmentText = body.replace(/^\u200e/u, '') + continuation;
      message = { ...base, author: { name: '' }, role: 'service', action: segmentText };
    } else {
      const fullBody = body + continuation;
      const kind = classifyBody(fullBody, raw.header.layout === 'ios');
      segmentText = fullBody.replace(/^\u200e/u, '');
      message = {
        ...base,
        author: { name: sender },
        role: kind.role,
        ...(kind.role === 'service' ? { action: segmentText } : {}),
        ...(kind.media ? { media: kind.media } : {}),
        ...(kind.edited ? { edited: true } : {}),
      };
    }
    builder.add({ id: `m${ordinal}`, text: segmentText, part: 'message', anchor: { messageId: ordinal, line: raw.line }, message });
  });

  for (const notice of dateOrderNotices(decision, input.name)) builder.notice(notice);
  if (uninterpreted > 0) {
    builder.notice({
      code: 'whatsapp.uninterpreted',
      severity: 'warning',
      message: `${uninterpreted} block(s) of text before the first message header could not be read as messages; kept verbatim as uninterpreted segments`,
    });
  }
  const firstUnread = unreadHeaders[0];
  if (firstUnread) {
    builder.notice({
      code: 'whatsapp.header-unreadable',
      severity: 'warning',
      message: `${unreadHeaders.length} line(s) start like a message header (date and time) that could not be read, first at line ${firstUnread.line} ("${headerPrefix(firstUnread.rest)}"); each is kept verbatim with the lines after it as an uninterpreted segment of unknown author, not joined to the previous message`,
      anchor: { line: firstUnread.line },
    });
  }
  if (invalidTimes > 0) {
    builder.notice({
      code: 'whatsapp.time-invalid',
      severity: 'warning',
      message: `${invalidTimes} timestamp(s) are impossible as written (e.g. "13:37 p.m." or a day past the month's end); kept raw, ISO time left empty`,
    });
  }
  if (backwards > 0) {
    builder.notice({
      code: 'whatsapp.out-of-order',
      severity: 'info',
      message: `${backwards} message(s) carry an earlier time than the message before them; file order is kept as exported`,
    });
  }
  return builder.build({
    ...extraProperties,
    messages: messages.length,
    layout: layouts.size === 1 ? [...layouts][0] ?? 'unknown' : 'mixed',
    lineEnding,
    dateOrder: decision.order ?? 'undecided',
    dateOrderBasis: decision.basis,
  });
}

function dateOrderNotices(decision: DateOrderDecision, name: string): Notice[] {
  const example = decision.example;
  if (decision.ambiguousCount === 0 || !example) return [];
  const dayFirst = readDate(example.header, 'day-first');
  const monthFirst = readDate(example.header, 'month-first');
  const show = (d: typeof dayFirst) => (d ? `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}` : 'impossible');
  const readings = `"${example.header.raw.trim()}" (line ${example.line}) reads ${show(dayFirst)} day-first or ${show(monthFirst)} month-first`;
  if (decision.order === null) {
    return [
      {
        code: decision.basis === 'conflict' ? 'whatsapp.date-order-conflict' : 'whatsapp.date-order-ambiguous',
        severity: 'warning',
        message: `${name}: day/month order not decided (${decision.evidence}); ${decision.ambiguousCount} timestamp(s) such as ${readings}; their ISO date is left empty and the raw text kept; set the order with --date-order dmy|mdy on soz add / soz run, or for a file in custody with soz evidence date-order CASE "${name}" dmy|mdy, then soz analyze CASE`,
        anchor: { line: example.line },
      },
    ];
  }
  return [
    {
      code: 'whatsapp.date-order',
      severity: decision.basis === 'option' ? 'warning' : 'info',
      message: `dates read ${decision.order} because ${decision.evidence}; this decides ${decision.ambiguousCount} timestamp(s) such as ${readings}`,
      anchor: { line: example.line },
    },
  ];
}

/** The date/time part of an unreadable header line (up to its ` - ` or `]`), for the notice; at most 40 code units. */
function headerPrefix(line: string): string {
  const end = /[ \u00a0\u202f\u200e\u200f][-\u2013][ \u00a0\u202f\u200e\u200f]|\]/u.exec(line);
  const prefix = end ? line.slice(0, end.index + (end[0] === ']' ? 1 : 0)) : line;
  return prefix.length > 40 ? `${prefix.slice(0, 40)}…` : prefix;
}

/** Chat name from the export's file name (`WhatsApp Chat with X.txt`, `Чат WhatsApp с X.txt`). */
export function chatNameOf(fileName: string): string {
  const base = fileName.replace(/^.*[/\\]/u, '');
  const match = /^(?:WhatsApp Chat (?:with|-) |Чат WhatsApp с |WhatsApp-чат с )(.+?)(?:\.txt)?$/iu.exec(base);
  return match?.[1] ?? base.replace(/\.txt$/iu, '');
}
