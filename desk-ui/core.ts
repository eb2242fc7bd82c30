/**
 * The desk's shared core: the page's state, its labels, the status line, the reasons the
 * examiner reuses, the case data every view reads, and moving between tabs. Each view registers
 * its renderer here (`app.ts`), so views call one another only through `show`.
 */
import { get } from './api.js';
import { el, fill, replace } from './dom.js';
import type { FilterKey, Filters } from './filters.js';
import { applyFilters } from './filters.js';
import type { Candidate, CaseSummary, Concordance, DocumentSummary, DocumentView, Session } from '../src/desk/wire.js';

export type Tab = 'candidates' | 'document' | 'concordance' | 'known' | 'procedure' | 'draft';
export const TABS: readonly Tab[] = ['candidates', 'document', 'concordance', 'known', 'procedure', 'draft'];
export type Pending = 'accepted' | 'rejected' | 'voice' | null;

const REASONS_KEY = 'soz-desk-reasons';

/** What the page holds between renders. */
export const state = {
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

export const main = document.getElementById('main')!;
const top = document.getElementById('top')!;
const statusLine = document.getElementById('status')!;

/** A label of the desk in the session's language (the key itself until the session is loaded). */
export function label(key: string): string {
  return state.session?.labels[key] ?? key;
}

/**
 * The label of a code under a prefix (`role` + `media-only` → `roleMediaOnly`), for codes the
 * server sends as they are recorded (chat roles, the fields a step asks for); the code itself
 * when the labels have none (a field added to the procedure after the labels were written).
 */
export function codeLabel(prefix: string, code: string): string {
  const key = prefix + code.split('-').map((part) => part.slice(0, 1).toUpperCase() + part.slice(1)).join('');
  return state.session?.labels[key] ?? code;
}

/** One line in the status bar. */
export function say(text: string, kind: 'info' | 'error' = 'info'): void {
  statusLine.className = kind;
  replace(statusLine, text);
}

/** A refusal or failure, said in the status bar with the server's one line. */
export function failed(error: unknown): void {
  say(`${label('failed')}: ${error instanceof Error ? error.message : String(error)}`, 'error');
}

/** What the status bar says while another command holds the case. */
export function busy(): void {
  say(label('busy'));
}

/** The last 12 reasons the examiner typed (this browser only), newest first. */
export function recentReasons(): string[] {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(REASONS_KEY) ?? '[]');
    return Array.isArray(stored) ? stored.filter((item): item is string => typeof item === 'string').slice(0, 12) : [];
  } catch {
    return [];
  }
}

export function rememberReason(reason: string): void {
  localStorage.setItem(REASONS_KEY, JSON.stringify([reason, ...recentReasons().filter((item) => item !== reason)].slice(0, 12)));
}

/** The case summary and every candidate, fresh from the case. */
export async function loadCandidates(): Promise<void> {
  const [summary, candidates] = await Promise.all([get<CaseSummary>('/api/case'), get<Candidate[]>('/api/candidates')]);
  state.summary = summary;
  state.candidates = candidates;
}

/** A document of the case (fetched once). */
export async function documentOf(id: string): Promise<DocumentView> {
  let doc = state.documents.get(id);
  if (!doc) {
    doc = await get<DocumentView>(`/api/document?id=${encodeURIComponent(id)}`);
    state.documents.set(id, doc);
  }
  return doc;
}

/** The candidates the filters let through. */
export function visible(): Candidate[] {
  return applyFilters(state.candidates, state.filters);
}

export function selected(): Candidate | undefined {
  return state.candidates.find((candidate) => candidate.finding.id === state.selectedId);
}

/** A value of a filter as the examiner reads it (status, category, voice and counter-indicator names). */
export function valueName(key: FilterKey, value: string): string {
  const session = state.session!;
  if (key === 'status') return label({ open: 'statusOpen', accepted: 'statusAccepted', rejected: 'statusRejected' }[value] ?? value);
  if (key === 'category') return session.categories[value] ?? value;
  if (key === 'voice') return session.voices[value] ?? value;
  if (key === 'countervailing') return session.counterIndicators[value] ?? value;
  return value;
}

const views = new Map<Tab, () => Promise<void> | void>();

/** Registers the renderer of a tab. */
export function registerView(tab: Tab, render: () => Promise<void> | void): void {
  views.set(tab, render);
}

/** Shows a tab: its view rendered into the main area, the header with progress and tabs. */
export async function show(tab: Tab): Promise<void> {
  state.tab = tab;
  try {
    await views.get(tab)?.();
  } catch (error) {
    failed(error);
  }
  renderTop();
}

/** From anywhere to one candidate in the list, every filter cleared so it is shown. */
export function selectCandidate(findingId: string): void {
  state.selectedId = findingId;
  state.filters = {};
  void show('candidates');
}

/** The header: case number, progress "reviewed n of N", the tabs and the keys. */
export function renderTop(): void {
  const summary = state.summary;
  const reviewed = state.candidates.filter((candidate) => candidate.status !== 'open').length;
  replace(
    top,
    el('h1', {}, label('title'), summary ? ` — ${summary.caseNumber ?? label('notRecorded')}` : ''),
    el('progress', { id: 'progress', max: state.candidates.length || 1, value: reviewed }),
    el('span', { id: 'progress-text' }, fill(label('progress'), { n: reviewed, total: state.candidates.length })),
    el('nav', {}, ...TABS.map((tab) => el('button', { type: 'button', id: `tab-${tab}`, class: tab === state.tab ? 'tab current' : 'tab', onclick: () => void show(tab) }, label(tab)))),
    el('p', { class: 'keys' }, label('keys')),
  );
}
