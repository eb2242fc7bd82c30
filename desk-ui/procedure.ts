/**
 * The procedure panel: the SOP checklist with a form per step the examiner records (done with a
 * note, the step's fields and attached files, or skipped for a reason the step admits) and the
 * withdrawal of a record; the questions with the guard's result, the examiner's decision and
 * answer, the legal wording kept with a reason, a question added; the relation of the person
 * concerned to each item; the facts of the introductory part; what blocks a final conclusion.
 * Every change is one POST that the server turns into the CLI's case function; the panel is then
 * read again from the case.
 */
import { get, post } from './api.js';
import { el, fill, replace } from './dom.js';
import type { Child } from './dom.js';
import { busy, codeLabel, failed, label, main, say, state } from './core.js';
import type { CaseFact, Expert, Procedure, ProcedureStep, Question } from '../src/desk/wire.js';

/** The experts of the case as last read, for the "whose part" choice of a step or an answer. */
let experts: readonly Expert[] = [];

/** A choice of the expert whose part a record is (none: the CLI's default, the one expert of the speciality); null without experts. */
function expertChoice(id: string): HTMLElement | null {
  if (experts.length === 0) return null;
  return el('label', {}, `${label('expertOfPart')} `, el('select', { id }, el('option', { value: '' }, '—'), ...experts.map((expert) => el('option', { value: expert.id }, `${expert.id} ${expert.name}`))));
}

/** The chosen expert as a request field, if any. */
function expertField(id: string): { expertId?: string } {
  const value = valueOf(id);
  return value === '' ? {} : { expertId: value };
}

/** The value of a field of the panel (empty when absent). */
function valueOf(id: string): string {
  return (document.getElementById(id) as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement | null)?.value.trim() ?? '';
}

/** Sends one change (its body made first, e.g. files read), then shows the panel as the case now has it. */
async function change(path: string, body: unknown): Promise<void> {
  try {
    await post(path, await body, busy);
    await renderProcedure();
    say(label('saved'));
  } catch (error) {
    failed(error);
  }
}

/** The label key of a code: `disposition` + `answered` → `dispositionAnswered`. */
function keyOf(prefix: string, code: string): string {
  return `${prefix}${code.slice(0, 1).toUpperCase()}${code.slice(1)}`;
}

function stateName(step: ProcedureStep): string {
  const name = label(keyOf('state', step.state));
  return step.state === 'blocked' ? `${name}: ${label('waitingFor')} ${step.waitingFor.join(', ')}` : name;
}

/** What the examiner can do with a step: record it when open, withdraw the record once made. */
function stepAction(step: ProcedureStep): HTMLElement | null {
  if (step.record) {
    return el(
      'div',
      { class: 'step-form' },
      el('input', { id: `step-withdraw-reason-${step.id}`, type: 'text', placeholder: label('withdrawReason') }),
      el('button', { type: 'button', id: `step-withdraw-${step.id}`, onclick: () => void change('/api/step-withdraw', { stepId: step.id, reason: valueOf(`step-withdraw-reason-${step.id}`) }) }, label('withdraw')),
    );
  }
  if (step.kind === 'automated' || step.state !== 'open') return null;
  const fields = [...step.fields, ...step.optionalFields];
  const skip = el(
    'select',
    { id: `step-skip-${step.id}` },
    el('option', { value: '' }, label('stepDone')),
    ...step.skipReasons.map((reason) => el('option', { value: reason.id }, `${label('skipFor')}: ${reason.title}`)),
  );
  const files = el('input', { id: `step-files-${step.id}`, type: 'file', multiple: true });
  const record = () => {
    const skipReason = valueOf(`step-skip-${step.id}`);
    const values = Object.fromEntries(fields.map((field) => [field, valueOf(`step-field-${step.id}-${field}`)]));
    const body = uploads(files.files).then((attached) => ({ stepId: step.id, note: valueOf(`step-note-${step.id}`), fields: values, files: attached, ...expertField(`step-expert-${step.id}`), ...(skipReason !== '' ? { skipReason, decidedBy: valueOf(`step-decided-by-${step.id}`) } : {}) }));
    void change('/api/step', body);
  };
  return el(
    'div',
    { class: 'step-form' },
    el('input', { id: `step-note-${step.id}`, type: 'text', placeholder: label('stepNote') }),
    ...fields.map((field) => el('label', {}, `${codeLabel('field', field)}${step.fields.includes(field) ? ' *' : ''} `, el('input', { id: `step-field-${step.id}-${field}`, type: 'text' }))),
    step.skipReasons.length > 0 ? skip : null,
    step.skipReasons.some((reason) => reason.named) ? el('input', { id: `step-decided-by-${step.id}`, type: 'text', placeholder: label('decidedBy') }) : null,
    el('label', {}, `${fill(label('attachFiles'), { limit: state.session?.attachmentMiB ?? '' })} `, files),
    expertChoice(`step-expert-${step.id}`),
    el('button', { type: 'button', id: `step-record-${step.id}`, onclick: record }, label('recordStep')),
  );
}

/** The files chosen in a file field, each as its name and bytes in base64 (the server stores them under their hash). */
async function uploads(list: FileList | null): Promise<{ name: string; base64: string }[]> {
  return Promise.all(
    [...(list ?? [])].map(async (file) => {
      const bytes = new Uint8Array(await file.arrayBuffer());
      let binary = '';
      for (let at = 0; at < bytes.length; at += 0x8000) binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
      return { name: file.name, base64: btoa(binary) };
    }),
  );
}

function stepRow(step: ProcedureStep): HTMLElement {
  const attached = step.record && step.record.files.length > 0 ? `${label('attached')}: ${step.record.files.map((file) => `${file.originalName} (SHA-256 ${file.sha256.slice(0, 12)}…)`).join(', ')}` : '';
  const recorded = step.record ? [step.record.note, ...Object.entries(step.record.fields).map(([name, value]) => `${codeLabel('field', name)}: ${value}`), attached].filter((part) => part !== '').join(' · ') : '';
  return el(
    'tr',
    { class: step.state, id: `step-${step.id}` },
    el('td', {}, step.number),
    el('td', {}, step.title, step.requiredForFinal ? ' *' : ''),
    el('td', { class: 'state' }, stateName(step)),
    el('td', {}, step.actor ?? '', recorded !== '' ? el('small', {}, ` — ${recorded}`) : null),
    el('td', {}, stepAction(step)),
  );
}

/** A question with the guard's result, the decision on it, and the form to decide (or change the decision). */
function questionItem(question: Question): HTMLElement {
  const decision = el(
    'select',
    { id: `question-decision-${question.id}` },
    ...(['answered', 'reformulated', 'declined'] as const).map((status) => el('option', { value: status, selected: status === question.disposition }, label(keyOf('disposition', status)))),
  );
  const decide = () => {
    const status = valueOf(`question-decision-${question.id}`);
    const text = valueOf(`question-text-${question.id}`);
    const disposition =
      status === 'reformulated'
        ? { status, reformulation: text, consent: { reference: valueOf(`question-consent-ref-${question.id}`), date: valueOf(`question-consent-date-${question.id}`) } }
        : status === 'declined'
          ? { status, reason: text }
          : { status };
    void change('/api/question', { questionId: question.id, disposition });
  };
  const dispositionName = label(keyOf('disposition', question.disposition));
  return el(
    'li',
    { id: `question-${question.id}` },
    el('b', {}, question.id),
    ' ',
    question.text,
    ' — ',
    el('span', { class: 'disposition' }, dispositionName, question.detail !== undefined ? `: ${question.detail}` : ''),
    question.flagged ? el('span', { class: 'flag' }, ` ⚠ ${label('guardFlagged')}: ${question.guardMatches.join(', ')}`) : null,
    question.answerLegalWording.length > 0 ? el('span', { class: 'flag' }, ` ⚠ ${question.answerLegalWording.join(', ')}`) : null,
    el(
      'div',
      { class: 'step-form' },
      decision,
      el('input', { id: `question-text-${question.id}`, type: 'text', placeholder: label('questionText') }),
      el('input', { id: `question-consent-ref-${question.id}`, type: 'text', placeholder: label('consentRef') }),
      el('input', { id: `question-consent-date-${question.id}`, type: 'text', placeholder: label('consentDate') }),
      el('button', { type: 'button', id: `question-decide-${question.id}`, onclick: decide }, label('decideQuestion')),
    ),
    el(
      'div',
      { class: 'step-form' },
      el('textarea', { id: `question-answer-${question.id}`, rows: 3, cols: 80, placeholder: label('answer'), value: question.answer ?? '' }),
      expertChoice(`question-expert-${question.id}`),
      el('button', { type: 'button', id: `question-answer-save-${question.id}`, onclick: () => void change('/api/answer', { questionId: question.id, text: valueOf(`question-answer-${question.id}`), ...expertField(`question-expert-${question.id}`) }) }, label('recordAnswer')),
      question.answerSha256 !== undefined ? el('small', { class: 'answer-recorded' }, `${label('answerRecorded')} ${question.answerSha256}`) : null,
    ),
    overrideForm(question),
  );
}

/** The legal wording the guard found in an answer: kept with the reason given, or a form to keep it (`soz question override`). */
function overrideForm(question: Question): HTMLElement | null {
  if (question.answerOverride !== undefined) return el('p', { class: 'note', id: `question-kept-${question.id}` }, `${label('answerKept')}: ${question.answerOverride}`);
  if (question.answerLegalWording.length === 0) return null;
  return el(
    'div',
    { class: 'step-form' },
    el('input', { id: `question-override-reason-${question.id}`, type: 'text', size: 60, placeholder: label('overrideReason') }),
    el('button', { type: 'button', id: `question-override-${question.id}`, onclick: () => void change('/api/answer-override', { questionId: question.id, reason: valueOf(`question-override-reason-${question.id}`) }) }, label('overrideAnswer')),
  );
}

/** One expert: who, acknowledgement and signature, with the forms of their own acts. */
function expertRow(expert: Expert, specialities: Procedure['specialities'], joint: boolean): HTMLElement {
  const speciality = specialities.find((candidate) => candidate.value === expert.speciality)?.name ?? expert.speciality;
  const act = (kind: 'acknowledge' | 'sign', placeholder: string) =>
    el(
      'div',
      { class: 'step-form' },
      el('input', { id: `expert-${kind}-note-${expert.id}`, type: 'text', placeholder: label(placeholder) }),
      el('button', { type: 'button', id: `expert-${kind}-${expert.id}`, onclick: () => void change(`/api/expert-${kind}`, { expertId: expert.id, note: valueOf(`expert-${kind}-note-${expert.id}`) }) }, label(kind)),
    );
  return el(
    'tr',
    { id: `expert-${expert.id}` },
    el('td', {}, expert.id),
    el('td', {}, `${expert.name}, ${speciality}; ${expert.qualification}; ${expert.experienceYears}; ${expert.institution}`),
    el('td', { class: 'state' }, expert.acknowledgement !== undefined ? `${label('acknowledged')}: ${expert.acknowledgement}` : act('acknowledge', 'acknowledgeNote')),
    el('td', { class: `signature ${expert.signature}` }, label(keyOf('signature', expert.signature)), expert.signature === 'current' ? null : act('sign', 'signNote')),
    el(
      'td',
      {},
      joint
        ? el(
            'div',
            { class: 'step-form' },
            el('input', { id: `expert-dissent-${expert.id}`, type: 'text', placeholder: label('dissentText') }),
            el('button', { type: 'button', id: `expert-dissent-record-${expert.id}`, onclick: () => void change('/api/dissent', { expertId: expert.id, text: valueOf(`expert-dissent-${expert.id}`) }) }, label('recordDissent')),
          )
        : null,
    ),
  );
}

/** The experts, the form to add one, and the joint section with its dissents (`soz expert …`, `soz sop joint|dissent`). */
function expertsSection(procedure: Procedure): Child[] {
  const field = (id: string, placeholder: string) => el('input', { id, type: 'text', placeholder: label(placeholder) });
  const add = () =>
    void change('/api/expert-add', { name: valueOf('expert-name'), speciality: valueOf('expert-speciality'), qualification: valueOf('expert-qualification'), experience: valueOf('expert-experience'), institution: valueOf('expert-institution') });
  const joint = procedure.joint;
  return [
    el('table', { id: 'experts' }, el('tbody', {}, ...procedure.experts.map((expert) => expertRow(expert, procedure.specialities, joint !== null)))),
    el(
      'div',
      { class: 'step-form' },
      field('expert-name', 'expertName'),
      el('select', { id: 'expert-speciality' }, ...procedure.specialities.map((speciality) => el('option', { value: speciality.value }, speciality.name))),
      field('expert-qualification', 'qualification'),
      field('expert-experience', 'experienceYears'),
      field('expert-institution', 'institution'),
      el('button', { type: 'button', id: 'expert-add', onclick: add }, label('addExpert')),
    ),
    el('h3', {}, label('joint')),
    joint ? el('p', { id: 'joint-conclusions' }, joint.conclusions) : null,
    ...(joint?.dissents ?? []).map((dissent) => el('p', { class: 'dissent' }, `${dissent.expertId}: ${dissent.text}`)),
    el(
      'div',
      { class: 'step-form' },
      el('textarea', { id: 'joint-text', rows: 2, cols: 80, placeholder: label('jointConclusions'), value: joint?.conclusions ?? '' }),
      el('button', { type: 'button', id: 'joint-record', onclick: () => void change('/api/joint', { conclusions: valueOf('joint-text') }) }, label('recordJoint')),
    ),
  ];
}

/**
 * The Rabat worksheets (`soz sop rabat`): each with its findings and the facts of every part, the
 * accepted findings none covers, and the form for one statement (its findings ticked, the four parts).
 */
function rabatSection(rabat: Procedure['rabat']): Child[] {
  const uncovered = new Set(rabat.uncovered);
  const record = () => {
    const findingIds = rabat.accepted.filter((id) => (document.getElementById(`rabat-finding-${id}`) as HTMLInputElement | null)?.checked === true);
    void change('/api/rabat', { findingIds, parts: Object.fromEntries(rabat.parts.map((part) => [part.key, valueOf(`rabat-${part.key}`)])) });
  };
  return [
    el('p', { class: 'note' }, rabat.intro),
    ...rabat.worksheets.map((sheet) => el('dl', { class: 'rabat-sheet' }, el('dt', {}, label('rabatFindings')), el('dd', {}, sheet.findingIds.join(', ')), ...rabat.parts.flatMap((part) => [el('dt', {}, part.name), el('dd', {}, sheet.parts[part.key] ?? '')]))),
    rabat.uncovered.length > 0 ? el('p', { id: 'rabat-uncovered', class: 'flag' }, `${label('rabatUncovered')}: ${rabat.uncovered.join(', ')}`) : null,
    el(
      'div',
      { class: 'step-form', id: 'rabat-form' },
      el('span', {}, `${label('rabatFindings')}: `),
      ...rabat.accepted.map((id) => el('label', {}, el('input', { type: 'checkbox', id: `rabat-finding-${id}`, checked: uncovered.has(id) }), ` ${id} `)),
    ),
    el('div', { class: 'step-form' }, ...rabat.parts.map((part) => el('label', {}, `${part.name} `, el('textarea', { id: `rabat-${part.key}`, rows: 2, cols: 40 })))),
    el('button', { type: 'button', id: 'rabat-record', onclick: record }, label('recordRabat')),
  ];
}

/** The label key of a fact: `groundsDate` → `factGroundsDate`. */
const factLabel = (fact: CaseFact): string => label(keyOf('fact', fact.key));

/** A fact of the introductory part: a choice, a date or a text, with what is recorded. */
function factField(fact: CaseFact): HTMLElement {
  const id = `fact-${fact.key}`;
  const field = fact.choices
    ? el('select', { id }, el('option', { value: '' }, '—'), ...fact.choices.map((choice) => el('option', { value: choice.value, selected: choice.value === fact.value }, choice.name)))
    : fact.key === 'materials' || fact.key === 'packaging' || fact.key === 'circumstances'
      ? el('textarea', { id, rows: 2, cols: 60, value: fact.value ?? '' })
      : el('input', { id, type: 'text', value: fact.value ?? '', placeholder: fact.date ? label('datePlaceholder') : '' });
  return el('tr', {}, el('td', {}, factLabel(fact), fact.required ? ' *' : ''), el('td', {}, field), el('td', { class: 'note' }, fact.value === undefined ? label('notRecorded') : ''));
}

/** The introductory part's facts and the form to record them (`soz case set`). */
function factsForm(facts: readonly CaseFact[]): HTMLElement[] {
  const record = () => void change('/api/case-facts', { facts: Object.fromEntries(facts.map((fact) => [fact.key, valueOf(`fact-${fact.key}`)])) });
  return [
    el('p', { class: 'note' }, label('factsHint')),
    el('table', { id: 'facts' }, el('tbody', {}, ...facts.map(factField))),
    el('button', { type: 'button', id: 'facts-record', onclick: record }, label('recordFacts')),
  ];
}

/** The items with the relation of the person concerned and the form to record it (the context step needs one per item). */
function itemRows(procedure: Procedure): HTMLElement {
  return el(
    'table',
    { id: 'items' },
    el(
      'tbody',
      {},
      ...procedure.items.map((item, index) =>
        el(
          'tr',
          { 'data-sha256': item.sha256 },
          el('td', {}, item.name),
          el('td', { class: 'relation' }, item.relation !== undefined ? label(keyOf('relation', item.relation)) : '—', item.note !== undefined ? ` (${item.note})` : ''),
          el(
            'td',
            {},
            el('select', { id: `item-relation-${index}` }, ...procedure.relations.map((relation) => el('option', { value: relation, selected: relation === item.relation }, label(keyOf('relation', relation))))),
            el('input', { id: `item-note-${index}`, type: 'text', placeholder: label('relationNote') }),
            el('button', { type: 'button', id: `item-relate-${index}`, onclick: () => void change('/api/relate', { item: item.sha256, relation: valueOf(`item-relation-${index}`), note: valueOf(`item-note-${index}`) }) }, label('recordRelation')),
          ),
        ),
      ),
    ),
  );
}

/** The procedure tab, read from the case. */
export async function renderProcedure(): Promise<void> {
  const procedure = await get<Procedure>('/api/procedure');
  experts = procedure.experts;
  replace(
    main,
    el('h2', {}, label('steps'), ` (${procedure.procedure})`),
    el('p', { class: 'note' }, label('stepsHint')),
    el('table', { id: 'steps' }, el('tbody', {}, ...procedure.steps.map(stepRow))),
    el('h2', {}, label('questions')),
    el('ol', { id: 'questions' }, ...procedure.questions.map(questionItem)),
    el(
      'div',
      { class: 'step-form' },
      el('input', { id: 'question-new', type: 'text', size: 80, placeholder: label('questionNew') }),
      el('button', { type: 'button', id: 'question-add', onclick: () => void change('/api/question-add', { text: valueOf('question-new') }) }, label('addQuestion')),
    ),
    el('h2', {}, label('intro')),
    ...factsForm(procedure.facts),
    el('h2', {}, procedure.rabat.heading),
    ...rabatSection(procedure.rabat),
    el('h2', {}, label('experts')),
    ...expertsSection(procedure),
    el('h2', {}, label('items')),
    itemRows(procedure),
    el('h2', {}, label('blocksFinal')),
    procedure.blocksFinal.length === 0 ? el('p', { id: 'blocks' }, label('nothingBlocks')) : el('ul', { id: 'blocks' }, ...procedure.blocksFinal.map((problem) => el('li', {}, problem))),
  );
}
