// Test pages for OCR, rendered deterministically: the lines are typeset by pdfkit in DejaVu Sans
// (the font the PDF reports embed; it covers Cyrillic with ң ө ү ә і ғ қ ұ һ ҳ ӣ ҷ ӯ ў and Latin
// with ʻ), then rasterised by poppler's pdftoppm. Noise comes from a seeded generator, so the
// same lines and condition give the same PNG bytes. Used by `npm run bench:ocr` and to make the
// OCR test fixtures.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import { mulberry32 } from './seeded-random.mjs';

const require = createRequire(import.meta.url);
const FONT = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf', 'DejaVuSans.ttf');
const FIXED_DATE = new Date(Date.UTC(2026, 0, 1));

/**
 * The conditions a page is rendered in: resolution, rotation (degrees), specks of noise, and the
 * "photographed leaflet" look (grey uneven paper, grey ink, a slight turn and specks).
 */
export const CONDITIONS = {
  'clean-300': { dpi: 300, rotate: 0, specks: 0, leaflet: false },
  'clean-150': { dpi: 150, rotate: 0, specks: 0, leaflet: false },
  'noise-300': { dpi: 300, rotate: 0, specks: 1500, leaflet: false },
  'mild-noise-300': { dpi: 300, rotate: 0, specks: 300, leaflet: false },
  'skew-300': { dpi: 300, rotate: 3, specks: 0, leaflet: false },
  'leaflet-200': { dpi: 200, rotate: -2, specks: 2500, leaflet: true },
};

/** The one-page PDF of `lines` in `condition` (bytes). */
export function pagePdf(lines, condition, { fontSize = 13, seed = 1 } = {}) {
  const spec = CONDITIONS[condition];
  if (!spec) throw new Error(`unknown condition ${condition}`);
  const width = 460;
  const lineHeight = fontSize * 1.6;
  const height = Math.ceil(lines.length * lineHeight + 80);
  const doc = new PDFDocument({ size: [width, height], margin: 0, info: { CreationDate: FIXED_DATE, ModDate: FIXED_DATE, Producer: 'soz bench', Creator: 'soz bench' } });
  const chunks = [];
  doc.on('data', (chunk) => chunks.push(chunk));
  const done = new Promise((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  if (spec.leaflet) {
    const paper = doc.linearGradient(0, 0, width, height);
    paper.stop(0, '#e4e0d6').stop(1, '#b9b4a8');
    doc.rect(0, 0, width, height).fill(paper);
  }
  doc.save();
  if (spec.rotate !== 0) doc.rotate(spec.rotate, { origin: [width / 2, height / 2] });
  doc.font(FONT).fontSize(fontSize).fillColor(spec.leaflet ? '#3a3a3a' : '#000000');
  lines.forEach((line, index) => doc.text(line, 40, 40 + index * lineHeight, { lineBreak: false }));
  doc.restore();
  const random = mulberry32(seed);
  for (let i = 0; i < spec.specks; i++) {
    doc.circle(random() * width, random() * height, 0.2 + random() * 0.45).fill(spec.leaflet ? '#555555' : '#000000');
  }
  doc.end();
  return done;
}

/** Rasterises page 1 of a PDF with pdftoppm (greyscale PNG at `dpi`). */
export function rasterise(pdf, dpi, format = 'png') {
  const run = spawnSync('pdftoppm', ['-r', `${dpi}`, '-f', '1', '-l', '1', '-gray', `-${format}`, '-singlefile', '-'], { input: pdf, maxBuffer: 512 * 1024 * 1024 });
  if (run.error || run.status !== 0) throw new Error(`pdftoppm failed: ${run.error?.message ?? run.stderr.toString()}`);
  return run.stdout;
}

/** The picture of `lines` in `condition`: PNG bytes (or JPEG with format 'jpeg'). */
export async function pagePicture(lines, condition, options = {}) {
  return rasterise(await pagePdf(lines, condition, options), CONDITIONS[condition].dpi, options.format ?? 'png');
}
