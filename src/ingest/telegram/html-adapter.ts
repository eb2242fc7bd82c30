/**
 * Telegram Desktop HTML export: `messages.html`, `messages2.html`… (each page is its own evidence
 * file and its own document, chat name from the page header) and the full-account index pages
 * `export_results.html` and `lists/chats.html`, which hold no messages: they become a document
 * whose segments (part `body`, ids `i<k>` from 0) are the listed sections or chats, with a notice
 * saying the chats themselves are in `chats/chat_NN/messages*.html`.
 *
 * Differences from the JSON export that the examiner should know (recorded per document):
 * - `joined` messages (same author as the previous one) carry no author in the HTML; the author is
 *   inherited from the previous message on the page, and counted in `authorsInherited`. A
 *   `joined` first message of a page has no previous message: author '' and a notice.
 * - authors have no ids; service messages have no actor (author ''), `action` is the sentence
 *   the page shows. Day separators ("3 November 2025") are not messages; they are counted in
 *   `daySeparators`.
 * - times come from the `title` of `.date` ("11.03.2023 14:27:05 UTC+03:00"): converted to UTC
 *   (`…Z`, offset recorded), raw kept; without `UTC±hh:mm` the wall clock is kept, offset unknown.
 */
import type { parseDocument as parseDocumentType } from 'htmlparser2';
import { DocumentBuilder } from '../../core/document-builder.js';
import type { MediaItem, Party, Reaction, SozDocument, Timestamp } from '../../core/document.js';
import { UserError } from '../../core/errors.js';
import type { EvidenceInput, IngestAdapter } from '../adapter.js';
import { decodeText } from '../text-decode.js';
import type { ChatContext, Reactor, TelegramMessage, TextRun } from './message.js';
import { NO_TIMESTAMP, hasText, messageRole, messageSegments } from './message.js';

type HtmlDocument = ReturnType<typeof parseDocumentType>;
type HtmlNode = HtmlDocument['children'][number];
interface HtmlElement {
  readonly name: string;
  readonly attribs: Record<string, string>;
  readonly children: HtmlNode[];
}

/** Whether the input looks like a page of a Telegram Desktop HTML export. */
export function detectTelegramHtml(input: EvidenceInput): boolean {
  if (input.mediaType !== 'text/html') return false;
  const head = new TextDecoder('utf-8').decode(input.head.subarray(0, 64 * 1024));
  if (!head.includes('class="page_wrap"')) return false;
  return head.includes('<title>Exported Data</title>') || head.includes('class="message');
}

/** The HTML adapter (format `telegram-html`). */
export const telegramHtmlAdapter: IngestAdapter = {
  id: 'telegram-html',
  format: 'telegram-html',
  detect: detectTelegramHtml,
  extract: extractTelegramHtml,
};

async function* extractTelegramHtml(input: EvidenceInput): AsyncGenerator<SozDocument> {
  const bytes = await input.bytes();
  const { parseDocument } = await import('htmlparser2');
  const dom = parseDocument(decodeText(bytes).text);
  checkDepth(dom.children, input);
  yield pageDocument(dom.children, input);
}

function isElement(node: HtmlNode): node is HtmlNode & HtmlElement {
  return 'name' in node && 'attribs' in node;
}

function classes(node: HtmlElement): string[] {
  return (node.attribs.class ?? '').split(/\s+/).filter((c) => c !== '');
}

function hasClass(node: HtmlElement, name: string): boolean {
  return classes(node).includes(name);
}

/** First descendant (depth-first, pre-order) matching `test`, not descending into `stopAt`. */
function find(nodes: readonly HtmlNode[], test: (el: HtmlElement) => boolean, stopAt?: (el: HtmlElement) => boolean): HtmlElement | undefined {
  for (const node of nodes) {
    if (!isElement(node)) continue;
    if (test(node)) return node;
    if (stopAt?.(node)) continue;
    const hit = find(node.children, test, stopAt);
    if (hit !== undefined) return hit;
  }
  return undefined;
}

function findAll(nodes: readonly HtmlNode[], test: (el: HtmlElement) => boolean, out: HtmlElement[] = []): HtmlElement[] {
  for (const node of nodes) {
    if (!isElement(node)) continue;
    if (test(node)) out.push(node);
    else findAll(node.children, test, out);
  }
  return out;
}

function checkDepth(nodes: readonly HtmlNode[], input: EvidenceInput): void {
  const stack: Array<{ nodes: readonly HtmlNode[]; depth: number }> = [{ nodes, depth: 1 }];
  while (stack.length > 0) {
    const { nodes: level, depth } = stack.pop() as { nodes: readonly HtmlNode[]; depth: number };
    for (const node of level) {
      if (!isElement(node)) continue;
      if (depth > input.limits.maxDepth) throw new UserError(`${input.name}: HTML nests deeper than ${input.limits.maxDepth} levels; raise the limit with --max-depth if the file is genuine`, 'limit.depth');
      stack.push({ nodes: node.children, depth: depth + 1 });
    }
  }
}

/** Plain text of a subtree: `<br>` is a line break; the page's own line breaks are layout. */
function plainText(nodes: readonly HtmlNode[], skip?: (el: HtmlElement) => boolean): string {
  let out = '';
  for (const node of nodes) {
    if (isElement(node)) {
      if (skip?.(node)) continue;
      out += node.name === 'br' ? '\n' : plainText(node.children, skip);
    } else if ('data' in node && node.type === 'text') out += node.data;
  }
  return out;
}

/** Text of a `div.text` as runs of own and quoted voice (`<blockquote>`). */
function textRuns(div: HtmlElement): TextRun[] {
  const runs: TextRun[] = [];
  const walk = (nodes: readonly HtmlNode[], quote: boolean): void => {
    for (const node of nodes) {
      if (isElement(node)) {
        if (node.name === 'br') runs.push({ text: '\n', quote });
        else walk(node.children, quote || node.name === 'blockquote');
      } else if ('data' in node && node.type === 'text') {
        // Telegram writes message line breaks as <br>; raw newlines are the page's indentation.
        runs.push({ text: node.data.replace(/\n/g, ''), quote });
      }
    }
  };
  walk(div.children, false);
  // The closing tag's indentation follows the last text node.
  const last = runs[runs.length - 1];
  if (last !== undefined) runs[runs.length - 1] = { ...last, text: last.text.replace(/ +$/, '') };
  return runs;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "11.03.2023 14:27:05 UTC+03:00" → UTC instant; without an offset, the wall clock. */
export function htmlTimestamp(title: string | undefined): Timestamp {
  if (title === undefined) return NO_TIMESTAMP;
  const m = /^(\d{2})\.(\d{2})\.(\d{4}) (\d{2}):(\d{2}):(\d{2})(?: UTC([+-])(\d{2}):(\d{2}))?$/.exec(title.trim());
  if (m === null) return { iso: null, offset: 'unknown', raw: title };
  const [, dd, mm, yyyy, hh, mi, ss, sign, oh, om] = m;
  const wall = `${yyyy}-${mm}-${dd}T${hh}:${mi}:${ss}`;
  if (sign === undefined) return { iso: wall, offset: 'unknown', raw: title };
  const offsetMinutes = (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om));
  const utc = Date.UTC(Number(yyyy), Number(mm) - 1, Number(dd), Number(hh), Number(mi), Number(ss)) - offsetMinutes * 60_000;
  return { iso: new Date(utc).toISOString().replace('.000Z', 'Z'), offset: 'recorded', raw: title };
}

function messageIdFromAttr(id: string | undefined): string | undefined {
  const m = /^message(-?\d+)$/.exec(id ?? '');
  return m?.[1];
}

function gotoTarget(el: HtmlElement | undefined): string | undefined {
  if (el === undefined) return undefined;
  const link = find(el.children, (a) => a.name === 'a');
  const source = `${link?.attribs.href ?? ''} ${link?.attribs.onclick ?? ''}`;
  return /go_to_message(-?\d+)/.exec(source)?.[1] ?? /GoToMessage\((-?\d+)\)/.exec(source)?.[1];
}

/** Name in a `from_name` block without the date/"via" spans Telegram appends. */
function nameOf(el: HtmlElement | undefined): string {
  if (el === undefined) return '';
  return plainText(el.children, (child) => child.name === 'span').replace(/\s+/g, ' ').trim();
}

function mediaOf(body: HtmlElement): MediaItem[] {
  const media: MediaItem[] = [];
  for (const el of findAll(body.children, (e) => (hasClass(e, 'media') && classes(e).some((c) => c.startsWith('media_'))) || hasClass(e, 'photo_wrap') || hasClass(e, 'video_file_wrap') || hasClass(e, 'animated_wrap') || hasClass(e, 'sticker_wrap'))) {
    if (hasClass(el, 'photo_wrap')) {
      media.push({ type: 'photo', ...(el.attribs.href ? { fileName: el.attribs.href } : {}), inExport: el.attribs.href !== undefined && el.attribs.href !== '' });
      continue;
    }
    const kind = classes(el).find((c) => c.startsWith('media_') || c.endsWith('_wrap')) ?? 'media_file';
    const type = kind.replace(/^media_/, '').replace(/_wrap$/, '');
    const title = find(el.children, (e) => hasClass(e, 'title'));
    const description = plainText(find(el.children, (e) => hasClass(e, 'description'))?.children ?? []).trim();
    const href = el.name === 'a' ? el.attribs.href : undefined;
    const notIncluded = /^Not included/.test(description) || /^File exceeds/.test(description);
    const fileName = href !== undefined && href !== '' ? href : title !== undefined ? plainText(title.children).trim() : undefined;
    media.push({ type, ...(fileName !== undefined && fileName !== '' ? { fileName } : {}), inExport: notIncluded ? false : href !== undefined && href !== '' ? true : 'unknown' });
  }
  return media;
}

function reactionsOf(body: HtmlElement): { reactions: Reaction[]; reactors: Reactor[] } {
  const reactions: Reaction[] = [];
  const reactors: Reactor[] = [];
  for (const el of findAll(body.children, (e) => hasClass(e, 'reaction'))) {
    const emoji = plainText(find(el.children, (e) => hasClass(e, 'emoji'))?.children ?? []).trim();
    const from: Party[] = findAll(el.children, (e) => e.attribs.title !== undefined && (hasClass(e, 'initials') || e.name === 'img')).map((e) => ({ name: (e.attribs.title ?? '').trim() }));
    const countText = plainText(find(el.children, (e) => hasClass(e, 'count'))?.children ?? []).trim();
    const count = /^\d+$/.test(countText) ? Number(countText) : from.length;
    reactions.push({ emoji, count, from });
    for (const party of from) reactors.push({ party, emoji, timestamp: NO_TIMESTAMP });
  }
  return { reactions, reactors };
}

const DAY_SEPARATOR = new RegExp(`^\\d{1,2} (${MONTHS.join('|')}) \\d{4}$`);

interface PageState {
  previousAuthor: Party | null;
  inherited: number;
  orphanJoined: number;
  daySeparators: number;
  uninterpreted: number;
}

function pageDocument(nodes: readonly HtmlNode[], input: EvidenceInput): SozDocument {
  const builder = new DocumentBuilder({ sha256: input.sha256, name: input.name, ...(input.entry !== undefined ? { entry: input.entry } : {}) }, 'telegram-html');
  const header = find(nodes, (e) => hasClass(e, 'page_header'));
  const title = plainText(find(header?.children ?? [], (e) => hasClass(e, 'text') && hasClass(e, 'bold'))?.children ?? []).replace(/\s+/g, ' ').trim();
  const history = find(nodes, (e) => hasClass(e, 'history'));
  if (history === undefined) return indexDocument(nodes, builder, title);
  const chat: ChatContext = { chatId: '', chatName: title };
  const state: PageState = { previousAuthor: null, inherited: 0, orphanJoined: 0, daySeparators: 0, uninterpreted: 0 };
  const seen = new Set<string>();
  let messages = 0;
  for (const el of history.children) {
    if (!isElement(el) || !hasClass(el, 'message')) continue;
    const segments = messageElement(el, chat, state);
    if (segments === null) continue;
    messages++;
    for (const segment of segments) {
      if (seen.has(segment.id)) throw new UserError(`${input.name}: message id ${segment.id} occurs twice on this page; the page is damaged`, 'telegram.duplicate-message-id');
      seen.add(segment.id);
      builder.add(segment);
    }
  }
  if (state.orphanJoined > 0) builder.notice({ code: 'telegram.author-unknown', severity: 'warning', message: `${state.orphanJoined} message(s) at the top of this page continue an author from the previous page; their author is unknown here (see the previous messages*.html page)` });
  if (state.uninterpreted > 0) builder.notice({ code: 'telegram.uninterpreted', severity: 'warning', message: `${state.uninterpreted} message block(s) could not be interpreted and are kept as their text in segments with role 'uninterpreted'` });
  return builder.build({
    platform: 'telegram',
    chatName: title,
    messages,
    authorsInherited: state.inherited,
    daySeparators: state.daySeparators,
    uninterpreted: state.uninterpreted,
    nextPage: find(nodes, (e) => hasClass(e, 'pagination'))?.attribs.href ?? '',
  });
}

function messageElement(el: HtmlElement, chat: ChatContext, state: PageState): ReturnType<typeof messageSegments> | null {
  const id = messageIdFromAttr(el.attribs.id);
  if (hasClass(el, 'service')) {
    const text = plainText(find(el.children, (e) => hasClass(e, 'body'))?.children ?? []).replace(/\s+/g, ' ').trim();
    if (DAY_SEPARATOR.test(text) && /^message-\d+$/.test(el.attribs.id ?? '')) {
      state.daySeparators++;
      return null;
    }
    if (id === undefined) return uninterpretedBlock(el, chat, state);
    return messageSegments({ id, author: { name: '' }, timestamp: NO_TIMESTAMP, role: 'service', runs: [{ text, quote: false }], action: text }, chat);
  }
  if (!hasClass(el, 'default') || id === undefined) return uninterpretedBlock(el, chat, state);
  const body = find(el.children, (e) => hasClass(e, 'body') && !hasClass(e, 'forwarded'));
  if (body === undefined) return uninterpretedBlock(el, chat, state);
  const ownName = find(body.children, (e) => hasClass(e, 'from_name'), (e) => hasClass(e, 'forwarded') || hasClass(e, 'reply_to'));
  let author: Party;
  if (hasClass(el, 'joined') || ownName === undefined) {
    if (state.previousAuthor === null) {
      state.orphanJoined++;
      author = { name: '' };
    } else {
      state.inherited++;
      author = state.previousAuthor;
    }
  } else author = { name: nameOf(ownName) };
  state.previousAuthor = author;
  const date = find(body.children, (e) => hasClass(e, 'date') && hasClass(e, 'details'), (e) => hasClass(e, 'forwarded'));
  const forwardedBody = find(body.children, (e) => hasClass(e, 'forwarded') && hasClass(e, 'body'));
  const forwardedFrom = forwardedBody === undefined ? undefined : { name: nameOf(find(forwardedBody.children, (e) => hasClass(e, 'from_name'))) };
  const replyTo = gotoTarget(find(body.children, (e) => hasClass(e, 'reply_to')));
  const textDiv = find(body.children, (e) => hasClass(e, 'text'), (e) => hasClass(e, 'reply_to') || hasClass(e, 'reactions') || hasClass(e, 'media_wrap'));
  const runs = textDiv === undefined ? [] : textRuns(textDiv);
  const media = mediaOf(body);
  const { reactions, reactors } = reactionsOf(body);
  const message: TelegramMessage = {
    id,
    author,
    timestamp: htmlTimestamp(date?.attribs.title),
    role: messageRole({ forwarded: forwardedFrom !== undefined, ...(replyTo !== undefined ? { replyTo } : {}), hasText: hasText(runs), mediaCount: media.length }),
    runs,
    ...(forwardedFrom !== undefined ? { forwardedFrom } : {}),
    ...(replyTo !== undefined ? { replyTo } : {}),
    ...(media.length > 0 ? { media } : {}),
    ...(reactions.length > 0 ? { reactions, reactors } : {}),
  };
  return messageSegments(message, chat);
}

function uninterpretedBlock(el: HtmlElement, chat: ChatContext, state: PageState): ReturnType<typeof messageSegments> {
  state.uninterpreted++;
  const id = messageIdFromAttr(el.attribs.id) ?? `@${state.uninterpreted}`;
  return [
    {
      id: `m${id}`,
      text: plainText(el.children).replace(/\n\s*\n/g, '\n').trim(),
      part: 'message',
      anchor: { messageId: id },
      message: { platform: 'telegram', chatId: chat.chatId, chatName: chat.chatName, messageId: id, author: { name: '' }, timestamp: NO_TIMESTAMP, role: 'uninterpreted' },
    },
  ];
}

/** `export_results.html` / `lists/chats.html`: the listed sections or chats, no messages. */
function indexDocument(nodes: readonly HtmlNode[], builder: DocumentBuilder, title: string): SozDocument {
  const entries = findAll(nodes, (e) => e.name === 'a' && (hasClass(e, 'entry') || hasClass(e, 'section')));
  entries.forEach((entry, k) => {
    const parts = findAll(entry.children, (e) => hasClass(e, 'name') || hasClass(e, 'label') || hasClass(e, 'info') || hasClass(e, 'details_entry') || hasClass(e, 'counter'));
    const text = parts.map((p) => plainText(p.children).replace(/\s+/g, ' ').trim()).filter((t) => t !== '').join(' · ');
    const href = (entry.attribs.href ?? '').replace(/#allow_back$/, '');
    builder.add({ id: `i${k}`, text: href === '' ? text : `${text} (${href})`, part: 'body', anchor: { paragraph: k } });
  });
  builder.notice({
    code: 'telegram.index-page',
    severity: 'info',
    message: 'this page of a Telegram HTML export only lists what the export holds; the messages are in chats/chat_NN/messages*.html — add those pages',
  });
  return builder.build({ platform: 'telegram', pageKind: 'index', pageTitle: title, entries: entries.length });
}
