/**
 * The report's lists made in parts on several threads (issue 17, `src/pipeline/report-lists.ts`):
 * each document's finding lines are found in the analysis files without parsing them all, the
 * lines read back by byte range are the file's findings, the parts joined are the lists the one
 * pass makes (canonical JSON line for line, the Markdown the same once the render's blank-line
 * collapse meets the parts), the report files and log details are the same with one, two and three
 * threads, and parts that do not join in finding order are refused. Fictional data only (the
 * demo case: a leaflet and a chat, two documents with candidates).
 */
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../src/core/finding.js';
import { CaseWorkspace } from '../src/case/workspace.js';
import { analysisFiles, derivedDocumentHeaders, documentsOnce } from '../src/case/records.js';
import type { KeptList } from '../src/case/list-spill.js';
import { ListSpill } from '../src/case/list-spill.js';
import { candidateRunsWithExcerpts } from '../src/report/model.js';
import { markdownLists } from '../src/report/markdown.js';
import { collapseBlankLines } from '../src/report/parts-render.js';
import { FINDING_VIEW_SHAPE, SOURCE_EXCERPT_SHAPE } from '../src/report/view-shapes.js';
import { eachCaseFinding, readReview } from '../src/pipeline/examiner.js';
import { readLabels, writeReports } from '../src/pipeline/report.js';
import type { ReportFormat } from '../src/pipeline/report.js';
import { listsInParts, partRanges, seamsHold } from '../src/pipeline/report-lists.js';
import { fileSha256, tempDir } from './support/cli.js';
import { untouchedDemo } from './support/demo-case.js';

const TEMPLATE = readFileSync(new URL('../templates/conclusion.md.hbs', import.meta.url), 'utf8');
const clock = () => new Date('2026-12-07T00:00:00.000Z');
let original: string;

beforeAll(async () => {
  original = await untouchedDemo();
  // No decision recorded: the lists are made in parts.
  expect(readReview(CaseWorkspace.open(original))).toEqual([]);
}, 120_000);

/** The case's analysis files with findings, read with one document reader. */
function filesWithFindings(workspace: CaseWorkspace) {
  const documents = documentsOnce(workspace);
  return { documents, files: analysisFiles(workspace, documents.texts).filter((file) => file.findingCount > 0) };
}

/** A list's text as the render writes it between two paragraphs: the blank lines collapsed across its pieces. */
function rendered(list: KeptList<unknown>): string {
  const parts = collapseBlankLines(['before\n\n\n', ...list.text!(), '\n\n\nafter'], 2);
  return [...parts].map((part) => (typeof part === 'string' ? part : Buffer.from(part).toString('utf8'))).join('');
}

/** Each chunk's canonical JSON line of a kept list. */
function lines(list: KeptList<unknown>): string[] {
  return [...list.canonicalChunks()].map((line) => Buffer.from(line).toString('utf8'));
}

describe('the analysis files read in parts', () => {
  it('finds the line that starts each document, and the lines read by byte range are the file findings', () => {
    const workspace = CaseWorkspace.open(original);
    const { files } = filesWithFindings(workspace);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const starts = file.parts!.starts();
      // Every line that names its document in its place, parsed one by one.
      const bytes = readFileSync(workspace.path(file.relative));
      const expected: { documentId: string; offset: number }[] = [];
      for (let offset = starts.first; offset < bytes.length; offset = bytes.indexOf(10, offset) + 1) {
        const line = JSON.parse(bytes.subarray(offset, bytes.indexOf(10, offset)).toString('utf8')) as { place: { documentId?: string } };
        if (line.place.documentId !== undefined) expected.push({ documentId: line.place.documentId, offset });
      }
      expect(starts.documents).toEqual(expected);
      expect(starts.end).toBe(bytes.length);
      // Cut at every document's start, the ranges read one after the other give the whole file's findings.
      const cuts = [starts.first, ...starts.documents.map((start) => start.offset).filter((offset) => offset > starts.first), starts.end];
      let counted = 0;
      const inParts = cuts.slice(1).flatMap((end, index) => [...file.parts!.findingsIn([cuts[index]!, end], (count) => (counted += count))]);
      expect(inParts).toEqual([...file.findings()]);
      expect(counted).toBe(file.findingCount);
    }
  });

  it('cuts the documents where the parts shares are reached, covering each file once', () => {
    const starts = [
      { first: 10, end: 100, documents: [{ documentId: 'a', offset: 10 }, { documentId: 'b', offset: 40 }, { documentId: 'c', offset: 60 }] },
      { first: 5, end: 50, documents: [{ documentId: 'b', offset: 5 }, { documentId: 'd', offset: 20 }] },
    ];
    const two = partRanges(starts, ['a', 'b', 'c', 'd'], 2)!;
    // a 30 + b 20 + 15 = 65 of 135 bytes before c, nearest half of them: c starts the second part.
    expect(two).toEqual([
      [[10, 60], [5, 20]],
      [[60, 100], [20, 50]],
    ]);
    expect(partRanges(starts, ['a', 'b', 'c', 'd'], 3)).toHaveLength(3);
    expect(partRanges(starts, ['a', 'b', 'c'], 2)).toBeUndefined();
    expect(partRanges([{ first: 1, end: 9, documents: [{ documentId: 'a', offset: 1 }] }], ['a', 'b'], 2)).toBeUndefined();
  });

  it('joins parts only in finding order, each document in one part', () => {
    const finding = (documentId: string, start: number) => ({ id: `F${documentId}${start}`, ruleId: 'r', place: { evidenceName: 'e', documentId, range: [start, start + 1] } }) as unknown as Finding;
    const part = (first: Finding | null, last: Finding | null) => ({ first, last });
    expect(seamsHold([part(finding('a', 1), finding('a', 9)), part(null, null), part(finding('b', 0), finding('b', 3))])).toBe(true);
    expect(seamsHold([part(finding('a', 1), finding('a', 9)), part(finding('a', 10), finding('b', 3))])).toBe(false);
    expect(seamsHold([part(finding('b', 1), finding('b', 2)), part(finding('a', 0), finding('a', 3))])).toBe(false);
  });
});

describe('the lists made in parts', () => {
  it('are the lists of the one pass: the same canonical lines, chunks, candidates and Markdown', async () => {
    const labels = readLabels('ru');
    for (const count of [2, 3]) {
      const workspace = CaseWorkspace.open(original);
      const spill = new ListSpill(original);
      try {
        const { documents, files } = filesWithFindings(workspace);
        const documentIds = derivedDocumentHeaders(workspace).map(({ doc }) => doc.id);
        const inParts = await listsInParts({ dir: original, files: analysisFiles(workspace, documents.texts), documentIds, spans: documents.spans, texts: () => markdownLists(TEMPLATE, labels)! }, spill, count);
        expect(inParts, `${count} parts`).toBeDefined();

        const one = filesWithFindings(workspace);
        const texts = markdownLists(TEMPLATE, labels)!;
        const [unreviewed, excerpts] = spill.keepPairs(candidateRunsWithExcerpts(eachCaseFinding(workspace, one.files), one.documents.spans), [FINDING_VIEW_SHAPE, SOURCE_EXCERPT_SHAPE], [texts.unreviewed, texts.excerpts]);
        expect(inParts!.made.candidates).toBe([...eachCaseFinding(workspace, files)].length);
        expect(lines(inParts!.made.unreviewed as KeptList<unknown>)).toEqual(lines(unreviewed));
        expect(lines(inParts!.made.excerpts as KeptList<unknown>)).toEqual(lines(excerpts));
        expect([inParts!.rendered.lists.unreviewed.chunks, inParts!.rendered.lists.excerpts.chunks]).toEqual([texts.unreviewed.chunks, texts.excerpts.chunks]);
        expect(rendered({ ...unreviewed, text: inParts!.rendered.lists.unreviewed.text })).toBe(rendered(unreviewed));
        expect(rendered({ ...excerpts, text: inParts!.rendered.lists.excerpts.text })).toBe(rendered(excerpts));
      } finally {
        spill.close();
      }
    }
  }, 120_000);

  it('give the same report files and log details on one, two and three threads', async () => {
    async function reports(name: string, listThreads: number, formats: readonly ReportFormat[]) {
      const dir = join(tempDir('soz-report-list-threads-'), name);
      cpSync(original, dir, { recursive: true });
      const { workspace } = CaseWorkspace.openForWriting(dir, { command: 'report', now: clock });
      try {
        const outcomes = await writeReports(workspace, { clock, actor: 'test', formats, final: false, thread: false, listThreads });
        const entries = workspace.readLog().filter((entry) => entry.action.startsWith('report.'));
        return { files: Object.fromEntries(outcomes.map((outcome) => [outcome.path, fileSha256(join(dir, outcome.path))])), details: entries.map((entry) => entry.details) };
      } finally {
        workspace.close();
      }
    }
    const one = await reports('one', 1, ['md', 'html']);
    expect(await reports('two', 2, ['md', 'html'])).toEqual(one);
    expect(await reports('three', 3, ['md', 'html'])).toEqual(one);
  }, 180_000);
});
