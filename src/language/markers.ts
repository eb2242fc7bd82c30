/**
 * Word-level evidence matcher: every marker pattern, function word and typical ending of the
 * candidates of one script, matched against a word in one pass instead of one regular expression
 * per marker per language (the identifier meets ~15,000 new words per 2,600 short segments).
 *
 * Marker patterns are regular expressions (`sop/language/*.yaml`). Most are alternations of
 * literals, character classes and `^` / `$` anchors; those are expanded into literal strings and
 * looked up by first character (contains), at the start (prefix), by suffix or whole word. Any
 * alternative using other syntax (look-arounds, negated classes, quantifiers …) is kept as a
 * regular expression, so every valid pattern keeps its exact meaning.
 */

/** One thing a word can match: a marker (weight, maybe only sentence-finally) of one candidate. */
export interface MarkerSpec {
  /** Index of the candidate language (0-based, in the script's candidate order). */
  readonly candidate: number;
  readonly pattern: string;
  readonly weight: number;
  /** Counts only on a sentence's last word. */
  readonly final: boolean;
  /** Counts only where the block is spelled natively (shows the language's own letters). */
  readonly native: boolean;
}

/** What a candidate contributes besides markers. */
export interface WordListSpec {
  readonly functionWords: Iterable<string>;
  readonly endings: Iterable<string>;
}

/** Expanded literal alternatives, or undefined when the alternative needs a real regex. */
type Anchored = { literal: string; start: boolean; end: boolean };

const MAX_EXPANSION = 256;
const SPECIAL = new Set([...'\\.*+?()[]{}|^$']);

/** Splits `src` at top-level `|` (outside groups and classes). */
export function splitAlternatives(src: string): string[] | undefined {
  const out: string[] = [];
  let depth = 0;
  let inClass = false;
  let current = '';
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (ch === '\\') {
      current += ch + (src[i + 1] ?? '');
      i++;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
    } else if (ch === '[') inClass = true;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === '|' && depth === 0) {
      out.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  if (depth !== 0 || inClass) return undefined;
  out.push(current);
  return out;
}

/** Characters of a simple class body (`абв`, `а-я`), or undefined if negated or escaped. */
function classChars(body: string): string[] | undefined {
  if (body.startsWith('^') || body.includes('\\') || body.length === 0) return undefined;
  const chars: string[] = [];
  const cps = [...body];
  for (let i = 0; i < cps.length; i++) {
    if (cps[i + 1] === '-' && i + 2 < cps.length) {
      const from = cps[i]!.codePointAt(0)!;
      const to = cps[i + 2]!.codePointAt(0)!;
      if (to < from || to - from > 64) return undefined;
      for (let c = from; c <= to; c++) chars.push(String.fromCodePoint(c));
      i += 2;
    } else chars.push(cps[i]!);
  }
  return chars;
}

/**
 * Expands one alternative without top-level `|` into anchored literals: a sequence of literal
 * characters, simple classes and non-capturing groups of such alternatives, with an optional
 * leading `^` and trailing `$`. Undefined when it uses anything else.
 */
export function expandAlternative(alt: string): Anchored[] | undefined {
  let src = alt;
  const start = src.startsWith('^');
  if (start) src = src.slice(1);
  const end = src.endsWith('$') && !src.endsWith('\\$');
  if (end) src = src.slice(0, -1);
  const bodies = expandSequence(src);
  if (!bodies) return undefined;
  return bodies.map((literal) => ({ literal, start, end }));
}

function expandSequence(src: string): string[] | undefined {
  let results = [''];
  const cps = [...src];
  for (let i = 0; i < cps.length; i++) {
    const ch = cps[i]!;
    let options: string[] | undefined;
    if (ch === '[') {
      const close = cps.indexOf(']', i + 1);
      if (close < 0) return undefined;
      options = classChars(cps.slice(i + 1, close).join(''));
      i = close;
    } else if (ch === '(') {
      if (cps[i + 1] !== '?' || cps[i + 2] !== ':') return undefined;
      let depth = 1;
      let j = i + 3;
      for (; j < cps.length && depth > 0; j++) {
        if (cps[j] === '(') depth++;
        else if (cps[j] === ')') depth--;
        else if (cps[j] === '\\' || cps[j] === '[') return undefined;
      }
      if (depth !== 0) return undefined;
      const inner = splitAlternatives(cps.slice(i + 3, j - 1).join(''));
      if (!inner) return undefined;
      options = [];
      for (const alt of inner) {
        const expanded = expandSequence(alt);
        if (!expanded) return undefined;
        options.push(...expanded);
      }
      i = j - 1;
    } else if (SPECIAL.has(ch)) return undefined;
    else options = [ch];
    if (!options || options.length === 0) return undefined;
    // A quantifier after an atom is not supported here.
    if (i + 1 < cps.length && '*+?{'.includes(cps[i + 1]!)) return undefined;
    const next: string[] = [];
    for (const r of results) for (const o of options) next.push(r + o);
    if (next.length > MAX_EXPANSION) return undefined;
    results = next;
  }
  return results;
}

/** Evidence of one word for every candidate. */
export interface WordMatch {
  /** Per candidate: function word + ending + markers (all positions). */
  scores: Float64Array;
  /** Per candidate: markers that count only sentence-finally. */
  finalScores: Float64Array;
  /** Per candidate: markers of the native spelling (they count only in a natively spelled block). */
  nativeScores: Float64Array;
  /** Whether any final-position marker matched. */
  hasFinal: boolean;
}

interface SuffixNode {
  readonly next: Map<number, SuffixNode>;
  readonly markers: number[];
  readonly endings: number[];
  /** Length of the suffix this node stands for. */
  readonly depth: number;
}

/** Compiled matcher for the candidates of one script. */
export class WordMatcher {
  private readonly markers: readonly MarkerSpec[];
  /** First UTF-16 code unit → literals that may occur anywhere in a word. */
  private readonly contains: Array<Array<{ literal: string; marker: number }> | undefined> = new Array<undefined>(0x10000);
  private readonly prefixes = new Map<number, Array<{ literal: string; marker: number }>>();
  /** Suffixes as a trie read from the word's end: markers anchored with `$`, endings of candidates. */
  private readonly suffixes: SuffixNode = { next: new Map(), markers: [], endings: [], depth: 0 };
  private readonly whole = new Map<string, { markers: number[]; functionWords: number[] }>();
  private readonly regexes: Array<{ re: RegExp; marker: number }> = [];
  private readonly stamp: Int32Array;
  private readonly endingStamp: Int32Array;
  private generation = 0;

  /**
   * @param candidates number of candidate languages
   * @param lists per candidate, its function words and endings (endings count once per word,
   *   only when at least two letters of the word precede them)
   * @param markers every marker of every candidate
   * @param endingWeight score of an ending; `functionWordWeight` of a function word
   */
  constructor(
    private readonly candidates: number,
    lists: readonly WordListSpec[],
    markers: readonly MarkerSpec[],
    private readonly functionWordWeight: number,
    private readonly endingWeight: number,
  ) {
    this.markers = markers;
    this.stamp = new Int32Array(markers.length);
    this.endingStamp = new Int32Array(candidates);
    lists.forEach((list, c) => {
      for (const w of new Set(list.functionWords)) this.wholeEntry(w).functionWords.push(c);
      for (const e of new Set(list.endings)) {
        this.suffixEntry(e).endings.push(c);
      }
    });
    markers.forEach((m, index) => {
      for (const alt of splitAlternatives(m.pattern) ?? [m.pattern]) {
        const expanded = expandAlternative(alt);
        if (!expanded || expanded.some((e) => e.literal.length === 0)) {
          this.regexes.push({ re: new RegExp(alt, 'u'), marker: index });
          continue;
        }
        for (const { literal, start, end } of expanded) {
          if (start && end) this.wholeEntry(literal).markers.push(index);
          else if (end) {
            this.suffixEntry(literal).markers.push(index);
          } else if (start) {
            const key = literal.charCodeAt(0);
            let list = this.prefixes.get(key);
            if (!list) this.prefixes.set(key, (list = []));
            list.push({ literal, marker: index });
          } else {
            const key = literal.charCodeAt(0);
            const list = this.contains[key] ?? (this.contains[key] = []);
            list.push({ literal, marker: index });
          }
        }
      }
    });
  }

  private wholeEntry(word: string): { markers: number[]; functionWords: number[] } {
    let e = this.whole.get(word);
    if (!e) this.whole.set(word, (e = { markers: [], functionWords: [] }));
    return e;
  }

  private suffixEntry(suffix: string): SuffixNode {
    let node = this.suffixes;
    for (let i = suffix.length - 1; i >= 0; i--) {
      const code = suffix.charCodeAt(i);
      let child = node.next.get(code);
      if (!child) node.next.set(code, (child = { next: new Map(), markers: [], endings: [], depth: node.depth + 1 }));
      node = child;
    }
    return node;
  }

  private out: WordMatch | undefined;

  private hit(marker: number): void {
    const g = this.generation;
    if (this.stamp[marker] === g) return;
    this.stamp[marker] = g;
    const m = this.markers[marker]!;
    const out = this.out!;
    if (m.final) {
      out.finalScores[m.candidate]! += m.weight;
      out.hasFinal = true;
    } else if (m.native) out.nativeScores[m.candidate]! += m.weight;
    else out.scores[m.candidate]! += m.weight;
  }

  /** Adds the evidence of `word` (lower case) to `out` (which must be zeroed by the caller). */
  match(word: string, out: WordMatch): void {
    if (++this.generation === 0x7fffffff) {
      this.stamp.fill(0);
      this.endingStamp.fill(0);
      this.generation = 1;
    }
    const g = this.generation;
    this.out = out;
    const whole = this.whole.get(word);
    if (whole) {
      for (const c of whole.functionWords) out.scores[c]! += this.functionWordWeight;
      for (const m of whole.markers) this.hit(m);
    }
    const first = this.prefixes.get(word.charCodeAt(0));
    if (first) for (const p of first) if (word.startsWith(p.literal)) this.hit(p.marker);
    for (let i = 0; i < word.length; i++) {
      const list = this.contains[word.charCodeAt(i)];
      if (list) for (const p of list) if (this.stamp[p.marker] !== g && word.startsWith(p.literal, i)) this.hit(p.marker);
    }
    let node: SuffixNode | undefined = this.suffixes;
    for (let i = word.length - 1; i >= 0; i--) {
      node = node.next.get(word.charCodeAt(i));
      if (!node) break;
      for (const m of node.markers) this.hit(m);
      if (node.depth <= word.length - 2) {
        for (const c of node.endings) {
          if (this.endingStamp[c] === g) continue;
          this.endingStamp[c] = g;
          out.scores[c]! += this.endingWeight;
        }
      }
    }
    for (const r of this.regexes) if (this.stamp[r.marker] !== g && r.re.test(word)) this.hit(r.marker);
    this.out = undefined;
  }

  /** Number of candidates this matcher scores. */
  get size(): number {
    return this.candidates;
  }
}
