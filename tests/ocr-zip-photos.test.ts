import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { findTesseract } from '../src/pipeline/ocr.js';
import { fileSha256, soz, tempDir } from './support/cli.js';
import { derivedAnalysis, derivedDocumentList } from './support/derived.js';

// Issue 16: photos inside a zipped chat export are read by OCR and linked to the messages that
// posted them, as photos of an export folder are. The ZIP is generated from the fictional
// Telegram export of tests/fixtures/ocr/telegram-photos (see its README). Needs Tesseract with
// kir and rus: `.ci/run` installs it and in CI (CI=true) the test must run; elsewhere it is
// skipped, and says so.

const EXPORT = new URL('./fixtures/ocr/telegram-photos/', import.meta.url).pathname;
const PHOTO_1 = 'photos/photo_1@02-01-2026_10-15-00.jpg';
const PHOTO_2 = 'photos/photo_2@03-01-2026_08-00-00.jpg';

const engine = findTesseract();
const ready = engine?.languages.includes('kir') === true && engine.languages.includes('rus');
const title = ready ? 'photos inside a zipped chat export' : 'photos inside a zipped chat export — SKIPPED: needs tesseract-ocr with kir and rus';
if (!ready && process.env['CI'] === 'true') throw new Error(`${title}: in CI this test must run (.ci/run installs it)`);

async function zippedExport(): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const path of ['result.json', PHOTO_1, PHOTO_2]) zip.file(`export/${path}`, readFileSync(join(EXPORT, path)), { date: new Date(Date.UTC(2026, 0, 1)) });
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

describe.skipIf(!ready)(title, () => {
  it('reads the posted photo from the ZIP by OCR, puts its text under its message with the member path and hash in the place, and crops it in the report', async () => {
    const work = tempDir('soz-ocr-zip-');
    const zipFile = join(work, 'telegram-export.zip');
    writeFileSync(zipFile, await zippedExport());
    const dir = join(work, 'case');
    const run = await soz(['run', zipFile, '--out', dir, '--language', 'ru']);
    expect(run.code, run.stderr).toBe(0);

    const docs = derivedDocumentList(dir);
    const chat = docs.find((doc) => doc.entry === 'export/result.json');
    const imageText = chat?.segments.filter((segment) => segment.anchor.part === 'image-text') ?? [];
    expect(imageText).toHaveLength(1);
    expect(imageText[0]?.message).toMatchObject({ messageId: '2', role: 'forwarded' });
    expect(imageText[0]?.anchor).toMatchObject({ entry: 'export/result.json', imageEntry: `export/${PHOTO_1}`, imageSha256: fileSha256(join(EXPORT, PHOTO_1)), evidenceSha256: fileSha256(zipFile) });
    expect(chat?.text.slice(imageText[0]?.range[0], imageText[0]?.range[1])).toContain('Уничтожьте');

    const picture = docs.find((doc) => doc.entry === `export/${PHOTO_1}`);
    expect(picture).toMatchObject({ format: 'ocr', text: '', evidenceName: 'telegram-export.zip' });
    expect(picture?.notices.map((notice) => notice.code)).toContain('image-text.moved');
    // The photo no message posted is not read: it stays listed in the ZIP's manifest as media.
    expect(docs.some((doc) => doc.entry === `export/${PHOTO_2}`)).toBe(false);
    const manifest = docs.find((doc) => doc.format === 'text' && doc.entry === undefined && doc.evidenceName === 'telegram-export.zip');
    expect(manifest?.text).toContain(`export/${PHOTO_2}`);

    const onPhoto = (derivedAnalysis(dir, 'indicators').findings ?? []).find((finding) => finding.place.part === 'image-text');
    expect(onPhoto?.place.image).toMatchObject({ sha256: fileSha256(join(EXPORT, PHOTO_1)), entry: `export/${PHOTO_1}` });
    expect((await soz(['review', dir, '--accept', onPhoto?.id ?? '', '--reason', 'the words on the posted picture (fictional check)'])).code).toBe(0);
    const reported = await soz(['report', dir, '--format', 'html']);
    expect(reported.code, reported.stderr).toBe(0);
    const reports = join(dir, 'reports');
    const html = readFileSync(join(reports, readdirSync(reports).find((name) => name.endsWith('.html')) ?? ''), 'utf8');
    expect(html).toContain(`SHA-256 ${fileSha256(join(EXPORT, PHOTO_1))} (export/${PHOTO_1})`);
    expect(html.match(/<img src="data:image\/png;base64,/gu)?.length).toBe(1);

    const again = await soz(['verify', dir]);
    expect(again.code, again.stderr).toBe(0);
  });
});
