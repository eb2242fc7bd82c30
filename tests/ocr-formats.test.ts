import { describe, expect, it, beforeAll } from 'vitest';
import type { SozDocument } from '../src/core/document.js';
import { findTesseract } from '../src/pipeline/ocr.js';
import { soz } from './support/cli.js';
import { caseWith } from './support/custody.js';
import { derivedDocumentList } from './support/derived.js';

// Every picture format of issue 16 through `soz add` + `soz analyze`: PNG and JPEG have their tests
// (tests/ocr.test.ts, tests/ocr-case.test.ts); here WebP, BMP, an animated GIF and a TIFF of two
// pages (fictional Kyrgyz lines with ң ө ү, tests/fixtures/ocr/README.md). Needs Tesseract
// with kir; `.ci/run` installs it, and in CI the test must run.

const FIXTURES = new URL('./fixtures/ocr/', import.meta.url).pathname;
const engine = findTesseract();
const ready = engine?.languages.includes('kir') === true;
const title = ready ? 'WebP, BMP and GIF read by OCR' : 'WebP, BMP and GIF read by OCR — SKIPPED: needs tesseract-ocr with kir';
if (!ready && process.env['CI'] === 'true') throw new Error(`${title}: in CI this test must run (.ci/run installs it)`);

describe.skipIf(!ready)(title, () => {
  let documents: Map<string, SozDocument>;
  beforeAll(async () => {
    const dir = await caseWith(['card-ky.webp', 'note-ky.bmp', 'animated-ky.gif', 'pages-ky.tif'].map((name) => FIXTURES + name));
    const analysed = await soz(['analyze', dir]);
    expect(analysed.code, analysed.stderr).toBe(0);
    documents = new Map(derivedDocumentList(dir).map((doc) => [doc.evidenceName, doc]));
  }, 300_000);

  it.each([
    ['card-ky.webp', 'image/webp', 'Көңүлүң көтөрүңкү болсун!'],
    ['note-ky.bmp', 'image/bmp', 'Өзөн боюнда жаңы үй бар.'],
    ['animated-ky.gif', 'image/gif', 'Түнкү асман жылдыздуу.'],
    ['pages-ky.tif', 'image/tiff', 'Өрүк бактары гүлдөдү.'],
  ])('%s: its text with boxes and confidence, its size from the header', (name, mediaType, line) => {
    const doc = documents.get(name);
    expect(doc?.format).toBe('ocr');
    expect(doc?.text).toContain(line);
    expect(doc?.properties).toMatchObject({ mediaType, imageWidth: 959, imageHeight: 342, ocrEngine: `tesseract ${engine?.version ?? ''}` });
    const words = doc?.segments.flatMap((segment) => segment.words ?? []) ?? [];
    expect(words.length).toBeGreaterThanOrEqual(5);
    for (const word of words) expect(word.box[2] * word.box[3]).toBeGreaterThan(0);
    expect(doc?.notices.map((notice) => notice.code)).toContain('ocr.text-from-ocr');
    expect(doc?.notices.map((notice) => notice.code)).not.toContain('no-text.properties-unread');
  });

  it('reads the first frame of an animated GIF only, and counts the other frame as unread', () => {
    const doc = documents.get('animated-ky.gif');
    expect(doc?.text).toContain('Биринчи көрүнүш');
    expect(doc?.text).not.toMatch(/Экинчи|отчетко/u);
    expect(doc?.properties['imageFrames']).toBe(2);
    expect(doc?.notices.find((notice) => notice.code === 'ocr.first-frame-only')).toEqual({
      code: 'ocr.first-frame-only',
      severity: 'warning',
      message: 'animated-ky.gif: an animated GIF of 2 frames; OCR read the first frame only, the other 1 were not read — check them in the picture',
      unread: { kind: 'GIF frame after the first', count: 1, first: 'frame 2' },
    });
  });

  it('reads every page of a TIFF as its own page, after checking each page against the pixel limit', () => {
    const doc = documents.get('pages-ky.tif');
    expect(doc?.properties['imagePages']).toBe(2);
    const pageOf = (words: string) => doc?.segments.find((segment) => doc.text.slice(segment.range[0], segment.range[1]).includes(words))?.anchor.page;
    expect(pageOf('Биринчи бет')).toBe(1);
    expect(pageOf('Көчөлөр кеңири')).toBe(2);
  });
});
