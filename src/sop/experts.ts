/**
 * Rules of a case with several experts (complex or commission expertise) and of the conclusion's
 * introductory facts: who a part belongs to, what an expert's signature covers, and what a final
 * conclusion cannot lack. Pure: records in, records or one-sentence problems out.
 *
 * A case that names no expert is a single-examiner case as before: `case.json`'s examiner is
 * expert 1, the acknowledgement step is theirs, and the seal after the final is their signature.
 */
import { z } from 'zod';
import { canonicalJson } from '../core/canonical-json.js';
import { isoDateTimeProblem } from '../core/calendar.js';
import type { CaseFacts, Dissent, ExpertRecord, ExpertsFile, JointSection, Speciality } from '../core/experts.js';
import { CASE_FACTS_REQUIRED, EXPERTISE_FORMS, EXPERTISE_KINDS, GROUNDS_TYPES, SPECIALITIES } from '../core/experts.js';
import type { QuestionRecord, SopStepRecord } from '../core/examiner.js';
import { sha256 } from '../core/hash.js';
import type { Said } from '../core/messages.js';
import { said } from '../core/messages.js';
import type { Procedure } from './schema.js';

const nonEmpty = z.string().trim().min(1, 'must not be empty');
const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in hex');

/** Schema of `examiner/experts.json`, checked whenever it is read (it may have been edited by hand). */
export const expertsFileSchema = z
  .object({
    experts: z.array(
      z
        .object({
          id: z.string().regex(/^E[1-9]\d*$/, 'use E1, E2…'),
          name: nonEmpty,
          speciality: z.enum(SPECIALITIES),
          qualification: nonEmpty,
          experienceYears: z.number().int().min(0).max(99),
          institution: nonEmpty,
          acknowledgement: z.object({ note: nonEmpty }).strict().optional(),
          signature: z.object({ partDigest: sha256Hex, note: z.string() }).strict().optional(),
        })
        .strict(),
    ),
    joint: z.object({ conclusions: nonEmpty, dissents: z.array(z.object({ expertId: z.string(), text: nonEmpty }).strict()) }).strict().nullable(),
  })
  .strict() satisfies z.ZodType<ExpertsFile>;

/** An empty experts file: a single-examiner case. */
export const NO_EXPERTS: ExpertsFile = { experts: [], joint: null };

/** What `soz expert add` asks for. */
export interface ExpertRequest {
  readonly name: string;
  readonly speciality: string;
  readonly qualification: string;
  readonly experienceYears: string;
  readonly institution: string;
}

/** An option's value as the examiner gave it; an empty one as `""`. */
const shown = (value: string) => (value === '' ? '""' : value);

/** Adds an expert with the next id (`E1`, `E2`…); problems name the option to fix. */
export function addExpert(file: ExpertsFile, request: ExpertRequest): { file: ExpertsFile; expert: ExpertRecord | null; problems: Said[] } {
  const problems: Said[] = [];
  for (const [option, value] of [['--name', request.name], ['--qualification', request.qualification], ['--institution', request.institution]] as const) {
    if (value.trim() === '') problems.push(said(`${option} "…" is required`, 'problem.expert.required', { option }));
  }
  if (!(SPECIALITIES as readonly string[]).includes(request.speciality)) problems.push(said(`--speciality ${shown(request.speciality)}: use one of ${SPECIALITIES.join(', ')}`, 'problem.expert.speciality', { value: shown(request.speciality), specialities: SPECIALITIES.join(', ') }));
  if (!/^\d{1,2}$/.test(request.experienceYears.trim())) problems.push(said(`--experience ${shown(request.experienceYears)}: give the years of experience as an expert as a whole number, e.g. 12`, 'problem.expert.experience', { value: shown(request.experienceYears) }));
  if (file.experts.some((expert) => expert.name === request.name.trim())) problems.push(said(`an expert named "${request.name.trim()}" is already in the case`, 'problem.expert.same-name', { name: request.name.trim() }));
  if (file.joint !== null) problems.push(said('the joint section is already recorded; an expert added now did not take part in it', 'problem.expert.after-joint'));
  if (problems.length > 0) return { file, expert: null, problems };
  const expert: ExpertRecord = {
    id: `E${file.experts.length + 1}`,
    name: request.name.trim(),
    speciality: request.speciality as Speciality,
    qualification: request.qualification.trim(),
    experienceYears: Number(request.experienceYears.trim()),
    institution: request.institution.trim(),
  };
  return { file: { ...file, experts: [...file.experts, expert] }, expert, problems };
}

/** The expert with this id, or a problem naming the ids there are. */
export function findExpert(file: ExpertsFile, id: string): { expert: ExpertRecord | null; problem: Said | null } {
  const expert = file.experts.find((candidate) => candidate.id === id) ?? null;
  if (expert) return { expert, problem: null };
  if (file.experts.length === 0) return { expert: null, problem: said(`the case names no experts; add them with soz expert add DIR --name "…" --speciality ${SPECIALITIES.join('|')} …`, 'problem.expert.none', { specialities: SPECIALITIES.join('|') }) };
  const experts = file.experts.map((candidate) => `${candidate.id} ${candidate.name}`).join(', ');
  return { expert: null, problem: said(`no expert ${id} in the case (experts: ${experts})`, 'problem.expert.unknown', { id, experts }) };
}

/**
 * Whose part a step record is: the expert named with `--expert`, else — for a step of a
 * speciality — the one expert of that speciality. Null (and no problem) in a single-examiner case.
 */
export function assignExpert(file: ExpertsFile, procedure: Procedure, stepId: string, explicit: string | undefined, skip: boolean): { expertId: string | null; problem: Said | null } {
  if (explicit !== undefined) {
    const { problem } = findExpert(file, explicit);
    return { expertId: problem ? null : explicit, problem };
  }
  const speciality = procedure.steps.find((step) => step.id === stepId)?.speciality;
  if (file.experts.length === 0 || !speciality || skip) return { expertId: null, problem: null };
  const candidates = file.experts.filter((expert) => expert.speciality === speciality);
  if (candidates.length === 1) return { expertId: candidates[0]!.id, problem: null };
  return {
    expertId: null,
    problem:
      candidates.length === 0
        ? said(`step ${stepId} is the part of a ${speciality} and the case names none; say whose part it is with --expert E…`, 'problem.expert.step-none', { step: stepId, speciality })
        : said(`step ${stepId} is the part of a ${speciality} and the case names ${candidates.length} (${candidates.map((expert) => expert.id).join(', ')}); say whose part it is with --expert E…`, 'problem.expert.step-many', { step: stepId, speciality, count: candidates.length, ids: candidates.map((expert) => expert.id).join(', ') }),
  };
}

/** The expert who answers for a question's answer: `--expert`, else the only expert of the case. */
export function assignAnswer(file: ExpertsFile, explicit: string | undefined): { expertId: string | null; problem: Said | null } {
  if (explicit !== undefined) {
    const { problem } = findExpert(file, explicit);
    return { expertId: problem ? null : explicit, problem };
  }
  if (file.experts.length === 1) return { expertId: file.experts[0]!.id, problem: null };
  if (file.experts.length === 0) return { expertId: null, problem: null };
  return { expertId: null, problem: said(`the case names ${file.experts.length} experts; say who answers with --expert E…`, 'problem.expert.answer-whose', { count: file.experts.length }) };
}

/**
 * SHA-256 of what an expert signs: their record, the steps and answers assigned to them, and the
 * joint section (every expert of a complex or commission expertise signs it). Step times are not
 * in it: the same records give the same digest.
 */
export function expertPartDigest(expert: ExpertRecord, steps: readonly SopStepRecord[], questions: readonly QuestionRecord[], answers: Readonly<Record<string, string>>, joint: JointSection | null): string {
  const { id, name, speciality, qualification, experienceYears, institution } = expert;
  return sha256(
    canonicalJson({
      expert: { id, name, speciality, qualification, experienceYears, institution },
      steps: steps.filter((step) => step.expertId === id).map(({ stepId, status, note, fields, files }) => ({ stepId, status, note, fields, files: files.map((file) => file.sha256) })),
      answers: questions.filter((question) => question.answeredBy === id).map((question) => ({ questionId: question.id, sha256: answers[question.id] ?? null })),
      joint,
    }),
  );
}

/** Records the joint section's common conclusions; every part of a speciality must be settled first. */
export function recordJointSection(file: ExpertsFile, conclusions: string, unsettledParts: readonly string[]): { file: ExpertsFile; problems: Said[] } {
  const problems: Said[] = [];
  if (file.experts.length < 2) problems.push(said(`a joint section is written by several experts; the case names ${file.experts.length} (add them with soz expert add DIR …)`, 'problem.expert.joint-few', { count: file.experts.length }));
  if (conclusions.trim() === '') problems.push(said('--conclusions "…" is required: the conclusions the experts reached together', 'problem.expert.joint-conclusions'));
  if (unsettledParts.length > 0) problems.push(said(`the parts ${unsettledParts.join(', ')} are neither done nor skipped; the joint section comes after every part`, 'problem.expert.joint-unsettled', { parts: unsettledParts.join(', ') }));
  if (problems.length > 0) return { file, problems };
  return { file: { ...file, joint: { conclusions: conclusions.trim(), dissents: file.joint?.dissents ?? [] } }, problems };
}

/** Records (or replaces) one expert's dissent from the joint section. */
export function recordDissent(file: ExpertsFile, expertId: string, text: string): { file: ExpertsFile; problems: Said[] } {
  const problems: Said[] = [];
  const { problem } = findExpert(file, expertId);
  if (problem) problems.push(problem);
  if (file.joint === null) problems.push(said('record the joint section first (soz sop joint DIR --conclusions "…"); a dissent is from it', 'problem.expert.dissent-first'));
  if (text.trim() === '') problems.push(said('--text "…" is required: the expert\'s dissent in their own words', 'problem.expert.dissent-text'));
  if (problems.length > 0 || file.joint === null) return { file, problems };
  const dissents: Dissent[] = [...file.joint.dissents.filter((dissent) => dissent.expertId !== expertId), { expertId, text: text.trim() }].sort((a, b) => compareExpertIds(a.expertId, b.expertId));
  return { file: { ...file, joint: { ...file.joint, dissents } }, problems };
}

/** `E2` before `E10`. */
export function compareExpertIds(a: string, b: string): number {
  return Number(a.slice(1)) - Number(b.slice(1));
}

const isoDate = z.string().refine((value) => /^\d{4}-\d{2}-\d{2}$/.test(value) && isoDateTimeProblem(value) === null, 'not a date; use YYYY-MM-DD (a day that exists)');
const text = z.string().trim().min(1, 'must not be empty');

/** Schema of `examiner/case-facts.json` and of `soz case set` at the boundary. */
export const caseFactsSchema = z
  .object({
    kind: z.enum(EXPERTISE_KINDS),
    form: z.enum(EXPERTISE_FORMS),
    groundsType: z.enum(GROUNDS_TYPES),
    groundsBody: text,
    groundsNumber: text,
    groundsDate: isoDate,
    receivedDate: isoDate,
    startDate: isoDate,
    endDate: isoDate,
    materials: text,
    packaging: text,
    circumstances: text,
  })
  .partial()
  .strict() satisfies z.ZodType<CaseFacts>;

/** Option name of each fact, for messages. */
export const CASE_FACT_OPTIONS: Readonly<Record<keyof CaseFacts, string>> = {
  kind: '--kind',
  form: '--form',
  groundsType: '--grounds-type',
  groundsBody: '--grounds-body',
  groundsNumber: '--grounds-number',
  groundsDate: '--grounds-date',
  receivedDate: '--received',
  startDate: '--start',
  endDate: '--end',
  materials: '--materials',
  packaging: '--packaging',
  circumstances: '--circumstances',
};

/** One invalid value of `soz case set`: the option, the value and the values allowed (else the schema's own words). */
function factProblem(issue: z.core.$ZodIssue, update: Readonly<Record<string, string>>): Said {
  const option = CASE_FACT_OPTIONS[issue.path[0] as keyof CaseFacts] ?? String(issue.path[0]);
  const value = JSON.stringify(update[String(issue.path[0])] ?? '');
  if ('values' in issue) {
    const values = issue.values.map(String).join(', ');
    return said(`${option} ${value}: use one of ${values}`, 'problem.facts.one-of', { option, value, values });
  }
  if (issue.code === 'too_small') return said(`${option} ${value}: ${issue.message}`, 'problem.facts.empty-value', { option, value });
  if (issue.code === 'custom') return said(`${option} ${value}: ${issue.message}`, 'problem.facts.date', { option, value });
  return said(`${option} ${value}: ${issue.message}`, 'problem.facts.invalid', { option, value, detail: issue.message });
}

/** A date of the introductory facts before one that must come first (`earlier` null: the date of the order). */
function datesOutOfOrder(later: string, laterValue: string, earlier: string | null, earlierValue: string): Said {
  return earlier === null
    ? said(`${later} ${laterValue} is before the date of the order ${earlierValue}`, 'problem.facts.before-order', { later, laterValue, earlierValue })
    : said(`${later} ${laterValue} is before ${earlier} ${earlierValue}`, 'problem.facts.before', { later, laterValue, earlier, earlierValue });
}

/**
 * Merges an update into the recorded facts and checks the whole: each value valid, and the dates
 * in their order (order ≤ receipt ≤ start ≤ end). Returns the merged facts or the problems.
 */
export function mergeCaseFacts(existing: CaseFacts, update: Readonly<Record<string, string>>, orderDate: string | null): { facts: CaseFacts; problems: Said[] } {
  const parsed = caseFactsSchema.safeParse(update);
  if (!parsed.success) {
    return { facts: existing, problems: parsed.error.issues.map((issue) => factProblem(issue, update)) };
  }
  const facts: CaseFacts = { ...existing, ...parsed.data };
  const problems: Said[] = [];
  const ordered: [keyof CaseFacts | 'orderDate', string | undefined | null][] = [['groundsDate', facts.groundsDate ?? orderDate], ['receivedDate', facts.receivedDate], ['startDate', facts.startDate], ['endDate', facts.endDate]];
  for (let later = 1; later < ordered.length; later += 1) {
    for (let earlier = 0; earlier < later; earlier += 1) {
      const [laterKey, laterValue] = ordered[later]!;
      const [earlierKey, earlierValue] = ordered[earlier]!;
      if (laterValue && earlierValue && laterValue < earlierValue) problems.push(datesOutOfOrder(CASE_FACT_OPTIONS[laterKey as keyof CaseFacts], laterValue, earlierKey === 'groundsDate' ? null : CASE_FACT_OPTIONS[earlierKey as keyof CaseFacts], earlierValue));
    }
  }
  return { facts, problems };
}

/** Everything a `--final` conclusion needs of the experts and the introductory facts. */
export interface ExpertsFinalInputs {
  readonly experts: ExpertsFile;
  readonly facts: CaseFacts;
  /** Done records of steps that are a speciality's part, with the step's speciality. */
  readonly parts: readonly { readonly stepId: string; readonly expertId: string | null }[];
  /** Questions with a recorded answer, and who answers for it. */
  readonly answers: readonly { readonly questionId: string; readonly expertId: string | null }[];
  /** The current part digest of each expert. */
  readonly digests: Readonly<Record<string, string>>;
}

/** Problems that stop a final conclusion, each naming the command that meets it. */
export function expertsFinalProblems(inputs: ExpertsFinalInputs): Said[] {
  const problems: Said[] = [];
  const missing = CASE_FACTS_REQUIRED.filter((key) => inputs.facts[key] === undefined);
  if (missing.length > 0) {
    const command = `soz case set DIR ${missing.map((key) => `${CASE_FACT_OPTIONS[key]} …`).join(' ')}`;
    // The catalogue's text names the facts by their options: those are the same in every language.
    problems.push(said(`the introductory part lacks ${missing.join(', ')} — ${command}`, 'final.facts-missing', { facts: missing.map((key) => CASE_FACT_OPTIONS[key]).join(', '), command }));
  }
  const { experts } = inputs.experts;
  const form = inputs.facts.form;
  if (form) {
    const specialities = new Set(experts.map((expert) => expert.speciality));
    const shared = experts.some((expert, index) => experts.findIndex((other) => other.speciality === expert.speciality) !== index);
    if (form === 'single' && experts.length > 1) problems.push(said(`the expertise is recorded as single but the case names ${experts.length} experts — soz case set DIR --form complex|commission`, 'final.single-many', { count: experts.length }));
    if (form === 'complex' && specialities.size < 2) problems.push(said('a complex expertise needs experts of at least two specialities — soz expert add DIR …', 'final.complex-one-speciality'));
    if (form === 'commission' && !shared) problems.push(said('a commission expertise needs at least two experts of one speciality — soz expert add DIR …', 'final.commission-no-pair'));
  }
  if (experts.length === 0) return problems;
  for (const part of inputs.parts) {
    if (part.expertId === null) problems.push(said(`step ${part.stepId} has no assigned expert — record it again with soz sop record DIR ${part.stepId} --expert E… --note "…"`, 'final.step-no-expert', { step: part.stepId }));
  }
  for (const answer of inputs.answers) {
    if (answer.expertId === null) problems.push(said(`the answer to ${answer.questionId} has no assigned expert — soz question answer DIR ${answer.questionId} --file … --expert E…`, 'final.answer-no-expert', { id: answer.questionId }));
  }
  for (const expert of experts) {
    const who = { id: expert.id, name: expert.name };
    if (!expert.acknowledgement) problems.push(said(`expert ${expert.id} ${expert.name} has not acknowledged liability — soz expert acknowledge DIR ${expert.id} --note "…"`, 'final.expert-not-warned', who));
    if (!expert.signature) problems.push(said(`expert ${expert.id} ${expert.name} has not signed their part — soz expert sign DIR ${expert.id}`, 'final.expert-not-signed', who));
    else if (expert.signature.partDigest !== inputs.digests[expert.id]) problems.push(said(`expert ${expert.id} ${expert.name} signed a part that has changed since — soz expert sign DIR ${expert.id} again`, 'final.expert-signature-stale', who));
  }
  if (experts.length > 1 && inputs.experts.joint === null) problems.push(said(`an expertise by ${experts.length} experts needs the joint section — soz sop joint DIR --conclusions "…"`, 'final.joint-missing', { count: experts.length }));
  return problems;
}
