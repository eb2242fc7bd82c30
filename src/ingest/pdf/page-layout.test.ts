import { describe, expect, it } from 'vitest';
import { pdfkitPdf } from '../../../tests/support/pdf-fixtures.js';
import { boxesOfRange, layoutOfPage } from './page-layout.js';
import type { PageLayout, RawViewport } from './page-layout.js';
import { readPageLayout, readPdfContent } from './read.js';

/** A fictional leaflet: three words at known places of an A4 page (595.28 × 841.89 pt), 20 pt. */
const WORDS = [
  { text: 'Альфа', x: 72, y: 100 },
  { text: 'Бета', x: 320, y: 100 },
  { text: 'Гамма дельта', x: 72, y: 400 },
] as const;
const leaflet = () =>
  pdfkitPdf((doc) => {
    doc.addPage({ size: 'A4' });
    for (const word of WORDS) doc.fontSize(20).text(word.text, word.x, word.y, { lineBreak: false });
  });

/** An unrotated viewport of a 600 × 800 pt page: y turned downwards. */
const viewport: RawViewport = { width: 600, height: 800, convertToViewportPoint: (x, y) => [x, 800 - y], convertToViewportRectangle: (rect) => rect };

describe('layoutOfPage', () => {
  it('joins items as pdf-parse does: a break after an item that ends a line, a tab between far items of one line, a break where the baseline moves', () => {
    const item = (str: string, x: number, y: number, width: number, hasEOL = false) => ({ str, transform: [10, 0, 0, 10, x, y], width, height: 10, hasEOL });
    const layout = layoutOfPage([item('one', 50, 700, 20), item('two', 100, 700, 20), item('three', 50, 600, 30, true), item('four', 50, 580, 25)], viewport);
    expect(layout.text).toBe('one\ttwo\nthree\nfour');
    expect(layout.items.map((placed) => layout.text.slice(...placed.range))).toEqual(['one', 'two', 'three', 'four']);
    // From a quarter of the height below the baseline to the height above, y from the top.
    expect(layout.items[0]!.box).toEqual([50, 90, 20, 12.5]);
  });

  it('narrows a horizontal item to the characters asked for, in proportion to their count; a rotated one is kept whole', () => {
    const layout: PageLayout = {
      width: 600,
      height: 800,
      text: 'abcdefghij\nxyz',
      items: [
        { range: [0, 10], box: [100, 50, 200, 10], horizontal: true },
        { range: [11, 14], box: [40, 100, 10, 30], horizontal: false },
      ],
    };
    expect(boxesOfRange(layout, 2, 5)).toEqual([[140, 50, 60, 10]]);
    expect(boxesOfRange(layout, 8, 13)).toEqual([
      [260, 50, 40, 10],
      [40, 100, 10, 30],
    ]);
    expect(boxesOfRange(layout, 10, 11)).toEqual([]);
  });
});

describe('readPageLayout', () => {
  it('gives the page text the extractor reads, each word where pdfkit put it', async () => {
    const bytes = await leaflet();
    const [layout, content] = await Promise.all([readPageLayout(bytes.slice(), 1), readPdfContent(bytes.slice())]);
    expect(layout.text).toBe(content.pages[0]);
    expect([layout.width, layout.height]).toEqual([595.28, 841.89]);
    for (const word of WORDS) {
      const start = layout.text.indexOf(word.text);
      const boxes = boxesOfRange(layout, start, start + word.text.length);
      expect(boxes).toHaveLength(1);
      const [left, top, width, height] = boxes[0]!;
      // pdfkit's y is the top of the line (the baseline an ascent of 18.6 pt below it): the box is
      // one font size above the baseline and a quarter of it below.
      expect(Math.abs(left - word.x)).toBeLessThan(1);
      expect(Math.abs(top - word.y)).toBeLessThan(3);
      expect(height).toBe(25);
      expect(width).toBeGreaterThan(word.text.length * 8);
    }
    // One word of a two-word run: the run narrowed to its characters.
    const start = layout.text.indexOf('дельта');
    const [dLeft] = boxesOfRange(layout, start, start + 'дельта'.length)[0]!;
    expect(dLeft).toBeGreaterThan(72 + 5 * 8);
  });

  it('refuses a page the file does not have', async () => {
    await expect(readPageLayout((await leaflet()).slice(), 2)).rejects.toThrow(/no page 2/);
  });
});
