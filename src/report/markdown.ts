/**
 * The Markdown conclusion: the reference text of the report. Its last line carries the SHA-256 of
 * every byte above it (`DIGEST_LINE_PREFIX`).
 */
import { sha256 } from '../core/hash.js';
import type { ConclusionLabels } from './helpers.js';
import { conclusionHandlebars } from './helpers.js';
import type { ConclusionModel } from './model.js';
import { recordText } from './record-text.js';

/** The last line of every text report: the digest of all bytes before it. */
export const DIGEST_LINE_PREFIX = 'Report digest (SHA-256 of all lines above this one): ';

/** A table cell or inline text: evidence text can hold `|`, newlines and Markdown; none may break the layout. */
export function markdownCell(value: unknown): string {
  return String(value)
    .replace(/[\r\n\u2028\u2029]+/g, ' ')
    .replace(/([\\`*_[\]<>|#])/g, '\\$1')
    // eslint-disable-next-line no-control-regex -- stripping control and bidi characters is the point
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '');
}

/**
 * The examiner's answer as written (their own Markdown), with line ends normalised and any line
 * that could pose as a digest line defused.
 */
export function markdownAnswer(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .trim()
    .split('\n')
    .map((line) => (line.startsWith(DIGEST_LINE_PREFIX.trim().slice(0, 13)) ? `\\${line}` : line))
    .join('\n');
}

/** Appends the digest line to a rendered body; returns the text and the digest. */
export function withDigestLine(body: string): { text: string; digest: string } {
  const normalised = body.endsWith('\n') ? body : `${body}\n`;
  const digest = sha256(normalised);
  return { text: `${normalised}${DIGEST_LINE_PREFIX}${digest}\n`, digest };
}

/** Renders the conclusion model to Markdown with the template and labels; returns text and digest. */
export function renderMarkdownConclusion(model: ConclusionModel, template: string, labels: ConclusionLabels): { text: string; digest: string } {
  const handlebars = conclusionHandlebars(labels, { cell: markdownCell, answerText: markdownAnswer });
  const render = handlebars.compile(template, { noEscape: true, strict: false });
  const body = render({ ...model, t: labels, record: recordText(model, labels) }).replace(/\n{3,}/g, '\n\n');
  return withDigestLine(body);
}

/**
 * Splits a text report into its body and the digest it claims, and checks them. The claimed digest
 * is the 64 hex digits after the prefix (an HTML report closes the line with ` -->`).
 */
export function checkReportDigest(text: string): { claimed: string | null; actual: string } {
  const index = text.lastIndexOf(DIGEST_LINE_PREFIX);
  if (index === -1) return { claimed: null, actual: sha256(text) };
  const rest = text.slice(index + DIGEST_LINE_PREFIX.length);
  const claimed = /^[0-9a-f]{64}/.exec(rest)?.[0] ?? rest.trim();
  const lineStart = text.lastIndexOf('\n', index) + 1;
  return { claimed, actual: sha256(text.slice(0, lineStart)) };
}
