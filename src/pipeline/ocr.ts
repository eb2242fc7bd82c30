import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Notice, SozDocument } from '../core/document.js';
import { sha256 } from '../core/hash.js';
import { InternalError, messageOf } from '../core/errors.js';
import type { OcrEngine, PageReading, Rasteriser } from '../ingest/ocr-tsv.js';
import { ocrDocument, tsvText, withPdfPageText } from '../ingest/ocr-tsv.js';
import { gifFrameCount } from '../ingest/gif-frames.js';
import { tiffPageSizes } from '../ingest/tiff-pages.js';
import { MEDIA_TYPES, isAnimatedWebp } from '../ingest/sniff.js';
import type { LanguageCode, Script } from '../language/index.js';
import { identifyLanguage } from '../language/index.js';

/** Tesseract language data soz asks for, in this order, where installed. */
const WANTED_LANGUAGES = ['kir', 'rus', 'kaz', 'uzb', 'uzb_cyrl', 'tgk', 'ara', 'eng'];

/** Debian packages that give Tesseract and the language data, for the one-line advice. */
export const TESSERACT_INSTALL = 'apt-get install tesseract-ocr tesseract-ocr-kir tesseract-ocr-rus tesseract-ocr-kaz tesseract-ocr-uzb tesseract-ocr-uzb-cyrl tesseract-ocr-tgk tesseract-ocr-ara tesseract-ocr-eng';

/** The Debian package that gives `pdftoppm` and `pdfinfo`, which turn PDF pages without a text layer into pictures. */
export const POPPLER_INSTALL = 'apt-get install poppler-utils';

/** Resolution PDF pages are rasterised at for OCR (Tesseract is told the same). */
export const PDF_OCR_DPI = 300;

/** Limits on OCR of one picture; each has a flag of `soz analyze`. */
export interface OcrLimits {
  /** Longest one Tesseract run may take (`--max-ocr-seconds`). */
  readonly timeoutSeconds: number;
  /** Largest picture OCR is run on, in pixels (`--max-ocr-pixels`): a picture bomb is never decoded. */
  readonly maxPixels: number;
}

export const DEFAULT_OCR_LIMITS: OcrLimits = { timeoutSeconds: 120, maxPixels: 60_000_000 };

/**
 * The document of a picture with its text read by OCR where possible; otherwise the document
 * without text plus a notice naming the file and the reason (not installed, size unknown, past a
 * limit, unreadable). The size is checked from the header before Tesseract sees the bytes.
 */
export async function withOcr(doc: SozDocument, bytes: () => Promise<Uint8Array>, engine: OcrEngine | undefined, limits: OcrLimits): Promise<SozDocument> {
  if (!engine) return withoutTesseract(doc);
  if (doc.properties['mediaType'] === MEDIA_TYPES.tiff) return withTiffOcr(doc, await bytes(), engine, limits);
  const { imageWidth: width, imageHeight: height } = doc.properties;
  if (typeof width !== 'number' || typeof height !== 'number') {
    return withNotice(doc, { code: 'ocr.skipped', severity: 'warning', message: `${doc.evidenceName}: the picture's size could not be read from its header, so OCR was not run; kept without text` });
  }
  if (width * height > limits.maxPixels) {
    return withNotice(doc, { code: 'ocr.skipped', severity: 'warning', message: `${doc.evidenceName}: ${width} × ${height} pixels exceeds the OCR limit of ${limits.maxPixels} pixels; raise it with --max-ocr-pixels` });
  }
  const data = await bytes();
  if (doc.properties['mediaType'] === MEDIA_TYPES.webp && isAnimatedWebp(data)) {
    return withNotice(doc, { code: 'ocr.skipped', severity: 'warning', message: `${doc.evidenceName}: an animated WebP, of which Tesseract's image library decodes no frame, so OCR was not run; save its frames as pictures (e.g. webpmux -get frame 1) and add them as evidence of their own` });
  }
  return ocrPicture(doc, data, engine, limits.timeoutSeconds);
}

/**
 * A TIFF read by OCR: Tesseract reads every page, so every page's size (from the chain of IFDs over
 * the whole file, `tiffPageSizes`) is checked against the pixel limit first — a bomb on page 2 is
 * never decoded — and recorded (`imagePages`; the size of page 1 where the header window held no
 * IFD). Pages that cannot be measured are not read.
 */
function withTiffOcr(doc: SozDocument, bytes: Uint8Array, engine: OcrEngine, limits: OcrLimits): SozDocument {
  const pages = tiffPageSizes(bytes);
  const [first] = pages ?? [];
  if (pages === undefined || first === undefined) {
    return withNotice(doc, { code: 'ocr.skipped', severity: 'warning', message: `${doc.evidenceName}: the sizes of the TIFF's pages could not be read from its directories, so OCR was not run; kept without text` });
  }
  const measured = { ...doc, properties: { imageWidth: first.width, imageHeight: first.height, ...doc.properties, imagePages: pages.length } };
  const over = pages.findIndex((page) => page.width * page.height > limits.maxPixels);
  const page = pages[over];
  if (page !== undefined) {
    return withNotice(measured, { code: 'ocr.skipped', severity: 'warning', message: `${doc.evidenceName}: page ${over + 1} of ${pages.length} is ${page.width} × ${page.height} pixels, over the OCR limit of ${limits.maxPixels} pixels; no page was read; raise it with --max-ocr-pixels` });
  }
  return ocrPicture(measured, bytes, engine, limits.timeoutSeconds);
}

/**
 * The OCR programs of this machine, each looked up once and only when a document needs it, so a
 * case without pictures or scanned pages does not depend on what is installed.
 */
export class OcrTools {
  private engineLookup: { readonly found: OcrEngine | undefined } | undefined;
  private rasteriserLookup: { readonly found: Rasteriser | undefined } | undefined;

  /** @param caseLanguage the case language (`soz init --language`): its pack leads every first reading. */
  constructor(private readonly caseLanguage: LanguageCode) {}

  /** Tesseract with its installed packs in the order this case reads them ({@link forCaseLanguage}). */
  engine(): OcrEngine | undefined {
    this.engineLookup ??= { found: forCaseLanguage(findTesseract(), this.caseLanguage) };
    return this.engineLookup.found;
  }

  rasteriser(): Rasteriser | undefined {
    this.rasteriserLookup ??= { found: findRasteriser() };
    return this.rasteriserLookup.found;
  }

  /** What the manifest records: the engine (null when absent or never needed) and, once PDF pages needed it, the rasteriser. */
  recorded(): { readonly engine: OcrEngine | null; readonly rasteriser?: Rasteriser | null } {
    return { engine: this.engineLookup?.found ?? null, ...(this.rasteriserLookup ? { rasteriser: this.rasteriserLookup.found ?? null } : {}) };
  }
}

/**
 * The PDF document with the pages it lists as having no text layer (`pagesNeedingOcrList`) read
 * by OCR: each page rasterised alone by `pdftoppm` at a fixed resolution, then read by Tesseract
 * as a picture is. A page past a limit, or one a program fails on, keeps its `pdf.needs-ocr`
 * notice plus one naming the page and why; without the programs one notice says what to install.
 * `bytes` gives the PDF's own bytes — for a PDF inside a ZIP or embedded in a PDF, the entry read
 * again from its container (`containerEntryBytes`) — or undefined when they cannot be found again.
 */
export async function withPdfOcr(doc: SozDocument, bytes: () => Promise<Uint8Array | undefined>, tools: OcrTools, limits: OcrLimits): Promise<SozDocument> {
  const pages = `${doc.properties['pagesNeedingOcrList'] ?? ''}`.split(',').filter((page) => page !== '').map(Number);
  if (pages.length === 0) return doc;
  const name = doc.entry !== undefined ? `${doc.evidenceName}!/${doc.entry}` : doc.evidenceName;
  const engine = tools.engine();
  const rasteriser = tools.rasteriser();
  if (!engine || !rasteriser) {
    const missing = [...(rasteriser ? [] : [`pdftoppm (${POPPLER_INSTALL})`]), ...(engine ? [] : [`Tesseract (${TESSERACT_INSTALL})`])].join(' and ');
    return withNotice(doc, { code: 'ocr.unavailable', severity: 'warning', message: `${name}: page(s) ${pages.join(',')} have no text layer; reading them by OCR needs ${missing}; install it and run soz analyze again` });
  }
  const pdf = await bytes().catch((error: unknown) => {
    if (error instanceof InternalError) throw error;
    return messageOf(error);
  });
  if (typeof pdf === 'string' || pdf === undefined) {
    const why = typeof pdf === 'string' ? ` (${firstLine(pdf)})` : '';
    return withNotice(doc, { code: 'ocr.failed', severity: 'warning', message: `${name}: page(s) ${pages.join(',')} have no text layer, and the PDF could not be read again from its container for OCR${why}` });
  }
  const readings: PageReading[] = [];
  const problems: Notice[] = [];
  for (const page of pages) {
    const outcome = readPdfPage(pdf, page, engine, limits);
    if ('tsv' in outcome) readings.push(outcome);
    else problems.push({ ...outcome, anchor: { page, part: 'page' } });
  }
  const read = readings.length > 0 ? withPdfPageText(doc, readings, engine, rasteriser) : doc;
  return { ...read, notices: [...read.notices, ...problems.map((problem) => ({ ...problem, message: `${name}: ${problem.message}` }))] };
}

/** One PDF page: its size checked against the pixel limit, rasterised, read; or a notice saying why not. */
function readPdfPage(pdf: Uint8Array, page: number, engine: OcrEngine, limits: OcrLimits): PageReading | Notice {
  const range = ['-f', `${page}`, '-l', `${page}`];
  const info = runTool('pdfinfo', [...range, '-'], pdf, limits.timeoutSeconds);
  const size = 'output' in info ? new RegExp(`Page\\s+${page} size:\\s+([\\d.]+) x ([\\d.]+) pts`, 'u').exec(info.output.toString('latin1')) : null;
  if (!size) return { code: 'ocr.skipped', severity: 'warning', message: `page ${page}: its size could not be read (${'why' in info ? info.why : 'pdfinfo gave none'}), so it was not rasterised for OCR` };
  const pixels = Math.ceil((Number(size[1]) / 72) * PDF_OCR_DPI) * Math.ceil((Number(size[2]) / 72) * PDF_OCR_DPI);
  if (pixels > limits.maxPixels) {
    return { code: 'ocr.skipped', severity: 'warning', message: `page ${page} at ${PDF_OCR_DPI} dpi would be ${pixels} pixels, over the OCR limit of ${limits.maxPixels} pixels; raise it with --max-ocr-pixels` };
  }
  const picture = runTool('pdftoppm', ['-r', `${PDF_OCR_DPI}`, ...range, '-gray', '-png', '-singlefile', '-'], pdf, limits.timeoutSeconds);
  if ('why' in picture) return { code: 'ocr.failed', severity: 'warning', message: `page ${page}: pdftoppm ${picture.why}` };
  const read = runTesseract(picture.output, engine, limits.timeoutSeconds);
  if ('why' in read) return { code: 'ocr.failed', severity: 'warning', message: `page ${page}: ${read.why}` };
  return { page, tsv: read.tsv, imageSha256: sha256(picture.output), languages: read.engine.languages, languagePick: read.pick };
}

/** `pdftoppm` on this machine with its version; undefined when poppler-utils is not installed. */
export function findRasteriser(): Rasteriser | undefined {
  const version = spawnSync('pdftoppm', ['-v'], { encoding: 'utf8' });
  if (version.error || version.status !== 0) return undefined;
  return { version: `pdftoppm ${/version\s+(\S+)/u.exec(`${version.stdout}${version.stderr}`)?.[1] ?? 'unknown'}`, dpi: PDF_OCR_DPI };
}

/**
 * Tesseract on this machine (`tesseract` on PATH): version, the wanted languages it has and the
 * hash of each language's data file; undefined when it is not installed or has none of them.
 */
export function findTesseract(): OcrEngine | undefined {
  const version = spawnSync('tesseract', ['--version'], { encoding: 'utf8' });
  if (version.error || version.status !== 0) return undefined;
  const listed = spawnSync('tesseract', ['--list-langs'], { encoding: 'utf8' });
  const output = `${listed.stdout}`;
  const folder = /"([^"]+)"/u.exec(output)?.[1];
  const installed = new Set(output.split('\n').slice(1).map((line) => line.trim()));
  const languages = WANTED_LANGUAGES.filter((language) => installed.has(language));
  if (folder === undefined || languages.length === 0) return undefined;
  const dataSha256 = Object.fromEntries(languages.map((language) => [language, sha256(readFileSync(join(folder, `${language}.traineddata`)))]));
  return { version: /tesseract\s+(\S+)/u.exec(`${version.stdout}${version.stderr}`)?.[1] ?? 'unknown', languages, dataSha256 };
}

/**
 * OCR of one picture: Tesseract single-threaded (OMP_THREAD_LIMIT=1) with fixed parameters, so
 * the same image gives the same words. Past `timeoutSeconds`, or when Tesseract cannot read the
 * image, `doc` (the document without text) comes back with a notice naming the file and why.
 */
function ocrPicture(doc: SozDocument, bytes: Uint8Array, engine: OcrEngine, timeoutSeconds: number): SozDocument {
  const run = runTesseract(bytes, engine, timeoutSeconds);
  if ('why' in run) return withNotice(doc, { code: 'ocr.failed', severity: 'warning', message: `${doc.evidenceName}: ${run.why}; kept without text` });
  const read = ocrDocument({ sha256: doc.evidenceSha256, name: doc.evidenceName, ...(doc.entry !== undefined ? { entry: doc.entry } : {}) }, run.tsv, run.engine);
  const withPick = { ...read, properties: { ...doc.properties, ...read.properties, ocrLanguagePick: run.pick } };
  return doc.properties['mediaType'] === MEDIA_TYPES.gif ? withGifFrames(withPick, gifFrameCount(bytes)) : withPick;
}

/**
 * A GIF read by OCR with its frame count (`imageFrames`) and, unless it is one still picture, the
 * notice `ocr.first-frame-only`: Leptonica gives Tesseract the first frame and no other, so the
 * text of later frames is counted as unread, never silently missing.
 */
function withGifFrames(doc: SozDocument, frames: number | undefined): SozDocument {
  if (frames === 1) return { ...doc, properties: { ...doc.properties, imageFrames: 1 } };
  const first = 'frame 2';
  const notice: Notice = frames === undefined || frames === 0
    ? { code: 'ocr.first-frame-only', severity: 'warning', message: `${doc.evidenceName}: OCR read the GIF's first frame only; how many frames follow could not be read from its blocks — check the picture for later frames` }
    : { code: 'ocr.first-frame-only', severity: 'warning', message: `${doc.evidenceName}: an animated GIF of ${frames} frames; OCR read the first frame only, the other ${frames - 1} were not read — check them in the picture`, unread: { kind: 'GIF frame after the first', count: frames - 1, first } };
  return { ...withNotice(doc, notice), properties: { ...doc.properties, ...(frames ? { imageFrames: frames } : {}) } };
}

/**
 * Tesseract's command line for one picture on stdin, TSV on stdout: the fixed parameters every
 * reading uses (`npm run bench:ocr` measures with the same, plus the variants it compares).
 */
export function tesseractArguments(languages: readonly string[]): string[] {
  return ['stdin', 'stdout', '-l', languages.join('+'), '--dpi', `${PDF_OCR_DPI}`, '--psm', '3', 'tsv'];
}

/** Tesseract's language pack for each language soz identifies. */
const PACKS: Readonly<Record<LanguageCode, string>> = { ky: 'kir', ru: 'rus', kk: 'kaz', 'uz-Cyrl': 'uzb_cyrl', 'uz-Latn': 'uzb', tg: 'tgk', ar: 'ara', en: 'eng' };

/** The script each pack reads (a pack not listed reads none soz narrows to). */
const PACK_SCRIPTS: Readonly<Record<string, Script>> = { kir: 'Cyrillic', rus: 'Cyrillic', kaz: 'Cyrillic', uzb_cyrl: 'Cyrillic', tgk: 'Cyrillic', uzb: 'Latin', eng: 'Latin', ara: 'Arabic' };

/**
 * The engine with the case language's pack moved to the front of its installed packs, the others
 * keeping their fixed order: Tesseract takes its first language as the primary one, so the case
 * language leads the first reading of every picture and page. Unchanged when that pack is absent.
 */
export function forCaseLanguage(engine: OcrEngine | undefined, caseLanguage: LanguageCode): OcrEngine | undefined {
  const pack = PACKS[caseLanguage];
  if (engine === undefined || !engine.languages.includes(pack)) return engine;
  return { ...engine, languages: [pack, ...engine.languages.filter((language) => language !== pack)] };
}

/** Share of a first reading's letters one language must hold for the second reading to use its pack alone. */
const PICK_SHARE = 0.8;
/**
 * Letters a first reading must hold before one language's pack alone may read it again: a meme of
 * one to three words identifies as any language of its script with full confidence («Мир» as
 * Uzbek), and one wrong pack then misreads the rest; below this the script's packs read it.
 */
const PICK_MIN_LETTERS = 40;

/**
 * Tesseract's TSV for one picture with the fixed parameters, or why there is none. A first reading
 * uses every installed pack in the engine's order (the case language's first, {@link forCaseLanguage});
 * its text then chooses the packs of the reading kept ({@link secondReadingPacks}): the identified
 * language's pack alone, else the packs of the detected script, else the first reading stands.
 * `npm run bench:ocr` measured the single pack at 0.4 % CER against 4 % for all eight on clean
 * Uzbek and Tajik pages, where neighbouring packs swap look-alike letters. The engine returned
 * names the languages of the reading kept, and `pick` says how they were chosen.
 */
export function runTesseract(picture: Uint8Array, engine: OcrEngine, timeoutSeconds: number): { readonly tsv: string; readonly engine: OcrEngine; readonly pick: string } | { readonly why: string } {
  const first = readWith(picture, engine.languages, timeoutSeconds);
  if ('why' in first) return first;
  const second = secondReadingPacks(tsvText(first.tsv), engine.languages);
  if (second.packs === undefined) return { tsv: first.tsv, engine, pick: `${engine.languages.join('+')} (${second.why})` };
  const reread = readWith(picture, second.packs, timeoutSeconds);
  if ('why' in reread) return reread;
  return { tsv: reread.tsv, engine: { ...engine, languages: second.packs }, pick: `${second.packs.join('+')}: ${second.why} in a first reading with ${engine.languages.join('+')}` };
}

/**
 * Which packs read a picture again, from the text of its first reading with `installed` (in
 * order): the identified language's pack alone when that language holds at least 80 % of a text
 * of at least {@link PICK_MIN_LETTERS} letters; else, when one script holds 80 % of its letters and only some installed packs read that
 * script, those packs in their order; else none (`packs` undefined: the first reading stands).
 * `why` says what decided, for `ocrLanguagePick`.
 */
export function secondReadingPacks(text: string, installed: readonly string[]): { readonly packs: readonly string[] | undefined; readonly why: string } {
  const guess = identifyLanguage(text);
  const identified = `identified: ${guess.language}${guess.reason !== undefined ? `, ${guess.reason}` : ''}`;
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  const pack = guess.language !== 'und' && letters >= PICK_MIN_LETTERS && (guess.shares[guess.language] ?? 0) >= PICK_SHARE ? PACKS[guess.language] : undefined;
  if (pack !== undefined && installed.includes(pack) && installed.length > 1) return { packs: [pack], why: `${guess.language} identified` };
  const ofScript = installed.filter((language) => PACK_SCRIPTS[language] === guess.script);
  if (ofScript.length > 0 && ofScript.length < installed.length) return { packs: ofScript, why: `${guess.script} script detected (${identified})` };
  return { packs: undefined, why: `kept: script ${guess.script}, ${identified}` };
}

function readWith(picture: Uint8Array, languages: readonly string[], timeoutSeconds: number): { readonly tsv: string } | { readonly why: string } {
  const run = runTool('tesseract', tesseractArguments(languages), picture, timeoutSeconds);
  if ('why' in run) return { why: run.timedOut ? run.why : `Tesseract could not read it (${run.why})` };
  return { tsv: run.output.toString('utf8') };
}

/**
 * One run of an OCR program on bytes given on stdin, single-threaded and in the C locale so its
 * output depends on nothing but the input; past `timeoutSeconds` it is stopped.
 */
function runTool(command: string, args: readonly string[], input: Uint8Array, timeoutSeconds: number): { readonly output: Buffer } | { readonly why: string; readonly timedOut: boolean } {
  const run = spawnSync(command, args, {
    input,
    timeout: timeoutSeconds * 1000,
    maxBuffer: 1024 * 1024 * 1024,
    env: { PATH: process.env['PATH'] ?? '', OMP_THREAD_LIMIT: '1', LC_ALL: 'C' },
  });
  if (!run.error && run.status === 0) return { output: run.stdout };
  const timedOut = run.signal === 'SIGTERM' || (run.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT';
  if (timedOut) return { why: `OCR ran past the limit of ${timeoutSeconds} s; raise it with --max-ocr-seconds`, timedOut };
  return { why: firstLine((run.stderr as Buffer | null)?.toString('utf8')) || firstLine(run.error?.message) || `exit ${run.status}`, timedOut };
}

/** The notice for a picture when Tesseract is not installed: one line saying what to install. */
function withoutTesseract(doc: SozDocument): SozDocument {
  return withNotice(doc, { code: 'ocr.unavailable', severity: 'warning', message: `${doc.evidenceName}: OCR needs Tesseract, which is not installed; install it (${TESSERACT_INSTALL}) and run soz analyze again` });
}

function withNotice(doc: SozDocument, notice: Notice): SozDocument {
  return { ...doc, notices: [...doc.notices, notice] };
}

function firstLine(text: string | undefined): string {
  return (text ?? '').split('\n').find((line) => line.trim() !== '')?.trim() ?? '';
}
