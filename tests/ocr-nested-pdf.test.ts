import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SozDocument } from '../src/core/document.js';
import type { Finding } from '../src/core/finding.js';
import { CaseWorkspace } from '../src/case/workspace.js';
import { findTesseract } from '../src/pipeline/ocr.js';
import { wholePicture } from '../src/pipeline/ocr-crops.js';
import { fileSha256, soz, tempDir } from './support/cli.js';
import { derivedAnalysis, derivedDocumentList } from './support/derived.js';
import { FIXED_DATE, pdfkitPdf, scannedPdf } from './support/pdf-fixtures.js';

// Issue 16: a scanned PDF inside a ZIP and one embedded in a PDF are read by OCR like a seized
// scanned PDF — pages rasterised by pdftoppm, lines of part `ocr` with page and word boxes — and
// stay in the custody of the container (its hash, the entry path). The scan is generated here: a
// page holding only the fictional picture photo_1 of tests/fixtures/ocr (a Kyrgyz line and the
// fictional threat «Уничтожьте их всех!», see its README). Needs Tesseract (kir, rus) and pdftoppm.

const engine = findTesseract();
const ready = engine?.languages.includes('kir') === true && engine.languages.includes('rus') && spawnSync('pdftoppm', ['-v']).status === 0;
const title = ready ? 'scanned PDFs inside a ZIP and inside a PDF' : 'scanned PDFs inside a ZIP and inside a PDF — SKIPPED: needs tesseract-ocr with kir and rus and poppler-utils (pdftoppm)';
if (!ready && process.env['CI'] === 'true') throw new Error(`${title}: in CI this test must run (.ci/run installs them)`);

describe.skipIf(!ready)(title, () => {
  const work = tempDir('soz-ocr-nested-');
  const zipFile = join(work, 'seized.zip');
  const carrier = join(work, 'carrier.pdf');
  const dir = join(work, 'case');
  let docs: SozDocument[];
  beforeAll(async () => {
    const scan = await scannedPdf();
    const zip = new JSZip();
    zip.file('docs/scan.pdf', scan, { date: new Date(Date.UTC(2026, 0, 1)) });
    writeFileSync(zipFile, await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
    writeFileSync(carrier, await pdfkitPdf((doc) => {
      doc.addPage();
      doc.fontSize(12).text('Сопроводительное письмо (вымышленное).', 72, 72);
      doc.file(Buffer.from(scan), { name: 'scan.pdf', type: 'application/pdf', creationDate: FIXED_DATE, modifiedDate: FIXED_DATE });
    }));
    const run = await soz(['run', zipFile, carrier, '--out', dir, '--language', 'ru']);
    expect(run.code, run.stderr).toBe(0);
    docs = derivedDocumentList(dir);
  }, 600_000);

  it.each([
    ['seized.zip', 'docs/scan.pdf'],
    ['carrier.pdf', 'attachment.1/scan.pdf'],
  ])('%s!/%s: its page read by OCR, in the custody of the container', (container, entry) => {
    const doc = docs.find((one) => one.format === 'pdf' && one.entry === entry);
    expect(doc).toMatchObject({ evidenceName: container, evidenceSha256: fileSha256(join(work, container)) });
    const lines = doc?.segments.filter((segment) => segment.anchor.part === 'ocr') ?? [];
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const line of lines) {
      expect(line.anchor).toMatchObject({ page: 1, entry, imageEntry: entry, evidenceSha256: fileSha256(join(work, container)) });
      expect(line.words?.length).toBeGreaterThan(0);
    }
    expect(doc?.text).toContain('Уничтожьте их всех!');
    expect(doc?.properties['ocrPage.1.imageSha256']).toMatch(/^[0-9a-f]{64}$/u);
    expect(doc?.notices.map((notice) => notice.code)).not.toContain('pdf.needs-ocr');
    expect(doc?.notices.find((notice) => notice.code === 'ocr.text-from-ocr')?.message).toMatch(new RegExp(`^${container}!/${entry} page 1: text read by OCR`, 'u'));
  });

  it('shows the words of a finding on the nested page in the HTML report, cropped from the page again, and verifies', async () => {
    const findings = (derivedAnalysis(dir, 'indicators').findings ?? []) as readonly Finding[];
    const onPage = findings.find((finding) => finding.place.entry === 'docs/scan.pdf' && finding.place.image !== undefined);
    expect(onPage?.place.image).toMatchObject({ page: 1, entry: 'docs/scan.pdf' });
    expect((await soz(['review', dir, '--accept', onPage?.id ?? '', '--reason', 'the words on the scanned page (fictional check)'])).code).toBe(0);
    const reported = await soz(['report', dir, '--format', 'html']);
    expect(reported.code, reported.stderr).toBe(0);
    const reports = join(dir, 'reports');
    const html = readFileSync(join(reports, readdirSync(reports).find((name) => name.endsWith('.html')) ?? ''), 'utf8');
    expect(html).toContain(`(docs/scan.pdf), `);
    expect(html.match(/<img src="data:image\/png;base64,/gu)?.length).toBe(1);
    // The same bytes again: verify reads the nested pages by OCR once more and compares.
    const verified = await soz(['verify', dir]);
    expect(verified.code, verified.stdout + verified.stderr).toBe(0);
  }, 300_000);

  it.each(['docs/scan.pdf', 'attachment.1/scan.pdf'])('gives the desk the whole nested page %s, rendered again at the OCR resolution, for the boxes of a finding on it', async (entry) => {
    const findings = (derivedAnalysis(dir, 'indicators').findings ?? []) as readonly Finding[];
    const onPage = findings.find((finding) => finding.place.entry === entry && finding.place.image !== undefined);
    if (!onPage?.place.image) throw new Error(`no finding on ${entry}`);
    const picture = await wholePicture(CaseWorkspace.open(dir), onPage.place.evidenceSha256, onPage.place.image);
    expect(picture?.mediaType).toBe('image/png');
    // 460.32 × 164.16 points at 300 dpi.
    expect([picture?.bytes.readUInt32BE(16), picture?.bytes.readUInt32BE(20)]).toEqual([1918, 684]);
  });

  it('keeps the limits: a nested page over --max-ocr-pixels is not rasterised, and the notice names the container and entry', async () => {
    const analysed = await soz(['analyze', dir, '--max-ocr-pixels', '1000']);
    expect(analysed.code, analysed.stderr).toBe(0);
    const doc = derivedDocumentList(dir).find((one) => one.format === 'pdf' && one.entry === 'docs/scan.pdf');
    expect(doc?.notices.map((notice) => notice.message)).toContain('seized.zip!/docs/scan.pdf: page 1 at 300 dpi would be 1311912 pixels, over the OCR limit of 1000 pixels; raise it with --max-ocr-pixels');
    expect(doc?.notices.map((notice) => notice.code)).toContain('pdf.needs-ocr');
  }, 300_000);
});
