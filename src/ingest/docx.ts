import type { EvidenceInput, IngestAdapter } from './adapter.js';
import type { SegmentPart, SozDocument } from '../core/document.js';
import { DocumentBuilder } from '../core/document-builder.js';
import { UserError } from '../core/errors.js';
import { compareCodeUnits } from '../core/canonical-json.js';
import { MEDIA_TYPES, sniffOleKind } from './sniff.js';
import { checkSegmentCount, depthError, sanitiseMetadata } from './docs/common.js';
import type { ZipEntry } from './docs/zip.js';
import { ZipFormatError, checkZipLimits, readZipDirectory, readZipEntry } from './docs/zip.js';
import type { PieceKind, Relationship, WordAltChunk, WordParagraph } from './docs/wordml.js';
import { decodeXml, readCustomProperties, readRelationships, readSimpleElements, readWordPart } from './docs/wordml.js';
import type { OoxmlParseOptions } from './docs/ooxml-names.js';
import type { WordStyles } from './docs/word-styles.js';
import { NO_STYLES, readWordStyles } from './docs/word-styles.js';
import { readHtmlText } from './docs/html-text.js';
import { declaredHtmlCharset } from './html.js';
import { decodeText } from './text-decode.js';
import { UnreadTally } from './unread.js';
import { SymbolTally } from './docs/word-symbols.js';
import { escapeRegExp } from '../core/regexp.js';

/**
 * Package parts that hold no text (layout, fonts, relationships, comment bookkeeping) or are
 * accounted for elsewhere (`word/media/` in the images notice). Any other part soz does not
 * read is counted in a `docx.not-read` notice.
 */
const TEXT_FREE_PARTS = [
  /^\[Content_Types\]\.xml$/,
  /(^|\/)_rels\/[^/]*\.rels$/,
  /^word\/(settings|webSettings|fontTable|numbering|styles|stylesWithEffects|people|commentsExtended|commentsIds|commentsExtensible)\.xml$/,
  /^word\/(theme|media|fonts)\//,
  /^docProps\/thumbnail\.[a-z]+$/,
  /^customXml\/itemProps\d*\.xml$/,
  /\/$/,
];

/** One WordprocessingML part to read, in reading order. */
interface PartPlan {
  readonly path: string;
  /** Segment id prefix: `body`, `header1`, `footer2`, `footnote`, `endnote`, `comment`. */
  readonly prefix: string;
  readonly part: SegmentPart;
}

/**
 * DOCX, read from the package itself (mammoth's raw text drops headers, footers, notes, comments
 * and deleted text, and shows hidden text as visible). The main part is found through the
 * package relationships (`_rels/.rels`), and every name is resolved by namespace URI. Segments
 * in reading order: body, headers, footers, footnotes, endnotes, comments, then the document
 * properties. A paragraph whose runs change kind is split into consecutive segments labelled
 * `deleted`, `inserted` or `hidden` (run formatting or style) with the revision author; a
 * hyperlink target, field URL, tooltip, image description or equation is its own segment
 * labelled `link`, `tooltip`, `alt-text` or `equation` right after the text it belongs to; an
 * altChunk (imported HTML or text) is read in place, labelled `embedded`.
 * Ids: `body.12`, `body.12.del0`, `body.12.link0`, `header1.0`, `footnote.2`, `comment.3` (`.1`,
 * `.2` for further paragraphs of one note or comment), `body.altChunk0.p3`, `core.title`,
 * `custom.0`, `app.company`. Anchor `paragraph`: index in its part file, from 0.
 * What the package holds but soz does not read is counted in `docx.not-read` notices.
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

/** Reads the package's parts by path; `undefined` for a part it does not hold. */
interface Package {
  readonly entries: readonly ZipEntry[];
  bytes(path: string): Uint8Array | undefined;
  xml(path: string): string | undefined;
  /** Every path read (asked for through `bytes`/`xml` and found) or already counted in a notice. */
  readonly accounted: Set<string>;
}

/** What the paragraphs of a document held, by kind of labelled text. */
type PieceCounts = Record<Exclude<PieceKind, 'text'>, number>;

/** State shared while the parts of one package are read. */
interface ReadContext {
  readonly name: string;
  readonly pkg: Package;
  readonly builder: DocumentBuilder;
  readonly limits: EvidenceInput['limits'];
  readonly parse: OoxmlParseOptions;
  readonly unread: UnreadTally;
  readonly symbols: SymbolTally;
  readonly usedIds: Set<string>;
  readonly pieces: PieceCounts;
  readonly authors: Set<string>;
}

/** Builds the DOCX document from the whole file (pure; exported for tests). */
export function docxDocument(input: Pick<EvidenceInput, 'name' | 'sha256' | 'entry' | 'limits'>, bytes: Uint8Array): SozDocument {
  const name = input.name;
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) throw oleError(name, bytes);
  const entries = readDirectory(bytes, name);
  checkZipLimits(entries, input.limits, name);
  const pkg = openPackage(bytes, entries, name);
  const parse: OoxmlParseOptions = { maxDepth: input.limits.maxDepth, onTooDeep: () => depthError(name, input.limits, 'XML') };

  const packageRels = parseRels(pkg.xml('_rels/.rels'), '', name, parse);
  const mainPath = packageRels.find((r) => r.type === 'officeDocument' && !r.external)?.target ?? 'word/document.xml';
  const mainXml = pkg.xml(mainPath);
  if (mainXml === undefined) throw corrupt(name, `no main document part ${mainPath}: this ZIP is not a Word document`);
  const mainDirectory = directoryOf(mainPath);
  const documentRels = parseRels(pkg.xml(relsPathOf(mainPath)), mainDirectory, name, parse);
  const stylesPath = relatedParts(documentRels, 'styles', entries, new RegExp(`^${escapeRegExp(mainDirectory)}styles\\.xml$`))[0];
  const stylesXml = stylesPath !== undefined ? pkg.xml(stylesPath) : undefined;
  const styles = stylesXml !== undefined ? readWordStyles(stylesXml, parse) : NO_STYLES;

  const context: ReadContext = {
    name,
    pkg,
    builder: new DocumentBuilder({ sha256: input.sha256, name, ...(input.entry !== undefined ? { entry: input.entry } : {}) }, 'docx'),
    limits: input.limits,
    parse,
    unread: new UnreadTally(),
    symbols: new SymbolTally(),
    usedIds: new Set<string>(),
    pieces: { deleted: 0, inserted: 0, hidden: 0, link: 0, tooltip: 0, 'alt-text': 0, equation: 0 },
    authors: new Set<string>(),
  };
  const counts: PartCounts = { comments: new Set<string>(), footnotes: 0, endnotes: 0, headers: 0, footers: 0 };
  for (const plan of partPlans(mainPath, documentRels, entries)) {
    const xml = plan.path === mainPath ? mainXml : pkg.xml(plan.path);
    if (xml === undefined) continue;
    const partRels = plan.path === mainPath ? documentRels : parseRels(pkg.xml(relsPathOf(plan.path)), directoryOf(plan.path), name, parse);
    readPart(context, plan, xml, partRels, styles, counts);
  }
  const properties = addPackageProperties(context);

  addNotices(context, mainDirectory);
  const pieces = context.pieces;
  return context.builder.build({
    ...properties,
    headers: counts.headers,
    footers: counts.footers,
    footnotes: counts.footnotes,
    endnotes: counts.endnotes,
    comments: counts.comments.size,
    deletedPassages: pieces.deleted,
    insertedPassages: pieces.inserted,
    hiddenPassages: pieces.hidden,
    linkTargets: pieces.link,
    tooltips: pieces.tooltip,
    altTexts: pieces['alt-text'],
    equations: pieces.equation,
    images: imageCount(entries, mainDirectory),
    ...(context.symbols.count > 0 ? { symbols: context.symbols.count } : {}),
    ...(context.authors.size > 0 ? { revisionAndCommentAuthors: [...context.authors].sort(compareCodeUnits).join('; ').slice(0, 500) } : {}),
  });
}

/** How many of each container a package holds (comments by id). */
interface PartCounts {
  readonly comments: Set<string>;
  footnotes: number;
  endnotes: number;
  headers: number;
  footers: number;
}

/** Adds the segments of one WordprocessingML part, in its order, counting its containers. */
function readPart(context: ReadContext, plan: PartPlan, xml: string, partRels: readonly Relationship[], styles: WordStyles, counts: PartCounts): void {
  if (plan.part === 'header') counts.headers++;
  if (plan.part === 'footer') counts.footers++;
  const relationships = new Map(partRels.map((r) => [r.id, r]));
  const notesSeen = new Set<string>();
  for (const block of readWordPart(xml, { ...context.parse, partPath: plan.path, relationships, styles, unread: context.unread, symbols: context.symbols })) {
    if (block.kind === 'altChunk') {
      addAltChunk(context, plan, block, relationships.get(block.relationshipId));
      continue;
    }
    const container = block.container;
    // Separator "notes" are layout (the line above the footnotes), not text.
    if (container?.type !== undefined && container.type !== 'normal') continue;
    if (container) {
      if (container.kind === 'comment') counts.comments.add(container.id);
      else if (!notesSeen.has(container.id)) {
        notesSeen.add(container.id);
        counts[container.kind === 'footnote' ? 'footnotes' : 'endnotes']++;
      }
    }
    addParagraph(context, plan, block);
  }
}

/** The WordprocessingML parts to read, in reading order, found through the main part's relationships. */
function partPlans(mainPath: string, documentRels: readonly Relationship[], entries: readonly ZipEntry[]): PartPlan[] {
  const mainDirectory = directoryOf(mainPath);
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
  return plans;
}

function openPackage(bytes: Uint8Array, entries: readonly ZipEntry[], name: string): Package {
  const byName = new Map(entries.map((entry) => [entry.name, entry]));
  const accounted = new Set<string>();
  const entryBytes = (path: string): Uint8Array | undefined => {
    const entry = byName.get(path);
    if (!entry) return undefined;
    accounted.add(path);
    try {
      return readZipEntry(bytes, entry);
    } catch (error) {
      if (error instanceof ZipFormatError) throw corrupt(name, error.message);
      throw error;
    }
  };
  return {
    entries,
    bytes: entryBytes,
    xml: (path) => {
      const raw = entryBytes(path);
      return raw === undefined ? undefined : decodeXml(raw);
    },
    accounted,
  };
}

const SUFFIX: Readonly<Record<PieceKind, string>> = {
  text: 'txt',
  deleted: 'del',
  inserted: 'ins',
  hidden: 'hid',
  link: 'link',
  tooltip: 'tip',
  'alt-text': 'alt',
  equation: 'eq',
};

function addParagraph(context: ReadContext, plan: PartPlan, paragraph: WordParagraph): void {
  const container = paragraph.container;
  const base = container
    ? `${plan.prefix}.${sanitiseId(container.id)}${paragraph.indexInContainer > 0 ? `.${paragraph.indexInContainer}` : ''}`
    : `${plan.prefix}.${paragraph.index}`;
  const perKind: Record<PieceKind, number> = { text: 0, deleted: 0, inserted: 0, hidden: 0, link: 0, tooltip: 0, 'alt-text': 0, equation: 0 };
  for (const piece of paragraph.pieces) {
    if (piece.text === '') continue;
    const n = perKind[piece.kind]++;
    const candidate = piece.kind === 'text' && n === 0 ? base : `${base}.${SUFFIX[piece.kind]}${n}`;
    const id = uniqueId(candidate, context.usedIds);
    if (piece.kind !== 'text') context.pieces[piece.kind]++;
    const part: SegmentPart = piece.kind === 'text' ? plan.part : piece.kind;
    const author = sanitiseMetadata(piece.author ?? (container?.kind === 'comment' ? container.author : undefined), 120);
    if (author !== undefined) context.authors.add(author);
    context.builder.add({ id, text: piece.text, part, anchor: { paragraph: paragraph.index }, ...(author !== undefined ? { author } : {}) });
    checkSegmentCount(context.builder.segmentCount, context.limits, context.name);
  }
}

/** Parts an altChunk may import that soz reads as HTML or as plain text, by extension. */
const ALT_CHUNK_READERS: Readonly<Record<string, 'html' | 'text'>> = { htm: 'html', html: 'html', xhtml: 'html', xht: 'html', txt: 'text' };

/** Reads an imported part in place, each of its pieces a segment labelled `embedded`. */
function addAltChunk(context: ReadContext, plan: PartPlan, chunk: WordAltChunk, relationship: Relationship | undefined): void {
  const place = `${plan.path} before paragraph ${chunk.paragraphsBefore}`;
  if (!relationship || relationship.external) {
    context.unread.note('imported document(s) (altChunk) whose part is missing or external', place);
    return;
  }
  const reader = ALT_CHUNK_READERS[relationship.target.slice(relationship.target.lastIndexOf('.') + 1).toLowerCase()];
  const bytes = reader !== undefined ? context.pkg.bytes(relationship.target) : undefined;
  if (reader === undefined || bytes === undefined) {
    context.pkg.accounted.add(relationship.target);
    context.unread.note('imported document(s) (altChunk) in a format soz does not read here (RTF, MHT, DOCX …)', `${place}: ${relationship.target}`);
    return;
  }
  const prefix = uniqueId(`${plan.prefix}.altChunk${chunk.paragraphsBefore}`, context.usedIds);
  const add = (id: string, text: string) => {
    context.builder.add({ id: `${prefix}.${id}`, text, part: 'embedded', anchor: { paragraph: chunk.paragraphsBefore } });
    checkSegmentCount(context.builder.segmentCount, context.limits, context.name);
  };
  const decoded = decodeText(bytes, reader === 'html' ? declaredHtmlCharset(bytes) : undefined).text;
  if (reader === 'text') {
    add('text', decoded);
    return;
  }
  const options = { ...context.parse, unread: context.unread, placePrefix: `${relationship.target} line` };
  const counts = readHtmlText(decoded, options, (block) => add(block.id, block.text));
  for (let n = 0; n < counts.scripts; n++) context.unread.note('script element(s) in imported HTML', relationship.target);
  for (let n = 0; n < counts.comments; n++) context.unread.note('HTML comment(s) in imported HTML', relationship.target);
}

/** Core, custom and extended properties: segments labelled `metadata`, and scalar properties. */
function addPackageProperties(context: ReadContext): Record<string, string> {
  const result: Record<string, string> = {};
  const add = (id: string, text: string) => {
    context.builder.add({ id: uniqueId(id, context.usedIds), text, part: 'metadata' });
  };
  const core = context.pkg.xml('docProps/core.xml');
  if (core !== undefined) {
    const found = readSimpleElements(core, Object.keys(CORE_FIELDS), context.parse);
    for (const [element, { key, segment }] of Object.entries(CORE_FIELDS)) {
      const raw = found.get(element);
      if (raw === undefined) continue;
      if (segment !== undefined && raw.trim() !== '') add(`core.${segment}`, raw.trim());
      const value = sanitiseMetadata(raw);
      if (value !== undefined && key !== undefined) result[key] = value;
    }
  }
  const custom = context.pkg.xml('docProps/custom.xml');
  if (custom !== undefined) {
    // Names are free text in any script, so ids number the properties; the name leads the text.
    readCustomProperties(custom, context.parse).forEach((property, index) => {
      if (property.value.trim() !== '' || property.name.trim() !== '') add(`custom.${index}`, `${property.name}: ${property.value.trim()}`);
    });
  }
  const app = context.pkg.xml('docProps/app.xml');
  if (app !== undefined) {
    const found = readSimpleElements(app, Object.keys(APP_FIELDS), context.parse);
    for (const [element, segment] of Object.entries(APP_FIELDS)) {
      const value = found.get(element)?.trim();
      if (value) add(`app.${segment}`, value);
    }
  }
  return result;
}

/**
 * `docProps/core.xml` elements: `key` is the scalar property kept since the first version,
 * `segment` the id suffix of the `core.<segment>` text segment (free text an author typed).
 */
const CORE_FIELDS: Readonly<Record<string, { readonly key?: string; readonly segment?: string }>> = {
  'dc:title': { key: 'coreTitle', segment: 'title' },
  'dc:subject': { segment: 'subject' },
  'cp:keywords': { segment: 'keywords' },
  'dc:description': { segment: 'description' },
  'cp:category': { segment: 'category' },
  'cp:contentStatus': { segment: 'contentStatus' },
  'dc:creator': { key: 'coreCreator', segment: 'creator' },
  'cp:lastModifiedBy': { key: 'coreLastModifiedBy', segment: 'lastModifiedBy' },
  'dcterms:created': { key: 'coreCreated' },
  'dcterms:modified': { key: 'coreModified' },
  'cp:revision': { key: 'coreRevision' },
};

/** `docProps/app.xml` elements that hold text someone typed (not statistics). */
const APP_FIELDS: Readonly<Record<string, string>> = {
  'ep:Company': 'company',
  'ep:Manager': 'manager',
  'ep:HyperlinkBase': 'hyperlinkBase',
  'ep:Template': 'template',
};

function addNotices(context: ReadContext, mainDirectory: string): void {
  const { builder, name, pieces, pkg, unread } = context;
  if (pieces.deleted + pieces.inserted > 0) {
    builder.notice({
      code: 'docx.tracked-changes',
      severity: 'warning',
      message: `${name}: ${pieces.deleted} deleted and ${pieces.inserted} inserted passage(s) under track changes; each is a separate segment labelled deleted/inserted with its author`,
    });
  }
  if (pieces.hidden > 0) {
    builder.notice({
      code: 'docx.hidden-text',
      severity: 'warning',
      message: `${name}: ${pieces.hidden} passage(s) formatted as hidden, directly or through a style (not shown by Word); labelled hidden`,
    });
  }
  const symbols = context.symbols.notice(name);
  if (symbols) builder.notice(symbols);
  const images = imageCount(pkg.entries, mainDirectory);
  if (images > 0) {
    builder.notice({
      code: 'docx.images',
      severity: 'info',
      message: `${name}: ${images} embedded image(s); any text inside them needs OCR, which soz does not do`,
    });
  }
  for (const entry of pkg.entries) {
    if (pkg.accounted.has(entry.name) || TEXT_FREE_PARTS.some((pattern) => pattern.test(entry.name))) continue;
    unread.note(`package part(s) under ${directoryOf(entry.name) || '/'}`, entry.name);
  }
  for (const notice of unread.notices(name, 'docx')) builder.notice(notice);
}

function imageCount(entries: readonly ZipEntry[], mainDirectory: string): number {
  return entries.filter((entry) => entry.name.startsWith(`${mainDirectory}media/`)).length;
}

function readDirectory(bytes: Uint8Array, name: string): ZipEntry[] {
  try {
    return readZipDirectory(bytes);
  } catch (error) {
    if (error instanceof ZipFormatError) throw corrupt(name, `not a readable ZIP package (${error.message})`);
    throw error;
  }
}

function parseRels(xml: string | undefined, base: string, name: string, options: OoxmlParseOptions): Relationship[] {
  if (xml === undefined) return [];
  try {
    return readRelationships(xml, base, options);
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw corrupt(name, 'unreadable relationships part');
  }
}

/** The relationships part of a part: `word/document.xml` → `word/_rels/document.xml.rels`. */
function relsPathOf(path: string): string {
  const directory = directoryOf(path);
  return `${directory}_rels/${path.slice(directory.length)}.rels`;
}

function directoryOf(path: string): string {
  return path.slice(0, path.lastIndexOf('/') + 1);
}

/** Parts of a relationship type in relationship order; by name when the relationships lack them. */
function relatedParts(rels: readonly Relationship[], type: string, entries: readonly ZipEntry[], byName: RegExp): string[] {
  const fromRels = rels.filter((r) => r.type === type && !r.external).map((r) => r.target);
  const paths = fromRels.length > 0 ? fromRels : entries.map((e) => e.name).filter((n) => byName.test(n)).sort(compareCodeUnits);
  return [...new Set(paths)];
}

function oleError(name: string, bytes: Uint8Array): UserError {
  const kind = sniffOleKind(bytes.subarray(0, 64 * 1024));
  if (kind === 'encrypted-ooxml') {
    return new UserError(`${name}: a password-protected Office document; obtain the password or an unprotected copy`, 'docx.encrypted', undefined, { key: 'error.ingest.encrypted-office', params: { name } });
  }
  return new UserError(`${name}: legacy Word .doc (OLE) file; save it as DOCX or PDF and add that copy`, 'docx.legacy-doc', undefined, { key: 'error.ingest.legacy-doc', params: { name } });
}

function corrupt(name: string, detail: string): UserError {
  return new UserError(`${name}: not a valid DOCX (${detail}); check the file is complete or obtain another copy`, 'docx.corrupt', undefined, { key: 'error.ingest.docx-corrupt', params: { name, detail } });
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
