import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import mammoth from 'mammoth';
import type { SozDocument } from '../src/core/document.js';
import { segmentText } from '../src/core/document.js';
import { sha256 } from '../src/core/hash.js';
import { DEFAULT_LIMITS, collectDocuments, inputFromBytes } from '../src/ingest/adapter.js';
import { documentAdapters } from '../src/ingest/documents.js';
import { MEDIA_TYPES, sniffMediaType, sniffZipKind } from '../src/ingest/sniff.js';
import { expectSoundDocuments, REAL_CORPORA } from './support/adapter-invariants.js';

/**
 * Real third-party PDFs and DOCX files (../shared/corpora-real, see its SOURCES.md). Page counts
 * were counted independently of pdf.js: /Type /Page objects (also inside inflated object streams)
 * and the page tree's /Count, with a Python script, and agree with the file names.
 */
const PDF_PAGES: Readonly<Record<string, number>> = {
  'ar_docx2pdf_proposal_25p_presentation_forms.pdf': 25,
  'ar_scanned_letter_image_only_1p.pdf': 1,
  'ru_googledocs_skia_2p.pdf': 2,
  'ru_libreoffice_translated_article_4p.pdf': 4,
  'ru_msword2007_with_images_9p.pdf': 9,
  'ru_msword2016_2p.pdf': 2,
  'ru_pdftex_title_page.pdf': 1,
  'ru_scanned_contract_image_only_p1-2.pdf': 2,
};

/** Phrases read by eye from the rendered pages (page number from 1). */
const RUSSIAN_PHRASES: Readonly<Record<string, readonly [number, string][]>> = {
  'ru_googledocs_skia_2p.pdf': [[1, 'Обзор Visual Studio Code']],
  'ru_libreoffice_translated_article_4p.pdf': [[1, 'Объяснение: Нейронные сети'], [1, 'глубокое обучение']],
  'ru_msword2007_with_images_9p.pdf': [[1, 'Практическое задание в Cisco Packet Tracer']],
  'ru_msword2016_2p.pdf': [[1, 'Трудовой кодекс']],
  'ru_pdftex_title_page.pdf': [[1, 'АДЫГЕЙСКИЙ ГОСУДАРСТВЕННЫЙ УНИВЕРСИТЕТ']],
};

const IMAGE_ONLY = ['ar_scanned_letter_image_only_1p.pdf', 'ru_scanned_contract_image_only_p1-2.pdf'];

function realFiles(folder: string): string[] {
  if (!existsSync(join(REAL_CORPORA, folder))) return [];
  return readdirSync(join(REAL_CORPORA, folder)).filter((name) => !name.startsWith('.')).sort();
}

async function extractFile(path: string): Promise<SozDocument[]> {
  const bytes = new Uint8Array(readFileSync(path));
  const input = inputFromBytes(bytes, { name: path.split('/').pop() ?? path, sha256: sha256(bytes), mediaType: sniffMediaType(bytes.subarray(0, 65536)), limits: DEFAULT_LIMITS });
  const adapter = documentAdapters.find((candidate) => candidate.detect(input));
  if (!adapter) throw new Error(`no adapter for ${path}`);
  return collectDocuments(adapter.extract(input));
}

const pageText = (doc: SozDocument, page: number) => {
  const segment = doc.segments.find((s) => s.anchor.page === page);
  return segment ? segmentText(doc, segment) : '';
};

afterEach(() => {
  vi.restoreAllMocks();
});

/** Without ../shared (e.g. a bare clone) these tests are skipped, visibly, rather than failing. */
const HAVE_CORPORA = existsSync(join(REAL_CORPORA, 'pdf')) && existsSync(join(REAL_CORPORA, 'docx'));

describe.skipIf(!HAVE_CORPORA)('real PDFs', () => {
  it('has a recorded page count for every PDF in the corpus', () => {
    expect(realFiles('pdf')).toEqual(Object.keys(PDF_PAGES).sort());
  });

  for (const name of realFiles('pdf')) {
    it(`${name}: one page segment per page, sound, nothing printed, nothing fetched`, async () => {
      const log = vi.spyOn(console, 'log');
      const warn = vi.spyOn(console, 'warn');
      const error = vi.spyOn(console, 'error');
      const stdout = vi.spyOn(process.stdout, 'write');
      const fetchSpy = vi.spyOn(globalThis, 'fetch').mockImplementation(() => Promise.reject(new Error('network used')));
      const [doc] = await expectSoundDocuments(() => extractFile(join(REAL_CORPORA, 'pdf', name)));
      expect(doc).toBeDefined();
      if (!doc) return;
      expect(doc.format).toBe('pdf');
      expect(doc.properties['pages']).toBe(PDF_PAGES[name]);
      // Page segments first, then the other parts read (info, bookmarks, links…), each labelled.
      const pages = doc.segments.slice(0, PDF_PAGES[name]);
      expect(pages.map((s) => [s.id, s.anchor.part])).toEqual(pages.map((_, i) => [`page${i + 1}`, 'page']));
      expect(doc.segments.slice(pages.length).every((s) => s.anchor.part.startsWith('pdf-'))).toBe(true);
      expect(fetchSpy).not.toHaveBeenCalled();
      for (const spy of [log, warn, error]) expect(spy).not.toHaveBeenCalled();
      expect(stdout).not.toHaveBeenCalled();
    });
  }

  for (const name of IMAGE_ONLY) {
    it(`${name}: every page is reported as needing OCR, the document is still produced`, async () => {
      const [doc] = await extractFile(join(REAL_CORPORA, 'pdf', name));
      if (!doc) throw new Error('no document');
      const pages = PDF_PAGES[name] ?? 0;
      const ocr = doc.notices.filter((n) => n.code === 'pdf.needs-ocr');
      expect(ocr.map((n) => n.anchor?.page)).toEqual(Array.from({ length: pages }, (_, i) => i + 1));
      expect(ocr.every((n) => n.message.includes(name) && n.message.includes('OCR'))).toBe(true);
      expect(doc.properties['pagesNeedingOcr']).toBe(pages);
      expect(doc.segments).toHaveLength(pages);
      expect(doc.segments.every((s) => s.range[0] === s.range[1])).toBe(true);
    });
  }

  it('text PDFs have no page needing OCR except where the page is truly blank', async () => {
    for (const name of Object.keys(RUSSIAN_PHRASES)) {
      const [doc] = await extractFile(join(REAL_CORPORA, 'pdf', name));
      expect(doc?.properties['pagesNeedingOcr'], name).toBe(0);
    }
  });

  it('Arabic PDF: Arabic letters, no presentation forms, no embedding marks, normalisation recorded', async () => {
    const [doc] = await extractFile(join(REAL_CORPORA, 'pdf', 'ar_docx2pdf_proposal_25p_presentation_forms.pdf'));
    if (!doc) throw new Error('no document');
    const arabicLetters = doc.text.match(/[\u0600-\u06FF]/g)?.length ?? 0;
    expect(arabicLetters).toBeGreaterThan(10_000);
    expect(doc.text).not.toMatch(/[\uFB50-\uFDFF\uFE70-\uFEFC]/);
    expect(doc.text).not.toMatch(/[\u202A-\u202E]/);
    expect(doc.text).not.toMatch(/\u06CC/);
    expect(Number(doc.properties['arabicPresentationFormsNormalised'])).toBeGreaterThan(0);
    expect(doc.properties['normalisation']).toContain('nfkc');
    // Title line of page 1 as printed: "Technical proposal: comprehensive preventive maintenance services".
    expect(pageText(doc, 1)).toContain('اقتراح فني');
    expect(doc.properties['producer']).toBe('SAMBox 3.0.23');
    expect(doc.properties['creator']).toBe('PDFsam Basic v5.3.1');
  });

  for (const [name, phrases] of Object.entries(RUSSIAN_PHRASES)) {
    it(`${name}: contains the phrases read from the page`, async () => {
      const [doc] = await extractFile(join(REAL_CORPORA, 'pdf', name));
      if (!doc) throw new Error('no document');
      for (const [page, phrase] of phrases) expect(pageText(doc, page).replace(/\s+/g, ' ')).toContain(phrase);
    });
  }
});

describe.skipIf(!HAVE_CORPORA)('real DOCX', () => {
  for (const name of realFiles('docx')) {
    it(`${name}: body text equals mammoth's raw text modulo whitespace`, async () => {
      const path = join(REAL_CORPORA, 'docx', name);
      const bytes = readFileSync(path);
      expect(sniffMediaType(new Uint8Array(bytes).subarray(0, 65536))).toBe(MEDIA_TYPES.docx);
      expect(sniffZipKind(new Uint8Array(bytes))).toBe('docx');
      const [doc] = await expectSoundDocuments(() => extractFile(path));
      if (!doc) throw new Error('no document');
      expect(doc.format).toBe('docx');
      // These files have no tracked changes, so mammoth's output is the whole body (link targets and
      // image descriptions are labelled segments of their own, which mammoth leaves out).
      expect(doc.properties['deletedPassages']).toBe(0);
      const body = doc.segments.filter((s) => s.anchor.part === 'body').map((s) => segmentText(doc, s)).join('');
      const raw = (await mammoth.extractRawText({ buffer: bytes })).value;
      expect(raw.replace(/\s+/g, '').length).toBeGreaterThan(1000);
      expect(body.replace(/\s+/g, '')).toBe(raw.replace(/\s+/g, ''));
    });
  }

  it('the Kyrgyz technical specification names the Jogorku Kenesh and the Altyn-Kul resort', async () => {
    const [doc] = await extractFile(join(REAL_CORPORA, 'docx', 'ru_kg_technical_spec_altynkul.docx'));
    if (!doc) throw new Error('no document');
    expect(doc.text).toContain('Жогорку Кенеша Кыргызской Республики');
    expect(doc.text).toContain('«Алтын-Куль»');
    expect(doc.properties['coreCreator']).toBe('Doron');
  });

  it('the lab report with images says its images were not read', async () => {
    const [doc] = await extractFile(join(REAL_CORPORA, 'docx', 'ru_lab_report_itmo_with_images.docx'));
    expect(doc?.notices.find((n) => n.code === 'docx.images')?.message).toContain('3 embedded image');
  });
});
