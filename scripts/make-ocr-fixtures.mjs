// Makes the fictional pictures of tests/fixtures/ocr (see its README) with the renderer of
// `npm run bench:ocr`; the same bytes on every run. Usage: node scripts/make-ocr-fixtures.mjs
// The WebP, BMP, GIF and TIFF pictures are converted from the rendered PNG by Debian's tools
// (`apt-get install webp imagemagick libimage-exiftool-perl`): cwebp for WebP, ImageMagick's convert for
// BMP, GIF and TIFF (`SOZ_CONVERT` names it when another `convert` comes first on PATH), exiftool for
// the EXIF of a WebP.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

const work = mkdtempSync(join(tmpdir(), 'soz-ocr-fixtures-'));
const convert = process.env.SOZ_CONVERT ?? 'convert';
/** Renders `lines` as a PNG in the work folder and returns its path. */
async function rendered(name, lines) {
  const file = join(work, `${name}.png`);
  writeFileSync(file, await pagePicture(lines, 'clean-150', { fontSize: 26 }));
  return file;
}
function run(command, args) {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.error || result.status !== 0) throw new Error(`${command} failed: ${result.error?.message ?? result.stderr}`);
}
try {
  run('cwebp', ['-quiet', '-lossless', '-metadata', 'none', await rendered('webp', ['Күз келди, жаан жаады.', 'Көңүлүң көтөрүңкү болсун!']), '-o', join(dir, 'card-ky.webp')]);
  // The same card with a fictional camera's EXIF chunk after the pixels, as exiftool writes it.
  copyFileSync(join(dir, 'card-ky.webp'), join(dir, 'card-ky-exif.webp'));
  run('exiftool', ['-q', '-overwrite_original', '-Make=Fictional Optics', '-Model=FX-1', '-DateTimeOriginal=2024:03:01 10:15:00', join(dir, 'card-ky-exif.webp')]);
  run(convert, [await rendered('bmp', ['Өзөн боюнда жаңы үй бар.', 'Балдар ойноп жүрөт.']), '-strip', '-monochrome', `BMP3:${join(dir, 'note-ky.bmp')}`]);
  // Two frames of the same size: only the first is read by OCR, and a notice says so.
  const first = await rendered('gif-1', ['Биринчи көрүнүш: тоо көлү.', 'Түнкү асман жылдыздуу.']);
  const second = await rendered('gif-2', ['Экинчи көрүнүш окулбайт.', 'Бул сап отчетко кирбейт.']);
  run(convert, ['-delay', '100', first, second, '-strip', '-colors', '16', '-loop', '0', join(dir, 'animated-ky.gif')]);
  // Two pages, each read by OCR as its own page.
  const page1 = await rendered('tiff-1', ['Биринчи бет: айыл четинде.', 'Өрүк бактары гүлдөдү.']);
  const page2 = await rendered('tiff-2', ['Экинчи бет: шаар борбору.', 'Көчөлөр кеңири жана таза.']);
  run(convert, [page1, page2, '-strip', '-monochrome', '-compress', 'Group4', join(dir, 'pages-ky.tif')]);
} finally {
  rmSync(work, { recursive: true, force: true });
}
