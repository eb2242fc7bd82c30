import { parseDocument } from 'htmlparser2';
import type { Element } from 'domhandler';
import { DocumentBuilder } from '../../core/document-builder.js';
import type { MediaItem, MessageInfo, MessageRole, Party, SozDocument } from '../../core/document.js';
import { UserError } from '../../core/errors.js';
import type { EvidenceInput, IngestAdapter } from '../adapter.js';
import { decodeText } from '../text-decode.js';
import { VK_DATE, vkIso } from './dates.js';
import { findAll, hasClass, isElement, maxDepth, textOf, type TextTally } from './dom.js';

/**
 * VK (VKontakte) "Архив" message pages (`messages/<peer>/messagesN.html`). The encoding is taken
 * from the bytes (`decodeText`), the meta tag only as a hint; a contradiction is reported as
 * `vk.charset-mismatch`. Pages list messages newest-first: segments are emitted oldest-first.
 * Segment id `m<data-id>`; the text is the message body (service lines: the service text).
 * "Вы" is the account owner, whose id the page carries in its `jd` meta tag.
 */
export const vkAdapter: IngestAdapter = {
  id: 'vk',
  format: 'vk-html',
  detect: detectVk,
  extract: extractVk,
};

/** True for HTML carrying VK archive markup (`message__header` or `ui_crumb`). */
export function detectVk(input: Pick<EvidenceInput, 'head'>): boolean {
  const head = latin1(input.head);
  return /<html|<!doctype html|<div/iu.test(head) && /class=["'](?:[^"']*\s)?(?:message__header|ui_crumb)(?:\s[^"']*)?["']/u.test(head);
}

async function* extractVk(input: EvidenceInput): AsyncIterable<SozDocument> {
  yield buildVkDocument(await input.bytes(), input);
}

/** Builds the document from a page's bytes (pure; exported for tests). */
export function buildVkDocument(bytes: Uint8Array, input: Pick<EvidenceInput, 'name' | 'sha256' | 'entry' | 'limits'>): SozDocument {
  const declared = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/iu.exec(latin1(bytes.subarray(0, 4096)))?.[1];
  const decoded = decodeText(bytes, declared);
  const dom = parseDocument(decoded.text, { decodeEntities: true });
  if (maxDepth(dom) > input.limits.maxDepth) {
    throw new UserError(`${input.name}: HTML nested deeper than ${input.limits.maxDepth} levels; raise the limit with --max-depth if this is a genuine page`, 'limit.depth', undefined, { key: 'error.limit.depth-page', params: { name: input.name, limit: input.limits.maxDepth } });
  }
  const crumbs = findAll(dom, (el) => hasClass(el, 'ui_crumb')).map((el) => squash(textOf(el)));
  const chatName = crumbs[crumbs.length - 1] ?? input.name;
  const chatId = /(?:^|\/)messages\/(-?\d+)\//u.exec(input.entry ?? '')?.[1] ?? chatName;
  const ownerId = ownerIdOf(dom);
  const nodes = findAll(dom, (el) => hasClass(el, 'message'));
  if (nodes.length > input.limits.maxSegments) {
    throw new UserError(`${input.name}: ${nodes.length} messages exceed the limit of ${input.limits.maxSegments}; raise it with --max-segments`, 'limit.segments', undefined, { key: 'error.limit.messages', params: { name: input.name, count: nodes.length, limit: input.limits.maxSegments } });
  }

  const builder = new DocumentBuilder({ sha256: input.sha256, name: input.name, ...(input.entry !== undefined ? { entry: input.entry } : {}) }, 'vk-html');
  const used = new Set<string>();
  let uninterpreted = 0;
  let forwarded = 0;
  let undated = 0;
  const tally: TextTally = { imagesWithoutAlt: 0 };
  // The page is newest-first; reversing gives the conversation's order.
  [...nodes].reverse().forEach((node, position) => {
    const read = readMessage(node, ownerId, tally);
    const dataId = node.attribs['data-id'];
    const messageId = dataId !== undefined && /^\d+$/u.test(dataId) && !used.has(dataId) ? dataId : `p${nodes.length - position}`;
    used.add(messageId);
    if (read.role === 'uninterpreted') uninterpreted += 1;
    if (read.role === 'forwarded') forwarded += 1;
    if (read.timestamp.iso === null) undated += 1;
    const message: MessageInfo = {
      platform: 'vk',
      chatId,
      chatName,
      messageId,
      author: read.author,
      timestamp: read.timestamp,
      role: read.role,
      ...(read.action !== undefined ? { action: read.action } : {}),
      ...(read.edited ? { edited: true } : {}),
      ...(read.media.length > 0 ? { media: read.media } : {}),
    };
    builder.add({ id: `m${messageId}`, text: read.text, part: 'message', anchor: { messageId }, message });
  });

  if (decoded.declaredMismatch !== undefined) {
    builder.notice({
      code: 'vk.charset-mismatch',
      severity: 'warning',
      message: `${input.name}: the page declares charset ${decoded.declaredMismatch} but its bytes are ${decoded.encoding}; decoded as ${decoded.encoding} (the file was probably re-encoded after export)`,
    });
  }
  if (forwarded > 0) {
    builder.notice({
      code: 'vk.forwarded-not-in-export',
      severity: 'info',
      message: `${forwarded} message(s) carry attached (forwarded) messages; the VK archive page names only their number, not their text or original authors`,
    });
  }
  if (tally.imagesWithoutAlt > 0) {
    builder.notice({
      code: 'vk.not-read',
      severity: 'warning',
      message: `${tally.imagesWithoutAlt} image(s) in messages without alt text were not read (any text inside needs OCR; the archive links them online)`,
    });
  }
  if (undated > 0) builder.notice({ code: 'vk.date-unreadable', severity: 'warning', message: `${undated} message date(s) could not be read; kept raw, ISO time left empty` });
  if (uninterpreted > 0) {
    builder.notice({ code: 'vk.uninterpreted', severity: 'warning', message: `${uninterpreted} message block(s) lack the usual header; kept verbatim as uninterpreted segments` });
  }
  if (nodes.length === 0) builder.notice({ code: 'vk.no-messages', severity: 'info', message: `${input.name}: a VK archive page without messages (an index or empty page)` });
  return builder.build({
    encoding: decoded.encoding,
    encodingEvidence: decoded.evidence,
    ...(declared !== undefined ? { declaredCharset: declared } : {}),
    messages: nodes.length,
    ...(ownerId !== undefined ? { accountOwnerId: ownerId } : {}),
    chatIdSource: chatId === chatName ? 'chat-name' : 'entry-path',
  });
}

interface ReadMessage {
  readonly author: Party;
  readonly timestamp: MessageInfo['timestamp'];
  readonly role: MessageRole;
  readonly text: string;
  readonly media: readonly MediaItem[];
  readonly action?: string;
  readonly edited?: boolean;
}

function readMessage(node: Element, ownerId: string | undefined, tally: TextTally): ReadMessage {
  const children = node.children.filter(isElement);
  const header = children.find((el) => hasClass(el, 'message__header'));
  const body = children.find((el) => el !== header && el.name === 'div');
  if (!header || node.attribs['data-id'] === undefined) {
    return { author: { name: '' }, timestamp: { iso: null, offset: 'unknown', raw: '' }, role: 'uninterpreted', text: textOf(node, undefined, tally).trim(), media: [] };
  }
  const headerText = squash(textOf(header));
  const dateMatch = VK_DATE.exec(headerText);
  const rawDate = dateMatch?.[0] ?? '';
  const link = findAll(header, (el) => el.name === 'a')[0];
  const namePart = dateMatch ? headerText.slice(0, dateMatch.index).replace(/,\s*$/u, '') : headerText;
  const name = link ? squash(textOf(link)) : namePart;
  const id = link ? /vk\.com\/([\w.]+)/u.exec(link.attribs['href'] ?? '')?.[1] : name === 'Вы' && ownerId !== undefined ? `id${ownerId}` : undefined;
  const author: Party = { name, ...(id !== undefined ? { id } : {}) };
  const timestamp = { iso: rawDate ? vkIso(rawDate) : null, offset: 'unknown' as const, raw: rawDate || headerText };
  const edited = dateMatch ? /\(ред\.?\)/u.test(headerText.slice(dateMatch.index + rawDate.length)) : false;

  const kludges = body ? findAll(body, (el) => hasClass(el, 'kludges')) : [];
  const text = body ? textOf(body, (el) => hasClass(el, 'kludges'), tally).trim() : '';
  const attachments = kludges.flatMap((k) => findAll(k, (el) => hasClass(el, 'attachment')));
  const media: MediaItem[] = [];
  let forwardedCount = 0;
  for (const attachment of attachments) {
    const description = squash(textOf(findAll(attachment, (el) => hasClass(el, 'attachment__description'))[0] ?? attachment));
    const href = findAll(attachment, (el) => hasClass(el, 'attachment__link'))[0]?.attribs['href'];
    if (/прикреплённ|прикрепленн/iu.test(description)) {
      forwardedCount += Number(/\d+/u.exec(description)?.[0] ?? 1);
      continue;
    }
    // The archive links attachments online; the files are not in it.
    media.push({ type: mediaType(description), ...(href !== undefined ? { fileName: href } : {}), inExport: false });
  }
  const serviceText = squash(kludges.map((k) => textOf(k, (el) => hasClass(el, 'attachment'))).join(' '));
  const base = { author, timestamp, media, ...(edited ? { edited: true } : {}) };
  if (serviceText !== '') return { ...base, role: 'service', text: text === '' ? serviceText : `${text}\n${serviceText}`, action: serviceText };
  if (forwardedCount > 0) {
    for (let i = 0; i < forwardedCount && i < 1000; i += 1) media.push({ type: 'forwarded_message', inExport: false });
    return { ...base, role: 'forwarded', text };
  }
  if (text === '' && media.length > 0) return { ...base, role: 'media-only', text };
  return { ...base, role: 'authored', text };
}

const MEDIA_TYPES: readonly [RegExp, string][] = [
  [/^Фотография/u, 'photo'],
  [/^Видеозапись/u, 'video'],
  [/^Аудиозапись/u, 'audio'],
  [/^Голосовое сообщение/u, 'voice_message'],
  [/^Стикер/u, 'sticker'],
  [/^Файл|^Документ/u, 'file'],
  [/^Ссылка/u, 'link'],
  [/^Статья/u, 'article'],
  [/^Запись на стене/u, 'wall_post'],
  [/^Комментарий/u, 'wall_comment'],
  [/^Опрос/u, 'poll'],
  [/^Подарок/u, 'gift'],
  [/^Карта|^Местоположение/u, 'location'],
  [/^Граффити/u, 'graffiti'],
];

function mediaType(description: string): string {
  return MEDIA_TYPES.find(([re]) => re.test(description))?.[1] ?? (description || 'attachment');
}

/** Account owner's numeric id from the page's `<meta name="jd">` (base64 JSON with `user_id`). */
function ownerIdOf(dom: ReturnType<typeof parseDocument>): string | undefined {
  const meta = findAll(dom, (el) => el.name === 'meta' && el.attribs['name'] === 'jd')[0];
  const content = meta?.attribs['content'];
  if (content === undefined || !/^[A-Za-z0-9+/=_-]{1,4096}$/u.test(content)) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(content, 'base64').toString('utf8'));
    const userId = parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, unknown>)['user_id'] : undefined;
    return typeof userId === 'number' && Number.isSafeInteger(userId) ? String(userId) : undefined;
  } catch {
    return undefined;
  }
}

function squash(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}
