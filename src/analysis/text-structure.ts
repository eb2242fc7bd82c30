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
  // Only line breaks and quotation marks can change the state; jump from one to the next.
  const interesting = /[\n«»„“”‘’‹›"']/g;
  for (let found = interesting.exec(text); found !== null; found = interesting.exec(text)) {
    const i = found.index;
    const ch = found[0];
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
    // ‘ right after a letter is a letter sign (Uzbek so‘ng, o‘g‘ri), not an opening quote.
    if (close !== undefined && !(ch === '‘' && isLetter(text[i - 1]))) {
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

/**
 * A «!», «?» or «…» inside quotation marks after which the sentence goes on — closing quotes, a
 * space and a lower-case word («"Куралдангыла!" деген сөз», «"Огонь!" крикнул он», '"Run!" he
 * said') — ends the quotation, not the sentence: the verb of saying after it belongs to it.
 */
const QUOTED_STOP = /^[!?…]*[»”"“’]+[ \t\u00a0]+\p{Ll}/u;

/** Whether the character at `i` (one of {@link SENTENCE_END}) ends its sentence. */
function endsSentence(text: string, i: number): boolean {
  const ch = text[i];
  return !(ch === '!' || ch === '?' || ch === '…') || !QUOTED_STOP.test(text.slice(i + 1, i + 16));
}

/**
 * `[start, end)` of the sentence containing `offset` (terminators . ! ? … and newline; a «!», «?»
 * or «…» closing a quotation the sentence goes on after is none).
 */
export function sentenceAround(text: string, offset: number): Range {
  let start = offset;
  while (start > 0 && !(SENTENCE_END.test(text[start - 1] ?? '') && endsSentence(text, start - 1))) start--;
  let end = offset;
  while (end < text.length && !(SENTENCE_END.test(text[end] ?? '') && endsSentence(text, end))) end++;
  return [start, end];
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

/** Index of the last element of sorted `values` that is `< bound`, or -1. */
function lastBelow(values: readonly number[], bound: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((values[mid] as number) < bound) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** Positions of the code units matched by the one-character class `boundary` (no flags). */
function positionsOf(text: string, boundary: RegExp): number[] {
  const positions: number[] = [];
  const global = new RegExp(boundary.source, 'g');
  for (let found = global.exec(text); found !== null; found = global.exec(text)) positions.push(found.index);
  return positions;
}

/**
 * The same answers as {@link sentenceAround}, {@link clauseAround}, {@link paragraphAround} and
 * {@link endsWithQuestion} for one text, in O(log n) per question instead of a scan: boundary
 * positions are collected once (lazily, one pass each), then found by binary search. A segment
 * with thousands of findings (a long message, a chat exported as one text) would otherwise be
 * scanned once per finding. Offsets are 0-based UTF-16 code units in `[0, text.length]`.
 */
export class TextStructure {
  private sentenceEnds?: number[];
  private clauseEnds?: number[];
  private blankLines?: number[];
  private questionStops?: number[];

  constructor(readonly text: string) {}

  /** As {@link sentenceAround}. */
  sentenceAround(offset: number): Range {
    this.sentenceEnds ??= positionsOf(this.text, SENTENCE_END).filter((i) => endsSentence(this.text, i));
    if (offset < 0 || offset > this.text.length) return sentenceAround(this.text, offset);
    return this.spanAround(this.sentenceEnds, offset, SENTENCE_END);
  }

  /** As {@link clauseAround}. */
  clauseAround(offset: number): Range {
    this.clauseEnds ??= positionsOf(this.text, CLAUSE_END);
    return this.spanAround(this.clauseEnds, offset, CLAUSE_END);
  }

  /** As {@link paragraphAround}. */
  paragraphAround(offset: number): Range {
    const text = this.text;
    if (!this.blankLines) {
      // Every start of "\n\n", overlapping ones included, as indexOf/lastIndexOf would find them.
      const starts: number[] = [];
      for (let i = text.indexOf('\n\n'); i !== -1; i = text.indexOf('\n\n', i + 1)) starts.push(i);
      this.blankLines = starts;
    }
    const starts = this.blankLines;
    const before = starts[lastBelow(starts, Math.max(0, offset - 1) + 1)];
    const start = before === undefined ? 0 : Math.min(before + 2, offset);
    const after = starts[lastBelow(starts, offset) + 1];
    return [start, after === undefined ? text.length : after];
  }

  /** As {@link endsWithQuestion}. */
  endsWithQuestion(offset: number): boolean {
    const text = this.text;
    this.questionStops ??= positionsOf(text, /[?؟.!…\n]/);
    const i = this.questionStops[lastBelow(this.questionStops, offset) + 1];
    if (i === undefined) return false;
    const ch = text[i];
    if (ch === '?' || ch === '؟') return true;
    return text[i + 1] === '?' || (ch === '!' && text[i - 1] === '?');
  }

  private spanAround(ends: readonly number[], offset: number, boundary: RegExp): Range {
    // Offsets outside the text never occur in practice; the scan defines the answer there.
    if (offset < 0 || offset > this.text.length) return spanAround(this.text, offset, boundary);
    // Start: just after the last boundary before `offset`; end: the first boundary at or after it.
    const k = lastBelow(ends, offset);
    const before = ends[k];
    const after = ends[k + 1];
    return [before === undefined ? 0 : before + 1, after === undefined ? this.text.length : after];
  }
}

/**
 * Line and column of document offsets, found by binary search over the line breaks collected once
 * (core's `lineColumn` scans from the start of the text at every call). Same numbering as
 * `lineColumn` in `src/core/finding.ts`: lines and columns start at 1, columns count UTF-16 code
 * units, a line starts after each "\n".
 */
export class LineIndex {
  private readonly breaks: number[] = [];

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.breaks.push(i);
  }

  /** 1-based line and column of the 0-based `offset`. */
  lineColumn(offset: number): { line: number; column: number } {
    const k = lastBelow(this.breaks, offset);
    const lineStart = k < 0 ? 0 : (this.breaks[k] as number) + 1;
    return { line: k + 2, column: offset - lineStart + 1 };
  }
}
