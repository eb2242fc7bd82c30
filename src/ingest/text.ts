import type { EvidenceInput, IngestAdapter } from './adapter.js';
import type { Notice, Segment, SozDocument } from '../core/document.js';
import { DOCUMENT_SCHEMA, documentId } from '../core/document.js';
import { decodeText } from './text-decode.js';
import { MEDIA_TYPES } from './sniff.js';
import { checkSegmentCount } from './docs/common.js';

/** A paragraph of plain text: `[start, end)` into the decoded text, first line 1-based. */
export interface TextParagraph {
  readonly start: number;
  readonly end: number;
  readonly line: number;
}

/**
 * Splits text into paragraphs separated by blank (empty or whitespace-only) lines. Every
 * non-blank line belongs to exactly one paragraph; ranges exclude the final line break.
 * Line breaks are CRLF, LF or a lone CR and are never rewritten.
 */
export function splitParagraphs(text: string): TextParagraph[] {
  const paragraphs: TextParagraph[] = [];
  let line = 1;
  let at = 0;
  let open: { start: number; line: number; end: number } | undefined;
  while (at <= text.length) {
    let contentEnd = at;
    while (contentEnd < text.length && text[contentEnd] !== '\n' && text[contentEnd] !== '\r') contentEnd++;
    const blank = text.slice(at, contentEnd).trim() === '';
    if (blank) {
      if (open) paragraphs.push({ start: open.start, end: open.end, line: open.line });
      open = undefined;
    } else if (open) {
      open.end = contentEnd;
    } else {
      open = { start: at, line, end: contentEnd };
    }
    if (contentEnd >= text.length) break;
    at = contentEnd + (text[contentEnd] === '\r' && text[contentEnd + 1] === '\n' ? 2 : 1);
    line++;
  }
  if (open) paragraphs.push({ start: open.start, end: open.end, line: open.line });
  return paragraphs;
}

/**
 * Plain text in UTF-8 (± BOM), UTF-16 LE/BE with BOM, Windows-1251 or KOI8-R. The document text
 * is exactly the decoded text (a BOM is not part of it), so offsets map 1:1 onto the characters
 * of the file; segments are paragraphs `p<N>` (N from 0) with the 1-based line they start on.
 * Unrecognised JSON is also read as text here, so nothing is refused for lack of an adapter.
 */
export const textAdapter: IngestAdapter = {
  id: 'text',
  format: 'text',
  detect(input: EvidenceInput): boolean {
    return input.mediaType === MEDIA_TYPES.text || input.mediaType === MEDIA_TYPES.json;
  },
  async *extract(input: EvidenceInput): AsyncIterable<SozDocument> {
    yield textDocument(input, await input.bytes());
  },
};

/** Builds the text document from the whole file (pure; exported for tests). */
export function textDocument(input: Pick<EvidenceInput, 'name' | 'sha256' | 'entry' | 'limits' | 'mediaType'>, bytes: Uint8Array): SozDocument {
  const decoded = decodeText(bytes);
  const text = decoded.text;
  const paragraphs = splitParagraphs(text);
  checkSegmentCount(paragraphs.length, input.limits, input.name);
  const segments: Segment[] = paragraphs.map((paragraph, index) => ({
    id: `p${index}`,
    range: [paragraph.start, paragraph.end],
    anchor: {
      evidenceSha256: input.sha256,
      ...(input.entry !== undefined ? { entry: input.entry } : {}),
      part: 'body',
      paragraph: index,
      line: paragraph.line,
    },
  }));
  const notices: Notice[] = [];
  const replacements = countOf(text, '\uFFFD');
  if (replacements > 0 && (decoded.evidence === 'bom' || decoded.evidence === 'mostly-valid-utf-8')) {
    notices.push({
      code: 'text.replacement-characters',
      severity: 'warning',
      message: `${input.name}: ${replacements} byte sequence(s) could not be decoded as ${decoded.encoding} and appear as U+FFFD; compare with the original bytes`,
    });
  }
  if (paragraphs.length === 0) {
    notices.push({ code: 'text.empty', severity: 'warning', message: `${input.name}: the file holds no visible text (${text.length} whitespace characters)` });
  }
  if (input.mediaType === MEDIA_TYPES.json) {
    notices.push({ code: 'text.json-as-text', severity: 'info', message: `${input.name}: JSON of no known export format, read as plain text` });
  }
  return {
    schema: DOCUMENT_SCHEMA,
    id: documentId(input.sha256, input.entry),
    evidenceSha256: input.sha256,
    evidenceName: input.name,
    ...(input.entry !== undefined ? { entry: input.entry } : {}),
    format: 'text',
    text,
    segments,
    notices,
    properties: {
      encoding: decoded.encoding,
      encodingEvidence: decoded.evidence,
      bom: decoded.evidence === 'bom',
      lines: text === '' ? 0 : lineCount(text),
      paragraphs: paragraphs.length,
    },
  };
}

function countOf(text: string, char: string): number {
  let count = 0;
  for (let at = text.indexOf(char); at >= 0; at = text.indexOf(char, at + 1)) count++;
  return count;
}

function lineCount(text: string): number {
  const breaks = text.match(/\r\n|\r|\n/g)?.length ?? 0;
  return /[\r\n]$/.test(text) ? breaks : breaks + 1;
}
