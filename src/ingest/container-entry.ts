/**
 * The bytes of a file inside a seized container, found again by the entry path its documents carry,
 * for the steps that need the file itself after extraction (OCR of a scanned PDF that was inside a
 * ZIP or embedded in a PDF, and the crops of its pages in the reports).
 */
import type { Limits } from './adapter.js';
import { attachmentFileName } from './pdf/attachments.js';
import { readPdfInWorker } from './pdf/runner.js';
import { MEDIA_TYPES, sniffMediaType } from './sniff.js';
import { zipMember } from './zip/index.js';

/** `attachment.<n>/<name>`, then what lies inside that embedded file, if anything. */
const ATTACHMENT_STEP = /^attachment\.(\d+)\/([^/]+)(?:\/(.+))?$/u;

/**
 * The bytes at `entry` inside `container`, read within `limits` as the adapters read them: a ZIP
 * member (`dir/scan.pdf`; in a ZIP inside the ZIP, `inner.zip!/scan.pdf`), a file embedded in a PDF
 * (`attachment.2/scan.pdf`), or a chain of them (`dir/a.pdf/attachment.1/b.pdf`). Undefined when
 * the path names nothing there; the errors of a damaged container are thrown as the adapters throw
 * them. `name` is the container's name for those errors.
 */
export async function containerEntryBytes(container: Uint8Array, entry: string, name: string, limits: Limits): Promise<Uint8Array | undefined> {
  const mediaType = sniffMediaType(container.subarray(0, 64 * 1024));
  if (mediaType === MEDIA_TYPES.zip) {
    const member = await zipMember(container, entry, name, limits);
    if (member === undefined) return undefined;
    return member.rest === '' ? member.data : containerEntryBytes(member.data, member.rest, name, limits);
  }
  const step = ATTACHMENT_STEP.exec(entry);
  if (mediaType !== MEDIA_TYPES.pdf || step === null) return undefined;
  const { attachments } = await readPdfInWorker(container, name, { seconds: limits.maxPdfSeconds, memoryMb: limits.maxPdfMemoryMb });
  const attachment = attachments[Number(step[1]) - 1];
  if (attachment === undefined || attachmentFileName(attachment) !== step[2]) return undefined;
  return step[3] === undefined ? attachment.bytes : containerEntryBytes(attachment.bytes, step[3], name, limits);
}
