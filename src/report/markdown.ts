import Handlebars from 'handlebars';
import type { ReportLanguage } from '../core/case.js';
import { sha256 } from '../core/hash.js';
import type { ReportModel } from './model.js';

/** The last line of every report: the digest of all bytes before it. */
export const DIGEST_LINE_PREFIX = 'Report digest (SHA-256 of all lines above this one): ';

/** A table cell: evidence text can hold `|`, newlines and Markdown; none may break the table. */
export function markdownCell(value: unknown): string {
  return String(value)
    .replace(/[\r\n\u2028\u2029]+/g, ' ')
    .replace(/([\\`*_[\]<>|#])/g, '\\$1')
    // eslint-disable-next-line no-control-regex -- stripping control and bidi characters is the point
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '');
}

/** Renders a report model to Markdown with the given template and labels; returns text and digest. */
export function renderMarkdownReport(
  model: ReportModel,
  template: string,
  labels: Readonly<Record<string, string>>,
  language: ReportLanguage,
): { text: string; digest: string } {
  const handlebars = Handlebars.create();
  handlebars.registerHelper('cell', (value: unknown) => markdownCell(value));
  handlebars.registerHelper('bytes', (value: number) => String(value));
  handlebars.registerHelper('ordinal', (index: number) => String(index + 1));
  const render = handlebars.compile(template, { noEscape: true, strict: true });
  const body = render({ ...model, t: labels, language });
  const normalised = body.endsWith('\n') ? body : `${body}\n`;
  const digest = sha256(normalised);
  return { text: `${normalised}${DIGEST_LINE_PREFIX}${digest}\n`, digest };
}

/** Splits a report into its body and the digest it claims, and checks them. */
export function checkReportDigest(text: string): { claimed: string | null; actual: string } {
  const index = text.lastIndexOf(DIGEST_LINE_PREFIX);
  if (index === -1) return { claimed: null, actual: sha256(text) };
  const claimed = text.slice(index + DIGEST_LINE_PREFIX.length).trim();
  return { claimed, actual: sha256(text.slice(0, index)) };
}
