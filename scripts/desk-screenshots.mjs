// Screenshots of the desk's main views for the README (docs/desk-*.png): the demo case in a fresh
// folder, the desk on it, Debian's Chromium through playwright-core. Run: npm run desk:screenshots
// (SOZ_CHROMIUM names another Chromium); desk-picture.png when Tesseract is installed. Writes nothing but the demo folder it removes and the PNGs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { runPracticeDemo } from '../dist/pipeline/practice.js';
import { startDesk } from '../dist/desk/server.js';
import { parsedDocument } from '../dist/case/records.js';

const CHROMIUM = process.env.SOZ_CHROMIUM ?? '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) {
  process.stderr.write(`desk:screenshots: no Chromium at ${CHROMIUM}; install it or set SOZ_CHROMIUM\n`);
  process.exit(2);
}
const out = new URL('../docs/', import.meta.url).pathname;
mkdirSync(out, { recursive: true });
const scratch = mkdtempSync(join(tmpdir(), 'soz-desk-shots-'));
const clock = () => new Date('2026-03-12T10:00:00Z');
const dir = join(scratch, 'demo-case');
await runPracticeDemo(dir, clock);
const desk = await startDesk({ caseDir: dir, port: 0, language: 'ru', clock, actor: 'Стажёр' });
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(desk.url);
  await page.waitForSelector('#candidate-list li');
  // A chat candidate: the detail shows the message's author, time and the message it answers.
  const chat = page.locator('#candidate-list li', { hasText: '#' }).first();
  if ((await chat.count()) > 0) await chat.click();
  await page.fill('#reason', 'Побуждение адресовано группе «соседей»');
  await page.screenshot({ path: join(out, 'desk-candidates.png') });
  await page.click('#show-in-document');
  await page.waitForSelector('#document-text mark.current');
  await page.screenshot({ path: join(out, 'desk-document.png') });
  await page.click('#tab-concordance');
  await page.fill('#word', 'скотом');
  await page.click('#concordance-form button[type=submit]');
  await page.waitForSelector('#kwic tr');
  await page.screenshot({ path: join(out, 'desk-concordance.png') });
  await page.click('#tab-procedure');
  await page.waitForSelector('#steps tr');
  await page.screenshot({ path: join(out, 'desk-procedure.png'), fullPage: false });
  // A candidate on the leaflet's PDF page (text layer): the page drawn by pdftoppm, its words boxed.
  await page.click('#tab-candidates');
  await page.locator('#candidate-list li', { hasText: 'listovka.pdf' }).first().click();
  await page.waitForSelector('#picture-boxes rect.word-box');
  await page.locator('#picture-region').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(out, 'desk-pdf-page.png') });
  process.stdout.write(`docs/desk-candidates.png, desk-document.png, desk-concordance.png, desk-procedure.png, desk-pdf-page.png\n`);
  await pictureShot(browser);
} finally {
  await browser.close();
  await desk.close();
  rmSync(scratch, { recursive: true, force: true });
}

/**
 * The picture with the region: a case of the fictional OCR fixture (tests/fixtures/ocr), an
 * examiner's finding on its words, the desk showing the picture with their boxes. Needs Tesseract
 * with Russian data; without it this screenshot is left as it is.
 */
async function pictureShot(browser) {
  if (spawnSync('tesseract', ['--version']).status !== 0) {
    process.stdout.write('docs/desk-picture.png not made: tesseract is not installed\n');
    return;
  }
  const soz = (...args) => spawnSync(process.execPath, [new URL('../bin/soz', import.meta.url).pathname, ...args], { encoding: 'utf8' });
  const caseDir = join(scratch, 'picture-case');
  soz('init', caseDir, '--case-number', 'DEMO-OCR', '--ordering-body', 'учебный центр', '--examiner', 'Стажёр', '--language', 'ru');
  soz('add', caseDir, new URL('../tests/fixtures/ocr/fictional-ru.png', import.meta.url).pathname);
  soz('analyze', caseDir);
  const folder = join(caseDir, 'derived', 'documents');
  const name = readdirSync(folder)[0];
  const doc = parsedDocument(`derived/documents/${name}`, readFileSync(join(folder, name)));
  const start = doc.text.indexOf('Тестовый');
  soz('review', caseDir, '--add', `${doc.id}:${start}-${start + 'Тестовый текст'.length}`, '--category', 'address', '--reason', 'слова на изображении (учебная проверка)');
  const pictureDesk = await startDesk({ caseDir, port: 0, language: 'ru', clock, actor: 'Стажёр' });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(pictureDesk.url);
    await page.waitForSelector('#candidate-list li');
    await page.locator('#candidate-list li').first().click();
    await page.waitForSelector('#picture-boxes rect.finding-box');
    await page.screenshot({ path: join(out, 'desk-picture.png') });
    process.stdout.write('docs/desk-picture.png\n');
  } finally {
    await pictureDesk.close();
  }
}
