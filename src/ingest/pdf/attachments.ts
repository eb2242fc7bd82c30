/**
 * Files embedded in a PDF, read as documents of their own where soz reads their format. Custody
 * stays with the seized PDF: each such document has the PDF's SHA-256 as its evidence and the
 * path `attachment.<n>/<name>` (under the PDF's own entry, when the PDF came out of a container)
 * as its entry.
 */
import type { SozDocument } from '../../core/document.js';
import { UserError } from '../../core/errors.js';
import type { EvidenceInput, IngestAdapter } from '../adapter.js';
import { inputFromBytes } from '../adapter.js';
import { sanitiseMetadata } from '../docs/common.js';
import { sniffMediaType } from '../sniff.js';
import type { PdfAttachment } from './content.js';

/** PDFs inside PDFs are opened this many levels deep, like ZIPs inside ZIPs. */
const MAX_NESTING = 2;

/** What became of each attachment (a phrase for its notice), and the documents read from them. */
export interface AttachmentReading {
  readonly outcomes: readonly string[];
  readonly documents: readonly SozDocument[];
}

/** The name an embedded file has in its entry path `attachment.<n>/<name>`: cleaned, without path separators. */
export function attachmentFileName(attachment: Pick<PdfAttachment, 'name'>): string {
  return (sanitiseMetadata(attachment.name, 120) ?? 'unnamed').replace(/[/\\]/g, '_');
}

/** Reads each attachment with the first of `adapters` that recognises it. */
export async function readAttachments(attachments: readonly PdfAttachment[], pdf: EvidenceInput, adapters: readonly IngestAdapter[]): Promise<AttachmentReading> {
  const outcomes: string[] = [];
  const documents: SozDocument[] = [];
  const depth = (pdf.entry ?? '').split('/').filter((step) => /^attachment\.\d+$/.test(step)).length;
  for (const [index, attachment] of attachments.entries()) {
    const name = attachmentFileName(attachment);
    const entry = `${pdf.entry !== undefined ? `${pdf.entry}/` : ''}attachment.${index + 1}/${name}`;
    const mediaType = sniffMediaType(attachment.bytes.subarray(0, 64 * 1024));
    const inner = inputFromBytes(attachment.bytes, { name, sha256: pdf.sha256, mediaType, limits: pdf.limits, entry });
    const adapter = depth < MAX_NESTING ? adapters.find((candidate) => candidate.detect(inner)) : undefined;
    if (adapter === undefined) {
      const why = depth < MAX_NESTING ? `${mediaType} by its bytes, a format soz does not read inside a PDF` : `nested ${MAX_NESTING} files deep`;
      outcomes.push(`is not read (${why}); save it from the PDF and add it as evidence of its own`);
      continue;
    }
    const before = documents.length;
    try {
      // The evidence item is the PDF: its name goes with its hash, the attachment's is in the entry.
      for await (const doc of adapter.extract(inner)) documents.push({ ...doc, evidenceName: pdf.name });
      outcomes.push(`is read as ${documents.length - before} document(s) with entry "${entry}"`);
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      documents.length = before;
      outcomes.push(`could not be read (${sanitiseMetadata(error.message, 200) ?? error.code}); save it from the PDF and examine it apart`);
    }
  }
  return { outcomes, documents };
}
