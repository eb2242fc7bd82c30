/**
 * The conclusion rendered in parts says exactly what one render of the whole model said: the
 * Markdown and HTML of a case of three documents (reviewed and unreviewed candidates sharing a
 * message, units in several documents) equal a one-pass Handlebars render of the whole model, as
 * soz rendered before; the model digest hashed from the parts equals the whole model's; the
 * blank-line collapse and the digest-line check give the same result for every cut of the text.
 * Fictional data only (the fixture of the golden files, with two more documents).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { describe, expect, it, vi } from 'vitest';
import type { Finding } from '../src/core/finding.js';
import { compareFindings } from '../src/core/finding.js';
import type { SozDocument } from '../src/core/document.js';
import { DOCUMENT_SCHEMA } from '../src/core/document.js';
import { InternalError } from '../src/core/errors.js';
import { sha256 } from '../src/core/hash.js';
import type { ConclusionInputs, ConclusionModel } from '../src/report/model.js';
import { assembleConclusionParts, modelDigest, partsDigest, wholeModel } from '../src/report/model.js';
import { sourceExcerpts } from '../src/report/excerpts.js';
import { checkReportDigest, checkReportDigestChunks, joined, markdownAnswer, markdownCell, markdownConclusionParts, renderMarkdownConclusion } from '../src/report/markdown.js';
import { htmlAnswer, htmlConclusionParts, htmlDifferences, plainText } from '../src/report/html.js';
import { conclusionHandlebars } from '../src/report/helpers.js';
import { recordText } from '../src/report/record-text.js';
import { knownRows } from '../src/report/known-rows.js';
import { labListLines } from '../src/report/lab-list-lines.js';
import type { PrecompiledParts, PrecompiledTemplates } from '../src/report/parts-render.js';
import { collapseBlankLines, compileInParts, partsKey, precompileInParts } from '../src/report/parts-render.js';
import { precompiledTextTemplates } from '../src/report/renderers.js';
import { readLabels } from '../src/pipeline/report.js';
import { conclusionFixtureInputs } from './support/conclusion-fixture.js';

const TEMPLATES = new URL('../templates/', import.meta.url).pathname;
const template = (format: 'md' | 'html') => readFileSync(join(TEMPLATES, `conclusion.${format}.hbs`), 'utf8');

/** A fictional message document of two messages (segments m1, m2), each 40 characters. */
function message(id: string): SozDocument {
  return {
    schema: DOCUMENT_SCHEMA,
    id,
    evidenceSha256: 'a'.repeat(64),
    evidenceName: 'post|1.txt',
    format: 'text',
    text: `${'Все идите на площадь, соседи.'.padEnd(40, ' ')}${'Драка была вчера во дворе, сказали.'.padEnd(40, ' ')}`,
    segments: [
      { id: 'm1', range: [0, 40], anchor: { evidenceSha256: 'a'.repeat(64), part: 'body', messageId: '1' } },
      { id: 'm2', range: [40, 80], anchor: { evidenceSha256: 'a'.repeat(64), part: 'body', messageId: '2' } },
    ],
    notices: [],
    properties: {},
  };
}

/** A candidate in `doc` at `range` of message `messageId` (fictional). */
function candidate(id: string, doc: string, messageId: '1' | '2', range: [number, number]): Finding {
  return {
    id,
    analysis: 'indicators',
    ruleId: 'ru.call.1',
    category: 'call-to-action',
    reason: 'Imperative verb form',
    place: { documentId: doc, evidenceSha256: 'a'.repeat(64), evidenceName: 'post|1.txt', segmentId: `m${messageId}`, part: 'body', line: 1, column: range[0] + 1, messageId, range },
    actual: 'x',
    context: { left: 'left ', right: ' right' },
    voice: 'own',
    countervailing: [],
    unit: `${doc}#${messageId}`,
  };
}

/** The golden fixture with two more documents: doc2 has two unreviewed units; doc3 an accepted and an unreviewed candidate in one message, and another unit. */
function threeDocuments(): ConclusionInputs {
  const inputs = conclusionFixtureInputs('ru', 'recorded');
  const extra = [
    candidate('F100', 'doc2', '1', [4, 9]),
    candidate('F101', 'doc2', '1', [22, 28]),
    candidate('F102', 'doc2', '2', [40, 45]),
    candidate('F103', 'doc3', '1', [4, 9]),
    candidate('F104', 'doc3', '1', [13, 20]),
    candidate('F105', 'doc3', '2', [60, 65]),
  ];
  const documents = new Map([message('doc2'), message('doc3')].map((doc) => [doc.id, doc]));
  return {
    ...inputs,
    findings: [...inputs.findings, ...extra].sort(compareFindings),
    documentText: (documentId) => documents.get(documentId) ?? inputs.documentText(documentId),
    decisions: [...inputs.decisions, { findingId: 'F104', decision: 'accepted', reason: 'Direct address', questionIds: [], actor: 'Examiner X' }],
  };
}

/** The Markdown or HTML of a whole model in one Handlebars pass, as soz rendered it before rendering in parts. */
function onePass(model: ConclusionModel, format: 'md' | 'html'): string {
  const labels = readLabels(model.language);
  const handlebars = conclusionHandlebars(labels, format === 'md' ? { cell: markdownCell, answerText: markdownAnswer } : { cell: plainText, answerText: htmlAnswer });
  handlebars.registerHelper('differences', (text: string) => htmlDifferences(text));
  handlebars.registerHelper('ocrCrop', () => '');
  const render = handlebars.compile(template(format), format === 'md' ? { noEscape: true, strict: false } : { strict: false });
  const context = { ...model, t: labels, record: recordText(model, labels), known: model.knownMaterial ? knownRows(model.knownMaterial, labels) : null, labList: labListLines(model.labList, labels), hasPictures: false };
  const body = render(context).replace(format === 'md' ? /\n{3,}/g : /\n{2,}/g, format === 'md' ? '\n\n' : '\n');
  const normalised = body.endsWith('\n') ? body : `${body}\n`;
  const prefix = format === 'md' ? labels.digestLine : labels.digestLine.replace(/--/g, '‐‐');
  const line = `${prefix}: ${sha256(normalised)}`;
  return `${normalised}${format === 'md' ? line : `<!-- ${line} -->`}\n`;
}

describe('the conclusion in parts', () => {
  const inputs = threeDocuments();
  const parts = assembleConclusionParts(inputs);
  const model = wholeModel(parts);

  it('makes the lists of the whole model: unreviewed in finding order, excerpts in the order their units first occur', () => {
    const unreviewed = [...parts.unreviewed()];
    expect(unreviewed.map((run) => run.map((finding) => finding.id))).toEqual([['F000000000003'], ['F100', 'F101', 'F102'], ['F103', 'F105']]);
    const accepted = model.objects.flatMap((object) => object.findings);
    expect(model.excerpts).toEqual(sourceExcerpts(inputs.documentText, [...accepted, ...model.rejected, ...model.unreviewed]));
    expect(model.excerpts.map((excerpt) => excerpt.unit)).toEqual(['doc1#7', 'doc3#1', 'doc2#1', 'doc2#2', 'doc3#2']);
    expect(model.counts).toEqual({ candidates: 11, accepted: 4, rejected: 1, unreviewed: 6 });
  });

  it('hashes the model digest from the parts as from the whole model', () => {
    expect(partsDigest(parts)).toBe(modelDigest(model));
  });

  for (const format of ['md', 'html'] as const) {
    it(`${format}: the parts, written one after another, are the one-pass render of the whole model`, () => {
      const labels = readLabels('ru');
      const streamed = joined(format === 'md' ? markdownConclusionParts(parts, template('md'), labels) : htmlConclusionParts(parts, template('html'), labels));
      expect(streamed.text).toBe(onePass(model, format));
      expect(checkReportDigest(streamed.text).actual).toBe(streamed.digest);
      expect(streamed.text).toContain('F105');
    });
  }

  it('renders the same bytes from the parts the build precompiles as from the template compiled afresh', () => {
    const labels = readLabels('ru');
    const texts = { md: template('md'), html: template('html') };
    // Through JSON, as the data cache keeps them.
    const precompiled = JSON.parse(JSON.stringify(precompiledTextTemplates(texts))) as PrecompiledTemplates;
    expect(Object.keys(precompiled)).toHaveLength(2);
    expect(joined(markdownConclusionParts(parts, texts.md, labels, undefined, precompiled)).text).toBe(onePass(model, 'md'));
    expect(joined(htmlConclusionParts(parts, texts.html, labels, {}, precompiled)).text).toBe(onePass(model, 'html'));
  });

  it('renders a model with nothing unreviewed and no excerpts through the else branches', () => {
    const empty = { ...threeDocuments(), findings: [], decisions: [] };
    const text = renderMarkdownConclusion(wholeModel(assembleConclusionParts(empty)), template('md'), readLabels('ru')).text;
    expect(text).toBe(onePass(wholeModel(assembleConclusionParts(empty)), 'md'));
  });
});

describe('rendering a template in parts', () => {
  const handlebars = Handlebars.create();
  const source = '{{#*inline "row"}}<{{this}}>\n{{/inline~}}\nhead {{title}}\n{{#each items}}\n{{> row}}\n{{else}}\nnone\n{{/each}}\n{{#if items.length}}\n\n## again\n\n{{#each items}}{{> row}}{{/each}}\n{{/if}}\ntail\n';
  const compiled = compileInParts(handlebars, source, {}, ['items']);
  const whole = handlebars.compile(source);

  it('gives the whole render for any cut of the list into chunks, and the else branch for none', () => {
    const items = ['a', 'b', 'c', 'd'];
    for (const chunks of [[items], [['a'], ['b', 'c'], ['d']], [['a', 'b'], [], ['c', 'd']]]) {
      expect([...compiled({ title: 'T', items: { length: items.length } }, { items: () => chunks })].join('')).toBe(whole({ title: 'T', items }));
    }
    expect([...compiled({ title: 'T', items: { length: 0 } }, { items: () => [] })].join('')).toBe(whole({ title: 'T', items: [] }));
  });

  it('takes precompiled parts kept under the template text, options and lists they were made from, and compiles any other text', () => {
    const kept = { [partsKey(source, {}, ['items'])]: JSON.parse(JSON.stringify(precompileInParts(handlebars, source, {}, ['items']))) as PrecompiledParts };
    const other = `${source}more {{title}}\n`;
    const otherWhole = handlebars.compile(other)({ title: 'T', items: [] });
    const parse = vi.spyOn(handlebars, 'parse');
    try {
      const items = ['a', 'b', 'c'];
      const fromKept = compileInParts(handlebars, source, {}, ['items'], kept);
      expect(parse).not.toHaveBeenCalled();
      expect(fromKept.statements).toEqual(compiled.statements);
      for (const chunks of [[items], [['a'], [], ['b', 'c']], []]) {
        const length = chunks.flat().length;
        expect([...fromKept({ title: 'T', items: { length } }, { items: () => chunks })].join('')).toBe(whole({ title: 'T', items: chunks.flat() }));
      }
      // Another text, or the same text with other options, is not what was kept: compiled as written.
      expect([...compileInParts(handlebars, other, {}, ['items'], kept)({ title: 'T', items: { length: 0 } }, { items: () => [] })].join('')).toBe(otherWhole);
      expect(parse).toHaveBeenCalledTimes(1);
      compileInParts(handlebars, source, { noEscape: true }, ['items'], kept);
      expect(parse).toHaveBeenCalledTimes(2);
    } finally {
      parse.mockRestore();
    }
  });

  it('refuses a template that uses a streamed list otherwise than iterating it or testing its length', () => {
    expect(() => compileInParts(handlebars, '{{lookup items 0}}', {}, ['items'])).toThrow(InternalError);
  });
});

describe('across the cuts of a text', () => {
  const cuts = (text: string) => Array.from({ length: text.length + 1 }, (_, at) => [text.slice(0, at), text.slice(at)]);

  it('collapses blank lines as one replace over the whole text does', () => {
    const text = '\n\na\n\n\n\nb\nc\n\n\nd\n\n\n';
    for (const keep of [1, 2]) {
      const expected = text.replace(new RegExp(`\\n{${keep + 1},}`, 'g'), '\n'.repeat(keep));
      for (const [first, second] of cuts(text)) expect([...collapseBlankLines([first!, second!], keep)].join('')).toBe(expected);
      expect([...collapseBlankLines([...text], keep)].join('')).toBe(expected);
    }
  });

  it('checks the digest line as the whole-text check does, however the bytes come', () => {
    const body = 'Заключение\nстрока\n\n';
    const reports = [`${body}Digest: ${sha256(body)}\n`, `${body}Digest: ${sha256(body)}`, `${body}Digest: ${'0'.repeat(64)}\n\n`, 'no digest line\n', ''];
    for (const report of reports) {
      const bytes = Buffer.from(report, 'utf8');
      const expected = checkReportDigest(report);
      for (let at = 0; at <= bytes.length; at += 1) expect(checkReportDigestChunks([bytes.subarray(0, at), bytes.subarray(at)])).toEqual(expected);
    }
    expect(checkReportDigest(reports[0]!)).toEqual({ claimed: sha256(body), actual: sha256(body) });
  });
});
