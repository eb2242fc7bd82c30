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
 * - the HTML does not mark edited messages (tdesktop's `HtmlWriter::Wrap::pushMessage` writes the
 *   send date only; the JSON writer adds `edited`), so `edited` is never set here — absent means
 *   unknown, not "not edited" — and every page with messages has the property
 *   `editsRecorded: false`.
 * - a reply to a message in another chat has no link to its target: role `reply`, no `replyTo`,
 *   counted in `repliesElsewhere`. A message sent through an inline bot shows "Name via @bot" as
 *   its author; the author is the name, the bot is named in a `telegram.via-bot` notice.
 *
 * Roles are read from the page structure, never from its words: the fixed strings ("In reply to",
 * "pinned", "Not included, …", "3 November 2025") are English literals in tdesktop's
 * `export_output_html.cpp` whatever the interface language, but forks may translate them. Day
 * separators are the service blocks the writer numbers -1, -2, … (`isWriterLine`; a migrated
 * group's messages have ids near -2^30 and stay messages); a reply is a `.reply_to` block; a
 * forward, a `.forwarded.body`; media, a `.media_wrap`; a file is in the export when its media
 * block links to a relative path. Not visible in the HTML: a forward shown as the original (Saved
 * Messages, `showForwardedAsOriginal`) looks like an authored message.
 */
import type { parseDocument as parseDocumentType } from 'htmlparser2';
import { DocumentBuilder } from '../../core/document-builder.js';
import type { MediaItem, Party, Reaction, SozDocument, Timestamp } from '../../core/document.js';
import { UserError } from '../../core/errors.js';
import type { EvidenceInput, IngestAdapter } from '../adapter.js';
import { decodeText } from '../text-decode.js';
import type { ChatContext, ExtraLabel, ExtraText, Reactor, TelegramMessage, TextRun } from './message.js';
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
      if (depth > input.limits.maxDepth) throw new UserError(`${input.name}: HTML nests deeper than ${input.limits.maxDepth} levels; raise the limit with --max-depth if the file is genuine`, 'limit.depth', undefined, { key: 'error.limit.depth-html', params: { name: input.name, limit: input.limits.maxDepth } });
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

/**
 * Name in a `from_name` block without the date span of a forwarded header, and the inline bot of
 * "Name via @bot": `pushMessage` appends the literal " via @" + username (Latin letters, digits,
 * `_`) as text, so a name alone never ends that way.
 */
function nameOf(el: HtmlElement | undefined): { name: string; viaBot?: string } {
  if (el === undefined) return { name: '' };
  const text = plainText(el.children, (child) => child.name === 'span').replace(/\s+/g, ' ').trim();
  const via = / via @([A-Za-z0-9_]+)$/.exec(text);
  return via === null ? { name: text } : { name: text.slice(0, via.index), viaBot: via[1] as string };
}

/** `http(s)://…` links (maps, games) are not files of the export; tdesktop's `IsGlobalLink`. */
function isGlobalLink(href: string): boolean {
  return /^https?:\/\//i.test(href);
}

/**
 * Generic media kinds that stand for a file (`prepareMediaData` and the fallbacks of
 * `pushPhotoMedia`/`pushVideoFileMedia`/`pushAnimatedMedia`/`pushStickerMedia`): the writer links
 * them to the file when it is in the export and writes a plain `div` when it is not.
 */
const FILE_KINDS = new Set(['photo', 'video', 'file', 'audio_file', 'voice_message']);

/** Media type named by the wrapper's classes, as close to the JSON `media_type` as the page allows. */
const WRAP_TYPES: Readonly<Record<string, string>> = { photo_wrap: 'photo', video_file_wrap: 'video_file', animated_wrap: 'animation', sticker_wrap: 'sticker' };

/** One item per `.media_wrap` (every media block the writer emits is wrapped in one). */
function mediaOf(body: HtmlElement): MediaItem[] {
  const media: MediaItem[] = [];
  for (const wrap of findAll(body.children, (e) => hasClass(e, 'media_wrap') || hasClass(e, 'reactions'))) {
    if (hasClass(wrap, 'reactions')) continue;
    const inner = wrap.children.find((c): c is HtmlNode & HtmlElement => isElement(c));
    if (inner === undefined) continue;
    const href = inner.name === 'a' ? (inner.attribs.href ?? '') : '';
    const wrapType = classes(inner).map((c) => WRAP_TYPES[c]).find((t) => t !== undefined);
    if (wrapType !== undefined) {
      // Thumbnailed photo/video/GIF/sticker: written only when the file is in the export.
      media.push({ type: wrapType, ...(href !== '' ? { fileName: href } : {}), inExport: href !== '' ? true : 'unknown' });
      continue;
    }
    const kind = classes(inner).find((c) => c.startsWith('media_')) ?? classes(inner)[0] ?? inner.name;
    const type = kind.replace(/^media_/, '');
    if (!FILE_KINDS.has(type)) {
      // Calls, contacts, locations, polls…: no file of the export (a vCard link is one).
      media.push({ type, ...(href !== '' && !isGlobalLink(href) ? { fileName: href, inExport: true } : { inExport: 'unknown' }) });
      continue;
    }
    const title = type === 'file' ? plainText(find(inner.children, (e) => hasClass(e, 'title'))?.children ?? []).trim() : '';
    const fileName = href !== '' ? href : title;
    media.push({ type, ...(fileName !== '' ? { fileName } : {}), inExport: href !== '' });
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

/**
 * Text of a day separator in any interface language: a day, a month word, a year ("3 November
 * 2025" from `FormatDateText`; "3 ноября 2025 г." in a translated writer).
 */
const DATE_SHAPED = /^\d{1,2}\.? \p{L}+\.? \d{4}(?: \p{L}+\.?)?$/u;

/**
 * Largest count of the writer's own lines in one chat: one day header per calendar day with
 * messages (2,700 years of days), far below the ids of a migrated group's messages.
 */
const WRITER_LINES_MAX = 1_000_000;

/**
 * Whether a service block's id is one the writer gave its own line (a day header, "No exported
 * messages"): those are numbered -1, -2, … per chat (`--_dateMessageId` in `writeDialogSlice`).
 * Messages of a basic group the chat was migrated from also have negative ids, but near -2^30
 * (e.g. `message-999663279` in the real workgroup export): those are messages.
 */
function isWriterLine(id: string): boolean {
  const n = Number(id);
  return n < 0 && n >= -WRITER_LINES_MAX;
}

interface PageState {
  previousAuthor: Party | null;
  /** Original author of the previous message when it was forwarded, else null. */
  previousForwardedFrom: Party | null;
  inherited: number;
  orphanJoined: number;
  daySeparators: number;
  /** Texts of negative-id blocks that are not dates (e.g. "No exported messages"). */
  exporterNotes: string[];
  uninterpreted: number;
  repliesElsewhere: number;
  forwardsInherited: number;
  /** Inline bot of the previous message's own author line, else null. */
  previousViaBot: string | null;
  viaBot: Array<{ id: string; bot: string; forwarded: boolean }>;
  /** Messages with words in blocks no part of this adapter reads, and the first of them. */
  unreadBlocks: number;
  firstUnreadBlock: string;
}

function pageDocument(nodes: readonly HtmlNode[], input: EvidenceInput): SozDocument {
  const builder = new DocumentBuilder({ sha256: input.sha256, name: input.name, ...(input.entry !== undefined ? { entry: input.entry } : {}) }, 'telegram-html');
  const header = find(nodes, (e) => hasClass(e, 'page_header'));
  const title = plainText(find(header?.children ?? [], (e) => hasClass(e, 'text') && hasClass(e, 'bold'))?.children ?? []).replace(/\s+/g, ' ').trim();
  const history = find(nodes, (e) => hasClass(e, 'history'));
  if (history === undefined) return indexDocument(nodes, builder, title);
  const chat: ChatContext = { chatId: '', chatName: title };
  const state: PageState = { previousAuthor: null, previousForwardedFrom: null, inherited: 0, orphanJoined: 0, daySeparators: 0, exporterNotes: [], uninterpreted: 0, repliesElsewhere: 0, forwardsInherited: 0, previousViaBot: null, viaBot: [], unreadBlocks: 0, firstUnreadBlock: '' };
  const seen = new Set<string>();
  let messages = 0;
  for (const el of history.children) {
    if (!isElement(el) || !hasClass(el, 'message')) continue;
    const segments = messageElement(el, chat, state);
    if (segments === null) continue;
    messages++;
    for (const segment of segments) {
      if (seen.has(segment.id)) throw new UserError(`${input.name}: message id ${segment.id} occurs twice on this page; the page is damaged`, 'telegram.duplicate-message-id', undefined, { key: 'error.ingest.telegram-duplicate-id', params: { name: input.name, id: segment.id } });
      seen.add(segment.id);
      builder.add(segment);
    }
  }
  if (state.orphanJoined > 0) builder.notice({ code: 'telegram.author-unknown', severity: 'warning', message: `${state.orphanJoined} message(s) at the top of this page continue an author from the previous page; their author is unknown here (see the previous messages*.html page)` });
  if (state.uninterpreted > 0) builder.notice({ code: 'telegram.uninterpreted', severity: 'warning', message: `${state.uninterpreted} message block(s) could not be interpreted and are kept as their text in segments with role 'uninterpreted'` });
  if (state.repliesElsewhere > 0) builder.notice({ code: 'telegram.reply-target-elsewhere', severity: 'info', message: `${state.repliesElsewhere} repl(y/ies) answer a message in another chat; the HTML export does not give that message's id (the JSON export does)` });
  for (const { id, bot, forwarded } of state.viaBot) {
    const what = forwarded ? `the original of forwarded message ${id} was` : `message ${id} was`;
    builder.notice({ code: 'telegram.via-bot', severity: 'info', message: `${what} sent through the inline bot @${bot}: the bot produced its content at the sender's request`, anchor: { messageId: id } });
  }
  if (state.unreadBlocks > 0) {
    builder.notice({
      code: 'telegram.unread-element',
      severity: 'warning',
      message: `${state.unreadBlocks} message(s) show words in page elements soz does not read (first: message ${state.firstUnreadBlock}); they are in the evidence file, not in the document`,
      anchor: { messageId: state.firstUnreadBlock },
    });
  }
  for (const text of state.exporterNotes) builder.notice({ code: 'telegram.exporter-note', severity: 'info', message: `the exporter wrote a line that is not a message: "${text}"` });
  return builder.build({
    platform: 'telegram',
    chatName: title,
    messages,
    // The page never says which messages were edited: absent `edited` means unknown here.
    editsRecorded: false,
    authorsInherited: state.inherited,
    forwardsInherited: state.forwardsInherited,
    repliesElsewhere: state.repliesElsewhere,
    daySeparators: state.daySeparators,
    uninterpreted: state.uninterpreted,
    nextPage: find(nodes, (e) => hasClass(e, 'pagination'))?.attribs.href ?? '',
  });
}

/** Whether a block is a media, reactions or bookkeeping part rather than message text. */
function isFrame(e: HtmlElement): boolean {
  return hasClass(e, 'date') || hasClass(e, 'from_name') || hasClass(e, 'reply_to') || hasClass(e, 'reactions') || hasClass(e, 'media_wrap') || hasClass(e, 'signature') || hasClass(e, 'userpic_wrap');
}

function messageElement(el: HtmlElement, chat: ChatContext, state: PageState): ReturnType<typeof messageSegments> | null {
  const id = messageIdFromAttr(el.attribs.id);
  if (hasClass(el, 'service')) {
    const text = plainText(find(el.children, (e) => hasClass(e, 'body'))?.children ?? []).replace(/\s+/g, ' ').trim();
    if (id !== undefined && isWriterLine(id)) {
      if (DATE_SHAPED.test(text)) state.daySeparators++;
      else state.exporterNotes.push(text);
      return null;
    }
    if (id === undefined) return uninterpretedBlock(el, chat, state);
    state.previousForwardedFrom = null;
    state.previousViaBot = null;
    // A service line breaks a run of joined messages (`messageNeedsWrap`), so the next message names its author.
    state.previousAuthor = null;
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
      // `messageNeedsWrap` joins only messages sent through the same bot (or none).
      if (state.previousViaBot !== null) state.viaBot.push({ id, bot: state.previousViaBot, forwarded: false });
    }
  } else {
    const { name, viaBot } = nameOf(ownName);
    author = { name };
    state.previousViaBot = viaBot ?? null;
    if (viaBot !== undefined) state.viaBot.push({ id, bot: viaBot, forwarded: false });
  }
  state.previousAuthor = author;
  const date = find(body.children, (e) => hasClass(e, 'date') && hasClass(e, 'details'), (e) => hasClass(e, 'forwarded'));
  const forwardedBody = find(body.children, (e) => hasClass(e, 'forwarded') && hasClass(e, 'body'));
  const forwardedFrom = forwardedBody === undefined ? undefined : forwardedOrigin(forwardedBody, id, state);
  state.previousForwardedFrom = forwardedFrom ?? null;
  const replyBlock = find(body.children, (e) => hasClass(e, 'reply_to'));
  const replyTo = gotoTarget(replyBlock);
  if (replyBlock !== undefined && replyTo === undefined) state.repliesElsewhere++;
  const textDiv = find(body.children, (e) => hasClass(e, 'text'), (e) => hasClass(e, 'reply_to') || hasClass(e, 'reactions') || hasClass(e, 'media_wrap'));
  const runs = textDiv === undefined ? [] : textRuns(textDiv);
  const poll = pollText(body);
  if (poll !== '') runs.push({ text: poll, quote: false });
  const extras: ExtraText[] = (textDiv === undefined ? [] : linkTargets(textDiv)).map((text) => ({ label: 'link', text }));
  extras.push(...mediaExtras(body));
  const signature = find(body.children, (e) => hasClass(e, 'signature'), (e) => hasClass(e, 'forwarded'));
  const media = mediaOf(body);
  // No text and no media, yet words on the page (a layout this adapter does not know): keep them.
  if (runs.length === 0 && media.length === 0 && plainText(body.children, isFrame).trim() !== '' && forwardedFrom === undefined && replyBlock === undefined) return uninterpretedBlock(el, chat, state);
  // Words in the block outside every part read above (a layout this adapter does not know).
  if (plainText(body.children, (e) => isFrame(e) || hasClass(e, 'text')).trim() !== '') {
    state.unreadBlocks++;
    if (state.firstUnreadBlock === '') state.firstUnreadBlock = id;
  }
  const { reactions, reactors } = reactionsOf(body);
  const message: TelegramMessage = {
    id,
    author,
    timestamp: htmlTimestamp(date?.attribs.title),
    // A reply whose target is in another chat is still a reply; '' only tells `messageRole` so.
    role: messageRole({ forwarded: forwardedFrom !== undefined, ...(replyBlock !== undefined ? { replyTo: replyTo ?? '' } : {}), hasText: hasText(runs), mediaCount: media.length }),
    runs,
    ...(forwardedFrom !== undefined ? { forwardedFrom } : {}),
    ...(replyTo !== undefined ? { replyTo } : {}),
    ...(media.length > 0 ? { media } : {}),
    ...(reactions.length > 0 ? { reactions, reactors } : {}),
    ...(signature !== undefined ? { signature: plainText(signature.children).trim() } : {}),
    ...(extras.length > 0 ? { extras } : {}),
  };
  return messageSegments(message, chat);
}

/**
 * Targets of links hidden behind other text (the JSON export's `text_link` entities): `<a>` with
 * an absolute target that differs from the words shown. Links that show their own address, jumps
 * to messages (`#go_to_message…`), hashtags and mentions (`href=""`) and custom emoji (a relative
 * file path) hide nothing.
 */
function linkTargets(textDiv: HtmlElement): string[] {
  const targets: string[] = [];
  for (const a of findAll(textDiv.children, (e) => e.name === 'a')) {
    const href = a.attribs.href ?? '';
    if (!/^[a-z][a-z0-9+.-]*:/i.test(href)) continue;
    const shown = plainText(a.children);
    // A mention links to the profile it names: https://t.me/<name> behind "@<name>".
    if (href !== shown && !(shown.startsWith('@') && href.endsWith(`/${shown.slice(1)}`))) targets.push(href);
  }
  return targets;
}

/**
 * Media blocks whose words are the JSON export's extra parts, by class (tdesktop's
 * `prepareMediaData`): title and description lines, and the status line for a contact's phone
 * (without the " - vCard" the writer appends when the card is a file of the export).
 */
const WORDED_MEDIA: ReadonlyArray<{ readonly className: string; readonly label: ExtraLabel; readonly status: boolean }> = [
  { className: 'media_contact', label: 'contact', status: true },
  { className: 'media_venue', label: 'place', status: false },
  { className: 'media_game', label: 'game', status: false },
  { className: 'media_invoice', label: 'invoice', status: false },
];

/**
 * What media blocks show as words, as the JSON export's extra parts: contacts, venues, games and
 * invoices (`WORDED_MEDIA`), an audio file's "performer – title" (`pushAudioFileMedia`; a title
 * without the dash is the file name, already the media item's `fileName`) and a sticker's emoji
 * (the status line "💠, 4.7 KB" under the writer's English literal "Sticker").
 */
function mediaExtras(body: HtmlElement): ExtraText[] {
  const extras: ExtraText[] = [];
  for (const media of findAll(body.children, (e) => hasClass(e, 'media'))) {
    const part = (name: string) => plainText(find(media.children, (e) => hasClass(e, name))?.children ?? []).replace(/\s+/g, ' ').trim();
    const title = part('title');
    const worded = WORDED_MEDIA.find((kind) => hasClass(media, kind.className));
    if (worded !== undefined) {
      const lines = [title, part('description'), worded.status ? part('status').replace(/ - vCard$/, '') : ''].filter((line) => line !== '');
      if (lines.length > 0) extras.push({ label: worded.label, text: lines.join('\n') });
    } else if (hasClass(media, 'media_audio_file')) {
      const dash = title.indexOf(' – ');
      if (dash > 0) extras.push({ label: 'audio', text: `${title.slice(0, dash)}\n${title.slice(dash + 3)}` });
    } else if (title === 'Sticker') {
      const status = plainText(find(media.children, (e) => hasClass(e, 'status'))?.children ?? []).trim();
      const comma = status.lastIndexOf(', ');
      const emoji = comma >= 0 ? status.slice(0, comma) : status;
      if (emoji !== '') extras.push({ label: 'sticker', text: emoji });
    }
  }
  return extras;
}

/**
 * A poll's question and answers, one per line, as the JSON adapter keeps them (own text after the
 * message text). tdesktop's `pushPoll` writes each answer as "- text" followed by its vote count in
 * a `details` span, which is left out.
 */
function pollText(body: HtmlElement): string {
  const poll = find(body.children, (e) => hasClass(e, 'media_poll'));
  if (poll === undefined) return '';
  const lines: string[] = [];
  for (const part of findAll(poll.children, (e) => hasClass(e, 'question') || hasClass(e, 'answer'))) {
    const text = plainText(part.children, (e) => hasClass(e, 'details')).replace(/\s+/g, ' ').trim();
    const line = hasClass(part, 'answer') ? text.replace(/^- /, '') : text;
    if (line !== '') lines.push(line);
  }
  return lines.join('\n');
}

/**
 * Original author of a forward. `forwardedNeedsWrap` leaves out the header of a forward that
 * continues one from the same user within 15 minutes: that one takes the previous message's origin.
 */
function forwardedOrigin(forwardedBody: HtmlElement, id: string, state: PageState): Party {
  const header = find(forwardedBody.children, (e) => hasClass(e, 'from_name'), (e) => hasClass(e, 'reply_to') || hasClass(e, 'media_wrap') || hasClass(e, 'text'));
  if (header === undefined && state.previousForwardedFrom !== null) {
    state.forwardsInherited++;
    return state.previousForwardedFrom;
  }
  const { name, viaBot } = nameOf(header);
  if (viaBot !== undefined) state.viaBot.push({ id, bot: viaBot, forwarded: true });
  return { name };
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
