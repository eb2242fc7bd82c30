/**
 * Moves a built chat part from a worker thread to the main thread cheaply.
 *
 * Structured clone of a `SozDocument` costs more than building it: every segment is five small
 * objects whose keys the serialiser writes out each time (measured: ~13 CPU-s per GB of export,
 * split over both threads). A packed part instead is the document text (one string), typed arrays
 * of ranges and indices, one string of all short strings with their lengths, and a deduplicated
 * table of people. `unpackPart(packPart(r))` equals `r` by value and by key order, so documents
 * serialise to the same bytes whichever thread built them.
 *
 * The layout is the one `PartBuilder` produces (see `message.ts`): every segment has `id`,
 * `range`, `anchor` (`evidenceSha256`, optional `entry`, `messageId`, `part`) and `message`, whose
 * first keys are the seven required `MessageInfo` fields; the rare optional fields that follow
 * them travel by structured clone. Segments of one message share their `MessageInfo` object, and
 * keep sharing it after the move.
 */
import type { MessageInfo, Party, Segment, SourceAnchor, SozDocument } from '../../core/document.js';
import { InternalError } from '../../core/errors.js';
import type { PartResult } from './parse-batch.js';

type BuiltPart = Extract<PartResult, { ok: true }>;

/** A `BuiltPart` in transferable form; `buffers()` lists the memory to transfer, not copy. */
export interface PackedPart {
  readonly ok: true;
  readonly packed: true;
  /** The document without `text` and `segments`, and the document's keys in their order. */
  readonly head: Omit<SozDocument, 'text' | 'segments'>;
  readonly keys: readonly string[];
  readonly text: string;
  readonly segmentStarts: Uint32Array;
  /** Per segment: range start and end, index of its `MessageInfo`, its `part` (code). */
  readonly rangeStarts: Uint32Array;
  readonly rangeEnds: Uint32Array;
  readonly infoOf: Uint32Array;
  /** Per `MessageInfo`: index of its author in `people`, of its chat in `chats`, role and offset codes. */
  readonly authors: Uint32Array;
  readonly chatOf: Uint32Array;
  readonly codes: Uint8Array;
  /** All short strings back to back; `lengths` cuts them apart in the order they were written. */
  readonly strings: string;
  readonly lengths: Uint32Array;
  /** People as `[name, id | null]` and chats as `[chatId, chatName]`, each once. */
  readonly people: ReadonlyArray<readonly [string, string | null]>;
  readonly chats: ReadonlyArray<readonly [string, string | null]>;
  /** `[info index, fields after the required seven]` for infos that have such fields. */
  readonly tails: ReadonlyArray<readonly [number, Record<string, unknown>]>;
}

const ROLES: readonly MessageInfo['role'][] = ['authored', 'forwarded', 'reply', 'service', 'reaction', 'deleted', 'media-only', 'uninterpreted'];
const REQUIRED_INFO_KEYS = ['platform', 'chatId', 'chatName', 'messageId', 'author', 'timestamp', 'role'] as const;
/** `codes` per info: bits 0–3 role, bit 4 offset recorded, bit 5 iso is null, bit 6 anchor without `entry`. */
const OFFSET_RECORDED = 1 << 4;
const ISO_NULL = 1 << 5;

/** The transfer list for `postMessage`: the typed arrays' memory. */
export function transferList(packed: PackedPart): ArrayBuffer[] {
  return [packed.segmentStarts, packed.rangeStarts, packed.rangeEnds, packed.infoOf, packed.authors, packed.chatOf, packed.codes, packed.lengths].map((a) => a.buffer as ArrayBuffer);
}

/** Packs a built part; throws `InternalError` when a segment is not of the layout described above. */
export function packPart(part: BuiltPart): PackedPart {
  const { text, segments, ...head } = part.doc;
  const n = segments.length;
  const rangeStarts = new Uint32Array(n);
  const rangeEnds = new Uint32Array(n);
  const infoOf = new Uint32Array(n);
  const strings: string[] = [];
  const infos: MessageInfo[] = [];
  const people = new PairTable();
  const chats = new PairTable();
  let last: MessageInfo | undefined;
  for (let i = 0; i < n; i++) {
    const segment = segments[i] as Segment;
    const info = segment.message;
    const anchor = segment.anchor;
    const anchorKeys = head.entry === undefined ? 3 : 4;
    if (info === undefined || segment.author !== undefined || anchor.part !== 'message' || anchor.messageId !== info.messageId || anchor.entry !== head.entry || Object.keys(anchor).length !== anchorKeys) {
      throw new InternalError(`telegram part transfer: segment ${segment.id} is not a chat message segment of this document`);
    }
    rangeStarts[i] = segment.range[0];
    rangeEnds[i] = segment.range[1];
    strings.push(segment.id);
    if (info !== last) {
      infos.push(info);
      last = info;
    }
    infoOf[i] = infos.length - 1;
  }
  const authors = new Uint32Array(infos.length);
  const chatOf = new Uint32Array(infos.length);
  const codes = new Uint8Array(infos.length);
  const tails: Array<readonly [number, Record<string, unknown>]> = [];
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
    codes[k] = role | (info.timestamp.offset === 'recorded' ? OFFSET_RECORDED : 0) | (info.timestamp.iso === null ? ISO_NULL : 0);
    strings.push(info.messageId, info.timestamp.iso ?? '', info.timestamp.raw);
    if (keys.length > REQUIRED_INFO_KEYS.length) {
      const tail: Record<string, unknown> = {};
      for (let j = REQUIRED_INFO_KEYS.length; j < keys.length; j++) tail[keys[j] as string] = (info as unknown as Record<string, unknown>)[keys[j] as string];
      tails.push([k, tail]);
    }
  }
  const lengths = new Uint32Array(strings.length);
  for (let i = 0; i < strings.length; i++) lengths[i] = (strings[i] as string).length;
  return { ok: true, packed: true, head, keys: Object.keys(part.doc), text, segmentStarts: part.segmentStarts, rangeStarts, rangeEnds, infoOf, authors, chatOf, codes, strings: strings.join(''), lengths, people: people.rows, chats: chats.rows, tails };
}

/** Rebuilds the part `packPart` packed. */
export function unpackPart(packed: PackedPart): BuiltPart {
  const { head, rangeStarts, rangeEnds, infoOf, authors, chatOf, codes, lengths } = packed;
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
  const tails = new Map(packed.tails);
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
    const info: MessageInfo = {
      platform: 'telegram',
      chatId,
      chatName,
      messageId,
      author: people[authors[k] as number] as Party,
      timestamp: { iso: code & ISO_NULL ? null : iso, offset: code & OFFSET_RECORDED ? 'recorded' : 'unknown', raw },
      role: ROLES[code & 0x0f] as MessageInfo['role'],
    };
    const tail = tails.get(k);
    infos[k] = tail === undefined ? info : { ...info, ...tail };
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

/** Pairs of strings (a person's name and id, a chat's id and name), each once. */
class PairTable {
  readonly rows: Array<readonly [string, string | null]> = [];
  private readonly byKey = new Map<string, number>();

  index(first: string, second: string | undefined): number {
    const id = second ?? null;
    const key = id === null ? `n${first}` : `i${id}\u0000${first}`;
    let index = this.byKey.get(key);
    if (index === undefined) {
      index = this.rows.length;
      this.rows.push([first, id]);
      this.byKey.set(key, index);
    }
    return index;
  }
}
