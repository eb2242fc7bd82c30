import { describe, expect, it } from 'vitest';
import { documentProblems, segmentText } from '../core/document.js';
import { DocumentBuilder } from '../core/document-builder.js';
import { ocrDocument, withPdfPageText } from './ocr-tsv.js';

// Tesseract 5 TSV as it prints it (header, layout rows of levels 1–4, word rows of level 5);
// the words are fictional.
const TSV = [
  'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext',
  '1\t1\t0\t0\t0\t0\t0\t0\t700\t150\t-1\t',
  '4\t1\t1\t1\t1\t0\t20\t26\t398\t28\t-1\t',
  '5\t1\t1\t1\t1\t1\t20\t26\t177\t28\t96.775581\tТестовый',
  '5\t1\t1\t1\t1\t2\t212\t34\t104\t20\t41.5\tтекст',
  '5\t1\t1\t1\t1\t3\t331\t28\t87\t26\t95\t ',
  '5\t1\t1\t1\t2\t1\t23\t88\t272\t26\t91.433868\tстрока',
  '',
].join('\n');
const ENGINE = { version: '5.3.0', languages: ['kir', 'rus'], dataSha256: { kir: 'k'.repeat(64), rus: 'r'.repeat(64) } };

describe('OCR TSV to a document', () => {
  const doc = ocrDocument({ sha256: 'ab'.repeat(32), name: 'scan.png' }, TSV, ENGINE);

  it('makes one segment per line, every word with its range, box and confidence; low ones marked', () => {
    expect(documentProblems(doc)).toEqual([]);
    expect(doc.segments.map((segment) => [segment.id, segment.anchor.page, segmentText(doc, segment)])).toEqual([
      ['o1.1.1.1', 1, 'Тестовый текст'],
      ['o1.1.1.2', 1, 'строка'],
    ]);
    const words = doc.segments.flatMap((segment) => segment.words ?? []);
    expect(words.map((word) => [doc.text.slice(word.range[0], word.range[1]), word.box, word.confidence, word.low])).toEqual([
      ['Тестовый', [20, 26, 177, 28], 96.78, false],
      ['текст', [212, 34, 104, 20], 41.5, true],
      ['строка', [23, 88, 272, 26], 91.43, false],
    ]);
  });

  it('says the text came from OCR, with engine, languages and data hashes', () => {
    expect(doc.notices.map((notice) => notice.message)).toEqual(['scan.png: text read by OCR (tesseract 5.3.0, languages kir+rus); 1 of 3 word(s) below confidence 60, marked low — check them against the image']);
    expect(doc.properties).toEqual({ ocrEngine: 'tesseract 5.3.0', ocrLanguages: 'kir+rus', 'ocrData.kir.sha256': 'k'.repeat(64), 'ocrData.rus.sha256': 'r'.repeat(64) });
  });
});

describe('specks read as punctuation', () => {
  // Line 1 as above plus a 2 × 2 px "|" (a speck: no letter, under a tenth of the median word height, 26 px)
  // and a 9 × 8 px "." standing alone (a full stop: kept); line 2 a 4 × 4 px "7" (a digit: kept).
  const noisy = [
    ...TSV.split('\n').slice(0, 6),
    '5\t1\t1\t1\t1\t4\t330\t40\t2\t2\t82.6\t|',
    '5\t1\t1\t1\t1\t5\t340\t46\t9\t8\t70\t.',
    '5\t1\t1\t1\t2\t1\t23\t88\t272\t26\t91.433868\tстрока',
    '5\t1\t1\t1\t2\t2\t300\t90\t4\t4\t50\t7',
    '',
  ].join('\n');
  const doc = ocrDocument({ sha256: 'ab'.repeat(32), name: 'scan.png' }, noisy, ENGINE);

  it('leaves out marks with no letter or digit smaller every way than a tenth of the text height, and counts them', () => {
    expect(doc.segments.map((segment) => segmentText(doc, segment))).toEqual(['Тестовый текст .', 'строка 7']);
    expect(doc.properties['ocrSpecksLeftOut']).toBe(1);
    expect(doc.notices[0]?.message).toContain('; 1 speck(s) read as punctuation, smaller than 0.1 of the text height and with no letter or digit, left out of the text');
  });
});

describe('OCR text of PDF pages without a text layer', () => {
  // A fictional two-page PDF document: page 1 has a text layer, page 2 is a scan, then an info part.
  const pdf = new DocumentBuilder({ sha256: 'cd'.repeat(32), name: 'leaflet.pdf' }, 'pdf')
    .add({ id: 'page1', text: 'Первая страница', part: 'page', anchor: { page: 1 } })
    .add({ id: 'page2', text: '', part: 'page', anchor: { page: 2 } })
    .add({ id: 'info.Title', text: 'Листовка', part: 'pdf-info' })
    .notice({ code: 'pdf.needs-ocr', severity: 'warning', message: 'leaflet.pdf: page 2 has no text layer', anchor: { page: 2, part: 'page' } })
    .build({ pages: 2, pagesNeedingOcrList: '2' });
  const read = withPdfPageText(pdf, [{ page: 2, tsv: TSV, imageSha256: 'ee'.repeat(32), languages: ['kir'], languagePick: 'kir: ky identified in a first reading with kir+rus' }], ENGINE, { version: 'pdftoppm 22.12.0', dpi: 300 });

  it('puts the lines after the empty page segment as part ocr, and moves what follows', () => {
    expect(documentProblems(read)).toEqual([]);
    expect(read.segments.map((segment) => [segment.id, segment.anchor.part, segment.anchor.page, segmentText(read, segment)])).toEqual([
      ['page1', 'page', 1, 'Первая страница'],
      ['page2', 'page', 2, ''],
      ['page2.o1.1.1.1', 'ocr', 2, 'Тестовый текст'],
      ['page2.o1.1.1.2', 'ocr', 2, 'строка'],
      ['info.Title', 'pdf-info', undefined, 'Листовка'],
    ]);
    const words = read.segments.flatMap((segment) => segment.words ?? []);
    expect(words.map((word) => read.text.slice(word.range[0], word.range[1]))).toEqual(['Тестовый', 'текст', 'строка']);
  });

  it('replaces the page\'s needs-OCR notice and records the page picture, rasteriser and engine', () => {
    expect(read.notices.map((notice) => [notice.code, notice.anchor?.page])).toEqual([['ocr.text-from-ocr', 2]]);
    expect(read.notices[0]?.message).toMatch(/^leaflet\.pdf page 2: text read by OCR \(tesseract 5\.3\.0, languages kir\)/u);
    expect(read.properties).toMatchObject({ pages: 2, ocrRasteriser: 'pdftoppm 22.12.0', ocrDpi: 300, pagesReadByOcr: '2', 'ocrPage.2.imageSha256': 'ee'.repeat(32), 'ocrPage.2.languages': 'kir', 'ocrData.kir.sha256': 'k'.repeat(64) });
  });
});
