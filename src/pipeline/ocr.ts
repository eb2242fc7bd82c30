import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Notice, SozDocument } from '../core/document.js';
import { sha256 } from '../core/hash.js';
import type { OcrEngine } from '../ingest/ocr-tsv.js';
import { ocrDocument } from '../ingest/ocr-tsv.js';

/** Tesseract language data soz asks for, in this order, where installed. */
const WANTED_LANGUAGES = ['kir', 'rus', 'kaz', 'uzb', 'uzb_cyrl', 'tgk', 'ara', 'eng'];

/** Debian packages that give Tesseract and the language data, for the one-line advice. */
export const TESSERACT_INSTALL = 'apt-get install tesseract-ocr tesseract-ocr-kir tesseract-ocr-rus tesseract-ocr-kaz tesseract-ocr-uzb tesseract-ocr-uzb-cyrl tesseract-ocr-tgk tesseract-ocr-ara tesseract-ocr-eng';

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
  const { imageWidth: width, imageHeight: height } = doc.properties;
  if (typeof width !== 'number' || typeof height !== 'number') {
    return withNotice(doc, { code: 'ocr.skipped', severity: 'warning', message: `${doc.evidenceName}: the picture's size could not be read from its header, so OCR was not run; kept without text` });
  }
  if (width * height > limits.maxPixels) {
    return withNotice(doc, { code: 'ocr.skipped', severity: 'warning', message: `${doc.evidenceName}: ${width} × ${height} pixels exceeds the OCR limit of ${limits.maxPixels} pixels; raise it with --max-ocr-pixels` });
  }
  return ocrPicture(doc, await bytes(), engine, limits.timeoutSeconds);
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
  const run = spawnSync('tesseract', ['stdin', 'stdout', '-l', engine.languages.join('+'), '--dpi', '300', '--psm', '3', 'tsv'], {
    input: bytes,
    encoding: 'utf8',
    timeout: timeoutSeconds * 1000,
    maxBuffer: 256 * 1024 * 1024,
    env: { PATH: process.env['PATH'] ?? '', OMP_THREAD_LIMIT: '1', LC_ALL: 'C' },
  });
  if (run.error || run.status !== 0) {
    const timedOut = run.signal === 'SIGTERM' || (run.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT';
    const why = timedOut ? `OCR ran past the limit of ${timeoutSeconds} s; raise it with --max-ocr-seconds` : `Tesseract could not read it (${firstLine(run.stderr) || firstLine(run.error?.message)})`;
    return withNotice(doc, { code: 'ocr.failed', severity: 'warning', message: `${doc.evidenceName}: ${why}; kept without text` });
  }
  const read = ocrDocument({ sha256: doc.evidenceSha256, name: doc.evidenceName, ...(doc.entry !== undefined ? { entry: doc.entry } : {}) }, run.stdout, engine);
  return { ...read, properties: { ...doc.properties, ...read.properties } };
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
