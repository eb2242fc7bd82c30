import type { SozDocument } from '../core/document.js';
import { documentId } from '../core/document.js';
import { sha256 } from '../core/hash.js';
import type { Limits } from '../ingest/adapter.js';
import { postedMemberPath } from '../ingest/chat-photos.js';
import { inputFromBytes } from '../ingest/adapter.js';
import type { ZipEntry } from '../ingest/docs/zip.js';
import { readZipDirectory, readZipEntry } from '../ingest/docs/zip.js';
import { noTextAdapter } from '../ingest/no-text.js';
import { decodedByRule } from '../ingest/zip/entry-name.js';
import { isImageMediaType, sniffMediaType } from '../ingest/sniff.js';
import type { OcrLimits, OcrTools } from './ocr.js';
import { withOcr } from './ocr.js';

/**
 * The pictures posted by chat exports inside one seized ZIP, read by OCR (issue 16): for every
 * message of a chat document from the ZIP whose media names a file, the member at that path
 * relative to the chat's own entry (`export/photos/photo_1.jpg` beside `export/result.json`) is
 * read from the ZIP's bytes and, when it is a picture, becomes a document of format `ocr` (or
 * `no-text` with the reason OCR could not run) whose `entry` is the member path, `evidenceSha256`
 * the ZIP's and `properties.entrySha256` the picture's own. Member names are decoded as the ZIP
 * adapter decodes them (`decodeEntryName`: a CP866 folder or photo name matches the chat's own
 * entry path). `linkChatPhotos` then puts its text
 * under the message. Members no message names stay listed in the ZIP's manifest only.
 */
export async function zipPhotoDocuments(documents: readonly SozDocument[], zipBytes: () => Promise<Uint8Array>, tools: OcrTools, ocrLimits: OcrLimits, limits: Limits): Promise<SozDocument[]> {
  const wanted = postedMemberPaths(documents);
  if (wanted.size === 0) return [];
  const bytes = await zipBytes();
  const members = new Map(readZipDirectory(bytes).map((entry) => [entry.name, entry]));
  const pictures: SozDocument[] = [];
  for (const [path, zip] of wanted) {
    const member = members.get(path);
    if (member) pictures.push(...(await memberPicture(bytes, member, zip, tools, ocrLimits, limits)));
  }
  return pictures;
}

/** Member paths named by messages of the chats from a ZIP, with the ZIP they are in (hash and name). */
function postedMemberPaths(documents: readonly SozDocument[]): Map<string, { readonly sha256: string; readonly name: string }> {
  const wanted = new Map<string, { readonly sha256: string; readonly name: string }>();
  for (const doc of documents) {
    if (doc.entry === undefined || doc.entry.includes('!/')) continue;
    for (const segment of doc.segments) {
      for (const item of segment.message?.media ?? []) {
        if (item.fileName !== undefined && item.inExport !== false) wanted.set(postedMemberPath(doc.entry, item.fileName), { sha256: doc.evidenceSha256, name: doc.evidenceName });
      }
    }
  }
  return wanted;
}

async function memberPicture(bytes: Uint8Array, member: ZipEntry, zip: { readonly sha256: string; readonly name: string }, tools: OcrTools, ocrLimits: OcrLimits, limits: Limits): Promise<SozDocument[]> {
  const data = readZipEntry(bytes, member);
  const mediaType = sniffMediaType(data);
  if (!isImageMediaType(mediaType)) return [];
  const input = inputFromBytes(data, { name: member.name.slice(member.name.lastIndexOf('/') + 1), sha256: zip.sha256, mediaType, limits, entry: member.name });
  const read: SozDocument[] = [];
  for await (const doc of noTextAdapter.extract(input)) read.push(await withOcr(doc, () => Promise.resolve(data), tools.engine(), ocrLimits));
  return read.map((doc) => ({ ...doc, id: documentId(zip.sha256, member.name), evidenceSha256: zip.sha256, evidenceName: zip.name, entry: member.name, properties: { ...doc.properties, entrySha256: sha256(data), entrySize: data.byteLength, ...storedName(member) } }));
}

/** The stored bytes of a member name decoded by a rule (no UTF-8 flag, not ASCII), as the ZIP adapter records them. */
function storedName(member: ZipEntry): Record<string, string> {
  return decodedByRule(member.nameDecoding) ? { entryNameHex: member.nameHex, entryNameDecoding: member.nameDecoding } : {};
}
