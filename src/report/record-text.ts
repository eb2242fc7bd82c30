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
import type { ConclusionModel, SopStepView } from './model.js';
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
  /** For a draft: what else keeps it from being final besides open steps (questions, answers, review, translator). */
  readonly missing: readonly string[];
}

/** `{name}` placeholders of a label replaced by values; an unknown name stays visible. */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{([A-Za-z][A-Za-z0-9]*)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

/** The mark every page carries (footers of PDF and DOCX): final or draft. */
export function pageMark(model: ConclusionModel, labels: ConclusionLabels): string {
  return label(labels, model.final ? 'finalMark' : 'draft');
}

/** Composes the record sentences of a conclusion; pure. */
export function recordText(model: ConclusionModel, labels: ConclusionLabels): RecordText {
  const t = (key: LabelKey) => label(labels, key);
  return {
    mark: model.final ? `${t('finalMark')} — ${t('finalExplanation')}` : `${t('draft')} — ${t('draftExplanation')}`,
    pageMark: pageMark(model, labels),
    review: reviewSentences(model, t),
    liability: liabilitySentences(model, t),
    liabilitySources: model.liability.statutes.map((statute) => `${statute.act}: ${statute.source}`).concat(fill(t('liabilityData'), { path: model.liability.file.path, version: model.liability.version, sha256: model.liability.file.sha256 })),
    methods: model.sop.filter((step) => step.requiredForFinal).map((step) => stepSentence(step, t)),
    missing: model.final ? [] : missingSentences(model, t),
  };
}

/** The draft's list of what is missing, the same conditions `finalProblems` refuses a final for. */
function missingSentences(model: ConclusionModel, t: (key: LabelKey) => string): string[] {
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

function stepSentence(step: SopStepView, t: (key: LabelKey) => string): string {
  const where = { title: step.title, actor: step.actor ?? '', seq: step.logSeq ?? '' };
  if (step.state === 'done') return fill(t(step.kind === 'automated' ? 'stepDoneBySoz' : 'stepDone'), where);
  if (step.state === 'skipped') {
    const skip = step.skip ?? { reason: t('skipReasonMissing'), decidedBy: step.actor ?? '' };
    return fill(t('stepSkipped'), { ...where, reason: skip.reason, decidedBy: skip.decidedBy, note: step.note ?? '' });
  }
  return fill(t('stepNotDone'), where);
}

function reviewSentences(model: ConclusionModel, t: (key: LabelKey) => string): string[] {
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

function liabilitySentences(model: ConclusionModel, t: (key: LabelKey) => string): string[] {
  const statute = (role: string) => {
    const found = model.liability.statutes.find((candidate) => candidate.role === role);
    if (!found) return { heading: '', reference: t('labFill') };
    return { heading: found.heading, reference: `${found.act}, ${found.article ? fill(t('articleRef'), { article: found.article }) : t('labFill')}` };
  };
  const sentences: string[] = [];
  const acknowledgement = model.liability.acknowledgement;
  if (acknowledgement) {
    sentences.push(fill(t('liabilityWarned'), { examiner: acknowledgement.examiner, ...statute('examiner-liability') }));
    sentences.push(fill(t('liabilityRights'), statute('rights-and-duties')));
    sentences.push(t('liabilityIndependence'));
    sentences.push(fill(t('liabilityRecord'), { seq: acknowledgement.logSeq, recordedBy: acknowledgement.recordedBy }));
  } else {
    sentences.push(t('liabilityMissing'));
  }
  const translator = model.liability.translator;
  if (translator) {
    sentences.push(translator.warning ? fill(t('translatorWarned'), { name: translator.name, warning: translator.warning, ...statute('translator-liability') }) : fill(t('translatorNotWarned'), { name: translator.name }));
  }
  return sentences;
}
