// The packed form that carries a chat part from a worker thread to the main thread must give the
// document DocumentBuilder builds from the same segment inputs, byte for byte when serialised,
// with segments of one message still sharing one MessageInfo object.
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serialize, deserialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { DocumentBuilder } from '../../core/document-builder.js';
import type { SegmentInput } from '../../core/document-builder.js';
import type { MediaItem, SozDocument } from '../../core/document.js';
import { REAL_CORPORA } from '../../../tests/support/adapter-invariants.js';
import { normalizeJsonMessage } from './json-message.js';
import { messageSegments } from './message.js';
import { packPart, transferList, unpackPart } from './part-transfer.js';

/** Every chat of a Telegram JSON export as its message objects (the files here are small). */
function chatsOf(file: string): unknown[][] {
  const root = JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, '')) as Record<string, { list?: Array<{ messages?: unknown[] }> } | unknown[] | undefined>;
  if (Array.isArray(root.messages)) return [root.messages];
  const lists = [root.chats, root.left_chats].flatMap((section) => (section !== undefined && !Array.isArray(section) ? (section.list ?? []) : []));
  return lists.map((chat) => chat.messages ?? []);
}

/** Segment inputs of a chat as `messageSegments` gives them, and where each message starts. */
function inputsOf(messages: unknown[]): { inputs: SegmentInput[]; segmentStarts: Uint32Array } {
  const inputs: SegmentInput[] = [];
  const starts: number[] = [];
  for (const value of messages) {
    const message = normalizeJsonMessage(value);
    if ('uninterpreted' in message) continue;
    starts.push(inputs.length);
    messageSegments(message, { chatId: 'c1', chatName: 'Чат' }, inputs);
  }
  // The shape PartBuilder gives a message it cannot interpret.
  starts.push(inputs.length);
  inputs.push({ id: 'm@12', text: '{"id": "x"}', part: 'message', anchor: { messageId: '' }, message: { platform: 'telegram', chatId: 'c1', chatName: 'Чат', messageId: '', author: { name: '' }, timestamp: { iso: null, offset: 'unknown', raw: '' }, role: 'uninterpreted' } });
  return { inputs, segmentStarts: Uint32Array.from([...starts, inputs.length]) };
}

const evidence = { sha256: 'ab'.repeat(32), name: 'result.json', entry: 'chats/1' };

/** The document DocumentBuilder builds from the inputs, and the same through packing and postMessage's clone. */
function bothWays(inputs: SegmentInput[], segmentStarts: Uint32Array): { reference: SozDocument; moved: ReturnType<typeof unpackPart> } {
  const builder = new DocumentBuilder(evidence, 'telegram-json').notice({ code: 'x', severity: 'info', message: 'm' });
  for (const input of inputs) builder.add(input);
  const reference = builder.build({ platform: 'telegram', messages: segmentStarts.length - 1 });
  const skeleton = new DocumentBuilder(evidence, 'telegram-json').notice({ code: 'x', severity: 'info', message: 'm' }).build({ platform: 'telegram', messages: segmentStarts.length - 1 });
  const packed = packPart({ skeleton, inputs, segmentStarts });
  expect(transferList(packed).length).toBe(10);
  return { reference, moved: unpackPart(deserialize(serialize(packed)) as typeof packed) };
}

function telegramJsonFiles(): string[] {
  const dir = join(REAL_CORPORA, 'telegram');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => join(dir, f));
  return [...files, ...['fictional_group_quotes_reactions', 'fictional_channel_extras'].map((name) => fileURLToPath(new URL(`../../../tests/fixtures/telegram/${name}.result.json`, import.meta.url)))];
}

describe('part transfer', () => {
  it("gives DocumentBuilder's document for every real chat, byte for byte, sharing MessageInfo within a message", () => {
    const optional = new Set<string>();
    const media: MediaItem[] = [];
    let chats = 0;
    for (const file of telegramJsonFiles()) {
      for (const messages of chatsOf(file)) {
        const { inputs, segmentStarts } = inputsOf(messages);
        const { reference, moved } = bothWays(inputs, segmentStarts);
        expect(JSON.stringify(moved.doc), basename(file)).toBe(JSON.stringify(reference));
        expect(moved.firstIds).toEqual([...segmentStarts.slice(0, -1)].map((i) => inputs[i]?.id));
        for (let i = 1; i < inputs.length; i++) {
          const same = inputs[i]?.message === inputs[i - 1]?.message;
          expect(moved.doc.segments[i]?.message === moved.doc.segments[i - 1]?.message).toBe(same);
        }
        for (const input of inputs) for (const key of Object.keys(input.message ?? {}).slice(7)) optional.add(key);
        media.push(...inputs.flatMap((input) => input.message?.media ?? []));
        chats++;
      }
    }
    expect(chats).toBeGreaterThan(3);
    // Every optional MessageInfo field occurs and travels (media with and without file names too).
    expect([...optional].sort()).toEqual(['action', 'edited', 'forwardedFrom', 'media', 'reactionTo', 'reactions', 'replyTo', 'signature', 'viaBot']);
    expect(media.some((m) => m.fileName !== undefined) && media.some((m) => m.fileName === undefined)).toBe(true);
  });

  it('refuses segments that are not chat messages', () => {
    const [messages] = chatsOf(telegramJsonFiles()[0] as string);
    const { inputs, segmentStarts } = inputsOf(messages ?? []);
    const skeleton = new DocumentBuilder(evidence, 'telegram-json').build();
    const first = inputs[0] as SegmentInput;
    for (const foreign of [{ ...first, part: 'body' as const }, { ...first, anchor: { messageId: first.anchor?.messageId as string, page: 1 } }, { ...first, author: 'A' }]) {
      expect(() => packPart({ skeleton, inputs: [foreign, ...inputs.slice(1)], segmentStarts })).toThrow(/not a chat message segment/);
    }
  });
});
