/**
 * The experts of a case and the facts of the conclusion's introductory part, as the examiner
 * records them: who does which part of a (complex, commission) expertise, each expert's
 * acknowledgement of liability and signature act, the joint section with any dissent, and the
 * type, grounds and dates of the expertise. Pure types; stored as canonical JSON
 * `examiner/experts.json` and `examiner/case-facts.json`, every change logged.
 */

/** Specialities an expert can have; a procedure step of a speciality is that expert's part. */
export const SPECIALITIES = ['linguist', 'psychologist', 'religious-scholar', 'other'] as const;
export type Speciality = (typeof SPECIALITIES)[number];

/** One expert named in the case (`soz expert add`); ids `E1`, `E2`… in the order added. */
export interface ExpertRecord {
  readonly id: string;
  readonly name: string;
  readonly speciality: Speciality;
  /** Degree, expert certificate and its number, as the examiner states it. */
  readonly qualification: string;
  /** Years of experience as an expert (whole years, 0 or more). */
  readonly experienceYears: number;
  readonly institution: string;
  /** The expert's acknowledgement of liability (`soz expert acknowledge`), or absent. */
  readonly acknowledgement?: { readonly note: string };
  /**
   * The expert's signature act (`soz expert sign`): the SHA-256 of their part as it stood when
   * they signed (see `expertPartDigest`); a part changed afterwards needs a new signature.
   */
  readonly signature?: { readonly partDigest: string; readonly note: string };
}

/** One expert's dissent from the joint section, in their own words. */
export interface Dissent {
  readonly expertId: string;
  readonly text: string;
}

/** The joint section of a complex or commission expertise: common conclusions and any dissent. */
export interface JointSection {
  readonly conclusions: string;
  readonly dissents: readonly Dissent[];
}

/** `examiner/experts.json`: the experts and the joint section. */
export interface ExpertsFile {
  readonly experts: readonly ExpertRecord[];
  readonly joint: JointSection | null;
}

/** Whether the expertise is the first, an additional or a repeat one. */
export const EXPERTISE_KINDS = ['first', 'additional', 'repeat'] as const;
export type ExpertiseKind = (typeof EXPERTISE_KINDS)[number];

/** One expert (single), experts of several specialities (complex), several of one (commission). */
export const EXPERTISE_FORMS = ['single', 'complex', 'commission'] as const;
export type ExpertiseForm = (typeof EXPERTISE_FORMS)[number];

/** The procedural act that ordered the expertise: a decision (постановление) or a ruling (определение, of a court). */
export const GROUNDS_TYPES = ['decision', 'ruling'] as const;
export type GroundsType = (typeof GROUNDS_TYPES)[number];

/**
 * Facts of the conclusion's introductory part (`soz case set`); each may still be absent while
 * the case is worked. Dates are `YYYY-MM-DD`.
 */
export interface CaseFacts {
  readonly kind?: ExpertiseKind;
  readonly form?: ExpertiseForm;
  readonly groundsType?: GroundsType;
  /** The body that ordered it; defaults to `case.json`'s ordering body when absent. */
  readonly groundsBody?: string;
  readonly groundsNumber?: string;
  /** Date of the order; defaults to `case.json`'s order date when absent. */
  readonly groundsDate?: string;
  readonly receivedDate?: string;
  readonly startDate?: string;
  readonly endDate?: string;
  /** Materials provided, as listed in the order and received. */
  readonly materials?: string;
  /** Their packaging and seals on receipt, as the examiner recorded it. */
  readonly packaging?: string;
  /** The circumstances of the case as the order gives them. */
  readonly circumstances?: string;
}

/** Every fact of the introductory part, in the order `soz case set` lists them. */
export const CASE_FACT_KEYS = ['kind', 'form', 'groundsType', 'groundsBody', 'groundsNumber', 'groundsDate', 'receivedDate', 'startDate', 'endDate', 'materials', 'packaging', 'circumstances'] as const satisfies readonly (keyof CaseFacts)[];

/** Facts a final conclusion cannot lack (grounds body and date fall back on `case.json`). */
export const CASE_FACTS_REQUIRED = ['kind', 'form', 'groundsType', 'groundsNumber', 'receivedDate', 'startDate', 'endDate', 'materials', 'packaging', 'circumstances'] as const satisfies readonly (keyof CaseFacts)[];
