// OCR accuracy and speed (issue 16). Renders test pages from known text (scripts/ocr-pages.mjs) in
// ru, ky, kk, uz (Cyrillic and Latin), tg and en, in six conditions, reads them with Tesseract
// exactly as soz does (runTesseract of dist/pipeline/ocr.js: one thread, soz's language
// list, then the identified language alone) and prints the character and word error rates per
// language and condition, then the same for three variants: one reading with all languages, only
// the page's own language pack, and Sauvola binarisation (`-c thresholding_method=2`). Tuning and held-out text are
// separate halves: even lines make the tuning page, odd lines the held-out page. Then reads the
// real scanned PDF pages of ../shared/corpora-real/pdf (no ground truth: words, share of
// low-confidence words, time). Prints pages per minute. The worst Cyrillic CER of each condition is
// printed twice: as soz reads, and with the specks soz leaves out kept (before issue 16's filter).
// soz reads with the case language's pack first (SOZ_OCR_CASE_LANGUAGE, default ru as `soz init`).
// Usage: npm run bench:ocr   (SOZ_OCR_LANGS=ky,ru / SOZ_OCR_CONDITIONS=clean-300 / SOZ_OCR_VARIANTS=soz narrow it)
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CONDITIONS, pagePicture } from './ocr-pages.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = process.env.SOZ_DIST ?? join(root, 'dist');
const { findTesseract, forCaseLanguage, runTesseract, tesseractArguments } = await import(pathToFileURL(join(dist, 'pipeline', 'ocr.js')).href);
const { ocrDocument } = await import(pathToFileURL(join(dist, 'ingest', 'ocr-tsv.js')).href);

const caseLanguage = process.env.SOZ_OCR_CASE_LANGUAGE ?? 'ru';
const engine = forCaseLanguage(findTesseract(), caseLanguage);
if (!engine) {
  console.error('bench:ocr needs Tesseract and its language data: apt-get install tesseract-ocr tesseract-ocr-kir tesseract-ocr-rus tesseract-ocr-kaz tesseract-ocr-uzb tesseract-ocr-uzb-cyrl tesseract-ocr-tgk tesseract-ocr-eng poppler-utils');
  process.exit(2);
}

// Text written for soz: five languages from the short sentences of corpora/eval/langid, English
// and Uzbek Latin from corpora/eval/ocr (see its README).
const TEXTS = {
  ky: { file: 'corpora/eval/langid/ky.txt', pack: 'kir' },
  ru: { file: 'corpora/eval/langid/ru.txt', pack: 'rus' },
  kk: { file: 'corpora/eval/langid/kk.txt', pack: 'kaz' },
  'uz-Cyrl': { file: 'corpora/eval/langid/uz_cyrl.txt', pack: 'uzb_cyrl' },
  'uz-Latn': { file: 'corpora/eval/ocr/uz_latn.txt', pack: 'uzb' },
  tg: { file: 'corpora/eval/langid/tg.txt', pack: 'tgk' },
  en: { file: 'corpora/eval/ocr/en.txt', pack: 'eng' },
};
const LINES_PER_PAGE = 10;
const pick = (name, all) => (process.env[name] ? process.env[name].split(',') : all);
const languages = pick('SOZ_OCR_LANGS', Object.keys(TEXTS));
const conditions = pick('SOZ_OCR_CONDITIONS', Object.keys(CONDITIONS));
// `soz` is soz's own reading (runTesseract: all installed languages, then the identified
// language's pack alone); the others are single Tesseract runs with other arguments.
const VARIANTS = {
  soz: 'soz',
  all: () => tesseractArguments(engine.languages),
  own: (pack) => tesseractArguments([pack]),
  sauvola: () => [...tesseractArguments(engine.languages), '-c', 'thresholding_method=2'],
};
const TITLES = {
  soz: `as soz reads (case language ${caseLanguage}: all installed languages with its pack first, then the identified language's pack or the detected script's packs)`,
  all: 'one reading with all installed languages (soz before the language pick)',
  own: "only the page's own language pack",
  sauvola: 'all languages + Sauvola binarisation (-c thresholding_method=2)',
};
const variants = pick('SOZ_OCR_VARIANTS', Object.keys(VARIANTS));

/** One picture read the `variant` way; the text as soz's OCR document has it, and the seconds taken. */
function read(picture, variant, pack) {
  const started = process.hrtime.bigint();
  let tsv;
  let pick = '';
  if (variant === 'soz') {
    const run = runTesseract(picture, engine, 600);
    if ('why' in run) throw new Error(`tesseract failed: ${run.why}`);
    tsv = run.tsv;
    pick = run.pick.split(' ')[0].replace(/:$/u, '');
  } else {
    const run = spawnSync('tesseract', VARIANTS[variant](pack), { input: picture, maxBuffer: 256 * 1024 * 1024, env: { PATH: process.env.PATH ?? '', OMP_THREAD_LIMIT: '1', LC_ALL: 'C' } });
    if (run.error || run.status !== 0) throw new Error(`tesseract failed: ${run.error?.message ?? run.stderr.toString()}`);
    tsv = run.stdout.toString('utf8');
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const doc = ocrDocument({ sha256: '0'.repeat(64), name: 'page.png' }, tsv, engine);
  const words = doc.segments.flatMap((segment) => segment.words ?? []);
  return { text: doc.segments.map((segment) => doc.text.slice(segment.range[0], segment.range[1])).join(' '), withSpecks: everyWord(tsv), seconds, words: words.length, low: words.filter((word) => word.low).length, pick };
}

/** Every word of a TSV reading, specks included: soz's text before specks were left out (issue 16). */
function everyWord(tsv) {
  return tsv.split('\n').map((row) => row.split('\t')).filter((cells) => cells[0] === '5' && (cells[11] ?? '').trim() !== '').map((cells) => cells[11].trim()).join(' ');
}

/** Compared as printed: whitespace runs are one space, and the Uzbek ʻ written as ʻ ‘ ’ ' ʼ is one letter. */
function normalise(text) {
  return text.replace(/[\u02BB\u02BC\u2018\u2019']/gu, 'ʻ').replace(/\s+/gu, ' ').trim();
}

function distance(a, b) {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length];
}

function rates(reference, hypothesis) {
  const ref = normalise(reference);
  const hyp = normalise(hypothesis);
  const refWords = ref.split(' ');
  return { cer: distance([...ref], [...hyp]) / [...ref].length, wer: distance(refWords, hyp.split(' ')) / refWords.length };
}

const percent = (value) => `${(100 * value).toFixed(1)} %`.padStart(8);
let pages = 0;
let seconds = 0;
const results = [];
for (const language of languages) {
  const lines = readFileSync(join(root, TEXTS[language].file), 'utf8').split('\n').filter((line) => line.trim() !== '');
  const halves = { tuning: lines.filter((_, i) => i % 2 === 0).slice(0, LINES_PER_PAGE), 'held-out': lines.filter((_, i) => i % 2 === 1).slice(0, LINES_PER_PAGE) };
  for (const condition of conditions) {
    for (const [half, text] of Object.entries(halves)) {
      const picture = await pagePicture(text, condition, { seed: half === 'tuning' ? 1 : 2 });
      for (const variant of variants) {
        const reading = read(picture, variant, TEXTS[language].pack);
        if (variant === 'soz') {
          pages++;
          seconds += reading.seconds;
        }
        results.push({ language, condition, half, variant, ...rates(text.join(' '), reading.text), before: rates(text.join(' '), reading.withSpecks).cer, pick: reading.pick });
      }
    }
  }
}

console.log(`Tesseract ${engine.version}; soz's languages ${engine.languages.join('+')}; pages of ${LINES_PER_PAGE} lines in DejaVu Sans 13 pt`);
for (const variant of variants) {
  console.log(`\n${TITLES[variant]}: CER / WER, tuning half | held-out half`);
  console.log(`${'language'.padEnd(9)}${conditions.map((condition) => condition.padStart(36)).join('')}`);
  for (const language of languages) {
    const cells = conditions.map((condition) => {
      const [tuning, held] = ['tuning', 'held-out'].map((half) => results.find((r) => r.language === language && r.condition === condition && r.half === half && r.variant === variant));
      return `${percent(tuning.cer)}${percent(tuning.wer)} |${percent(held.cer)}${percent(held.wer)}`.padStart(36);
    });
    console.log(`${language.padEnd(9)}${cells.join('')}`);
  }
  for (const condition of conditions) {
    const cyrillic = results.filter((r) => r.variant === variant && r.condition === condition && ['ky', 'ru', 'kk', 'uz-Cyrl', 'tg'].includes(r.language));
    if (cyrillic.length > 0) console.log(`  worst Cyrillic CER ${condition}: ${percent(Math.max(...cyrillic.map((r) => r.cer))).trim()} (specks kept: ${percent(Math.max(...cyrillic.map((r) => r.before))).trim()})`);
  }
  if (variant === 'soz') {
    console.log('  packs of the reading kept, per language (tuning | held-out) and condition:');
    for (const language of languages) console.log(`    ${language.padEnd(8)}${conditions.map((condition) => ['tuning', 'held-out'].map((half) => results.find((r) => r.language === language && r.condition === condition && r.half === half && r.variant === 'soz').pick).join(' | ')).join('; ')}`);
  }
}
console.log(`\ngenerated pages as soz reads them: ${pages} in ${seconds.toFixed(1)} s of Tesseract = ${((60 * pages) / seconds).toFixed(1)} pages per minute`);

// The real scanned PDFs: every page rasterised as soz does (300 dpi, grey) and read as soz does.
const scans = join(root, '..', 'shared', 'corpora-real', 'pdf');
const REAL = ['ru_scanned_contract_image_only_p1-2.pdf', 'ar_scanned_letter_image_only_1p.pdf'];
if (existsSync(scans) && !process.env.SOZ_OCR_SKIP_REAL) {
  console.log('\nreal scanned pages (../shared/corpora-real/pdf; no ground truth: words read, share below confidence 60, seconds)');
  let realPages = 0;
  let realSeconds = 0;
  for (const name of REAL) {
    const pdf = readFileSync(join(scans, name));
    const count = Number(/Pages:\s+(\d+)/u.exec(spawnSync('pdfinfo', ['-'], { input: pdf }).stdout.toString())?.[1] ?? 0);
    for (let page = 1; page <= count; page++) {
      const started = process.hrtime.bigint();
      const picture = spawnSync('pdftoppm', ['-r', '300', '-f', `${page}`, '-l', `${page}`, '-gray', '-png', '-singlefile', '-'], { input: pdf, maxBuffer: 512 * 1024 * 1024 }).stdout;
      const reading = read(picture, 'soz');
      const taken = Number(process.hrtime.bigint() - started) / 1e9;
      realPages++;
      realSeconds += taken;
      console.log(`  ${name} page ${page}: ${reading.words} words, ${percent(reading.low / Math.max(reading.words, 1)).trim()} low, read with ${reading.pick}, ${taken.toFixed(1)} s (rasterise + OCR)`);
    }
  }
  console.log(`  ${realPages} real pages in ${realSeconds.toFixed(1)} s = ${((60 * realPages) / realSeconds).toFixed(1)} pages per minute`);
}
