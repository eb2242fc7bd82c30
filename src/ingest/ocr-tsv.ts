import type { DocumentProperties, Notice, OcrWord, Segment, SozDocument } from '../core/document.js';
import { OCR_LOW_CONFIDENCE } from '../core/document.js';
import { DocumentBuilder } from '../core/document-builder.js';

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
  const lines = new Map<string, TsvWord[]>();
  for (const word of tsvWords(tsv)) {
    const line = lines.get(word.line);
    if (line) line.push(word);
    else lines.set(word.line, [word]);
  }
  const builder = new DocumentBuilder(evidence, 'ocr');
  for (const [id, words] of lines) builder.add({ id: `o${id}`, text: words.map((word) => word.text).join(' '), part: 'body', anchor: { page: words[0]?.page ?? 1 } });
  const all = [...lines.values()].flat();
  const low = all.filter((word) => word.confidence < OCR_LOW_CONFIDENCE).length;
  builder.notice(ocrNotice(evidence.name, engine, all.length, low));
  const built = builder.build(ocrProperties(engine));
  return { ...built, segments: built.segments.map((segment) => withWords(segment, lines.get(segment.id.slice(1)) ?? [])) };
}

function ocrNotice(name: string, engine: OcrEngine, words: number, low: number): Notice {
  return {
    code: 'ocr.text-from-ocr',
    severity: 'warning',
    message: `${name}: text read by OCR (tesseract ${engine.version}, languages ${engine.languages.join('+')}); ${low} of ${words} word(s) below confidence ${OCR_LOW_CONFIDENCE}, marked low — check them against the image`,
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
