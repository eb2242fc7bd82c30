/**
 * The annotated evaluation set of indicator candidates (`corpora/eval/findings/<language>.yaml`):
 * what a careful examiner expects in each item — which candidates, in whose voice, with which
 * counter-indicators. Benign sense collisions carry `expected: []`. Format: docs/eval-findings.md.
 */
import { parse } from 'yaml';
import { z } from 'zod';
import { sha256 } from '../../core/hash.js';
import { LEXICON_CATEGORIES } from '../lexicon-schema.js';
import { LEXICON_LANGUAGES } from '../lexicon-codes.js';

/**
 * Counter-indicator kinds the set is annotated with, named as issue 14 names them. The engine's
 * own names are mapped onto these in `score.ts` (`ENGINE_COUNTER_KINDS`).
 */
export const COUNTER_KINDS = ['negation', 'condemnation', 'question', 'conditional', 'reported', 'quoted', 'prayer'] as const;
/** One of {@link COUNTER_KINDS}. */
export type CounterKind = (typeof COUNTER_KINDS)[number];

/** Voices an item may expect (the finding's `voice`; plain-text items are never forwarded or reactions). */
export const EXPECTED_VOICES = ['own', 'quotation', 'reported'] as const;

/** The two halves of the set: the engine is tuned on one and judged on the other. */
export type EvalSplit = 'tune' | 'heldout';

const nonEmpty = z.string().trim().min(1);
const ITEM_ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)+$/;
const FAMILY = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** One candidate a careful examiner expects in an item. */
export const expectationSchema = z
  .object({
    category: z.enum(LEXICON_CATEGORIES).exclude(['context-markers']),
    /** The matched word exactly as written in the item text (locates the candidate). */
    word: nonEmpty,
    /** Which occurrence of `word` in the text, from 1 (default 1). */
    nth: z.number().int().positive().optional(),
    /** Lexicon entry id the word belongs to, where one exists (informational; not scored). */
    entry: nonEmpty.optional(),
    voice: z.enum(EXPECTED_VOICES),
    /**
     * A right-sense candidate the examiner may see but need not (an everyday request in the
     * imperative, a household knife): counts for sense precision when found, never as missed.
     */
    optional: z.boolean().optional(),
    /** Counter-indicators that apply to this candidate (empty: none). */
    counter: z.array(z.enum(COUNTER_KINDS)).default([]),
    /** Why, for the next annotator (optional). */
    note: nonEmpty.optional(),
  })
  .strict();
/** One expected candidate, as validated. */
export type Expectation = z.infer<typeof expectationSchema>;

/** One item: a sentence or a message with its expectations. */
export const itemSchema = z
  .object({
    /** Stable id `<language>-<family>-<n>`; the split is derived from it. */
    id: z.string().regex(ITEM_ID, 'id: lower-case Latin letters and digits joined by hyphens, e.g. ru-sense-12'),
    text: nonEmpty,
    /** `<file in ../shared/corpora-real>#<line or message id>`, or `written for soz: <family>`. */
    source: nonEmpty,
    /** The defect family or corpus the item stands for, e.g. `sense-collision`, `negation`. */
    family: z.string().regex(FAMILY, 'family: lower-case words joined by hyphens'),
    expected: z.array(expectationSchema),
    note: nonEmpty.optional(),
  })
  .strict();

/** A set file: one language, its items. */
export const evalFileSchema = z
  .object({
    set: z.literal('soz.eval.findings/1'),
    language: z.enum(LEXICON_LANGUAGES),
    items: z.array(itemSchema).min(1),
  })
  .strict();

/** A validated item with its language and its derived split. */
export interface EvalItem extends z.infer<typeof itemSchema> {
  readonly language: (typeof LEXICON_LANGUAGES)[number];
  readonly split: EvalSplit;
}

/**
 * The half an item belongs to, from the SHA-256 of its id: fixed by the id alone, so nobody picks
 * it by hand and adding items never moves another one.
 */
export function splitOf(id: string): EvalSplit {
  return parseInt(sha256(id).slice(0, 2), 16) % 2 === 0 ? 'tune' : 'heldout';
}

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;

/**
 * `[start, end)` (UTF-16 code units) of the `nth` occurrence (from 1) of `word` in `text` as a
 * whole word (no letter or digit glued to either side: «war» is not found in «toward»), or undefined.
 */
export function locateWord(text: string, word: string, nth = 1): readonly [number, number] | undefined {
  let seen = 0;
  for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1)) {
    const end = at + word.length;
    if (WORD_CHAR.test(text[at - 1] ?? '') || WORD_CHAR.test(text[end] ?? '')) continue;
    if (++seen === nth) return [at, end];
  }
  return undefined;
}

/** Result of {@link checkEvalText}: the items (when the file is sound) and every problem found. */
export interface EvalFileCheck {
  readonly items: EvalItem[];
  readonly problems: string[];
}

/**
 * Parses and validates one set file. Every problem names the file, the item and the fix; the
 * file name must be `<language>.yaml` and every expected word must stand in its item's text.
 */
export function checkEvalText(path: string, text: string): EvalFileCheck {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (error) {
    return { items: [], problems: [`${path}: not valid YAML (${error instanceof Error ? error.message.split('\n')[0] : String(error)}) — fix the syntax`] };
  }
  const parsed = evalFileSchema.safeParse(raw);
  if (!parsed.success) {
    return { items: [], problems: parsed.error.issues.map((issue) => `${path}: ${issue.path.join('.') || '(file)'}: ${issue.message}`) };
  }
  const { language, items } = parsed.data;
  const problems: string[] = [];
  if (!path.endsWith(`/${language}.yaml`)) problems.push(`${path}: language ${language} — fix: name the file ${language}.yaml`);
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.id)) problems.push(`${path}: item ${item.id}: id used twice — fix: give one a new number`);
    seen.add(item.id);
    if (!item.id.startsWith(`${language.toLowerCase().replace('-', '')}-`)) problems.push(`${path}: item ${item.id}: id must start with ${language.toLowerCase().replace('-', '')}- — fix the prefix`);
    item.expected.forEach((e, index) => {
      if (!locateWord(item.text, e.word, e.nth)) problems.push(`${path}: item ${item.id}: expected[${index}] word «${e.word}» (occurrence ${e.nth ?? 1}) is not in the text — fix the word or nth`);
    });
  }
  return { items: items.map((item) => ({ ...item, language, split: splitOf(item.id) })), problems };
}
