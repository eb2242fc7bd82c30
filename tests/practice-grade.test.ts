/**
 * `soz practice grade` end to end on a started practice case, with a simulated trainee whose
 * records are written directly as the JSON `src/core/examiner.ts` describes. soz's candidates at
 * the key's places are simulated too (an extra analysis file), so the test does not depend on
 * which lexicon entries the indicator analysis has today.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../src/core/canonical-json.js';
import type { QuestionRecord, ReviewDecision, SopStepRecord } from '../src/core/examiner.js';
import type { Finding, Voice } from '../src/core/finding.js';
import { findingId, lineColumn } from '../src/core/finding.js';
import { CaseWorkspace } from '../src/case/workspace.js';
import { readDerivedDocuments } from '../src/case/records.js';
import { ExaminerFiles, readQuestions } from '../src/pipeline/examiner.js';
import { PracticeFiles, gradePracticeCase, practiceKeyPath, readPracticeKey, startPracticeCase } from '../src/pipeline/practice.js';
import { locateKeyItem } from '../src/practice/locate.js';
import type { GradeResult } from '../src/practice/grade.js';
import { registerPracticeCommands } from '../src/cli/commands/practice.js';
import { createContext } from '../src/cli/context.js';
import { gradeLines } from '../src/cli/practice-lines.js';
import { translatorFor } from '../src/cli/i18n.js';
import { readCliCatalogue } from '../src/pipeline/cli-catalogue.js';
import { soz } from './support/cli.js';

const CASE_ID = 'ru-grey-stone';
const clock = () => new Date(Date.UTC(2026, 2, 25, 9, 0, 0));
let scratch: string;
let template: string;
/** Simulated candidates by key item id (K1…, T1…). */
const candidates = new Map<string, Finding>();

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'soz-practice-grade-'));
  template = join(scratch, 'template');
  await startPracticeCase(CASE_ID, template, { clock });
  const workspace = CaseWorkspace.open(template);
  const documents = readDerivedDocuments(workspace);
  const key = readPracticeKey(practiceKeyPath(CASE_ID));
  for (const item of [...key.fragments, ...key.traps]) {
    const located = locateKeyItem(item, documents);
    if (!located.found) throw new Error(located.problem);
    const doc = documents.find((d) => d.id === located.place.documentId)!;
    const segment = doc.segments.find((s) => s.range[0] <= located.place.range[0] && located.place.range[0] < s.range[1])!;
    const range = located.place.range;
    const { line, column } = lineColumn(doc.text, range[0]);
    const voice: Voice = segment.message?.role === 'forwarded' ? 'forwarded' : 'own';
    candidates.set(item.id, {
      id: findingId('practice-simulated', 'sim', doc.id, range),
      analysis: 'practice-simulated',
      ruleId: 'sim',
      category: 'call-to-action',
      reason: 'simulated candidate for the grading test',
      place: { documentId: doc.id, evidenceSha256: doc.evidenceSha256, evidenceName: doc.evidenceName, segmentId: segment.id, part: segment.anchor.part, range, line, column },
      actual: doc.text.slice(range[0], range[1]),
      context: { left: '', right: '' },
      voice,
      countervailing: voice === 'forwarded' ? ['forwarded'] : [],
    });
  }
  const findings = [...candidates.values()];
  writeFileSync(workspace.path('derived/analyses/practice-simulated.json'), canonicalJson({ analysis: 'practice-simulated', version: '0', parameters: {}, findings }, true));
});

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Trainee {
  readonly reviews: readonly [item: string, accepted: boolean, questions: string[], voice?: Voice][];
  readonly dispositions: Readonly<Record<string, QuestionRecord['disposition']>>;
  readonly answers: readonly string[];
  readonly steps: readonly [stepId: string, status: 'done' | 'skipped'][];
}

/** Copies the started case and writes the trainee's records into it. */
function simulate(name: string, trainee: Trainee): string {
  const dir = join(scratch, name);
  cpSync(template, dir, { recursive: true });
  const workspace = CaseWorkspace.open(dir);
  const questions = readQuestions(workspace).map((q) => ({ ...q, disposition: trainee.dispositions[q.id] ?? q.disposition }));
  const reviews: ReviewDecision[] = trainee.reviews.map(([item, accepted, questionIds, voice]) => ({
    findingId: candidates.get(item)!.id,
    decision: accepted ? 'accepted' : 'rejected',
    reason: accepted ? 'bears on the question' : 'not the subject\'s own assertion',
    questionIds,
    ...(voice ? { voice } : {}),
    actor: 'trainee',
  }));
  const steps: SopStepRecord[] = trainee.steps.map(([stepId, status]) => ({ stepId, status, note: status === 'done' ? 'done' : 'no time', fields: {}, files: [], actor: 'trainee' }));
  writeFileSync(workspace.path(ExaminerFiles.questions), canonicalJson(questions, true));
  writeFileSync(workspace.path(ExaminerFiles.review), canonicalJson(reviews, true));
  writeFileSync(workspace.path(ExaminerFiles.sop), canonicalJson(steps, true));
  mkdirSync(workspace.path(ExaminerFiles.answersDir), { recursive: true });
  for (const id of trainee.answers) writeFileSync(workspace.path(`${ExaminerFiles.answersDir}/${id}.md`), `Ответ на ${id}.\n`);
  return dir;
}

const statusOf = (result: GradeResult) => Object.fromEntries(result.items.filter((item) => item.kind !== 'review').map((item) => [item.ref, item.status]));

describe('soz practice grade', () => {
  it('gives a perfect trainee every item and full scores, and writes the feedback sheet and JSON', async () => {
    const dir = simulate('perfect', {
      reviews: [
        ['K1', true, ['Q1']],
        ['K2', true, ['Q1']],
        ['K3', true, ['Q2']],
        ['T1', true, ['Q1'], 'forwarded'],
        ['T2', false, []],
        ['T3', false, []],
      ],
      dispositions: { Q1: { status: 'answered' }, Q2: { status: 'answered' }, Q3: { status: 'declined', reason: 'правовая квалификация — компетенция суда' } },
      answers: ['Q1', 'Q2'],
      steps: [['competence', 'done'], ['context', 'done'], ['linguistic-analysis', 'done']],
    });
    const lines: string[] = [];
    const program = new Command('soz').exitOverride();
    registerPracticeCommands(program, createContext({ stdout: (text: string) => lines.push(text), stderr: () => undefined, now: clock } as never));
    await program.parseAsync(['node', 'soz', 'practice', 'grade', dir]);
    const result = JSON.parse(readFileSync(join(dir, PracticeFiles.grade), 'utf8')) as GradeResult;
    expect(statusOf(result)).toEqual({
      K1: 'found',
      K2: 'found',
      K3: 'found',
      T1: 'attributed',
      T2: 'avoided',
      T3: 'avoided',
      Q1: 'answered',
      Q2: 'answered',
      Q3: 'legal-handled',
      competence: 'step-done',
      context: 'step-done',
      'linguistic-analysis': 'step-done',
    });
    expect(result.items.every((item) => item.ok)).toBe(true);
    expect(result.skills).toEqual({
      locating: { earned: 3, possible: 3 },
      voice: { earned: 4, possible: 4 },
      traps: { earned: 3, possible: 3 },
      competence: { earned: 1, possible: 1 },
      answers: { earned: 2, possible: 2 },
      procedure: { earned: 3, possible: 3 },
    });
    expect(lines.join('')).toMatch(/traps\s+3\/3/);
    const html = readFileSync(join(dir, PracticeFiles.feedback), 'utf8');
    expect(html).toContain('Content-Security-Policy');
    expect(html).toContain('Жашылсайцы — захватчики наших лугов.');
    expect(CaseWorkspace.open(dir).readLog().at(-1)?.action).toBe('practice.grade');
  });

  it('writes the feedback sheet in the examiner language, with the same grade', async () => {
    const dir = simulate('russian-sheet', { reviews: [['K1', true, ['Q1']]], dispositions: {}, answers: [], steps: [] });
    const graded = await soz(['--lang', 'ru', 'practice', 'grade', dir]);
    expect(graded.code, graded.stderr).toBe(0);
    const html = readFileSync(join(dir, PracticeFiles.feedback), 'utf8');
    expect(html).toContain('<html lang="ru">');
    expect(html).toContain('<h2>Оценки по навыкам</h2>');
    expect(html).toContain('Ловушки');
    expect(html).not.toMatch(/Practice feedback|Scores per skill|missed: no candidate/);
    expect(CaseWorkspace.open(dir).readLog().at(-1)?.details['language']).toBe('ru');
  });

  it('tells a trainee who accepts traps and answers the legal question what went wrong', () => {
    const dir = simulate('careless', {
      reviews: [
        ['K1', true, ['Q1']],
        ['K2', false, []],
        ['K3', true, ['Q2']],
        ['T1', true, ['Q1'], 'forwarded'],
        ['T2', true, ['Q1'], 'own'],
        ['T3', true, ['Q1']],
      ],
      dispositions: { Q1: { status: 'answered' }, Q2: { status: 'answered' }, Q3: { status: 'answered' } },
      answers: ['Q1', 'Q2', 'Q3'],
      steps: [['competence', 'done'], ['context', 'skipped'], ['linguistic-analysis', 'done']],
    });
    const { result, feedbackPath } = gradePracticeCase(dir, { clock });
    const lines = gradeLines(result, feedbackPath, translatorFor(readCliCatalogue('en')));
    expect(statusOf(result)).toEqual({
      K1: 'found',
      K2: 'missed',
      K3: 'found',
      T1: 'attributed',
      T2: 'wrongly-accepted',
      T3: 'wrongly-accepted',
      Q1: 'answered',
      Q2: 'answered',
      Q3: 'legal-not-flagged',
      competence: 'step-done',
      context: 'step-skipped',
      'linguistic-analysis': 'step-done',
    });
    expect(result.skills).toEqual({
      locating: { earned: 2, possible: 3 },
      voice: { earned: 3, possible: 4 },
      traps: { earned: 1, possible: 3 },
      competence: { earned: 0, possible: 1 },
      answers: { earned: 2, possible: 2 },
      procedure: { earned: 2, possible: 3 },
    });
    const text = lines.join('\n');
    expect(text).toMatch(/FIX trap\s+T2\s+trap \(reaction\): wrongly accepted as own; it may be accepted only as reaction/);
    expect(text).toMatch(/FIX trap\s+T3\s+trap \(ironic\): wrongly accepted/);
    expect(text).toMatch(/FIX question Q3\s+legal question not declined or reformulated/);
    expect(text).toMatch(/FIX sop\s+context\s+step skipped/);
    // The same feedback in Russian and Kyrgyz: every item's line from the catalogue, none in English.
    for (const language of ['ru', 'ky'] as const) {
      const localised = gradeLines(result, feedbackPath, translatorFor(readCliCatalogue(language), readCliCatalogue('en'))).join('\n');
      expect(localised).not.toContain('wrongly accepted');
      expect(localised).not.toContain('legal question not declined');
      for (const item of result.items) expect(localised, item.ref).toContain(translatorFor(readCliCatalogue(language)).message(item.localised, '(missing)'));
    }
    expect(gradeLines(result, feedbackPath, translatorFor(readCliCatalogue('ru'))).join('\n')).toMatch(/ИСПРАВИТЬ trap\s+T2\s+ловушка \(reaction\): ошибочно принято как own; принять можно только как reaction/);
  });

  it('grades against another key given with --key, and refuses a key for another case', () => {
    const dir = simulate('other-key', { reviews: [], dispositions: {}, answers: [], steps: [] });
    const keyText = readFileSync(practiceKeyPath(CASE_ID), 'utf8');
    const smaller = join(scratch, 'smaller-key.yaml');
    writeFileSync(smaller, keyText.replace(/sop:\n[\s\S]*$/, 'sop:\n  - { stepId: rabat, note: worksheet }\n'));
    expect(gradePracticeCase(dir, { clock, keyFile: smaller }).result.items.filter((item) => item.kind === 'sop').map((item) => item.ref)).toEqual(['rabat']);
    const wrong = join(scratch, 'wrong-key.yaml');
    writeFileSync(wrong, keyText.replace('caseId: ru-grey-stone', 'caseId: en-millbrook'));
    expect(() => gradePracticeCase(dir, { clock, keyFile: wrong })).toThrow(/does not fit case ru-grey-stone/);
  });

  it('refuses a case folder that was not started as a practice case', () => {
    const plain = join(scratch, 'plain');
    cpSync(template, plain, { recursive: true });
    rmSync(join(plain, 'practice'), { recursive: true });
    expect(existsSync(join(plain, 'case.json'))).toBe(true);
    expect(() => gradePracticeCase(plain, { clock })).toThrow(/not a practice case/);
  });
});
