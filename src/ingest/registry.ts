import type { EvidenceInput, IngestAdapter } from './adapter.js';
import { documentAdapters } from './documents.js';
import { facebookAdapter } from './facebook/index.js';
import { noTextAdapter } from './no-text.js';
import { MEDIA_TYPES, unsupportedTypeError } from './sniff.js';
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

/**
 * The adapter that recognises an input. An input of a format soz reads text from that no adapter
 * recognises is damaged: a `UserError` (the examiner may keep it knowingly, `--keep-unreadable`).
 * Anything else (picture, sound, video, unknown format) goes to `noTextAdapter`, so every seized
 * item can be taken into custody.
 */
export function adapterFor(input: EvidenceInput): IngestAdapter {
  const adapter = ADAPTERS.find((candidate) => candidate.detect(input));
  if (adapter) return adapter;
  if (TEXT_FORMATS.has(input.mediaType)) throw unsupportedTypeError(input.name, input.mediaType, input.head);
  return noTextAdapter;
}

/** Media types soz reads text from: one no adapter recognises is a damaged file, not an item without text. */
const TEXT_FORMATS = new Set<string>([MEDIA_TYPES.pdf, MEDIA_TYPES.docx, MEDIA_TYPES.zip, MEDIA_TYPES.json, MEDIA_TYPES.html, MEDIA_TYPES.text]);
