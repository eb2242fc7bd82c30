/**
 * The draft: rendered into the case as `soz report --format html` does (logged) and shown in a
 * sandboxed frame under the draft's own policy (no script).
 */
import { post } from './api.js';
import { el, replace } from './dom.js';
import { busy, failed, label, main, say } from './core.js';

/** The draft tab: "render the draft", a link to open it, and the frame. */
export function renderDraft(): void {
  const frame = el('iframe', { id: 'draft-frame', sandbox: '', title: label('draft') });
  const link = el('a', { id: 'open-draft', href: '/draft', target: '_blank', rel: 'noopener' }, label('openDraft'));
  const render = async () => {
    try {
      busy();
      const outcome = await post<{ path: string; digest: string }>('/api/draft', {}, busy);
      say(`${outcome.path}: ${outcome.digest}`);
      frame.src = `/draft?digest=${outcome.digest}`;
    } catch (error) {
      failed(error);
    }
  };
  replace(main, el('div', { class: 'actions' }, el('button', { type: 'button', id: 'render-draft', onclick: () => void render() }, label('renderDraft')), ' ', link), frame);
  frame.src = '/draft';
}
