/**
 * The examiner's desk in the browser: the entry point. It registers each view (one module per
 * view, sharing `core.ts`), maps the keys to the candidate list's actions and starts the page.
 * Everything shown comes from the desk's server; every decision is a POST that the server turns
 * into a logged case change. Text is inserted only through `dom.ts` (text nodes).
 */
import { ApiError, get } from './api.js';
import { keyAction } from './keys.js';
import { failed, label, loadCandidates, registerView, say, show, state } from './core.js';
import { act, move, renderCandidates, undo } from './candidates.js';
import { renderDocumentTab } from './document.js';
import { renderConcordance } from './concordance.js';
import { renderKnown } from './known.js';
import { renderProcedure } from './procedure.js';
import { renderDraft } from './draft.js';
import type { Session } from '../src/desk/wire.js';

registerView('candidates', renderCandidates);
registerView('document', renderDocumentTab);
registerView('concordance', renderConcordance);
registerView('known', renderKnown);
registerView('procedure', renderProcedure);
registerView('draft', renderDraft);

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

/** Loads the session (labels in the desk's language) and the candidates, then shows the list. */
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
