/**
 * The examiner's desk in the browser: candidate list with filters and keyboard decisions, the
 * document with the candidate in place, the concordance with its dispersion plot, the procedure
 * and the draft. Everything shown comes from the desk's server; every decision is a POST that the
 * server turns into a logged case change. Text is inserted only through `dom.ts` (text nodes).
 */
import { ApiError, get, post } from './api.js';
import { el, fill, marked, replace, svg } from './dom.js';
import type { Child } from './dom.js';
import type { FilterKey, Filters } from './filters.js';
import { applyFilters, FILTER_KEYS, optionCounts } from './filters.js';
import { keyAction } from './keys.js';
import type { Candidate, CaseSummary, Concordance, DocumentSummary, DocumentView, KnownMaterial, KnownPassage, KwicLine, Procedure, SegmentView, Session, TextPart } from '../src/desk/wire.js';

type Tab = 'candidates' | 'document' | 'concordance' | 'known' | 'procedure' | 'draft';
type Pending = 'accepted' | 'rejected' | 'voice' | null;

const REASONS_KEY = 'soz-desk-reasons';

const state = {
  session: null as Session | null,
  summary: null as CaseSummary | null,
  candidates: [] as Candidate[],
  filters: {} as Filters,
  selectedId: null as string | null,
  tab: 'candidates' as Tab,
  pending: null as Pending,
  documents: new Map<string, DocumentView>(),
  documentList: [] as DocumentSummary[],
  documentId: null as string | null,
  concordance: null as Concordance | null,
  sort: 'document' as 'document' | 'left' | 'right',
};

const main = document.getElementById('main')!;
const top = document.getElementById('top')!;
const statusLine = document.getElementById('status')!;

function label(key: string): string {
  return state.session?.labels[key] ?? key;
}

function say(text: string, kind: 'info' | 'error' = 'info'): void {
  statusLine.className = kind;
  replace(statusLine, text);
}

function failed(error: unknown): void {
  say(`${label('failed')}: ${error instanceof Error ? error.message : String(error)}`, 'error');
}

// ---------------------------------------------------------------- reasons the examiner reuses

function recentReasons(): string[] {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(REASONS_KEY) ?? '[]');
    return Array.isArray(stored) ? stored.filter((item): item is string => typeof item === 'string').slice(0, 12) : [];
  } catch {
    return [];
  }
}

function rememberReason(reason: string): void {
  localStorage.setItem(REASONS_KEY, JSON.stringify([reason, ...recentReasons().filter((item) => item !== reason)].slice(0, 12)));
}

// ---------------------------------------------------------------- loading

async function loadCandidates(): Promise<void> {
  const [summary, candidates] = await Promise.all([get<CaseSummary>('/api/case'), get<Candidate[]>('/api/candidates')]);
  state.summary = summary;
  state.candidates = candidates;
}

async function documentOf(id: string): Promise<DocumentView> {
  let doc = state.documents.get(id);
  if (!doc) {
    doc = await get<DocumentView>(`/api/document?id=${encodeURIComponent(id)}`);
    state.documents.set(id, doc);
  }
  return doc;
}

function visible(): Candidate[] {
  return applyFilters(state.candidates, state.filters);
}

function selected(): Candidate | undefined {
  return state.candidates.find((candidate) => candidate.finding.id === state.selectedId);
}

// ---------------------------------------------------------------- header

function renderTop(): void {
  const summary = state.summary;
  const reviewed = state.candidates.filter((candidate) => candidate.status !== 'open').length;
  const tabs: Tab[] = ['candidates', 'document', 'concordance', 'known', 'procedure', 'draft'];
  replace(
    top,
    el('h1', {}, label('title'), summary ? ` — ${summary.caseNumber}` : ''),
    el('progress', { id: 'progress', max: state.candidates.length || 1, value: reviewed }),
    el('span', { id: 'progress-text' }, fill(label('progress'), { n: reviewed, total: state.candidates.length })),
    el('nav', {}, ...tabs.map((tab) => el('button', { type: 'button', id: `tab-${tab}`, class: tab === state.tab ? 'tab current' : 'tab', onclick: () => void show(tab) }, label(tab)))),
    el('p', { class: 'keys' }, label('keys')),
  );
}

async function show(tab: Tab): Promise<void> {
  state.tab = tab;
  try {
    if (tab === 'candidates') await renderCandidates();
    if (tab === 'document') await renderDocumentTab();
    if (tab === 'concordance') renderConcordance();
    if (tab === 'known') await renderKnown();
    if (tab === 'procedure') await renderProcedure();
    if (tab === 'draft') renderDraft();
  } catch (error) {
    failed(error);
  }
  renderTop();
}

// ---------------------------------------------------------------- candidates

function filterBar(): HTMLElement {
  const names: Record<FilterKey, string> = {
    status: label('filterStatus'),
    category: label('filterCategory'),
    author: label('filterAuthor'),
    originalAuthor: label('filterOriginalAuthor'),
    voice: label('filterVoice'),
    countervailing: label('filterCounter'),
    document: label('filterDocument'),
  };
  return el(
    'div',
    { class: 'filters' },
    ...FILTER_KEYS.map((key) =>
      el(
        'label',
        {},
        names[key],
        ' ',
        el(
          'select',
          {
            id: `filter-${key}`,
            onchange: (event: Event) => {
              const value = (event.target as HTMLSelectElement).value;
              if (value === '') delete state.filters[key];
              else state.filters[key] = value;
              void renderCandidates();
            },
          },
          el('option', { value: '' }, label('all')),
          ...optionCounts(state.candidates, state.filters, key).map(([value, count]) => el('option', { value, selected: state.filters[key] === value }, `${valueName(key, value)} (${count})`)),
        ),
      ),
    ),
  );
}

function valueName(key: FilterKey, value: string): string {
  const session = state.session!;
  if (key === 'status') return label({ open: 'statusOpen', accepted: 'statusAccepted', rejected: 'statusRejected' }[value] ?? value);
  if (key === 'category') return session.categories[value] ?? value;
  if (key === 'voice') return session.voices[value] ?? value;
  if (key === 'countervailing') return session.counterIndicators[value] ?? value;
  return value;
}

async function renderCandidates(): Promise<void> {
  const list = visible();
  if (!list.some((candidate) => candidate.finding.id === state.selectedId)) state.selectedId = list[0]?.finding.id ?? null;
  const items = el(
    'ol',
    { id: 'candidate-list' },
    ...list.map((candidate) =>
      el(
        'li',
        {
          'data-id': candidate.finding.id,
          class: `${candidate.status}${candidate.finding.id === state.selectedId ? ' current' : ''}`,
          onclick: () => {
            state.selectedId = candidate.finding.id;
            void renderCandidates();
          },
        },
        el('span', { class: 'status' }, valueName('status', candidate.status)),
        ' ',
        el('b', {}, valueName('category', candidate.finding.category)),
        ' ',
        el('q', {}, candidate.finding.actual),
        ' ',
        el('small', {}, candidate.finding.place.evidenceName, candidate.finding.place.messageId ? ` #${candidate.finding.place.messageId}` : ''),
      ),
    ),
  );
  const detail = el('section', { id: 'detail' });
  replace(main, filterBar(), el('p', { id: 'shown' }, fill(label('shown'), { n: list.length })), el('div', { class: 'split' }, items, detail));
  items.querySelector('li.current')?.scrollIntoView({ block: 'nearest' });
  const current = selected();
  if (current) await renderDetail(detail, current);
}

function segmentMeta(segment: SegmentView | undefined): Child {
  if (!segment) return null;
  const rows: [string, string | undefined][] = [
    [label('message'), segment.messageId],
    [label('author'), segment.author],
    [label('time'), segment.time],
    [label('role'), segment.role],
    [label('forwardedFrom'), segment.forwardedFrom],
    [label('page'), segment.page === undefined ? undefined : String(segment.page)],
  ];
  return el('dl', { class: 'meta' }, ...rows.filter(([, value]) => value !== undefined).flatMap(([name, value]) => [el('dt', {}, name), el('dd', {}, value!)]));
}

async function renderDetail(detail: HTMLElement, candidate: Candidate): Promise<void> {
  const finding = candidate.finding;
  const session = state.session!;
  const doc = await documentOf(finding.place.documentId);
  const segment = doc.segments.find((candidateSegment) => candidateSegment.id === finding.place.segmentId);
  const [segStart, segEnd] = segment?.range ?? [Math.max(0, finding.place.range[0] - 300), Math.min(doc.text.length, finding.place.range[1] + 300)];
  const replied = segment?.replyTo !== undefined ? doc.segments.find((other) => other.messageId === segment.replyTo) : undefined;
  const voice = el('select', { id: 'voice', onchange: () => ((state.pending = 'voice'), document.getElementById('reason')?.focus()) }, ...Object.entries(session.voices).map(([value, name]) => el('option', { value, selected: value === (candidate.examinerVoice ?? finding.voice) }, name)));
  const reason = el('input', { id: 'reason', type: 'text', list: 'reasons', placeholder: label('reasonPlaceholder'), autocomplete: 'off', onkeydown: (event: Event) => reasonKey(event as KeyboardEvent) });
  const byRule = el('input', { id: 'by-rule', type: 'checkbox' });
  replace(
    detail,
    el('h2', {}, valueName('category', finding.category), ' — ', finding.reason),
    el('p', { class: 'place' }, finding.place.evidenceName, finding.place.page !== undefined ? `, ${label('page')} ${finding.place.page}` : '', finding.place.messageId !== undefined ? `, #${finding.place.messageId}` : '', `, ${finding.place.line}:${finding.place.column}`, ` · ${finding.id}`),
    replied ? el('blockquote', { class: 'reply' }, el('small', {}, `${label('replyTo')} #${replied.messageId ?? ''} — ${replied.author ?? ''}`), el('p', {}, doc.text.slice(replied.range[0], replied.range[1]))) : null,
    segmentMeta(segment),
    el('p', { id: 'in-place', class: 'context' }, ...marked(doc.text.slice(segStart, segEnd), finding.place.range[0] - segStart, finding.place.range[1] - segStart)),
    el(
      'dl',
      { class: 'facts' },
      finding.author !== undefined ? el('dt', {}, label('author')) : null,
      finding.author !== undefined ? el('dd', {}, finding.author) : null,
      finding.originalAuthor !== undefined ? el('dt', {}, label('originalAuthor')) : null,
      finding.originalAuthor !== undefined ? el('dd', {}, finding.originalAuthor) : null,
      el('dt', {}, label('filterVoice')),
      el('dd', { id: 'voice-shown' }, session.voices[finding.voice] ?? finding.voice, candidate.examinerVoice ? ` → ${label('examinerVoice')}: ${session.voices[candidate.examinerVoice] ?? candidate.examinerVoice} (${candidate.voiceReason ?? ''})` : ''),
      finding.countervailing.length > 0 ? el('dt', {}, label('counterIndicators')) : null,
      finding.countervailing.length > 0 ? el('dd', {}, finding.countervailing.map((code) => session.counterIndicators[code] ?? code).join('; ')) : null,
      finding.mainstreamMeaning !== undefined ? el('dt', {}, label('mainstreamMeaning')) : null,
      finding.mainstreamMeaning !== undefined ? el('dd', {}, finding.mainstreamMeaning) : null,
      el('dt', {}, label('filterStatus')),
      el('dd', { id: 'decision' }, valueName('status', candidate.status), candidate.reason !== undefined ? ` — ${candidate.reason}` : ''),
    ),
    finding.note !== undefined ? el('p', { class: 'note' }, finding.note) : null,
    el(
      'div',
      { class: 'actions' },
      el('label', {}, label('reason'), ' ', reason),
      el('datalist', { id: 'reasons' }, ...recentReasons().map((text) => el('option', { value: text }))),
      el('button', { type: 'button', id: 'accept', onclick: () => void act('accepted') }, label('accept')),
      el('button', { type: 'button', id: 'reject', onclick: () => void act('rejected') }, label('reject')),
      el('fieldset', { id: 'bears-on' }, el('legend', {}, label('bearsOn')), ...(state.summary?.questions ?? []).map((question) => el('label', { title: question.text }, el('input', { type: 'checkbox', class: 'question', value: question.id, checked: candidate.questionIds.includes(question.id) }), ` ${question.id} `, question.text.length > 60 ? `${question.text.slice(0, 60)}…` : question.text))),
      el('label', {}, byRule, ' ', label('byRule')),
      el('label', {}, label('filterVoice'), ' ', voice),
      el('button', { type: 'button', id: 'change-voice', onclick: () => void act('voice') }, label('voice')),
      el('button', { type: 'button', id: 'undo', onclick: () => void undo() }, label('undo')),
      el('button', { type: 'button', id: 'show-in-document', onclick: () => void openInDocument(finding.place.documentId, finding.id) }, label('document')),
      finding.category === KNOWN_MATERIAL ? el('button', { type: 'button', id: 'show-passage', onclick: () => void openPassage(finding.id) }, label('showPassage')) : null,
    ),
  );
}

function reasonKey(event: KeyboardEvent): void {
  if (event.key === 'Escape') (event.target as HTMLElement).blur();
  if (event.key === 'Enter' && state.pending) {
    event.preventDefault();
    void act(state.pending);
  }
}

/** Accept, reject or change the voice of the selected candidate (or its rule) with the reason typed. */
async function act(kind: 'accepted' | 'rejected' | 'voice'): Promise<void> {
  const candidate = selected();
  if (!candidate) return;
  const input = document.getElementById('reason') as HTMLInputElement | null;
  const reason = input?.value.trim() ?? '';
  if (reason === '') {
    state.pending = kind;
    input?.focus();
    say(label('reasonPlaceholder'), 'error');
    return;
  }
  state.pending = null;
  const busy = () => say(label('busy'));
  try {
    if (kind === 'voice') {
      const voice = (document.getElementById('voice') as HTMLSelectElement).value;
      await post('/api/voice', { findingIds: [candidate.finding.id], voice, reason }, busy);
    } else if ((document.getElementById('by-rule') as HTMLInputElement | null)?.checked) {
      await post('/api/rule', { findingId: candidate.finding.id, decision: kind, reason, questionIds: checkedQuestions(kind) }, busy);
    } else {
      await post('/api/decide', { findingIds: [candidate.finding.id], decision: kind, reason, questionIds: checkedQuestions(kind) }, busy);
    }
    rememberReason(reason);
    say(`${candidate.finding.id}: ${label('saved')}`);
    await loadCandidates();
    if (kind !== 'voice') moveToNextOpen(candidate.finding.id);
    await renderCandidates();
    renderTop();
  } catch (error) {
    failed(error);
  }
}

/** The questions ticked for an acceptance (a rejection bears on none). */
function checkedQuestions(kind: 'accepted' | 'rejected'): string[] {
  return kind === 'accepted' ? [...document.querySelectorAll<HTMLInputElement>('#bears-on input.question:checked')].map((box) => box.value) : [];
}

async function undo(): Promise<void> {
  try {
    await post('/api/undo', {}, () => say(label('busy')));
    say(`${label('undo')}: ${label('saved')}`);
    await loadCandidates();
    await renderCandidates();
    renderTop();
  } catch (error) {
    failed(error);
  }
}

/** After a decision: the next candidate of the list not yet reviewed, else the next one. */
function moveToNextOpen(fromId: string): void {
  const list = visible();
  const from = Math.max(0, list.findIndex((candidate) => candidate.finding.id === fromId));
  const after = [...list.slice(from + 1), ...list.slice(0, from + 1)];
  state.selectedId = (after.find((candidate) => candidate.status === 'open') ?? list[from + 1] ?? list[from])?.finding.id ?? null;
}

function move(step: number): void {
  const list = visible();
  const index = list.findIndex((candidate) => candidate.finding.id === state.selectedId);
  const next = list[Math.min(list.length - 1, Math.max(0, index + step))];
  if (next) state.selectedId = next.finding.id;
  void renderCandidates();
}

// ---------------------------------------------------------------- document

async function openInDocument(documentId: string, findingId: string | null): Promise<void> {
  state.documentId = documentId;
  state.tab = 'document';
  await renderDocumentTab();
  renderTop();
  if (findingId) {
    const mark = main.querySelector(`mark[data-findings~="${CSS.escape(findingId)}"]`);
    mark?.classList.add('current');
    mark?.scrollIntoView({ block: 'center' });
  }
}

async function renderDocumentTab(): Promise<void> {
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
        ? el('mark', { 'data-start': start, 'data-findings': covering.map((finding) => finding.id).join(' '), title: covering.map((finding) => finding.category).join(', '), onclick: () => selectFromDocument(covering[0]!.id) }, chunk)
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
    segment.role ?? '',
    segment.replyTo !== undefined ? `${label('replyTo')} #${segment.replyTo}` : '',
    segment.forwardedFrom !== undefined ? `${label('forwardedFrom')}: ${segment.forwardedFrom}` : '',
  ].filter((part) => part !== '');
  return el('div', { class: 'segment-head', contenteditable: 'false' }, parts.join(' · '));
}

function selectFromDocument(findingId: string): void {
  state.selectedId = findingId;
  state.filters = {};
  void show('candidates');
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
    const added = await post<{ findingId: string }>('/api/add', { documentId: state.documentId, start, end, category, reason }, () => say(label('busy')));
    rememberReason(reason);
    await loadCandidates();
    say(`${added.findingId}: ${label('saved')}`);
    await openInDocument(state.documentId, added.findingId);
  } catch (error) {
    failed(error);
  }
}

// ---------------------------------------------------------------- concordance

function renderConcordance(): void {
  const word = el('input', { id: 'word', type: 'search', placeholder: label('search'), value: state.concordance?.word ?? '' });
  const lemma = el('input', { id: 'lemma', type: 'checkbox' });
  const results = el('div', { id: 'concordance-results' });
  const run = async () => {
    try {
      state.concordance = await get<Concordance>(`/api/concordance?word=${encodeURIComponent(word.value)}&lemma=${lemma.checked ? '1' : '0'}`);
      drawConcordance(results);
    } catch (error) {
      failed(error);
    }
  };
  const sort = el(
    'select',
    {
      id: 'sort',
      onchange: (event: Event) => {
        state.sort = (event.target as HTMLSelectElement).value as typeof state.sort;
        drawConcordance(results);
      },
    },
    ...(['document', 'left', 'right'] as const).map((value) => el('option', { value, selected: state.sort === value }, label({ document: 'sortDocument', left: 'sortLeft', right: 'sortRight' }[value]))),
  );
  replace(
    main,
    el(
      'form',
      {
        class: 'filters',
        id: 'concordance-form',
        onsubmit: (event: Event) => {
          event.preventDefault();
          void run();
        },
      },
      word,
      el('label', {}, lemma, ' ', label('lemma')),
      el('button', { type: 'submit' }, label('concordance')),
      sort,
    ),
    results,
  );
  if (state.concordance) drawConcordance(results);
  word.focus();
}

/** Words of a context nearest the keyword first: the left context read backwards, as AntConc sorts it. */
function sortKey(line: KwicLine, side: 'left' | 'right'): string {
  const words = (side === 'left' ? line.left : line.right).trim().toLowerCase().split(/\s+/);
  return (side === 'left' ? words.reverse() : words).join(' ');
}

function drawConcordance(results: HTMLElement): void {
  const data = state.concordance!;
  const lines = [...data.lines];
  if (state.sort !== 'document') {
    const side = state.sort;
    lines.sort((a, b) => sortKey(a, side).localeCompare(sortKey(b, side)));
  }
  replace(
    results,
    el('h2', {}, `${data.word}: ${data.lines.length} ${label('occurrences')}`),
    el('h3', {}, label('dispersion')),
    dispersionPlot(data),
    el(
      'table',
      { id: 'kwic' },
      el(
        'tbody',
        {},
        ...lines.map((line) =>
          el(
            'tr',
            {},
            el('td', { class: 'left' }, line.left),
            el('td', { class: 'keyword' }, el('button', { type: 'button', class: 'link', onclick: () => void openAt(line) }, line.keyword)),
            el('td', { class: 'right' }, line.right),
            el('td', { class: 'where' }, line.evidenceName, line.messageId !== undefined ? ` #${line.messageId}` : '', line.author !== undefined ? ` (${line.author})` : ''),
          ),
        ),
      ),
    ),
    el('h3', {}, label('collocates')),
    el(
      'table',
      { id: 'collocates' },
      el('thead', {}, el('tr', {}, el('th', {}, label('search')), el('th', {}, 'O11'), el('th', {}, label('frequency')), el('th', {}, 'LL'), el('th', {}, 'MI'))),
      el('tbody', {}, ...data.collocates.map((row) => el('tr', {}, el('td', {}, row.item), el('td', {}, row.observed), el('td', {}, row.frequency), el('td', {}, row.logLikelihood.toFixed(2)), el('td', {}, row.mutualInformation.toFixed(2))))),
    ),
  );
}

async function openAt(line: KwicLine): Promise<void> {
  await openInDocument(line.documentId, null);
  const chunk = [...main.querySelectorAll<HTMLElement>('[data-start]')].filter((element) => Number(element.dataset['start']) <= line.range[0]).pop();
  chunk?.classList.add('current');
  chunk?.scrollIntoView({ block: 'center' });
}

/**
 * The dispersion plot in plain SVG: one bar per document, a tick where the word occurs
 * (position / length of the document); a second strip by time when the hits carry dates.
 */
function dispersionPlot(data: Concordance): SVGElement {
  const width = 640;
  const labelWidth = 200;
  const row = 22;
  const docs = data.dispersion.documents.filter((doc) => data.dispersion.points.some((point) => point.documentId === doc.id));
  const times = data.dispersion.points.map((point) => (point.time ? Date.parse(point.time) : NaN)).filter((time) => !Number.isNaN(time));
  const rows = docs.length + (times.length > 1 ? 1 : 0);
  const plot = svg('svg', { id: 'dispersion', width: width + labelWidth, height: rows * row + 4, viewBox: `0 0 ${width + labelWidth} ${rows * row + 4}`, role: 'img' });
  docs.forEach((doc, index) => {
    const y = index * row + 2;
    const hits = data.dispersion.points.filter((point) => point.documentId === doc.id);
    plot.append(
      svg('text', { x: 0, y: y + 15, class: 'plot-label' }, `${doc.evidenceName.slice(0, 28)} (${hits.length})`),
      svg('rect', { x: labelWidth, y, width, height: row - 4, class: 'plot-bar' }),
      ...hits.map((point) => {
        const x = labelWidth + (doc.length > 0 ? (point.offset / doc.length) * width : 0);
        return svg('line', { x1: x, x2: x, y1: y, y2: y + row - 4, class: 'plot-tick' });
      }),
    );
  });
  if (times.length > 1) {
    const [first, last] = [Math.min(...times), Math.max(...times)];
    const y = docs.length * row + 2;
    plot.append(
      svg('text', { x: 0, y: y + 15, class: 'plot-label' }, `${new Date(first).toISOString().slice(0, 10)} – ${new Date(last).toISOString().slice(0, 10)}`),
      svg('rect', { x: labelWidth, y, width, height: row - 4, class: 'plot-bar time' }),
      ...times.map((time) => {
        const x = labelWidth + (last > first ? ((time - first) / (last - first)) * width : 0);
        return svg('line', { x1: x, x2: x, y1: y, y2: y + row - 4, class: 'plot-tick' });
      }),
    );
  }
  return plot;
}

// ---------------------------------------------------------------- known material

/** Category of the candidates `soz compare` makes (one per matched passage). */
const KNOWN_MATERIAL = 'known-material';

/** A passage's text with its differing words in `<mark>` (text nodes only: both texts may be hostile). */
function passageText(parts: readonly TextPart[]): HTMLElement {
  return el('p', { class: 'context' }, ...parts.map((part) => (part.differs ? el('mark', {}, part.text) : part.text)));
}

function passageView(passage: KnownPassage, evidenceSide: string, librarySide: string): HTMLElement {
  return el(
    'section',
    { class: 'passage', id: `passage-${passage.findingId}`, 'data-finding': passage.findingId },
    el('h4', {}, passage.title),
    el('p', { class: 'place' }, passage.words),
    passage.decisionReason !== null ? el('p', { class: 'note' }, `${label('reason')}: ${passage.decisionReason}`) : null,
    el(
      'div',
      { class: 'side-by-side' },
      el('div', { class: 'evidence-side' }, el('h5', {}, evidenceSide), el('p', { class: 'place' }, passage.evidencePlace), passageText(passage.evidenceText)),
      el('div', { class: 'library-side' }, el('h5', {}, librarySide), el('p', { class: 'place' }, passage.libraryPlace), passageText(passage.libraryText)),
    ),
    el('button', { type: 'button', class: 'show-candidate', onclick: () => selectFromDocument(passage.findingId) }, label('showCandidate')),
  );
}

/** Per evidence item the library items it reproduces, with shares, the decision the library records, and each passage side by side. */
async function renderKnown(): Promise<void> {
  const known = await get<KnownMaterial>('/api/known');
  if (!known.compared) {
    replace(main, el('p', { id: 'never-compared' }, label('neverCompared')));
    return;
  }
  replace(
    main,
    el(
      'div',
      { id: 'known' },
      el('h2', {}, known.heading),
      el('p', {}, known.intro),
      el('p', { class: 'place' }, known.library),
      el('p', { class: 'note' }, known.marks),
      known.none !== null ? el('p', { id: 'known-none' }, known.none) : null,
      ...known.evidence.map((evidence) =>
        el(
          'section',
          { class: 'known-evidence' },
          el('h3', {}, evidence.title),
          ...evidence.items.map((item) => el('div', { class: 'known-item' }, el('h4', {}, item.title), el('p', { class: 'decision' }, item.decision), el('p', { class: 'place' }, item.shares), ...item.passages.map((passage) => passageView(passage, known.evidenceSide, known.librarySide)))),
        ),
      ),
    ),
  );
}

/** From a known-material candidate to its passage in the known-material view. */
async function openPassage(findingId: string): Promise<void> {
  await show('known');
  const passage = document.getElementById(`passage-${findingId}`);
  passage?.classList.add('current');
  passage?.scrollIntoView({ block: 'center' });
}

// ---------------------------------------------------------------- procedure and draft

async function renderProcedure(): Promise<void> {
  const procedure = await get<Procedure>('/api/procedure');
  replace(
    main,
    el('h2', {}, label('steps'), ` (${procedure.procedure})`),
    el('table', { id: 'steps' }, el('tbody', {}, ...procedure.steps.map((step) => el('tr', { class: step.state }, el('td', {}, step.number), el('td', {}, step.title), el('td', {}, step.state), el('td', {}, step.actor ?? ''))))),
    el('h2', {}, label('questions')),
    el(
      'ol',
      { id: 'questions' },
      ...procedure.questions.map((question) =>
        el('li', {}, el('b', {}, question.id), ' ', question.text, ' — ', question.disposition, question.flagged ? el('span', { class: 'flag' }, ` ⚠ ${label('guardFlagged')}: ${question.guardMatches.join(', ')}`) : null, question.answerLegalWording.length > 0 ? el('span', { class: 'flag' }, ` ⚠ ${question.answerLegalWording.join(', ')}`) : null),
      ),
    ),
    el('h2', {}, label('blocksFinal')),
    procedure.blocksFinal.length === 0 ? el('p', { id: 'blocks' }, label('nothingBlocks')) : el('ul', { id: 'blocks' }, ...procedure.blocksFinal.map((problem) => el('li', {}, problem))),
  );
}

function renderDraft(): void {
  const frame = el('iframe', { id: 'draft-frame', sandbox: '', title: label('draft') });
  const link = el('a', { id: 'open-draft', href: '/draft', target: '_blank', rel: 'noopener' }, label('openDraft'));
  const render = async () => {
    try {
      say(label('busy'));
      const outcome = await post<{ path: string; digest: string }>('/api/draft', {}, () => say(label('busy')));
      say(`${outcome.path}: ${outcome.digest}`);
      frame.src = `/draft?digest=${outcome.digest}`;
    } catch (error) {
      failed(error);
    }
  };
  replace(main, el('div', { class: 'actions' }, el('button', { type: 'button', id: 'render-draft', onclick: () => void render() }, label('renderDraft')), ' ', link), frame);
  frame.src = '/draft';
}

// ---------------------------------------------------------------- keys and start

document.addEventListener('keydown', (event) => {
  const target = event.target as HTMLElement;
  // Keys are the examiner's typing in a text field or a list; a ticked checkbox keeps them for the desk.
  if (target.closest('input:not([type=checkbox]), textarea, select')) return;
  const action = keyAction(event);
  if (action === null) return;
  if (action === 'concordance') {
    event.preventDefault();
    void show('concordance');
    return;
  }
  if (state.tab !== 'candidates') return;
  event.preventDefault();
  if (action === 'next') move(1);
  else if (action === 'previous') move(-1);
  else if (action === 'accept') void act('accepted');
  else if (action === 'reject') void act('rejected');
  else if (action === 'voice') {
    state.pending = 'voice';
    (document.getElementById('voice') as HTMLSelectElement | null)?.focus();
  } else if (action === 'undo') void undo();
});

async function start(): Promise<void> {
  try {
    state.session = await get<Session>('/api/session');
    document.documentElement.lang = state.session.language;
    document.title = label('title');
    await loadCandidates();
    await show('candidates');
  } catch (error) {
    if (error instanceof ApiError && error.status === 403) say(error.message, 'error');
    else failed(error);
  }
}

void start();
