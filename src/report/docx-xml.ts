/**
 * The DOCX conclusion's body as WordprocessingML, one outline block → one `<w:p>` string, so the
 * body is written as the outline is read and never held whole. The XML is the XML `docx` 9.15
 * writes for the paragraphs soz used to build with it (`Paragraph` with `spacing.after` 80, an
 * optional heading style, left indent and centring; `TextRun` with font, size, bold, colour,
 * highlight): the same elements in the same order, the same escaping, so a conclusion keeps its
 * bytes (`tests/report-docx-parts.test.ts`). Pure.
 */
import type { OutlineBlock, OutlineIndent, OutlineSize } from './outline.js';

/** The conclusion's font; its monospaced cut for hashes. */
export const DOCX_FONT = 'DejaVu Sans';
export const DOCX_MONO_FONT = 'DejaVu Sans Mono';
/** Sizes in half-points and indents in twentieths of a point, as Word counts them. */
const SIZE: Readonly<Record<OutlineSize, number>> = { normal: 21, small: 19, smaller: 18, tiny: 17 };
const INDENT: Readonly<Record<OutlineIndent, number>> = { 0: 0, 1: 300, 2: 480 };
const HEADING: Readonly<Record<1 | 2 | 3, { style: string; size: number }>> = { 1: { style: 'Title', size: 30 }, 2: { style: 'Heading1', size: 26 }, 3: { style: 'Heading2', size: 22 } };
const ALERT = 'B00000';

/** XML 1.0 forbids most control characters; bidi overrides could misorder what a reader sees. */
export function cleanText(value: unknown): string {
  // eslint-disable-next-line no-control-regex -- stripping control and bidi characters is the point
  return String(value).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069\ufffe\uffff]/g, '');
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };

/** Escaped as `docx` escapes text and attribute values (quotes too). */
function escapeXml(text: string): string {
  return text.replace(/[&"'<>]/g, (char) => ESCAPES[char]!);
}

interface RunStyle {
  readonly size: number;
  readonly bold?: boolean;
  readonly color?: string;
  readonly highlight?: boolean;
  readonly mono?: boolean;
}

function runXml(text: string, style: RunStyle): string {
  const font = style.mono ? DOCX_MONO_FONT : DOCX_FONT;
  return (
    `<w:r><w:rPr><w:rFonts w:ascii="${font}" w:cs="${font}" w:eastAsia="${font}" w:hAnsi="${font}"/>` +
    (style.bold ? '<w:b/><w:bCs/>' : '') +
    (style.color ? `<w:color w:val="${style.color}"/>` : '') +
    `<w:sz w:val="${style.size}"/><w:szCs w:val="${style.size}"/>` +
    (style.highlight ? '<w:highlight w:val="yellow"/>' : '') +
    `</w:rPr><w:t xml:space="preserve">${escapeXml(cleanText(text))}</w:t></w:r>`
  );
}

function paragraphXml(runs: string, options: { style?: string; indent?: number; center?: boolean } = {}): string {
  return (
    '<w:p><w:pPr>' +
    (options.style ? `<w:pStyle w:val="${options.style}"/>` : '') +
    '<w:spacing w:after="80"/>' +
    (options.indent ? `<w:ind w:left="${options.indent}"/>` : '') +
    (options.center ? '<w:jc w:val="center"/>' : '') +
    `</w:pPr>${runs}</w:p>`
  );
}

/** The `<w:p>` of one outline block; empty for a picture (its source line gives the picture's hash and box). */
export function blockXml(block: OutlineBlock): string {
  switch (block.kind) {
    case 'heading': {
      const { style, size } = HEADING[block.level];
      return paragraphXml(runXml(block.text, { bold: true, size }), { style, center: block.level === 1 });
    }
    case 'text':
      return paragraphXml(runXml(block.text, { bold: block.bold, size: SIZE[block.size], ...(block.alert ? { color: ALERT } : {}) }), { indent: INDENT[block.indent], center: block.center });
    case 'hash':
      return paragraphXml(runXml(`${block.label} `, { size: 18 }) + runXml(block.value, { mono: true, size: 16 }), { indent: INDENT[block.indent] });
    case 'kwic':
      return paragraphXml(runXml(`${block.label}: …${block.left}`, { size: 19 }) + runXml(`⟦${block.actual}⟧`, { bold: true, size: 19 }) + runXml(`${block.right}…`, { size: 19 }), { indent: INDENT[block.indent] });
    case 'fill-in':
      return paragraphXml(runXml(block.text, { highlight: true, size: SIZE.normal }), { indent: INDENT[1] });
    case 'picture':
      return '';
    case 'space':
      return paragraphXml(runXml('', { size: SIZE.normal }));
  }
}
