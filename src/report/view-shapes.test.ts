import { describe, expect, it } from 'vitest';
import { canonicalJson, canonicalJsonShaped } from '../core/canonical-json.js';
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
});
