import { expect } from 'vitest';
import type { SozDocument } from '../../src/core/document.js';
import { documentProblems } from '../../src/core/document.js';
import { canonicalJson } from '../../src/core/canonical-json.js';

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
