// The packed form that carries a built chat part from a worker thread to the main thread must give
// back the same document, byte for byte when serialised, with segments of one message still
// sharing one MessageInfo object.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
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
  expect(transferList(packed).length).toBe(8);
  return unpackPart(deserialize(serialize(packed)) as typeof packed);
}

async function telegramJsonDocuments(): Promise<SozDocument[]> {
  const dir = join(REAL_CORPORA, 'telegram');
  const docs: SozDocument[] = [];
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const adapter = createTelegramJsonAdapter({ threads: 0 });
    docs.push(...(await collectDocuments(adapter.extract(evidenceInputOf(readFileSync(join(dir, name)), name)))));
  }
  return docs.filter((doc) => doc.segments.length > 0);
}

describe('part transfer', () => {
  it('gives back every real Telegram document byte for byte, sharing MessageInfo within a message', async () => {
    const docs = await telegramJsonDocuments();
    expect(docs.length).toBeGreaterThan(3);
    let withTails = 0;
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
      if (doc.segments.some((s) => s.message?.media !== undefined || s.message?.forwardedFrom !== undefined)) withTails++;
    }
    // The optional MessageInfo fields (media, forwards, reactions…) travel too.
    expect(withTails).toBeGreaterThan(0);
  });

  it('refuses a document that is not laid out as chat message segments', async () => {
    const [doc] = await telegramJsonDocuments();
    const first = doc?.segments[0];
    if (doc === undefined || first === undefined) throw new Error('no document');
    const foreign: SozDocument = { ...doc, segments: [{ ...first, anchor: { ...first.anchor, page: 1 } }, ...doc.segments.slice(1)] };
    expect(() => packPart(partOf(foreign))).toThrow(/not a chat message segment/);
  });
});
