/**
 * The parts of a PDF besides its page text: each becomes its own segment labelled with its part
 * (after the page segments, so page offsets do not move), and whatever soz reads but does not turn
 * into text, or suspects a reader cannot see, gets a notice.
 */
import type { DocumentBuilder } from '../../core/document-builder.js';
import type { DocumentProperties, SegmentPart } from '../../core/document.js';
import { compareCodeUnits } from '../../core/canonical-json.js';
import { sha256 } from '../../core/hash.js';
import { sanitiseMetadata } from '../docs/common.js';
import { sniffMediaType } from '../sniff.js';
import type { PdfContent, PdfRun } from './content.js';
import type { RunFlag } from './text-runs.js';
import { TINY_TEXT_POINTS } from './text-runs.js';

/** Info dictionary entries that are text someone wrote; Creator and Producer stay properties. */
const INFO_TEXT_KEYS = ['Title', 'Author', 'Subject', 'Keywords'] as const;
/** XMP entries that are text someone wrote (Dublin Core, PDF keywords); ids, dates and tools are not. */
const XMP_TEXT = /^(dc:|pdf:keywords$)/i;

const FLAG_NOTICES: Readonly<Record<RunFlag, { code: string; what: string; advice: string }>> = {
  invisible: { code: 'pdf.invisible-text', what: 'in invisible render mode (Tr 3 or 7): not painted', advice: 'it is in the page text' },
  white: { code: 'pdf.white-text', what: 'filled in white (invisible on a white background)', advice: 'it is in the page text; compare with the page as printed' },
  tiny: { code: 'pdf.tiny-text', what: `smaller than ${TINY_TEXT_POINTS} pt`, advice: 'it is in the page text' },
  'off-page': { code: 'pdf.off-page-text', what: 'outside the page box (not shown or printed)', advice: 'pdf.js leaves it out of the page text; soz keeps it in a segment labelled pdf-off-page' },
  'hidden-layer': { code: 'pdf.hidden-layer-text', what: 'in an optional-content layer hidden by default', advice: 'it is in the page text' },
  unmapped: {
    code: 'pdf.unmapped-glyphs',
    what: 'in glyphs that do not map to Unicode (no ToUnicode table, non-standard glyph names)',
    advice: 'the page text shows character codes there, not what is printed; compare with the page image',
  },
};
const FLAG_ORDER: readonly RunFlag[] = ['invisible', 'white', 'tiny', 'off-page', 'hidden-layer', 'unmapped'];

/**
 * Adds the non-page parts of `content` to `builder` as labelled segments with their notices, and
 * returns the counts to record as document properties (only those above zero, so a PDF without
 * such parts keeps the properties it always had).
 */
export function addPdfParts(builder: DocumentBuilder, content: PdfContent, fileName: string, attachmentOutcomes: readonly string[]): DocumentProperties {
  const ids = new Set<string>();
  const counts: Record<string, number> = {};
  const count = (key: string) => (counts[key] = (counts[key] ?? 0) + 1);
  /** Adds a segment under a unique id and counts it under `property`; returns the id. */
  const add: AddSegment = (candidate, text, part, property, page, author) => {
    let id = candidate;
    for (let n = 2; ids.has(id); n++) id = `${candidate}~${n}`;
    ids.add(id);
    builder.add({ id, text, part, ...(page !== undefined ? { anchor: { page } } : {}), ...(author !== undefined ? { author } : {}) });
    if (property !== undefined) count(property);
    return id;
  };

  for (const key of INFO_TEXT_KEYS) {
    const value = content.info[key];
    if (typeof value === 'string' && value.trim() !== '') add(`info.${key}`, value, 'pdf-info', 'infoEntriesRead');
  }
  const custom = content.info['Custom'];
  if (custom !== null && typeof custom === 'object') {
    for (const [key, value] of Object.entries(custom).sort(([a], [b]) => compareCodeUnits(a, b))) {
      if (typeof value === 'string' && value.trim() !== '') add(`info.${safeId(key)}`, value, 'pdf-info', 'infoEntriesRead');
    }
  }
  const otherXmp: string[] = [];
  for (const [key, value] of [...content.xmp].sort(([a], [b]) => compareCodeUnits(a, b))) {
    if (XMP_TEXT.test(key)) add(`xmp.${safeId(key)}`, value, 'pdf-xmp', 'xmpEntriesRead');
    else otherXmp.push(key);
  }
  if (otherXmp.length > 0) {
    builder.notice({
      code: 'pdf.xmp-not-text',
      severity: 'info',
      message: `${fileName}: ${otherXmp.length} XMP metadata entr${otherXmp.length === 1 ? 'y is' : 'ies are'} identifiers, dates or tool names, not read as text: ${sanitiseMetadata(otherXmp.join(', '), 300) ?? ''}`,
    });
  }
  for (const bookmark of content.bookmarks) {
    const id = `bookmark.${bookmark.path.join('.')}`;
    add(id, bookmark.title, 'pdf-bookmark', 'bookmarks');
    if (bookmark.url !== undefined) add(`${id}.link`, bookmark.url, 'pdf-link', 'links');
  }
  const perPage = new Map<string, number>();
  const pageId = (page: number, kind: string) => {
    const key = `p${page}.${kind}`;
    const n = (perPage.get(key) ?? 0) + 1;
    perPage.set(key, n);
    return `${key}${n}`;
  };
  for (const annotation of content.annotations) {
    const author = sanitiseMetadata(annotation.author, 120);
    const id = add(pageId(annotation.page, 'annotation'), annotation.text, 'pdf-annotation', 'annotations', annotation.page, author);
    const dates = [annotation.created !== undefined ? `created ${pdfDate(annotation.created)}` : '', annotation.modified !== undefined ? `modified ${pdfDate(annotation.modified)}` : ''].filter((d) => d !== '');
    builder.notice({
      code: 'pdf.annotation',
      severity: 'info',
      message: `${fileName}: page ${annotation.page}: ${sanitiseMetadata(annotation.subtype, 40) ?? 'unnamed'} annotation (segment ${id})${author !== undefined ? ` by "${author}"` : ''}${dates.length > 0 ? `, ${dates.join(', ')}` : ''}`,
      anchor: { page: annotation.page, part: 'pdf-annotation' },
    });
  }
  for (const link of content.links) add(pageId(link.page, 'link'), link.url, 'pdf-link', 'links', link.page);
  for (const field of content.fields) add(`field.${safeId(field.name)}`, field.value, 'pdf-form-field', 'formFields', field.page);
  content.attachments.forEach((attachment, index) => {
    const id = add(`attachment.${index + 1}`, attachment.name, 'pdf-attachment-name', 'attachments');
    const description = sanitiseMetadata(attachment.description, 200);
    builder.notice({
      code: 'pdf.attachment',
      severity: 'warning',
      message: `${fileName}: embedded file "${sanitiseMetadata(attachment.name, 120) ?? ''}" (segment ${id}, ${attachment.bytes.byteLength} bytes, ${sniffMediaType(attachment.bytes.subarray(0, 64 * 1024))} by its bytes, SHA-256 ${sha256(attachment.bytes)})${description !== undefined ? `, described as "${description}"` : ''} ${attachmentOutcomes[index] ?? 'is not read'}`,
    });
  });
  addFlaggedRuns(builder, content.runs, fileName, add, count);
  return counts;
}

type AddSegment = (candidate: string, text: string, part: SegmentPart, property?: string, page?: number, author?: string) => string;

function addFlaggedRuns(builder: DocumentBuilder, runs: readonly PdfRun[], fileName: string, add: AddSegment, count: (key: string) => void): void {
  const byPage = new Map<number, PdfRun[]>();
  for (const run of runs) {
    const list = byPage.get(run.page);
    if (list) list.push(run);
    else byPage.set(run.page, [run]);
  }
  const pages = [...byPage.keys()].sort((a, b) => a - b);
  // One segment a page, runs on their own lines: a file can hold millions of tiny runs.
  for (const page of pages) {
    const texts = (byPage.get(page) ?? []).filter((r) => r.flags.includes('off-page')).map((r) => r.text);
    if (texts.length > 0) add(`p${page}.offpage`, texts.join('\n'), 'pdf-off-page', undefined, page);
  }
  for (const page of pages) {
    const onPage = byPage.get(page) ?? [];
    for (const flag of FLAG_ORDER) {
      const flagged = onPage.filter((r) => r.flags.includes(flag));
      if (flagged.length === 0) continue;
      for (let i = 0; i < flagged.length; i++) count(propertyOf(flag));
      const example = sanitiseMetadata(flagged.slice(0, 20).map((r) => r.text).join(' '), 80) ?? '';
      const { code, what, advice } = FLAG_NOTICES[flag];
      builder.notice({
        code,
        severity: 'warning',
        message: `${fileName}: page ${page}: ${flagged.length} text run(s) ${what}, e.g. "${example}"; ${advice}`,
        anchor: { page, part: flag === 'off-page' ? 'pdf-off-page' : 'page' },
      });
    }
  }
}

const propertyOf = (flag: RunFlag): string => `${flag.replace(/-(.)/g, (_, c: string) => c.toUpperCase())}TextRuns`;

/** A name from the file made safe for a segment id: no whitespace or control characters, at most 80 code units. */
function safeId(name: string): string {
  return (sanitiseMetadata(name, 80) ?? 'unnamed').replace(/\s/g, '_');
}

/** A PDF date `D:YYYYMMDDHHmmSS` with optional `Z` or `±HH'mm'` as ISO 8601; anything else as written. */
export function pdfDate(raw: string): string {
  const match = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|[+-]\d{2}'?\d{2}'?)?/.exec(raw.trim());
  if (!match) return sanitiseMetadata(raw, 40) ?? '';
  const [, year, month = '01', day = '01', hour = '00', minute = '00', second = '00', zone] = match;
  const offset = zone === undefined ? '' : zone === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.replace(/'/g, '').slice(3, 5) || '00'}`;
  return `${year}-${month}-${day}T${hour}:${minute}:${second}${offset}`;
}
