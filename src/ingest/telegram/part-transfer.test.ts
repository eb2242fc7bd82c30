// The packed form that carries a built chat part from a worker thread to the main thread must give
// back the same document, byte for byte when serialised, with segments of one message still
// sharing one MessageInfo object.
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serialize, deserialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import type { SozDocument } from '../../core/document.js';
import { collectDocuments } from '../adapter.js';
import { REAL_CORPORA, evidenceInputOf } from '../../../tests/support/adapter-invariants.js';
import { createTelegramJsonAdapter } from './json-adapter.js';
import type { PartResult } from './parse-batch.js';
import { packPart, transferList, unpackPart } from './part-transfer.js';

type BuiltPart = Extract<PartResult, { ok: true }>;

/** A part as `PartBuilder` returns it, reconstructed from a document (first segment of each message). */
function partOf(doc: SozDocument): BuiltPart {
  const starts: number[] = [];
  doc.segments.forEach((segment, i) => {
    if (!/\.[qtr]\d+$/.test(segment.id)) starts.push(i);
  });
  const segmentStarts = Uint32Array.from([...starts, doc.segments.length]);
  return { ok: true, doc, firstIds: starts.map((i) => doc.segments[i]?.id as string), segmentStarts };
}

/** Through `postMessage`'s algorithm (structured clone), as between threads. */
function overTheWire(part: BuiltPart): BuiltPart {
  const packed = packPart(part);
  expect(transferList(packed).length).toBe(10);
  return unpackPart(deserialize(serialize(packed)) as typeof packed);
}

/** The real Telegram JSON exports and the fictional fixture with quotes, reactions and replies. */
async function telegramJsonDocuments(): Promise<SozDocument[]> {
  const dir = join(REAL_CORPORA, 'telegram');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => join(dir, f));
  files.push(fileURLToPath(new URL('../../../tests/fixtures/telegram/fictional_group_quotes_reactions.result.json', import.meta.url)));
  const docs: SozDocument[] = [];
  for (const file of files) {
    const adapter = createTelegramJsonAdapter({ threads: 0 });
    docs.push(...(await collectDocuments(adapter.extract(evidenceInputOf(readFileSync(file), basename(file))))));
  }
  return docs.filter((doc) => doc.segments.length > 0);
}

describe('part transfer', () => {
  it('gives back every real Telegram document byte for byte, sharing MessageInfo within a message', async () => {
    const docs = await telegramJsonDocuments();
    expect(docs.length).toBeGreaterThan(3);
    const optional = new Set<string>();
    for (const doc of docs) {
      const part = partOf(doc);
      const back = overTheWire(part);
      expect(JSON.stringify(back.doc)).toBe(JSON.stringify(doc));
      expect(back.firstIds).toEqual(part.firstIds);
      expect([...back.segmentStarts]).toEqual([...part.segmentStarts]);
      for (let i = 1; i < doc.segments.length; i++) {
        const same = doc.segments[i]?.message === doc.segments[i - 1]?.message;
        expect(back.doc.segments[i]?.message === back.doc.segments[i - 1]?.message).toBe(same);
      }
      for (const segment of doc.segments) for (const key of Object.keys(segment.message ?? {}).slice(7)) optional.add(key);
    }
    // Every optional MessageInfo field occurs and travels (media with and without file names too).
    expect([...optional].sort()).toEqual(['action', 'edited', 'forwardedFrom', 'media', 'reactionTo', 'reactions', 'replyTo']);
    const media = docs.flatMap((d) => d.segments.flatMap((s) => s.message?.media ?? []));
    expect(media.some((m) => m.fileName !== undefined) && media.some((m) => m.fileName === undefined)).toBe(true);
  });

  it('refuses a document that is not laid out as chat message segments', async () => {
    const [doc] = await telegramJsonDocuments();
    const first = doc?.segments[0];
    if (doc === undefined || first === undefined) throw new Error('no document');
    const foreign: SozDocument = { ...doc, segments: [{ ...first, anchor: { ...first.anchor, page: 1 } }, ...doc.segments.slice(1)] };
    expect(() => packPart(partOf(foreign))).toThrow(/not a chat message segment/);
  });
});
