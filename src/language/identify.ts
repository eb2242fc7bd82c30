/**
 * Language identification: franc 6 (restricted to the candidates of the text's script) combined
 * with evidence kept as data in `sop/language/` — alphabets (letters foreign to a language count
 * against it), marker patterns, function words and typical endings.
 *
 * Mixed texts are split into blocks: a new block starts where the script changes, and sentences of
 * one script are grouped until a block has at least {@link BLOCK_LETTERS} letters. Each block is
 * identified on its own; `shares` are the letter-weighted shares of the blocks' languages.
 */
import { languageData, type LanguageData, type LanguageFile } from './data.js';
import { francSimilarity, type FrancScript } from './trigram.js';
import { scriptOfCode, scriptFromCounts, type ScriptCounts } from './script.js';
import type { LanguageCode, LanguageGuess, Script } from './types.js';

/** Letters a block of one script collects before a sentence boundary may close it. */
export const BLOCK_LETTERS = 40;

type BlockScript = 'cyrillic' | 'latin' | 'arabic';

const FRANC_SCRIPT: Record<BlockScript, FrancScript> = { cyrillic: 'Cyrillic', latin: 'Latin', arabic: 'Arabic' };

interface CompiledLanguage {
  readonly code: LanguageCode;
  readonly franc: string;
  readonly letters: ReadonlySet<string>;
  readonly rareLetters: ReadonlySet<string>;
  readonly markers: ReadonlyArray<{ re: RegExp; weight: number }>;
  readonly functionWords: ReadonlySet<string>;
  readonly endings: ReadonlySet<string>;
  readonly maxEnding: number;
  readonly harmony: { front: ReadonlySet<string>; back: ReadonlySet<string>; weight: number } | undefined;
  readonly signature: ReadonlyArray<{ letters: ReadonlySet<string>; rate: number }>;
}

interface Model {
  readonly byScript: Readonly<Record<BlockScript, readonly CompiledLanguage[]>>;
  weights: IdentificationWeights;
  readonly thresholds: { minLetters: number; unclearMargin: number; shortLetters: number };
}

/** Weights combining the evidence (see `sop/language/identification.yaml`). */
export type IdentificationWeights = LanguageData['identification']['weights'];

let model: Model | undefined;

/**
 * Runs `fn` with some weights replaced — for tuning scripts and tests only; the shipped weights
 * live in `sop/language/identification.yaml`.
 */
export function withIdentificationWeights<T>(overrides: Partial<IdentificationWeights>, fn: () => T): T {
  const m = getModel();
  const saved = m.weights;
  m.weights = { ...saved, ...overrides };
  clearIdentificationCache();
  try {
    return fn();
  } finally {
    m.weights = saved;
    clearIdentificationCache();
  }
}

function compile(file: LanguageFile): CompiledLanguage {
  const id = file.identification;
  return {
    code: file.language,
    franc: id.franc,
    letters: new Set(id.letters),
    rareLetters: new Set(id.rare_letters ?? ''),
    markers: id.markers.map((m) => ({ re: new RegExp(m.pattern, 'u'), weight: m.weight })),
    functionWords: new Set(id.function_words.map(unifyApostrophes)),
    endings: new Set(id.endings),
    maxEnding: Math.max(0, ...id.endings.map((e) => e.length)),
    harmony: id.harmony ? { front: new Set(id.harmony.front), back: new Set(id.harmony.back), weight: id.harmony.weight } : undefined,
    signature: (id.signature ?? []).map((s) => ({ letters: new Set(s.letters), rate: s.rate })),
  };
}

function getModel(): Model {
  if (model) return model;
  const data = languageData();
  const byScript: Record<BlockScript, CompiledLanguage[]> = { cyrillic: [], latin: [], arabic: [] };
  for (const file of data.languages.values()) {
    byScript[file.script === 'Cyrillic' ? 'cyrillic' : file.script === 'Latin' ? 'latin' : 'arabic'].push(compile(file));
  }
  model = { byScript, weights: data.identification.weights, thresholds: data.identification.thresholds };
  return model;
}

/** Uzbek oʻ gʻ are typed with many apostrophes; read every variant after o/g as ʻ, others as ʼ. */
export function unifyApostrophes(word: string): string {
  return word.replace(/([og])['‘’ʼ`ʻ]/g, '$1ʻ').replace(/['‘’`]/g, 'ʼ');
}

// Latin letters that look like Cyrillic ones, read as Cyrillic inside mostly-Cyrillic words (and the
// reverse), so that evasion or keyboard noise does not split a word between scripts.
const LATIN_TO_CYR: Record<string, string> = { a: 'а', c: 'с', e: 'е', o: 'о', p: 'р', x: 'х', y: 'у', i: 'і', k: 'к', m: 'м', h: 'һ', t: 'т', b: 'в' };
const CYR_TO_LATIN: Record<string, string> = { а: 'a', с: 'c', е: 'e', о: 'o', р: 'p', х: 'x', у: 'y', і: 'i', к: 'k', м: 'm', т: 't', в: 'b' };

interface Word {
  readonly text: string; // lower case, single script
  readonly script: BlockScript;
  readonly letters: number;
  readonly start: number;
  /** A sentence boundary follows this word. */
  readonly sentenceEnd: boolean;
}

const WORD_OR_BOUNDARY = /[\p{L}\p{M}'‘’ʼʻ`]+|[.!?…\n]+/gu;

function splitWords(text: string): { words: Word[]; counts: ScriptCounts } {
  const words: Word[] = [];
  const counts: ScriptCounts = { cyrillic: 0, latin: 0, arabic: 0, other: 0 };
  for (const m of text.matchAll(WORD_OR_BOUNDARY)) {
    const raw = m[0];
    const first = raw.charCodeAt(0);
    if (first === 0x2e || first === 0x21 || first === 0x3f || first === 0x2026 || first === 0x0a) {
      const last = words[words.length - 1];
      if (last && !last.sentenceEnd) words[words.length - 1] = { ...last, sentenceEnd: true };
      continue;
    }
    let cyr = 0;
    let lat = 0;
    let ara = 0;
    let other = 0;
    for (let i = 0; i < raw.length; i++) {
      const s = scriptOfCode(raw.charCodeAt(i));
      if (s === 'cyrillic') cyr++;
      else if (s === 'latin') lat++;
      else if (s === 'arabic') ara++;
      else if (s === 'other') other++;
    }
    counts.cyrillic += cyr;
    counts.latin += lat;
    counts.arabic += ara;
    const letters = cyr + lat + ara;
    if (letters === 0) {
      // Letters of other scripts (Greek, CJK …) are counted but not identified.
      if (/\p{L}/u.test(raw)) counts.other += [...raw].filter((c) => /\p{L}/u.test(c)).length + other;
      continue;
    }
    const script: BlockScript = cyr >= lat && cyr >= ara ? 'cyrillic' : lat >= ara ? 'latin' : 'arabic';
    let lower = raw.toLowerCase();
    if (script === 'cyrillic' && lat > 0) lower = [...lower].map((c) => LATIN_TO_CYR[c] ?? c).join('');
    else if (script === 'latin' && cyr > 0) lower = [...lower].map((c) => CYR_TO_LATIN[c] ?? c).join('');
    if (script === 'latin') lower = unifyApostrophes(lower);
    words.push({ text: lower, script, letters, start: m.index, sentenceEnd: false });
  }
  return { words, counts };
}

/** Scores of every candidate of one script for a block of words; highest first. */
export function scoreBlock(words: readonly Word[], script: BlockScript): Array<[LanguageCode, number]> {
  const { byScript, weights } = getModel();
  const candidates = byScript[script];
  if (candidates.length === 1) return [[candidates[0]!.code, 1]];
  const joined = words.map((w) => w.text).join(' ');
  const francScores = francSimilarity(joined, FRANC_SCRIPT[script], candidates.map((c) => c.franc));
  const letterCounts = new Map<string, number>();
  let total = 0;
  for (const w of words) {
    total += w.letters;
    for (const ch of w.text) letterCounts.set(ch, (letterCounts.get(ch) ?? 0) + 1);
  }
  const scored: Array<[LanguageCode, number]> = [];
  const wordSums = new Float64Array(candidates.length);
  for (const w of words) {
    const per = wordScores(w.text, script, candidates, weights);
    for (let i = 0; i < per.length; i++) wordSums[i]! += per[i]!;
  }
  for (const [index, lang] of candidates.entries()) {
    let score = weights.franc * (francScores.get(lang.franc) ?? 0) + wordSums[index]!;
    for (const [ch, n] of letterCounts) {
      if (lang.letters.has(ch)) continue;
      const s = scriptOfCode(ch.charCodeAt(0));
      if (s !== script) continue;
      const weight = lang.rareLetters.has(ch) ? weights.rareLetter : weights.foreignLetter;
      score -= weight * Math.min(n, weights.foreignLetterCap);
    }
    for (const signature of weights.signatureDeficit > 0 ? lang.signature : []) {
      let k = 0;
      for (const ch of signature.letters) k += letterCounts.get(ch) ?? 0;
      const expected = signature.rate * total;
      // Poisson deviance of seeing only k signature letters where `expected` were due.
      if (k < expected) score -= weights.signatureDeficit * (expected - k + (k > 0 ? k * Math.log(k / expected) : 0));
    }
    scored.push([lang.code, score]);
  }
  return scored.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

// Word-level evidence is the same wherever a word occurs, and words repeat (Zipf): cache it per
// language. Bounded; clearing it changes speed, never results.
const wordCache: Record<BlockScript, Map<string, Float64Array>> = { cyrillic: new Map(), latin: new Map(), arabic: new Map() };
const WORD_CACHE_LIMIT = 100_000;

function wordScores(word: string, script: BlockScript, candidates: readonly CompiledLanguage[], weights: IdentificationWeights): Float64Array {
  const cache = wordCache[script];
  const hit = cache.get(word);
  if (hit) return hit;
  const scores = new Float64Array(candidates.length);
  for (const [i, lang] of candidates.entries()) scores[i] = wordScore(word, lang, weights);
  if (cache.size >= WORD_CACHE_LIMIT) cache.clear();
  cache.set(word, scores);
  return scores;
}

function wordScore(word: string, lang: CompiledLanguage, weights: IdentificationWeights): number {
  let score = 0;
  if (lang.functionWords.has(word)) score += weights.functionWord;
  for (let len = Math.min(lang.maxEnding, word.length - 2); len >= 1; len--) {
    if (lang.endings.has(word.slice(word.length - len))) {
      score += weights.ending;
      break;
    }
  }
  for (const marker of lang.markers) if (marker.re.test(word)) score += marker.weight;
  if (lang.harmony) score += harmonyScore(word, lang.harmony);
  return score;
}

/** Empties the per-word evidence cache (for benchmarks that want cold-cache numbers). */
export function clearIdentificationCache(): void {
  for (const cache of Object.values(wordCache)) cache.clear();
}

function harmonyScore(word: string, h: NonNullable<CompiledLanguage['harmony']>): number {
  let front = 0;
  let back = 0;
  for (const ch of word) {
    if (h.front.has(ch)) front++;
    else if (h.back.has(ch)) back++;
  }
  if (front + back < 2) return 0;
  return front === 0 || back === 0 ? h.weight / 2 : -h.weight;
}

interface Block {
  readonly words: Word[];
  readonly script: BlockScript;
  letters: number;
}

function blocksOf(words: readonly Word[]): Block[] {
  const blocks: Block[] = [];
  let current: Block | undefined;
  for (const w of words) {
    if (!current || current.script !== w.script) {
      current = { words: [], script: w.script, letters: 0 };
      blocks.push(current);
    }
    current.words.push(w);
    current.letters += w.letters;
    if (w.sentenceEnd && current.letters >= BLOCK_LETTERS) current = undefined;
  }
  // A short tail sentence joins the previous block of the same script.
  const merged: Block[] = [];
  for (const b of blocks) {
    const prev = merged[merged.length - 1];
    if (prev && prev.script === b.script && b.letters < BLOCK_LETTERS) {
      prev.words.push(...b.words);
      prev.letters += b.letters;
    } else merged.push(b);
  }
  return merged;
}

/**
 * Identifies the language of `text` among the eight codes, or `und` with a reason:
 * `no-letters`, `too-short` (fewer than `thresholds.minLetters` letters), `unsupported-script`
 * (letters only of scripts soz does not identify), `unclear` (short and no clear winner).
 */
export function identifyLanguage(text: string): LanguageGuess {
  const { thresholds } = getModel();
  const { words, counts } = splitWords(text.length > 20_000 ? text.slice(0, 20_000) : text);
  const script: Script = scriptFromCounts(counts);
  const letters = counts.cyrillic + counts.latin + counts.arabic;
  if (letters === 0) return { language: 'und', reason: counts.other > 0 ? 'unsupported-script' : 'no-letters', script, shares: {} };
  if (letters < thresholds.minLetters) return { language: 'und', reason: 'too-short', script, shares: {} };
  const blocks = blocksOf(words);
  const shares: Partial<Record<LanguageCode, number>> = {};
  let unclear = false;
  for (const block of blocks) {
    if (block.letters < thresholds.minLetters) continue;
    const ranked = scoreBlock(block.words, block.script);
    const [best, second] = ranked;
    if (!best) continue;
    if (second && best[1] - second[1] < thresholds.unclearMargin && block.letters < thresholds.shortLetters) {
      if (blocks.length === 1) unclear = true;
      continue;
    }
    shares[best[0]] = (shares[best[0]] ?? 0) + block.letters;
  }
  let language: LanguageCode | undefined;
  let top = 0;
  for (const [code, n] of Object.entries(shares) as Array<[LanguageCode, number]>) {
    shares[code] = n / letters;
    if (n > top) {
      top = n;
      language = code;
    }
  }
  if (!language) return { language: 'und', reason: unclear ? 'unclear' : 'too-short', script, shares: {} };
  return { language, script, shares };
}
