/**
 * Where quotations, sentences, clauses and paragraphs are inside one segment's text. Offsets are
 * 0-based UTF-16 code units relative to the string given (callers add the segment start).
 */
import type { Range } from '../core/document.js';

/** Opening → closing marks of paired quotation marks (Russian, German-style, English typographic). */
const PAIRED: Readonly<Record<string, string>> = { '«': '»', '„': '“', '“': '”', '‘': '’', '‹': '›' };
/** Marks that open and close alike; only taken as quotes at word boundaries. */
const SYMMETRIC = new Set(['"', "'"]);

/**
 * Spans enclosed in quotation marks, marks included. Paired marks nest; symmetric ASCII marks
 * open only after a non-letter and close only before a non-letter (so don't / l'heure are no
 * quotes). A quote still open at a blank line or at the end is closed there: an unbalanced mark
 * must not turn the rest of a long text into a quotation.
 */
export function quotationSpans(text: string): Range[] {
  const spans: Range[] = [];
  const stack: { close: string; start: number }[] = [];
  const isLetter = (ch: string | undefined): boolean => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
  const closeAll = (end: number): void => {
    const outer = stack[0];
    if (outer) spans.push([outer.start, end]);
    stack.length = 0;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    if (ch === '\n' && text[i + 1] === '\n') {
      closeAll(i);
      continue;
    }
    const top = stack[stack.length - 1];
    if (top && ch === top.close && (!SYMMETRIC.has(ch) || !isLetter(text[i + 1]))) {
      stack.pop();
      if (stack.length === 0) spans.push([top.start, i + 1]);
      continue;
    }
    const close = PAIRED[ch];
    if (close !== undefined) {
      // “ is also the closing mark of „…“; it opens only when it is not closing the top.
      stack.push({ close, start: i });
    } else if (SYMMETRIC.has(ch) && !isLetter(text[i - 1]) && isLetter(text[i + 1]) && !stack.some((s) => s.close === ch)) {
      stack.push({ close: ch, start: i });
    }
  }
  closeAll(text.length);
  return spans.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

/** True when `[start,end)` lies inside one of the spans. */
export function insideAny(spans: readonly Range[], start: number, end: number): boolean {
  return spans.some(([s, e]) => s <= start && end <= e);
}

const SENTENCE_END = /[.!?…\n]/;
const CLAUSE_END = /[.!?…\n,;:—–()«»„“”"]/;

/** `[start, end)` of the sentence containing `offset` (terminators . ! ? … and newline). */
export function sentenceAround(text: string, offset: number): Range {
  return spanAround(text, offset, SENTENCE_END);
}

/** `[start, end)` of the clause containing `offset` (sentence ends, commas, colons, dashes, quotes). */
export function clauseAround(text: string, offset: number): Range {
  return spanAround(text, offset, CLAUSE_END);
}

function spanAround(text: string, offset: number, boundary: RegExp): Range {
  let start = offset;
  while (start > 0 && !boundary.test(text[start - 1] ?? '')) start--;
  let end = offset;
  while (end < text.length && !boundary.test(text[end] ?? '')) end++;
  return [start, end];
}

/**
 * True when the sentence containing `offset` ends with a question mark (optionally with ! or
 * closing quotes/brackets around it).
 */
export function endsWithQuestion(text: string, offset: number): boolean {
  for (let i = offset; i < text.length; i++) {
    const ch = text[i] ?? '';
    if (ch === '?' || ch === '؟') return true;
    if (ch === '.' || ch === '!' || ch === '…' || ch === '\n') {
      // "?!" and "!?" both ask.
      return text[i + 1] === '?' || (ch === '!' && text[i - 1] === '?');
    }
  }
  return false;
}

/** `[start, end)` of the paragraph (text between blank lines) containing `offset`. */
export function paragraphAround(text: string, offset: number): Range {
  const before = text.lastIndexOf('\n\n', Math.max(0, offset - 1));
  const start = before === -1 || before + 2 > offset ? (before === -1 ? 0 : Math.min(before + 2, offset)) : before + 2;
  const after = text.indexOf('\n\n', offset);
  return [start, after === -1 ? text.length : after];
}
