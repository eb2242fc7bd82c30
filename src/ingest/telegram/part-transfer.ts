/**
 * A chat part in a form that moves cheaply from a worker thread to the main thread, packed
 * straight from the segment inputs and unpacked into the `SozDocument` that `DocumentBuilder`
 * would build from them (same values, same key order, so the same bytes when serialised).
 *
 * Structured clone of a `SozDocument` costs more than building it: every segment is several small
 * objects whose keys the serialiser writes out each time (measured: ~13 CPU-s per GB of export).
 * A packed part is the document text (one string), typed arrays of ranges and indices, one string
 * of all short strings with their lengths, and deduplicated tables of people and chats.
 *
 * The layout is the one `PartBuilder` produces (see `message.ts`): every segment input is a chat
 * message (`part: 'message'`, anchor `{ messageId }`, no author) whose `MessageInfo` starts with
 * the seven required fields, then optional ones in the order `messageSegments` writes them; only
 * reaction lists travel by structured clone. Segments of one message share their `MessageInfo`
 * object, and keep sharing it after the move; `packPart` refuses anything else.
 */
import type { SegmentInput } from '../../core/document-builder.js';
import { SEGMENT_SEPARATOR } from '../../core/document-builder.js';
import type { MediaItem, MessageInfo, Party, Segment, SourceAnchor, SozDocument } from '../../core/document.js';
import { InternalError } from '../../core/errors.js';
import type { BuiltPart } from './parse-batch.js';

/** What `packPart` packs: the document without segments, the segment inputs in order, message starts. */
export interface PartToPack {
  readonly skeleton: SozDocument;
  readonly inputs: readonly SegmentInput[];
  readonly segmentStarts: Uint32Array;
}

/** A part in transferable form; `transferList` lists the memory to move, not copy. */
export interface PackedPart {
  readonly ok: true;
  /** The document without `text` and `segments`, and the document's keys in their order. */
  readonly head: Omit<SozDocument, 'text' | 'segments'>;
  readonly keys: readonly string[];
  readonly text: string;
  readonly segmentStarts: Uint32Array;
  /** Per segment: range start and end, index of its `MessageInfo`, its `part` (code). */
  readonly rangeStarts: Uint32Array;
  readonly rangeEnds: Uint32Array;
  readonly infoOf: Uint32Array;
  /**
   * Per `MessageInfo`: index of its author in `people`, of its chat in `chats`, of the original
   * author of a forward in `people`, and `codes` (role, offset, which optional fields it has).
   */
  readonly authors: Uint32Array;
  readonly chatOf: Uint32Array;
  readonly forwardedOf: Uint32Array;
  readonly codes: Uint16Array;
  /** Per media item, in order: `MEDIA_*` bits. */
  readonly media: Uint8Array;
  /** All short strings back to back; `lengths` cuts them apart in the order they were written. */
  readonly strings: string;
  readonly lengths: Uint32Array;
  /** People as `[name, id | null]` and chats as `[chatId, chatName]`, each once. */
  readonly people: ReadonlyArray<readonly [string, string | null]>;
  readonly chats: ReadonlyArray<readonly [string, string | null]>;
  /** `reactions` of the infos that have them, in info order (rare; structured clone). */
  readonly reactions: ReadonlyArray<MessageInfo['reactions']>;
}

const ROLES: readonly MessageInfo['role'][] = ['authored', 'forwarded', 'reply', 'service', 'reaction', 'deleted', 'media-only', 'uninterpreted'];
const REQUIRED_INFO_KEYS = ['platform', 'chatId', 'chatName', 'messageId', 'author', 'timestamp', 'role'] as const;
/**
 * The optional `MessageInfo` fields in the order `messageSegments` writes them (a reaction's info
 * has only `reactionTo`); `codes` has one bit per field, from bit 6.
 */
const OPTIONAL_INFO_KEYS = ['forwardedFrom', 'replyTo', 'reactionTo', 'edited', 'media', 'reactions', 'action', 'signature', 'viaBot'] as const;
type OptionalKey = (typeof OPTIONAL_INFO_KEYS)[number];
const OPTIONAL_BIT: Readonly<Record<OptionalKey, number>> = { forwardedFrom: 1 << 6, replyTo: 1 << 7, reactionTo: 1 << 8, edited: 1 << 9, media: 1 << 10, reactions: 1 << 11, action: 1 << 12, signature: 1 << 13, viaBot: 1 << 14 };
/** `codes` per info: bits 0–3 role, bit 4 offset recorded, bit 5 iso is null, then `OPTIONAL_BIT`. */
const OFFSET_RECORDED = 1 << 4;
const ISO_NULL = 1 << 5;
/** Per media item: bits 0–1 `inExport` (0 false, 1 true, 2 'unknown'), bit 2 has `fileName`, bit 3 last item. */
const MEDIA_IN_EXPORT = 0b11;
const MEDIA_FILE_NAME = 1 << 2;
const MEDIA_LAST = 1 << 3;
const IN_EXPORT_VALUES: ReadonlyArray<MediaItem['inExport']> = [false, true, 'unknown'];

/** The transfer list for `postMessage`: the typed arrays' memory. */
export function transferList(packed: PackedPart): ArrayBuffer[] {
  return [packed.segmentStarts, packed.rangeStarts, packed.rangeEnds, packed.infoOf, packed.authors, packed.chatOf, packed.forwardedOf, packed.codes, packed.media, packed.lengths].map((a) => a.buffer as ArrayBuffer);
}

/** Packs a part; throws `InternalError` when a segment input is not of the layout described above. */
export function packPart(part: PartToPack): PackedPart {
  const { text: skeletonText, segments: skeletonSegments, ...head } = part.skeleton;
  if (skeletonText !== '' || skeletonSegments.length > 0) throw new InternalError('telegram part transfer: the skeleton document already has segments');
  const inputs = part.inputs;
  const n = inputs.length;
  const texts: string[] = new Array<string>(n);
  let length = 0;
  const rangeStarts = new Uint32Array(n);
  const rangeEnds = new Uint32Array(n);
  const infoOf = new Uint32Array(n);
  const strings: string[] = [];
  const infos: MessageInfo[] = [];
  const people = new PairTable();
  const chats = new PairTable();
  let last: MessageInfo | undefined;
  for (let i = 0; i < n; i++) {
    const input = inputs[i] as SegmentInput;
    const info = input.message;
    const anchor = input.anchor;
    // Only `messageId` may be in the input's anchor (checked by name: this runs per segment).
    if (info === undefined || input.author !== undefined || input.part !== 'message' || anchor?.messageId !== info.messageId || anchor.entry !== undefined || anchor.page !== undefined || anchor.paragraph !== undefined || anchor.line !== undefined) {
      throw new InternalError(`telegram part transfer: segment ${input.id} is not a chat message segment`);
    }
    // Ranges as DocumentBuilder lays them out: texts joined by SEGMENT_SEPARATOR.
    if (i > 0) length += SEGMENT_SEPARATOR.length;
    rangeStarts[i] = length;
    length += input.text.length;
    rangeEnds[i] = length;
    texts[i] = input.text;
    strings.push(input.id);
    if (info !== last) {
      infos.push(info);
      last = info;
    }
    infoOf[i] = infos.length - 1;
  }
  const authors = new Uint32Array(infos.length);
  const chatOf = new Uint32Array(infos.length);
  const forwardedOf = new Uint32Array(infos.length);
  const codes = new Uint16Array(infos.length);
  const media: number[] = [];
  const reactions: Array<MessageInfo['reactions']> = [];
  for (let k = 0; k < infos.length; k++) {
    const info = infos[k] as MessageInfo;
    const keys = Object.keys(info);
    for (let j = 0; j < REQUIRED_INFO_KEYS.length; j++) {
      if (keys[j] !== REQUIRED_INFO_KEYS[j]) throw new InternalError(`telegram part transfer: message ${info.messageId} has its fields in an unexpected order`);
    }
    const role = ROLES.indexOf(info.role);
    if (role < 0 || info.platform !== 'telegram') throw new InternalError(`telegram part transfer: message ${info.messageId} has an unknown role or platform`);
    authors[k] = people.index(info.author.name, info.author.id);
    chatOf[k] = chats.index(info.chatId, info.chatName);
    let code = role | (info.timestamp.offset === 'recorded' ? OFFSET_RECORDED : 0) | (info.timestamp.iso === null ? ISO_NULL : 0);
    strings.push(info.messageId, info.timestamp.iso ?? '', info.timestamp.raw);
    let order = -1;
    for (let j = REQUIRED_INFO_KEYS.length; j < keys.length; j++) {
      const key = keys[j] as OptionalKey;
      const at = OPTIONAL_INFO_KEYS.indexOf(key);
      if (at <= order) throw new InternalError(`telegram part transfer: message ${info.messageId} has an unknown or misplaced field ${key}`);
      order = at;
      code |= OPTIONAL_BIT[key];
    }
    if (info.forwardedFrom !== undefined) forwardedOf[k] = people.index(info.forwardedFrom.name, info.forwardedFrom.id);
    if (info.replyTo !== undefined) strings.push(info.replyTo);
    if (info.reactionTo !== undefined) strings.push(info.reactionTo);
    if (info.edited !== undefined && info.edited !== true) throw new InternalError(`telegram part transfer: message ${info.messageId} has edited other than true`);
    if (info.media !== undefined) packMedia(info.media, info.messageId, media, strings);
    if (info.reactions !== undefined) reactions.push(info.reactions);
    if (info.action !== undefined) strings.push(info.action);
    if (info.signature !== undefined) strings.push(info.signature);
    if (info.viaBot !== undefined) strings.push(info.viaBot);
    codes[k] = code;
  }
  const lengths = new Uint32Array(strings.length);
  for (let i = 0; i < strings.length; i++) lengths[i] = (strings[i] as string).length;
  return { ok: true, head, keys: Object.keys(part.skeleton), text: texts.join(SEGMENT_SEPARATOR), segmentStarts: part.segmentStarts, rangeStarts, rangeEnds, infoOf, authors, chatOf, forwardedOf, codes, media: Uint8Array.from(media), strings: strings.join(''), lengths, people: people.rows, chats: chats.rows, reactions };
}

/** Media items into `codes` and `strings`; an empty list cannot be told apart from none, so it is refused. */
function packMedia(items: readonly MediaItem[], messageId: string, codes: number[], strings: string[]): void {
  if (items.length === 0) throw new InternalError(`telegram part transfer: message ${messageId} has an empty media list`);
  items.forEach((item, i) => {
    const keys = Object.keys(item).join(',');
    if (keys !== 'type,inExport' && keys !== 'type,fileName,inExport') throw new InternalError(`telegram part transfer: message ${messageId} has a media item of unexpected shape`);
    strings.push(item.type);
    if (item.fileName !== undefined) strings.push(item.fileName);
    const inExport = item.inExport === 'unknown' ? 2 : item.inExport ? 1 : 0;
    codes.push(inExport | (item.fileName !== undefined ? MEDIA_FILE_NAME : 0) | (i === items.length - 1 ? MEDIA_LAST : 0));
  });
}

/** Rebuilds the part `packPart` packed. */
export function unpackPart(packed: PackedPart): BuiltPart {
  const { head, rangeStarts, rangeEnds, infoOf, authors, chatOf, forwardedOf, codes, lengths } = packed;
  const pool = packed.strings;
  let at = 0;
  let s = 0;
  const next = (): string => {
    const length = lengths[s++] as number;
    const value = pool.slice(at, at + length);
    at += length;
    return value;
  };
  const n = rangeStarts.length;
  const segmentIds: string[] = new Array<string>(n);
  for (let i = 0; i < n; i++) segmentIds[i] = next();
  const people: Party[] = packed.people.map(([name, id]) => (id === null ? { name } : { name, id }));
  let mediaAt = 0;
  let reactionsAt = 0;
  const sha = head.evidenceSha256;
  const entry = head.entry;
  // One anchor per message, shared by its segments (equal by value to one per segment).
  const infos: MessageInfo[] = new Array<MessageInfo>(codes.length);
  const anchors: SourceAnchor[] = new Array<SourceAnchor>(codes.length);
  for (let k = 0; k < codes.length; k++) {
    const code = codes[k] as number;
    const [chatId, chatName] = packed.chats[chatOf[k] as number] as readonly [string, string];
    const messageId = next();
    const iso = next();
    const raw = next();
    const info: { -readonly [K in keyof MessageInfo]: MessageInfo[K] } = {
      platform: 'telegram',
      chatId,
      chatName,
      messageId,
      author: people[authors[k] as number] as Party,
      timestamp: { iso: code & ISO_NULL ? null : iso, offset: code & OFFSET_RECORDED ? 'recorded' : 'unknown', raw },
      role: ROLES[code & 0x0f] as MessageInfo['role'],
    };
    // In OPTIONAL_INFO_KEYS order, as packed.
    if (code & OPTIONAL_BIT.forwardedFrom) info.forwardedFrom = people[forwardedOf[k] as number] as Party;
    if (code & OPTIONAL_BIT.replyTo) info.replyTo = next();
    if (code & OPTIONAL_BIT.reactionTo) info.reactionTo = next();
    if (code & OPTIONAL_BIT.edited) info.edited = true;
    if (code & OPTIONAL_BIT.media) {
      const items: MediaItem[] = [];
      for (let last = false; !last; mediaAt++) {
        const bits = packed.media[mediaAt] as number;
        const type = next();
        const inExport = IN_EXPORT_VALUES[bits & MEDIA_IN_EXPORT] as MediaItem['inExport'];
        items.push(bits & MEDIA_FILE_NAME ? { type, fileName: next(), inExport } : { type, inExport });
        last = (bits & MEDIA_LAST) !== 0;
      }
      info.media = items;
    }
    if (code & OPTIONAL_BIT.reactions) info.reactions = packed.reactions[reactionsAt++];
    if (code & OPTIONAL_BIT.action) info.action = next();
    if (code & OPTIONAL_BIT.signature) info.signature = next();
    if (code & OPTIONAL_BIT.viaBot) info.viaBot = next();
    infos[k] = info;
    anchors[k] = entry === undefined ? { evidenceSha256: sha, messageId, part: 'message' } : { evidenceSha256: sha, entry, messageId, part: 'message' };
  }
  const segments: Segment[] = new Array<Segment>(n);
  for (let i = 0; i < n; i++) {
    const k = infoOf[i] as number;
    segments[i] = { id: segmentIds[i] as string, range: [rangeStarts[i] as number, rangeEnds[i] as number], anchor: anchors[k] as SourceAnchor, message: infos[k] as MessageInfo };
  }
  // Rebuilt in the original key order: documents are serialised and hashed.
  const fields: Record<string, unknown> = {};
  for (const key of packed.keys) fields[key] = key === 'text' ? packed.text : key === 'segments' ? segments : (head as Record<string, unknown>)[key];
  const doc = fields as unknown as SozDocument;
  const segmentStarts = packed.segmentStarts;
  const firstIds: string[] = new Array<string>(segmentStarts.length - 1);
  for (let m = 0; m + 1 < segmentStarts.length; m++) firstIds[m] = segmentIds[segmentStarts[m] as number] as string;
  return { ok: true, doc, firstIds, segmentStarts };
}

/**
 * Pairs of strings (a person's name and id, a chat's id and name), each once. Looked up by nested
 * maps rather than a joined key: it runs for every message.
 */
class PairTable {
  readonly rows: Array<readonly [string, string | null]> = [];
  private readonly bySecond = new Map<string | null, Map<string, number>>();

  index(first: string, second: string | undefined): number {
    const key = second ?? null;
    let byFirst = this.bySecond.get(key);
    if (byFirst === undefined) {
      byFirst = new Map();
      this.bySecond.set(key, byFirst);
    }
    let index = byFirst.get(first);
    if (index === undefined) {
      index = this.rows.length;
      this.rows.push([first, key]);
      byFirst.set(first, index);
    }
    return index;
  }
}
