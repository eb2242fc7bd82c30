/**
 * What `soz practice grade` and `soz demo` print, in the examiner's language. The grade's codes
 * (item kinds, refs, skills, scores) stay as they are; each item's feedback text is the grade's own
 * in the language too (`practice/grade.json` and the feedback sheet keep the English).
 */
import type { GradeResult } from '../practice/grade.js';
import { SKILLS, scoreText } from '../practice/grade.js';
import type { PracticeDemoOutcome } from '../pipeline/practice.js';
import type { Translator } from './i18n.js';

/** Terminal lines of a grade: one per item, one per skill score, the notes, and where the sheet is. */
export function gradeLines(result: GradeResult, feedbackPath: string, { t, message }: Pick<Translator, 't' | 'message'>): string[] {
  return [
    t('practice.grade-title', { id: result.caseId, title: result.title }),
    ...result.items.map((item) => `${t(item.ok ? 'practice.ok' : 'practice.fix').padEnd(3)} ${item.kind.padEnd(8)} ${item.ref.padEnd(14)} ${message(item.localised, item.message)}${item.material ? ` [${item.material}]` : ''}`),
    t('practice.scores'),
    ...SKILLS.map((skill) => `  ${skill.padEnd(11)} ${scoreText(result.skills[skill]).padStart(5)}  ${t(`practice.skill.${skill}`)}`),
    ...result.problems.map((problem) => t('practice.note', { problem })),
    t('practice.feedback-sheet', { path: feedbackPath }),
  ];
}

/** Lines of `soz demo`: the case it made and its report. */
export function demoLines(demo: PracticeDemoOutcome, t: Translator['t']): string[] {
  return [
    t('demo.case', { dir: demo.out, id: demo.caseId, materials: demo.materials, documents: demo.documents, questions: demo.questions }),
    t('report.path', { path: demo.reportPath }),
    t('report.digest', { digest: demo.digest }),
  ];
}
