/**
 * When two word keys count as the same word in an alignment: equal, or (for words of four or more
 * letters) within a small edit distance, which absorbs OCR noise and typing slips.
 */

/** Edits allowed between two keys of this length: 0 below 4 letters, 1 up to 7, then 2. */
function allowedEdits(length: number): number {
  if (length < 4) return 0;
  return length < 8 ? 1 : 2;
}

/** Levenshtein distance of `a` and `b` if it is at most `limit`, otherwise `limit + 1`. */
export function boundedEditDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}

/** Whether two word keys are the same word for alignment (exactly, or within OCR-noise distance). */
export function similarWords(a: string, b: string): boolean {
  if (a === b) return true;
  const limit = allowedEdits(Math.min(a.length, b.length));
  return limit > 0 && boundedEditDistance(a, b, limit) <= limit;
}
