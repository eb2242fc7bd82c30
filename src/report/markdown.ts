/**
 * The Markdown conclusion: the reference text of the report. Its last line carries the SHA-256 of
 * every byte above it, introduced by the `digestLine` label of the report's language.
 */
import { sha256 } from '../core/hash.js';
import type { ConclusionLabels } from './helpers.js';
import { conclusionHandlebars } from './helpers.js';
import type { ConclusionModel } from './model.js';
import { recordText } from './record-text.js';
import { knownRows } from './known-rows.js';
import { labListLines } from './lab-list-lines.js';

/** A table cell or inline text: evidence text can hold `|`, newlines and Markdown; none may break the layout. */
export function markdownCell(value: unknown): string {
  return String(value)
    .replace(/[\r\n\u2028\u2029]+/g, ' ')
    .replace(/([\\`*_[\]<>|#])/g, '\\$1')
    // eslint-disable-next-line no-control-regex -- stripping control and bidi characters is the point
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '');
}

/**
 * The examiner's answer as written (their own Markdown), with line ends normalised. No line of it
 * can pose as the digest line, which is always the file's last.
 */
export function markdownAnswer(text: string): string {
  return text.replace(/\r\n?/g, '\n').trim();
}

/**
 * Appends the digest line (`{prefix}: {digest}`, wrapped by `line` — an HTML comment in HTML) to a
 * rendered body; returns the text and the digest.
 */
export function withDigestLine(body: string, prefix: string, line: (text: string) => string = (text) => text): { text: string; digest: string } {
  const normalised = body.endsWith('\n') ? body : `${body}\n`;
  const digest = sha256(normalised);
  return { text: `${normalised}${line(`${plainLine(prefix)}: ${digest}`)}\n`, digest };
}

/** A label kept on one line. */
function plainLine(value: string): string {
  return value.replace(/[\r\n\u2028\u2029]+/g, ' ');
}

/** Renders the conclusion model to Markdown with the template and labels; returns text and digest. */
export function renderMarkdownConclusion(model: ConclusionModel, template: string, labels: ConclusionLabels): { text: string; digest: string } {
  const handlebars = conclusionHandlebars(labels, { cell: markdownCell, answerText: markdownAnswer });
  const render = handlebars.compile(template, { noEscape: true, strict: false });
  const body = render({ ...model, t: labels, record: recordText(model, labels), known: model.knownMaterial ? knownRows(model.knownMaterial, labels) : null, labList: labListLines(model.labList, labels) }).replace(/\n{3,}/g, '\n\n');
  return withDigestLine(body, labels.digestLine);
}

/**
 * Splits a text report into its body and the digest it claims, and checks them. The digest line is
 * the file's last line, in any report language (and as written by earlier soz versions); the
 * claimed digest is the last 64 hex digits on it.
 */
export function checkReportDigest(text: string): { claimed: string | null; actual: string } {
  const end = text.endsWith('\n') ? text.length - 1 : text.length;
  const lineStart = text.lastIndexOf('\n', end - 1) + 1;
  const claimed = [...text.slice(lineStart, end).matchAll(/[0-9a-f]{64}/g)].at(-1)?.[0] ?? null;
  if (claimed === null) return { claimed: null, actual: sha256(text) };
  return { claimed, actual: sha256(text.slice(0, lineStart)) };
}
