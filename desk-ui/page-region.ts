/**
 * A candidate on a PDF page with a text layer, shown on the page: the page as pdftoppm draws it
 * (from the desk's server) with the text runs the candidate lies in and its words outlined in SVG,
 * in the page's points. When the server cannot map the candidate's characters onto the page
 * exactly it says why and no box is drawn; without pdftoppm the boxes are drawn on the page's
 * outline and the page says so.
 */
import { get } from './api.js';
import { el, fill, svg } from './dom.js';
import { label } from './core.js';
import type { Box, Candidate, PageRegion } from '../src/desk/wire.js';

/** Why no box is drawn, by the server's reason. */
const UNMAPPED: Readonly<Record<Extract<PageRegion, { mapped: false }>['why'], string>> = {
  normalised: 'pageNormalised',
  'text-differs': 'pageTextDiffers',
  unreadable: 'pageUnreadable',
};

/** The smallest box holding every box given. */
function union(boxes: readonly Box[]): Box | undefined {
  if (boxes.length === 0) return undefined;
  const left = Math.min(...boxes.map((box) => box[0]));
  const top = Math.min(...boxes.map((box) => box[1]));
  const right = Math.max(...boxes.map((box) => box[0] + box[2]));
  const bottom = Math.max(...boxes.map((box) => box[1] + box[3]));
  return [left, top, right - left, bottom - top];
}

/** The figure of a candidate's PDF page: at once its caption, then the page and boxes once the server answers. */
export function pdfPageOf(candidate: Candidate, page: number): HTMLElement {
  const caption = el('figcaption', { class: 'note', id: 'page-note' }, `${label('page')} ${page}`);
  const figure = el('figure', { id: 'picture-region', class: 'pdf-page' }, caption);
  void get<PageRegion>(`/api/page-region?finding=${encodeURIComponent(candidate.finding.id)}`).then(
    (region) => drawRegion(figure, caption, candidate, region),
    // Not on a page the server can read again (its container no longer gives the PDF, say): the page number and the server's line.
    (error: unknown) => caption.append(error instanceof Error ? ` — ${error.message}` : ''),
  );
  return figure;
}

function drawRegion(figure: HTMLElement, caption: HTMLElement, candidate: Candidate, region: PageRegion): void {
  const picture = region.rendered ? el('img', { id: 'picture', alt: fill(label('pdfPage'), { page: region.page }), src: `/picture?finding=${encodeURIComponent(candidate.finding.id)}` }) : null;
  if (!region.mapped) {
    caption.replaceChildren(fill(label(UNMAPPED[region.why]), { page: region.page }));
    if (picture) figure.prepend(el('div', { class: 'picture-frame' }, picture));
    return;
  }
  const boxes = svg('svg', { id: 'picture-boxes', viewBox: `0 0 ${region.width} ${region.height}`, preserveAspectRatio: 'none' });
  const rect = (box: Box, kind: string) => svg('rect', { x: box[0], y: box[1], width: box[2], height: box[3], class: kind });
  const whole = union(region.words);
  boxes.append(...region.runs.map((box) => rect(box, 'run-box')), ...region.words.map((box) => rect(box, 'word-box')), ...(whole ? [rect(whole, 'finding-box')] : []));
  const frame = el('div', { class: picture ? 'picture-frame' : 'picture-frame page-outline' }, picture, boxes);
  // Set through the CSSOM: the desk's policy allows no style attribute.
  if (!picture) frame.style.aspectRatio = `${region.width} / ${region.height}`;
  figure.prepend(frame);
  caption.replaceChildren(fill(label('pdfPage'), { page: region.page }), region.rendered ? '' : ` ${label('noPoppler')}`);
}
