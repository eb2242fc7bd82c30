import { spawnSync } from 'node:child_process';
import type { EvidenceRecord } from '../core/case.js';
import type { ImagePlace } from '../core/finding.js';
import { readEvidenceCopy, readManifest } from '../case/records.js';
import type { CaseWorkspace } from '../case/workspace.js';
import type { ConclusionHead } from '../report/model.js';
import type { FindingPicture, FindingPictures } from '../report/ocr-region.js';
import { InternalError } from '../core/errors.js';
import { containerEntryBytes } from '../ingest/container-entry.js';
import { readZipDirectory, readZipEntry } from '../ingest/docs/zip.js';
import { MEDIA_TYPES, sniffMediaType } from '../ingest/sniff.js';
import { PDF_OCR_DPI } from './ocr.js';
import { recordedLimits } from './verify-kept.js';

/** Pixels of picture kept around a finding's words in its crop. */
const CROP_MARGIN = 24;
/** Largest crop side in pixels: a finding spanning a whole page gets its top-left part. */
const CROP_MAX_SIDE = 1600;
const CROP_SECONDS = 60;

/**
 * Crops, for the HTML and PDF reports, of the pictures the reported findings' OCR text came from:
 * a scanned PDF page (of a seized PDF, or of a PDF inside a ZIP or embedded in a PDF) is rasterised
 * again by pdftoppm at the OCR resolution, only the box around the words (so the crop shows what Tesseract read); a PNG or JPEG picture is placed on a page of
 * the crop's size by pdfkit and rasterised at one pixel per point. Both are deterministic. A
 * finding gets no crop (its source line still gives the hash and box) when the picture is of
 * another type, pdftoppm is missing, or it fails.
 */
export async function findingPictures(workspace: CaseWorkspace, model: ConclusionHead): Promise<FindingPictures> {
  const evidence = workspace.evidence();
  const pictures: Record<string, FindingPicture> = {};
  for (const finding of model.objects.flatMap((object) => object.findings)) {
    if (!finding.image) continue;
    const picture = await cropOf(workspace, evidence, finding.evidenceSha256, finding.image);
    if (picture) pictures[finding.id] = picture;
  }
  return pictures;
}

async function cropOf(workspace: CaseWorkspace, evidence: readonly EvidenceRecord[], evidenceSha256: string, image: ImagePlace): Promise<FindingPicture | undefined> {
  const [left, top, width, height] = image.box;
  const x = Math.max(0, left - CROP_MARGIN);
  const y = Math.max(0, top - CROP_MARGIN);
  const crop = { x, y, width: Math.min(CROP_MAX_SIDE, left - x + width + CROP_MARGIN), height: Math.min(CROP_MAX_SIDE, top - y + height + CROP_MARGIN) };
  const region = [left - x, top - y, width, height] as const;
  if (image.page !== undefined) {
    const pdf = await pagePdf(workspace, evidence, evidenceSha256, image.entry);
    return pdf ? withSize(rasterise(pdf, PDF_OCR_DPI, image.page, crop), region) : undefined;
  }
  const bytes = pictureBytes(workspace, evidence, evidenceSha256, image);
  if (!bytes) return undefined;
  const page = await pictureOnPage(bytes, crop);
  return withSize(rasterise(page, 72, 1, { x: 0, y: 0, width: crop.width, height: crop.height }), region);
}

/**
 * The PDF a scanned page belongs to: the evidence file, or the PDF at `entry` inside it (a ZIP member,
 * a PDF's attachment), read again within the limits of the last analysis. Undefined when not found.
 */
export async function pagePdf(workspace: CaseWorkspace, evidence: readonly EvidenceRecord[], evidenceSha256: string, entry: string | undefined): Promise<Uint8Array | undefined> {
  const record = evidence.find((item) => item.sha256 === evidenceSha256);
  if (!record) return undefined;
  const bytes = readEvidenceCopy(workspace, record.copy);
  if (entry === undefined) return record.mediaType === MEDIA_TYPES.pdf ? bytes : undefined;
  return containerEntryBytes(bytes, entry, record.originalName, recordedLimits(readManifest(workspace)?.manifest.parameters['limits'])).catch((error: unknown) => {
    if (error instanceof InternalError) throw error;
    return undefined;
  });
}

/**
 * The whole picture a finding's OCR text was read from, for the desk to show with the words'
 * boxes on it: a PNG or JPEG picture as it is in custody (or in the seized ZIP), a scanned PDF
 * page (of the PDF in custody, or of one inside it: `pagePdf`) rasterised again at the OCR
 * resolution (the boxes are in its pixels). Undefined when the
 * picture is of another type or pdftoppm is missing or fails.
 */
export async function wholePicture(workspace: CaseWorkspace, evidenceSha256: string, image: ImagePlace): Promise<{ bytes: Buffer; mediaType: string } | undefined> {
  const evidence = workspace.evidence();
  if (image.page !== undefined) {
    const pdf = await pagePdf(workspace, evidence, evidenceSha256, image.entry);
    const page = pdf ? rasterise(pdf, PDF_OCR_DPI, image.page) : undefined;
    return page ? { bytes: page, mediaType: 'image/png' } : undefined;
  }
  const bytes = pictureBytes(workspace, evidence, evidenceSha256, image);
  return bytes ? { bytes, mediaType: sniffMediaType(bytes) } : undefined;
}

/** The PNG or JPEG picture's bytes: the evidence file of its hash, or the member of the seized ZIP it was posted in. */
function pictureBytes(workspace: CaseWorkspace, evidence: readonly EvidenceRecord[], evidenceSha256: string, image: ImagePlace): Buffer | undefined {
  const drawable = (mediaType: string) => mediaType === 'image/png' || mediaType === 'image/jpeg';
  if (image.entry === undefined) {
    const picture = evidence.find((record) => record.sha256 === image.sha256);
    return picture && drawable(picture.mediaType) ? readEvidenceCopy(workspace, picture.copy) : undefined;
  }
  const zip = evidence.find((record) => record.sha256 === evidenceSha256 && record.mediaType === MEDIA_TYPES.zip);
  if (!zip) return undefined;
  const bytes = readEvidenceCopy(workspace, zip.copy);
  const member = readZipDirectory(bytes).find((entry) => entry.name === image.entry);
  const data = member ? Buffer.from(readZipEntry(bytes, member)) : undefined;
  return data && drawable(sniffMediaType(data)) ? data : undefined;
}

/** A one-page PDF of the crop's size (points = pixels) showing the picture moved so the crop's corner is the page's. */
async function pictureOnPage(bytes: Buffer, crop: { x: number; y: number; width: number; height: number }): Promise<Buffer> {
  // pdfkit (with its fonts) is loaded only when a report draws a picture, not on every command.
  const { default: PDFDocument } = await import('pdfkit');
  const fixed = new Date(Date.UTC(2000, 0, 1));
  const doc = new PDFDocument({ size: [crop.width, crop.height], margin: 0, info: { CreationDate: fixed, ModDate: fixed, Producer: 'soz', Creator: 'soz' } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.image(bytes, -crop.x, -crop.y);
  doc.end();
  return done;
}

/** One page of a PDF rasterised by pdftoppm, greyscale, only the crop when given (pixels at `dpi`); undefined when pdftoppm fails or is missing. */
export function rasterise(pdf: Uint8Array, dpi: number, page: number, crop?: { x: number; y: number; width: number; height: number }): Buffer | undefined {
  const area = crop ? ['-x', `${crop.x}`, '-y', `${crop.y}`, '-W', `${crop.width}`, '-H', `${crop.height}`] : [];
  const run = spawnSync('pdftoppm', ['-r', `${dpi}`, '-f', `${page}`, '-l', `${page}`, ...area, '-gray', '-png', '-singlefile', '-'], {
    input: pdf,
    timeout: CROP_SECONDS * 1000,
    maxBuffer: 64 * 1024 * 1024,
    env: { PATH: process.env['PATH'] ?? '', LC_ALL: 'C' },
  });
  return !run.error && run.status === 0 ? run.stdout : undefined;
}

/** The crop with its size from the PNG header (width and height follow the signature and IHDR tag). */
function withSize(png: Buffer | undefined, region: FindingPicture['region']): FindingPicture | undefined {
  if (!png || png.byteLength < 24) return undefined;
  return { png, width: png.readUInt32BE(16), height: png.readUInt32BE(20), region };
}
