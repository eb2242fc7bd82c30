import { describe, expect, it } from 'vitest';
import type { LogEntry } from '../core/case.js';
import type { QuestionRecord, SopStepRecord } from '../core/examiner.js';
import { openBeforeFinal, recordProblems, sopStatus, unmetForFinal } from './engine.js';

/** The English texts of a record's problems. */
const recordTexts = (...args: Parameters<typeof recordProblems>): string[] => recordProblems(...args).map((problem) => problem.text);
import type { Procedure } from './schema.js';
import { procedureProblems, validateSopData } from './data.js';

const title = { ru: 'т', ky: 'т', en: 't' };
const procedure: Procedure = {
  id: 'test',
  version: '1.0.0',
  title,
  skipReasons: [
    { id: 'monolingual', title: { ru: 'м', ky: 'м', en: 'all texts in one language' }, decidedBy: 'examiner' },
    { id: 'no-peer', title: { ru: 'н', ky: 'н', en: 'no second expert' }, decidedBy: 'named' },
  ],
  steps: [
    { id: 'order', kind: 'examiner', title, requires: ['note', 'questions'], dependsOn: [], requiredForFinal: true },
    { id: 'intake', kind: 'automated', title, requires: [], dependsOn: [], doneWhen: { action: 'evidence.add' }, requiredForFinal: true },
    { id: 'language', kind: 'examiner', title, requires: ['note', 'fields'], fields: ['translator'], dependsOn: ['intake'], requiredForFinal: true, skipReasons: ['monolingual'] },
    { id: 'check', kind: 'examiner', title, requires: ['note', 'questions-decided'], dependsOn: ['order', 'language'], requiredForFinal: true, skipReasons: ['no-peer'] },
    { id: 'assembly', kind: 'automated', title, requires: [], dependsOn: ['check'], doneWhen: { action: 'report.render' }, requiredForFinal: true },
    { id: 'seal', kind: 'automated', title, requires: [], dependsOn: ['assembly'], doneWhen: { action: 'seal.create' }, afterFinal: true, requiredForFinal: false },
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
      ['assembly', 'blocked'],
      ['seal', 'blocked'],
    ]);
    expect(statuses[0]).toMatchObject({ actor: 'A', logSeq: 2 });
    expect(statuses[3]!.waitingFor).toEqual(['language']);
    expect(openBeforeFinal(statuses).map((status) => status.id)).toEqual(['language', 'check', 'assembly']);
  });

  it('a skipped dependency unblocks; a skip needs an admitted reason, a note and, where asked, who decided', () => {
    const records: SopStepRecord[] = [
      { stepId: 'order', status: 'done', note: 'n', fields: {}, files: [], actor: 'B' },
      { stepId: 'language', status: 'skipped', note: 'all texts in Russian', fields: {}, files: [], actor: 'B', skip: { reasonId: 'monolingual', decidedBy: 'B' } },
    ];
    const statuses = sopStatus(procedure, [entry(1, 'evidence.add')], records);
    expect(statuses.find((status) => status.id === 'check')!.state).toBe('open');
    const skip = (stepId: string, skipReason: string | undefined, note = 'why', decidedBy?: string) =>
      recordTexts(procedure, statuses, { stepId, skip: true, ...(skipReason ? { skipReason } : {}), ...(decidedBy ? { decidedBy } : {}), note, fields: {}, fileCount: 0 }, { questions: [], unreviewed: 0, unrelatedItems: [], uncoveredStatements: [], unacknowledgedExperts: [] });
    expect(skip('order', 'x')).toEqual(['step order cannot be skipped: a final conclusion needs it done']);
    expect(skip('check', 'x')).toEqual(['"x" is not a reason step check admits; give --reason with one of: no-peer (no second expert)']);
    expect(skip('check', undefined)[0]).toMatch(/needs --reason; give --reason with one of: no-peer/);
    expect(skip('check', 'no-peer', '')).toEqual(['a skip needs --note "…" saying concretely why (no-peer)', 'reason no-peer needs --decided-by "…" naming who decided (name and position)']);
    expect(skip('check', 'no-peer', 'one expert only', 'Head of centre')).toEqual([]);
    expect(skip('assembly', 'no-peer', 'x', 'y')[0]).toMatch(/depends on check/);
  });

  it('counts an automated step only when its action follows its dependencies; names every unmet step for a final', () => {
    const records: SopStepRecord[] = [
      { stepId: 'order', status: 'done', note: 'n', fields: {}, files: [], actor: 'B' },
      { stepId: 'language', status: 'done', note: 'n', fields: { translator: 'none' }, files: [], actor: 'B' },
      { stepId: 'check', status: 'skipped', note: 'n', fields: {}, files: [], actor: 'B', skip: { reasonId: 'monolingual', decidedBy: 'B' } },
    ];
    const log = [entry(1, 'evidence.add'), entry(2, 'report.render'), entry(3, 'sop.record', { stepId: 'order' }), entry(4, 'sop.record', { stepId: 'language' }), entry(5, 'sop.record', { stepId: 'check' })];
    const early = sopStatus(procedure, log, records);
    expect(early.find((status) => status.id === 'assembly')!.state).toBe('open');
    expect(unmetForFinal(procedure, early).map((problem) => problem.text)).toEqual([
      'step 4 check is skipped for "monolingual", which it does not admit — record it with soz sop record DIR check --note "…", or skip it with --skip --reason no-peer --note "…"',
      'step 5 assembly is not done — it is done when the log shows "report.render" after check (render a draft with soz report DIR)',
    ]);
    const later = sopStatus(procedure, [...log, entry(6, 'report.render'), entry(7, 'report.render')], records);
    expect(later.find((status) => status.id === 'assembly')).toMatchObject({ state: 'done', logSeq: 6 });
    expect(unmetForFinal(procedure, later)).toHaveLength(1);
  });

  it('enforces dependencies, fields and requirements with sentences that say what to do', () => {
    const statuses = sopStatus(procedure, [], []);
    const problems = recordTexts(procedure, statuses, { stepId: 'check', skip: false, note: 'x', fields: { colour: 'red' }, fileCount: 0 }, { questions: [question('open')], unreviewed: 0, unrelatedItems: [], uncoveredStatements: [], unacknowledgedExperts: [] });
    expect(problems.join('\n')).toMatch(/step check has no field "colour"/);
    expect(problems.join('\n')).toMatch(/depends on order, language/);
    expect(problems.join('\n')).toMatch(/questions Q1 have no decision/);
    expect(recordTexts(procedure, statuses, { stepId: 'intake', skip: false, note: 'x', fields: {}, fileCount: 0 }, { questions: [], unreviewed: 0, unrelatedItems: [], uncoveredStatements: [], unacknowledgedExperts: [] })[0]).toMatch(/automated/);
    expect(recordTexts(procedure, statuses, { stepId: 'language', skip: false, note: '', fields: { translator: 'none' }, fileCount: 0 }, { questions: [], unreviewed: 0, unrelatedItems: [], uncoveredStatements: [], unacknowledgedExperts: [] })).toEqual(['step language depends on intake, not yet done or skipped; record those first', 'step language needs --note "…" saying what was done']);
    const related: Procedure = { ...procedure, steps: [{ id: 'ctx', kind: 'examiner', title, requires: ['note', 'items-related'], dependsOn: [], requiredForFinal: true }] };
    expect(recordTexts(related, sopStatus(related, [], []), { stepId: 'ctx', skip: false, note: 'x', fields: {}, fileCount: 0 }, { questions: [], unreviewed: 0, unrelatedItems: ['a.txt', 'b.pdf'], uncoveredStatements: [], unacknowledgedExperts: [] })).toEqual([
      'no relation recorded for a.txt, b.pdf; record each with soz sop relate DIR ITEM --relation authored|forwarded|reaction|stored|unknown --note "…", or record the persons of interest with soz person add DIR --name "…" --handle … (relations derived from the data; soz relation set DIR … where it says nothing)',
    ]);
    const perStatement: Procedure = { ...procedure, steps: [{ id: 'rabat', kind: 'examiner', title, requires: ['note', 'rabat-per-statement'], dependsOn: [], requiredForFinal: true }] };
    expect(recordTexts(perStatement, sopStatus(perStatement, [], []), { stepId: 'rabat', skip: false, note: 'x', fields: {}, fileCount: 0 }, { questions: [], unreviewed: 0, unrelatedItems: [], uncoveredStatements: ['F1', 'F2'], unacknowledgedExperts: [] })[0]).toMatch(
      /^accepted finding\(s\) F1, F2 have no Rabat worksheet; fill one per statement with soz sop rabat DIR --finding F… --field context=…/,
    );
    expect(recordTexts(procedure, statuses, { stepId: 'nope', skip: false, note: 'x', fields: {}, fileCount: 0 }, { questions: [], unreviewed: 0, unrelatedItems: [], uncoveredStatements: [], unacknowledgedExperts: [] })[0]).toMatch(/no step "nope"/);
  });

  it('validates the shipped SOP data and names file, entry and fix for broken data', async () => {
    expect(await validateSopData()).toEqual([]);
    const broken: Procedure = { ...procedure, steps: [{ ...procedure.steps[3]!, dependsOn: ['later'] }, { ...procedure.steps[1]!, doneWhen: undefined }] };
    const problems = procedureProblems(broken, 'sop/procedure.yaml');
    expect(problems).toContain('sop/procedure.yaml: step 1 (check): dependsOn "later" is not an earlier step; list only steps that come before it');
    expect(problems).toContain('sop/procedure.yaml: step 2 (intake): an automated step needs doneWhen.action; add the log action that completes it');
    const badSkips: Procedure = { ...procedure, steps: [{ ...procedure.steps[5]!, requiredForFinal: true, skipReasons: ['gone'] }] };
    expect(procedureProblems(badSkips, 'p.yaml')).toEqual([
      'p.yaml: step 1 (seal): dependsOn "assembly" is not an earlier step; list only steps that come before it',
      'p.yaml: step 1 (seal): a step after the final conclusion cannot be required for it; set requiredForFinal: false',
      'p.yaml: step 1 (seal): skip reason "gone" is not listed under skipReasons; add it there or correct the id',
    ]);
  });
});
