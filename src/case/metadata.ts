import { z } from 'zod';
import type { CaseMetadata } from '../core/case.js';
import { CASE_SCHEMA, REPORT_LANGUAGES } from '../core/case.js';
import { isoDateTimeProblem } from '../core/calendar.js';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'use the form YYYY-MM-DD')
  .refine((value) => isoDateTimeProblem(value) === null, 'not a calendar date');

const nonEmpty = z.string().trim().min(1, 'must not be empty');

/** Schema of `case.json`; also validates `soz init` options at the boundary. */
export const caseMetadataSchema = z.object({
  schema: z.literal(CASE_SCHEMA),
  caseNumber: nonEmpty.nullable(),
  orderingBody: nonEmpty.nullable(),
  orderDate: isoDate.nullable(),
  examiner: nonEmpty.nullable(),
  examinationDate: isoDate.nullable(),
  reportLanguage: z.enum(REPORT_LANGUAGES),
}) satisfies z.ZodType<CaseMetadata>;

/** Every problem in a value as `field: message`, collected rather than stopping at the first. */
export function schemaProblems(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
}
