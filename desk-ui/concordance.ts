/**
 * The concordance: KWIC lines for a word (or its stem) across the case, sortable by left or right
 * context, the collocates, and where the word occurs (dispersion and frequency charts, `charts.ts`).
 */
import { get } from './api.js';
import { el, fill, replace } from './dom.js';
import { failed, label, main, state } from './core.js';
import { openInDocument } from './document.js';
import { dispersionPlot, frequencyOverTime, frequencyPerDocument } from './charts.js';
import { perMonth } from './frequency.js';
import type { Concordance, KwicLine } from '../src/desk/wire.js';

/** The concordance tab: the query form and, once run, its results. */
export function renderConcordance(): void {
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
    el('h3', {}, label('frequencyPerDocument')),
    frequencyPerDocument(data),
    el('h3', {}, label('frequencyOverTime')),
    frequencyOverTime(data),
    el('p', { id: 'frequency-undated', class: 'note' }, fill(label('undated'), { n: perMonth(data).undated })),
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

