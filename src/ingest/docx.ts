import type { EvidenceInput, IngestAdapter } from './adapter.js';
import type { SegmentPart, SozDocument } from '../core/document.js';
import { DocumentBuilder } from '../core/document-builder.js';
import { UserError } from '../core/errors.js';
import { compareCodeUnits } from '../core/canonical-json.js';
import { MEDIA_TYPES, sniffOleKind } from './sniff.js';
import { checkSegmentCount, depthError, sanitiseMetadata } from './docs/common.js';
import type { ZipEntry } from './docs/zip.js';
import { ZipFormatError, checkZipLimits, readZipDirectory, readZipEntry } from './docs/zip.js';
import type { Relationship, WordParagraph } from './docs/wordml.js';
import { decodeXml, readRelationships, readSimpleElements, readWordPart } from './docs/wordml.js';

/** Parts of a package that can hold text soz does not read yet; named in a notice. */
const UNREAD_TEXT_PARTS = /^word\/(diagrams|charts|embeddings|glossary)\//;

/** One WordprocessingML part to read, in reading order. */
interface PartPlan {
  readonly path: string;
  /** Segment id prefix: `body`, `header1`, `footer2`, `footnote`, `endnote`, `comment`. */
  readonly prefix: string;
  readonly part: SegmentPart;
}

/**
 * DOCX, read from the package itself (mammoth's raw text drops headers, footers, notes, comments
 * and deleted text, and shows hidden text as visible). Segments in reading order: body, headers,
 * footers, footnotes, endnotes, comments. A paragraph whose runs change kind is split into
 * consecutive segments labelled `deleted`, `inserted` or `hidden` with the revision author.
 * Ids: `body.12`, `body.12.del0`, `header1.0`, `footnote.2`, `comment.3` (`.1`, `.2` for
 * further paragraphs of one note or comment). Anchor `paragraph`: index in its part file, from 0.
 */
export const docxAdapter: IngestAdapter = {
  id: 'docx',
  format: 'docx',
  detect(input: EvidenceInput): boolean {
    // Legacy OLE Word files are claimed too, so that they get a precise error, not "unknown format".
    return input.mediaType === MEDIA_TYPES.docx || (input.mediaType === MEDIA_TYPES.ole && sniffOleKind(input.head) !== 'other');
  },
  async *extract(input: EvidenceInput): AsyncIterable<SozDocument> {
    yield docxDocument(input, await input.bytes());
  },
};

/** Builds the DOCX document from the whole file (pure; exported for tests). */
export function docxDocument(input: Pick<EvidenceInput, 'name' | 'sha256' | 'entry' | 'limits'>, bytes: Uint8Array): SozDocument {
  const name = input.name;
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) throw oleError(name, bytes);
  const entries = readDirectory(bytes, name);
  checkZipLimits(entries, input.limits, name);
  const byName = new Map(entries.map((entry) => [entry.name, entry]));
  const read = (path: string): string | undefined => {
    const entry = byName.get(path);
    if (!entry) return undefined;
    try {
      return decodeXml(readZipEntry(bytes, entry));
    } catch (error) {
      if (error instanceof ZipFormatError) throw corrupt(name, error.message);
      throw error;
    }
  };
  const tooDeep = () => depthError(name, input.limits, 'XML');

  const packageRels = parseRels(read('_rels/.rels'), '', name);
  const mainPath = packageRels.find((r) => r.type === 'officeDocument')?.target ?? 'word/document.xml';
  const mainXml = read(mainPath);
  if (mainXml === undefined) throw corrupt(name, `no main document part ${mainPath}: this ZIP is not a Word document`);
  const mainDirectory = mainPath.slice(0, mainPath.lastIndexOf('/') + 1);
  const mainRelsPath = `${mainDirectory}_rels/${mainPath.slice(mainDirectory.length)}.rels`;
  const documentRels = parseRels(read(mainRelsPath), mainDirectory, name);

  const plans: PartPlan[] = [{ path: mainPath, prefix: 'body', part: 'body' }];
  for (const [type, part] of [['header', 'header'], ['footer', 'footer']] as const) {
    const targets = relatedParts(documentRels, type, entries, new RegExp(`^${escapeRegExp(mainDirectory)}${type}\\d*\\.xml$`));
    for (const path of targets) plans.push({ path, prefix: baseName(path), part });
  }
  for (const [type, part] of [['footnotes', 'footnote'], ['endnotes', 'endnote'], ['comments', 'comment']] as const) {
    for (const path of relatedParts(documentRels, type, entries, new RegExp(`^${escapeRegExp(mainDirectory)}${type}\\.xml$`))) {
      plans.push({ path, prefix: part, part });
    }
  }

  const builder = new DocumentBuilder({ sha256: input.sha256, name, ...(input.entry !== undefined ? { entry: input.entry } : {}) }, 'docx');
  const usedIds = new Set<string>();
  const counts = { deleted: 0, inserted: 0, hidden: 0, comments: new Set<string>(), footnotes: 0, endnotes: 0, headers: 0, footers: 0 };
  const authors = new Set<string>();
  for (const plan of plans) {
    const xml = plan.path === mainPath ? mainXml : read(plan.path);
    if (xml === undefined) continue;
    if (plan.part === 'header') counts.headers++;
    if (plan.part === 'footer') counts.footers++;
    const notesSeen = new Set<string>();
    for (const paragraph of readWordPart(xml, { maxDepth: input.limits.maxDepth, onTooDeep: tooDeep })) {
      const container = paragraph.container;
      if (container?.type !== undefined && container.type !== 'normal') continue;
      if (container) {
        if (container.kind === 'comment') counts.comments.add(container.id);
        else if (!notesSeen.has(container.id)) {
          notesSeen.add(container.id);
          counts[container.kind === 'footnote' ? 'footnotes' : 'endnotes']++;
        }
      }
      addParagraph(builder, plan, paragraph, usedIds, counts, authors);
      checkSegmentCount(builder.segmentCount, input.limits, name);
    }
  }

  if (counts.deleted + counts.inserted > 0) {
    builder.notice({
      code: 'docx.tracked-changes',
      severity: 'warning',
      message: `${name}: ${counts.deleted} deleted and ${counts.inserted} inserted passage(s) under track changes; each is a separate segment labelled deleted/inserted with its author`,
    });
  }
  if (counts.hidden > 0) {
    builder.notice({
      code: 'docx.hidden-text',
      severity: 'warning',
      message: `${name}: ${counts.hidden} passage(s) formatted as hidden (not shown by Word); labelled hidden`,
    });
  }
  const images = entries.filter((entry) => entry.name.startsWith(`${mainDirectory}media/`)).length;
  if (images > 0) {
    builder.notice({
      code: 'docx.images',
      severity: 'info',
      message: `${name}: ${images} embedded image(s); any text inside them needs OCR, which soz does not do`,
    });
  }
  const unread = entries.filter((entry) => UNREAD_TEXT_PARTS.test(entry.name)).map((entry) => entry.name);
  if (unread.length > 0) {
    builder.notice({
      code: 'docx.parts-not-read',
      severity: 'warning',
      message: `${name}: parts that may hold text are not extracted (check them by hand): ${unread.slice(0, 10).join(', ')}${unread.length > 10 ? ` and ${unread.length - 10} more` : ''}`,
    });
  }

  const core = readCoreProperties(read('docProps/core.xml'), input.limits.maxDepth, tooDeep);
  return builder.build({
    ...core,
    headers: counts.headers,
    footers: counts.footers,
    footnotes: counts.footnotes,
    endnotes: counts.endnotes,
    comments: counts.comments.size,
    deletedPassages: counts.deleted,
    insertedPassages: counts.inserted,
    hiddenPassages: counts.hidden,
    images,
    ...(authors.size > 0 ? { revisionAndCommentAuthors: [...authors].sort(compareCodeUnits).join('; ').slice(0, 500) } : {}),
  });
}

const SUFFIX = { text: 'txt', deleted: 'del', inserted: 'ins', hidden: 'hid' } as const;

function addParagraph(
  builder: DocumentBuilder,
  plan: PartPlan,
  paragraph: WordParagraph,
  usedIds: Set<string>,
  counts: { deleted: number; inserted: number; hidden: number },
  authors: Set<string>,
): void {
  const container = paragraph.container;
  const base = container
    ? `${plan.prefix}.${sanitiseId(container.id)}${paragraph.indexInContainer > 0 ? `.${paragraph.indexInContainer}` : ''}`
    : `${plan.prefix}.${paragraph.index}`;
  const perKind = { text: 0, deleted: 0, inserted: 0, hidden: 0 };
  for (const piece of paragraph.pieces) {
    if (piece.text === '') continue;
    const n = perKind[piece.kind]++;
    const candidate = piece.kind === 'text' && n === 0 ? base : `${base}.${SUFFIX[piece.kind]}${n}`;
    const id = uniqueId(candidate, usedIds);
    if (piece.kind !== 'text') counts[piece.kind]++;
    const part: SegmentPart = piece.kind === 'text' ? plan.part : piece.kind;
    const author = sanitiseMetadata(piece.author ?? (container?.kind === 'comment' ? container.author : undefined), 120);
    if (author !== undefined) authors.add(author);
    builder.add({ id, text: piece.text, part, anchor: { paragraph: paragraph.index }, ...(author !== undefined ? { author } : {}) });
  }
}

function readDirectory(bytes: Uint8Array, name: string): ZipEntry[] {
  try {
    return readZipDirectory(bytes);
  } catch (error) {
    if (error instanceof ZipFormatError) throw corrupt(name, `not a readable ZIP package (${error.message})`);
    throw error;
  }
}

function parseRels(xml: string | undefined, base: string, name: string): Relationship[] {
  if (xml === undefined) return [];
  try {
    return readRelationships(xml, base);
  } catch {
    throw corrupt(name, 'unreadable relationships part');
  }
}

/** Parts of a relationship type in relationship order; by name when the relationships lack them. */
function relatedParts(rels: readonly Relationship[], type: string, entries: readonly ZipEntry[], byName: RegExp): string[] {
  const fromRels = rels.filter((r) => r.type === type).map((r) => r.target);
  const paths = fromRels.length > 0 ? fromRels : entries.map((e) => e.name).filter((n) => byName.test(n)).sort(compareCodeUnits);
  return [...new Set(paths)];
}

function readCoreProperties(xml: string | undefined, maxDepth: number, tooDeep: () => Error): Record<string, string> {
  if (xml === undefined) return {};
  const fields = { 'dc:creator': 'coreCreator', 'cp:lastModifiedBy': 'coreLastModifiedBy', 'dcterms:created': 'coreCreated', 'dcterms:modified': 'coreModified', 'cp:revision': 'coreRevision', 'dc:title': 'coreTitle' } as const;
  const found = readSimpleElements(xml, Object.keys(fields), maxDepth, tooDeep);
  const result: Record<string, string> = {};
  for (const [element, key] of Object.entries(fields)) {
    const value = sanitiseMetadata(found.get(element));
    if (value !== undefined) result[key] = value;
  }
  return result;
}

function oleError(name: string, bytes: Uint8Array): UserError {
  const kind = sniffOleKind(bytes.subarray(0, 64 * 1024));
  if (kind === 'encrypted-ooxml') {
    return new UserError(`${name}: a password-protected Office document; obtain the password or an unprotected copy`, 'docx.encrypted');
  }
  return new UserError(`${name}: legacy Word .doc (OLE) file; save it as DOCX or PDF and add that copy`, 'docx.legacy-doc');
}

function corrupt(name: string, detail: string): UserError {
  return new UserError(`${name}: not a valid DOCX (${detail}); check the file is complete or obtain another copy`, 'docx.corrupt');
}

function uniqueId(candidate: string, used: Set<string>): string {
  let id = candidate;
  for (let n = 2; used.has(id); n++) id = `${candidate}~${n}`;
  used.add(id);
  return id;
}

function sanitiseId(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 40) || '_';
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1).replace(/\.xml$/, '');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
