// The operator walk on hand-written operator lists (codes as pdf.js numbers them), for the
// graphics-state rules the PDF fixtures do not isolate.
import { describe, expect, it } from 'vitest';
import type { FontFacts, PageOperators } from './text-runs.js';
import { flaggedRuns } from './text-runs.js';

const OPS = { save: 10, restore: 11, transform: 12, beginText: 31, setFont: 37, setTextRenderingMode: 38, setTextMatrix: 42, showText: 44, setFillRGBColor: 59, paintFormXObjectBegin: 74, paintFormXObjectEnd: 75 };
const MAPPED: FontFacts = { fontMatrix: [0.001, 0, 0, 0.001, 0, 0], hasUnicode: () => true };
const glyphs = (text: string) => [...text].map((unicode) => ({ unicode, width: 500, originalCharCode: unicode.charCodeAt(0), isSpace: unicode === ' ' }));

function page(ops: [number, unknown[]][]): PageOperators {
  return { fnArray: ops.map(([fn]) => fn), argsArray: ops.map(([, args]) => args), view: [0, 0, 600, 800], fontOf: () => MAPPED, layerVisible: () => true };
}

const text = (at: [number, number], words: string): [number, unknown[]][] => [
  [OPS.beginText, []],
  [OPS.setTextMatrix, [[1, 0, 0, 1, ...at]]],
  [OPS.setFont, ['F1', 12]],
  [OPS.showText, [glyphs(words)]],
];

describe('flaggedRuns', () => {
  it('restores the fill colour and render mode saved before them', () => {
    const runs = flaggedRuns(
      page([[OPS.save, []], [OPS.setFillRGBColor, ['#FFFFFF']], [OPS.setTextRenderingMode, [3]], ...text([50, 700], 'hidden'), [OPS.restore, []], ...text([50, 600], 'seen')]),
      OPS,
    );
    expect(runs).toEqual([{ flags: ['invisible'], text: 'hidden' }]);
  });

  it('places text through the transformation matrix and form XObject matrices', () => {
    const runs = flaggedRuns(
      page([[OPS.transform, [1, 0, 0, 1, 0, 1000]], ...text([50, 0], 'above the page'), [OPS.transform, [1, 0, 0, 1, 0, -1000]], [OPS.paintFormXObjectBegin, [[0.1, 0, 0, 0.1, 0, 0], null]], ...text([50, 50], 'scaled down'), [OPS.paintFormXObjectEnd, []], ...text([50, 50], 'normal')]),
      OPS,
    );
    expect(runs).toEqual([
      { flags: ['off-page'], text: 'above the page' },
      { flags: ['tiny'], text: 'scaled down' },
    ]);
  });

  it('ignores malformed operator arguments instead of throwing', () => {
    expect(flaggedRuns(page([[OPS.setTextMatrix, ['x']], [OPS.setFont, [null, 'big']], [OPS.showText, [[null, 5, { unicode: 7 }]]], [OPS.transform, [NaN]]]), OPS)).toEqual([]);
  });
});
