import { describe, expect, it } from 'vitest';
import type { LogEntry } from '../core/case.js';
import type { QuestionRecord, SopStepRecord } from '../core/examiner.js';
import { openBeforeFinal, recordProblems, sopStatus } from './engine.js';
import type { Procedure } from './schema.js';
import { procedureProblems, validateSopData } from './data.js';

const title = { ru: 'т', ky: 'т', en: 't' };
const procedure: Procedure = {
  id: 'test',
  version: '1.0.0',
  title,
  steps: [
    { id: 'order', kind: 'examiner', title, requires: ['note', 'questions'], dependsOn: [] },
    { id: 'intake', kind: 'automated', title, requires: [], dependsOn: [], doneWhen: { action: 'evidence.add' } },
    { id: 'language', kind: 'examiner', title, requires: ['note', 'fields'], fields: ['translator'], dependsOn: ['intake'] },
    { id: 'check', kind: 'examiner', title, requires: ['note', 'questions-decided'], dependsOn: ['order', 'language'] },
    { id: 'seal', kind: 'automated', title, requires: [], dependsOn: ['check'], doneWhen: { action: 'seal.create' }, afterFinal: true },
  ],
};
const entry = (seq: number, action: string, details: Record<string, unknown> = {}): LogEntry => ({ seq, time: `2026-01-0${seq}T00:00:00.000Z`, actor: 'A', action, inputs: [], outputs: [], details, previousHash: '', hash: '' });
const question = (status: 'open' | 'answered'): QuestionRecord => ({ id: 'Q1', text: 'q', language: 'en', guard: { flagged: false, guardVersions: {}, matches: [], suggestions: [] }, disposition: { status } });

describe('SOP engine', () => {
  it('derives done / open / blocked from the log and the records', () => {
    const records: SopStepRecord[] = [{ stepId: 'order', status: 'done', note: 'n', fields: {}, files: [], actor: 'B' }];
    const statuses = sopStatus(procedure, [entry(1, 'evidence.add'), entry(2, 'sop.record', { stepId: 'order' })], records);
    expect(statuses.map((status) => [status.id, status.state])).toEqual([
      ['order', 'done'],
      ['intake', 'done'],
      ['language', 'open'],
      ['check', 'blocked'],
      ['seal', 'blocked'],
    ]);
    expect(statuses[0]).toMatchObject({ actor: 'A', logSeq: 2 });
    expect(statuses[3]!.waitingFor).toEqual(['language']);
    expect(openBeforeFinal(statuses).map((status) => status.id)).toEqual(['language', 'check']);
  });

  it('a skipped dependency unblocks; a skip needs only a reason', () => {
    const records: SopStepRecord[] = [
      { stepId: 'order', status: 'done', note: 'n', fields: {}, files: [], actor: 'B' },
      { stepId: 'language', status: 'skipped', note: 'all texts in Russian', fields: {}, files: [], actor: 'B' },
    ];
    const statuses = sopStatus(procedure, [entry(1, 'evidence.add')], records);
    expect(statuses.find((status) => status.id === 'check')!.state).toBe('open');
    expect(recordProblems(procedure, statuses, { stepId: 'seal', skip: true, note: '', fields: {}, fileCount: 0 }, { questions: [], unreviewed: 0 })).toEqual(['a skip needs --reason "…"']);
  });

  it('enforces dependencies, fields and requirements with sentences that say what to do', () => {
    const statuses = sopStatus(procedure, [], []);
    const problems = recordProblems(procedure, statuses, { stepId: 'check', skip: false, note: 'x', fields: { colour: 'red' }, fileCount: 0 }, { questions: [question('open')], unreviewed: 0 });
    expect(problems.join('\n')).toMatch(/step check has no field "colour"/);
    expect(problems.join('\n')).toMatch(/depends on order, language/);
    expect(problems.join('\n')).toMatch(/questions Q1 have no decision/);
    expect(recordProblems(procedure, statuses, { stepId: 'intake', skip: false, note: 'x', fields: {}, fileCount: 0 }, { questions: [], unreviewed: 0 })[0]).toMatch(/automated/);
    expect(recordProblems(procedure, statuses, { stepId: 'nope', skip: false, note: 'x', fields: {}, fileCount: 0 }, { questions: [], unreviewed: 0 })[0]).toMatch(/no step "nope"/);
  });

  it('validates the shipped SOP data and names file, entry and fix for broken data', async () => {
    expect(await validateSopData()).toEqual([]);
    const broken: Procedure = { ...procedure, steps: [{ ...procedure.steps[3]!, dependsOn: ['later'] }, { ...procedure.steps[1]!, doneWhen: undefined }] };
    const problems = procedureProblems(broken, 'sop/procedure.yaml');
    expect(problems).toContain('sop/procedure.yaml: step 1 (check): dependsOn "later" is not an earlier step; list only steps that come before it');
    expect(problems).toContain('sop/procedure.yaml: step 2 (intake): an automated step needs doneWhen.action; add the log action that completes it');
  });
});
