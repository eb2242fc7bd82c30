/**
 * Reads a PDF with pdf-parse and, through the same loaded pdf.js document, the parts pdf-parse
 * does not return. Runs in a worker thread (see `runner.ts`); no soz document logic here.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { PDFParse } from 'pdf-parse';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist';
import type { PdfAnnotation, PdfAttachment, PdfBookmark, PdfContent, PdfField, PdfLink, PdfRun } from './content.js';
import type { PageLayout, RawTextItem, RawViewport } from './page-layout.js';
import { layoutOfPage } from './page-layout.js';
import type { FontFacts, OperatorCodes } from './text-runs.js';
import { flaggedRuns } from './text-runs.js';

/**
 * Load options for pdf.js: no console output, no code generation from the file, built-in CMaps
 * and standard fonts read from the installed pdfjs-dist (never fetched), no system fonts. Font
 * extra properties keep each font's ToUnicode table, which tells mapped glyphs from guessed ones.
 * `maxImageSize: 1` leaves every image undecoded: soz reads text, and decoding the images of a
 * scan for the operator list took seconds a page.
 */
export function pdfLoadOptions(): Record<string, unknown> {
  return {
    verbosity: 0,
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: false,
    ownerDocument: FONTLESS_DOCUMENT,
    fontExtraProperties: true,
    maxImageSize: 1,
    useWorkerFetch: false,
    stopAtErrors: false,
    cMapUrl: `${pdfjsDirectory()}cmaps/`,
    cMapPacked: true,
    standardFontDataUrl: `${pdfjsDirectory()}standard_fonts/`,
    wasmUrl: `${pdfjsDirectory()}wasm/`,
  };
}

/**
 * The document pdf.js would add a loaded font's CSS rule to. soz never draws a page with pdf.js, so
 * the rule goes nowhere. With it, pdf.js takes fonts as loadable and does not build a drawing path
 * for every glyph shown (what `disableFontFace: true`, its Node default, makes it do), which
 * neither the page text nor the operator list depends on.
 */
const FONTLESS_DOCUMENT = {
  createElement: () => ({ sheet: { cssRules: [], insertRule: () => 0 }, remove: () => undefined }),
  documentElement: { getElementsByTagName: () => [{ append: () => undefined }] },
};

let cachedPdfjsDirectory: string | undefined;

/** Directory of the pdfjs-dist that pdf-parse itself loads, with a trailing slash. */
function pdfjsDirectory(): string {
  if (cachedPdfjsDirectory === undefined) {
    const fromHere = createRequire(import.meta.url);
    const fromPdfParse = createRequire(fromHere.resolve('pdf-parse'));
    cachedPdfjsDirectory = fromPdfParse.resolve('pdfjs-dist/package.json').replace(/package\.json$/, '');
  }
  return cachedPdfjsDirectory;
}

/** `Array.prototype.push` as the thread had it before pdf.js was loaded (see {@link loadPdfjs}). */
const threadPush = Object.getOwnPropertyDescriptor(Array.prototype, 'push');

/** pdf-parse's parser class and the operator codes of its pdf.js. */
interface PdfModules {
  readonly PDFParse: typeof PDFParse;
  readonly pdfjs: { readonly OPS: OperatorCodes };
}

let loading: Promise<PdfModules> | undefined;

/**
 * pdf-parse and its pdf.js, with pdf.js's worker code loaded too (once per thread). pdf.js's
 * legacy build, which pdf-parse loads, carries core-js, and core-js replaces the engine's
 * `Array.prototype.push` with a JavaScript one on Node 20 (for a corner of the standard — the
 * error on an array whose length is read-only — that no array here meets); pdf.js pushes every
 * operator and text item, and that replacement was a fifth of reading a PDF. The engine's own is
 * put back once both modules are loaded: same arrays, same results. pdf.js imports its worker
 * code from the same URL, so it is not evaluated a second time.
 */
export function loadPdfjs(): Promise<PdfModules> {
  loading ??= (async () => {
    const parser = (await import('pdf-parse')).PDFParse;
    const pdfjs = (await import(pathToFileURL(`${pdfjsDirectory()}legacy/build/pdf.mjs`).href)) as { OPS: OperatorCodes };
    await import(pathToFileURL(`${pdfjsDirectory()}legacy/build/pdf.worker.mjs`).href);
    if (threadPush !== undefined && /\[native code\]/.test(Function.prototype.toString.call(threadPush.value))) Object.defineProperty(Array.prototype, 'push', threadPush);
    return { PDFParse: parser, pdfjs };
  })();
  return loading;
}

/** pdf.js annotation mode that leaves annotation appearance streams out of a page's operator list. */
const ANNOTATIONS_DISABLED = 0;

/** Reads the whole PDF; throws pdf.js's own errors (`PasswordException`, `InvalidPDFException`…). */
export async function readPdfContent(bytes: Uint8Array): Promise<PdfContent> {
  const { PDFParse, pdfjs } = await loadPdfjs();
  const parser = new PDFParse({ ...pdfLoadOptions(), data: bytes });
  try {
    const info = await parser.getInfo();
    const text = await parser.getText();
    const pages: string[] = [];
    for (let page = 1; page <= info.total; page++) pages.push(text.pages.find((p) => p.num === page)?.text ?? '');
    // pdf-parse keeps its pdf.js document private; `load()` returns the one already loaded above,
    // so the file is parsed once. pdf-parse is pinned, and the tests cover every part read here.
    const doc = await (parser as unknown as { load(): Promise<PDFDocumentProxy> }).load();
    const { files, ...perPage } = await readPages(doc, pdfjs.OPS);
    return {
      pages,
      info: (info.info ?? {}) as Record<string, unknown>,
      xmp: xmpEntries(info.metadata),
      bookmarks: bookmarksOf(info.outline ?? [], []),
      ...perPage,
      fields: fieldsOf(await doc.getFieldObjects()),
      attachments: [...attachmentsOf(await doc.getAttachments()), ...files],
    };
  } finally {
    await parser.destroy();
  }
}

/**
 * The layout of one page (1-based) read with the same pdf.js, load options and text-content options
 * as the extractor's `getText()`; throws pdf.js's own errors, and a `RangeError` for a page the file lacks.
 */
export async function readPageLayout(bytes: Uint8Array, pageNumber: number): Promise<PageLayout> {
  const { PDFParse } = await loadPdfjs();
  const parser = new PDFParse({ ...pdfLoadOptions(), data: bytes });
  try {
    const doc = await (parser as unknown as { load(): Promise<PDFDocumentProxy> }).load();
    if (!Number.isInteger(pageNumber) || pageNumber < 1 || pageNumber > doc.numPages) throw new RangeError(`the PDF has no page ${pageNumber} (it has ${doc.numPages})`);
    const page = await doc.getPage(pageNumber);
    const content = await page.getTextContent({ includeMarkedContent: false, disableNormalization: false });
    const items = content.items.filter((item): item is RawTextItem & (typeof content.items)[number] => 'str' in item);
    return layoutOfPage(items, page.getViewport({ scale: 1 }) as unknown as RawViewport);
  } finally {
    await parser.destroy();
  }
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const record = (value: unknown): Record<string, unknown> => (value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {});

function xmpEntries(metadata: unknown): [string, string][] {
  if (metadata === null || typeof metadata !== 'object' || !(Symbol.iterator in metadata)) return [];
  const entries: [string, string][] = [];
  for (const entry of metadata as Iterable<unknown>) {
    if (!Array.isArray(entry)) continue;
    const [name, value] = entry as unknown[];
    const joined = Array.isArray(value) ? value.filter((v) => typeof v === 'string').join('; ') : text(value);
    if (typeof name === 'string' && joined.trim() !== '') entries.push([name, joined]);
  }
  return entries;
}

function bookmarksOf(items: readonly unknown[], parent: readonly number[]): PdfBookmark[] {
  return items.flatMap((item, index) => {
    const fields = record(item);
    const path = [...parent, index + 1];
    const url = text(fields['unsafeUrl']) || text(fields['url']);
    const children = Array.isArray(fields['items']) ? bookmarksOf(fields['items'] as unknown[], path) : [];
    return [{ path, title: text(fields['title']), ...(url !== '' ? { url } : {}) }, ...children];
  });
}

async function readPages(doc: PDFDocumentProxy, ops: OperatorCodes): Promise<Pick<PdfContent, 'annotations' | 'links' | 'runs'> & { files: PdfAttachment[] }> {
  const annotations: PdfAnnotation[] = [];
  const files: PdfAttachment[] = [];
  const links: PdfLink[] = [];
  const runs: PdfRun[] = [];
  const layers = await doc.getOptionalContentConfig();
  for (let number = 1; number <= doc.numPages; number++) {
    const page = await doc.getPage(number);
    for (const raw of await page.getAnnotations({ intent: 'any' })) {
      const data = record(raw);
      const subtype = text(data['subtype']);
      if (subtype === 'Link') {
        const url = text(data['unsafeUrl']) || text(data['url']);
        if (url !== '') links.push({ page: number, url });
        continue;
      }
      if (subtype === 'FileAttachment') files.push(...attachmentsOf({ file: data['file'] }));
      // A Popup repeats its parent's text; a Widget is a form field, read from the AcroForm.
      const contents = text(record(data['contentsObj'])['str']);
      if (subtype === 'Popup' || subtype === 'Widget' || contents.trim() === '') continue;
      const author = text(record(data['titleObj'])['str']);
      const created = text(data['creationDate']);
      const modified = text(data['modificationDate']);
      annotations.push({ page: number, subtype, text: contents, ...(author !== '' ? { author } : {}), ...(created !== '' ? { created } : {}), ...(modified !== '' ? { modified } : {}) });
    }
    const operators = await page.getOperatorList({ annotationMode: ANNOTATIONS_DISABLED });
    for (const run of flaggedRuns({ fnArray: operators.fnArray, argsArray: operators.argsArray, view: page.view, fontOf: (name) => fontFacts(page, name), layerVisible: (props) => layers.isVisible(props) !== false }, ops)) {
      runs.push({ page: number, ...run });
    }
    page.cleanup();
  }
  return { annotations, links, runs, files };
}

/** What the exported pdf.js font says about Unicode: its ToUnicode table, whether from the file or built from glyph names. */
function fontFacts(page: PDFPageProxy, loadedName: string): FontFacts | undefined {
  if (!page.commonObjs.has(loadedName)) return undefined;
  const font = record(page.commonObjs.get(loadedName));
  const fontMatrix = Array.isArray(font['fontMatrix']) ? (font['fontMatrix'] as number[]) : [0.001, 0, 0, 0.001, 0, 0];
  const toUnicode = record(font['toUnicode']);
  const map = toUnicode['_map'];
  if (Array.isArray(map)) return { fontMatrix, hasUnicode: (code) => typeof map[code] === 'string' && map[code] !== '' };
  // An identity map (a composite font without ToUnicode): pdf.js shows the glyph ids as text.
  if ('firstChar' in toUnicode) return { fontMatrix, hasUnicode: () => false };
  return { fontMatrix, hasUnicode: () => true };
}

function fieldsOf(objects: unknown): PdfField[] {
  const fields: PdfField[] = [];
  for (const [name, widgets] of Object.entries(record(objects))) {
    const list = (Array.isArray(widgets) ? widgets : []).map(record);
    const first = list.find((w) => w['value'] !== undefined && w['value'] !== null) ?? {};
    const raw = first['value'];
    const value = Array.isArray(raw) ? raw.filter((v) => typeof v === 'string').join('; ') : typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean' ? String(raw) : '';
    if (value.trim() === '') continue;
    const page = list.map((w) => w['page']).find((p): p is number => typeof p === 'number' && Number.isInteger(p) && p >= 0);
    fields.push({ name, value, type: text(first['type']), ...(page !== undefined ? { page: page + 1 } : {}) });
  }
  return fields;
}

function attachmentsOf(attachments: unknown): PdfAttachment[] {
  return Object.entries(record(attachments)).map(([key, value]) => {
    const fields = record(value);
    const content = fields['content'];
    return { name: text(fields['filename']) || key, description: text(fields['description']), bytes: content instanceof Uint8Array ? content : new Uint8Array(0) };
  });
}
