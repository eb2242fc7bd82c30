import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EvidenceRecord } from '../src/core/case.js';
import type { SozDocument } from '../src/core/document.js';
import type { Finding } from '../src/core/finding.js';
import { findTesseract } from '../src/pipeline/ocr.js';
import { fileSha256, soz, tempDir } from './support/cli.js';
import { mp4 } from './support/media-files.js';
import { derivedAnalysis, derivedDocumentList } from './support/derived.js';

// Issue 16, "done when": every kind of seized item through `soz run` into one case — a real
// scanned PDF (../shared/corpora-real, 0BSD, two pages of a Russian contract), a generated meme
// with Kyrgyz text, a fictional Telegram export folder with photos, an MP4 with its SubRip
// transcript and an unknown binary. Needs Tesseract (kir, rus) and poppler's pdftoppm: `.ci/run`
// installs them and in CI (CI=true) the test must run; elsewhere it is skipped, and says so.

const SCAN = new URL('../../shared/corpora-real/pdf/ru_scanned_contract_image_only_p1-2.pdf', import.meta.url).pathname;
const FIXTURES = new URL('./fixtures/ocr/', import.meta.url).pathname;
const MEME = join(FIXTURES, 'meme-ky.png');
const EXPORT = join(FIXTURES, 'telegram-photos');
const PHOTO_1 = join(EXPORT, 'photos', 'photo_1@02-01-2026_10-15-00.jpg');
const PHOTO_2 = join(EXPORT, 'photos', 'photo_2@03-01-2026_08-00-00.jpg');
const TRANSCRIPT = '1\n00:00:01,000 --> 00:00:04,000\nАзамат: Это вымышленный разговор для проверки.\n';

const engine = findTesseract();
const hasPdftoppm = spawnSync('pdftoppm', ['-v']).status === 0;
const ready = engine?.languages.includes('kir') === true && engine.languages.includes('rus') && hasPdftoppm && existsSync(SCAN);
const title = ready ? 'every seized item through soz run' : 'every seized item through soz run — SKIPPED: needs tesseract-ocr with kir and rus, poppler-utils (pdftoppm) and ../shared/corpora-real';
if (!ready && process.env['CI'] === 'true') throw new Error(`${title}: in CI this test must run (.ci/run installs them)`);

function documents(dir: string): SozDocument[] {
  return derivedDocumentList(dir);
}

describe.skipIf(!ready)(title, () => {
  it('takes every item into custody, reads the scan, meme and posted photo by OCR and the transcript with its times, reports every item, and verifies', async () => {
    const work = tempDir('soz-ocr-case-');
    const clip = join(work, 'clip.mp4');
    writeFileSync(clip, mp4(12));
    writeFileSync(join(work, 'clip.srt'), TRANSCRIPT);
    const unknown = join(work, 'device.bin');
    writeFileSync(unknown, Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 37 + 11) % 256)));
    const dir = join(work, 'case');
    const files = [SCAN, MEME, join(EXPORT, 'result.json'), PHOTO_1, PHOTO_2, clip, join(work, 'clip.srt'), unknown];
    const run = await soz(['run', ...files, '--out', dir, '--language', 'ru', '--transcriber', 'Fictional Examiner']);
    expect(run.code, run.stderr).toBe(0);

    const records = JSON.parse(readFileSync(join(dir, 'evidence.json'), 'utf8')) as EvidenceRecord[];
    expect(records.map((record) => record.sha256).sort()).toEqual(files.map((file) => fileSha256(file)).sort());

    const docs = documents(dir);
    const byName = (name: string) => docs.filter((doc) => doc.evidenceName === name);
    const [scan] = byName('ru_scanned_contract_image_only_p1-2.pdf');
    const scanLines = scan?.segments.filter((segment) => segment.anchor.part === 'ocr') ?? [];
    expect(new Set(scanLines.map((segment) => segment.anchor.page))).toEqual(new Set([1, 2]));
    expect(scan?.text).toContain('ДОГОВОР');
    expect(scanLines.every((segment) => (segment.words ?? []).length > 0)).toBe(true);
    expect(scan?.properties['ocrPage.2.imageSha256']).toMatch(/^[0-9a-f]{64}$/u);
    expect(scan?.notices.filter((notice) => notice.code === 'pdf.needs-ocr')).toEqual([]);

    const [meme] = byName('meme-ky.png');
    expect(meme?.format).toBe('ocr');
    expect(meme?.text).toContain('Өзүңө ишен');

    const [chat] = byName('result.json');
    const imageText = chat?.segments.find((segment) => segment.anchor.part === 'image-text');
    expect(imageText?.message).toMatchObject({ messageId: '2', role: 'forwarded', forwardedFrom: { name: 'Башка вымышленный канал' } });
    expect(imageText?.anchor.imageSha256).toBe(fileSha256(PHOTO_1));
    expect(chat?.text.slice(imageText?.range[0], imageText?.range[1])).toContain('Уничтожьте');
    expect(byName('photo_1@02-01-2026_10-15-00.jpg')[0]?.notices.map((notice) => notice.code)).toContain('image-text.moved');
    expect(byName('photo_2@03-01-2026_08-00-00.jpg')[0]?.notices.map((notice) => notice.code)).toContain('image-text.not-posted');

    const [transcript] = byName('clip.srt');
    expect(transcript?.segments[0]?.anchor).toMatchObject({ part: 'cue', startMs: 1000, endMs: 4000, mediaSha256: fileSha256(clip) });
    expect(byName('device.bin')[0]?.notices.map((notice) => notice.code)).toContain('no-text.unknown-format');

    const indicators = derivedAnalysis(dir, 'indicators') as { findings: readonly Finding[] };
    expect(indicators.findings.some((finding) => finding.place.evidenceName === 'result.json' && finding.place.part === 'image-text' && finding.place.messageId === '2')).toBe(true);

    const reportName = readdirSync(join(dir, 'reports')).find((name) => name.endsWith('.md')) ?? '';
    const report = readFileSync(join(dir, 'reports', reportName), 'utf8').replaceAll('\\', '');
    for (const file of files) expect(report).toContain(fileSha256(file));
    // The clip has no audio track: its duration comes from the movie header (mvhd).
    expect(report).toContain('| clip.mp4 | video/mp4; длительность 00:00:12.000; расшифровка: clip.srt (выполнил(а): Fictional Examiner) |');

    const verified = await soz(['verify', dir]);
    expect(verified.code, verified.stdout + verified.stderr).toBe(0);
  }, 900_000);
});
