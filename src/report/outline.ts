/**
 * The conclusion as an ordered list of layout-neutral blocks (headings, paragraphs, hashes, KWIC
 * lines, fill-in places). The PDF and DOCX renderers both lay out this one outline, so the two
 * formats always hold the same parts in the same order; Markdown and HTML come from templates.
 */
import type { LabelKey } from './labels.js';
import type { ConclusionLabels } from './helpers.js';
import { kindLabel, label, personPlaceText, personRelationLabel, profileCategoryLabel, profileUnitLabel, rabatLabel, relationLabel, stateLabel } from './helpers.js';
import type { FindingRow, FindingUnit } from './finding-row.js';
import { excerptView, findingRow, findingUnits } from './finding-row.js';
import type { ConclusionModel, ConclusionParts, FindingView } from './model.js';
import { partsOfModel } from './model.js';
import { recordText } from './record-text.js';
import { selectionSentence } from './selection.js';
import { mediaSummaryText } from './media-summary.js';
import { knownRows } from './known-rows.js';
import { labListLines } from './lab-list-lines.js';

/** Relative text size; each renderer maps it to its own units. */
export type OutlineSize = 'normal' | 'small' | 'smaller' | 'tiny';
/** Indentation step: 0 none, 1 under an item, 2 under a sub-item. */
export type OutlineIndent = 0 | 1 | 2;

export type OutlineBlock =
  | { readonly kind: 'heading'; readonly text: string; readonly level: 1 | 2 | 3 }
  | { readonly kind: 'text'; readonly text: string; readonly indent: OutlineIndent; readonly size: OutlineSize; readonly bold: boolean; readonly alert: boolean; readonly center: boolean }
  | { readonly kind: 'hash'; readonly label: string; readonly value: string; readonly indent: OutlineIndent }
  | { readonly kind: 'kwic'; readonly label: string; readonly left: string; readonly actual: string; readonly right: string; readonly indent: OutlineIndent }
  /** Where the examiner writes an answer: highlighted in DOCX, shown with `note` in PDF. */
  | { readonly kind: 'fill-in'; readonly text: string; readonly note: string }
  /** The crop of the picture a finding's OCR text came from, where the renderer was given one (PDF). */
  | { readonly kind: 'picture'; readonly findingId: string; readonly indent: OutlineIndent }
  | { readonly kind: 'space' };

interface TextOptions {
  readonly indent?: OutlineIndent;
  readonly size?: OutlineSize;
  readonly bold?: boolean;
  readonly alert?: boolean;
  readonly center?: boolean;
}

/** The blocks of a whole conclusion model, in reading order; pure (the tests and small cases). */
export function conclusionOutline(model: ConclusionModel, labels: ConclusionLabels): OutlineBlock[] {
  return [...outlineBlocks(partsOfModel(model), labels)];
}

/**
 * The blocks of a conclusion in parts, in reading order, as they are made: the head's at once,
 * then the unreviewed candidates and the source excerpts one chunk (one document's run) at a
 * time, so a renderer that lays them out as they come never holds the streamed lists; pure.
 */
export function* outlineBlocks(parts: ConclusionParts, labels: ConclusionLabels): Generator<OutlineBlock> {
  const model = parts.head;
  const t = (key: LabelKey) => label(labels, key);
  let blocks: OutlineBlock[] = [];
  /** The blocks made since the last call, handed out and let go. */
  const drain = (): OutlineBlock[] => {
    const made = blocks;
    blocks = [];
    return made;
  };
  const text = (value: string, options: TextOptions = {}) =>
    blocks.push({ kind: 'text', text: value, indent: options.indent ?? 0, size: options.size ?? 'normal', bold: options.bold ?? false, alert: options.alert ?? false, center: options.center ?? false });
  const heading = (value: string, level: 1 | 2 | 3) => blocks.push({ kind: 'heading', text: value, level });
  const pair = (key: string, value: string | null) => text(`${key}: ${value ?? t('notRecorded')}`);
  const hash = (prefix: string, value: string, indent: OutlineIndent = 0) => blocks.push({ kind: 'hash', label: prefix, value, indent });
  const kwic = (row: FindingRow, indent: OutlineIndent) => blocks.push({ kind: 'kwic', label: t('kwic'), left: row.kwic.left, actual: row.kwic.actual, right: row.kwic.right, indent });
  /** Every candidate row the same way, grouped by reviewable unit: accepted, rejected or unreviewed. */
  const unitBlocks = (unit: FindingUnit, indent: 0 | 1) => {
    const inner: OutlineIndent = indent === 0 ? 1 : 2;
    text(unit.title, { bold: true, size: 'small', indent });
    for (const finding of unit.findings) {
      const row = findingRow(finding, labels);
      text(`${row.id} — ${row.title}`, { bold: true, size: 'small', indent });
      kwic(row, inner);
      text(row.place, { size: 'smaller', indent: inner });
      if (finding.image) blocks.push({ kind: 'picture', findingId: finding.id, indent: inner });
      for (const line of [row.people, row.voice, row.matched, ...row.notes]) if (line !== null) text(line, { size: 'smaller', indent: inner });
      if (row.decision !== null) text(`${t('examinerReason')}: ${row.decision}`, { size: 'smaller', indent: inner });
    }
  };
  const findingUnitBlocks = (findings: readonly FindingView[], indent: 0 | 1) => {
    for (const unit of findingUnits(findings, labels)) unitBlocks(unit, indent);
  };
  const space = () => blocks.push({ kind: 'space' });

  const record = recordText(model, labels);
  heading(t('title'), 1);
  text(record.mark, { bold: true, alert: !model.final, center: true });
  if (!model.final) {
    if (model.openSteps.length > 0) text(`${t('openStepsHeading')}: ${model.openSteps.map((step) => `${step.number}. ${step.title}`).join('; ')}`, { size: 'smaller', alert: true });
    if (record.missing.length > 0) text(`${t('alsoMissing')}: ${record.missing.join(' ')}`, { size: 'smaller', alert: true });
  }
  text(t('toolNotice'), { size: 'smaller' });

  heading(`1. ${t('introSection')}`, 2);
  pair(t('caseNumber'), model.case.caseNumber);
  pair(t('grounds'), [model.case.orderingBody ?? t('notRecorded'), ...(model.case.orderDate ? [model.case.orderDate] : [])].join(', '));
  pair(t('examinationDate'), model.case.examinationDate);
  pair(t('place'), model.intro.place);
  pair(t('institution'), model.intro.institution);
  pair(t('examiner'), model.case.examiner);
  // With experts named, each expert's qualification and experience stand in their own line below.
  if (model.experts.length === 0) {
    pair(t('qualification'), model.intro.qualification);
    pair(t('experience'), model.intro.experience);
  }
  pair(t('present'), model.intro.present);
  pair(t('translator'), model.intro.translator);
  for (const row of record.structure) pair(row.label, row.value);
  if (record.experts.length > 0) {
    heading(t('expertsHeading'), 3);
    for (const sentence of record.experts) text(sentence);
  }
  heading(t('liabilityHeading'), 3);
  for (const sentence of record.liability) text(sentence, { bold: !model.liability.acknowledgement });
  for (const source of record.liabilitySources) text(source, { size: 'tiny' });
  heading(t('questionsHeading'), 3);
  if (model.questions.length === 0) text(t('noQuestions'));
  for (const question of model.questions) {
    text(`${question.number}. (${question.id}, ${question.language}) «${question.text}»`);
    if (question.flagged) {
      text(t('guardFlag'), { bold: true, size: 'smaller', indent: 1 });
      for (const match of question.guardMatches) text(`«${match.matched}» — ${match.reason}`, { size: 'smaller', indent: 1 });
      for (const suggestion of question.suggestions) text(`${t('suggestion')}: ${suggestion}`, { size: 'smaller', indent: 1 });
    }
  }
  heading(t('objectsHeading'), 3);
  model.evidence.forEach((record, index) => {
    text(`${index + 1}. ${record.originalName} — ${record.mediaType}${record.media ? `; ${mediaSummaryText(record.media, t)}` : ''}, ${record.size} ${t('size')}`);
    hash('SHA-256:', record.sha256, 1);
  });
  heading(t('relationsHeading'), 3);
  for (const item of model.relations) {
    text(`${item.evidenceName}: ${relationLabel(labels, item.relation)}${item.note ? ` — ${item.note} (${item.actor ?? ''})` : ''}`, { bold: item.relation === null });
  }
  heading(t('personsHeading'), 3);
  text(t('personsIntro'), { size: 'smaller' });
  if (model.persons.length === 0) text(t('personsNone'));
  for (const person of model.persons) {
    text(`${person.id} ${person.name} — ${t('personHandles')}: ${person.handles.join(', ')}. ${person.note}`, { bold: true });
    for (const row of person.rows) {
      text(`${personRelationLabel(labels, row.relation)}: ${row.count}`, { indent: 1 });
      for (const place of row.places) text(personPlaceText(labels, place), { indent: 2, size: 'smaller' });
      if (row.findingIds.length > 0) text(`${t('personFindings')}: ${row.findingIds.join(', ')}${row.notTheirWords ? ` — ${t('personNotTheirWords')}` : ''}`, { indent: 2, bold: row.notTheirWords });
    }
  }

  heading(`2. ${t('researchSection')}`, 2);
  heading(`2.1 ${t('methodsHeading')}`, 3);
  text(t('methodsIntro'));
  for (const sentence of record.methods) text(sentence, { size: 'small', indent: 1 });
  text(`soz ${model.tool.version}, Node.js ${model.tool.node}`);
  text(`${t('procedure')}: ${model.procedure.title} (${model.procedure.id} ${model.procedure.version})`);
  for (const analysis of model.analyses) text(`${t('analysisLabel')} ${analysis.analysis} ${analysis.version}: ${analysis.findings} ${t('candidatesUnit')}`);
  if (record.ngramCap !== null) text(record.ngramCap);
  if (model.selection) text(selectionSentence(model.selection, t));
  const labList = labListLines(model.labList, labels);
  if (labList.line !== null) text(labList.line);
  for (const warning of labList.warnings) text(warning, { bold: true, alert: true });
  heading(`2.2 ${t('documentsHeading')}`, 3);
  for (const document of model.documents) {
    text(`${document.id} — ${document.evidenceName}, ${document.format}, ${t('segments')}: ${document.segments}`, { size: 'small' });
    for (const notice of document.notices) text(`${notice.severity} ${notice.code}: ${notice.message}`, { size: 'tiny', indent: 1 });
  }
  if (model.overview) {
    for (const row of model.overview.documents) text(`${row.documentId}: ${t('characters')} ${row.characters}, ${t('words')} ${row.words}, ${t('language')} ${row.language}`, { size: 'smaller' });
  }
  heading(`2.3 ${t('findingsHeading')}`, 3);
  for (const sentence of record.review) text(sentence);
  if (model.objects.length === 0) text(t('noAccepted'));
  for (const object of model.objects) {
    text(object.evidenceName, { bold: true });
    hash('SHA-256:', object.evidenceSha256);
    findingUnitBlocks(object.findings, 1);
  }
  if (model.profile) {
    heading(`2.4 ${t('profileHeading')}`, 3);
    text(t('profileIntro'), { size: 'smaller' });
    for (const row of model.profile) text(`${profileUnitLabel(labels, row.unit)} ${row.key} (${row.tokens}): ${row.rates.map((rate) => `${profileCategoryLabel(labels, rate.category)} ${rate.rate}`).join('; ')}`, { size: 'smaller' });
  }
  heading(`2.5 ${t('sopHeading')}`, 3);
  text(`${model.procedure.title} — ${model.procedure.id} ${model.procedure.version}`, { size: 'smaller' });
  for (const step of model.sop) {
    text(`${step.number}. ${step.title} — ${kindLabel(labels, step.kind)}, ${stateLabel(labels, step.state)}${step.actor ? `, ${step.actor}` : ''}${step.logSeq !== null ? `, ${t('logEntry')} ${step.logSeq}` : ''}`, { size: 'small', bold: !(step.state === 'done' || step.state === 'skipped') });
    if (step.skip) text(`${t('skipReason')}: ${step.skip.reason}; ${t('decidedBy')}: ${step.skip.decidedBy}`, { size: 'smaller', indent: 1 });
    if (step.note) text(step.note, { size: 'smaller', indent: 1 });
    for (const field of step.fields) text(`${field.key}: ${field.value}`, { size: 'smaller', indent: 1 });
    for (const file of step.files) hash(`${file.originalName}:`, file.sha256, 1);
  }
  heading(`2.6 ${t('rabatHeading')}`, 3);
  text(t('rabatIntro'), { size: 'smaller' });
  for (const sheet of model.rabat) {
    text(`${t('rabatStatement')}: ${sheet.findingIds.join(', ')}`, { bold: true });
    for (const part of sheet.parts) text(`${rabatLabel(labels, part.key)}: ${part.value}`, { indent: 1 });
  }
  if (model.rabat.length === 0) text(t('rabatMissing'), { bold: true });
  if (record.joint.length > 0) {
    heading(`2.7 ${t('jointHeading')}`, 3);
    for (const sentence of record.joint) text(sentence, { bold: model.joint === null });
  }

  if (model.knownMaterial) {
    const known = knownRows(model.knownMaterial, labels);
    heading(`2.8 ${known.heading}`, 3);
    for (const line of [known.intro, known.library, known.marks, ...(known.none ? [known.none] : [])]) text(line, { size: 'small' });
    for (const evidence of known.evidence) {
      text(evidence.title, { bold: true });
      for (const item of evidence.items) {
        text(item.title, { bold: true, size: 'small', indent: 1 });
        for (const line of [item.decision, item.shares]) text(line, { size: 'small', indent: 1 });
        for (const passage of item.passages) {
          text(passage.title, { bold: true, size: 'smaller', indent: 2 });
          for (const line of [passage.evidencePlace, passage.libraryPlace, passage.words]) text(line, { size: 'smaller', indent: 2 });
          if (passage.decisionReason !== null) text(`${t('examinerReason')}: ${passage.decisionReason}`, { size: 'smaller', indent: 2 });
          text(`${known.evidenceSide}: ${passage.evidenceText}`, { size: 'smaller', indent: 2 });
          text(`${known.librarySide}: ${passage.libraryText}`, { size: 'smaller', indent: 2 });
        }
      }
    }
  }

  heading(`3. ${t('conclusionsSection')}`, 2);
  if (model.questions.length === 0) text(t('noQuestions'));
  for (const question of model.questions) {
    heading(`${t('question')} ${question.number} (${question.id})`, 3);
    text(`«${question.text}»`, { indent: 1 });
    if (question.disposition.status === 'declined') {
      text(`${t('declined')}: ${question.disposition.reason}`, { bold: true });
    } else {
      if (question.disposition.status === 'reformulated') {
        text(`${t('reformulated')}: «${question.disposition.reformulation}» (${t('consent')}: ${question.disposition.consent.reference}, ${question.disposition.consent.date})`);
      }
      if (question.answer) {
        if (question.answeredBy) text(`${t('answeredBy')}: ${question.answeredBy}`);
        for (const line of question.answer.text.replace(/\r\n?/g, '\n').trim().split('\n')) text(line, { indent: 1 });
        hash(`${t('answerFile')}: ${question.answer.path}, SHA-256`, question.answer.sha256);
        if (question.answerLegalWording.length > 0) {
          text(`${t('answerLegalWording')}: ${question.answerLegalWording.map((match) => `«${match.matched}» — ${match.reason}`).join('; ')}`, { size: 'smaller', bold: true, alert: !question.answerOverride });
          if (question.answerOverride) text(`${t('answerOverride')} (${question.answerOverride.actor}): ${question.answerOverride.reason}`, { size: 'smaller' });
        }
      } else {
        text(t('unanswered'), { bold: true, alert: true });
      }
    }
    text(`${t('restsOn')}: ${question.findingIds.length ? question.findingIds.join(', ') : t('none')}`, { size: 'smaller' });
  }

  heading(`4. ${t('limitationsSection')}`, 2);
  text(t('limitationsText'));
  if (model.counts.unreviewed > 0) text(`${t('unreviewedWarning')}: ${model.counts.unreviewed}`, { bold: true });
  heading(`5. ${t('signatureSection')}`, 2);
  text(t('signatureText'));
  const signatureLine = () => text(`${t('signature')}: ______________________    ${t('date')}: ______________`);
  if (record.signatures.length === 0) {
    text(`${t('examiner')}: ${model.case.examiner ?? t('notRecorded')}`);
    space();
    signatureLine();
  }
  for (const sentence of record.signatures) {
    text(sentence);
    space();
    signatureLine();
  }
  text(record.pageMark, { bold: true, alert: !model.final, center: true });

  heading(t('appendixA'), 2);
  model.evidence.forEach((record, index) => {
    text(`${index + 1}. ${record.originalName} — ${record.size} ${t('size')}; ${t('copy')}: ${record.copy}`, { size: 'small' });
    hash('SHA-256:', record.sha256, 1);
    hash('MD5:', record.md5, 1);
  });
  heading(t('appendixB'), 2);
  hash(`${t('manifestDigest')}:`, model.manifest.sha256);
  hash(`${t('recordHead')}:`, model.recordHead);
  hash(`${t('lockfile')}:`, model.tool.lockfileSha256);
  for (const file of [...model.manifest.data, ...model.templates, ...model.manifest.outputs]) hash(`${file.path}:`, file.sha256);
  heading(t('appendixC'), 2);
  if (model.rejected.length === 0) text(t('noneRejected'));
  findingUnitBlocks(model.rejected, 0);
  yield* drain();
  if (model.counts.unreviewed > 0) {
    heading(t('appendixD'), 2);
    // One unit's blocks at a time: a document's run of candidates can be most of the case.
    for (const chunk of parts.unreviewed()) {
      for (const unit of findingUnits(chunk, labels)) {
        unitBlocks(unit, 0);
        yield* drain();
      }
    }
  }
  let excerptsHeaded = false;
  for (const chunk of parts.excerpts()) {
    if (chunk.length > 0 && !excerptsHeaded) heading(t('appendixE'), 2);
    excerptsHeaded ||= chunk.length > 0;
    for (const excerpt of chunk) {
      const view = excerptView(excerpt, labels);
      text(`${view.title} (${view.meta})`, { bold: true, size: 'small' });
      text(view.text, { size: 'small', indent: 1 });
      yield* drain();
    }
  }
  yield* drain();
}
