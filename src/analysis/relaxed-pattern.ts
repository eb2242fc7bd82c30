/**
 * A regular expression with its assertions taken out, as a quick test of whether the original
 * can match anywhere inside a text (issue 17: the scripture tests of a segment ran every pattern
 * over each sentence and paragraph holding a candidate; a pattern led by a look-behind scans slowly).
 *
 * Why it is exact: an assertion (look-around, `^`, `$`, `\b`, `\B`) consumes nothing. A match of
 * the original in any slice of a text consumes some characters of it along some path of the
 * pattern; the same path without its assertions is a path of the relaxed pattern consuming the
 * same characters at the same place of the whole text. So when the relaxed pattern matches
 * nowhere in a text, the original matches in no slice of it. The converse does not hold, and is
 * not used: a relaxed match only means "test the slices as before".
 */

/** The look-around openings `(?=`, `(?!`, `(?<=`, `(?<!`. */
const LOOK_AROUND = /^\(\?<?[=!]/u;

/**
 * The pattern `re` with every look-around group, `^`, `$`, `\b` and `\B` removed, same flags;
 * null when that cannot be made safely (a back-reference, whose group numbers removing a group
 * could shift; a quantified look-ahead; a source the scan does not read to its end), so the
 * caller tests as before.
 */
export function relaxedPattern(re: RegExp): RegExp | null {
  const source = re.source;
  // The v flag's nested classes are not read by this scan.
  if (re.flags.includes('v') || /\\[1-9]|\\k</u.test(source)) return null;
  let out = '';
  let i = 0;
  while (i < source.length) {
    const c = source[i] as string;
    if (c === '\\') {
      const next = source[i + 1];
      if (next === undefined) return null;
      if (next !== 'b' && next !== 'B') out += c + next;
      i += 2;
    } else if (c === '[') {
      const end = classEnd(source, i);
      if (end < 0) return null;
      out += source.slice(i, end + 1);
      i = end + 1;
    } else if (c === '(' && LOOK_AROUND.test(source.slice(i, i + 4))) {
      const end = groupEnd(source, i);
      if (end < 0 || quantified(source, end + 1)) return null;
      i = end + 1;
    } else {
      if (c !== '^' && c !== '$') out += c;
      i++;
    }
  }
  try {
    return new RegExp(out, re.flags.replace(/[gy]/gu, ''));
  } catch {
    return null;
  }
}

/**
 * Whether a quantifier stands at `at`, right after a look-around group (JavaScript allows one on a
 * look-ahead without the u flag): left behind with the group gone, it would bind to the atom
 * before (`a(?=b){2}` would become `a{2}`), which is no relaxation. `^`, `$`, `\b` and `\B` cannot
 * be quantified.
 */
function quantified(source: string, at: number): boolean {
  const c = source[at];
  return c === '*' || c === '+' || c === '?' || c === '{';
}

/** Index of the `]` closing the character class opened at `at`; -1 when none. */
function classEnd(source: string, at: number): number {
  for (let i = at + 1; i < source.length; i++) {
    if (source[i] === '\\') i++;
    else if (source[i] === ']') return i;
  }
  return -1;
}

/** Index of the `)` closing the group opened at `at` (past escapes, classes and inner groups); -1 when none. */
function groupEnd(source: string, at: number): number {
  let depth = 0;
  for (let i = at; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (c === '[') {
      i = classEnd(source, i);
      if (i < 0) return -1;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return -1;
}
