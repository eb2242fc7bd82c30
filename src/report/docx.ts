/**
 * The DOCX conclusion: an editable Word document built with `docx` from the conclusion model.
 * Answer sections are fill-in places (highlighted placeholder paragraphs) where the examiner has
 * not written an answer yet. `docx` stamps the current time into `docProps/core.xml` and into
 * every zip entry; both are replaced afterwards (jszip) by the conclusion's fixed date so the same
 * model gives the same bytes.
 */
import { selectionSentence } from './selection.js';
import { AlignmentType, Document, Footer, HeadingLevel, Packer, PageNumber, Paragraph, TextRun } from 'docx';
import JSZip from 'jszip';
import type { ConclusionLabels } from './helpers.js';
import { kindLabel, label, rabatLabel, stateLabel } from './helpers.js';
import type { ConclusionModel, FindingView } from './model.js';
import { modelDigest } from './model.js';
import { pdfDate } from './pdf.js';

const FONT = 'DejaVu Sans';

/** XML 1.0 forbids most control characters; bidi overrides could misorder what a reader sees. */
function clean(value: unknown): string {
  // eslint-disable-next-line no-control-regex -- stripping control and bidi characters is the point
  return String(value).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069\ufffe\uffff]/g, '');
}

function run(text: string, options: { bold?: boolean; highlight?: 'yellow'; color?: string; size?: number; mono?: boolean } = {}): TextRun {
  return new TextRun({ text: clean(text), font: options.mono ? 'DejaVu Sans Mono' : FONT, size: options.size ?? 21, ...(options.bold ? { bold: true } : {}), ...(options.highlight ? { highlight: options.highlight } : {}), ...(options.color ? { color: options.color } : {}) });
}

function para(children: TextRun[], options: { heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel]; indent?: number; align?: 'center' } = {}): Paragraph {
  return new Paragraph({ children, ...(options.heading ? { heading: options.heading } : {}), ...(options.indent ? { indent: { left: options.indent } } : {}), ...(options.align ? { alignment: AlignmentType.CENTER } : {}), spacing: { after: 80 } });
}

/** Renders the conclusion model to DOCX bytes; same model and labels → same bytes. */
export async function renderDocxConclusion(model: ConclusionModel, labels: ConclusionLabels): Promise<Uint8Array> {
  const t = (key: string) => label(labels, key);
  const body: Paragraph[] = [];
  const p = (text: string, options: { bold?: boolean; indent?: number; size?: number; color?: string } = {}) => body.push(para([run(text, options)], options.indent ? { indent: options.indent } : {}));
  const h = (text: string, level: 1 | 2 | 3) => body.push(para([run(text, { bold: true, size: level === 1 ? 30 : level === 2 ? 26 : 22 })], { heading: level === 1 ? HeadingLevel.TITLE : level === 2 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2, ...(level === 1 ? { align: 'center' as const } : {}) }));
  const hash = (prefix: string, value: string, indent = 0) => body.push(para([run(`${prefix} `, { size: 18 }), run(value, { mono: true, size: 16 })], indent ? { indent } : {}));
  const kwic = (finding: FindingView, indent: number) => body.push(para([run(`${t('kwic')}: …${finding.left}`, { size: 19 }), run(`⟦${finding.actual}⟧`, { bold: true, size: 19 }), run(`${finding.right}…`, { size: 19 })], { indent }));
  const pair = (key: string, value: string | null) => p(`${key}: ${value ?? t('notRecorded')}`);

  h(t('title'), 1);
  if (!model.final) {
    p(`${t('draft')} — ${t('draftExplanation')}`, { bold: true, color: 'B00000' });
    if (model.openSteps.length > 0) p(`${t('openStepsHeading')}: ${model.openSteps.map((step) => `${step.number}. ${step.title}`).join('; ')}`, { color: 'B00000', size: 18 });
  }
  p(t('toolNotice'), { size: 18 });

  h(`1. ${t('introSection')}`, 2);
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
  h(t('liabilityHeading'), 3);
  p(t('liabilityText'));
  p(model.intro.acknowledged ? t('acknowledgedRecorded') : t('acknowledgementMissing'), { bold: !model.intro.acknowledged });
  h(t('questionsHeading'), 3);
  if (model.questions.length === 0) p(t('noQuestions'));
  for (const question of model.questions) {
    p(`${question.number}. (${question.id}, ${question.language}) «${question.text}»`);
    if (question.flagged) {
      p(t('guardFlag'), { bold: true, indent: 360, size: 19 });
      for (const match of question.guardMatches) p(`«${match.matched}» — ${match.reason}`, { indent: 360, size: 19 });
      for (const suggestion of question.suggestions) p(`${t('suggestion')}: ${suggestion}`, { indent: 360, size: 19 });
    }
  }
  h(t('objectsHeading'), 3);
  model.evidence.forEach((record, index) => {
    p(`${index + 1}. ${record.originalName} — ${record.mediaType}, ${record.size} ${t('size')}`);
    hash('SHA-256:', record.sha256, 360);
  });

  h(`2. ${t('researchSection')}`, 2);
  h(`2.1 ${t('methodsHeading')}`, 3);
  p(t('methodsText'));
  p(`soz ${model.tool.version}, Node.js ${model.tool.node}`);
  p(`${t('procedure')}: ${model.procedure.title} (${model.procedure.id} ${model.procedure.version})`);
  for (const analysis of model.analyses) p(`${t('analysisLabel')} ${analysis.analysis} ${analysis.version}: ${analysis.findings} ${t('candidatesUnit')}`);
  if (model.selection) p(selectionSentence(model.selection, t));
  h(`2.2 ${t('documentsHeading')}`, 3);
  for (const document of model.documents) {
    p(`${document.id} — ${document.evidenceName}, ${document.format}, ${t('segments')}: ${document.segments}`, { size: 19 });
    for (const notice of document.notices) p(`${notice.severity} ${notice.code}: ${notice.message}`, { size: 17, indent: 360 });
  }
  h(`2.3 ${t('findingsHeading')}`, 3);
  p(`${t('findingsIntro')} ${model.counts.candidates} / ${model.counts.accepted} / ${model.counts.rejected} / ${model.counts.unreviewed}.`);
  if (model.objects.length === 0) p(t('noAccepted'));
  for (const object of model.objects) {
    p(object.evidenceName, { bold: true });
    hash('SHA-256:', object.evidenceSha256);
    for (const finding of object.findings) {
      p(`${finding.id} — ${finding.reason} (${finding.category})${finding.questionIds.length ? `; ${t('bearsOn')} ${finding.questionIds.join(', ')}` : ''}`, { bold: true, indent: 240, size: 19 });
      kwic(finding, 480);
      p(`${t('source')}: ${finding.documentId}, ${t('segment')} ${finding.segmentId}${finding.page ? `, ${t('page')} ${finding.page}` : ''}${finding.messageId ? `, ${t('message')} ${finding.messageId}` : ''}, ${t('lineColumn')} ${finding.line}:${finding.column}, ${t('offsets')} [${finding.range[0]}, ${finding.range[1]})`, { indent: 480, size: 18 });
      p(`${t('voice')}: ${finding.voice}${finding.countervailing.length ? `; ${t('countervailing')}: ${finding.countervailing.join(', ')}` : ''}`, { indent: 480, size: 18 });
      if (finding.mainstreamMeaning) p(`${t('mainstreamMeaning')}: ${finding.mainstreamMeaning}`, { indent: 480, size: 18 });
      if (finding.citation) p(`${t('citation')}: ${finding.citation}`, { indent: 480, size: 18 });
      p(`${t('examinerReason')}: ${finding.decisionReason ?? ''}`, { indent: 480, size: 18 });
    }
  }
  if (model.profile) {
    h(`2.4 ${t('profileHeading')}`, 3);
    p(t('profileIntro'), { size: 18 });
    for (const row of model.profile) p(`${row.unit} ${row.key} (${row.tokens}): ${row.rates.map((rate) => `${rate.category} ${rate.rate}`).join('; ')}`, { size: 18 });
  }
  h(`2.5 ${t('sopHeading')}`, 3);
  for (const step of model.sop) {
    p(`${step.number}. ${step.title} — ${kindLabel(labels, step.kind)}, ${stateLabel(labels, step.state)}${step.actor ? `, ${step.actor}` : ''}`, { size: 19, bold: !(step.state === 'done' || step.state === 'skipped') });
    if (step.note) p(step.note, { size: 18, indent: 360 });
    for (const field of step.fields) p(`${field.key}: ${field.value}`, { size: 18, indent: 360 });
    for (const file of step.files) hash(`${file.originalName}:`, file.sha256, 360);
  }
  h(`2.6 ${t('rabatHeading')}`, 3);
  p(t('rabatIntro'), { size: 18 });
  if (model.rabat) for (const part of model.rabat) p(`${rabatLabel(labels, part.key)}: ${part.value}`);
  else p(t('rabatMissing'), { bold: true });

  h(`3. ${t('conclusionsSection')}`, 2);
  if (model.questions.length === 0) p(t('noQuestions'));
  for (const question of model.questions) {
    h(`${t('question')} ${question.number} (${question.id})`, 3);
    p(`«${question.text}»`, { indent: 240 });
    if (question.disposition.status === 'declined') {
      p(`${t('declined')}: ${question.disposition.reason}`, { bold: true });
    } else {
      if (question.disposition.status === 'reformulated') p(`${t('reformulated')}: «${question.disposition.reformulation}» (${t('consent')}: ${question.disposition.consent})`);
      if (question.answer) {
        for (const line of question.answer.text.replace(/\r\n?/g, '\n').trim().split('\n')) p(line, { indent: 240 });
        hash(`${t('answerFile')}: ${question.answer.path}, SHA-256`, question.answer.sha256);
      } else {
        body.push(para([run(t('answerPlaceholder'), { highlight: 'yellow' })], { indent: 240 }));
      }
    }
    p(`${t('restsOn')}: ${question.findingIds.length ? question.findingIds.join(', ') : t('none')}`, { size: 18 });
  }

  h(`4. ${t('limitationsSection')}`, 2);
  p(t('limitationsText'));
  if (model.counts.unreviewed > 0) p(`${t('unreviewedWarning')}: ${model.counts.unreviewed}`, { bold: true });
  h(`5. ${t('signatureSection')}`, 2);
  p(t('signatureText'));
  p(`${t('examiner')}: ${model.case.examiner}`);
  p(`${t('signature')}: ______________________    ${t('date')}: ______________`);

  h(t('appendixA'), 2);
  model.evidence.forEach((record, index) => {
    p(`${index + 1}. ${record.originalName} — ${record.size} ${t('size')}; ${t('copy')}: ${record.copy}`, { size: 19 });
    hash('SHA-256:', record.sha256, 360);
    hash('MD5:', record.md5, 360);
  });
  h(t('appendixB'), 2);
  hash(`${t('manifestDigest')}:`, model.manifest.sha256);
  hash(`${t('lockfile')}:`, model.tool.lockfileSha256);
  for (const file of [...model.manifest.data, ...model.templates, ...model.manifest.outputs]) hash(`${file.path}:`, file.sha256);
  h(t('appendixC'), 2);
  if (model.rejected.length === 0) p(t('noneRejected'));
  for (const finding of model.rejected) {
    p(`${finding.id} — ${finding.evidenceName} (${finding.category})`, { bold: true, size: 19 });
    kwic(finding, 360);
    p(`${t('examinerReason')}: ${finding.decisionReason ?? ''}`, { indent: 360, size: 18 });
  }
  if (model.unreviewed.length > 0) {
    h(t('appendixD'), 2);
    for (const finding of model.unreviewed) {
      p(`${finding.id} — ${finding.evidenceName} (${finding.category})`, { bold: true, size: 19 });
      kwic(finding, 360);
    }
  }

  const digest = modelDigest(model);
  const [beforePage, rest = ''] = t('pageOf').split('{page}');
  const [between, afterPages = ''] = rest.split('{pages}');
  const pageRuns: (string | (typeof PageNumber)[keyof typeof PageNumber])[] = [clean(beforePage ?? ''), PageNumber.CURRENT, clean(between ?? ''), PageNumber.TOTAL_PAGES, clean(afterPages)];
  const footer = new Footer({
    children: [
      para([run(`${t('caseNumber')}: ${model.case.caseNumber}${model.final ? '' : ` — ${t('draft')}`}    `, { size: 15 }), new TextRun({ children: pageRuns, font: FONT, size: 15 })]),
      para([run(`${t('reportDigest')} (SHA-256): `, { size: 14 }), run(digest, { mono: true, size: 14 })]),
    ],
  });
  const document = new Document({
    creator: model.case.examiner,
    title: `${t('title')} ${model.case.caseNumber}`,
    description: `soz ${model.tool.version}; ${t('reportDigest')} ${digest}`,
    styles: { default: { document: { run: { font: FONT } } } },
    sections: [{ footers: { default: footer }, children: body }],
  });
  return fixDocxDates(await Packer.toBuffer(document), pdfDate(model));
}

/**
 * Replaces the times `docx` stamps (core properties and zip entry dates) with `date`, keeping
 * entry order, so the same content gives the same bytes.
 */
export async function fixDocxDates(bytes: Uint8Array, date: Date): Promise<Uint8Array> {
  const source = await JSZip.loadAsync(bytes);
  const out = new JSZip();
  const iso = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const names: string[] = [];
  source.forEach((name, entry) => {
    if (!entry.dir) names.push(name);
  });
  for (const name of names) {
    let content: Uint8Array | string = await source.file(name)!.async('uint8array');
    if (name === 'docProps/core.xml') {
      content = Buffer.from(content)
        .toString('utf8')
        .replace(/(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${iso}$3`);
    }
    out.file(name, content, { date, createFolders: false });
  }
  return out.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'DOS' });
}
