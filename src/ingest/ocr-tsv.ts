import type { DocumentProperties, Notice, OcrWord, Segment, SozDocument } from '../core/document.js';
import { OCR_LOW_CONFIDENCE } from '../core/document.js';
import { DocumentBuilder, insertSegments } from '../core/document-builder.js';

/** The OCR engine as run: version, languages in order, and the SHA-256 of each language's data file. */
export interface OcrEngine {
  readonly version: string;
  readonly languages: readonly string[];
  readonly dataSha256: Readonly<Record<string, string>>;
}

interface TsvWord {
  readonly line: string;
  readonly page: number;
  readonly box: readonly [number, number, number, number];
  readonly confidence: number;
  readonly text: string;
}

/**
 * The document of a picture from Tesseract's TSV output (pure): one segment per recognised line
 * (`o<page>.<block>.<paragraph>.<line>`, part `body`, its page), words joined by one space, every
 * word kept in `Segment.words` with its box and confidence; a notice says the text came from OCR,
 * with the engine, languages and how many words are below the confidence mark.
 */
export function ocrDocument(evidence: { readonly sha256: string; readonly name: string; readonly entry?: string }, tsv: string, engine: OcrEngine): SozDocument {
  const { lines, specks } = tsvReading(tsv);
  const builder = new DocumentBuilder(evidence, 'ocr');
  for (const [id, words] of lines) builder.add({ id: `o${id}`, text: words.map((word) => word.text).join(' '), part: 'body', anchor: { page: words[0]?.page ?? 1 } });
  const all = [...lines.values()].flat();
  const low = all.filter((word) => word.confidence < OCR_LOW_CONFIDENCE).length;
  builder.notice(ocrNotice(evidence.name, engine, all.length, low, specks));
  const built = builder.build({ ...ocrProperties(engine), ...(specks > 0 ? { ocrSpecksLeftOut: specks } : {}) });
  return { ...built, segments: built.segments.map((segment) => withWords(segment, lines.get(segment.id.slice(1)) ?? [])) };
}

/** A PDF page without a text layer as rasterised and read by Tesseract. */
export interface PageReading {
  /** 1-based page number. */
  readonly page: number;
  /** Tesseract's TSV output for the page picture. */
  readonly tsv: string;
  /** SHA-256 of the page picture Tesseract read (the rasteriser's PNG), so the reading can be redone and checked. */
  readonly imageSha256: string;
  /** The Tesseract languages of the reading kept, and how they were chosen. */
  readonly languages: readonly string[];
  readonly languagePick: string;
}

/** How PDF pages were turned into pictures for OCR, recorded with the text read from them. */
export interface Rasteriser {
  /** e.g. `pdftoppm 22.12.0`. */
  readonly version: string;
  readonly dpi: number;
}

/**
 * The PDF document with the OCR text of its pages without a text layer (pure): after the empty
 * `page<N>` segment of each page read come its lines as segments `page<N>.o<block>.<paragraph>.<line>`,
 * part `ocr`, anchor page N, words with boxes (pixels of the page picture) and confidence; later
 * segments move by the inserted length. The `pdf.needs-ocr` notice of a page read becomes an
 * `ocr.text-from-ocr` notice for that page; the page picture's hash, the rasteriser and the engine
 * are recorded in the properties. Of a PDF inside a container, the lines' `imageEntry` is the PDF's entry.
 */
export function withPdfPageText(doc: SozDocument, readings: readonly PageReading[], engine: OcrEngine, rasteriser: Rasteriser): SozDocument {
  const byPage = new Map(readings.map((reading) => [reading.page, tsvReading(reading.tsv)]));
  // A PDF inside a container: the page picture is of the PDF at that entry, which the crops find again.
  const pagePictureEntry = doc.entry !== undefined ? { imageEntry: doc.entry } : {};
  const name = doc.entry !== undefined ? `${doc.evidenceName}!/${doc.entry}` : doc.evidenceName;
  const laidOut = insertSegments(doc, (segment) => {
    const page = segment.anchor.part === 'page' ? segment.anchor.page : undefined;
    const lines = page !== undefined && segment.id === `page${page}` ? byPage.get(page)?.lines : undefined;
    return [...(lines ?? [])].map(([id, words]) => {
      const text = words.map((word) => word.text).join(' ');
      return { text, segment: withWords({ id: `page${page}.o${id}`, range: [0, text.length], anchor: { ...segment.anchor, part: 'ocr', ...pagePictureEntry } }, words) };
    });
  });
  const read = new Set(byPage.keys());
  const notices = doc.notices.flatMap((notice): Notice[] => {
    const page = notice.anchor?.page;
    if (notice.code !== 'pdf.needs-ocr' || page === undefined || !read.has(page)) return [notice];
    const reading = byPage.get(page);
    const words = [...(reading?.lines.values() ?? [])].flat();
    const languages = readings.find((one) => one.page === page)?.languages ?? engine.languages;
    return [{ ...ocrNotice(`${name} page ${page}`, { ...engine, languages }, words.length, words.filter((word) => word.confidence < OCR_LOW_CONFIDENCE).length, reading?.specks ?? 0), anchor: { page, part: 'ocr' } }];
  });
  const properties: Record<string, string | number> = { ...doc.properties, ...ocrProperties(engine), ocrRasteriser: rasteriser.version, ocrDpi: rasteriser.dpi, pagesReadByOcr: readings.map((reading) => reading.page).join(',') };
  for (const reading of readings) {
    properties[`ocrPage.${reading.page}.imageSha256`] = reading.imageSha256;
    properties[`ocrPage.${reading.page}.languages`] = reading.languages.join('+');
    properties[`ocrPage.${reading.page}.languagePick`] = reading.languagePick;
    const specks = byPage.get(reading.page)?.specks ?? 0;
    if (specks > 0) properties[`ocrPage.${reading.page}.specksLeftOut`] = specks;
  }
  return { ...laidOut, notices, properties };
}

function ocrNotice(name: string, engine: OcrEngine, words: number, low: number, specks: number): Notice {
  const leftOut = specks > 0 ? `; ${specks} speck(s) read as punctuation, smaller than ${SPECK_SHARE} of the text height and with no letter or digit, left out of the text` : '';
  return {
    code: 'ocr.text-from-ocr',
    severity: 'warning',
    message: `${name}: text read by OCR (tesseract ${engine.version}, languages ${engine.languages.join('+')}); ${low} of ${words} word(s) below confidence ${OCR_LOW_CONFIDENCE}, marked low — check them against the image${leftOut}`,
  };
}

function ocrProperties(engine: OcrEngine): DocumentProperties {
  const properties: Record<string, string> = { ocrEngine: `tesseract ${engine.version}`, ocrLanguages: engine.languages.join('+') };
  for (const language of engine.languages) properties[`ocrData.${language}.sha256`] = engine.dataSha256[language] ?? 'unknown';
  return properties;
}

/** Word ranges follow from the line's start: words are joined by one space in `ocrDocument`. */
function withWords(segment: Segment, words: readonly TsvWord[]): Segment {
  let at = segment.range[0];
  const placed: OcrWord[] = words.map((word) => {
    const range = [at, at + word.text.length] as const;
    at = range[1] + 1;
    return { range, box: word.box, confidence: word.confidence, low: word.confidence < OCR_LOW_CONFIDENCE };
  });
  return { ...segment, words: placed };
}

/** The recognised words of a TSV reading, lines separated by line breaks (for identifying its language). */
export function tsvText(tsv: string): string {
  return [...tsvReading(tsv).lines.values()].map((words) => words.map((word) => word.text).join(' ')).join('\n');
}

/**
 * Largest speck, as a share of the median height of the words with a letter or digit: `npm run
 * bench:ocr` pages with 300 specks had them read as `|`, `` ` ``, `.` of 2–5 px beside 50–60 px
 * words (ru held-out 6.8 % CER); a full stop standing alone at 13 pt is about 7 px, above the mark.
 */
export const SPECK_SHARE = 0.1;

/**
 * The words of each recognised line, keyed `<page>.<block>.<paragraph>.<line>`, in reading order,
 * and how many specks were left out: "words" with no letter or digit whose box is smaller every way
 * than {@link SPECK_SHARE} of the page's median word height (dirt on the paper read as punctuation).
 */
function tsvReading(tsv: string): { readonly lines: Map<string, TsvWord[]>; readonly specks: number } {
  const words = tsvWords(tsv);
  const heights = words.filter((word) => /[\p{L}\p{N}]/u.test(word.text)).map((word) => word.box[3]).sort((a, b) => a - b);
  const mark = (heights[Math.floor(heights.length / 2)] ?? 0) * SPECK_SHARE;
  const speck = (word: TsvWord): boolean => !/[\p{L}\p{N}]/u.test(word.text) && word.box[2] < mark && word.box[3] < mark;
  const lines = new Map<string, TsvWord[]>();
  for (const word of words.filter((one) => !speck(one))) {
    const line = lines.get(word.line);
    if (line) line.push(word);
    else lines.set(word.line, [word]);
  }
  return { lines, specks: words.filter(speck).length };
}

/** Level-5 (word) rows with text; other levels are the layout above words. */
function tsvWords(tsv: string): TsvWord[] {
  const words: TsvWord[] = [];
  for (const row of tsv.split(/\r?\n/u).slice(1)) {
    const cells = row.split('\t');
    if (cells.length < 12 || cells[0] !== '5') continue;
    const text = cells.slice(11).join('\t').trim();
    if (text === '') continue;
    const [page, block, paragraph, line, , left, top, width, height, confidence] = cells.slice(1, 11).map(Number) as number[];
    words.push({
      line: `${page}.${block}.${paragraph}.${line}`,
      page: page ?? 1,
      box: [left ?? 0, top ?? 0, width ?? 0, height ?? 0],
      confidence: Math.round((confidence ?? 0) * 100) / 100,
      text,
    });
  }
  return words;
}
