import JSZip from 'jszip';

/**
 * Builds DOCX packages inside tests (all text fictional), so each behaviour of the DOCX adapter
 * is shown on a file made for it rather than on a binary fixture.
 */

/** Namespace URIs of WordprocessingML and the parts around it. */
export const NS = {
  w: 'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  mc: 'http://schemas.openxmlformats.org/markup-compatibility/2006',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  m: 'http://schemas.openxmlformats.org/officeDocument/2006/math',
  wp: 'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing',
  packageRels: 'http://schemas.openxmlformats.org/package/2006/relationships',
} as const;

/** `xmlns` declarations of a Word part written with the usual prefixes. */
export const W = `xmlns:w="${NS.w}" xmlns:mc="${NS.mc}"`;
/** Prefix of relationship type URIs (`${REL}/header`). */
export const REL = NS.r;

export const run = (text: string, props = ''): string => `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`;
export const para = (...runs: string[]): string => `<w:p>${runs.join('')}</w:p>`;

/** A main document part holding `body` (paragraphs, tables …), with the w, mc, r, m and wp namespaces. */
export const documentXml = (body: string): string =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${W} xmlns:r="${NS.r}" xmlns:m="${NS.m}" xmlns:wp="${NS.wp}"><w:body>${body}<w:sectPr/></w:body></w:document>`;

/** A `.rels` part from `[id, type (last segment), target, external?]` rows. */
export const relsXml = (rows: readonly (readonly [id: string, type: string, target: string, external?: boolean])[]): string =>
  `<?xml version="1.0"?><Relationships xmlns="${NS.packageRels}">${rows
    .map(([id, type, target, external]) => `<Relationship Id="${id}" Type="${REL}/${type}" Target="${target}"${external ? ' TargetMode="External"' : ''}/>`)
    .join('')}</Relationships>`;

export const CONTENT_TYPES =
  '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>';

/** The parts of a minimal package whose main part is `word/document.xml`, holding `body`. */
/** A type alias, not an interface, so it stays assignable to `Record<string, …>`. */
export type MinimalParts = {
  readonly '[Content_Types].xml': string;
  readonly '_rels/.rels': string;
  readonly 'word/document.xml': string;
};

export function minimalParts(body: string): MinimalParts {
  return {
    '[Content_Types].xml': CONTENT_TYPES,
    '_rels/.rels': relsXml([['rId1', 'officeDocument', 'word/document.xml']]),
    'word/document.xml': documentXml(body),
  };
}

/** Zips parts into a DOCX with a fixed date, so the bytes are the same on every run. */
export async function buildDocx(files: Record<string, string | Uint8Array>, options: { streamFiles?: boolean } = {}): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [path, content] of Object.entries(files)) zip.file(path, content, { date: new Date(Date.UTC(2024, 0, 1)) });
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', streamFiles: options.streamFiles ?? false });
}
