/**
 * The Markdown conclusion's streamed lists rendered as they are made (issue 17): the report's one
 * pass over the findings makes each document's unreviewed candidates and their excerpts and keeps
 * them as canonical JSON (the model digest needs them); the Markdown of the same chunks is made
 * there too and kept as bytes beside them, so the render writes those bytes where the lists stand
 * instead of parsing the lists back and rendering them again. The text is what the template's two
 * list statements give ({@link UNREVIEWED_STATEMENT} through the compiled rows of
 * `markdown-rows.ts`, {@link EXCERPTS_STATEMENT} hand-compiled here), blank lines collapsed as the
 * whole text's are; `markdownConclusionParts` uses it only while the template's list statements
 * are exactly these (tests/report-lists-rendered.test.ts compares the bytes with Handlebars').
 */
import type { ConclusionLabels } from './labels.js';
import type { FindingView, StreamedList } from './model.js';
import type { SourceExcerpt } from './excerpts.js';
import type { RenderedList } from './parts-render.js';
import { BlankLines } from './parts-render.js';
import { markdownRows, withoutCompiledPartials } from './markdown-rows.js';
import { excerptView } from './finding-row.js';

/** The statement of `templates/conclusion.md.hbs` that renders the unreviewed candidates, chunk by chunk. */
export const UNREVIEWED_STATEMENT = '{{> findingUnits unreviewed}}';

/** The statement of `templates/conclusion.md.hbs` that renders the source excerpts, chunk by chunk. */
export const EXCERPTS_STATEMENT = `{{#each excerpts}}
{{#with (excerptView this)}}
**{{cell title}}** ({{cell meta}})

> {{cell text}}

{{/with}}
{{/each}}`;

/** The Markdown line breaks a run keeps at most (`\n\n`: one blank line). */
export const MARKDOWN_BLANK_LINES = 2;

/** One list's Markdown made chunk by chunk, with the number of non-empty chunks it was made of. */
export interface ListText<T> {
  chunk(items: readonly T[]): string;
  end(): string;
  readonly chunks: number;
}

/** The Markdown of both lists as they are made, for one template and one language's labels. */
export interface MarkdownListTexts {
  readonly template: string;
  readonly labels: ConclusionLabels;
  readonly unreviewed: ListText<FindingView>;
  readonly excerpts: ListText<SourceExcerpt>;
}

/** Both lists' Markdown as kept: what `markdownConclusionParts` writes where the lists stand. */
export interface RenderedMarkdownLists {
  readonly texts: MarkdownListTexts;
  readonly lists: Readonly<Record<StreamedList, RenderedList>>;
}

/**
 * The list texts of `template` with `labels`, or null when the template's candidate rows are its
 * own (not the compiled ones, or a partial of its own defined further down, which would take the
 * compiled rows' place): then the lists are rendered by Handlebars from the kept lists.
 */
export function markdownListTexts(template: string, labels: ConclusionLabels, cell: (value: unknown) => string): MarkdownListTexts | null {
  const rest = withoutCompiledPartials(template);
  if (rest === null || rest.includes('{{#*inline')) return null;
  return {
    template,
    labels,
    unreviewed: listText(markdownRows(labels, cell)),
    excerpts: listText((excerpts, lead) => markdownExcerpts(excerpts, labels, cell, lead)),
  };
}

/** Whether a template's list statements (by list, as `compileInParts` found them) are those these texts render. */
export function rendersStatements(statements: Readonly<Record<string, readonly string[]>>): boolean {
  const only = (list: StreamedList, statement: string) => statements[list]?.length === 1 && statements[list][0] === statement;
  return only('unreviewed', UNREVIEWED_STATEMENT) && only('excerpts', EXCERPTS_STATEMENT);
}

/** {@link EXCERPTS_STATEMENT} over one chunk: each excerpt's heading, place and text. */
export function markdownExcerpts(excerpts: readonly SourceExcerpt[], labels: ConclusionLabels, cell: (value: unknown) => string, lead = ''): string {
  // Joined once from its pieces (`lead` first: see `listText`), not grown piece by piece.
  const pieces = [lead];
  for (const excerpt of excerpts) {
    const view = excerptView(excerpt, labels);
    pieces.push(`**${cell(view.title)}** (${cell(view.meta)})\n\n> ${cell(view.text)}\n\n`);
  }
  return pieces.join('');
}

/** A list's text chunk by chunk, blank lines collapsed across chunks; an empty chunk renders nothing, as in `runPlan`. */
function listText<T>(render: (items: readonly T[], lead: string) => string): ListText<T> {
  const lines = new BlankLines(MARKDOWN_BLANK_LINES);
  let chunks = 0;
  return {
    chunk(items) {
      if (items.length === 0) return '';
      chunks += 1;
      // The line breaks held back from the chunk before lead this one's text, joined with it in one
      // string: the collapse then has none to put in front (which would copy the whole text again).
      return lines.text(render(items, lines.end(false)));
    },
    // Held as they are: the text that follows the list in the report meets them.
    end: () => lines.end(false),
    get chunks() {
      return chunks;
    },
  };
}
