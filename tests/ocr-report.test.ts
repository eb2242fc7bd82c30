import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../src/core/finding.js';
import { findTesseract } from '../src/pipeline/ocr.js';
import { fileSha256, soz, tempDir } from './support/cli.js';
import { derivedAnalysis, derivedDocumentList } from './support/derived.js';

// Findings in text read by OCR show their place in the picture in the HTML and PDF reports
// (issue 16): a crop around the words with a box drawn on it. One finding is an indicator on the
// photo a fictional Telegram message posted (tests/fixtures/ocr), the other the examiner's own on
// a scanned page of ../shared/corpora-real (0BSD). Needs Tesseract (kir, rus) and pdftoppm; in CI
// (CI=true) it must run.

const SCAN = new URL('../../shared/corpora-real/pdf/ru_scanned_contract_image_only_p1-2.pdf', import.meta.url).pathname;
const EXPORT = new URL('./fixtures/ocr/telegram-photos/', import.meta.url).pathname;
const PHOTO = join(EXPORT, 'photos', 'photo_1@02-01-2026_10-15-00.jpg');

const engine = findTesseract();
const ready = engine?.languages.includes('kir') === true && engine.languages.includes('rus') && spawnSync('pdftoppm', ['-v']).status === 0 && existsSync(SCAN);
const title = ready ? 'OCR findings in the reports' : 'OCR findings in the reports — SKIPPED: needs tesseract-ocr with kir and rus, poppler-utils (pdftoppm) and ../shared/corpora-real';
if (!ready && process.env['CI'] === 'true') throw new Error(`${title}: in CI this test must run (.ci/run installs them)`);

describe.skipIf(!ready)(title, () => {
  it('places the findings in their pictures and shows the crops with the words boxed, the same bytes twice', async () => {
    const dir = join(tempDir('soz-ocr-report-'), 'case');
    const run = await soz(['run', join(EXPORT, 'result.json'), PHOTO, SCAN, '--out', dir, '--language', 'en']);
    expect(run.code, run.stderr).toBe(0);

    const indicators = derivedAnalysis(dir, 'indicators') as { findings: readonly Finding[] };
    const onPhoto = indicators.findings.find((finding) => finding.place.part === 'image-text');
    expect(onPhoto?.place.image?.sha256).toBe(fileSha256(PHOTO));
    const [left, top, width, height] = onPhoto?.place.image?.box ?? [];
    expect([left, top, width, height].every((value) => typeof value === 'number' && value >= 0)).toBe(true);
    expect(width).toBeGreaterThan(0);

    const scan = derivedDocumentList(dir).find((doc) => doc.evidenceSha256 === fileSha256(SCAN));
    const start = scan?.text.indexOf('ДОГОВОР') ?? -1;
    expect(start).toBeGreaterThanOrEqual(0);
    expect((await soz(['review', dir, '--add', `${scan?.id}:${start}-${start + 'ДОГОВОР'.length}`, '--category', 'address', '--reason', 'title of the scanned contract (fictional check)'])).code).toBe(0);
    expect((await soz(['review', dir, '--accept', onPhoto?.id ?? '', '--reason', 'the words on the posted picture (fictional check)'])).code).toBe(0);

    const reported = await soz(['report', dir, '--format', 'md,html,pdf']);
    expect(reported.code, reported.stderr).toBe(0);
    const reports = join(dir, 'reports');
    const read = (suffix: string) => readFileSync(join(reports, readdirSync(reports).find((name) => name.endsWith(suffix)) ?? ''));
    const html = read('.html').toString('utf8');
    expect(html).toContain(`img-src data:`);
    expect(html.match(/<img src="data:image\/png;base64,/gu)?.length).toBe(2);
    expect(html).toContain(`text read by OCR from the picture SHA-256 ${fileSha256(PHOTO)}`);
    expect(html).toMatch(/text read by OCR from the picture SHA-256 [0-9a-f]{64}, page 1, \d+,\d+ \d+×\d+ px/u);
    expect(read('.md').toString('utf8')).toContain(`text read by OCR from the picture SHA-256 ${fileSha256(PHOTO)}`);
    const pdf = read('.pdf');
    expect(pdf.toString('latin1').match(/\/Subtype \/Image/gu)?.length).toBe(2);

    expect((await soz(['report', dir, '--format', 'md,html,pdf'])).code).toBe(0);
    expect(read('.html').equals(Buffer.from(html, 'utf8'))).toBe(true);
    expect(read('.pdf').equals(pdf)).toBe(true);
  }, 900_000);
});
