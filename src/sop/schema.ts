/**
 * Schemas of the SOP data: the procedure (`sop/procedure.yaml`) and the competence-guard
 * patterns (`sop/question-guard/<lang>.yaml`). One schema per file type; `src/sop/data.ts` loads
 * and cross-checks them.
 */
import { z } from 'zod';

const nonEmpty = z.string().trim().min(1, 'must not be empty');
const id = z.string().regex(/^[a-z][a-z0-9-]*$/, 'use lower-case letters, digits and hyphens, starting with a letter');
const titles = z.object({ ru: nonEmpty, ky: nonEmpty, en: nonEmpty }).strict();

/** What a step record must carry (see the comment at the top of `sop/procedure.yaml`). */
export const REQUIREMENTS = ['note', 'file', 'questions', 'questions-decided', 'review-complete', 'fields'] as const;
export type Requirement = (typeof REQUIREMENTS)[number];

/** One step of the procedure. */
export const stepSchema = z
  .object({
    id,
    kind: z.enum(['automated', 'examiner']),
    title: titles,
    requires: z.array(z.enum(REQUIREMENTS)),
    fields: z.array(z.string().regex(/^[a-z][A-Za-z0-9]*$/, 'use camelCase letters and digits')).optional(),
    dependsOn: z.array(id),
    doneWhen: z.object({ action: z.string().regex(/^[a-z]+\.[a-z-]+$/, 'use a log action such as evidence.add') }).strict().optional(),
    afterFinal: z.boolean().optional(),
  })
  .strict();

/** The whole procedure: ordered steps. */
export const procedureSchema = z
  .object({
    id,
    version: z.string().regex(/^\d+\.\d+\.\d+$/, 'use a version such as "1.0.0" (quoted)'),
    title: titles,
    steps: z.array(stepSchema).min(1, 'a procedure needs at least one step'),
  })
  .strict();

export type SopStep = z.infer<typeof stepSchema>;
export type Procedure = z.infer<typeof procedureSchema>;

/** One guard data file. */
export const guardFileSchema = z
  .object({
    language: z.enum(['ru', 'ky', 'en']),
    version: z.string().regex(/^\d+\.\d+\.\d+$/, 'use a version such as "1.0.0" (quoted)'),
    sources: z.array(z.object({ id, citation: nonEmpty }).strict()).min(1, 'cite at least one source'),
    patterns: z
      .array(
        z
          .object({
            id: z.string().regex(/^[a-z]{2}\.[a-z0-9-]+$/, 'use <language>.<name>, e.g. ru.extremist'),
            pattern: nonEmpty,
            reason: nonEmpty,
            suggestion: nonEmpty,
            sources: z.array(id).min(1, 'name at least one source id from `sources`'),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();

export type GuardFile = z.infer<typeof guardFileSchema>;
