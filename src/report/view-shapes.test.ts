import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, canonicalJsonShaped, canonicalJsonShapedItems } from '../core/canonical-json.js';
import { outcome, shapedValue } from '../../tests/support/shaped-values.js';
import type { SourceExcerpt } from './excerpts.js';
import type { FindingView } from './model.js';
import { fictionalFindingView } from '../../tests/support/finding-view.js';
import { FINDING_VIEW_SHAPE, SOURCE_EXCERPT_SHAPE } from './view-shapes.js';

// Fictional values; the excerpt's members written out of code-unit order on purpose.
const view: FindingView = fictionalFindingView({
  unit: 'd1#7',
  media: { sha256: 'b'.repeat(64), name: 'v.mp4', startMs: 10, endMs: 20 },
  image: { sha256: 'c'.repeat(64), page: 2, entry: 'x/y.png', box: [1, 2, 3, 4] },
  author: 'A',
  voice: 'reported',
  voiceChange: { reason: 'цитата', from: 'own', actor: 'E' },
  countervailing: ['quoted'],
  mainstreamMeaning: 'обычное значение',
  questionIds: ['Q1'],
  matched: { rule: 'lemma x', form: 'x' },
});

const excerpt: SourceExcerpt = {
  parts: [{ findingIds: [], text: 'до ' }, { text: 'слово', findingIds: ['f1', 'f2'] }],
  unit: 'd1#7',
  evidenceName: 'chat.json',
  documentId: 'd1',
  page: 3,
  messageId: '7',
  author: null,
  originalAuthor: 'B',
  range: [0, 8],
  clipped: { after: true, before: false },
};

describe('the shapes of the kept lists', () => {
  it('write a candidate and an excerpt as canonical JSON does', () => {
    expect(canonicalJsonShaped(view, FINDING_VIEW_SHAPE)).toBe(canonicalJson(view));
    const { image: _image, ...withoutImage } = view;
    expect(canonicalJsonShaped(withoutImage, FINDING_VIEW_SHAPE)).toBe(canonicalJson(withoutImage));
    expect(canonicalJsonShaped(excerpt, SOURCE_EXCERPT_SHAPE)).toBe(canonicalJson(excerpt));
  });

  it('write a chunk of them, by one JSON.stringify, as canonical JSON writes it', () => {
    const { image: _image, ...withoutImage } = view;
    expect(canonicalJsonShapedItems([view, withoutImage, { ...view, id: 'F2' }], FINDING_VIEW_SHAPE)).toBe(canonicalJson([view, withoutImage, { ...view, id: 'F2' }]));
    expect(canonicalJsonShapedItems([excerpt, excerpt], SOURCE_EXCERPT_SHAPE)).toBe(canonicalJson([excerpt, excerpt]));
    expect(canonicalJsonShapedItems([], FINDING_VIEW_SHAPE)).toBe('[]');
  });

  for (const [name, shape] of [
    ['candidates', FINDING_VIEW_SHAPE],
    ['excerpts', SOURCE_EXCERPT_SHAPE],
  ] as const) {
    it(`write any chunk of ${name} as the generic canonical JSON: members in any order, undeclared members, bad numbers, undefined items and holes`, () => {
      const item = fc.oneof({ weight: 8, arbitrary: shapedValue(shape) }, { weight: 1, arbitrary: fc.constant(undefined) });
      const chunk = fc.tuple(fc.array(item, { maxLength: 4 }), fc.option(fc.nat({ max: 4 }), { freq: 6 })).map(([items, hole]) => {
        // A hole (a sparse array) where one is drawn: both serialisers must write it alike.
        if (hole !== null && hole < items.length) delete items[hole];
        return items;
      });
      fc.assert(
        fc.property(chunk, (items) => {
          expect(outcome(() => canonicalJsonShapedItems(items, shape))).toBe(outcome(() => canonicalJson(items)));
        }),
        { numRuns: 300, seed: 14 },
      );
    });
  }
});
