/**
 * Renders a grade as one self-contained HTML feedback sheet
 * (no scripts, no external resources, a CSP that forbids both, every value escaped). Pure.
 */
import type { FeedbackItem, GradeResult, Skill } from './grade.js';
import { SKILLS, scoreText } from './grade.js';

/** What each skill means, for the trainee. */
export const SKILL_LABELS: Readonly<Record<Skill, string>> = {
  locating: 'Locating fragments (key fragments accepted)',
  voice: 'Voice attribution (own / quotation / reported / forwarded / reaction)',
  traps: 'Trap avoidance (devotional, reported, forwarded, reaction, negated, ironic, quoted)',
  competence: 'Competence guard (legal questions declined or reformulated)',
  answers: 'Answers (questions within competence answered)',
  procedure: 'Procedure (SOP steps the case calls for)',
};

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] as string);
}

const KIND_TITLES: ReadonlyArray<readonly [FeedbackItem['kind'], string]> = [
  ['fragment', 'Fragments the key lists'],
  ['trap', 'Traps'],
  ['question', 'Questions of the order'],
  ['sop', 'Procedure steps'],
  ['review', 'Review decisions'],
];

function itemRow(item: FeedbackItem): string {
  const cells = [
    `<td class="${item.ok ? 'ok' : 'fix'}">${item.ok ? '✓' : '✗'}</td>`,
    `<td>${escapeHtml(item.ref)}</td>`,
    `<td>${escapeHtml(item.status)}</td>`,
    `<td>${escapeHtml(item.message)}${item.quote ? `<blockquote>${escapeHtml(item.quote)}</blockquote>` : ''}${item.material ? `<div class="src">${escapeHtml(item.material)}</div>` : ''}</td>`,
    `<td>${item.note ? escapeHtml(item.note) : ''}</td>`,
  ];
  return `<tr>${cells.join('')}</tr>`;
}

/** The feedback sheet as one HTML file (UTF-8), deterministic for the same result. */
export function feedbackHtml(result: GradeResult): string {
  const skills = SKILLS.map((skill) => `<tr><td>${escapeHtml(SKILL_LABELS[skill])}</td><td class="num">${escapeHtml(scoreText(result.skills[skill]))}</td></tr>`).join('\n');
  const sections = KIND_TITLES.map(([kind, title]) => {
    const rows = result.items.filter((item) => item.kind === kind);
    if (rows.length === 0) return '';
    return `<h2>${escapeHtml(title)}</h2>\n<table><thead><tr><th></th><th>item</th><th>status</th><th>feedback</th><th>trainer's note</th></tr></thead><tbody>\n${rows.map(itemRow).join('\n')}\n</tbody></table>`;
  }).join('\n');
  const problems = result.problems.length === 0 ? '' : `<h2>Not checked</h2><ul>${result.problems.map((p) => `<li>${escapeHtml(p)}</li>`).join('')}</ul>`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; script-src 'none'; base-uri 'none'; form-action 'none'">
<meta name="referrer" content="no-referrer">
<title>Practice feedback — ${escapeHtml(result.caseId)}</title>
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
<h1>Practice feedback: ${escapeHtml(result.title)}</h1>
<p>Case <code>${escapeHtml(result.caseId)}</code>. The scores measure the trainee's work on this case — finding, attributing, guarding competence, following the procedure — not the texts. soz gives no verdict on any text.</p>
<h2>Scores per skill</h2>
<table><thead><tr><th>skill</th><th>score</th></tr></thead><tbody>
${skills}
</tbody></table>
${sections}
${problems}
</body>
</html>
`;
}
