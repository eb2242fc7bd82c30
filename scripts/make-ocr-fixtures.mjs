// Makes the fictional pictures of tests/fixtures/ocr (see its README) with the renderer of
// `npm run bench:ocr`; the same bytes on every run. Usage: node scripts/make-ocr-fixtures.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pagePicture } from './ocr-pages.mjs';

const dir = fileURLToPath(new URL('../tests/fixtures/ocr/', import.meta.url));
const PICTURES = [
  { path: 'meme-ky.png', lines: ['Тоолор бийик, жолдор узун.', 'Өзүңө ишен, күчүң көп!'], format: 'png' },
  { path: 'telegram-photos/photos/photo_1@02-01-2026_10-15-00.jpg', lines: ['Жаңы күн башталды.', 'Уничтожьте их всех!'], format: 'jpeg' },
  { path: 'telegram-photos/photos/photo_2@03-01-2026_08-00-00.jpg', lines: ['Бул сүрөт эч кимге жиберилген эмес.'], format: 'jpeg' },
];
for (const picture of PICTURES) {
  const file = join(dir, picture.path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, await pagePicture(picture.lines, 'clean-150', { fontSize: 26, format: picture.format }));
}
