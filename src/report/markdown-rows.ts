/**
 * The Markdown conclusion's candidate rows, built as strings (issue 17): the appendices of a big
 * case list hundreds of thousands of candidates, and rendering each through Handlebars' runtime
 * (`with`, `each`, `if`, a partial per row, a helper per cell) cost more than making the rows.
 * {@link markdownFindingUnits} is the hand-compiled form of the two inline partials
 * {@link FINDING_UNITS_PARTIALS} that open `templates/conclusion.md.hbs`: it gives the bytes
 * Handlebars gives for them (tests/report-rows-compiled.test.ts) and is used only while the
 * template opens with exactly that text; a template whose rows were edited is rendered by
 * Handlebars as written. The labels stay data (templates/<lang>/conclusion.yaml).
 */
import type { ConclusionLabels } from './labels.js';
import type { FindingView } from './model.js';
import { findingRow, findingUnits } from './finding-row.js';

/** The text of the partials {@link markdownFindingUnits} was compiled from, as the template opens. */
export const FINDING_UNITS_PARTIALS = `{{#*inline "findingRow"}}
{{#with (row this)}}
- **{{id}}** — {{cell title}}
  - {{@root.t.kwic}}: …{{cell kwic.left}}⟦{{cell kwic.actual}}⟧{{cell kwic.right}}…
  - {{cell place}}
  - {{cell people}}
  - {{cell voice}}
{{#if matched}}
  - {{cell matched}}
{{/if}}
{{#each notes}}
  - {{cell this}}
{{/each}}
{{#if decision}}
  - {{@root.t.examinerReason}}: {{cell decision}}
{{/if}}
{{/with}}
{{/inline~}}
{{#*inline "findingUnits"}}
{{#each (units this)}}
**{{cell title}}**

{{#each findings}}
{{> findingRow}}
{{/each}}

{{/each}}
{{/inline~}}
`;

/**
 * The template without its opening row partials when they are exactly {@link FINDING_UNITS_PARTIALS}
 * (they render nothing where they stand: `~` takes the line break after each), else null.
 */
export function withoutCompiledPartials(template: string): string | null {
  return template.startsWith(FINDING_UNITS_PARTIALS) ? template.slice(FINDING_UNITS_PARTIALS.length) : null;
}

/** `{{> findingUnits list}}`: the candidates grouped by reviewable unit, each unit's rows under its title. */
export function markdownFindingUnits(findings: readonly FindingView[], labels: ConclusionLabels, cell: (value: unknown) => string): string {
  return markdownRows(labels, cell)(findings);
}

/** Distinct notes whose cells a row renderer keeps; past this it starts afresh (a case's lexicon entries are a few hundred). */
const KEPT_NOTES = 4096;

/**
 * {@link markdownFindingUnits} for one language's labels and cell escaping, as a renderer of list
 * after list. A lexicon entry's note, citation and ordinary meaning stand on every candidate of its
 * rule, one string for all of them (`findingRow`), and are the rows' longest lines: their cells
 * are made once and kept. Each list's text is joined from its pieces once, not grown piece by piece.
 */
export function markdownRows(labels: ConclusionLabels, cell: (value: unknown) => string): (findings: readonly FindingView[], lead?: string) => string {
  const noteCells = new Map<string, string>();
  const noteCell = (note: string): string => {
    let done = noteCells.get(note);
    if (done === undefined) {
      if (noteCells.size >= KEPT_NOTES) noteCells.clear();
      done = cell(note);
      noteCells.set(note, done);
    }
    return done;
  };
  // `lead`: text put before the rows in the same string (the line breaks a list's text held back).
  return (findings, lead = '') => {
    const pieces = [lead];
    for (const unit of findingUnits(findings, labels)) {
      pieces.push(`**${cell(unit.title)}**\n\n`);
      for (const finding of unit.findings) pieces.push(markdownFindingRow(finding, labels, cell, noteCell));
      pieces.push('\n');
    }
    return pieces.join('');
  };
}

/** `{{> findingRow}}`: one candidate's lines. A `{{#if}}` of Handlebars skips null and the empty string alike. */
function markdownFindingRow(finding: FindingView, labels: ConclusionLabels, cell: (value: unknown) => string, noteCell: (note: string) => string): string {
  const row = findingRow(finding, labels);
  let text = `- **${row.id}** — ${cell(row.title)}\n  - ${labels.kwic}: …${cell(row.kwic.left)}⟦${cell(row.kwic.actual)}⟧${cell(row.kwic.right)}…\n  - ${cell(row.place)}\n  - ${cell(row.people)}\n  - ${cell(row.voice)}\n`;
  if (row.matched) text += `  - ${cell(row.matched)}\n`;
  for (const note of row.notes) text += `  - ${noteCell(note)}\n`;
  if (row.decision) text += `  - ${labels.examinerReason}: ${cell(row.decision)}\n`;
  return text;
}
