/**
 * The Markdown conclusion: the reference text of the report. Its last line carries the SHA-256 of
 * every byte above it, introduced by the `digestLine` label of the report's language.
 */
import Handlebars from 'handlebars';
import { sha256Hasher } from '../core/hash.js';
import type { ConclusionLabels } from './helpers.js';
import { conclusionHandlebars } from './helpers.js';
import type { ConclusionModel, ConclusionParts, FindingView } from './model.js';
import { markdownRows, withoutCompiledPartials } from './markdown-rows.js';
import type { StreamedList } from './model.js';
import { partsOfModel, STREAMED_LISTS } from './model.js';
import type { PartsTemplate, PrecompiledTemplates, RenderedList } from './parts-render.js';
import type { MarkdownListTexts, RenderedMarkdownLists } from './markdown-lists.js';
import { MARKDOWN_BLANK_LINES, markdownListTexts, rendersStatements } from './markdown-lists.js';
import { collapseBlankLines, compileInParts, hasItems, partsKey, precompileInParts } from './parts-render.js';
import { recordText } from './record-text.js';
import { knownRows } from './known-rows.js';
import { labListLines } from './lab-list-lines.js';

/**
 * What `markdownCell` changes: a run of line breaks (to one space), a Markdown character (escaped
 * with a backslash), a control or bidi character (dropped). The three classes are disjoint and
 * what replaces one belongs to no class but the escapes', so one pass gives what three `replace`
 * passes in this order give.
 */
// eslint-disable-next-line no-control-regex -- stripping control and bidi characters is the point
const CELL_CHANGES = /([\r\n\u2028\u2029]+)|([\\`*_[\]<>|#])|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex -- the same classes, only tested
const CELL_NEEDS_CHANGE = /[\r\n\u2028\u2029\\`*_[\]<>|#\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/;

function cellChange(_match: string, breaks: string | undefined, markup: string | undefined): string {
  if (breaks !== undefined) return ' ';
  return markup !== undefined ? `\\${markup}` : '';
}

/**
 * A table cell or inline text: evidence text can hold `|`, newlines and Markdown; none may break
 * the layout. Most text needs no change and is returned as it is.
 */
export function markdownCell(value: unknown): string {
  const text = String(value);
  return CELL_NEEDS_CHANGE.test(text) ? text.replace(CELL_CHANGES, cellChange) : text;
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
  return joined(withDigestLineParts([body], prefix, line));
}

/** A text report as it is produced: its parts in order, UTF-8, and its two hashes once every part was taken. */
export interface TextParts {
  /** Each part encoded once (a bytes part as it is): the same bytes are hashed and written. */
  readonly parts: Iterable<Uint8Array>;
  /** SHA-256 of every byte above the digest line; known once `parts` were consumed. */
  digest(): string;
  /** SHA-256 of the whole file, digest line too; known once `parts` were consumed. */
  sha256(): string;
}

/**
 * The body's parts, encoded and hashed as they pass, then a line break if the body lacks one,
 * then the digest line. The file's hash goes on from a copy of the body's, so no byte is hashed twice.
 */
export function withDigestLineParts(body: Iterable<string | Uint8Array>, prefix: string, line: (text: string) => string = (text) => text): TextParts {
  let digest: string | null = null;
  let file: string | null = null;
  function* parts(): Generator<Uint8Array> {
    const hash = sha256Hasher();
    let endsWithBreak = false;
    const passed = (part: string | Uint8Array): Uint8Array => {
      const bytes = typeof part === 'string' ? Buffer.from(part, 'utf8') : part;
      hash.update(bytes);
      return bytes;
    };
    for (const part of body) {
      if (part.length === 0) continue;
      endsWithBreak = typeof part === 'string' ? part.endsWith('\n') : part[part.length - 1] === 10;
      yield passed(part);
    }
    if (!endsWithBreak) yield passed('\n');
    const whole = hash.copy();
    digest = hash.hex();
    const digestLine = Buffer.from(`${line(`${plainLine(prefix)}: ${digest}`)}\n`, 'utf8');
    whole.update(digestLine);
    file = whole.hex();
    yield digestLine;
  }
  const known = (value: string | null): string => {
    if (value === null) throw new Error('the report digest is known once every part was written');
    return value;
  };
  return { parts: parts(), digest: () => known(digest), sha256: () => known(file) };
}

/** A text report's parts as one text (the tests and the golden files compare whole texts). */
export function joined(report: TextParts): { text: string; digest: string } {
  const text = Buffer.concat([...report.parts]).toString('utf8');
  return { text, digest: report.digest() };
}

/** A label kept on one line. */
function plainLine(value: string): string {
  return value.replace(/[\r\n\u2028\u2029]+/g, ' ');
}

/**
 * The context both text templates share, each streamed list given as a `{ length }` marker for
 * `{{#if list.length}}` (the number of unreviewed candidates; 1 or 0 for the excerpts, which are
 * only known by making them), and the parts the template yields over the streamed lists.
 */
export function conclusionTextParts(template: PartsTemplate, parts: ConclusionParts, labels: ConclusionLabels, extra: Readonly<Record<string, unknown>> = {}, rendered?: Readonly<Record<StreamedList, RenderedList>>): Iterable<string | Uint8Array> {
  const { head } = parts;
  const context = {
    ...head,
    t: labels,
    record: recordText(head, labels),
    known: head.knownMaterial ? knownRows(head.knownMaterial, labels) : null,
    labList: labListLines(head.labList, labels),
    ...extra,
    unreviewed: { length: head.counts.unreviewed },
    excerpts: { length: (rendered ? rendered.excerpts.chunks > 0 : hasItems(parts.excerpts)) ? 1 : 0 },
  };
  return template(context, rendered ?? { unreviewed: parts.unreviewed, excerpts: parts.excerpts });
}

/**
 * The Markdown conclusion in parts (each written as it comes): with its digest once all are taken.
 * With `rendered` (the lists' Markdown made in the pass that kept them, for this template and these
 * labels), its bytes stand where the lists' statements are, and the lists are not read back.
 */
export function markdownConclusionParts(parts: ConclusionParts, template: string, labels: ConclusionLabels, rendered?: RenderedMarkdownLists, precompiled?: PrecompiledTemplates): TextParts {
  const handlebars = conclusionHandlebars(labels, { cell: markdownCell, answerText: markdownAnswer });
  // The candidate rows are built as strings while the template's row partials are those they were compiled from.
  const rest = withoutCompiledPartials(template);
  if (rest !== null) {
    const rows = markdownRows(labels, markdownCell);
    handlebars.registerPartial('findingUnits', (findings: readonly FindingView[]) => rows(findings));
  }
  const compiled = compileInParts(handlebars, rest ?? template, MARKDOWN_PARTS_OPTIONS, STREAMED_LISTS, precompiled);
  const usable = rendered !== undefined && rest !== null && rendered.texts.template === template && rendered.texts.labels === labels && rendersStatements(compiled.statements);
  return withDigestLineParts(collapseBlankLines(conclusionTextParts(compiled, parts, labels, {}, usable ? rendered.lists : undefined), MARKDOWN_BLANK_LINES), labels.digestLine);
}

/** Handlebars' options for the Markdown template (no HTML escaping: cells are escaped by the `cell` helper). */
const MARKDOWN_PARTS_OPTIONS = { noEscape: true, strict: false };

/** The Markdown template's parts precompiled (for the build's data cache), as {@link markdownConclusionParts} compiles them. */
export function precompiledMarkdown(template: string): PrecompiledTemplates {
  const text = withoutCompiledPartials(template) ?? template;
  return { [partsKey(text, MARKDOWN_PARTS_OPTIONS, STREAMED_LISTS)]: precompileInParts(Handlebars.create(), text, MARKDOWN_PARTS_OPTIONS, STREAMED_LISTS) };
}

/** {@link markdownListTexts} with the Markdown's cell escaping. */
export function markdownLists(template: string, labels: ConclusionLabels): MarkdownListTexts | null {
  return markdownListTexts(template, labels, markdownCell);
}

/** Renders the conclusion model to Markdown with the template and labels; returns text and digest. */
export function renderMarkdownConclusion(model: ConclusionModel, template: string, labels: ConclusionLabels): { text: string; digest: string } {
  return joined(markdownConclusionParts(partsOfModel(model), template, labels));
}

/**
 * Splits a text report into its body and the digest it claims, and checks them. The digest line is
 * the file's last line, in any report language (and as written by earlier soz versions); the
 * claimed digest is the last 64 hex digits on it.
 */
export function checkReportDigest(text: string): { claimed: string | null; actual: string } {
  return checkReportDigestChunks([Buffer.from(text, 'utf8')]);
}

/**
 * {@link checkReportDigest} over a report's bytes given in chunks (a file read a piece at a time):
 * everything above the last line is hashed as it comes, only the last line is held.
 */
export function checkReportDigestChunks(chunks: Iterable<Uint8Array>): { claimed: string | null; actual: string } {
  const body = sha256Hasher();
  const whole = sha256Hasher();
  let held: Buffer = Buffer.alloc(0);
  for (const chunk of chunks) {
    whole.update(chunk);
    held = Buffer.concat([held, chunk]);
    // Up to the last line break that is not the final byte so far, everything is above the last line.
    const cut = held.length >= 2 ? held.lastIndexOf(10, held.length - 2) : -1;
    if (cut >= 0) {
      body.update(held.subarray(0, cut + 1));
      held = Buffer.from(held.subarray(cut + 1));
    }
  }
  const claimed = [...held.toString('utf8').matchAll(/[0-9a-f]{64}/g)].at(-1)?.[0] ?? null;
  return claimed === null ? { claimed, actual: whole.hex() } : { claimed, actual: body.hex() };
}
