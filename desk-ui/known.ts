/**
 * The known-material view: what `soz compare` found, per evidence item the library items it
 * reproduces and each passage side by side with the differing words marked (text nodes only).
 */
import { get } from './api.js';
import { el, replace } from './dom.js';
import { label, main, selectCandidate, show } from './core.js';
import type { KnownMaterial, KnownPassage, TextPart } from '../src/desk/wire.js';

/** Category of the candidates `soz compare` makes (one per matched passage). */
export const KNOWN_MATERIAL = 'known-material';

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
    el('button', { type: 'button', class: 'show-candidate', onclick: () => selectCandidate(passage.findingId) }, label('showCandidate')),
  );
}

/** Per evidence item the library items it reproduces, with shares, the decision the library records, and each passage side by side. */
export async function renderKnown(): Promise<void> {
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
export async function openPassage(findingId: string): Promise<void> {
  await show('known');
  const passage = document.getElementById(`passage-${findingId}`);
  passage?.classList.add('current');
  passage?.scrollIntoView({ block: 'center' });
}

