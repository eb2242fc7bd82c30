import { describe, expect, it } from 'vitest';
import type { ExpertsFile } from '../core/experts.js';
import type { SopStepRecord } from '../core/examiner.js';
import { loadProcedure } from './data.js';
import { addExpert, assignAnswer, assignExpert, expertPartDigest, expertsFileSchema, expertsFinalProblems, mergeCaseFacts, NO_EXPERTS, recordDissent, recordJointSection } from './experts.js';

const expert = (name: string, speciality: string) => ({ name, speciality, qualification: 'certificate № 1 (fictional)', experienceYears: '5', institution: 'Centre (fictional)' });

function withExperts(...list: [string, string][]): ExpertsFile {
  return list.reduce((file, [name, speciality]) => addExpert(file, expert(name, speciality)).file, NO_EXPERTS);
}

const step = (stepId: string, expertId: string | undefined, note = 'done'): SopStepRecord => ({ stepId, status: 'done', note, fields: {}, files: [], actor: 'X', ...(expertId ? { expertId } : {}) });

describe('experts of a case', () => {
  it('numbers experts E1, E2… and refuses incomplete data, one problem per option', () => {
    const file = withExperts(['A (fictional)', 'linguist'], ['B (fictional)', 'psychologist']);
    expect(file.experts.map((record) => `${record.id} ${record.speciality} ${record.experienceYears}`)).toEqual(['E1 linguist 5', 'E2 psychologist 5']);
    expect(expertsFileSchema.safeParse(file).success).toBe(true);
    const { problems } = addExpert(file, { name: 'A (fictional)', speciality: 'judge', qualification: ' ', experienceYears: '5 years', institution: 'C' });
    expect(problems.map((problem) => problem.text)).toEqual([
      '--qualification "…" is required',
      '--speciality judge: use one of linguist, psychologist, religious-scholar, other',
      '--experience 5 years: give the years of experience as an expert as a whole number, e.g. 12',
      'an expert named "A (fictional)" is already in the case',
    ]);
  });

  it('a part of a speciality goes to its one expert; a commission must say whose; a single-examiner case assigns nobody', () => {
    const procedure = loadProcedure();
    const complex = withExperts(['A', 'linguist'], ['B', 'psychologist']);
    expect(assignExpert(complex, procedure, 'psychological-analysis', undefined, false)).toEqual({ expertId: 'E2', problem: null });
    expect(assignExpert(complex, procedure, 'religious-analysis', undefined, false).problem?.text).toMatch(/part of a religious-scholar and the case names none; say whose part it is with --expert E…/);
    expect(assignExpert(complex, procedure, 'religious-analysis', undefined, true)).toEqual({ expertId: null, problem: null });
    expect(assignExpert(complex, procedure, 'context', undefined, false)).toEqual({ expertId: null, problem: null });
    expect(assignExpert(complex, procedure, 'context', 'E7', false).problem?.text).toMatch(/no expert E7 in the case \(experts: E1 A, E2 B\)/);
    const commission = withExperts(['A', 'linguist'], ['B', 'linguist']);
    expect(assignExpert(commission, procedure, 'linguistic-analysis', undefined, false).problem?.text).toMatch(/names 2 \(E1, E2\)/);
    expect(assignExpert(NO_EXPERTS, procedure, 'linguistic-analysis', undefined, false)).toEqual({ expertId: null, problem: null });
    expect(assignAnswer(withExperts(['A', 'linguist']), undefined)).toEqual({ expertId: 'E1', problem: null });
    expect(assignAnswer(complex, undefined).problem?.text).toMatch(/say who answers with --expert/);
  });

  it('what an expert signs changes when their part, an answer of theirs or the joint section changes — and only then', () => {
    const file = withExperts(['A', 'linguist'], ['B', 'psychologist']);
    const [a] = file.experts;
    const question = { id: 'Q1', text: 'q', language: 'en', guard: { flagged: false, guardVersions: {}, matches: [], suggestions: [] }, disposition: { status: 'answered' as const }, answeredBy: 'E1' };
    const base = expertPartDigest(a!, [step('linguistic-analysis', 'E1'), step('psychological-analysis', 'E2')], [question], { Q1: 'a'.repeat(64) }, null);
    expect(expertPartDigest(a!, [step('linguistic-analysis', 'E1'), step('psychological-analysis', 'E2', 'other')], [question], { Q1: 'a'.repeat(64) }, null)).toBe(base);
    expect(expertPartDigest(a!, [step('linguistic-analysis', 'E1', 'revised'), step('psychological-analysis', 'E2')], [question], { Q1: 'a'.repeat(64) }, null)).not.toBe(base);
    expect(expertPartDigest(a!, [step('linguistic-analysis', 'E1'), step('psychological-analysis', 'E2')], [question], { Q1: 'b'.repeat(64) }, null)).not.toBe(base);
    expect(expertPartDigest(a!, [step('linguistic-analysis', 'E1'), step('psychological-analysis', 'E2')], [question], { Q1: 'a'.repeat(64) }, { conclusions: 'c', dissents: [] })).not.toBe(base);
  });

  it('the joint section needs several experts and settled parts; a dissent needs the joint section', () => {
    expect(recordJointSection(withExperts(['A', 'linguist']), 'c', []).problems.map((problem) => problem.text)).toEqual(['a joint section is written by several experts; the case names 1 (add them with soz expert add DIR …)']);
    const two = withExperts(['A', 'linguist'], ['B', 'psychologist']);
    expect(recordJointSection(two, 'c', ['rabat']).problems[0]?.text).toMatch(/the parts rabat are neither done nor skipped/);
    expect(recordDissent(two, 'E2', 'no').problems.map((problem) => problem.text)).toEqual(['record the joint section first (soz sop joint DIR --conclusions "…"); a dissent is from it']);
    const joint = recordJointSection(two, ' Together ', []).file;
    const dissented = recordDissent(recordDissent(joint, 'E2', 'first').file, 'E2', ' second ').file;
    expect(dissented.joint).toEqual({ conclusions: 'Together', dissents: [{ expertId: 'E2', text: 'second' }] });
  });
});

describe('introductory facts', () => {
  it('accepts real dates in order and names each impossible or backwards one', () => {
    expect(mergeCaseFacts({}, { kind: 'repeat', startDate: '2026-03-04', endDate: '2026-03-04' }, '2026-03-01')).toEqual({ facts: { kind: 'repeat', startDate: '2026-03-04', endDate: '2026-03-04' }, problems: [] });
    expect(mergeCaseFacts({}, { receivedDate: '2026-02-29' }, null).problems.map((problem) => problem.text)).toEqual(['--received "2026-02-29": not a date; use YYYY-MM-DD (a day that exists)']);
    expect(mergeCaseFacts({ startDate: '2026-03-05' }, { receivedDate: '2026-03-06' }, '2026-03-07').problems.map((problem) => problem.text)).toEqual([
      '--received 2026-03-06 is before the date of the order 2026-03-07',
      '--start 2026-03-05 is before the date of the order 2026-03-07',
      '--start 2026-03-05 is before --received 2026-03-06',
    ]);
    expect(mergeCaseFacts({}, { form: 'team' }, null).problems.map((problem) => problem.text)).toEqual(['--form "team": use one of single, complex, commission']);
  });

  it('a final needs every fact, a form that fits the experts, and each expert acknowledged and signed on the current part', () => {
    const facts = { kind: 'first', form: 'single', groundsType: 'ruling', groundsNumber: '1', receivedDate: '2026-03-03', startDate: '2026-03-04', endDate: '2026-03-05', materials: 'm', packaging: 'p', circumstances: 'c' } as const;
    expect(expertsFinalProblems({ experts: NO_EXPERTS, facts, parts: [], answers: [], digests: {} }).map((problem) => problem.text)).toEqual([]);
    expect(expertsFinalProblems({ experts: NO_EXPERTS, facts: { kind: 'first' }, parts: [], answers: [], digests: {} })[0]!.text).toMatch(/^the introductory part lacks form, groundsType, .*circumstances — soz case set DIR --form … --grounds-type …/);
    const two = withExperts(['A', 'linguist'], ['B', 'linguist']);
    const signed: ExpertsFile = { joint: null, experts: two.experts.map((record) => ({ ...record, acknowledgement: { note: 'n' }, signature: { partDigest: '1'.repeat(64), note: '' } })) };
    expect(expertsFinalProblems({ experts: signed, facts: { ...facts, form: 'complex' }, parts: [{ stepId: 'linguistic-analysis', expertId: null }], answers: [{ questionId: 'Q1', expertId: null }], digests: { E1: '1'.repeat(64), E2: '2'.repeat(64) } }).map((problem) => problem.text)).toEqual([
      'a complex expertise needs experts of at least two specialities — soz expert add DIR …',
      'step linguistic-analysis has no assigned expert — record it again with soz sop record DIR linguistic-analysis --expert E… --note "…"',
      'the answer to Q1 has no assigned expert — soz question answer DIR Q1 --file … --expert E…',
      'expert E2 B signed a part that has changed since — soz expert sign DIR E2 again',
      'an expertise by 2 experts needs the joint section — soz sop joint DIR --conclusions "…"',
    ]);
    expect(expertsFinalProblems({ experts: two, facts: { ...facts, form: 'commission' }, parts: [], answers: [], digests: {} }).map((problem) => problem.text)).toEqual([
      'expert E1 A has not acknowledged liability — soz expert acknowledge DIR E1 --note "…"',
      'expert E1 A has not signed their part — soz expert sign DIR E1',
      'expert E2 B has not acknowledged liability — soz expert acknowledge DIR E2 --note "…"',
      'expert E2 B has not signed their part — soz expert sign DIR E2',
      'an expertise by 2 experts needs the joint section — soz sop joint DIR --conclusions "…"',
    ]);
  });
});
