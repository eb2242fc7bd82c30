/**
 * The HTML conclusion: one self-contained file (inline print CSS, no scripts, no external
 * resources; a Content-Security-Policy forbids loading or running anything). Every value is
 * HTML-escaped by Handlebars `{{…}}`; no template uses triple braces. The last line is an HTML
 * comment carrying the SHA-256 of every byte above it (see `withDigestLineParts`).
 */
import Handlebars from 'handlebars';
import type { ConclusionLabels } from './helpers.js';
import { conclusionHandlebars } from './helpers.js';
import type { TextParts } from './markdown.js';
import { conclusionTextParts, joined, withDigestLineParts } from './markdown.js';
import type { ConclusionModel, ConclusionParts } from './model.js';
import { partsOfModel, STREAMED_LISTS } from './model.js';
import type { FindingPictures } from './ocr-region.js';
import type { PrecompiledTemplates } from './parts-render.js';
import { collapseBlankLines, compileInParts, partsKey, precompileInParts } from './parts-render.js';
import { DIFFERENCE_MARKS } from '../analysis/reuse/marked.js';

/** Text without control characters and bidi overrides (which could reorder what a reader sees). */
export function plainText(value: unknown): string {
  // eslint-disable-next-line no-control-regex -- stripping control and bidi characters is the point
  return String(value).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '');
}

/** The examiner's answer as escaped text; `.answer` keeps its line breaks (`white-space: pre-wrap`). */
export function htmlAnswer(text: string): Handlebars.SafeString {
  return new Handlebars.SafeString(Handlebars.Utils.escapeExpression(plainText(text.replace(/\r\n?/g, '\n').trim())));
}

/**
 * A passage with its difference marks (`⟦word⟧`) as marked spans: everything escaped, then each
 * marked word wrapped in `<mark>` (the brackets stay, so a copy of the text keeps the marks).
 */
export function htmlDifferences(text: string): Handlebars.SafeString {
  const [open, close] = DIFFERENCE_MARKS;
  const escaped = Handlebars.Utils.escapeExpression(plainText(text));
  return new Handlebars.SafeString(escaped.split(open).map((part, index) => (index === 0 || !part.includes(close) ? `${index === 0 ? '' : open}${part}` : `<mark>${open}${part.replace(close, `${close}</mark>`)}`)).join(''));
}

/**
 * The crop of a finding read by OCR as an inline PNG (a `data:` URI, the only kind of image the
 * page's Content-Security-Policy then admits) with the finding's words boxed; empty without one.
 */
function htmlCrop(pictures: FindingPictures, findingId: string, caption: string): Handlebars.SafeString {
  const picture = pictures[findingId];
  if (!picture) return new Handlebars.SafeString('');
  const [left, top, width, height] = picture.region;
  const source = `data:image/png;base64,${Buffer.from(picture.png).toString('base64')}`;
  const box = `position:absolute;left:${left}px;top:${top}px;width:${width}px;height:${height}px;border:2px solid #b00020;box-sizing:border-box`;
  return new Handlebars.SafeString(`<br><span style="position:relative;display:inline-block"><img src="${source}" width="${picture.width}" height="${picture.height}" alt="${Handlebars.Utils.escapeExpression(caption)}"><span style="${box}"></span></span>`);
}

/** Handlebars' options for the HTML template (every `{{…}}` HTML-escaped). */
const HTML_PARTS_OPTIONS = { strict: false };

/** The HTML template's parts precompiled (for the build's data cache), as {@link htmlConclusionParts} compiles them. */
export function precompiledHtml(template: string): PrecompiledTemplates {
  return { [partsKey(template, HTML_PARTS_OPTIONS, STREAMED_LISTS)]: precompileInParts(Handlebars.create(), template, HTML_PARTS_OPTIONS, STREAMED_LISTS) };
}

/** The HTML conclusion in parts (each written as it comes), with the crops of findings read by OCR where given: with its digest once all are taken. */
export function htmlConclusionParts(parts: ConclusionParts, template: string, labels: ConclusionLabels, pictures: FindingPictures = {}, precompiled?: PrecompiledTemplates): TextParts {
  const handlebars = conclusionHandlebars(labels, { cell: plainText, answerText: htmlAnswer });
  handlebars.registerHelper('differences', (text: string) => htmlDifferences(text));
  handlebars.registerHelper('ocrCrop', (findingId: string) => htmlCrop(pictures, findingId, labels.ocrRegion));
  const compiled = compileInParts(handlebars, template, HTML_PARTS_OPTIONS, STREAMED_LISTS, precompiled);
  const body = conclusionTextParts(compiled, parts, labels, { hasPictures: Object.keys(pictures).length > 0 });
  return withDigestLineParts(collapseBlankLines(body, 1), labels.digestLine.replace(/--/g, '‐‐'), (line) => `<!-- ${line} -->`);
}

/** Renders the conclusion model to HTML, with the crops of findings read by OCR where given; returns the text and its digest. */
export function renderHtmlConclusion(model: ConclusionModel, template: string, labels: ConclusionLabels, pictures: FindingPictures = {}): { text: string; digest: string } {
  return joined(htmlConclusionParts(partsOfModel(model), template, labels, pictures));
}
