/**
 * Finds a key item (fragment or trap) in the documents soz extracted from the case's evidence:
 * the key names a material file and a quoted string (or a chat message id); the place is found
 * afresh in the derived text at grading time, so the key never stores offsets. Pure.
 */
import type { Range, SozDocument } from '../core/document.js';

/** Where a key item lies: document, evidence name and `[start, end)` UTF-16 range (0-based). */
export interface KeyPlace {
  readonly documentId: string;
  readonly evidenceName: string;
  readonly range: Range;
}

/** Result of locating: the place, or why there is none; `occurrences` counts quote hits. */
export type LocateResult =
  | { readonly found: true; readonly place: KeyPlace; readonly occurrences: number }
  | { readonly found: false; readonly problem: string };

/** What locating needs of a key item. */
export interface Locatable {
  readonly id: string;
  readonly material: string;
  readonly quote?: string | undefined;
  readonly messageId?: string | undefined;
}

function countOccurrences(text: string, needle: string): number {
  let count = 0;
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + 1)) count += 1;
  return count;
}

/**
 * Locates an item in the documents of its material (matched by `evidenceName`). A quote is
 * found by exact search (first occurrence; `occurrences` reports how many there are); a message
 * id covers every non-reaction segment of that message.
 */
export function locateKeyItem(item: Locatable, documents: readonly SozDocument[]): LocateResult {
  const candidates = documents.filter((doc) => doc.evidenceName === item.material);
  if (candidates.length === 0) return { found: false, problem: `${item.id}: no extracted document from material ${item.material}` };
  if (item.quote !== undefined) {
    const quote = item.quote;
    const total = candidates.reduce((sum, doc) => sum + countOccurrences(doc.text, quote), 0);
    for (const doc of candidates) {
      const start = doc.text.indexOf(quote);
      if (start !== -1) return { found: true, place: { documentId: doc.id, evidenceName: doc.evidenceName, range: [start, start + quote.length] }, occurrences: total };
    }
    return { found: false, problem: `${item.id}: the quote does not occur in the extracted text of ${item.material}` };
  }
  for (const doc of candidates) {
    const segments = doc.segments.filter((segment) => segment.message !== undefined && segment.message.messageId === item.messageId && segment.message.role !== 'reaction');
    if (segments.length === 0) continue;
    const start = Math.min(...segments.map((segment) => segment.range[0]));
    const end = Math.max(...segments.map((segment) => segment.range[1]));
    return { found: true, place: { documentId: doc.id, evidenceName: doc.evidenceName, range: [start, end] }, occurrences: 1 };
  }
  return { found: false, problem: `${item.id}: message ${item.messageId ?? '?'} is not in the extracted text of ${item.material}` };
}

/** Whether two half-open ranges share at least one code unit. */
export function rangesOverlap(a: Range, b: Range): boolean {
  return a[0] < b[1] && b[0] < a[1];
}
