/**
 * Copies of strings that outlive their document. V8 makes a slice of a long string (13 UTF-16
 * units or more) a view into it, so a word, name or context cut from a document keeps the whole
 * document text alive as long as it is held. What a streaming run keeps after a document is gone
 * (memo keys, table keys, findings) is a copy, or memory would grow with the case again.
 */

/** A string equal to `text` that keeps no larger string alive (lossless, lone surrogates too). */
export function detachedString(text: string): string {
  // Concatenation makes a cons string; slicing it flattens it into a new string of its own.
  return text.length < 13 ? text : (' ' + text).slice(1);
}

/** A deep copy of plain data (findings, concordance lines) that shares no string with a document. */
export function detachedData<T>(data: T): T {
  return structuredClone(data);
}
