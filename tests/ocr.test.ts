import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findTesseract } from '../src/pipeline/ocr.js';
import { soz } from './support/cli.js';
import { caseWith } from './support/custody.js';
import { parsedDocument } from '../src/case/records.js';

// OCR of a picture with Tesseract (issue 16). Needs `tesseract` with Russian data: `.ci/run`
// installs it; elsewhere these tests are skipped, and the title says so.

const FIXTURE = new URL('./fixtures/ocr/fictional-ru.png', import.meta.url).pathname;
const engine = findTesseract();
const title = engine ? 'OCR with Tesseract' : 'OCR with Tesseract — SKIPPED: tesseract is not installed (apt-get install tesseract-ocr tesseract-ocr-rus)';

function documentsOf(dir: string): string[] {
  const folder = join(dir, 'derived', 'documents');
  return readdirSync(folder).map((name) => readFileSync(join(folder, name), 'utf8'));
}

describe.skipIf(!engine?.languages.includes('rus'))(title, () => {
  it('reads the words of a picture with page, box and confidence, records the engine in the manifest, and gives the same bytes twice', async () => {
    const dir = await caseWith([FIXTURE]);
    expect((await soz(['analyze', dir])).code).toBe(0);
    const [first] = documentsOf(dir);
    const doc = parsedDocument('derived/documents/first.ndjson', Buffer.from(first ?? '', 'utf8'));
    expect(doc.format).toBe('ocr');
    expect(doc.text).toContain('2026');
    expect(doc.text).toMatch(/Тестовый/u);
    const words = doc.segments.flatMap((segment) => segment.words ?? []);
    expect(words.length).toBeGreaterThanOrEqual(4);
    for (const word of words) {
      expect(word.box[2]).toBeGreaterThan(0);
      expect(word.confidence).toBeGreaterThanOrEqual(0);
    }
    expect(doc.segments.every((segment) => segment.anchor.page === 1)).toBe(true);
    expect(doc.notices[0]?.code).toBe('ocr.text-from-ocr');
    const manifest = JSON.parse(readFileSync(join(dir, 'derived', 'manifest.json'), 'utf8')) as { parameters: { ocr: { engine: { languages: string[]; dataSha256: Record<string, string> } } } };
    expect(manifest.parameters.ocr.engine.dataSha256['rus']).toMatch(/^[0-9a-f]{64}$/);
    // The case language (en, `soz init --language`) leads the first reading; the text read picks the
    // packs kept: five words are too few to trust one language, so the packs of their script.
    expect(manifest.parameters.ocr.engine.languages[0]).toBe('eng');
    expect(doc.properties['ocrLanguagePick']).toMatch(/^kir\+rus\+kaz\+uzb_cyrl\+tgk: Cyrillic script detected .* in a first reading with eng\+kir\+rus\+/u);

    expect((await soz(['analyze', dir])).code).toBe(0);
    expect(documentsOf(dir)).toEqual([first]);
  });

  it('does not hand a picture over the pixel limit to Tesseract, and says which flag raises it', async () => {
    const dir = await caseWith([FIXTURE]);
    expect((await soz(['analyze', dir, '--max-ocr-pixels', '1000'])).code).toBe(0);
    const doc = parsedDocument('derived/documents/first.ndjson', Buffer.from(documentsOf(dir)[0] ?? '', 'utf8'));
    expect(doc.format).toBe('no-text');
    expect(doc.notices.map((notice) => notice.message)).toContain('fictional-ru.png: 700 × 150 pixels exceeds the OCR limit of 1000 pixels; raise it with --max-ocr-pixels');
  });
});
