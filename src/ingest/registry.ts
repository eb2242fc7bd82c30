import type { EvidenceInput, IngestAdapter } from './adapter.js';
import { documentAdapters } from './documents.js';
import { unsupportedTypeError } from './sniff.js';

/**
 * Every ingest adapter in detection order: containers first, then chat exports (which are JSON,
 * HTML or text and must win over the generic formats), then the document formats.
 */
export function ingestAdapters(): readonly IngestAdapter[] {
  return ADAPTERS;
}

const ADAPTERS: readonly IngestAdapter[] = [...documentAdapters];

/** The adapter that recognises an input, or a `UserError` saying why no adapter reads it. */
export function adapterFor(input: EvidenceInput): IngestAdapter {
  const adapter = ADAPTERS.find((candidate) => candidate.detect(input));
  if (adapter) return adapter;
  throw unsupportedTypeError(input.name, input.mediaType, input.head);
}
