/**
 * Every candidate row, in every format and every appendix (accepted, rejected, unreviewed,
 * examiner-added), gives its place, author and original author, voice, counter-indicators and the
 * matched form and rule — in the report's language, with no raw code (`own`,
 * `mainstream-meaning`, `call-to-action`…) in a ru or ky report. The HTML report links its parts.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COUNTERVAILING, VOICES } from '../src/core/finding.js';
import { LEXICON_CATEGORIES } from '../src/analysis/lexicon-schema.js';
import { RULE_ORIGIN_KINDS } from '../src/analysis/matcher.js';
import { PROFILE_CATEGORIES, PROFILE_UNITS } from '../src/analysis/profile.js';
import { createPdfAdapter } from '../src/ingest/pdf.js';
import { DEFAULT_LIMITS, collectDocuments, inputFromBytes } from '../src/ingest/adapter.js';
import type { OutlineBlock } from '../src/report/outline.js';
import { conclusionOutline } from '../src/report/outline.js';
import { renderMarkdownConclusion } from '../src/report/markdown.js';
import { renderHtmlConclusion } from '../src/report/html.js';
import { renderPdfConclusion } from '../src/report/pdf.js';
import { renderDocxConclusion } from '../src/report/docx.js';
import JSZip from 'jszip';
import { readLabels } from '../src/pipeline/report.js';
import { conclusionFixture } from './support/conclusion-fixture.js';

const TEMPLATES = new URL('../templates/', import.meta.url).pathname;
const template = (format: 'md' | 'html') => readFileSync(join(TEMPLATES, `conclusion.${format}.hbs`), 'utf8');
const CODES = [...VOICES, ...COUNTERVAILING, ...LEXICON_CATEGORIES, ...RULE_ORIGIN_KINDS, ...PROFILE_CATEGORIES, ...PROFILE_UNITS];

/** The text of an outline, as PDF and DOCX print it. */
function outlineText(blocks: readonly OutlineBlock[]): string {
  return blocks
    .map((block) => {
      switch (block.kind) {
        case 'heading':
        case 'text':
          return block.text;
        case 'hash':
          return `${block.label} ${block.value}`;
        case 'kwic':
          return `${block.label}: …${block.left}⟦${block.actual}⟧${block.right}…`;
        case 'fill-in':
          return `${block.text} ${block.note}`;
        case 'space':
          return '';
      }
    })
    .join('\n');
}

/** Every rendering of the recorded fixture in one language, by format. */
function renderings(language: 'ru' | 'ky' | 'en') {
  const model = conclusionFixture(language, 'recorded');
  const labels = readLabels(language);
  return {
    labels,
    texts: {
      md: renderMarkdownConclusion(model, template('md'), labels).text,
      html: renderHtmlConclusion(model, template('html'), labels).text,
      outline: outlineText(conclusionOutline(model, labels)),
    },
  };
}

describe('candidate rows', () => {
  for (const language of ['ru', 'ky'] as const) {
    it(`${language}: no voice, counter-indicator, category, rule-kind or profile code in any format`, () => {
      const { labels, texts } = renderings(language);
      for (const [format, text] of Object.entries(texts)) {
        // A citation names the lexicon file (`ru/call-to-action`), a path, not a code shown as a word.
        const words = text.replace(/<[^>]*>/g, ' ').replace(new RegExp(`${labels.citation}: [^\\n]*`, 'g'), '');
        const found = CODES.filter((code) => new RegExp(`(?<![\\w/-])${code}(?![\\w-])`).test(words));
        expect(found, `${language} ${format}`).toEqual([]);
      }
    });
  }

  for (const language of ['ru', 'ky', 'en'] as const) {
    it(`${language}: every row of every appendix gives place, author, original author, voice and rule`, () => {
      const { labels, texts } = renderings(language);
      // F1 accepted (matched form and rule), F2 rejected (forwarded: holder and original author),
      // F3 unreviewed (reported), F4 examiner-added.
      for (const [format, text] of Object.entries(texts)) {
        for (const id of ['F000000000001', 'F000000000002', 'F000000000003', 'F000000000004']) {
          const start = text.indexOf(`${id}`, text.lastIndexOf(labels.findingsHeading));
          const row = text.slice(start, text.indexOf(labels.examinerReason, start) === -1 ? start + 2000 : start + 1500);
          for (const part of [labels.location, labels.author, labels.originalAuthor, labels.voice, labels.countervailing]) expect(row, `${format} ${id} ${part}`).toContain(part);
        }
        expect(text, format).toContain('Holder H. (fictional)');
        expect(text, format).toContain('Channel C (fictional)');
        expect(text, format).toContain(labels.voices.forwarded);
        expect(text, format).toContain(labels.counterIndicators.forwarded);
        expect(text, format).toContain(`${labels.ruleKinds.lemma} «идти»`);
        expect(text, format).toContain(labels.reviewUnit);
      }
    });
  }

  it('the DOCX carries the original author and the rows of the appendices', async () => {
    const labels = readLabels('ky');
    const bytes = await renderDocxConclusion(conclusionFixture('ky', 'recorded'), labels);
    const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain(`${labels.originalAuthor}: Channel C (fictional)`);
    expect(text).toContain(labels.voices.forwarded);
    expect(text).toContain('F000000000003');
  });

  it('the PDF carries the original author and the rows of the appendices', async () => {
    const model = conclusionFixture('ru', 'recorded');
    const labels = readLabels('ru');
    const bytes = await renderPdfConclusion(model, labels);
    const [pdf] = await collectDocuments(createPdfAdapter(() => []).extract(inputFromBytes(bytes, { name: 'report.pdf', sha256: '0'.repeat(64), mediaType: 'application/pdf', limits: DEFAULT_LIMITS })));
    const text = (pdf?.text ?? '').replace(/\s+/g, ' ');
    expect(text).toContain('Channel C (fictional)');
    expect(text).toContain(labels.counterIndicators.forwarded);
    expect(text).toContain('F000000000003');
  });
});

describe('HTML report links its parts', () => {
  it('a table of contents, links from "rests on" to rows, from rows to source excerpts, all resolving', () => {
    const { labels, texts } = renderings('ru');
    const html = texts.html;
    expect(html).toContain(`<nav class="toc"><h2>${labels.tocHeading}</h2>`);
    const ids = new Set([...html.matchAll(/ id="([^"]+)"/g)].map((match) => match[1]));
    const targets = [...html.matchAll(/ href="#([^"]+)"/g)].map((match) => match[1]);
    expect(targets.length).toBeGreaterThan(10);
    for (const target of targets) expect(ids.has(target), `#${target}`).toBe(true);
    // Q2 rests on F1 and F4: each links to its row; every row links to the excerpt of its message.
    expect(html).toMatch(new RegExp(`${labels.restsOn}: <a href="#row-F000000000001">F000000000001</a>, <a href="#row-F000000000004">F000000000004</a>`));
    for (const id of ['F000000000001', 'F000000000002', 'F000000000003', 'F000000000004']) {
      const row = html.slice(html.indexOf(`<li id="row-${id}">`));
      expect(row.slice(0, row.indexOf('</li>'))).toMatch(/<a href="#src-[^"]+">/);
    }
    // The excerpt shows the message with each fragment marked and linked back to its row.
    expect(html).toContain('<mark title="F000000000002">соседи</mark><sup><a href="#row-F000000000002">F000000000002</a></sup>');
  });

  it('the draft mark repeats on every printed page', () => {
    const { labels } = renderings('ru');
    const html = renderHtmlConclusion(conclusionFixture('ru', 'draft'), template('html'), labels).text;
    expect(html).toContain(`<div class="page-mark draft-mark">${labels.draft} — GOLD-1</div>`);
    expect(html.slice(html.indexOf('@media print'))).toMatch(/^[^<]*\.page-mark \{ display: block; position: fixed;/);
  });
});
