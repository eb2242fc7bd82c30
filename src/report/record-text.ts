/**
 * The sentences of a conclusion that state how it was made — the liability block, the methods
 * paragraph (one sentence per procedure step), the review summary and the final / draft mark —
 * composed from the conclusion model, that is from what the case log and the examiner's records
 * hold. Nothing here asserts a step that the record does not show: a step not recorded is said to
 * be not recorded. "When" is the number of the log entry, which holds the time: times appear only
 * in `log.jsonl`, so the same case renders the same bytes whenever it is rendered. Every renderer (Markdown, HTML, PDF, DOCX) prints these same sentences. Pure.
 */
import type { LabelKey } from './labels.js';
import type { ConclusionLabels } from './helpers.js';
import { label } from './helpers.js';
import type { ConclusionHead, ConclusionModel, SopStepView } from './model.js';
import { EXAMINER_ANALYSIS } from '../sop/added.js';

/** The composed sentences, in reading order within each part. */
export interface RecordText {
  /** The mark under the title: final (with what it attests) or draft. */
  readonly mark: string;
  /** Short mark for page footers and headers: the final mark or the draft mark. */
  readonly pageMark: string;
  /** What the examiner reviewed, with counts, as the review records and the log hold it. */
  readonly review: readonly string[];
  /** The examiner's warning, rights and duties, independence — or that they are not recorded. */
  readonly liability: readonly string[];
  /** Where each statute reference comes from (the lab's data file and its sources). */
  readonly liabilitySources: readonly string[];
  /** The methods paragraph: one sentence per step a conclusion needs, in procedure order. */
  readonly methods: readonly string[];
  /** The n-gram tables' cap and whether it was reached; null when the case has no n-gram tables. */
  readonly ngramCap: string | null;
  /** For a draft: what else keeps it from being final besides open steps (questions, answers, review, translator). */
  readonly missing: readonly string[];
  /** The introductory facts as label / value rows: type and form, grounds, dates, materials, circumstances. */
  readonly structure: readonly { readonly label: string; readonly value: string }[];
  /** One sentence per expert: who, speciality, qualification, experience, institution, parts. */
  readonly experts: readonly string[];
  /** The joint section: common conclusions and each dissent with its log entry; empty for one expert. */
  readonly joint: readonly string[];
  /** One sentence per expert on their signature act; empty in a single-examiner case. */
  readonly signatures: readonly string[];
}

/** `{name}` placeholders of a label replaced by values; an unknown name stays visible. */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{([A-Za-z][A-Za-z0-9]*)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

/** The mark every page carries (footers of PDF and DOCX): final or draft. */
export function pageMark(model: ConclusionHead, labels: ConclusionLabels): string {
  return label(labels, model.final ? 'finalMark' : 'draft');
}

/** Composes the record sentences of a conclusion; pure. */
export function recordText(model: ConclusionHead, labels: ConclusionLabels): RecordText {
  const t = (key: LabelKey) => label(labels, key);
  const experts = expertSentences(model, labels, t);
  return {
    mark: model.final ? `${t('finalMark')} — ${t('finalExplanation')}` : `${t('draft')} — ${t('draftExplanation')}`,
    pageMark: pageMark(model, labels),
    review: reviewSentences(model, t),
    liability: liabilitySentences(model, t),
    liabilitySources: model.liability.statutes.map((statute) => `${statute.act}: ${statute.source}`).concat(fill(t('liabilityData'), { path: model.liability.file.path, version: model.liability.version, sha256: model.liability.file.sha256 })),
    methods: model.sop.filter((step) => step.requiredForFinal).map((step) => stepSentence(step, model.experts, t)),
    ngramCap: ngramCapSentence(model, t),
    missing: model.final ? [] : [...missingSentences(model, t), ...missingOfExperts(model, experts, t)],
    ...experts,
  };
}

/** The n-gram cap sentence: the cap, and for each size where it was reached how low a row may be. */
function ngramCapSentence(model: ConclusionHead, t: (key: LabelKey) => string): string | null {
  const capped = model.ngramCap;
  if (!capped) return null;
  if (capped.reached.length === 0) return fill(t('ngramCapNotReached'), { cap: capped.cap });
  return fill(t('ngramCapReached'), {
    cap: capped.cap,
    sizes: capped.reached.map((size) => `n = ${size.n}`).join(', '),
    atOrBelow: Math.max(...capped.reached.map((size) => size.atOrBelow)),
  });
}

/** The draft's list of what the experts and the introductory part still lack (as `expertsFinalProblems` refuses a final for). */
function missingOfExperts(model: ConclusionHead, sentences: Pick<RecordText, 'signatures'>, t: (key: LabelKey) => string): string[] {
  const missing: string[] = [];
  const s = model.structure;
  const absent = (...values: readonly (string | null)[]) => values.some((value) => value === null);
  const notRecorded = (
    [
      ['expertiseKind', absent(s.kind, s.form)],
      ['groundsDocument', absent(s.groundsType, s.groundsNumber)],
      ['receivedDate', absent(s.receivedDate)],
      ['startDate', absent(s.startDate)],
      ['endDate', absent(s.endDate)],
      ['materials', absent(s.materials)],
      ['packaging', absent(s.packaging)],
      ['circumstances', absent(s.circumstances)],
    ] as const
  )
    .filter(([, isAbsent]) => isAbsent)
    .map(([key]) => t(key));
  if (notRecorded.length > 0) missing.push(fill(t('missingFacts'), { facts: notRecorded.join('; ') }));
  for (const expert of model.experts) if (!expert.acknowledgement) missing.push(fill(t('liabilityExpertMissing'), { name: expert.name, id: expert.id }));
  model.experts.forEach((expert, index) => {
    if (!expert.signature?.current) missing.push(sentences.signatures[index]!);
  });
  if (model.experts.length > 1 && !model.joint) missing.push(t('jointMissing'));
  return missing;
}

/** The introductory facts, the experts, the joint section and the signatures, from the model. */
function expertSentences(model: ConclusionHead, labels: ConclusionLabels, t: (key: LabelKey) => string): Pick<RecordText, 'structure' | 'experts' | 'joint' | 'signatures'> {
  const s = model.structure;
  const orNot = (value: string | null) => value ?? t('notRecorded');
  /** The label of a code of one of the groups, or "not recorded". */
  const coded = <K extends string>(group: Readonly<Record<K, string>>, value: K | null) => (value === null ? t('notRecorded') : group[value]);
  const grounds = s.groundsType === null && s.groundsNumber === null ? null : fill(t('groundsValue'), { type: coded(labels.groundsTypes, s.groundsType), body: orNot(s.groundsBody), number: orNot(s.groundsNumber), date: orNot(s.groundsDate) });
  const structure = [
    { label: t('expertiseKind'), value: `${coded(labels.expertiseKinds, s.kind)}; ${coded(labels.expertiseForms, s.form)}` },
    { label: t('groundsDocument'), value: orNot(grounds) },
    { label: t('receivedDate'), value: orNot(s.receivedDate) },
    { label: t('startDate'), value: orNot(s.startDate) },
    { label: t('endDate'), value: orNot(s.endDate) },
    { label: t('materials'), value: orNot(s.materials) },
    { label: t('packaging'), value: orNot(s.packaging) },
    { label: t('circumstances'), value: orNot(s.circumstances) },
    { label: t('factsRecorded'), value: s.recorded ? fill(t('actRef'), { actor: s.recorded.actor, seq: s.recorded.logSeq }) : t('notRecorded') },
  ];
  // Every expert of a complex or commission expertise answers for the joint section too.
  const parts = (list: readonly string[]) => {
    const all = model.joint ? [...list, t('jointPart')] : list;
    return all.length > 0 ? all.join('; ') : t('none');
  };
  const experts = model.experts.map((expert) => fill(t('expertLine'), { id: expert.id, name: expert.name, speciality: labels.specialities[expert.speciality], qualification: expert.qualification, years: expert.experienceYears, institution: expert.institution, parts: parts(expert.parts) }));
  const joint: string[] = [];
  if (model.joint) {
    joint.push(fill(t('jointRecorded'), { actor: model.joint.actor, seq: model.joint.logSeq }), model.joint.conclusions);
    for (const dissent of model.joint.dissents) joint.push(fill(t('dissentRecorded'), { id: dissent.expertId, name: dissent.name, actor: dissent.actor, seq: dissent.logSeq }), dissent.text);
    if (model.joint.dissents.length === 0) joint.push(t('noDissent'));
  } else if (model.experts.length > 1) {
    joint.push(t('jointMissing'));
  }
  const signatures = model.experts.map((expert) => {
    const who = { id: expert.id, name: expert.name, speciality: labels.specialities[expert.speciality], parts: parts(expert.parts) };
    if (!expert.signature) return fill(t('signatureMissing'), who);
    return fill(t(expert.signature.current ? 'signatureRecorded' : 'signatureStale'), { ...who, digest: expert.signature.partDigest, actor: expert.signature.actor, seq: expert.signature.logSeq });
  });
  return { structure, experts, joint, signatures };
}

/** The draft's list of what is missing, the same conditions `finalProblems` refuses a final for. */
function missingSentences(model: ConclusionHead, t: (key: LabelKey) => string): string[] {
  const missing: string[] = [];
  if (model.questions.length === 0) missing.push(t('noQuestions'));
  for (const question of model.questions) {
    const { status } = question.disposition;
    if (status === 'open') missing.push(fill(t('missingDecision'), { id: question.id }));
    if (status === 'answered' && question.flagged) missing.push(fill(t('missingReformulation'), { id: question.id }));
    if ((status === 'answered' || status === 'reformulated') && !question.answer) missing.push(fill(t('missingAnswer'), { id: question.id }));
    if (question.answer && question.answerLegalWording.length > 0 && !question.answerOverride) missing.push(fill(t('missingAnswerRevision'), { id: question.id }));
  }
  if (model.counts.unreviewed > 0) missing.push(`${t('unreviewedWarning')}: ${model.counts.unreviewed}`);
  if (model.liability.translator && !model.liability.translator.warning) missing.push(fill(t('translatorNotWarned'), { name: model.liability.translator.name }));
  return missing;
}

function stepSentence(step: SopStepView, experts: ConclusionModel['experts'], t: (key: LabelKey) => string): string {
  const where = { title: step.title, actor: step.actor ?? '', seq: step.logSeq ?? '' };
  if (step.state === 'done' && step.expertId !== null) return fill(t('stepDoneByExpert'), { ...where, expert: experts.find((expert) => expert.id === step.expertId)?.name ?? step.expertId, id: step.expertId });
  if (step.state === 'done') return fill(t(step.kind === 'automated' ? 'stepDoneBySoz' : 'stepDone'), where);
  if (step.state === 'skipped') {
    const skip = step.skip ?? { reason: t('skipReasonMissing'), decidedBy: step.actor ?? '' };
    return fill(t('stepSkipped'), { ...where, reason: skip.reason, decidedBy: skip.decidedBy, note: step.note ?? '' });
  }
  return fill(t('stepNotDone'), where);
}

function reviewSentences(model: ConclusionHead, t: (key: LabelKey) => string): string[] {
  const { candidates, accepted, rejected, unreviewed } = model.counts;
  const sentences = [fill(t('reviewSummary'), { candidates, reviewed: accepted + rejected, accepted, rejected, unreviewed })];
  const review = model.sop.find((step) => step.id === 'review');
  sentences.push(review && review.state === 'done' ? fill(t('reviewStepDone'), { actor: review.actor ?? '', seq: review.logSeq ?? '' }) : t('reviewStepMissing'));
  const added = [...model.objects.flatMap((object) => object.findings), ...model.rejected].filter((finding) => finding.analysis === EXAMINER_ANALYSIS);
  if (added.length > 0) sentences.push(fill(t('addedSummary'), { ids: added.map((finding) => finding.id).join(', ') }));
  const changed = model.objects.flatMap((object) => object.findings).filter((finding) => finding.voiceChange);
  if (changed.length > 0) sentences.push(fill(t('voiceChanges'), { ids: changed.map((finding) => finding.id).join(', ') }));
  return sentences;
}

function liabilitySentences(model: ConclusionHead, t: (key: LabelKey) => string): string[] {
  const statute = (role: string) => {
    const found = model.liability.statutes.find((candidate) => candidate.role === role);
    if (!found) return { heading: '', reference: t('labFill') };
    return { heading: found.heading, reference: `${found.act}, ${found.article ? fill(t('articleRef'), { article: found.article }) : t('labFill')}` };
  };
  const sentences: string[] = [];
  const acknowledgement = model.liability.acknowledgement;
  if (model.experts.length > 0) {
    // Each expert acknowledges individually; the acknowledgement step records the institution's facts.
    for (const expert of model.experts) {
      sentences.push(
        expert.acknowledgement
          ? fill(t('liabilityExpert'), { name: expert.name, id: expert.id, note: expert.acknowledgement.note, actor: expert.acknowledgement.actor, seq: expert.acknowledgement.logSeq, ...statute('examiner-liability'), rightsHeading: statute('rights-and-duties').heading, rightsReference: statute('rights-and-duties').reference })
          : fill(t('liabilityExpertMissing'), { name: expert.name, id: expert.id }),
      );
    }
  } else if (acknowledgement) {
    sentences.push(fill(t('liabilityWarned'), { examiner: acknowledgement.examiner ?? t('notRecorded'), ...statute('examiner-liability') }));
    sentences.push(fill(t('liabilityRights'), statute('rights-and-duties')));
    sentences.push(t('liabilityIndependence'));
    sentences.push(fill(t('liabilityRecord'), { seq: acknowledgement.logSeq, recordedBy: acknowledgement.recordedBy ?? t('notRecorded') }));
  } else {
    sentences.push(t('liabilityMissing'));
  }
  const translator = model.liability.translator;
  if (translator) {
    sentences.push(translator.warning ? fill(t('translatorWarned'), { name: translator.name, warning: translator.warning, ...statute('translator-liability') }) : fill(t('translatorNotWarned'), { name: translator.name }));
  }
  return sentences;
}
