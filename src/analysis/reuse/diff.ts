/**
 * Word-level alignment of two short word sequences (Myers 1986, O((N+M)·D)) with a fuzzy
 * equality, producing the edit script a report shows as marked differences.
 */

/** One step of an alignment: `same` pairs one word with one; the others are runs. */
export type AlignmentOp =
  | { readonly kind: 'same'; readonly a: number; readonly b: number }
  | { readonly kind: 'only-a'; readonly a: number }
  | { readonly kind: 'only-b'; readonly b: number };

/**
 * Aligns `a[aStart, aEnd)` with `b[bStart, bEnd)` so that as many words as possible are paired
 * by `equal`; indices in the result are absolute. Deterministic: deletions before insertions.
 */
export function alignWords(a: readonly string[], aStart: number, aEnd: number, b: readonly string[], bStart: number, bEnd: number, equal: (x: string, y: string) => boolean): AlignmentOp[] {
  const n = aEnd - aStart;
  const m = bEnd - bStart;
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = max === 0;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && equal(a[aStart + x]!, b[bStart + y]!)) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }
  trace.push(v.slice());
  const ops: AlignmentOp[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 2; d >= 0 && (x > 0 || y > 0); d--) {
    const vd = trace[d]!;
    const k = x - y;
    const down = k === -d || (k !== d && vd[offset + k - 1]! < vd[offset + k + 1]!);
    const prevK = down ? k + 1 : k - 1;
    const prevX = vd[offset + prevK]!;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
      ops.push({ kind: 'same', a: aStart + x, b: bStart + y });
    }
    if (d === 0) break;
    if (down) ops.push({ kind: 'only-b', b: bStart + --y });
    else ops.push({ kind: 'only-a', a: aStart + --x });
  }
  while (x > 0 && y > 0) {
    x--;
    y--;
    ops.push({ kind: 'same', a: aStart + x, b: bStart + y });
  }
  return ops.reverse();
}
