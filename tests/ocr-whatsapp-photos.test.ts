import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findTesseract } from '../src/pipeline/ocr.js';
import { fileSha256, soz, tempDir } from './support/cli.js';
import { derivedDocumentList } from './support/derived.js';

// Issue 16: a photo posted in a WhatsApp chat (the `.txt` export and its `IMG-….jpg`) is read by
// OCR and its text follows the message that attached it, with that message's author — as for a
// Telegram export (tests/ocr-case.test.ts). The chat is fictional; the picture is photo_1 of
// tests/fixtures/ocr (see its README). Needs Tesseract with rus; in CI the test must run.

const PICTURE = new URL('./fixtures/ocr/telegram-photos/photos/photo_1@02-01-2026_10-15-00.jpg', import.meta.url).pathname;
const ready = findTesseract()?.languages.includes('rus') === true;
const title = ready ? 'photos posted in a WhatsApp chat' : 'photos posted in a WhatsApp chat — SKIPPED: needs tesseract-ocr with rus';
if (!ready && process.env['CI'] === 'true') throw new Error(`${title}: in CI this test must run (.ci/run installs it)`);

describe.skipIf(!ready)(title, () => {
  it('puts the text of the attached picture under the message that attached it, with its author and the picture hash', async () => {
    const work = tempDir('soz-ocr-whatsapp-');
    const chat = join(work, 'WhatsApp Chat with Азамат.txt');
    writeFileSync(chat, '02.01.2026, 10:15 - Азамат: IMG-20260102-WA0001.jpg (файл добавлен)\n02.01.2026, 10:16 - Азамат: Вымышленное сообщение.\n');
    const picture = join(work, 'IMG-20260102-WA0001.jpg');
    copyFileSync(PICTURE, picture);
    const dir = join(work, 'case');
    const run = await soz(['run', chat, picture, '--out', dir, '--language', 'ru']);
    expect(run.code, run.stderr).toBe(0);
    const chatDoc = derivedDocumentList(dir).find((doc) => doc.format === 'whatsapp-txt');
    const imageText = chatDoc?.segments.filter((segment) => segment.anchor.part === 'image-text') ?? [];
    expect(imageText).toHaveLength(1);
    expect(imageText[0]?.anchor.imageSha256).toBe(fileSha256(picture));
    expect(imageText[0]?.message).toMatchObject({ author: { name: 'Азамат' }, role: 'media-only' });
    expect(chatDoc?.text.slice(imageText[0]?.range[0], imageText[0]?.range[1])).toContain('Уничтожьте их всех!');
    expect(chatDoc?.notices.map((notice) => notice.code)).toContain('image-text.linked');
  }, 300_000);
});
