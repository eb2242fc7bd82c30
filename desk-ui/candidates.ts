/**
 * The candidate list: filters with counts, the selected candidate in its message or page with
 * what weighs against it, and the examiner's decisions (accept, reject, by rule, voice, undo),
 * each a POST the server turns into a logged case change.
 */
import { post } from './api.js';
import { el, fill, marked, replace } from './dom.js';
import type { Child } from './dom.js';
import type { FilterKey } from './filters.js';
import { FILTER_KEYS, optionCounts, undatedCount } from './filters.js';
import { busy, codeLabel, documentOf, failed, label, loadCandidates, main, recentReasons, rememberReason, renderTop, say, selected, state, valueName, visible } from './core.js';
import { openInDocument, pictureOf } from './document.js';
import { KNOWN_MATERIAL, openPassage } from './known.js';
import type { Candidate, SegmentView } from '../src/desk/wire.js';

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
    dateFilter(),
  );
}

/**
 * From / to on the date of the candidate's message; the candidates without a date are counted
 * beside it and stay in the list (marked "no date") unless the examiner unticks them.
 */
function dateFilter(): HTMLElement {
  const bound = (key: 'dateFrom' | 'dateTo', name: string) =>
    el(
      'label',
      {},
      name,
      ' ',
      el('input', {
        id: `filter-${key === 'dateFrom' ? 'date-from' : 'date-to'}`,
        type: 'date',
        value: state.filters[key] ?? '',
        onchange: (event: Event) => {
          const value = (event.target as HTMLInputElement).value;
          if (value === '') delete state.filters[key];
          else state.filters[key] = value;
          void renderCandidates();
        },
      }),
    );
  const withUndated = el('input', {
    id: 'filter-undated',
    type: 'checkbox',
    checked: state.filters.hideUndated !== true,
    onchange: (event: Event) => {
      state.filters.hideUndated = !(event.target as HTMLInputElement).checked;
      void renderCandidates();
    },
  });
  return el('span', { class: 'date-filter' }, bound('dateFrom', label('filterDateFrom')), bound('dateTo', label('filterDateTo')), el('label', {}, withUndated, ' ', label('withUndated'), ' ', el('span', { id: 'undated' }, `(${fill(label('undated'), { n: undatedCount(state.candidates, state.filters) })})`)));
}

/** The list with its filters and the selected candidate beside it. */
export async function renderCandidates(): Promise<void> {
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
          'data-category': candidate.finding.category,
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
        ' ',
        el('small', { class: candidate.date === undefined ? 'date undated' : 'date' }, candidate.date?.slice(0, 10) ?? label('noDate')),
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
    [label('role'), segment.role === undefined ? undefined : codeLabel('role', segment.role)],
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
    pictureOf(candidate),
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
export async function act(kind: 'accepted' | 'rejected' | 'voice'): Promise<void> {
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

export async function undo(): Promise<void> {
  try {
    await post('/api/undo', {}, busy);
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

/** Moves the selection `step` places in the list. */
export function move(step: number): void {
  const list = visible();
  const index = list.findIndex((candidate) => candidate.finding.id === state.selectedId);
  const next = list[Math.min(list.length - 1, Math.max(0, index + step))];
  if (next) state.selectedId = next.finding.id;
  void renderCandidates();
}

