import type { EvidenceInput, IngestAdapter } from './adapter.js';
import { documentAdapters } from './documents.js';
import { facebookAdapter } from './facebook/index.js';
import { unsupportedTypeError } from './sniff.js';
import { telegramHtmlAdapter, telegramJsonAdapter } from './telegram/index.js';
import { vkAdapter } from './vk/index.js';
import { whatsappAdapter } from './whatsapp/index.js';
import { createZipAdapter } from './zip/index.js';

/**
 * Every ingest adapter in detection order: containers first, then chat exports (which are JSON,
 * HTML or text and must win over the generic formats), then the document formats.
 */
export function ingestAdapters(): readonly IngestAdapter[] {
  return ADAPTERS;
}

const ADAPTERS: readonly IngestAdapter[] = [
  createZipAdapter(ingestAdapters),
  telegramJsonAdapter,
  telegramHtmlAdapter,
  facebookAdapter,
  vkAdapter,
  whatsappAdapter,
  ...documentAdapters,
];

/** The adapter that recognises an input, or a `UserError` saying why no adapter reads it. */
export function adapterFor(input: EvidenceInput): IngestAdapter {
  const adapter = ADAPTERS.find((candidate) => candidate.detect(input));
  if (adapter) return adapter;
  throw unsupportedTypeError(input.name, input.mediaType, input.head);
}
