/**
 * Plain-text tables of the findings benchmark (`npm run bench:findings`): one function per table,
 * strings in, strings out; only the script prints.
 */
import type { BenignRate } from './run.js';
import type { CounterKind } from './schema.js';
import { COUNTER_KINDS } from './schema.js';
import type { Headline, Miss, SplitScore, Tally } from './score.js';
import { headlines, ratio, TARGETS } from './score.js';

function pct(value: number | undefined): string {
  return value === undefined ? '-' : (100 * value).toFixed(1);
}

function row(cells: readonly string[], widths: readonly number[]): string {
  return cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(' ');
}

const CELL_HEADER = ['language / category', 'cand', 'sense%', 'exp', 'recall%', 'voice%', 'counter%', 'extra'];
const CELL_WIDTHS = [34, 6, 7, 5, 8, 7, 9, 6];

function cellRow(label: string, t: Tally): string {
  return row(
    [label, String(t.candidates), pct(ratio(t.rightSense, t.candidates)), String(t.expected), pct(ratio(t.found, t.expected)), pct(ratio(t.voiceRight, t.found)), pct(ratio(t.counterFound, t.counterExpected)), String(t.counterExtra)],
    CELL_WIDTHS,
  );
}

/** Per language × category: candidates, sense precision, recall, voice accuracy, counter recall. */
export function formatCells(score: SplitScore): string {
  const lines = [row(CELL_HEADER, CELL_WIDTHS)];
  for (const language of Object.keys(score.cells).sort()) {
    const cells = score.cells[language] as Record<string, Tally>;
    lines.push(cellRow(`${language} (all)`, cells.all as Tally));
    for (const category of Object.keys(cells).filter((c) => c !== 'all').sort()) lines.push(cellRow(`  ${category}`, cells[category] as Tally));
  }
  return lines.join('\n');
}

/** Per language × counter kind: found / expected on found candidates. */
export function formatCounters(score: SplitScore): string {
  const widths = [10, ...COUNTER_KINDS.map((k) => Math.max(k.length, 11))];
  const lines = [row(['language', ...COUNTER_KINDS], widths)];
  for (const language of Object.keys(score.counters).sort()) {
    const tally = score.counters[language] as Record<CounterKind, { expected: number; found: number }>;
    lines.push(row([language, ...COUNTER_KINDS.map((k) => (tally[k].expected === 0 ? '-' : `${tally[k].found}/${tally[k].expected}`))], widths));
  }
  return lines.join('\n');
}

function mark(met: boolean): string {
  return met ? 'met' : 'NOT met';
}

/** Headline figures per language with the targets and whether each is met. */
export function formatHeadlines(list: readonly Headline[]): string {
  const widths = [10, 20, 24, 20, 22];
  const lines = [
    row(
      ['language', `sense (≥${100 * TARGETS.sensePrecision})`, `calls+violence (≥${100 * TARGETS.genuineRecall})`, `voice (≥${100 * TARGETS.voice})`, `counter (≥${100 * TARGETS.counterRecall})`],
      widths,
    ),
  ];
  for (const h of list) {
    lines.push(
      row(
        [h.language, `${pct(h.sensePrecision)} ${mark(h.met.sense)}`, `${pct(h.genuineRecall)} ${mark(h.met.recall)}`, `${pct(h.voiceAccuracy)} ${mark(h.met.voice)}`, `${pct(h.counterRecall)} ${mark(h.met.counter)}`],
        widths,
      ),
    );
  }
  return lines.join('\n');
}

/** One half: headlines, the language × category table and the counter table. */
export function formatSplit(title: string, score: SplitScore): string {
  return [`== ${title}: ${score.items} items`, formatHeadlines(headlines(score)), '', formatCells(score), '', 'counter-indicators found/expected (on found candidates)', formatCounters(score)].join('\n');
}

/** Candidates and reviewable units per 100 messages on the benign corpora, every feature standing alone → default. */
export function formatBenign(rates: readonly BenignRate[]): string {
  const lines = ['== real benign corpora: candidates and reviewable units (messages with a candidate) per 100 messages; standalone features → default'];
  for (const r of rates) {
    const detail = Object.entries(r.byCategory)
      .map(([c, n]) => `${c} ${n}`)
      .join(', ');
    lines.push(
      `${r.corpus}: ${r.messages} messages, ${r.standalone.candidates} → ${r.candidates} candidates, ${r.standalone.per100} → ${r.per100} per 100 (${detail}); ` +
        `units ${r.standalone.unitsPer100} → ${r.unitsPer100} per 100; listed, not candidates: accompanying ${r.accompanyingPer100}, withheld ${r.withheldPer100} per 100`,
    );
  }
  return lines.join('\n');
}

/** Sense precision per lexicon entry, lowest first (then by entry id), for tuning. */
export function formatByEntry(score: SplitScore): string {
  const widths = [48, 6, 7];
  const entries = Object.entries(score.byEntry).sort(([a, x], [b, y]) => x.rightSense / x.candidates - y.rightSense / y.candidates || (a < b ? -1 : a > b ? 1 : 0));
  return [row(['entry', 'cand', 'sense%'], widths), ...entries.map(([id, t]) => row([id, String(t.candidates), pct(ratio(t.rightSense, t.candidates))], widths))].join('\n');
}

/** Wrong-sense, missed, wrong-voice and counter misses, one line each, for tuning. */
export function formatMisses(misses: readonly Miss[]): string {
  return misses.map((m) => `${m.item}\t${m.kind}\t${m.category}\t«${m.word}»\t${m.detail}`).join('\n');
}
