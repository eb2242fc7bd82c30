import { expect } from 'vitest';
import type { SozDocument } from '../../src/core/document.js';
import { documentProblems } from '../../src/core/document.js';
import { canonicalJson } from '../../src/core/canonical-json.js';
import { UserError } from '../../src/core/errors.js';
import { sha256 } from '../../src/core/hash.js';
import { DEFAULT_LIMITS, collectDocuments, inputFromBytes } from '../../src/ingest/adapter.js';
import type { EvidenceInput, IngestAdapter, Limits } from '../../src/ingest/adapter.js';
import { sniffMediaType } from '../../src/ingest/sniff.js';

/**
 * The invariant every ingest adapter keeps: ranges ordered, non-overlapping and inside the
 * text, ids unique, anchors pointing at the right evidence, output JSON-serialisable and the
 * same bytes on a second extraction.
 */
export async function expectSoundDocuments(extract: () => Promise<SozDocument[]>): Promise<SozDocument[]> {
  const first = await extract();
  const second = await extract();
  for (const doc of first) {
    expect(documentProblems(doc), `document ${doc.id}`).toEqual([]);
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  }
  expect(canonicalJson(second)).toBe(canonicalJson(first));
  return first;
}

/** Path of the real corpora beside the project (../shared/corpora-real). */
export const REAL_CORPORA = new URL('../../../shared/corpora-real/', import.meta.url).pathname;

/** An `EvidenceInput` for bytes held in memory, typed by the same sniffer intake uses. */
export function evidenceInputOf(bytes: Uint8Array, name: string, limits: Limits = DEFAULT_LIMITS): EvidenceInput {
  return inputFromBytes(bytes, { name, sha256: sha256(bytes), mediaType: sniffMediaType(bytes.subarray(0, 65536)), limits });
}

/** The single document an adapter extracts from `bytes`; fails the test when there is none. */
export async function extractOne(adapter: IngestAdapter, bytes: Uint8Array, name: string, limits?: Limits): Promise<SozDocument> {
  const [doc] = await collectDocuments(adapter.extract(evidenceInputOf(bytes, name, limits)));
  if (!doc) throw new Error(`${adapter.id}: no document extracted from ${name}`);
  return doc;
}

/** The `UserError` a promise rejects with; any other outcome fails the test. */
export async function userErrorOf(promise: Promise<unknown>): Promise<UserError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('expected a UserError');
}
