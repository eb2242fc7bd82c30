/**
 * Scoring of indicator candidates against the annotated set: pure, no I/O, no clock. A candidate
 * matches an expectation when the category is the same and its span overlaps the expected word.
 * Matched candidates are right in sense; every other candidate is a wrong-sense candidate (the
 * set's expectations are complete for every category, see docs/eval-findings.md). Optional
 * expectations only make a candidate right; recall, voice and counters are scored on the others.
 */
import type { CounterKind, EvalItem } from './schema.js';
import { COUNTER_KINDS, locateWord } from './schema.js';

/**
 * The engine's names for counter-indicators (finding `countervailing`) → the set's kinds. The one
 * table to edit when the engine names a new kind; unnamed engine kinds are not scored.
 */
export const ENGINE_COUNTER_KINDS: Readonly<Record<string, CounterKind>> = {
  negated: 'negation',
  negation: 'negation',
  condemnation: 'condemnation',
  condemned: 'condemnation',
  prohibition: 'condemnation',
  question: 'question',
  conditional: 'conditional',
  reported: 'reported',
  quoted: 'quoted',
  prayer: 'prayer',
  ritual: 'prayer',
};

/** What the scorer needs of one finding, with offsets into the item text. */
export interface ScoredCandidate {
  readonly category: string;
  /** `[start, end)` in UTF-16 code units of the item text. */
  readonly range: readonly [number, number];
  readonly voice: string;
  readonly countervailing: readonly string[];
  readonly ruleId: string;
  readonly actual: string;
}

/** Counts of one language × category cell (or a pooled row). */
export interface Tally {
  candidates: number;
  /** Candidates that matched an expectation (right sense). */
  rightSense: number;
  expected: number;
  found: number;
  /** Found expectations whose candidate has the expected voice. */
  voiceRight: number;
  /** Counter-indicators expected on found candidates, and how many of them the engine gave. */
  counterExpected: number;
  counterFound: number;
  /** Counter-indicators the engine gave on found candidates that the annotation does not expect. */
  counterExtra: number;
}

/** Per counter kind: expected on found candidates, and detected. */
export type CounterTally = Record<CounterKind, { expected: number; found: number }>;

/** One wrong or missed thing, for people tuning the engine. */
export interface Miss {
  readonly item: string;
  readonly kind: 'wrong-sense' | 'missed' | 'wrong-voice' | 'missed-counter' | 'extra-counter';
  readonly category: string;
  readonly word: string;
  readonly detail: string;
}

/** Scores of one half of the set. */
export interface SplitScore {
  readonly items: number;
  /** language → category → tally; category `all` pools the language. */
  readonly cells: Record<string, Record<string, Tally>>;
  /** language → counter kind → tally. */
  readonly counters: Record<string, CounterTally>;
  /** Lexicon entry id → its candidates and how many of them have the right sense. */
  readonly byEntry: Record<string, { candidates: number; rightSense: number }>;
  readonly misses: Miss[];
}

/** Engine output for one item. */
export interface ItemRun {
  readonly item: EvalItem;
  readonly candidates: readonly ScoredCandidate[];
}

function emptyTally(): Tally {
  return { candidates: 0, rightSense: 0, expected: 0, found: 0, voiceRight: 0, counterExpected: 0, counterFound: 0, counterExtra: 0 };
}

function emptyCounters(): CounterTally {
  return Object.fromEntries(COUNTER_KINDS.map((k) => [k, { expected: 0, found: 0 }])) as CounterTally;
}

function overlaps(a: readonly [number, number], b: readonly [number, number]): boolean {
  return a[0] < b[1] && b[0] < a[1];
}

/** The set's counter kinds a candidate carries, through {@link ENGINE_COUNTER_KINDS}. */
export function counterKindsOf(candidate: Pick<ScoredCandidate, 'countervailing'>): Set<CounterKind> {
  const kinds = new Set<CounterKind>();
  for (const c of candidate.countervailing) {
    const kind = ENGINE_COUNTER_KINDS[c];
    if (kind) kinds.add(kind);
  }
  return kinds;
}

/** Scores the runs of one half: sense precision, recall, voice and counter-indicators per cell. */
export function scoreRuns(runs: readonly ItemRun[]): SplitScore {
  const cells: Record<string, Record<string, Tally>> = {};
  const counters: Record<string, CounterTally> = {};
  const misses: Miss[] = [];
  const byEntry: SplitScore['byEntry'] = {};
  const tallies = (language: string, category: string): Tally[] => {
    const byCategory = (cells[language] ??= {});
    return [(byCategory[category] ??= emptyTally()), (byCategory.all ??= emptyTally())];
  };
  for (const { item, candidates } of runs) {
    const language = item.language;
    const counterTally = (counters[language] ??= emptyCounters());
    const spans = item.expected.map((e) => locateWord(item.text, e.word, e.nth));
    const matchedBy = item.expected.map((): ScoredCandidate[] => []);
    for (const candidate of candidates) {
      const index = item.expected.findIndex((e, i) => e.category === candidate.category && spans[i] !== undefined && overlaps(spans[i] as [number, number], candidate.range));
      for (const t of tallies(language, candidate.category)) t.candidates++;
      const entry = (byEntry[candidate.ruleId] ??= { candidates: 0, rightSense: 0 });
      entry.candidates++;
      if (index !== -1) entry.rightSense++;
      if (index === -1) {
        misses.push({ item: item.id, kind: 'wrong-sense', category: candidate.category, word: candidate.actual, detail: candidate.ruleId });
        continue;
      }
      for (const t of tallies(language, candidate.category)) t.rightSense++;
      (matchedBy[index] as ScoredCandidate[]).push(candidate);
    }
    item.expected.forEach((e, i) => {
      if (e.optional) return;
      const cellTallies = tallies(language, e.category);
      for (const t of cellTallies) t.expected++;
      const matched = matchedBy[i] as ScoredCandidate[];
      if (matched.length === 0) {
        misses.push({ item: item.id, kind: 'missed', category: e.category, word: e.word, detail: e.entry ?? '' });
        return;
      }
      // Several rules may flag the same word (e.g. two imperative endings): the examiner sees
      // all of them, so the voice of the first and the counters of any of them count.
      const first = [...matched].sort((a, b) => a.range[0] - b.range[0] || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0))[0] as ScoredCandidate;
      const given = new Set<CounterKind>();
      for (const c of matched) for (const k of counterKindsOf(c)) given.add(k);
      const wanted = new Set(e.counter);
      for (const t of cellTallies) {
        t.found++;
        if (first.voice === e.voice) t.voiceRight++;
      }
      if (first.voice !== e.voice) misses.push({ item: item.id, kind: 'wrong-voice', category: e.category, word: e.word, detail: `${first.voice}, expected ${e.voice}` });
      for (const kind of wanted) {
        counterTally[kind].expected++;
        for (const t of cellTallies) t.counterExpected++;
        if (given.has(kind)) {
          counterTally[kind].found++;
          for (const t of cellTallies) t.counterFound++;
        } else misses.push({ item: item.id, kind: 'missed-counter', category: e.category, word: e.word, detail: kind });
      }
      for (const kind of given) {
        if (wanted.has(kind)) continue;
        for (const t of cellTallies) t.counterExtra++;
        misses.push({ item: item.id, kind: 'extra-counter', category: e.category, word: e.word, detail: kind });
      }
    });
  }
  return { items: runs.length, cells, counters, byEntry, misses };
}

/** Ratio as a fraction, or undefined when there is nothing to divide. */
export function ratio(part: number, whole: number): number | undefined {
  return whole === 0 ? undefined : part / whole;
}

/** Calls and violence: the categories whose recall has a target of its own. */
export const GENUINE_CATEGORIES = ['call-to-action', 'violence'] as const;

/** The held-out targets of issue 14, as fractions. */
export const TARGETS = { sensePrecision: 0.98, genuineRecall: 0.95, voice: 0.95, counterRecall: 0.9 } as const;

/** One language's headline figures for a half, and whether each meets its target. */
export interface Headline {
  readonly language: string;
  readonly sensePrecision: number | undefined;
  readonly genuineRecall: number | undefined;
  readonly voiceAccuracy: number | undefined;
  readonly counterRecall: number | undefined;
  readonly met: { readonly sense: boolean; readonly recall: boolean; readonly voice: boolean; readonly counter: boolean };
}

/** Headline figures per language of a half (an undefined figure does not meet its target). */
export function headlines(score: SplitScore): Headline[] {
  return Object.keys(score.cells)
    .sort()
    .map((language) => {
      const cells = score.cells[language] as Record<string, Tally>;
      const all = cells.all as Tally;
      const genuine = GENUINE_CATEGORIES.map((c) => cells[c] ?? emptyTally());
      const sensePrecision = ratio(all.rightSense, all.candidates);
      const genuineRecall = ratio(
        genuine.reduce((n, t) => n + t.found, 0),
        genuine.reduce((n, t) => n + t.expected, 0),
      );
      const voiceAccuracy = ratio(all.voiceRight, all.found);
      const counterRecall = ratio(all.counterFound, all.counterExpected);
      const meets = (value: number | undefined, target: number): boolean => value !== undefined && value >= target;
      return {
        language,
        sensePrecision,
        genuineRecall,
        voiceAccuracy,
        counterRecall,
        met: {
          sense: meets(sensePrecision, TARGETS.sensePrecision),
          recall: meets(genuineRecall, TARGETS.genuineRecall),
          voice: meets(voiceAccuracy, TARGETS.voice),
          counter: meets(counterRecall, TARGETS.counterRecall),
        },
      };
    });
}
