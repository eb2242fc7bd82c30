import { UserError } from '../core/errors.js';
import type { EvidenceInput, IngestAdapter } from './adapter.js';
import { documentAdapters } from './documents.js';

/**
 * Every ingest adapter in detection order: containers first, then chat exports (which are JSON,
 * HTML or text and must win over the generic formats), then the document formats.
 */
export function ingestAdapters(): readonly IngestAdapter[] {
  return ADAPTERS;
}

const ADAPTERS: readonly IngestAdapter[] = [...documentAdapters];

/** The adapter that recognises an input, or a `UserError` saying the format is not supported. */
export function adapterFor(input: EvidenceInput): IngestAdapter {
  const adapter = ADAPTERS.find((candidate) => candidate.detect(input));
  if (adapter) return adapter;
  throw new UserError(unsupportedMessage(input), 'input.unknown-format');
}

function unsupportedMessage(input: EvidenceInput): string {
  const type = input.mediaType;
  if (type === 'application/x-ole-storage') return `${input.name}: legacy Microsoft Office file (.doc/.xls); open it in Word and save it as DOCX or PDF, then add that copy`;
  if (type.startsWith('image/')) return `${input.name}: image file (${type}) has no text layer and soz does not do OCR; have it transcribed or OCR-ed and add the text`;
  return `${input.name}: unsupported format (${type}); soz reads PDF, DOCX, HTML, plain text and Telegram/WhatsApp/Facebook/Instagram/VK exports`;
}
