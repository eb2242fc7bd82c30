/**
 * Schemas of the SOP data: the procedure (`sop/procedure.yaml`) and the competence-guard
 * patterns (`sop/question-guard/<lang>.yaml`). One schema per file type; `src/sop/data.ts` loads
 * and cross-checks them.
 */
import { z } from 'zod';
import { SPECIALITIES } from '../core/experts.js';
import { REPORT_LANGUAGES } from '../core/case.js';

const nonEmpty = z.string().trim().min(1, 'must not be empty');
const id = z.string().regex(/^[a-z][a-z0-9-]*$/, 'use lower-case letters, digits and hyphens, starting with a letter');
/** One text per report language: every language present, no other key. */
const titles = z.record(z.enum(REPORT_LANGUAGES), nonEmpty);

/** What a step record must carry (see the comment at the top of `sop/procedure.yaml`). */
export const REQUIREMENTS = ['note', 'file', 'questions', 'questions-decided', 'review-complete', 'fields', 'items-related', 'rabat-per-statement', 'experts-acknowledged'] as const;
export type Requirement = (typeof REQUIREMENTS)[number];

/** One step of the procedure. */
export const stepSchema = z
  .object({
    id,
    kind: z.enum(['automated', 'examiner']),
    title: titles,
    requires: z.array(z.enum(REQUIREMENTS)),
    fields: z.array(z.string().regex(/^[a-z][A-Za-z0-9]*$/, 'use camelCase letters and digits')).optional(),
    /** Fields a record may carry but need not (e.g. the translator's warning, only when a translator is named). */
    optionalFields: z.array(z.string().regex(/^[a-z][A-Za-z0-9]*$/, 'use camelCase letters and digits')).optional(),
    dependsOn: z.array(id),
    doneWhen: z.object({ action: z.string().regex(/^[a-z]+\.[a-z-]+$/, 'use a log action such as evidence.add') }).strict().optional(),
    afterFinal: z.boolean().optional(),
    /** Whether a `--final` conclusion needs the step done (or skipped for an admitted reason). */
    requiredForFinal: z.boolean(),
    /** Ids of `skipReasons` this step admits; a step that lists none cannot be skipped. */
    skipReasons: z.array(id).optional(),
    /** The speciality whose part the step is: in a case naming experts, one of them answers for it. */
    speciality: z.enum(SPECIALITIES).optional(),
  })
  .strict();

/** One reason a step may be skipped for, with who must decide it. */
export const skipReasonSchema = z
  .object({
    id,
    title: titles,
    /** `examiner`: the examiner decides; `named`: the record must name who decided (e.g. the head of the institution). */
    decidedBy: z.enum(['examiner', 'named']),
  })
  .strict();

/** The whole procedure: ordered steps. */
export const procedureSchema = z
  .object({
    id,
    version: z.string().regex(/^\d+\.\d+\.\d+$/, 'use a version such as "1.0.0" (quoted)'),
    title: titles,
    skipReasons: z.array(skipReasonSchema),
    steps: z.array(stepSchema).min(1, 'a procedure needs at least one step'),
  })
  .strict();

export type SopStep = z.infer<typeof stepSchema>;
export type SkipReason = z.infer<typeof skipReasonSchema>;
export type Procedure = z.infer<typeof procedureSchema>;

/** Languages that have a guard file `sop/question-guard/<lang>.yaml` (uz covers Cyrillic and Latin). */
export const GUARD_LANGUAGES = [...REPORT_LANGUAGES, 'uz', 'kk'] as const;
export type GuardLanguage = (typeof GUARD_LANGUAGES)[number];

/** One guard data file. */
export const guardFileSchema = z
  .object({
    language: z.enum(GUARD_LANGUAGES),
    /**
     * Words that mark a question as written in this language where letters alone cannot tell
     * (a short Kyrgyz question may hold no ң ө ү); regular expressions matched as whole words.
     */
    questionCues: z.array(nonEmpty).optional(),
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

/** Roles a statute reference plays in the conclusion's liability block. */
export const STATUTE_ROLES = ['examiner-liability', 'rights-and-duties', 'translator-liability'] as const;
export type StatuteRole = (typeof STATUTE_ROLES)[number];

/** `sop/liability.yaml`: statute references a laboratory checks and fills. */
export const liabilityFileSchema = z
  .object({
    jurisdiction: z.string().regex(/^[A-Z]{2}$/, 'use an ISO 3166 country code such as KG'),
    version: z.string().regex(/^\d+\.\d+\.\d+$/, 'use a version such as "1.0.0" (quoted)'),
    statutes: z
      .array(
        z
          .object({
            id,
            role: z.enum(STATUTE_ROLES),
            act: titles,
            /** Article number(s) as verified by the lab; "" until then (printed as a fill-in marker). */
            article: z.string(),
            heading: titles,
            /** Where the lab checks the text, in each report language. */
            source: titles,
          })
          .strict(),
      )
      .min(1),
  })
  .strict();

export type LiabilityFile = z.infer<typeof liabilityFileSchema>;
