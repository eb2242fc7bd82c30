/**
 * Running the indicator analysis over the evaluation set and over benign corpora, the way a case
 * runs it: each item becomes a one-segment plain-text document (as the text adapter builds one
 * paragraph) and the engine identifies its language itself.
 */
import { DocumentBuilder } from '../../core/document-builder.js';
import type { SozDocument } from '../../core/document.js';
import type { Finding } from '../../core/finding.js';
import { sha256 } from '../../core/hash.js';
import type { CompiledIndicators } from '../indicators.js';
import { compileIndicators, runIndicators } from '../indicators.js';
import type { Lexicon } from '../lexicon-check.js';
import type { EvalItem } from './schema.js';
import type { ItemRun } from './score.js';

/** The document an item is read as: one body paragraph, evidence named after the item id. */
export function itemDocument(item: Pick<EvalItem, 'id' | 'text'>): SozDocument {
  return new DocumentBuilder({ sha256: sha256(item.id), name: `${item.id}.txt` }, 'text').add({ id: 'p0', text: item.text, part: 'body', anchor: { paragraph: 0, line: 1 } }).build();
}

/** Runs the indicators over every item; candidate offsets are relative to the item text. */
export function runEvalItems(items: readonly EvalItem[], lexicons: readonly Lexicon[], compiled: CompiledIndicators = compileIndicators(lexicons)): ItemRun[] {
  return items.map((item) => {
    const findings = runIndicators([itemDocument(item)], { lexicons }, compiled).findings;
    return {
      item,
      candidates: findings.map((f) => ({ category: f.category, range: f.place.range, voice: f.voice, countervailing: f.countervailing, ruleId: f.ruleId, actual: f.actual })),
    };
  });
}

/** Segments the chat adapters emit for a blockquote inside a message (`<message>.q<N>`). */
const BLOCKQUOTE_SEGMENT = /\.q\d+$/;

/** Candidates per 100 messages of a benign corpus, in total and per category. */
export interface BenignRate {
  readonly corpus: string;
  readonly messages: number;
  readonly candidates: number;
  readonly per100: number;
  readonly byCategory: Readonly<Record<string, number>>;
  /** Reviewable units (messages with at least one candidate: findings of one message share a `unit`) per 100 messages. */
  readonly unitsPer100: number;
  /** Features accompanying a candidate, and features withheld, per 100 messages (listed, not candidates). */
  readonly accompanyingPer100: number;
  readonly withheldPer100: number;
  /** The same corpus with every feature standing alone (`standaloneFeatures`, the behaviour before 2.0). */
  readonly standalone: { readonly candidates: number; readonly per100: number; readonly unitsPer100: number };
}

/**
 * Counts the candidates in benign documents per 100 messages: a message is a non-empty segment
 * of role authored, reply or forwarded (service rows, reactions and the blockquote segments
 * inside a message are not messages of their own).
 */
export function benignRate(corpus: string, docs: readonly SozDocument[], lexicons: readonly Lexicon[], compiled: CompiledIndicators = compileIndicators(lexicons)): BenignRate {
  let messages = 0;
  for (const doc of docs) {
    for (const s of doc.segments) {
      const role = s.message?.role;
      if ((role === 'authored' || role === 'forwarded' || role === 'reply') && s.range[1] > s.range[0] && !BLOCKQUOTE_SEGMENT.test(s.id)) messages++;
    }
  }
  const grouped = runIndicators(docs, { lexicons }, compiled);
  const standalone = runIndicators(docs, { lexicons, standaloneFeatures: true }, compiled).findings;
  const findings = grouped.findings;
  const counts: Record<string, number> = {};
  for (const f of findings) counts[f.category] = (counts[f.category] ?? 0) + 1;
  const per = (n: number): number => (messages === 0 ? 0 : Math.round((10000 * n) / messages) / 100);
  const units = (list: readonly Finding[]): number => new Set(list.map((f) => f.unit ?? f.place.segmentId)).size;
  const byCategory = Object.fromEntries(Object.keys(counts).sort().map((c) => [c, per(counts[c] as number)]));
  return {
    corpus,
    messages,
    candidates: findings.length,
    per100: per(findings.length),
    byCategory,
    unitsPer100: per(units(findings)),
    accompanyingPer100: per(grouped.counts.attachedFeatures),
    withheldPer100: per(grouped.withheld.length),
    standalone: { candidates: standalone.length, per100: per(standalone.length), unitsPer100: per(units(standalone)) },
  };
}
