/**
 * Golden files of the Markdown and HTML conclusion on a small fixed case built by hand (so that
 * other data files changing does not move them). Regenerate with UPDATE_GOLDEN=1 after a
 * deliberate change to the templates, labels or model, and read the diff.
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPORT_LANGUAGES } from '../src/core/case.js';
import { checkReportDigest, renderMarkdownConclusion } from '../src/report/markdown.js';
import { renderHtmlConclusion } from '../src/report/html.js';
import { conclusionOutline } from '../src/report/outline.js';
import { readLabels } from '../src/pipeline/report.js';
import { conclusionFixture as model } from './support/conclusion-fixture.js';

const GOLDEN = new URL('./golden/conclusion/', import.meta.url).pathname;
const TEMPLATES = new URL('../templates/', import.meta.url).pathname;

describe('conclusion golden files', () => {
  for (const variant of ['draft', 'recorded'] as const) {
    for (const language of REPORT_LANGUAGES) {
      for (const format of ['md', 'html'] as const) {
        it(`${variant} ${language} ${format}`, () => {
          const labels = readLabels(language);
          const template = readFileSync(join(TEMPLATES, `conclusion.${format}.hbs`), 'utf8');
          const { text } = format === 'md' ? renderMarkdownConclusion(model(language, variant), template, labels) : renderHtmlConclusion(model(language, variant), template, labels);
          const { claimed, actual } = checkReportDigest(text);
          expect(claimed).toBe(actual);
          const path = join(GOLDEN, `report.${variant === 'draft' ? '' : `${variant}.`}${language}.${format}`);
          if (process.env['UPDATE_GOLDEN'] === '1') {
            mkdirSync(GOLDEN, { recursive: true });
            writeFileSync(path, text);
          }
          expect(text).toBe(readFileSync(path, 'utf8'));
        });
      }
    }
  }

  it('PDF and DOCX outline: the per-person table, marking what is not the person\'s words', () => {
    const lines = conclusionOutline(model('en', 'recorded'), readLabels('en')).flatMap((block) => (block.kind === 'text' || block.kind === 'heading' ? [block.text] : []));
    const at = lines.indexOf('Persons of interest: what each wrote, forwarded, reacted to, received and only held');
    expect(at).toBeGreaterThan(0);
    expect(lines.slice(at + 2, at + 11)).toEqual([
      'P1 Subject S. (fictional) — accounts in the evidence: subj_s. The order names the account',
      'reacted to (like, emoji): 1',
      'post|1.txt #7 — reaction 👍 by subj_s on message 7',
      "Accepted findings there: F000000000001, F000000000004, F000000000005 — not this person's words",
      'received (member of the chat): 1',
      'post|1.txt — member of the chat «Friends | *fictional*» (listed among the participants: subj_s)',
      'P2 Neighbour N. (fictional) — accounts in the evidence: +996 000 000. Phone book of the seized phone',
      'authored: 1',
      'post|1.txt #7 — The seizure protocol names the phone as theirs (set by the examiner: Examiner X)',
    ]);
  });

  it('the liability sources are in the report\'s language (Latin only in the web address)', () => {
    for (const language of ['ru', 'ky'] as const) {
      for (const statute of model(language, 'draft').liability.statutes) expect(statute.source.replace('cbd.minjust.gov.kg', ''), `${language} ${statute.id}`).not.toMatch(/[A-Za-z]/);
    }
  });
});
