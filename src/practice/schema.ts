/**
 * Schemas of a practice case: `case.yaml` (what the trainee gets: the order and its questions)
 * and `key.yaml` (what only the trainer sees: fragments, traps, legal questions, SOP steps).
 * Pure: parses text already read; the pipeline does the reading.
 */
import { z } from 'zod';
import { parse as parseYaml } from 'yaml';
import { REPORT_LANGUAGES } from '../core/case.js';
import { UserError } from '../core/errors.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use the form YYYY-MM-DD');
const nonEmpty = z.string().trim().min(1, 'must not be empty');
const questionId = z.string().regex(/^Q\d+$/, 'question ids are Q1, Q2…');

/** Languages a practice case may be written in. */
export const PRACTICE_LANGUAGES = REPORT_LANGUAGES;

/** Schema of `corpora/practice/<id>/case.yaml`. */
export const practiceCaseSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and hyphens'),
  title: nonEmpty,
  languages: z.array(z.enum(PRACTICE_LANGUAGES)).min(1),
  /** The person or account whose words are examined; voice in the key is relative to them. */
  subject: nonEmpty,
  caseNumber: nonEmpty,
  orderingBody: nonEmpty,
  orderDate: isoDate,
  examiner: nonEmpty,
  examinationDate: isoDate,
  reportLanguage: z.enum(PRACTICE_LANGUAGES),
  /** The order's questions verbatim, in the order they are added to the case (ids Q1, Q2…). */
  questions: z.array(z.strictObject({ id: questionId, language: z.enum(PRACTICE_LANGUAGES), text: nonEmpty })).min(1),
});

/** A parsed `case.yaml`. */
export type PracticeCase = z.infer<typeof practiceCaseSchema>;

/** Voices a key may assign (the `Voice` of `core/finding.ts` without `unknown`). */
export const KEY_VOICES = ['own', 'quotation', 'reported', 'forwarded', 'reaction'] as const;

/** Kinds of trap; every kind occurs somewhere in the library (checked by a test). */
export const TRAP_TYPES = ['devotional', 'reported-threat', 'forwarded', 'reaction', 'negated', 'ironic', 'quotation'] as const;
export type TrapType = (typeof TRAP_TYPES)[number];

/**
 * Where a key item is: a material file (its name in `materials/`) and either a string that occurs
 * verbatim in that material's extracted text, or a chat message id (the whole message).
 */
const located = {
  id: z.string().regex(/^[A-Z][A-Z0-9]*$/, 'ids like K1, T2'),
  material: nonEmpty,
  quote: nonEmpty.optional(),
  messageId: z.string().regex(/^\d+$/).optional(),
  note: nonEmpty,
};

const fragmentSchema = z.strictObject({ ...located, questions: z.array(questionId).min(1), voice: z.enum(KEY_VOICES) });

const trapSchema = z.strictObject({
  ...located,
  type: z.enum(TRAP_TYPES),
  /** Questions an acceptance with the right voice may go under (for `attribute` traps). */
  questions: z.array(questionId).optional(),
  voice: z.enum(KEY_VOICES),
  /**
   * `reject`: accepting it at all is the trap (devotional, negated, ironic). `attribute`: it may
   * be accepted only with the key's voice (forwarded, reaction, reported, quotation).
   */
  expected: z.enum(['reject', 'attribute']),
});

/** Schema of `corpora/practice/<id>/key.yaml`. */
export const practiceKeySchema = z
  .strictObject({
    caseId: nonEmpty,
    questions: z.array(z.strictObject({ id: questionId, legal: z.boolean(), note: nonEmpty })).min(1),
    fragments: z.array(fragmentSchema),
    traps: z.array(trapSchema).min(2, 'every case needs at least two traps'),
    sop: z.array(z.strictObject({ stepId: nonEmpty, note: nonEmpty })),
  })
  .superRefine((key, ctx) => {
    const ids = new Set<string>();
    for (const item of [...key.fragments, ...key.traps]) {
      if (ids.has(item.id)) ctx.addIssue({ code: 'custom', message: `duplicate item id ${item.id}` });
      ids.add(item.id);
      if ((item.quote === undefined) === (item.messageId === undefined)) {
        ctx.addIssue({ code: 'custom', message: `${item.id}: give exactly one of quote or messageId` });
      }
    }
    if (!key.questions.some((question) => question.legal)) ctx.addIssue({ code: 'custom', message: 'at least one question must be marked legal: true' });
  });

/** A parsed `key.yaml`. */
export type PracticeKey = z.infer<typeof practiceKeySchema>;
export type KeyFragment = PracticeKey['fragments'][number];
export type KeyTrap = PracticeKey['traps'][number];

function problemsOf(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
}

function parseWith<T>(schema: z.ZodType<T>, text: string, where: string, code: string): T {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (error) {
    throw new UserError(`${where}: not valid YAML (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); fix the file`, code, undefined, { key: 'error.practice.not-yaml', params: { where, detail: error instanceof Error ? error.message.split('\n')[0]! : String(error) } });
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new UserError(`${where}: ${problemsOf(parsed.error)}`, code, undefined, { key: 'error.practice.invalid-file', params: { where, problems: problemsOf(parsed.error) } });
  return parsed.data;
}

/** Parses and validates a `case.yaml` text; `where` names the file in the error. */
export function parsePracticeCase(text: string, where: string): PracticeCase {
  return parseWith(practiceCaseSchema, text, where, 'practice.invalid-case');
}

/** Parses and validates a `key.yaml` text; `where` names the file in the error. */
export function parsePracticeKey(text: string, where: string): PracticeKey {
  return parseWith(practiceKeySchema, text, where, 'practice.invalid-key');
}

/**
 * Problems between a case and its key (ids, question references), each naming the fix; empty
 * when they fit together.
 */
export function caseKeyProblems(practiceCase: PracticeCase, key: PracticeKey, materials: readonly string[]): string[] {
  const problems: string[] = [];
  if (key.caseId !== practiceCase.id) problems.push(`key.yaml: caseId ${key.caseId} is not the case id ${practiceCase.id}`);
  const caseQuestions = practiceCase.questions.map((q) => q.id);
  const keyQuestions = key.questions.map((q) => q.id);
  if (caseQuestions.join(',') !== keyQuestions.join(',')) problems.push(`key.yaml: questions ${keyQuestions.join(',')} do not match case.yaml ${caseQuestions.join(',')}`);
  caseQuestions.forEach((id, index) => {
    if (id !== `Q${index + 1}`) problems.push(`case.yaml: question ${index + 1} has id ${id}; number them Q1, Q2… in order`);
  });
  for (const item of [...key.fragments, ...key.traps]) {
    if (!materials.includes(item.material)) problems.push(`key.yaml: ${item.id} names material ${item.material}, which is not in materials/`);
    for (const question of item.questions ?? []) {
      if (!caseQuestions.includes(question)) problems.push(`key.yaml: ${item.id} refers to ${question}, which case.yaml does not have`);
    }
  }
  return problems;
}
