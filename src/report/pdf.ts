/**
 * The PDF conclusion, laid out with pdfkit from the conclusion model. DejaVu Sans is embedded
 * (Cyrillic including Kyrgyz ң ө ү, and Arabic letters; Arabic lines are not reordered — pdfkit
 * has no bidi — so Arabic quotations read best in the HTML or DOCX). The creation date is fixed
 * (the examination date, else the order date, else 2000-01-01) so the same model gives the same
 * bytes. Every page carries a footer: case number, report digest, "page x of y".
 */
import { selectionSentence } from './selection.js';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import type { ConclusionLabels } from './helpers.js';
import { kindLabel, label, pageLabel, rabatLabel, stateLabel } from './helpers.js';
import type { ConclusionModel, FindingView } from './model.js';
import { modelDigest } from './model.js';

const require = createRequire(import.meta.url);
const FONT_DIR = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const FONTS = {
  regular: join(FONT_DIR, 'DejaVuSans.ttf'),
  bold: join(FONT_DIR, 'DejaVuSans-Bold.ttf'),
  mono: join(FONT_DIR, 'DejaVuSansMono.ttf'),
};

/** The fixed creation date of a conclusion's PDF: a date of the case, never the clock. */
export function pdfDate(model: ConclusionModel): Date {
  const iso = model.case.examinationDate ?? model.case.orderDate ?? '2000-01-01';
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

/** Strips control and bidi-override characters, which a PDF would show as boxes or misorder. */
function clean(value: unknown): string {
  // eslint-disable-next-line no-control-regex -- stripping control and bidi characters is the point
  return String(value).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '');
}

/** Renders the conclusion model to PDF bytes; same model and labels → same bytes. */
export async function renderPdfConclusion(model: ConclusionModel, labels: ConclusionLabels): Promise<Uint8Array> {
  const t = (key: string) => label(labels, key);
  const digest = modelDigest(model);
  const date = pdfDate(model);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 64, left: 62, right: 56 },
    bufferPages: true,
    autoFirstPage: true,
    info: { Title: `${t('title')} ${model.case.caseNumber}`, Author: model.case.examiner, Creator: `soz ${model.tool.version}`, Producer: 'soz (pdfkit)', CreationDate: date, ModDate: date },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  doc.registerFont('regular', FONTS.regular);
  doc.registerFont('bold', FONTS.bold);
  doc.registerFont('mono', FONTS.mono);

  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const text = (value: string, options: { font?: string; size?: number; indent?: number; gap?: number; color?: string; align?: 'left' | 'center' } = {}) => {
    doc.font(options.font ?? 'regular').fontSize(options.size ?? 10).fillColor(options.color ?? '#000000');
    doc.text(clean(value), doc.page.margins.left + (options.indent ?? 0), doc.y, { width: width - (options.indent ?? 0), align: options.align ?? 'left' });
    doc.moveDown(options.gap ?? 0.25);
  };
  const heading = (value: string, level: 1 | 2 | 3) => {
    doc.moveDown(level === 1 ? 0.3 : 0.6);
    if (level === 2 && doc.y > doc.page.height - doc.page.margins.bottom - 80) doc.addPage();
    text(value, { font: 'bold', size: level === 1 ? 15 : level === 2 ? 12.5 : 11, align: level === 1 ? 'center' : 'left', gap: 0.35 });
  };
  const pair = (key: string, value: string | null) => text(`${key}: ${value ?? t('notRecorded')}`);
  const hash = (prefix: string, value: string, indent = 0) => {
    doc.font('regular').fontSize(9).fillColor('#000000');
    doc.text(clean(prefix) + ' ', doc.page.margins.left + indent, doc.y, { width: width - indent, continued: true });
    doc.font('mono').fontSize(7.5).text(value);
    doc.moveDown(0.2);
  };
  const kwic = (finding: FindingView, indent: number) => {
    doc.font('regular').fontSize(9.5).fillColor('#000000');
    doc.text(`${t('kwic')}: …${clean(finding.left)}`, doc.page.margins.left + indent, doc.y, { width: width - indent, continued: true });
    doc.font('bold').text(`⟦${clean(finding.actual)}⟧`, { continued: true });
    doc.font('regular').text(`${clean(finding.right)}…`);
    doc.moveDown(0.2);
  };

  heading(t('title'), 1);
  if (!model.final) {
    text(`${t('draft')} — ${t('draftExplanation')}`, { font: 'bold', color: '#b00000', align: 'center' });
    if (model.openSteps.length > 0) text(`${t('openStepsHeading')}: ${model.openSteps.map((step) => `${step.number}. ${step.title}`).join('; ')}`, { size: 9, color: '#b00000' });
  }
  text(t('toolNotice'), { size: 9 });

  heading(`1. ${t('introSection')}`, 2);
  pair(t('caseNumber'), model.case.caseNumber);
  pair(t('grounds'), `${model.case.orderingBody}${model.case.orderDate ? `, ${model.case.orderDate}` : ''}`);
  pair(t('examinationDate'), model.case.examinationDate);
  pair(t('place'), model.intro.place);
  pair(t('institution'), model.intro.institution);
  pair(t('examiner'), model.case.examiner);
  pair(t('qualification'), model.intro.qualification);
  pair(t('experience'), model.intro.experience);
  pair(t('present'), model.intro.present);
  pair(t('translator'), model.intro.translator);
  heading(t('liabilityHeading'), 3);
  text(t('liabilityText'));
  text(model.intro.acknowledged ? t('acknowledgedRecorded') : t('acknowledgementMissing'), { font: model.intro.acknowledged ? 'regular' : 'bold' });
  heading(t('questionsHeading'), 3);
  if (model.questions.length === 0) text(t('noQuestions'));
  for (const question of model.questions) {
    text(`${question.number}. (${question.id}, ${question.language}) «${question.text}»`);
    if (question.flagged) {
      text(t('guardFlag'), { font: 'bold', size: 9, indent: 14 });
      for (const match of question.guardMatches) text(`«${match.matched}» — ${match.reason}`, { size: 9, indent: 14 });
      for (const suggestion of question.suggestions) text(`${t('suggestion')}: ${suggestion}`, { size: 9, indent: 14 });
    }
  }
  heading(t('objectsHeading'), 3);
  model.evidence.forEach((record, index) => {
    text(`${index + 1}. ${record.originalName} — ${record.mediaType}, ${record.size} ${t('size')}`);
    hash('SHA-256:', record.sha256, 14);
  });

  heading(`2. ${t('researchSection')}`, 2);
  heading(`2.1 ${t('methodsHeading')}`, 3);
  text(t('methodsText'));
  text(`soz ${model.tool.version}, Node.js ${model.tool.node}`);
  text(`${t('procedure')}: ${model.procedure.title} (${model.procedure.id} ${model.procedure.version})`);
  for (const analysis of model.analyses) text(`${t('analysisLabel')} ${analysis.analysis} ${analysis.version}: ${analysis.findings} ${t('candidatesUnit')}`);
  if (model.selection) text(selectionSentence(model.selection, t));
  heading(`2.2 ${t('documentsHeading')}`, 3);
  for (const document of model.documents) {
    text(`${document.id} — ${document.evidenceName}, ${document.format}, ${t('segments')}: ${document.segments}`, { size: 9.5 });
    for (const notice of document.notices) text(`${notice.severity} ${notice.code}: ${notice.message}`, { size: 8.5, indent: 14 });
  }
  if (model.overview) {
    for (const row of model.overview.documents) text(`${row.documentId}: ${t('characters')} ${row.characters}, ${t('words')} ${row.words}, ${t('language')} ${row.language}`, { size: 9 });
  }
  heading(`2.3 ${t('findingsHeading')}`, 3);
  text(`${t('findingsIntro')} ${model.counts.candidates} / ${model.counts.accepted} / ${model.counts.rejected} / ${model.counts.unreviewed}.`);
  if (model.objects.length === 0) text(t('noAccepted'));
  for (const object of model.objects) {
    text(object.evidenceName, { font: 'bold' });
    hash('SHA-256:', object.evidenceSha256);
    for (const finding of object.findings) {
      text(`${finding.id} — ${finding.reason} (${finding.category})${finding.questionIds.length ? `; ${t('bearsOn')} ${finding.questionIds.join(', ')}` : ''}`, { font: 'bold', size: 9.5, indent: 10 });
      kwic(finding, 20);
      text(`${t('source')}: ${finding.documentId}, ${t('segment')} ${finding.segmentId}${finding.page ? `, ${t('page')} ${finding.page}` : ''}${finding.messageId ? `, ${t('message')} ${finding.messageId}` : ''}, ${t('lineColumn')} ${finding.line}:${finding.column}, ${t('offsets')} [${finding.range[0]}, ${finding.range[1]})`, { size: 9, indent: 20 });
      text(`${t('voice')}: ${finding.voice}${finding.countervailing.length ? `; ${t('countervailing')}: ${finding.countervailing.join(', ')}` : ''}`, { size: 9, indent: 20 });
      if (finding.mainstreamMeaning) text(`${t('mainstreamMeaning')}: ${finding.mainstreamMeaning}`, { size: 9, indent: 20 });
      if (finding.citation) text(`${t('citation')}: ${finding.citation}`, { size: 9, indent: 20 });
      text(`${t('examinerReason')}: ${finding.decisionReason ?? ''}`, { size: 9, indent: 20 });
    }
  }
  if (model.profile) {
    heading(`2.4 ${t('profileHeading')}`, 3);
    text(t('profileIntro'), { size: 9 });
    for (const row of model.profile) text(`${row.unit} ${row.key} (${row.tokens}): ${row.rates.map((rate) => `${rate.category} ${rate.rate}`).join('; ')}`, { size: 9 });
  }
  heading(`2.5 ${t('sopHeading')}`, 3);
  text(`${model.procedure.title} — ${model.procedure.id} ${model.procedure.version}`, { size: 9 });
  for (const step of model.sop) {
    text(`${step.number}. ${step.title} — ${kindLabel(labels, step.kind)}, ${stateLabel(labels, step.state)}${step.actor ? `, ${step.actor}` : ''}`, { size: 9.5, font: step.state === 'done' || step.state === 'skipped' ? 'regular' : 'bold' });
    if (step.note) text(step.note, { size: 9, indent: 14 });
    for (const field of step.fields) text(`${field.key}: ${field.value}`, { size: 9, indent: 14 });
    for (const file of step.files) hash(`${file.originalName}:`, file.sha256, 14);
  }
  heading(`2.6 ${t('rabatHeading')}`, 3);
  text(t('rabatIntro'), { size: 9 });
  if (model.rabat) for (const part of model.rabat) text(`${rabatLabel(labels, part.key)}: ${part.value}`);
  else text(t('rabatMissing'), { font: 'bold' });

  heading(`3. ${t('conclusionsSection')}`, 2);
  if (model.questions.length === 0) text(t('noQuestions'));
  for (const question of model.questions) {
    heading(`${t('question')} ${question.number} (${question.id})`, 3);
    text(`«${question.text}»`, { indent: 10 });
    if (question.disposition.status === 'declined') {
      text(`${t('declined')}: ${question.disposition.reason}`, { font: 'bold' });
    } else {
      if (question.disposition.status === 'reformulated') text(`${t('reformulated')}: «${question.disposition.reformulation}» (${t('consent')}: ${question.disposition.consent})`);
      if (question.answer) {
        text(question.answer.text.replace(/\r\n?/g, '\n').trim(), { indent: 10 });
        hash(`${t('answerFile')}: ${question.answer.path}, SHA-256`, question.answer.sha256);
      } else {
        text(t('unanswered'), { font: 'bold', color: '#b00000' });
      }
    }
    text(`${t('restsOn')}: ${question.findingIds.length ? question.findingIds.join(', ') : t('none')}`, { size: 9 });
  }

  heading(`4. ${t('limitationsSection')}`, 2);
  text(t('limitationsText'));
  if (model.counts.unreviewed > 0) text(`${t('unreviewedWarning')}: ${model.counts.unreviewed}`, { font: 'bold' });
  heading(`5. ${t('signatureSection')}`, 2);
  text(t('signatureText'));
  text(`${t('examiner')}: ${model.case.examiner}`);
  doc.moveDown(1);
  text(`${t('signature')}: ______________________    ${t('date')}: ______________`);

  heading(t('appendixA'), 2);
  model.evidence.forEach((record, index) => {
    text(`${index + 1}. ${record.originalName} — ${record.size} ${t('size')}; ${t('copy')}: ${record.copy}`, { size: 9.5 });
    hash('SHA-256:', record.sha256, 14);
    hash('MD5:', record.md5, 14);
  });
  heading(t('appendixB'), 2);
  hash(`${t('manifestDigest')}:`, model.manifest.sha256);
  hash(`${t('lockfile')}:`, model.tool.lockfileSha256);
  for (const file of [...model.manifest.data, ...model.templates, ...model.manifest.outputs]) hash(`${file.path}:`, file.sha256);
  heading(t('appendixC'), 2);
  if (model.rejected.length === 0) text(t('noneRejected'));
  for (const finding of model.rejected) {
    text(`${finding.id} — ${finding.evidenceName} (${finding.category})`, { font: 'bold', size: 9.5 });
    kwic(finding, 14);
    text(`${t('examinerReason')}: ${finding.decisionReason ?? ''}`, { size: 9, indent: 14 });
  }
  if (model.unreviewed.length > 0) {
    heading(t('appendixD'), 2);
    for (const finding of model.unreviewed) {
      text(`${finding.id} — ${finding.evidenceName} (${finding.category})`, { font: 'bold', size: 9.5 });
      kwic(finding, 14);
    }
  }

  // Footers last, once the page count is known; the bottom margin is lifted while writing so
  // pdfkit does not start a new page for text below it.
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index += 1) {
    doc.switchToPage(index);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - 44;
    doc.font('regular').fontSize(7.5).fillColor('#333333');
    doc.text(`${t('caseNumber')}: ${clean(model.case.caseNumber)}${model.final ? '' : ` — ${t('draft')}`}`, doc.page.margins.left, y, { width, lineBreak: false });
    doc.text(pageLabel(labels, index - range.start + 1, range.count), doc.page.margins.left, y, { width, align: 'right', lineBreak: false });
    doc.font('regular').fontSize(7).text(`${t('reportDigest')} (SHA-256): `, doc.page.margins.left, y + 11, { width, lineBreak: false, continued: true }).font('mono').text(digest, { lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}
