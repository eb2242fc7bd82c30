/**
 * Renders a grade as one self-contained HTML feedback sheet
 * (no scripts, no external resources, a CSP that forbids both, every value escaped). Pure.
 */
import type { MessageParams } from '../core/messages.js';
import type { FeedbackItem, GradeResult } from './grade.js';
import { SKILLS, scoreText } from './grade.js';

/** A catalogue message in the sheet's language (`practice.sheet.…`, `practice.skill.…`, `practice.feedback.…`). */
export type SheetSay = (key: string, params?: MessageParams) => string;

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] as string);
}

/** The sections of the sheet, in order: one per kind of item. */
const KINDS: readonly FeedbackItem['kind'][] = ['fragment', 'trap', 'question', 'sop', 'review'];

function itemRow(item: FeedbackItem, say: SheetSay): string {
  const cells = [
    `<td class="${item.ok ? 'ok' : 'fix'}">${item.ok ? '✓' : '✗'}</td>`,
    `<td>${escapeHtml(item.ref)}</td>`,
    `<td>${escapeHtml(item.status)}</td>`,
    `<td>${escapeHtml(say(item.localised.key, item.localised.params))}${item.quote ? `<blockquote>${escapeHtml(item.quote)}</blockquote>` : ''}${item.material ? `<div class="src">${escapeHtml(item.material)}</div>` : ''}</td>`,
    `<td>${item.note ? escapeHtml(item.note) : ''}</td>`,
  ];
  return `<tr>${cells.join('')}</tr>`;
}

/**
 * The feedback sheet as one HTML file (UTF-8) in the language of `say` (`language` is its code),
 * deterministic for the same result and language.
 */
export function feedbackHtml(result: GradeResult, language: string, say: SheetSay): string {
  const text = (key: string, params?: MessageParams) => escapeHtml(say(key, params));
  const skills = SKILLS.map((skill) => `<tr><td>${text(`practice.skill.${skill}`)}</td><td class="num">${escapeHtml(scoreText(result.skills[skill]))}</td></tr>`).join('\n');
  const sections = KINDS.map((kind) => {
    const rows = result.items.filter((item) => item.kind === kind);
    if (rows.length === 0) return '';
    const head = ['item', 'status', 'feedback', 'note'].map((column) => `<th>${text(`practice.sheet.column.${column}`)}</th>`).join('');
    return `<h2>${text(`practice.sheet.kind.${kind}`)}</h2>\n<table><thead><tr><th></th>${head}</tr></thead><tbody>\n${rows.map((row) => itemRow(row, say)).join('\n')}\n</tbody></table>`;
  }).join('\n');
  const problems = result.problems.length === 0 ? '' : `<h2>${text('practice.sheet.not-checked')}</h2><ul>${result.problems.map((p) => `<li>${escapeHtml(p)}</li>`).join('')}</ul>`;
  return `<!DOCTYPE html>
<html lang="${escapeHtml(language)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; script-src 'none'; base-uri 'none'; form-action 'none'">
<meta name="referrer" content="no-referrer">
<title>${text('practice.sheet.title', { id: result.caseId })}</title>
<style>
body { font-family: "DejaVu Sans", Arial, sans-serif; margin: 2em; color: #111; }
table { border-collapse: collapse; width: 100%; margin-bottom: 1.5em; }
th, td { border: 1px solid #bbb; padding: 0.3em 0.5em; vertical-align: top; text-align: left; }
td.ok { color: #176317; } td.fix { color: #a01010; font-weight: bold; } td.num { text-align: right; white-space: nowrap; }
blockquote { margin: 0.3em 0 0 1em; font-style: italic; } .src { color: #555; font-size: 0.9em; }
@media print { body { margin: 0; } }
</style>
</head>
<body>
<h1>${text('practice.sheet.heading', { title: result.title })}</h1>
<p>${text('practice.sheet.intro', { id: result.caseId })}</p>
<h2>${text('practice.sheet.scores')}</h2>
<table><thead><tr><th>${text('practice.sheet.column.skill')}</th><th>${text('practice.sheet.column.score')}</th></tr></thead><tbody>
${skills}
</tbody></table>
${sections}
${problems}
</body>
</html>
`;
}
