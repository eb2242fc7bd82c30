/**
 * A document's file bytes made where the document was built (issue 17): a Telegram part's thread
 * encodes the document it built while `soz add`'s main thread goes on reading, and the bytes
 * travel with the part. They are found again by the document object, so a document changed on its
 * way (another object: e.g. ids repeated across a chat's parts renamed) has none and is encoded
 * where it is kept, as before. Only the case folder's encoder makes them (`documentFileBytes` of
 * `case/extraction-store.ts`, given to the thread by `pipeline/telegram-thread.ts`); this module
 * only carries them across the layers. No I/O.
 */
import type { SozDocument } from './document.js';

/** A document's file bytes and their SHA-256 (lower-case hex). */
export interface MadeDocumentFile {
  readonly bytes: Uint8Array;
  readonly sha256: string;
}

const made = new WeakMap<SozDocument, MadeDocumentFile>();

/** Records the file bytes made of `doc` (the object that is yielded on). */
export function rememberDocumentFile(doc: SozDocument, file: MadeDocumentFile): void {
  made.set(doc, file);
}

/** The file bytes made of this very document object where it was built, if any. */
export function madeDocumentFile(doc: SozDocument): MadeDocumentFile | undefined {
  return made.get(doc);
}
