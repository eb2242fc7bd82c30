/**
 * Each piece of report work done once: with its lists kept (a `ListSpill`, as `soz report` keeps
 * them), a conclusion reads the findings once and each document holding a candidate once, however
 * many passes render it (Markdown, HTML, the model digest), and says exactly what it says when
 * every pass makes the lists afresh. Fictional data only (the golden fixture with two more
 * documents of unreviewed candidates).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Finding } from '../src/core/finding.js';
import { compareFindings } from '../src/core/finding.js';
import type { SozDocument } from '../src/core/document.js';
import { DOCUMENT_SCHEMA } from '../src/core/document.js';
import type { ConclusionInputs, ConclusionParts } from '../src/report/model.js';
import { assembleConclusionParts, partsDigest } from '../src/report/model.js';
import { joined, markdownConclusionParts, markdownLists } from '../src/report/markdown.js';
import type { RenderedMarkdownLists } from '../src/report/markdown-lists.js';
import { htmlConclusionParts } from '../src/report/html.js';
import type { KeptList } from '../src/case/list-spill.js';
import { ListSpill } from '../src/case/list-spill.js';
import { readLabels } from '../src/pipeline/report.js';
import { conclusionFixtureInputs } from './support/conclusion-fixture.js';
import { tempDir } from './support/cli.js';

const TEMPLATES = new URL('../templates/', import.meta.url).pathname;
const template = (format: 'md' | 'html') => readFileSync(join(TEMPLATES, `conclusion.${format}.hbs`), 'utf8');

/** A fictional document of two messages. */
function note(id: string): SozDocument {
  const text = `${'Соседи договорились о субботнике.'.padEnd(40, ' ')}${'Скамейку покрасят в зелёный цвет.'.padEnd(40, ' ')}`;
  const anchor = (messageId: string) => ({ evidenceSha256: 'c'.repeat(64), part: 'body' as const, messageId });
  return { schema: DOCUMENT_SCHEMA, id, evidenceSha256: 'c'.repeat(64), evidenceName: 'notes.txt', format: 'text', text, segments: [{ id: 'm1', range: [0, 40], anchor: anchor('1') }, { id: 'm2', range: [40, 80], anchor: anchor('2') }], notices: [], properties: {} };
}

/** The fixture's inputs with two more documents, counting the passes over the findings and the documents read. */
function countedInputs(): { inputs: ConclusionInputs; findingPasses: () => number; documentsRead: string[] } {
  const inputs = conclusionFixtureInputs('ru', 'recorded');
  const documents = new Map([note('doc2'), note('doc3')].map((doc) => [doc.id, doc]));
  const extra = ['doc2', 'doc3'].flatMap((documentId) =>
    (['1', '2'] as const).map((messageId): Finding => ({
      id: `F9${documentId}${messageId}`,
      analysis: 'indicators',
      ruleId: 'ru.group.1',
      category: 'group-designation',
      reason: 'Group designation',
      place: { documentId, evidenceSha256: 'c'.repeat(64), evidenceName: 'notes.txt', segmentId: `m${messageId}`, part: 'body', line: 1, column: 1, messageId, range: messageId === '1' ? [0, 6] : [40, 48] },
      actual: 'Соседи',
      context: { left: '', right: ' договорились' },
      voice: 'own',
      countervailing: [],
      unit: `${documentId}#${messageId}`,
    })),
  );
  const findings = [...inputs.findings, ...extra].sort(compareFindings);
  let passes = 0;
  const documentsRead: string[] = [];
  return {
    inputs: {
      ...inputs,
      findings: {
        [Symbol.iterator]: () => {
          passes += 1;
          return findings[Symbol.iterator]();
        },
      },
      documentText: (documentId) => {
        documentsRead.push(documentId);
        return documents.get(documentId) ?? inputs.documentText(documentId);
      },
    },
    findingPasses: () => passes,
    documentsRead,
  };
}

/** Every pass `soz report --format md,html` makes over a conclusion's parts. */
function render(parts: ConclusionParts): { md: string; html: string; digest: string } {
  const labels = readLabels('ru');
  return { md: joined(markdownConclusionParts(parts, template('md'), labels)).text, html: joined(htmlConclusionParts(parts, template('html'), labels)).text, digest: partsDigest(parts) };
}

describe('the conclusion with its lists kept', () => {
  const spill = new ListSpill(tempDir('soz-report-once-'));
  afterAll(() => spill.close());

  it('reads the findings once and each document holding a candidate once, for every format and the digest', () => {
    const kept = countedInputs();
    const rendered = render(assembleConclusionParts({ ...kept.inputs, keepList: (chunks, itemShape) => spill.keep(chunks, itemShape) }));
    expect(kept.findingPasses()).toBe(1);
    expect([...kept.documentsRead].sort()).toEqual(['doc1', 'doc2', 'doc3']);
    expect(rendered.md).toContain('F9doc32');

    const afresh = countedInputs();
    expect(render(assembleConclusionParts(afresh.inputs))).toEqual(rendered);
    expect(afresh.findingPasses()).toBeGreaterThan(3);
    expect(afresh.documentsRead.length).toBeGreaterThan(3);
  });

  it('with no decision recorded, makes the excerpts of each run as it passes, kept beside it, and says the same', () => {
    const kept = countedInputs();
    let pairsKept = 0;
    const keepers: Pick<ConclusionInputs, 'keepList' | 'keepPairs'> = {
      keepList: (chunks, itemShape) => spill.keep(chunks, itemShape),
      keepPairs: (pairs, shapes) => {
        pairsKept += 1;
        return spill.keepPairs(pairs, shapes);
      },
    };
    const rendered = render(assembleConclusionParts({ ...kept.inputs, decisions: [], ...keepers }));
    expect(pairsKept).toBe(1);
    expect(kept.findingPasses()).toBe(1);
    expect([...kept.documentsRead].sort()).toEqual(['doc1', 'doc2', 'doc3']);
    expect(rendered.md).toContain('F9doc32');

    const afresh = countedInputs();
    expect(render(assembleConclusionParts({ ...afresh.inputs, decisions: [] }))).toEqual(rendered);
  });

  it('with the lists\' Markdown made in the pass that keeps them, writes the same Markdown without reading the lists back', () => {
    for (const language of ['ru', 'ky', 'en'] as const) {
      const labels = readLabels(language);
      const texts = markdownLists(template('md'), labels);
      expect(texts).not.toBeNull();
      const kept = countedInputs();
      let listsRead = 0;
      let rendered: RenderedMarkdownLists | undefined;
      const parts = assembleConclusionParts({
        ...kept.inputs,
        language,
        decisions: [],
        keepPairs: (pairs, shapes) => {
          const [unreviewed, excerpts] = spill.keepPairs(pairs, shapes, [texts!.unreviewed, texts!.excerpts]);
          rendered = { texts: texts!, lists: { unreviewed: { chunks: texts!.unreviewed.chunks, text: unreviewed.text! }, excerpts: { chunks: texts!.excerpts.chunks, text: excerpts.text! } } };
          const counted = <T>(list: KeptList<T>): KeptList<T> => ({
            ...list,
            chunks: () => {
              listsRead += 1;
              return list.chunks();
            },
          });
          return [counted(unreviewed), counted(excerpts)];
        },
      });
      const md = joined(markdownConclusionParts(parts, template('md'), labels, rendered)).text;
      expect(listsRead).toBe(0);
      expect(texts!.unreviewed.chunks).toBe(3);
      expect(md).toContain('F9doc32');
      const afresh = countedInputs();
      expect(md).toBe(joined(markdownConclusionParts(assembleConclusionParts({ ...afresh.inputs, language, decisions: [] }), template('md'), labels)).text);
    }
  });
});
