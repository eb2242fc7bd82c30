import { describe, expect, it } from 'vitest';
import { DocumentBuilder } from '../core/document-builder.js';
import type { SozDocument } from '../core/document.js';
import { identifyLanguage } from '../language/index.js';
import { SegmentFacts } from './segment-facts.js';
import { segmentWords } from './segment-words.js';

function documentOf(name: string, texts: readonly string[]): SozDocument {
  const builder = new DocumentBuilder({ sha256: 'cd'.repeat(32), name }, 'text');
  texts.forEach((text, i) => builder.add({ id: `p${i}`, text, part: 'body', anchor: { paragraph: i } }));
  return builder.build();
}

const TEXTS = ['Сегодня встреча перенесена на завтра.', 'Бүгүн жолугушуу эртеңге жылдырылды.', 'The meeting moved to tomorrow.', 'ok', 'Отчёт готов, спасибо коллеги.'];

/** What the facts of a segment must be, computed afresh from its text. */
function expected(doc: SozDocument, place: number) {
  const [start, end] = doc.segments[place]!.range;
  const text = doc.text.slice(start, end);
  const words = segmentWords(text);
  return { language: identifyLanguage(text), ids: [...words.ids].map(String), tokenCount: words.tokenCount };
}

function asked(facts: SegmentFacts, doc: SozDocument, place: number) {
  const segment = doc.segments[place]!;
  const words = facts.words(doc, segment);
  return { language: facts.language(doc, segment), ids: [...words.ids].map(String), tokenCount: words.tokenCount };
}

describe('SegmentFacts', () => {
  const one = documentOf('one.txt', TEXTS);
  const two = documentOf('two.txt', [...TEXTS].reverse());

  it('gives the facts of the text in order, out of order, skipping, and across documents', () => {
    const facts = new SegmentFacts();
    const orders: [SozDocument, number][] = [
      ...[0, 1, 2, 3, 4].map((p) => [one, p] as [SozDocument, number]),
      ...[4, 0, 2, 2, 3, 1].map((p) => [one, p] as [SozDocument, number]),
      [two, 1], [one, 1], [two, 3], [two, 0], [one, 4],
    ];
    for (const [doc, place] of orders) expect(asked(facts, doc, place)).toEqual(expected(doc, place));
  });

  it('keeps the facts of the document asked about, walked in order again by the next analysis', () => {
    const facts = new SegmentFacts();
    const first = one.segments.map((segment) => facts.words(one, segment));
    one.segments.forEach((segment, place) => expect(facts.words(one, segment)).toBe(first[place]));
    expect(facts.language(one, one.segments[2]!)).toBe(facts.language(one, one.segments[2]!));
  });

  it('gives the facts of a segment that is not among its document`s segments, without keeping them', () => {
    const facts = new SegmentFacts();
    const stray = two.segments[0]!;
    const words = facts.words(one, stray);
    expect([...words.ids]).toEqual([...segmentWords(one.text.slice(stray.range[0], stray.range[1])).ids]);
    expect(asked(facts, one, 0)).toEqual(expected(one, 0));
  });
});
