/**
 * Benchmark logic for language identification and throughput, kept in src so it is type-checked
 * and tested; `scripts/bench-langid.mjs` and `scripts/bench-language.mjs` are thin wrappers.
 * Pure apart from the clock passed in: no file I/O here (the scripts read the corpora).
 */
import { clearIdentificationCache, identifyLanguage } from './identify.js';
import { tokenize } from './tokenize.js';
import { LANGUAGE_CODES, type LanguageCode } from './types.js';

/** Length bands (characters, UTF-16 code units): < 15, 15–39, 40 and more. */
export const LENGTH_BANDS = ['<15', '15-40', '40+'] as const;
/** One of {@link LENGTH_BANDS}. */
export type LengthBand = (typeof LENGTH_BANDS)[number];

/** The band of a sentence of `length` UTF-16 code units. */
export function bandOf(length: number): LengthBand {
  return length < 15 ? '<15' : length < 40 ? '15-40' : '40+';
}

/** A labelled sentence. */
export interface LabelledSentence {
  readonly language: LanguageCode;
  readonly text: string;
}

/** Accuracy of one language in one band, and what it was mistaken for. */
export interface BandResult {
  correct: number;
  total: number;
  /** Guessed language (or `und`) → count, for the wrong guesses. */
  confusions: Record<string, number>;
}

/** Per language, per band results. */
export type LangidReport = Record<LanguageCode, Record<LengthBand, BandResult>>;

/**
 * Sentences of a `LANG<TAB>TEXT` file (one a line; blank lines skipped), e.g. the blind batches of
 * `corpora/eval/langid/blind/`. Throws naming `source` and the line when a line has no tab or an
 * unknown language code.
 */
export function parseLabelledLines(text: string, source: string): LabelledSentence[] {
  const sentences: LabelledSentence[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    const tab = line.indexOf('\t');
    const language = line.slice(0, Math.max(tab, 0));
    if (tab < 0 || !(LANGUAGE_CODES as readonly string[]).includes(language)) {
      throw new Error(`${source}, line ${index + 1}: expected LANG<TAB>TEXT with LANG one of ${LANGUAGE_CODES.join(', ')}: fix the line`);
    }
    sentences.push({ language: language as LanguageCode, text: line.slice(tab + 1) });
  });
  return sentences;
}

/**
 * A sentence cut into pieces of consecutive words (split at white space; « » " — dropped), each
 * of `min`–`max` characters: the langid corpus's sentences are mostly long, chat lines short.
 * A piece ends before the word that would make it longer than `max`; shorter pieces are dropped.
 */
export function piecesOf(sentence: string, min = 15, max = 39): string[] {
  const pieces: string[] = [];
  let current = '';
  const flush = (): void => {
    if (current.length >= min && current.length <= max) pieces.push(current);
    current = '';
  };
  for (const word of sentence.replace(/[«»"—]/g, ' ').split(/\s+/).filter(Boolean)) {
    if (current && current.length + 1 + word.length > max) flush();
    current = current ? `${current} ${word}` : word;
  }
  flush();
  return pieces;
}

/** `text` as typed on a Russian keyboard: each letter of `plain` (lower case keys) replaced, keeping its case. */
export function typedPlainly(text: string, plain: Readonly<Record<string, string>>): string {
  let out = '';
  for (const ch of text) {
    const lower = ch.toLowerCase();
    const typed = plain[lower];
    out += typed === undefined ? ch : ch === lower ? typed : typed.toUpperCase();
  }
  return out;
}

/** Identifies every sentence and tallies accuracy per language and band. */
export function evaluateLangid(sentences: Iterable<LabelledSentence>): LangidReport {
  const report = {} as LangidReport;
  for (const code of LANGUAGE_CODES) {
    report[code] = { '<15': { correct: 0, total: 0, confusions: {} }, '15-40': { correct: 0, total: 0, confusions: {} }, '40+': { correct: 0, total: 0, confusions: {} } };
  }
  for (const s of sentences) {
    const r = report[s.language][bandOf(s.text.length)];
    r.total++;
    const guess = identifyLanguage(s.text).language;
    if (guess === s.language) r.correct++;
    else r.confusions[guess] = (r.confusions[guess] ?? 0) + 1;
  }
  return report;
}

function pct(r: BandResult): string {
  return r.total === 0 ? '    -' : `${((100 * r.correct) / r.total).toFixed(1).padStart(5)}`;
}

/** Plain-text table: accuracy per language and band, then a confusion matrix per band. */
export function formatLangidReport(report: LangidReport, title = 'language identification'): string {
  const lines = [`${title}: accuracy % (correct/total) by sentence length`, `${'lang'.padEnd(8)} ${LENGTH_BANDS.map((b) => b.padStart(18)).join('')}`];
  for (const code of LANGUAGE_CODES) {
    lines.push(`${code.padEnd(8)} ${LENGTH_BANDS.map((b) => `${pct(report[code][b])} (${report[code][b].correct}/${report[code][b].total})`.padStart(18)).join('')}`);
  }
  const guesses = [...LANGUAGE_CODES, 'und'];
  for (const band of LENGTH_BANDS) {
    lines.push('', `confusion matrix, ${band} (rows: true language, columns: guess)`, `${''.padEnd(8)}${guesses.map((g) => g.padStart(8)).join('')}`);
    for (const code of LANGUAGE_CODES) {
      const r = report[code][band];
      lines.push(`${code.padEnd(8)}${guesses.map((g) => String(g === code ? r.correct : r.confusions[g] ?? 0).padStart(8)).join('')}`);
    }
  }
  return lines.join('\n');
}

/** Lowest per-language accuracy in a band (languages without sentences in the band are skipped). */
export function worstAccuracy(report: LangidReport, band: LengthBand): number {
  let worst = 1;
  for (const code of LANGUAGE_CODES) {
    const r = report[code][band];
    if (r.total > 0) worst = Math.min(worst, r.correct / r.total);
  }
  return worst;
}

/** Throughput of identification + tokenisation. */
export interface ThroughputResult {
  segments: number;
  milliseconds: number;
  segmentsPerSecond: number;
}

/**
 * Runs identification and tokenisation over `segments` repeatedly for at least `minMs`
 * milliseconds (after one warm-up pass) and reports segments per second. With `coldCache` the
 * per-word evidence cache is emptied before every pass (the honest number for unseen text). `now` is the clock in
 * milliseconds (e.g. `performance.now`), passed in so this module reads no clock of its own.
 */
export function measureThroughput(segments: readonly string[], now: () => number, minMs = 1000, coldCache = false): ThroughputResult {
  let sink = 0;
  for (const s of segments) sink += tokenize(s).length + identifyLanguage(s).language.length;
  const start = now();
  let done = 0;
  let elapsed = 0;
  while (elapsed < minMs) {
    // Cold: every pass starts without cached word evidence, as a first reading of new text does.
    if (coldCache) clearIdentificationCache();
    for (const s of segments) sink += tokenize(s).length + identifyLanguage(s).language.length;
    done += segments.length;
    elapsed = now() - start;
  }
  if (sink < 0) throw new Error('unreachable');
  return { segments: done, milliseconds: elapsed, segmentsPerSecond: (done * 1000) / elapsed };
}
