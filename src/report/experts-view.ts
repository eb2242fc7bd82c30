/**
 * The parts of the conclusion model about who made it and on what grounds: the introductory facts
 * (type, grounds, dates, materials, circumstances), the experts with their parts, acknowledgement
 * and signature, and the joint section with any dissent. Each act carries the number of the log
 * entry that recorded it. Pure.
 */
import type { LogEntry } from '../core/case.js';
import type { CaseFacts, ExpertiseForm, ExpertiseKind, ExpertRecord, ExpertsFile, GroundsType } from '../core/experts.js';
import type { QuestionRecord, SopStepRecord } from '../core/examiner.js';

/** Who recorded an act and in which log entry (the entry holds the time). */
export interface ActView {
  readonly actor: string;
  readonly logSeq: number;
}

/** The introductory facts; null where not recorded (grounds body and date fall back on `case.json`). */
export interface StructureView {
  readonly kind: ExpertiseKind | null;
  readonly form: ExpertiseForm | null;
  readonly groundsType: GroundsType | null;
  readonly groundsBody: string | null;
  readonly groundsNumber: string | null;
  readonly groundsDate: string | null;
  readonly receivedDate: string | null;
  readonly startDate: string | null;
  readonly endDate: string | null;
  readonly materials: string | null;
  readonly packaging: string | null;
  readonly circumstances: string | null;
  /** The last `case.set` entry, or null when none was recorded. */
  readonly recorded: ActView | null;
}

/** One expert as the conclusion shows them: their record, their parts and their acts. */
export interface ExpertView extends Omit<ExpertRecord, 'acknowledgement' | 'signature'> {
  /** Titles of the steps and ids of the answers that are this expert's part, in procedure order. */
  readonly parts: readonly string[];
  readonly acknowledgement: (ActView & { readonly note: string }) | null;
  /** `current`: the part is as it was signed (else it changed afterwards and needs a new signature). */
  readonly signature: (ActView & { readonly partDigest: string; readonly current: boolean }) | null;
}

/** The joint section with each expert's dissent. */
export interface JointView extends ActView {
  readonly conclusions: string;
  readonly dissents: readonly (ActView & { readonly expertId: string; readonly name: string; readonly text: string })[];
}

/** Inputs of {@link expertsView}. */
export interface ExpertsViewInputs {
  readonly experts: ExpertsFile;
  readonly caseFacts: CaseFacts;
  readonly expertDigests: Readonly<Record<string, string>>;
  /** The custody log: acts are found by their action and expert id. */
  readonly log: readonly LogEntry[];
  /** `null` where `case.json` records none. */
  readonly orderingBody: string | null;
  readonly orderDate: string | null;
  readonly steps: readonly { readonly title: string; readonly record?: SopStepRecord }[];
  readonly questions: readonly QuestionRecord[];
}

/** The last log entry of an action (for one expert, where given) as an act. */
function lastAct(log: readonly LogEntry[], action: string, expertId?: string): ActView | null {
  const entry = [...log].reverse().find((candidate) => candidate.action === action && (expertId === undefined || candidate.details['expertId'] === expertId));
  return entry ? { actor: entry.actor, logSeq: entry.seq } : null;
}

/** Builds the structure, experts and joint section of the model. */
export function expertsView(inputs: ExpertsViewInputs): { structure: StructureView; experts: ExpertView[]; joint: JointView | null } {
  const facts = inputs.caseFacts;
  const structure: StructureView = {
    kind: facts.kind ?? null,
    form: facts.form ?? null,
    groundsType: facts.groundsType ?? null,
    groundsBody: facts.groundsBody ?? inputs.orderingBody,
    groundsNumber: facts.groundsNumber ?? null,
    groundsDate: facts.groundsDate ?? inputs.orderDate,
    receivedDate: facts.receivedDate ?? null,
    startDate: facts.startDate ?? null,
    endDate: facts.endDate ?? null,
    materials: facts.materials ?? null,
    packaging: facts.packaging ?? null,
    circumstances: facts.circumstances ?? null,
    recorded: lastAct(inputs.log, 'case.set'),
  };
  const experts = inputs.experts.experts.map((expert): ExpertView => {
    const acknowledged = expert.acknowledgement ? lastAct(inputs.log, 'expert.acknowledge', expert.id) : null;
    const signed = expert.signature ? lastAct(inputs.log, 'expert.sign', expert.id) : null;
    return {
      id: expert.id,
      name: expert.name,
      speciality: expert.speciality,
      qualification: expert.qualification,
      experienceYears: expert.experienceYears,
      institution: expert.institution,
      parts: [
        ...inputs.steps.filter((step) => step.record?.status === 'done' && step.record.expertId === expert.id).map((step) => step.title),
        ...inputs.questions.filter((question) => question.answeredBy === expert.id).map((question) => question.id),
      ],
      acknowledgement: acknowledged && expert.acknowledgement ? { ...acknowledged, note: expert.acknowledgement.note } : null,
      signature: signed && expert.signature ? { ...signed, partDigest: expert.signature.partDigest, current: expert.signature.partDigest === inputs.expertDigests[expert.id] } : null,
    };
  });
  const joint = inputs.experts.joint;
  const jointAct = joint ? lastAct(inputs.log, 'expert.joint') : null;
  return {
    structure,
    experts,
    joint:
      joint && jointAct
        ? {
            ...jointAct,
            conclusions: joint.conclusions,
            dissents: joint.dissents.map((dissent) => ({
              ...(lastAct(inputs.log, 'expert.dissent', dissent.expertId) ?? { actor: '', logSeq: 0 }),
              expertId: dissent.expertId,
              name: experts.find((expert) => expert.id === dissent.expertId)?.name ?? dissent.expertId,
              text: dissent.text,
            })),
          }
        : null,
  };
}
