import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DocumentBuilder } from '../core/document-builder.js';
import type { SozDocument } from '../core/document.js';
import { tokenize } from '../language/index.js';
import { documentOverview } from './language-overview.js';
import { SegmentFacts } from './segment-facts.js';

const SHA = 'ab'.repeat(32);

function documentOf(texts: readonly string[]): SozDocument {
  const builder = new DocumentBuilder({ sha256: SHA, name: 'note.txt' }, 'text');
  texts.forEach((text, i) => builder.add({ id: `p${i}`, text, part: 'body', anchor: { paragraph: i } }));
  return builder.build();
}

const wholeText = (doc: SozDocument) => {
  const tokens = tokenize(doc.text);
  return { tokens: tokens.length, words: tokens.filter((t) => t.kind === 'word').length };
};

describe('language overview of a document', () => {
  it('counts the tokens and words of the whole text, summed over segments parted by whitespace', () => {
    // Pieces that join across an edge when nothing parts them: words, hyphens, apostrophes, numbers, e-mail, URL, emoji.
    const piece = fc.constantFrom('сөз', 'word', '-', 'ʻ', "'", '12', ',5', '@', 'a.b', 'https://x.kg/a', '👍', '🏽', '.', ' ', '\n', 'ң', 'كتاب');
    const segment = fc.array(piece, { maxLength: 8 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 6 }), (texts) => {
        const doc = documentOf(texts);
        const overview = documentOverview(doc, new SegmentFacts());
        expect({ tokens: overview.tokens, words: overview.words }).toEqual(wholeText(doc));
      }),
      { numRuns: 300 },
    );
  });

  it('tokenises the whole text when segments touch or text lies outside them', () => {
    const parted = documentOf(['abc', 'def']);
    // The same segments with nothing between them: «abcdef» is one word of the text, two of the segments.
    const touching: SozDocument = { ...parted, text: 'abcdef', segments: [{ ...parted.segments[0]!, range: [0, 3] }, { ...parted.segments[1]!, range: [3, 6] }] };
    expect(documentOverview(touching, new SegmentFacts())).toMatchObject({ tokens: 1, words: 1 });
    const header: SozDocument = { ...parted, text: `Title ${parted.text}`, segments: parted.segments.map((s) => ({ ...s, range: [s.range[0] + 6, s.range[1] + 6] as [number, number] })) };
    expect(documentOverview(header, new SegmentFacts())).toMatchObject({ tokens: 3, words: 3 });
  });
});
