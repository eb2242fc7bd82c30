import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseWorkspace } from '../src/case/workspace.js';
import type { ReviewDecision } from '../src/core/examiner.js';
import { untouchedDemo } from './support/demo-case.js';
import type { Desk } from '../src/desk/server.js';
import { startDesk } from '../src/desk/server.js';
import { PAYLOAD_TEXT } from './hostile/generate.js';
import { findTesseract } from '../src/pipeline/ocr.js';
import { parsedDocument } from '../src/case/records.js';
import { soz, tempDir } from './support/cli.js';
import { caseWith } from './support/custody.js';
import { comparedPracticeCase } from './support/known-case.js';

// The examiner's desk end to end in Debian's Chromium (one browser for the whole file): the demo
// case reviewed through the page as a trainee would — in Russian, with the keys of a Russian
// layout — and a case of hostile evidence whose markup must stay text.

const CHROMIUM = process.env['SOZ_CHROMIUM'] ?? '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
/** Shown as the suite's name when it is skipped, so the report says why. */
const SUITE = HAVE_CHROMIUM ? 'soz desk in Chromium' : `soz desk in Chromium — SKIPPED: no Chromium at ${CHROMIUM} (apt-get install chromium, or set SOZ_CHROMIUM)`;

const clock = () => new Date('2026-03-12T10:00:00Z');
/** How long a check waits for a write to land (a draft render on a loaded machine takes seconds). */
const POLL = { timeout: 20_000 };
let context: BrowserContext;

beforeAll(async () => {
  if (!HAVE_CHROMIUM) return;
  const { chromium } = await import('playwright-core');
  context = await chromium.launchPersistentContext(tempDir('soz-desk-profile-'), {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}, 60_000);

afterAll(async () => {
  await context?.close();
});

/** A fictional picture with two Russian lines (tests/fixtures/ocr/README.md), 700 × 150 pixels. */
const PICTURE = new URL('./fixtures/ocr/fictional-ru.png', import.meta.url).pathname;
const HAVE_OCR = findTesseract()?.languages.includes('rus') === true;

/** A page of the desk that records every dialog, page error and request to anywhere but the desk. */
async function openDesk(desk: Desk): Promise<{ page: Page; dialogs: string[]; errors: string[]; foreign: string[] }> {
  const page = await context.newPage();
  const dialogs: string[] = [];
  const errors: string[] = [];
  const foreign: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.route('**/*', (route) => {
    if (!route.request().url().startsWith(`http://127.0.0.1:${desk.port}/`)) {
      foreign.push(route.request().url());
      return route.abort();
    }
    return route.continue();
  });
  await page.goto(desk.url);
  await page.waitForSelector('#candidate-list li');
  return { page, dialogs, errors, foreign };
}

/** A key press as Chromium gets it from a Russian (ЙЦУКЕН) layout: the physical key and its Cyrillic character. */
async function pressOnRussianLayout(page: Page, character: string, code: string): Promise<void> {
  const session = await context.newCDPSession(page);
  const key = { key: character, code, text: character, unmodifiedText: character, windowsVirtualKeyCode: code.charCodeAt(3) };
  await session.send('Input.dispatchKeyEvent', { type: 'keyDown', ...key });
  await session.send('Input.dispatchKeyEvent', { type: 'keyUp', ...key });
  await session.detach();
}

function review(dir: string): ReviewDecision[] {
  const path = join(dir, 'examiner', 'review.json');
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as ReviewDecision[]) : [];
}

describe.skipIf(!HAVE_CHROMIUM)(SUITE, () => {
  it('a trainee reviews the demo case entirely in the desk, in Russian: every candidate decided (by rule where possible), a voice changed, the procedure and questions completed, the draft rendered; all of it persists and the case verifies', async () => {
    const dir = await untouchedDemo();
    const desk = await startDesk({ caseDir: dir, port: 0, language: 'ru', clock, actor: 'Стажёр' });
    try {
      const { page, dialogs, errors, foreign } = await openDesk(desk);
      // The token left the address bar for a cookie; the page speaks Russian.
      expect(page.url()).toBe(`http://127.0.0.1:${desk.port}/`);
      const total = Number(/^рассмотрено 0 из (\d+)$/.exec((await page.textContent('#progress-text')) ?? '')![1]);

      // Filter by category: the list shows exactly the count the option announced.
      const option = page.locator('#filter-category option').nth(1);
      const [value, text] = [await option.getAttribute('value'), await option.textContent()];
      await page.selectOption('#filter-category', value!);
      const announced = Number(/\((\d+)\)$/.exec(text!)![1]);
      await expect.poll(() => page.locator('#candidate-list li').count(), POLL).toBe(announced);

      // The date filter: a range after every message leaves only the candidates without a date, counted and marked so.
      await page.selectOption('#filter-category', '');
      await page.fill('#filter-date-from', '2099-01-01');
      const undated = Number(/(\d+) без даты/.exec((await page.textContent('#undated')) ?? '')![1]);
      expect(undated).toBeGreaterThan(0);
      await expect.poll(() => page.locator('#candidate-list li').count(), POLL).toBe(undated);
      expect(await page.locator('#candidate-list li .date.undated').count()).toBe(undated);
      await page.uncheck('#filter-undated');
      await expect.poll(() => page.locator('#candidate-list li').count(), POLL).toBe(0);
      await page.check('#filter-undated');
      await page.fill('#filter-date-from', '');
      await page.selectOption('#filter-category', value!);

      // Accept with ф (a on the Russian layout): the reason is asked for first, Enter records it.
      const first = await page.locator('#candidate-list li.current').getAttribute('data-id');
      await page.check('#bears-on input.question[value="Q1"]');
      await pressOnRussianLayout(page, 'ф', 'KeyA');
      await expect.poll(() => page.evaluate('document.activeElement && document.activeElement.id'), POLL).toBe('reason');
      await page.keyboard.type('Противопоставление «мы — они» в призыве');
      await page.keyboard.press('Enter');
      await expect.poll(() => review(dir).find((decision) => decision.findingId === first)?.decision, POLL).toBe('accepted');
      expect(review(dir).find((decision) => decision.findingId === first)).toMatchObject({ reason: 'Противопоставление «мы — они» в призыве', questionIds: ['Q1'], actor: 'Стажёр' });

      // Change its voice with a reason.
      await page.click(`#candidate-list li[data-id="${first!}"]`);
      await page.selectOption('#voice', 'quotation');
      await page.fill('#reason', 'Слова приведены в кавычках как чужие');
      await page.click('#change-voice');
      await expect.poll(() => review(dir).find((decision) => decision.findingId === first)?.voice, POLL).toBe('quotation');

      // Every other candidate: by rule (one reason for every candidate of the entry in the document), call-to-action accepted, the rest rejected.
      await page.selectOption('#filter-category', '');
      for (let open = total - 1; open > 0; ) {
        const current = page.locator('#candidate-list li.open').first();
        await current.click();
        const accept = (await current.getAttribute('data-category')) === 'call-to-action';
        await page.check('#by-rule');
        await page.fill('#reason', accept ? 'Побуждение адресовано группе' : 'Местоимение без противопоставления групп');
        await page.click(accept ? '#accept' : '#reject');
        await expect.poll(() => page.locator('#candidate-list li.open').count(), POLL).toBeLessThan(open);
        open = await page.locator('#candidate-list li.open').count();
      }
      expect(await page.textContent('#progress-text')).toBe(`рассмотрено ${total} из ${total}`);
      expect(review(dir)).toHaveLength(total);
      const byRule = CaseWorkspace.open(dir)
        .readLog()
        .filter((entry) => entry.action === 'review.decide');
      expect(byRule.length).toBeLessThan(total); // at least one decision covered several candidates

      // The concordance with its plot.
      await page.click('#tab-concordance');
      await page.fill('#word', 'они');
      await page.click('#concordance-form button[type=submit]');
      await page.waitForSelector('#kwic tr');
      expect(await page.locator('#dispersion line.plot-tick').count()).toBeGreaterThan(0);
      // The frequency charts add up to the concordance: per document (every document a bar), and per month plus the undated.
      const hits = await page.locator('#kwic tr').count();
      const sum = async (selector: string) => (await page.locator(selector).evaluateAll((bars) => bars.map((bar) => Number(bar.getAttribute('data-value'))))).reduce((a, b) => a + b, 0);
      expect(await page.locator('#frequency-documents rect.chart-bar').count()).toBe(2);
      expect(await sum('#frequency-documents rect.chart-bar')).toBe(hits);
      const undatedHits = Number(/(\d+)/.exec((await page.textContent('#frequency-undated')) ?? '')![1]);
      expect((await sum('#frequency-time rect.chart-bar')) + undatedHits).toBe(hits);

      // The procedure: the questions decided, the relation to each item, then every step the final needs, in order.
      await page.click('#tab-procedure');
      await page.waitForSelector('#steps tr');
      // Each change re-renders the panel from the case: every step waits for what only the new panel shows.
      const decideQuestion = async (id: string, decision: string, shown: string, textValue = '', consent: [string, string] | null = null) => {
        await page.selectOption(`#question-decision-${id}`, decision);
        await page.fill(`#question-text-${id}`, textValue);
        if (consent) {
          await page.fill(`#question-consent-ref-${id}`, consent[0]);
          await page.fill(`#question-consent-date-${id}`, consent[1]);
        }
        await page.click(`#question-decide-${id}`);
        await page.locator(`#question-${id} .disposition`, { hasText: shown }).waitFor();
      };
      await decideQuestion('Q1', 'answered', 'отвечен');
      await decideQuestion('Q2', 'answered', 'отвечен');
      await decideQuestion('Q3', 'reformulated', 'переформулирован', 'Имеются ли в тексте высказывания, побуждающие к действиям против группы лиц?', ['№ 17-с', '2026-03-05']);
      expect(await page.textContent('#question-Q3 .disposition')).toContain('№ 17-с');
      // A question of the order added in the desk, with the guard's result, then decided.
      await page.fill('#question-new', 'Какие речевые действия выражены в тексте листовки?');
      await page.click('#question-add');
      await page.waitForSelector('#question-Q4');
      expect(await page.locator('#question-Q4 .flag').count()).toBe(0);
      await decideQuestion('Q4', 'answered', 'отвечен');
      for (const id of ['Q1', 'Q2', 'Q3', 'Q4']) {
        await page.fill(`#question-answer-${id}`, id === 'Q1' ? 'Ответ эксперта на вопрос Q1 (учебный): слово «экстремистским» приведено как цитата из постановления.' : `Ответ эксперта на вопрос ${id} (учебный).`);
        await page.click(`#question-answer-save-${id}`);
        await page.waitForSelector(`#question-${id} .answer-recorded`);
        expect(existsSync(join(dir, 'examiner', 'answers', `${id}.md`))).toBe(true);
      }
      // The guard finds legal wording in Q1's answer: the examiner keeps it with a reason (soz question override).
      await page.fill('#question-override-reason-Q1', 'Слово приведено как цитата из постановления, не как вывод эксперта');
      await page.click('#question-override-Q1');
      await page.waitForSelector('#question-kept-Q1');
      expect(await page.textContent('#question-kept-Q1')).toContain('формулировка оставлена');
      for (const index of [0, 1]) {
        await page.selectOption(`#item-relation-${index}`, 'authored');
        await page.fill(`#item-note-${index}`, 'Изъято у лица; автор по данным переписки');
        await page.click(`#item-relate-${index}`);
        await page.waitForSelector(`#items tr:nth-child(${index + 1}) td.relation:has-text("автор")`);
      }
      const record = async (step: string, note: string, fields: Record<string, string> = {}, skip?: { reason: string; decidedBy?: string }, files: { name: string; mimeType: string; buffer: Buffer }[] = []) => {
        await page.fill(`#step-note-${step}`, note);
        for (const [field, fieldValue] of Object.entries(fields)) await page.fill(`#step-field-${step}-${field}`, fieldValue);
        if (files.length > 0) await page.setInputFiles(`#step-files-${step}`, files);
        if (skip) await page.selectOption(`#step-skip-${step}`, skip.reason);
        if (skip?.decidedBy !== undefined) await page.fill(`#step-decided-by-${step}`, skip.decidedBy);
        await page.click(`#step-record-${step}`);
        await page.waitForSelector(`#step-${step}.${skip ? 'skipped' : 'done'}`);
      };
      await record('register-order', 'Постановление № 17 от 01.03.2026; вопросы перенесены дословно');
      // The signed warning attached from the page, as `soz sop record --file` attaches it.
      const signed = Buffer.from('Подписка эксперта (учебная, вымышленная)\n', 'utf8');
      await record('acknowledgement', 'Подписка дана', { institution: 'Учебный центр', qualification: 'лингвист', experience: '5 лет', place: 'Бишкек' }, undefined, [{ name: 'подписка.txt', mimeType: 'text/plain', buffer: signed }]);
      expect(await page.textContent('#step-acknowledgement')).toContain('приложено: подписка.txt');
      expect(readFileSync(join(dir, 'examiner', 'files', `${createHash('sha256').update(signed).digest('hex')}.txt`))).toEqual(signed);
      await record('packaging', 'Материалы поступили по электронной почте', {}, { reason: 'received-electronically' });
      await record('competence', 'Вопрос 3 переформулирован с согласия органа');
      await record('language', 'Тексты на русском языке', { translator: '-' });
      await record('context', 'Листовка и переписка автора в закрытом чате');
      await record('review', 'Все кандидаты рассмотрены');
      await record('linguistic-analysis', 'Речевые акты побуждения, адресат и группа-объект описаны');
      await record('psychological-analysis', 'Не назначено', {}, { reason: 'not-ordered' });
      await record('religious-analysis', 'Религиозного содержания нет', {}, { reason: 'no-religious-content' });
      await record('rabat', 'Учебное дело', {}, { reason: 'no-group-statements' });
      // Withdraw a record and make it again: the step is open in between.
      await page.fill('#step-withdraw-reason-rabat', 'Пропуск записан преждевременно');
      await page.click('#step-withdraw-rabat');
      await page.waitForSelector('#step-rabat.open');
      await record('rabat', 'Учебное дело', {}, { reason: 'no-group-statements' });

      // The draft rendered into the case: the conclusion-assembly step is done by it; then the peer review.
      await page.click('#tab-draft');
      await page.click('#render-draft');
      await expect.poll(() => page.textContent('#status'), POLL).toMatch(/reports\/report\.ru\.html/);
      await page.click('#tab-procedure');
      await page.waitForSelector('#step-conclusion-assembly.done');
      await record('peer-review', 'Второго эксперта нет', {}, { reason: 'no-second-expert', decidedBy: 'Руководитель центра А. А. Иванов' });
      // What blocks the final now is only the introductory part; its facts recorded in the desk (soz case set), nothing blocks.
      const blocks = await page.locator('#blocks li').allTextContents();
      expect(blocks).toHaveLength(1);
      expect(blocks[0]).toMatch(/^во вводной части не хватает сведений/); // in the desk's language, from the CLI catalogue
      const facts: Record<string, string> = { groundsNumber: '17', receivedDate: '2026-03-21', startDate: '2026-03-22', endDate: '2026-03-25', materials: 'Листовка и переписка на учебном диске', packaging: 'Конверт, опечатанный учебной печатью', circumstances: 'Учебное дело: листовка и переписка изъяты у лица' };
      await page.selectOption('#fact-kind', 'first');
      await page.selectOption('#fact-form', 'single');
      await page.selectOption('#fact-groundsType', 'decision');
      for (const [key, factValue] of Object.entries(facts)) await page.fill(`#fact-${key}`, factValue);
      await page.click('#facts-record');
      await page.waitForSelector('p#blocks');
      expect(await page.textContent('#blocks')).toBe('ничего: окончательное заключение можно сформировать');
      await page.click('#tab-draft');
      await page.click('#render-draft');
      await expect.poll(() => page.textContent('#status'), POLL).toMatch(/reports\/report\.ru\.html/);

      // Reload: every decision, the voice and the procedure come back from the case.
      await page.reload();
      await page.waitForSelector(`#candidate-list li[data-id="${first!}"].accepted`);
      expect(await page.locator('#candidate-list li.open').count()).toBe(0);
      expect(await page.textContent('#progress-text')).toBe(`рассмотрено ${total} из ${total}`);
      await page.click(`#candidate-list li[data-id="${first!}"]`);
      expect(await page.textContent('#voice-shown')).toContain('цитата');
      expect(await page.textContent('#decision')).toContain('Противопоставление');
      // A candidate on a PDF page with a text layer: the page drawn again, its words boxed in the page's points.
      await page.locator('#candidate-list li', { hasText: 'listovka.pdf' }).first().click();
      await page.waitForSelector('#picture-region #picture-boxes rect.word-box');
      expect(await page.textContent('#page-note')).toContain('Страница 1 PDF (текстовый слой)');
      expect(await page.getAttribute('#picture-boxes', 'viewBox')).toBe('0 0 595.28 841.89');
      expect(await page.locator('#picture-boxes rect.finding-box').count()).toBe(1);
      // The chat in the document view: each message's role named in Russian, never its code.
      await page.click('#tab-document');
      const chat = await page.locator('#document-picker option', { hasText: 'result.json' }).getAttribute('value');
      await page.selectOption('#document-picker', chat!);
      await page.waitForSelector('#document-text .segment-head');
      const heads = (await page.locator('#document-text .segment-head').allTextContents()).join('\n');
      expect(heads).toContain('написано владельцем аккаунта');
      expect(heads).not.toMatch(/· (authored|reply|forwarded|service|reaction)\b/);
      await page.click('#tab-procedure');
      await page.waitForSelector('#step-peer-review.skipped');
      expect(await page.textContent('#step-acknowledgement')).toContain('учреждение: Учебный центр');
      expect(await page.inputValue('#fact-kind')).toBe('first');
      expect(await page.inputValue('#fact-circumstances')).toBe('Учебное дело: листовка и переписка изъяты у лица');
      expect(await page.inputValue('#question-answer-Q2')).toBe('Ответ эксперта на вопрос Q2 (учебный).');
      expect(await page.locator('#steps tr.open, #steps tr.blocked').evaluateAll((rows) => rows.map((row) => row.id))).toEqual(['step-seal', 'step-return']);

      expect({ dialogs, errors, foreign }).toEqual({ dialogs: [], errors: [], foreign: [] });
      await page.close();
    } finally {
      await desk.close();
    }
    const verify = await soz(['verify', dir]);
    expect(verify.stdout + verify.stderr).toMatch(/0 differences/);
    expect(verify.code, verify.stdout + verify.stderr).toBe(0);
  }, 240_000);

  it('shows hostile evidence as text: no script runs, no element is made from it, nothing loads', async () => {
    const inputs = tempDir('soz-desk-hostile-in-');
    const folder = join(inputs, 'n');
    mkdirSync(folder);
    const hostileName = join(folder, `<img src=x onerror=alert(6)>.txt`);
    writeFileSync(hostileName, `${PAYLOAD_TEXT}\nПриходите в субботу, этих соседей надо проучить <img src=x onerror="alert(5)"> <svg onload=alert(7)>\n`);
    const dir = join(tempDir('soz-desk-hostile-'), 'case');
    const run = await soz(['run', hostileName, '--out', dir, '--language', 'ru']);
    expect(run.code, run.stderr).toBe(0);
    const desk = await startDesk({ caseDir: dir, port: 0, language: 'ru', clock, actor: 'Стажёр' });
    try {
      const { page, dialogs, errors, foreign } = await openDesk(desk);
      // The candidate's context holds the markup, shown as characters.
      expect(await page.textContent('#in-place')).toContain('<img src=x onerror="alert(5)">');
      await page.click('#tab-document');
      await page.waitForSelector('#document-text span');
      const shown = (await page.textContent('#document-text')) ?? '';
      expect(shown).toContain('<script>document.title="PWNED";alert(1)</script>');
      expect(shown).toContain('<svg onload=alert(7)>');
      expect(await page.textContent('#document-picker')).toContain('<img src=x onerror=alert(6)>.txt');
      // Evaluated as strings: the project's TypeScript has no DOM library.
      expect(await page.evaluate("document.querySelectorAll('img, svg:not(#dispersion), iframe, object, embed, [onerror], [onload], [onclick]').length")).toBe(0);
      expect(await page.evaluate("document.querySelectorAll('script').length")).toBe(1);
      expect(await page.title()).not.toBe('PWNED');
      // Never compared with a library: the known-material tab says so.
      await page.click('#tab-known');
      expect(await page.textContent('#never-compared')).toContain('soz compare');
      expect({ dialogs, errors, foreign }).toEqual({ dialogs: [], errors: [], foreign: [] });
      await page.close();
    } finally {
      await desk.close();
    }
  }, 180_000);

  it('shows known material: from the candidate to its passage, both texts side by side with the differing words marked, and the decision the library records', async () => {
    const { caseDir } = await comparedPracticeCase(tempDir('soz-desk-known-'));
    const desk = await startDesk({ caseDir, port: 0, language: 'ru', clock, actor: 'Стажёр' });
    try {
      const { page, dialogs, errors, foreign } = await openDesk(desk);
      await page.selectOption('#filter-category', 'known-material');
      await page.click('#candidate-list li:first-child');
      const findingId = await page.locator('#candidate-list li.current').getAttribute('data-id');
      await page.click('#show-passage');
      const passage = page.locator(`#passage-${findingId!}.current`);
      await passage.waitFor();
      expect(await page.locator('section.passage').count()).toBe(2);
      expect(await page.locator('.known-item .decision').first().textContent()).toContain('№ 2-417/2025');
      const leaflet = page.locator('section.passage', { has: page.locator('.evidence-side mark', { hasText: '⟦воскресенье⟧' }) });
      expect(await leaflet.locator('.library-side mark', { hasText: '⟦субботу⟧' }).count()).toBe(1);
      expect(await leaflet.locator('.evidence-side .place').textContent()).toMatch(/\[\d+, \d+\)/);
      // And back from the passage to its candidate.
      await passage.locator('button.show-candidate').click();
      await page.waitForSelector(`#candidate-list li.current[data-id="${findingId!}"]`);
      expect({ dialogs, errors, foreign }).toEqual({ dialogs: [], errors: [], foreign: [] });
      await page.close();
    } finally {
      await desk.close();
    }
  }, 180_000);

  it.skipIf(!HAVE_OCR)(`shows the picture the OCR read with the finding's words boxed on it${HAVE_OCR ? '' : ' — SKIPPED: needs tesseract-ocr with rus'}`, async () => {
    const dir = await caseWith([PICTURE]);
    expect((await soz(['analyze', dir])).code).toBe(0);
    const folder = join(dir, 'derived', 'documents');
    const file = readdirSync(folder)[0]!;
    const doc = parsedDocument(`derived/documents/${file}`, readFileSync(join(folder, file)));
    const start = doc.text.indexOf('Тестовый');
    expect(start).toBeGreaterThanOrEqual(0);
    const added = await soz(['review', dir, '--add', `${doc.id}:${start}-${start + 'Тестовый текст'.length}`, '--category', 'address', '--reason', 'the words on the picture (fictional check)']);
    expect(added.code, added.stderr).toBe(0);
    const desk = await startDesk({ caseDir: dir, port: 0, language: 'ru', clock, actor: 'Стажёр' });
    try {
      const { page, dialogs, errors, foreign } = await openDesk(desk);
      await page.locator('#candidate-list li').first().click();
      await page.waitForSelector('#picture-boxes rect.finding-box');
      // The picture is the evidence itself, as the OCR read it; the boxes are in its pixels.
      expect(await page.evaluate("document.getElementById('picture').naturalWidth")).toBe(700);
      expect(await page.locator('#picture-boxes rect.word-box').count()).toBe(2);
      const [x, width] = await Promise.all([page.getAttribute('#picture-boxes rect.finding-box', 'x'), page.getAttribute('#picture-boxes rect.finding-box', 'width')]);
      expect(Number(x)).toBeGreaterThanOrEqual(0);
      expect(Number(x) + Number(width)).toBeLessThanOrEqual(700);
      expect(await page.evaluate("fetch('/picture?finding=' + document.querySelector('#candidate-list li.current').dataset.id).then((r) => r.arrayBuffer()).then((b) => b.byteLength)")).toBe(readFileSync(PICTURE).length);
      // Opened in the document view, the picture comes with it.
      await page.click('#show-in-document');
      await page.waitForSelector('#document-text mark.current');
      expect(await page.locator('#picture-region img').count()).toBe(1);
      expect({ dialogs, errors, foreign }).toEqual({ dialogs: [], errors: [], foreign: [] });
      await page.close();
      // Without the token the picture is refused like every other page of the desk.
      expect((await fetch(`http://127.0.0.1:${desk.port}/picture?finding=x`)).status).toBe(403);
    } finally {
      await desk.close();
    }
  }, 180_000);
});
