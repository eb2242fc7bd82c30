import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SozDocument } from '../../src/core/document.js';
import { findTesseract } from '../../src/pipeline/ocr.js';
import { soz, tempDir } from '../support/cli.js';
import { caseWith } from '../support/custody.js';
import { png } from '../support/media-files.js';
import { derivedDocumentList } from '../support/derived.js';

// Limits on OCR of scanned PDF pages (issue 16): a page past the time or pixel limit, or a machine
// without pdftoppm, leaves the page's needs-OCR notice plus one line naming the page and the flag
// or what to install; nothing crashes and the rest of the case is read. The scan is the real
// two-page contract of ../shared/corpora-real (0BSD).

const SCAN = new URL('../../../shared/corpora-real/pdf/ru_scanned_contract_image_only_p1-2.pdf', import.meta.url).pathname;
const tesseract = spawnSync('sh', ['-c', 'command -v tesseract'], { encoding: 'utf8' }).stdout.trim();
const ready = findTesseract() !== undefined && spawnSync('pdftoppm', ['-v']).status === 0 && existsSync(SCAN);
const title = ready ? 'OCR limits on scanned PDF pages' : 'OCR limits on scanned PDF pages — SKIPPED: needs tesseract-ocr, poppler-utils (pdftoppm) and ../shared/corpora-real';
if (!ready && process.env['CI'] === 'true') throw new Error(`${title}: in CI this test must run (.ci/run installs them)`);

async function scanDocument(flags: readonly string[]): Promise<SozDocument> {
  const dir = await caseWith([SCAN]);
  const analysed = await soz(['analyze', dir, ...flags]);
  expect(analysed.code, analysed.stderr).toBe(0);
  return derivedDocumentList(dir)[0]!;
}

describe.skipIf(!ready)(title, () => {
  it('stops a page past --max-ocr-seconds and says so per page', async () => {
    const doc = await scanDocument(['--max-ocr-seconds', '1']);
    const messages = doc.notices.map((notice) => notice.message);
    expect(messages.filter((message) => message.includes('ran past the limit of 1 s; raise it with --max-ocr-seconds'))).toHaveLength(2);
    expect(doc.notices.filter((notice) => notice.code === 'pdf.needs-ocr')).toHaveLength(2);
    expect(doc.segments.some((segment) => segment.anchor.part === 'ocr')).toBe(false);
  }, 300_000);

  it('does not rasterise a page over --max-ocr-pixels', async () => {
    const doc = await scanDocument(['--max-ocr-pixels', '1000']);
    expect(doc.notices.map((notice) => notice.message)).toContain('ru_scanned_contract_image_only_p1-2.pdf: page 1 at 300 dpi would be 8702320 pixels, over the OCR limit of 1000 pixels; raise it with --max-ocr-pixels');
  }, 300_000);

  it('keeps a picture Tesseract cannot decode without text, naming the file and the reason', async () => {
    // A PNG of a plausible size whose chunks fail their checksums: Leptonica refuses it.
    const file = join(tempDir('soz-corrupt-png-'), 'broken.png');
    writeFileSync(file, png(200, 100));
    const dir = await caseWith([file]);
    expect((await soz(['analyze', dir])).code).toBe(0);
    const doc = derivedDocumentList(dir)[0]!;
    expect(doc.format).toBe('no-text');
    expect(doc.notices.find((notice) => notice.code === 'ocr.failed')?.message).toMatch(/^broken\.png: Tesseract could not read it \(.+\); kept without text$/u);
  }, 300_000);

  it('says in one line what to install when pdftoppm is missing', async () => {
    // A PATH holding Tesseract only.
    const bin = join(tempDir('soz-no-poppler-'), 'bin');
    mkdirSync(bin);
    symlinkSync(tesseract, join(bin, 'tesseract'));
    const path = process.env['PATH'];
    process.env['PATH'] = bin;
    try {
      const doc = await scanDocument([]);
      expect(doc.notices.filter((notice) => notice.code === 'ocr.unavailable').map((notice) => notice.message)).toEqual([
        'ru_scanned_contract_image_only_p1-2.pdf: page(s) 1,2 have no text layer; reading them by OCR needs pdftoppm (apt-get install poppler-utils); install it and run soz analyze again',
      ]);
    } finally {
      process.env['PATH'] = path;
    }
  }, 300_000);
});
