/**
 * The Markdown of the report's lists made in the pass that keeps them (`src/report/markdown-lists.ts`):
 * the excerpts built as strings give the bytes Handlebars gives for the template's statement, in
 * every language and for every shape of excerpt; the installed template's list statements are the
 * ones made in the pass (an edited one is rendered by Handlebars); and a list's text given as
 * bytes meets the text around it as one collapse of blank lines over the whole text does.
 * Fictional data only.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { conclusionHandlebars } from '../src/report/helpers.js';
import { markdownAnswer, markdownCell } from '../src/report/markdown.js';
import { EXCERPTS_STATEMENT, MARKDOWN_BLANK_LINES, markdownExcerpts, markdownListTexts, rendersStatements } from '../src/report/markdown-lists.js';
import { withoutCompiledPartials } from '../src/report/markdown-rows.js';
import { BlankLines, collapseBlankLines, compileInParts } from '../src/report/parts-render.js';
import type { SourceExcerpt } from '../src/report/excerpts.js';
import { STREAMED_LISTS } from '../src/report/model.js';
import { readLabels } from '../src/pipeline/report.js';

const TEMPLATE = readFileSync(join(new URL('../templates/', import.meta.url).pathname, 'conclusion.md.hbs'), 'utf8');

const base: SourceExcerpt = {
  author: null,
  clipped: { after: false, before: false },
  documentId: 'd1',
  evidenceName: 'chat|1.json',
  messageId: '7',
  originalAuthor: null,
  page: null,
  parts: [
    { findingIds: [], text: 'Соседи *вчера* ' },
    { findingIds: ['f1', 'f2'], text: 'слово' },
    { findingIds: [], text: '\n\n\n| конец #1 <b>' },
  ],
  range: [3, 40],
  unit: 'd1#7',
};
const excerpts: SourceExcerpt[] = [
  base,
  { ...base, unit: 'd1#8', messageId: null, page: 3, author: 'A_b', originalAuthor: 'Канал (вымышл.)', clipped: { after: true, before: true } },
  { ...base, unit: 'd2#s1', documentId: 'd2', messageId: null, parts: [{ findingIds: ['f3'], text: '\u202eперевёрнуто\u0007' }], clipped: { after: true, before: false } },
];

describe("the Markdown of the report's lists made as they are kept", () => {
  it('gives for the excerpts the bytes Handlebars gives for the template statement', () => {
    expect(TEMPLATE).toContain(EXCERPTS_STATEMENT);
    for (const language of ['ru', 'ky', 'en'] as const) {
      const labels = readLabels(language);
      const render = conclusionHandlebars(labels, { cell: markdownCell, answerText: markdownAnswer }).compile(EXCERPTS_STATEMENT, { noEscape: true, strict: false });
      for (const list of [excerpts, excerpts.slice(1, 2), []]) expect(markdownExcerpts(list, labels, markdownCell)).toBe(render({ t: labels, excerpts: list }));
    }
  });

  it('is used for the installed template, and not for one whose list statements were edited', () => {
    const statementsOf = (template: string) => compileInParts(conclusionHandlebars(readLabels('en'), { cell: markdownCell, answerText: markdownAnswer }), withoutCompiledPartials(template)!, { noEscape: true, strict: false }, STREAMED_LISTS).statements;
    expect(rendersStatements(statementsOf(TEMPLATE))).toBe(true);
    expect(rendersStatements(statementsOf(TEMPLATE.replace(EXCERPTS_STATEMENT, EXCERPTS_STATEMENT.replace('> {{cell text}}', '>> {{cell text}}'))))).toBe(false);
    expect(rendersStatements(statementsOf(`${TEMPLATE}\n{{#each excerpts}}{{unit}}{{/each}}\n`))).toBe(false);
    const labels = readLabels('en');
    expect(markdownListTexts(TEMPLATE, labels, markdownCell)).not.toBeNull();
    expect(markdownListTexts(`${TEMPLATE}{{#*inline "findingUnits"}}{{/inline}}`, labels, markdownCell)).toBeNull();
  });

  it('meets the text around it as one collapse of the whole text does, however its bytes are cut', () => {
    const before = 'Заголовок\n\n';
    const lists = ['\n\n**a**\n\n\n\nb\n', '\nc\n\n', '\n\n\n', 'd\n\n\n\n'];
    const after = '\n\nКонец\n\n\n';
    const whole = `${before}${lists.join('')}${after}`.replace(/\n{3,}/g, '\n\n');
    // The list's text as the pass makes it: each chunk through the collapse, its last breaks held as they are.
    const lines = new BlankLines(MARKDOWN_BLANK_LINES);
    const made = Buffer.from(`${lists.map((chunk) => lines.text(chunk)).join('')}${lines.end(false)}`, 'utf8');
    for (let cut = 0; cut <= made.length; cut += 1) {
      const parts = [before, made.subarray(0, cut), made.subarray(cut), after];
      const text = [...collapseBlankLines(parts, MARKDOWN_BLANK_LINES)].map((part) => (typeof part === 'string' ? part : Buffer.from(part).toString('utf8'))).join('');
      expect(text).toBe(whole);
    }
  });
});
