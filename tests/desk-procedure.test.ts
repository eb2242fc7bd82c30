import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseWorkspace } from '../src/case/workspace.js';
import { untouchedDemo } from './support/demo-case.js';
import type { Desk } from '../src/desk/server.js';
import { startDesk } from '../src/desk/server.js';
import type { Procedure } from '../src/desk/wire.js';
import { soz } from './support/cli.js';

// The procedure from the desk, over plain HTTP: SOP steps recorded, skipped and withdrawn,
// question decisions and item relations, each through the CLI's case function with its own log
// entry, refused as the CLI refuses, 409 while another command holds the case; the guard's
// result and what blocks a final read again after each change.

const clock = () => new Date('2026-03-12T10:00:00Z');
let dir: string;
let desk: Desk;

async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; body: T & { error?: string } }> {
  const response = await fetch(`http://127.0.0.1:${desk.port}${path}`, {
    method,
    headers: { 'X-Soz-Token': desk.token, ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  return { status: response.status, body: (await response.json()) as T & { error?: string } };
}

const procedure = async () => (await call<Procedure>('GET', '/api/procedure')).body;
const stateOf = (view: Procedure, id: string) => view.steps.find((step) => step.id === id)?.state;
const actions = () =>
  CaseWorkspace.open(dir)
    .readLog()
    .map((entry) => entry.action);

beforeAll(async () => {
  // The demo case as `soz demo` makes it, built once per run (tests/support/demo-case.ts).
  dir = await untouchedDemo();
  desk = await startDesk({ caseDir: dir, port: 0, language: 'en', clock, actor: 'Trainee', lockWaitMs: 200 });
}, 120_000);

afterAll(async () => {
  await desk?.close();
});

describe('the procedure panel writes through the CLI case functions', () => {
  it('shows what each step asks for: fields, admitted skip reasons in the language, and the items with their relation', async () => {
    const view = await procedure();
    const packaging = view.steps.find((step) => step.id === 'packaging')!;
    expect(packaging).toMatchObject({ kind: 'examiner', state: 'open', fields: ['present'], skipReasons: [{ id: 'received-electronically', named: false }] });
    expect(packaging.skipReasons[0]!.title).toMatch(/electronically/);
    expect(view.steps.find((step) => step.id === 'acknowledgement')).toMatchObject({ state: 'blocked', waitingFor: ['register-order'] });
    expect(view.items.map((item) => item.name)).toEqual(expect.arrayContaining(['listovka.pdf']));
    expect(view.relations).toContain('authored');
    expect(view.questions.find((question) => question.id === 'Q3')).toMatchObject({ flagged: true, disposition: 'open' });
  });

  it('decides questions as `soz question decide` does: a flagged question cannot be answered as put; declined with a reason', async () => {
    const refused = await call('POST', '/api/question', { questionId: 'Q3', disposition: { status: 'answered' } });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatch(/Q3/);
    expect((await call('POST', '/api/question', { questionId: 'Q1', disposition: { status: 'answered' } })).status).toBe(200);
    expect((await call('POST', '/api/question', { questionId: 'Q3', disposition: { status: 'declined', reason: 'правовая квалификация — вопрос суда' } })).status).toBe(200);
    const view = await procedure();
    expect(view.questions.map((question) => [question.id, question.disposition, question.detail])).toEqual([
      ['Q1', 'answered', undefined],
      ['Q2', 'open', undefined],
      ['Q3', 'declined', 'правовая квалификация — вопрос суда'],
    ]);
    expect(view.blocksFinal.some((problem) => problem.startsWith('question Q1 has no decision'))).toBe(false);
    expect(view.blocksFinal.some((problem) => problem.startsWith('question Q2 has no decision'))).toBe(true);
    expect(actions().filter((action) => action === 'question.decide')).toHaveLength(2);
  });

  it('records an answer typed in the desk as `soz question answer` records a file: stored, hashed, logged, checked by the guard', async () => {
    expect((await call('POST', '/api/answer', { questionId: 'Q1', text: '  ' })).status).toBe(400);
    const recorded = await call<{ path: string; sha256: string; legalWording: string[] }>('POST', '/api/answer', { questionId: 'Q1', text: 'Да. Текст является экстремистским.' });
    expect(recorded.status).toBe(200);
    expect(recorded.body).toMatchObject({ path: 'examiner/answers/Q1.md', legalWording: ['экстремистским'] });
    const question = (await procedure()).questions.find((candidate) => candidate.id === 'Q1')!;
    expect(question).toMatchObject({ answer: 'Да. Текст является экстремистским.', answerLegalWording: ['экстремистским'] });
    const entry = CaseWorkspace.open(dir)
      .readLog()
      .filter((logged) => logged.action === 'question.answer')
      .pop()!;
    expect(entry.details).toMatchObject({ questionId: 'Q1', originalName: '(typed in soz desk)' });
    expect(entry.outputs).toEqual([{ path: 'examiner/answers/Q1.md', sha256: recorded.body.sha256 }]);
  });

  it('records a step done, skips one for an admitted reason, refuses what `soz sop record` refuses, and withdraws a record (dependants first)', async () => {
    const noNote = await call('POST', '/api/step', { stepId: 'register-order', note: ' ', fields: {} });
    expect(noNote.status).toBe(400);
    expect(noNote.body.error).toMatch(/needs --note/);
    expect((await call('POST', '/api/step', { stepId: 'register-order', note: 'Постановление № 17 от 01.03.2026 зарегистрировано', fields: {} })).status).toBe(200);
    expect((await call('POST', '/api/step', { stepId: 'packaging', note: 'Поступило по электронной почте', fields: { present: '' }, skipReason: 'received-electronically', decidedBy: '' })).status).toBe(200);
    const fields = { institution: 'Учебный центр', qualification: 'лингвист', experience: '5 лет', place: 'Бишкек' };
    expect((await call('POST', '/api/step', { stepId: 'acknowledgement', note: 'Подписка дана', fields })).status).toBe(200);
    let view = await procedure();
    expect([stateOf(view, 'register-order'), stateOf(view, 'packaging'), stateOf(view, 'acknowledgement')]).toEqual(['done', 'skipped', 'done']);
    expect(view.steps.find((step) => step.id === 'acknowledgement')!.record).toMatchObject({ note: 'Подписка дана', fields });
    expect(view.blocksFinal.some((problem) => problem.includes('register-order'))).toBe(false);

    const dependants = await call('POST', '/api/step-withdraw', { stepId: 'register-order', reason: 'ошибка в номере' });
    expect(dependants.status).toBe(400);
    expect(dependants.body.error).toMatch(/acknowledgement depends on register-order/);
    expect((await call('POST', '/api/step-withdraw', { stepId: 'acknowledgement', reason: '' })).status).toBe(400);
    expect((await call('POST', '/api/step-withdraw', { stepId: 'acknowledgement', reason: 'подписка дана не тем экспертом' })).status).toBe(200);
    view = await procedure();
    expect(stateOf(view, 'acknowledgement')).toBe('open');
    expect(view.blocksFinal.some((problem) => problem.includes('step 2 acknowledgement is not done'))).toBe(true);
    const withdrawn = CaseWorkspace.open(dir)
      .readLog()
      .filter((entry) => entry.action === 'sop.withdraw');
    expect(withdrawn.map((entry) => entry.details)).toEqual([{ stepId: 'acknowledgement', withdrawn: 'done', reason: 'подписка дана не тем экспертом' }]);
  });

  it('records the relation to an item (the context step needs one per item) and answers 409 while another command holds the case', async () => {
    const item = (await procedure()).items.find((candidate) => candidate.name === 'listovka.pdf')!;
    expect((await call('POST', '/api/relate', { item: item.sha256, relation: 'stored', note: 'Файл найден в телефоне' })).status).toBe(200);
    expect((await procedure()).items.find((candidate) => candidate.sha256 === item.sha256)).toMatchObject({ relation: 'stored', note: 'Файл найден в телефоне' });
    const held = CaseWorkspace.openForWriting(dir, { command: 'review', now: clock }).workspace;
    try {
      const busy = await call('POST', '/api/question', { questionId: 'Q2', disposition: { status: 'answered' } });
      expect(busy.status).toBe(409);
    } finally {
      held.close();
    }
    expect((await procedure()).questions.find((question) => question.id === 'Q2')!.disposition).toBe('open');
    // Every change is a recorded record: nothing differs; the demo's report is stale (exit 4) until re-rendered.
    const verify = await soz(['verify', dir]);
    expect(verify.stdout).toMatch(/0 differences, 1 stale report/);
    expect(verify.code, verify.stdout + verify.stderr).toBe(4);
  }, 60_000);

  it('attaches files sent by the page to a step as `soz sop record --file` does: stored under their hash, read-only, in the log; never a path; over the limit refused', async () => {
    const consent = Buffer.from('Учебное согласие органа на переформулировку (вымышленное)\n', 'utf8');
    const recorded = await call<{ files: { path: string; sha256: string; originalName: string }[] }>('POST', '/api/step', {
      stepId: 'acknowledgement',
      note: 'Подписка дана',
      fields: { institution: 'Учебный центр', qualification: 'лингвист', experience: '5 лет', place: 'Бишкек' },
      files: [{ name: '../../C:\\evil\\podpiska.txt', base64: consent.toString('base64') }],
    });
    expect(recorded.status, recorded.body.error).toBe(200);
    const digest = createHash('sha256').update(consent).digest('hex');
    expect(recorded.body.files).toEqual([{ path: `examiner/files/${digest}.txt`, sha256: digest, originalName: 'podpiska.txt' }]);
    const stored = join(dir, 'examiner', 'files', `${digest}.txt`);
    expect(readFileSync(stored)).toEqual(consent);
    expect(statSync(stored).mode & 0o222).toBe(0);
    const entry = CaseWorkspace.open(dir)
      .readLog()
      .filter((logged) => logged.action === 'sop.record')
      .pop()!;
    expect(entry.outputs).toContainEqual({ path: `examiner/files/${digest}.txt`, sha256: digest });
    expect((await procedure()).steps.find((step) => step.id === 'acknowledgement')!.record!.files).toEqual([{ originalName: 'podpiska.txt', sha256: digest }]);

    const before = actions().length;
    const large = Buffer.alloc(16 * 1024 * 1024 + 1).toString('base64');
    const tooLarge = await call('POST', '/api/step', { stepId: 'sampling', note: 'x', fields: {}, files: [{ name: 'big.bin', base64: large }] });
    expect(tooLarge.status).toBe(400);
    expect(tooLarge.body.error).toMatch(/at most 16\.0 MiB can be attached/);
    expect((await call('POST', '/api/step', { stepId: 'sampling', note: 'x', fields: {}, files: [{ name: 'a', base64: 'not base64!' }] })).status).toBe(400);
    expect(actions()).toHaveLength(before);
  }, 60_000);

  it('adds a question with the guard\'s result, keeps an answer\'s legal wording with a reason, and records the introductory facts, each as the CLI does', async () => {
    expect((await call('POST', '/api/question-add', { text: ' ' })).status).toBe(400);
    const added = await call<{ questionId: string; flagged: boolean }>('POST', '/api/question-add', { text: 'Является ли текст экстремистским?' });
    expect(added.body).toEqual({ questionId: 'Q4', flagged: true });

    // Q1's answer holds legal wording (recorded above): the reason is required, then it is kept.
    expect((await call('POST', '/api/answer-override', { questionId: 'Q1', reason: ' ' })).status).toBe(400);
    expect((await call('POST', '/api/answer-override', { questionId: 'Q2', reason: 'x' })).body.error).toMatch(/Q2 has no answer yet/);
    const kept = await call('POST', '/api/answer-override', { questionId: 'Q1', reason: 'цитата из постановления' });
    expect(kept.status, kept.body.error).toBe(200);
    let view = await procedure();
    expect(view.questions.find((question) => question.id === 'Q1')).toMatchObject({ answerOverride: 'цитата из постановления' });
    expect(view.questions.find((question) => question.id === 'Q4')).toMatchObject({ flagged: true, disposition: 'open' });

    expect(view.facts.map((fact) => fact.key)).toEqual(['kind', 'form', 'groundsType', 'groundsBody', 'groundsNumber', 'groundsDate', 'receivedDate', 'startDate', 'endDate', 'materials', 'packaging', 'circumstances']);
    expect(view.facts.find((fact) => fact.key === 'kind')).toMatchObject({ required: true, choices: [{ value: 'first', name: 'first' }, { value: 'additional', name: 'additional' }, { value: 'repeat', name: 'repeat' }] });
    const badDate = await call('POST', '/api/case-facts', { facts: { kind: 'first', receivedDate: '2021-02-30' } });
    expect(badDate.status).toBe(400);
    expect(badDate.body.error).toMatch(/--received/);
    expect((await call('POST', '/api/case-facts', { facts: { kind: '', form: ' ' } })).status).toBe(400);
    const facts = await call('POST', '/api/case-facts', { facts: { kind: 'first', form: 'single', receivedDate: '2026-03-22', materials: 'Учебный диск с файлами', circumstances: '' } });
    expect(facts.status, facts.body.error).toBe(200);
    view = await procedure();
    expect(view.facts.filter((fact) => fact.value !== undefined).map((fact) => [fact.key, fact.value])).toEqual([
      ['kind', 'first'],
      ['form', 'single'],
      ['receivedDate', '2026-03-22'],
      ['materials', 'Учебный диск с файлами'],
    ]);
    expect(view.blocksFinal.join('\n')).toMatch(/introductory part/);
    const log = CaseWorkspace.open(dir).readLog();
    expect(log.filter((entry) => entry.action === 'case.set').map((entry) => entry.details)).toEqual([{ keys: ['form', 'kind', 'materials', 'receivedDate'] }]);
    expect(log.filter((entry) => entry.action === 'question.override').map((entry) => entry.details)).toMatchObject([{ questionId: 'Q1', reason: 'цитата из постановления' }]);
    expect(log.filter((entry) => entry.action === 'question.add').pop()!.details).toMatchObject({ questionId: 'Q4', flagged: true });
  });

  it('names an expert, records the acknowledgement, the answer that is their part and the signature, as `soz expert …` does; a changed part needs a new signature', async () => {
    expect((await call('POST', '/api/expert-add', { name: ' ', speciality: 'linguist', qualification: 'q', experience: '5', institution: 'i' })).status).toBe(400);
    const added = await call('POST', '/api/expert-add', { name: 'Учебный Эксперт', speciality: 'linguist', qualification: 'кандидат филологических наук, свидетельство № 1 (вымышленное)', experience: '7', institution: 'Учебный центр' });
    expect(added.body).toEqual({ expertId: 'E1' });
    const early = await call('POST', '/api/expert-sign', { expertId: 'E1', note: '' });
    expect(early.status).toBe(400);
    expect(early.body.error).toMatch(/E1 has not acknowledged liability/);
    expect((await call('POST', '/api/expert-acknowledge', { expertId: 'E1', note: 'Подписка от 21.03.2026' })).status).toBe(200);
    expect((await call('POST', '/api/answer', { questionId: 'Q2', text: 'Ответ эксперта E1 (учебный).', expertId: 'E1' })).status).toBe(200);
    expect((await call('POST', '/api/expert-sign', { expertId: 'E1', note: 'подпись на бумажном экземпляре' })).status).toBe(200);
    let view = await procedure();
    expect(view.experts).toMatchObject([{ id: 'E1', name: 'Учебный Эксперт', speciality: 'linguist', experienceYears: 7, acknowledgement: 'Подписка от 21.03.2026', signature: 'current' }]);
    expect(view.specialities.map((speciality) => speciality.value)).toEqual(['linguist', 'psychologist', 'religious-scholar', 'other']);
    expect((await call('POST', '/api/answer', { questionId: 'Q2', text: 'Ответ эксперта E1, исправленный (учебный).', expertId: 'E1' })).status).toBe(200);
    view = await procedure();
    expect(view.experts[0]!.signature).toBe('stale');
    // The joint section waits for every part of a speciality to be settled, as `soz sop joint` does.
    const joint = await call('POST', '/api/joint', { conclusions: 'Общие выводы (учебные)' });
    expect(joint.status).toBe(400);
    expect(joint.body.error).toMatch(/cannot record the joint section/);
    expect(view.joint).toBeNull();
    const log = CaseWorkspace.open(dir).readLog();
    expect(log.filter((entry) => entry.action.startsWith('expert.')).map((entry) => [entry.action, entry.actor])).toEqual([
      ['expert.add', 'Trainee'],
      ['expert.acknowledge', 'Trainee'],
      ['expert.sign', 'Trainee'],
    ]);
    // A desk started without --actor records an expert's own act as the expert's, as the CLI does.
    const unnamed = await startDesk({ caseDir: dir, port: 0, language: 'en', clock, actor: '' });
    try {
      const response = await fetch(`http://127.0.0.1:${unnamed.port}/api/expert-sign`, { method: 'POST', headers: { 'X-Soz-Token': unnamed.token, 'Content-Type': 'application/json' }, body: JSON.stringify({ expertId: 'E1', note: '' }) });
      expect(response.status).toBe(200);
    } finally {
      await unnamed.close();
    }
    expect(CaseWorkspace.open(dir).readLog().pop()).toMatchObject({ action: 'expert.sign', actor: 'Учебный Эксперт' });
    expect((await procedure()).experts[0]!.signature).toBe('current');
  });

  it('records the Rabat worksheet of one statement as `soz sop rabat` does: accepted findings only, the facts of every part', async () => {
    const candidates = (await call<{ finding: { id: string } }[]>('GET', '/api/candidates')).body;
    const [first, second] = [candidates[0]!.finding.id, candidates[1]!.finding.id];
    expect((await call('POST', '/api/decide', { findingIds: [first], decision: 'accepted', reason: 'учебное решение' })).status).toBe(200);
    let rabat = (await procedure()).rabat;
    expect(rabat.parts.map((part) => part.key)).toEqual(['context', 'speaker', 'contentForm', 'extent']);
    expect(rabat.uncovered).toContain(first);
    const parts = { context: 'Закрытый чат соседей', speaker: 'Автор листовки; жители посёлка', contentForm: 'Призыв прийти к мельнице', extent: 'Одна листовка' };
    const notAccepted = await call('POST', '/api/rabat', { findingIds: [first, second], parts });
    expect(notAccepted.status).toBe(400);
    expect(notAccepted.body.error).toMatch(/are not accepted/);
    expect((await call('POST', '/api/rabat', { findingIds: [first], parts: { ...parts, extent: ' ' } })).status).toBe(400);
    expect((await call('POST', '/api/rabat', { findingIds: [first], parts })).status).toBe(200);
    rabat = (await procedure()).rabat;
    expect(rabat.worksheets).toEqual([{ findingIds: [first], parts }]);
    expect(rabat.uncovered).not.toContain(first);
  });

  it('answers in the language of the desk: its own refusals from the desk labels, a case function\'s from the CLI catalogue', async () => {
    const russian = await startDesk({ caseDir: dir, port: 0, language: 'ru', clock, actor: 'Стажёр', lockWaitMs: 200 });
    try {
      const ask = async (path: string, body: unknown, token = russian.token) =>
        (await fetch(`http://127.0.0.1:${russian.port}${path}`, { method: 'POST', headers: { 'X-Soz-Token': token, 'Content-Type': 'application/json' }, body: JSON.stringify(body) })).json() as Promise<{ error: string }>;
      expect((await ask('/api/undo', {}, 'guess')).error).toMatch(/^нет действительного ключа/);
      expect((await ask('/api/undo', {})).error).toMatch(/^нечего отменять/);
      expect((await ask('/api/rule', { findingId: 'F000', decision: 'accepted', reason: 'x' })).error).toBe('кандидата F000 в деле нет');
      expect((await ask('/api/step', { stepId: 'competence', note: 'проверено', fields: {} })).error).toMatch(/нельзя записать шаг competence: /);
      expect((await ask('/api/step-withdraw', { stepId: 'packaging', reason: ' ' })).error).toBe(`${dir}: укажите, почему запись шага packaging отзывается`);
      // Refusals the CLI's catalogue has no key for, from the desk's labels.
      expect((await ask('/api/expert-acknowledge', { expertId: 'E9', note: 'x' })).error).toMatch(/^не записано: /);
      expect((await ask('/api/step-withdraw', { stepId: 'competence', reason: 'x' })).error).toBe(`${dir}: у шага competence нет записи, которую можно отозвать`);
      expect((await ask('/api/case-facts', { facts: {} })).error).toBe('заполните хотя бы одно сведение');
      expect((await ask('/api/case-facts', { facts: { kind: 'fifth' } })).error).toMatch(/^сведения не записаны: --kind "fifth": /);
      expect((await ask('/api/step', { stepId: 'sampling', note: 'x', fields: {}, files: [{ name: 'big.bin', base64: Buffer.alloc(16 * 1024 * 1024 + 1).toString('base64') }] })).error).toMatch(/^приложенные файлы занимают 16\.0 МиБ/);
    } finally {
      await russian.close();
    }
  });
});
