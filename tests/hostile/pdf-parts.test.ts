import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SozDocument } from '../../src/core/document.js';
import { snapshotTree, soz, tempDir } from '../support/cli.js';
import { REAL_CORPORA } from '../support/adapter-invariants.js';
import { everythingPdf, slowPdf, type3AndLayerPdf } from '../support/pdf-fixtures.js';
import { derivedDocumentList } from '../support/derived.js';

// PDFs that hide text or keep pdf.js busy, through the real command line. Rows of README's
// "Hostile and broken input" table: pdf-slow, pdf-heap, pdf-hidden-text, pdf-type3-unmapped.

const INIT = ['--case-number', 'H-9', '--ordering-body', 'test', '--examiner', 'tester'];

async function freshCase(): Promise<string> {
  const dir = join(tempDir('soz-pdf-hostile-'), 'case');
  expect((await soz(['init', dir, ...INIT])).code).toBe(0);
  return dir;
}

function write(name: string, bytes: Uint8Array): string {
  const path = join(tempDir('soz-pdf-hostile-in-'), name);
  writeFileSync(path, bytes);
  return path;
}

async function refused(file: string, flags: string[]): Promise<string> {
  const caseDir = await freshCase();
  const before = snapshotTree(caseDir);
  const result = await soz(['add', caseDir, file, ...flags]);
  expect(result.code, result.stdout).toBe(2);
  expect(result.stderr).toMatch(/^soz: error: [^\n]*\n$/);
  expect(snapshotTree(caseDir), 'case unchanged').toEqual(before);
  return result.stderr;
}

async function analysedDocument(file: string): Promise<SozDocument> {
  const caseDir = await freshCase();
  const added = await soz(['add', caseDir, file]);
  expect(added.code, added.stderr).toBe(0);
  const analysed = await soz(['analyze', caseDir]);
  expect(analysed.code, analysed.stderr).toBe(0);
  const documents = derivedDocumentList(caseDir);
  const pdf = documents.find((doc) => doc.format === 'pdf');
  if (!pdf) throw new Error('no PDF document');
  return pdf;
}

describe('hostile PDFs through the CLI', () => {
  it('pdf-slow: a small file that keeps pdf.js busy is stopped at --max-pdf-seconds', async () => {
    // 10 pages × 200,000 operators: many seconds of pdf.js work on any machine, stopped after 1 s
    // (20,000 were enough before pdf.js got its engine's Array.prototype.push back, not since).
    const stderr = await refused(write('slow.pdf', slowPdf(10, 200_000)), ['--max-pdf-seconds', '1']);
    expect(stderr).toBe('soz: error: slow.pdf: reading the PDF took longer than 1 s; if the file is genuine, raise the limit with --max-pdf-seconds\n');
  });

  it('pdf-heap: a read needing more heap than --max-pdf-memory-mb is stopped', async () => {
    const stderr = await refused(write('doc.pdf', new Uint8Array(readFileSync(`${REAL_CORPORA}pdf/ru_msword2016_2p.pdf`))), ['--max-pdf-memory-mb', '2']);
    expect(stderr).toBe('soz: error: doc.pdf: reading the PDF needed more than 2 MiB of memory; if the file is genuine, raise the limit with --max-pdf-memory-mb\n');
  });

  it('pdf-hidden-text: white, tiny, invisible and off-page text, notes, links, fields and attachments are kept or noticed', async () => {
    const doc = await analysedDocument(write('leaflet.pdf', await everythingPdf()));
    const parts = new Set(doc.segments.map((s) => s.anchor.part));
    for (const part of ['page', 'pdf-info', 'pdf-bookmark', 'pdf-annotation', 'pdf-link', 'pdf-form-field', 'pdf-attachment-name', 'pdf-off-page']) expect(parts).toContain(part);
    const codes = new Set(doc.notices.map((n) => n.code));
    for (const code of ['pdf.white-text', 'pdf.tiny-text', 'pdf.invisible-text', 'pdf.off-page-text', 'pdf.annotation', 'pdf.attachment']) expect(codes).toContain(code);
  });

  it('pdf-type3-unmapped: glyphs without Unicode and a hidden layer are noticed', async () => {
    const doc = await analysedDocument(write('type3.pdf', type3AndLayerPdf()));
    expect(doc.notices.map((n) => n.code).sort()).toEqual(['pdf.hidden-layer-text', 'pdf.unmapped-glyphs']);
  });
});
