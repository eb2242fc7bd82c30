/**
 * Issue 15: a conclusion that cannot misstate how it was made. The careless path (skip every
 * step, answer a legal question, seal a draft) is refused step by step with one-line messages that
 * leave the case as it was; the complete path gives a final conclusion in ru, ky and en, in every
 * format, whose every sentence about the procedure names a log entry that holds it.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import type { LogEntry } from '../src/core/case.js';
import { createPdfAdapter } from '../src/ingest/pdf.js';
import { DEFAULT_LIMITS, collectDocuments, inputFromBytes } from '../src/ingest/adapter.js';
import { markdownCell } from '../src/report/markdown.js';
import { readLabels } from '../src/pipeline/report.js';
import { loadProcedure } from '../src/sop/data.js';
import { soz, tempDir } from './support/cli.js';
import { ENTRY_WORDS, analysedCase, completeProcedure, ok, refused } from './sop-support.js';
import { derivedDocumentAt } from './support/derived.js';

const PASS = { SOZ_KEY_PASSPHRASE: 'correct horse battery' };
const readLog = (dir: string) => readFileSync(join(dir, 'log.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as LogEntry);


async function newKey(): Promise<string> {
  const out = tempDir('soz-keys-');
  const made = await soz(['keys', 'new', '--out', out, '--name', 'Examiner (fictional)'], { env: PASS });
  expect(made.code, made.stderr).toBe(0);
  const fingerprint = /fingerprint: ([0-9a-f]{64})/.exec(made.stdout)![1]!;
  return join(out, `${fingerprint.slice(0, 16)}.key.pem`);
}

describe('the careless path is refused at every step', () => {
  it('skips, a legal question answered, oral consent, a legal answer, a final and a seal of a draft', async () => {
    const { dir } = await analysedCase();
    await ok(['question', 'add', dir, 'Является ли текст экстремистским?']);

    // Every examiner step skipped with the reason "x": refused, naming the step and what it admits.
    const procedure = loadProcedure();
    for (const step of procedure.steps.filter((candidate) => candidate.kind === 'examiner' && !candidate.afterFinal)) {
      const message = await refused(dir, ['sop', 'record', dir, step.id, '--skip', '--reason', 'x', '--note', 'x']);
      expect(message).toContain(`step ${step.id}`);
      expect(message).toMatch((step.skipReasons ?? []).length > 0 ? /"x" is not a reason step .* admits; give --reason with one of: / : /cannot be skipped: a final conclusion needs it done/);
    }
    expect(await refused(dir, ['sop', 'record', dir, 'peer-review', '--skip', '--reason', 'no-second-expert', '--note', 'alone'])).toMatch(/depends on conclusion-assembly/);

    // A question flagged as a legal qualification: not answered as put; consent must be a dated document.
    expect(await refused(dir, ['question', 'decide', dir, 'Q1', '--answered'])).toMatch(/Q1 asks for a legal qualification \(«экстремистским» \(ru\.extremist\)\); it cannot be answered as put/);
    const reformulation = 'Содержатся ли в тексте побудительные высказывания, и если да, то к каким действиям?';
    expect(await refused(dir, ['question', 'decide', dir, 'Q1', '--reformulated', reformulation, '--consent-ref', 'устно', '--consent-date', '2026-03-05'])).toMatch(/--consent-ref "устно" is not a document reference/);
    expect(await refused(dir, ['question', 'decide', dir, 'Q1', '--reformulated', reformulation, '--consent-ref', '№ 12/345', '--consent-date', '05.03.2026'])).toMatch(/--consent-date "05\.03\.2026" is not a date/);
    expect(await refused(dir, ['question', 'decide', dir, 'Q1', '--reformulated', reformulation, '--consent-ref', '№ 12/345'])).toMatch(/--consent-ref "№ …" and --consent-date/);
    expect(await refused(dir, ['question', 'decide', dir, 'Q1', '--reformulated', 'Имеются ли признаки экстремизма?', '--consent-ref', '№ 12/345', '--consent-date', '2026-03-05'])).toMatch(
      /the reformulation still asks for a legal qualification \(«экстремизма» \(ru\.extremist\)\)/,
    );

    // An answer stating a legal qualification is recorded, flagged, and blocks the final.
    const answer = join(tempDir(), 'Q1.md');
    writeFileSync(answer, 'Текст экстремистский.\n');
    const answered = await ok(['question', 'answer', dir, 'Q1', '--file', answer]);
    expect(answered.stdout).toMatch(/legal-qualification wording in the answer: «экстремистский» \(ru\.extremist\) — a final conclusion is refused/);

    // --final names every unmet step and the answer, in one line; nothing is written.
    const final = await refused(dir, ['report', dir, '--final']);
    for (const step of procedure.steps.filter((candidate) => candidate.requiredForFinal && candidate.kind === 'examiner')) expect(final).toMatch(new RegExp(`step \\d+ ${step.id} is (not done|waiting for)`));
    expect(final).toMatch(/step 15 conclusion-assembly is waiting for rabat/);
    expect(final).toMatch(/question Q1 has no decision/);
    expect(final).toMatch(/the answer to Q1 contains legal-qualification wording \(«экстремистский» ru\.extremist\)/);

    // The draft says what is missing and asserts nothing the log does not hold.
    await ok(['report', dir]);
    const draft = readFileSync(join(dir, 'reports', 'report.ru.md'), 'utf8');
    expect(draft).toMatch(/\*\*ЧЕРНОВИК — не заключение/);
    expect(draft).not.toMatch(/предупреждён об уголовной/);
    expect(draft).toMatch(/Подписка эксперта об уголовной ответственности, заявление о независимости и разъяснение прав и обязанностей в журнале дела не зафиксированы\./);
    expect(draft).toMatch(/Лингвистическое исследование: речевые акты, оценка, адресат и группа-объект — не выполнено\./);
    expect(draft).toMatch(/Завершение рассмотрения кандидатов в журнале не зафиксировано\./);
    expect(draft).not.toMatch(/каждый кандидат рассмотрен экспертом/);
    expect(draft).toContain('> - Вопрос Q1: решение (ответ, переформулирование с согласия, отказ) не принято.');
    expect(draft).toContain('> - Вопрос Q1: в ответе формулировка правовой оценки; ответ не исправлен, обоснование не записано.');

    // soz seal signs no draft.
    const key = await newKey();
    expect(await refused(dir, ['seal', dir, '--key', key], (argv) => soz(argv, { env: PASS }))).toMatch(/reports\/report\.ru\.md: a draft \(log entry \d+\), which says it must not be signed; render the final conclusion/);
  });
});

describe('the complete path gives a final conclusion backed by the log', () => {
  for (const language of ['ru', 'ky', 'en'] as const) {
    it(`${language}: Markdown, HTML, PDF and DOCX, final mark on every page, every procedure sentence names its log entry`, async () => {
      const { dir, ids } = await analysedCase(language);
      await completeProcedure(dir, ids);
      await ok(['review', dir, '--voice', 'quotation', '--finding', ids[0]!, '--reason', 'inside quotation marks (fictional)']);
      await ok(['report', dir]);
      const final = await ok(['report', dir, '--final', '--format', 'md,html,pdf,docx']);
      expect(final.stdout).toContain(`reports/report.${language}.md`);
      const labels = readLabels(language);
      const log = readLog(dir);
      const md = readFileSync(join(dir, 'reports', `report.${language}.md`), 'utf8');

      // Final mark at the top and at the end; no draft wording.
      expect(md.split('\n')[2]).toBe(`**${labels['finalMark']} — ${labels['finalExplanation']}**`);
      expect(md).toContain(`**${labels['finalMark']}**`);
      expect(md).not.toContain(labels['draft']!);

      // Methods: one sentence per step a conclusion needs, each done or skipped and naming its entry.
      const methods = md.slice(md.indexOf(labels['methodsIntro']!), md.indexOf('- soz '));
      const sentences = methods.split('\n').filter((line) => /^\d+\. /.test(line));
      expect(sentences).toHaveLength(loadProcedure().steps.filter((step) => step.requiredForFinal).length);
      // Every sentence about the procedure anywhere in the text names an entry of this log and the actor it records.
      const references = [...md.matchAll(ENTRY_WORDS[language])];
      expect(references.length).toBeGreaterThanOrEqual(sentences.length + 2);
      for (const [, who, seq] of references) {
        const entry = log.find((candidate) => candidate.seq === Number(seq));
        expect(entry, `log entry ${seq}`).toBeDefined();
        expect(who!.endsWith(entry!.actor) || who!.includes(`${entry!.actor} `), `${who} / ${entry!.actor}`).toBe(true);
        expect(['sop.record', 'evidence.add', 'analysis.run', 'report.render', 'case.set']).toContain(entry!.action);
      }
      for (const sentence of sentences) expect(sentence).toMatch(new RegExp(ENTRY_WORDS[language].source));
      // The skipped steps say why and who decided, as recorded.
      const peer = log.find((entry) => entry.action === 'sop.record' && entry.details['stepId'] === 'peer-review')!;
      expect(peer.details['skip']).toEqual({ reasonId: 'no-second-expert', decidedBy: 'Head of the centre A. B. (fictional)' });
      const reason = loadProcedure().skipReasons.find((candidate) => candidate.id === 'no-second-expert')!.title[language];
      expect(sentences.find((sentence) => sentence.includes(reason))).toMatch(/Head of the centre A\. B\. \(fictional\)/);

      // Liability block: the acknowledgement entry, the lab's statute data with its marker.
      const acknowledgement = log.find((entry) => entry.action === 'sop.record' && entry.details['stepId'] === 'acknowledgement')!;
      expect(md).toContain(labels['liabilityIndependence']!);
      expect(md).toContain(markdownCell(labels['labFill']!));
      expect(md).toMatch(new RegExp(`${acknowledgement.actor}, [^\\n]*${acknowledgement.seq}`));
      // The relation of the person to each item, as recorded.
      expect(md).toMatch(new RegExp(`\\| post\\\\_ky\\.txt \\| ${labels['relation_forwarded']!.replace(/[()]/g, '\\$&')} \\| The export shows a forwarded post \\(fictional\\) \\(`));
      // Review summary and the examiner's change of voice, with its reason.
      expect(md).toContain('inside quotation marks (fictional)');
      expect(md).toContain(`${labels.voices.own} → ${labels.voices.quotation}`);

      const html = readFileSync(join(dir, 'reports', `report.${language}.html`), 'utf8');
      expect(html).toContain(`<p class="final">${labels['finalMark']} — `);
      expect(html).toContain(`<div class="page-mark">${labels['finalMark']} — ДЕЛО-7</div>`);

      const pdfBytes = readFileSync(join(dir, 'reports', `report.${language}.pdf`));
      const [pdf] = await collectDocuments(createPdfAdapter(() => []).extract(inputFromBytes(pdfBytes, { name: 'report.pdf', sha256: '0'.repeat(64), mediaType: 'application/pdf', limits: DEFAULT_LIMITS })));
      if (pdf === undefined) throw new Error('the PDF report gave no document');
      expect(pdf.segments.length).toBeGreaterThan(1);
      for (const segment of pdf.segments.filter((candidate) => candidate.anchor.part === 'page')) expect(pdf.text.slice(segment.range[0], segment.range[1]).replace(/\s+/g, ' '), `page ${segment.anchor.page}`).toContain(labels['finalMark']!);

      const docx = await JSZip.loadAsync(readFileSync(join(dir, 'reports', `report.${language}.docx`)));
      const footers = await Promise.all(Object.keys(docx.files).filter((name) => /^word\/footer\d*\.xml$/.test(name)).map((name) => docx.file(name)!.async('string')));
      expect(footers.join('')).toContain(labels['finalMark']!);

      // A later plain render never touches the final: it goes to its own draft file.
      const finalBytes = readFileSync(join(dir, 'reports', `report.${language}.md`));
      const later = await ok(['report', dir]);
      expect(later.stdout).toContain(`reports/report.${language}.draft.md`);
      expect(readFileSync(join(dir, 'reports', `report.${language}.md`)).equals(finalBytes)).toBe(true);
      // The same final again is the same bytes, and allowed; the final then seals.
      await ok(['report', dir, '--final']);
      expect(readFileSync(join(dir, 'reports', `report.${language}.md`)).equals(finalBytes)).toBe(true);
      const sealed = await soz(['seal', dir, '--key', await newKey()], { env: PASS });
      expect(sealed.code, sealed.stderr).toBe(0);
      expect(sealed.stdout).toContain(`sealed reports/report.${language}.md`);
      expect(sealed.stdout).not.toContain('.draft.');
    });
  }

  it('a final that would differ from the one written is refused; a revised legal answer can be kept only with a printed reason', async () => {
    const { dir, ids } = await analysedCase('en');
    await completeProcedure(dir, ids);
    const answer = join(tempDir(), 'Q1.md');
    writeFileSync(answer, 'The text is not extremist; it invites neighbours to a meeting (fictional).\n');
    expect((await ok(['question', 'answer', dir, 'Q1', '--file', answer])).stdout).toMatch(/«extremist» \(en\.extremist\)/);
    expect(await refused(dir, ['report', dir, '--final'])).toMatch(/the answer to Q1 contains legal-qualification wording/);
    expect(await refused(dir, ['question', 'override', dir, 'Q1', '--reason', ' '])).toMatch(/--reason "…" is required/);
    await ok(['question', 'override', dir, 'Q1', '--reason', 'The order quotes the word; the answer denies it (fictional)']);
    await ok(['report', dir, '--final']);
    const md = readFileSync(join(dir, 'reports', 'report.en.md'), 'utf8');
    expect(md).toMatch(/\*\*Legal-qualification wording in the answer \(competence check\)\*\*: «extremist»/);
    expect(md).toContain('The examiner kept the wording; reason (');
    // A changed record would change the final: refused, nothing written.
    await ok(['review', dir, '--voice', 'reported', '--finding', ids[0]!, '--reason', 'retold (fictional)']);
    expect(await refused(dir, ['report', dir, '--final'])).toMatch(/reports\/report\.en\.md: a final conclusion was rendered \(log entry \d+\) and this render differs; a final is never overwritten/);
  });

  it('soz verify reproduces the final and the draft rendered after it, each at its own path', async () => {
    const { dir, ids } = await analysedCase('en', false);
    await completeProcedure(dir, ids);
    await ok(['report', dir, '--final', '--format', 'md,html']);
    await ok(['report', dir, '--format', 'md,html']);
    const verified = await soz(['verify', dir]);
    expect(verified.code, verified.stdout).toBe(0);
    expect(verified.stdout).toMatch(/re-run: \d+ artefact\(s\) compared, all identical/);
    const log = readLog(dir);
    const finals = log.filter((entry) => entry.details['final'] === true).flatMap((entry) => entry.outputs.map((file) => file.path));
    const drafts = log.filter((entry) => entry.action.startsWith('report.') && entry.details['final'] === false).flatMap((entry) => entry.outputs.map((file) => file.path));
    expect(finals).toEqual(['reports/report.en.md', 'reports/report.en.html']);
    expect(drafts.slice(-2)).toEqual(['reports/report.en.draft.md', 'reports/report.en.draft.html']);
  });

  it('a consent recorded as free text by an earlier soz is shown as recorded and does not pass the final', async () => {
    const { dir, ids } = await analysedCase('en');
    await completeProcedure(dir, ids);
    const path = join(dir, 'examiner', 'questions.json');
    const questions = JSON.parse(readFileSync(path, 'utf8')) as { disposition: unknown }[];
    questions[0]!.disposition = { status: 'reformulated', reformulation: 'Which speech acts does the text perform?', consent: 'orally' };
    writeFileSync(path, JSON.stringify(questions));
    expect(await refused(dir, ['report', dir, '--final'])).toMatch(/question Q1 is reformulated without a dated consent document/);
    await ok(['report', dir]);
    expect(readFileSync(join(dir, 'reports', 'report.en.md'), 'utf8')).toContain('(consent: orally, )');
  });

  it('the examiner adds a fragment soz did not offer: placed, accepted, marked in the conclusion, reproduced by verify', async () => {
    const { dir, ids } = await analysedCase('en', false);
    const documents = JSON.parse(readFileSync(join(dir, 'derived', 'manifest.json'), 'utf8')) as { outputs: { path: string }[] };
    const letter = documents.outputs.filter((file) => file.path.startsWith('derived/documents/')).map((file) => derivedDocumentAt(dir, file.path)).find((doc) => doc.evidenceName === 'letter_en.txt')!;
    const word = /\p{L}{5,}/u.exec(letter.text!)!;
    const place = `${letter.id}:${word.index}-${word.index + word[0].length}`;
    expect(await refused(dir, ['review', dir, '--add', `${letter.id}:0-99999`, '--category', 'address', '--reason', 'x'])).toMatch(/range 0-99999 is not inside document/);
    expect(await refused(dir, ['review', dir, '--add', place, '--category', 'address', '--reason', 'Form of address (fictional)', '--question', 'Q9'])).toMatch(/unknown question id\(s\) Q9/);
    const added = await ok(['review', dir, '--add', place, '--category', 'address', '--reason', 'Form of address (fictional)']);
    const id = /added and accepted (F[0-9a-f]{12})/.exec(added.stdout)![1]!;
    expect(await refused(dir, ['review', dir, '--add', place, '--category', 'address', '--reason', 'again'])).toMatch(/is already a candidate/);
    await completeProcedure(dir, ids);
    await ok(['report', dir, '--final']);
    const md = readFileSync(join(dir, 'reports', 'report.en.md'), 'utf8');
    expect(md).toContain(`- **${id}** — address (added by the examiner: Form of address (fictional))`);
    expect(md).toContain(`The examiner added fragments soz did not offer: ${id}.`);
    expect(md).toContain(`⟦${word[0]}⟧`);
    const verified = await soz(['verify', dir]);
    expect(verified.code, verified.stdout).toBe(0);
  });
});
