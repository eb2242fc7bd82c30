/**
 * The document view: the whole text of one document, each chat message with its author, time and
 * thread, every candidate marked in place; words selected in the text become an examiner's finding.
 */
import { get, post } from './api.js';
import { el, replace, svg } from './dom.js';
import { busy, codeLabel, documentOf, failed, label, loadCandidates, main, rememberReason, renderTop, say, selectCandidate, state } from './core.js';
import { pdfPageOf } from './page-region.js';
import type { Candidate, DocumentSummary, DocumentView, SegmentView } from '../src/desk/wire.js';

/** Opens a document in the document tab, the finding's mark (if any) in view. */
export async function openInDocument(documentId: string, findingId: string | null): Promise<void> {
  state.documentId = documentId;
  state.tab = 'document';
  await renderDocumentTab();
  renderTop();
  if (findingId) {
    const candidate = state.candidates.find((other) => other.finding.id === findingId);
    const picture = candidate ? pictureOf(candidate) : null;
    if (picture) document.getElementById('document-text')?.before(picture);
    const mark = main.querySelector(`mark[data-findings~="${CSS.escape(findingId)}"]`);
    mark?.classList.add('current');
    mark?.scrollIntoView({ block: 'center' });
  }
}

/**
 * Where a candidate lies on its page or picture. Text read by OCR: the picture itself (the
 * evidence copy, or the PDF page rendered again as the OCR read it, from the desk's server) with
 * the box of each of the finding's words drawn over it in SVG. A PDF page with a text layer: the
 * page drawn by the server with the candidate's words outlined (`pdfPageOf`). Otherwise null.
 */
export function pictureOf(candidate: Candidate): HTMLElement | null {
  const place = candidate.finding.place;
  if (!place.image) return place.page === undefined ? null : pdfPageOf(candidate, place.page);
  const boxes = svg('svg', { id: 'picture-boxes', preserveAspectRatio: 'none' });
  const image = el('img', {
    id: 'picture',
    alt: label('picture'),
    src: `/picture?finding=${encodeURIComponent(candidate.finding.id)}`,
    onload: () => {
      boxes.setAttribute('viewBox', `0 0 ${image.naturalWidth} ${image.naturalHeight}`);
      const rect = (box: readonly number[], kind: string) => svg('rect', { x: box[0]!, y: box[1]!, width: box[2]!, height: box[3]!, class: kind });
      boxes.append(rect(place.image!.box, 'finding-box'), ...(candidate.wordBoxes ?? []).map((box) => rect(box, 'word-box')));
    },
    onerror: () => figure.replaceWith(el('p', { id: 'page-note', class: 'note' }, label('noPicture'))),
  });
  const figure = el('figure', { id: 'picture-region' }, el('div', { class: 'picture-frame' }, image, boxes), el('figcaption', { class: 'note' }, label('picture'), place.page !== undefined ? ` — ${label('page')} ${place.page}` : ''));
  return figure;
}

/** The document tab: picker, add-a-finding bar, the text with its candidates marked. */
export async function renderDocumentTab(): Promise<void> {
  if (state.documentList.length === 0) state.documentList = await get<DocumentSummary[]>('/api/documents');
  state.documentId ??= state.documentList[0]?.id ?? null;
  const picker = el(
    'select',
    {
      id: 'document-picker',
      onchange: (event: Event) => {
        state.documentId = (event.target as HTMLSelectElement).value;
        void renderDocumentTab();
      },
    },
    ...state.documentList.map((doc) => el('option', { value: doc.id, selected: doc.id === state.documentId }, `${doc.evidenceName} (${doc.segments})`)),
  );
  const categories = el('select', { id: 'add-category' }, ...Object.entries(state.session!.categories).map(([value, name]) => el('option', { value }, name)));
  const reason = el('input', { id: 'add-reason', type: 'text', placeholder: label('reasonPlaceholder') });
  const text = el('div', { id: 'document-text' });
  replace(
    main,
    el('div', { class: 'filters' }, picker),
    el('div', { class: 'actions' }, el('small', {}, label('selectionHint')), ' ', el('label', {}, label('category'), ' ', categories), el('label', {}, label('reason'), ' ', reason), el('button', { type: 'button', id: 'add-finding', onclick: () => void addFromSelection() }, label('addFinding'))),
    text,
  );
  if (state.documentId === null) return;
  const doc = await documentOf(state.documentId);
  text.append(...documentNodes(doc));
}

/**
 * The document's text in chunks, each one element holding one text node and `data-start` (its
 * offset), so a selection maps back to offsets; candidates are `<mark>`s; a chat message's
 * author, time and thread are shown above it.
 */
function documentNodes(doc: DocumentView): Node[] {
  const findings = state.candidates.filter((candidate) => candidate.finding.place.documentId === doc.id).map((candidate) => candidate.finding);
  const cuts = new Set<number>([0, doc.text.length]);
  for (const segment of doc.segments) cuts.add(segment.range[0]);
  for (const finding of findings) {
    cuts.add(finding.place.range[0]);
    cuts.add(finding.place.range[1]);
  }
  const points = [...cuts].filter((point) => point >= 0 && point <= doc.text.length).sort((a, b) => a - b);
  const segmentAt = new Map(doc.segments.map((segment) => [segment.range[0], segment]));
  const nodes: Node[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [start, end] = [points[i]!, points[i + 1]!];
    const segment = segmentAt.get(start);
    if (segment && (segment.messageId !== undefined || segment.page !== undefined)) nodes.push(messageHeader(segment));
    const covering = findings.filter((finding) => finding.place.range[0] <= start && finding.place.range[1] >= end);
    const chunk = doc.text.slice(start, end);
    nodes.push(
      covering.length > 0
        ? el('mark', { 'data-start': start, 'data-findings': covering.map((finding) => finding.id).join(' '), title: covering.map((finding) => finding.category).join(', '), onclick: () => selectCandidate(covering[0]!.id) }, chunk)
        : el('span', { 'data-start': start }, chunk),
    );
  }
  return nodes;
}

function messageHeader(segment: SegmentView): HTMLElement {
  const parts = [
    segment.page !== undefined ? `${label('page')} ${segment.page}` : '',
    segment.messageId !== undefined ? `#${segment.messageId}` : '',
    segment.author ?? '',
    segment.time ?? '',
    segment.role === undefined ? '' : codeLabel('role', segment.role),
    segment.replyTo !== undefined ? `${label('replyTo')} #${segment.replyTo}` : '',
    segment.forwardedFrom !== undefined ? `${label('forwardedFrom')}: ${segment.forwardedFrom}` : '',
  ].filter((part) => part !== '');
  return el('div', { class: 'segment-head', contenteditable: 'false' }, parts.join(' · '));
}

/** Offset in the document text of a point of the selection (inside a chunk's text node). */
function offsetOf(node: Node | null, offset: number): number | null {
  const element = node?.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element | null);
  const start = element?.closest('[data-start]')?.getAttribute('data-start');
  return start === null || start === undefined ? null : Number(start) + (node?.nodeType === Node.TEXT_NODE ? offset : 0);
}

async function addFromSelection(): Promise<void> {
  const selection = window.getSelection();
  const range = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : null;
  const start = range ? offsetOf(range.startContainer, range.startOffset) : null;
  const end = range ? offsetOf(range.endContainer, range.endOffset) : null;
  const reason = (document.getElementById('add-reason') as HTMLInputElement).value.trim();
  if (start === null || end === null || end <= start || state.documentId === null) return say(label('selectionHint'), 'error');
  if (reason === '') return say(label('reasonPlaceholder'), 'error');
  try {
    const category = (document.getElementById('add-category') as HTMLSelectElement).value;
    const added = await post<{ findingId: string }>('/api/add', { documentId: state.documentId, start, end, category, reason }, busy);
    rememberReason(reason);
    await loadCandidates();
    say(`${added.findingId}: ${label('saved')}`);
    await openInDocument(state.documentId, added.findingId);
  } catch (error) {
    failed(error);
  }
}

