import { describe, expect, it } from 'vitest';
import { expectSoundDocuments, extractOne } from '../support/adapter-invariants.js';
import { docxAdapter } from '../../src/ingest/docx.js';
import { htmlAdapter } from '../../src/ingest/html.js';
import { LABELLED_HTML, labelledDocx } from './labelled-seeds.js';

// The generated seeds must really reach the labelled paths, or mutating them proves little.
describe('labelled seeds for the property tests', () => {
  it('the DOCX seed yields every DOCX label and unread kind', async () => {
    const bytes = await labelledDocx();
    const [doc] = await expectSoundDocuments(async () => [await extractOne(docxAdapter, bytes, 'seed.docx')]);
    const parts = new Set(doc?.segments.map((s) => s.anchor.part));
    for (const part of ['body', 'hidden', 'deleted', 'link', 'tooltip', 'alt-text', 'equation', 'embedded', 'metadata']) expect(parts).toContain(part);
    expect(doc?.notices.filter((n) => n.code === 'docx.not-read').map((n) => n.unread?.kind)).toEqual([
      'field instruction(s) not shown as text',
      'image(s) or drawing(s) without alt text (any text inside needs OCR)',
      'embedded object(s) (OLE; content not read)',
      'style element(s) (CSS)',
      'image(s) without alt text (any text inside needs OCR)',
      'embedded object(s) (object, embed, applet)',
      'script element(s) in imported HTML',
      'HTML comment(s) in imported HTML',
      'imported document(s) (altChunk) in a format soz does not read here (RTF, MHT, DOCX …)',
      'package part(s) under word/embeddings/',
    ]);
  });

  it('the HTML seed yields every HTML label', async () => {
    const [doc] = await expectSoundDocuments(async () => [await extractOne(htmlAdapter, new TextEncoder().encode(LABELLED_HTML), 'seed.html')]);
    const parts = new Set(doc?.segments.map((s) => s.anchor.part));
    for (const part of ['title', 'body', 'noscript', 'template', 'tooltip', 'link', 'alt-text', 'form-value', 'metadata', 'embedded']) expect(parts).toContain(part);
    expect(doc?.segments.some((s) => s.id === 'srcdoc0.srcdoc0.p0')).toBe(true);
  });
});
