/**
 * A found passage as the examiner reads it: both texts exactly as written (original characters,
 * from the first to the last paired word), with every word that differs between them marked.
 * Words are compared on their matching keys, so the same word in the other script, another case
 * or with a homoglyph is not marked; an inserted, dropped or misspelled word is.
 */
import type { AlignmentOp } from './diff.js';
import type { MatchWords } from './words.js';

/** Opening and closing marks around a word that has no identical partner on the other side. */
export const DIFFERENCE_MARKS = ['⟦', '⟧'] as const;

/** The original text of words `[from, to)` with the words in `marked` wrapped in difference marks. */
function markedText(text: string, words: MatchWords, from: number, to: number, marked: ReadonlySet<number>): string {
  if (from >= to) return '';
  let out = '';
  let cursor = words.starts[from]!;
  for (let i = from; i < to; i++) {
    const start = words.starts[i]!;
    const end = words.ends[i]!;
    out += text.slice(cursor, start);
    out += marked.has(i) ? `${DIFFERENCE_MARKS[0]}${text.slice(start, end)}${DIFFERENCE_MARKS[1]}` : text.slice(start, end);
    cursor = end;
  }
  return out;
}

/** Both sides of a passage with differences marked (`a` = evidence, `b` = library item). */
export function markedPassage(ops: readonly AlignmentOp[], a: { text: string; words: MatchWords; range: readonly [number, number] }, b: { text: string; words: MatchWords; range: readonly [number, number] }): { a: string; b: string; differingWords: number } {
  const markedA = new Set<number>();
  const markedB = new Set<number>();
  for (const op of ops) {
    if (op.kind === 'only-a') markedA.add(op.a);
    else if (op.kind === 'only-b') markedB.add(op.b);
    else if (a.words.keys[op.a] !== b.words.keys[op.b]) {
      markedA.add(op.a);
      markedB.add(op.b);
    }
  }
  return { a: markedText(a.text, a.words, a.range[0], a.range[1], markedA), b: markedText(b.text, b.words, b.range[0], b.range[1], markedB), differingWords: markedA.size + markedB.size };
}
