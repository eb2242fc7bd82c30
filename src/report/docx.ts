/**
 * The DOCX conclusion: an editable Word document. Answer sections are fill-in places (highlighted
 * placeholder paragraphs) where the examiner has not written an answer yet.
 *
 * Written in parts (issue 17): `docx` builds the package around an empty body — styles, settings,
 * numbering, the footer with its page numbers and digest, the document properties — and the body
 * is written into `word/document.xml` block by block as the outline is read (`docx-xml.ts`), the
 * archive made as it is read (`zip-writer.ts`), so memory holds one block, not the document. The
 * times `docx` stamps (core properties, zip entry dates) are the conclusion's fixed date, so the
 * same model gives the same bytes: the bytes `docx` + jszip gave for the whole document.
 */
import { Document, Footer, Packer, PageNumber, Paragraph, TextRun } from 'docx';
import type { LabelKey } from './labels.js';
import type { ConclusionLabels } from './helpers.js';
import { label } from './helpers.js';
import type { ConclusionHead, ConclusionModel, ConclusionParts } from './model.js';
import { modelDigest, partsOfModel } from './model.js';
import { outlineBlocks } from './outline.js';
import { pageMark } from './record-text.js';
import { pdfDate } from './pdf.js';
import { blockXml, cleanText, DOCX_FONT, DOCX_MONO_FONT } from './docx-xml.js';
import type { ByteSpool, ZipEntry } from './zip-writer.js';
import { memorySpool, zipParts } from './zip-writer.js';
import { unzipInOrder } from './fixed-zip-dates.js';
import { InternalError } from '../core/errors.js';

const DOCUMENT_PART = 'word/document.xml';
const BODY_START = '<w:body>';

/** Renders the conclusion model to DOCX bytes; same model and labels → same bytes. */
export async function renderDocxConclusion(model: ConclusionModel, labels: ConclusionLabels): Promise<Uint8Array> {
  return Buffer.concat([...(await docxConclusionParts(partsOfModel(model), labels, modelDigest(model)))]);
}

/**
 * The DOCX of a conclusion in parts (`digest`: the model digest in its footer and properties), as
 * byte parts made as they are read: the body's blocks are made from the streamed lists then, and
 * its compressed bytes wait in a spool from `spool` (in memory by default) until their size is
 * known. A body past the 4 GiB of a plain ZIP is a UserError.
 */
export async function docxConclusionParts(parts: ConclusionParts, labels: ConclusionLabels, digest: string, spool: () => ByteSpool = memorySpool): Promise<Iterable<Uint8Array>> {
  const head = parts.head;
  const skeleton = await packageAround(head, labels, digest);
  const entries = skeleton.map(({ name, content }): ZipEntry => {
    if (name !== DOCUMENT_PART) return { name, content };
    const xml = Buffer.from(content).toString('utf8');
    const at = xml.indexOf(BODY_START);
    if (at === -1 || xml.indexOf(BODY_START, at + 1) !== -1) throw new InternalError(`${DOCUMENT_PART} of docx's package: no single ${BODY_START}`);
    return { name, content: bodyParts(xml.slice(0, at + BODY_START.length), parts, labels, xml.slice(at + BODY_START.length)) };
  });
  return zipParts(entries, pdfDate(head), spool, `report.${head.language}.docx`);
}

/** `word/document.xml`: what `docx` wrote before and after the body, the blocks between. */
function* bodyParts(before: string, parts: ConclusionParts, labels: ConclusionLabels, after: string): Generator<string> {
  yield before;
  for (const block of outlineBlocks(parts, labels)) yield blockXml(block);
  yield after;
}

/**
 * The parts of the package `docx` writes for this conclusion with an empty body, in its order,
 * each as it will be archived: the core properties dated with the conclusion's date.
 */
async function packageAround(head: ConclusionHead, labels: ConclusionLabels, digest: string): Promise<{ name: string; content: Uint8Array }[]> {
  const t = (key: LabelKey) => label(labels, key);
  const run = (text: string, size: number, mono = false) => new TextRun({ text: cleanText(text), font: mono ? DOCX_MONO_FONT : DOCX_FONT, size });
  const para = (children: TextRun[]) => new Paragraph({ children, spacing: { after: 80 } });
  const [beforePage, rest = ''] = t('pageOf').split('{page}');
  const [between, afterPages = ''] = rest.split('{pages}');
  const pageRuns: (string | (typeof PageNumber)[keyof typeof PageNumber])[] = [cleanText(beforePage ?? ''), PageNumber.CURRENT, cleanText(between ?? ''), PageNumber.TOTAL_PAGES, cleanText(afterPages)];
  const footer = new Footer({
    children: [
      para([run(`${t('caseNumber')}: ${head.case.caseNumber ?? t('notRecorded')} — ${pageMark(head, labels)}    `, 15), new TextRun({ children: pageRuns, font: DOCX_FONT, size: 15 })]),
      para([run(`${t('reportDigest')} (SHA-256): `, 14), run(digest, 14, true)]),
    ],
  });
  const document = new Document({
    creator: head.case.examiner ?? t('notRecorded'),
    title: head.case.caseNumber === null ? t('title') : `${t('title')} ${head.case.caseNumber}`,
    description: `soz ${head.tool.version}; ${t('reportDigest')} ${digest}`,
    styles: { default: { document: { run: { font: DOCX_FONT } } } },
    sections: [{ footers: { default: footer }, children: [] }],
  });
  const iso = pdfDate(head).toISOString().replace(/\.\d{3}Z$/, 'Z');
  // docx stamps the clock into the core properties: the conclusion's date instead.
  return (await unzipInOrder(await Packer.toBuffer(document))).map(({ name, content }) =>
    name === 'docProps/core.xml' ? { name, content: Buffer.from(Buffer.from(content).toString('utf8').replace(/(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${iso}$3`), 'utf8') } : { name, content },
  );
}
