import { describe, expect, it } from 'vitest';
import type { SozDocument } from '../core/document.js';
import type { QuestionRecord, ReviewDecision, SopStepRecord } from '../core/examiner.js';
import type { Finding, Voice } from '../core/finding.js';
import { findingId } from '../core/finding.js';
import { gradePractice, scoreText } from './grade.js';
import type { TraineeWork } from './grade.js';
import { escapeHtml, feedbackHtml } from './feedback.js';
import { locateKeyItem, rangesOverlap } from './locate.js';
import type { PracticeCase, PracticeKey } from './schema.js';
import { caseKeyProblems, parsePracticeCase, parsePracticeKey } from './schema.js';

const SHA = 'a'.repeat(64);
const TEXT = 'Alpha says: we should fence the well. Beta wrote "burn it" in a novel. I do not hate anyone. Pray and fight your pride.';

function doc(): SozDocument {
  return {
    schema: 'soz.document/1',
    id: SHA.slice(0, 16),
    evidenceSha256: SHA,
    evidenceName: 'notes.txt',
    format: 'text',
    text: TEXT,
    segments: [{ id: 'p0', range: [0, TEXT.length], anchor: { evidenceSha256: SHA, part: 'body', paragraph: 0 } }],
    notices: [],
    properties: {},
  };
}

function finding(actual: string, voice: Voice = 'own'): Finding {
  const start = TEXT.indexOf(actual);
  const range = [start, start + actual.length] as const;
  return {
    id: findingId('test', 'rule', SHA.slice(0, 16), range),
    analysis: 'test',
    ruleId: 'rule',
    category: 'call-to-action',
    reason: 'test candidate',
    place: { documentId: SHA.slice(0, 16), evidenceSha256: SHA, evidenceName: 'notes.txt', segmentId: 'p0', part: 'body', range, line: 1, column: start + 1 },
    actual,
    context: { left: '', right: '' },
    voice,
    countervailing: [],
  };
}

const practiceCase: PracticeCase = parsePracticeCase(
  `id: unit
title: Unit case
languages: [en]
subject: Alpha
caseNumber: U-1
orderingBody: Fictional body
orderDate: "2026-01-01"
examiner: Trainee
examinationDate: "2026-01-02"
reportLanguage: en
questions:
  - { id: Q1, language: en, text: "Does Alpha urge any action?" }
  - { id: Q2, language: en, text: "Is Alpha guilty?" }
`,
  'unit case.yaml',
);

const key: PracticeKey = parsePracticeKey(
  `caseId: unit
questions:
  - { id: Q1, legal: false, note: linguistic }
  - { id: Q2, legal: true, note: guilt is for the court }
fragments:
  - { id: K1, material: notes.txt, quote: "we should fence the well", questions: [Q1], voice: own, note: own call }
traps:
  - { id: T1, type: quotation, material: notes.txt, quote: "burn it", questions: [Q1], voice: quotation, expected: attribute, note: a novel }
  - { id: T2, type: negated, material: notes.txt, quote: "I do not hate anyone", voice: own, expected: reject, note: negation }
sop:
  - { stepId: competence, note: Q2 }
  - { stepId: context, note: context }
`,
  'unit key.yaml',
);

const question = (id: string, text: string, disposition: QuestionRecord['disposition'], flagged = false): QuestionRecord => ({
  id,
  text,
  language: 'en',
  guard: { flagged, guardVersions: {}, matches: [], suggestions: [] },
  disposition,
});
const decision = (f: Finding, accepted: boolean, questionIds: string[], voice?: Voice, reason = 'because'): ReviewDecision => ({
  findingId: f.id,
  decision: accepted ? 'accepted' : 'rejected',
  reason,
  questionIds,
  ...(voice ? { voice } : {}),
  actor: 'trainee',
});
const step = (stepId: string, status: 'done' | 'skipped'): SopStepRecord => ({ stepId, status, note: status === 'skipped' ? 'no time' : 'done', fields: {}, files: [], actor: 'trainee' });

const FINDINGS = [finding('fence the well'), finding('burn it'), finding('do not hate'), finding('fight your pride')];
const [fence, burn, hate, pride] = FINDINGS as [Finding, Finding, Finding, Finding];

describe('practice grading (pure)', () => {
  it('gives full marks and ok items to a trainee who does what the key expects', () => {
    const work: TraineeWork = {
      questions: [question('Q1', 'Does Alpha urge any action?', { status: 'answered' }), question('Q2', 'Is Alpha guilty?', { status: 'declined', reason: 'guilt is for the court' }, true)],
      reviews: [decision(fence, true, ['Q1']), decision(burn, true, ['Q1'], 'quotation'), decision(hate, false, [])],
      steps: [step('competence', 'done'), step('context', 'done')],
      answered: ['Q1'],
      relations: [],
    };
    const result = gradePractice({ practiceCase, key, documents: [doc()], findings: FINDINGS, work });
    expect(result.items.filter((item) => !item.ok)).toEqual([]);
    expect(result.items.map((item) => `${item.ref}:${item.status}`)).toEqual(['K1:found', 'T1:attributed', 'T2:avoided', 'Q1:answered', 'Q2:legal-handled', 'competence:step-done', 'context:step-done']);
    expect(result.skills).toEqual({
      locating: { earned: 1, possible: 1 },
      voice: { earned: 2, possible: 2 },
      traps: { earned: 2, possible: 2 },
      competence: { earned: 1, possible: 1 },
      answers: { earned: 1, possible: 1 },
      procedure: { earned: 2, possible: 2 },
    });
  });

  it('reports a missed fragment, a wrongly accepted trap, an unguarded legal question and a skipped step', () => {
    const work: TraineeWork = {
      questions: [question('Q1', 'Does Alpha urge any action?', { status: 'open' }), question('Q2', 'Is Alpha guilty?', { status: 'answered' })],
      reviews: [decision(fence, false, []), decision(burn, true, ['Q1']), decision(hate, true, ['Q1']), decision(pride, true, ['Q1'], undefined, ' ')],
      steps: [step('competence', 'skipped')],
      answered: [],
      relations: [],
    };
    const result = gradePractice({ practiceCase, key, documents: [doc()], findings: FINDINGS, work });
    const status = Object.fromEntries(result.items.map((item) => [item.ref, item.status]));
    expect(status).toMatchObject({ K1: 'missed', T1: 'wrongly-accepted', T2: 'wrongly-accepted', Q1: 'unanswered', Q2: 'legal-not-flagged', competence: 'step-skipped', context: 'step-missing', [pride.id]: 'no-reason' });
    expect(result.items.find((item) => item.ref === 'Q2')?.message).toContain('did not flag it');
    expect(result.skills.locating).toEqual({ earned: 0, possible: 1 });
    expect(result.skills.voice).toEqual({ earned: 0, possible: 1 });
    expect(result.skills.traps).toEqual({ earned: 0, possible: 2 });
    expect(result.skills.competence).toEqual({ earned: 0, possible: 1 });
    expect(result.skills.procedure).toEqual({ earned: 0, possible: 2 });
  });

  it('does not grade items soz raised no candidate for, and says so', () => {
    const work: TraineeWork = { questions: [], reviews: [], steps: [], answered: [], relations: [] };
    const result = gradePractice({ practiceCase, key, documents: [doc()], findings: [], work });
    expect(result.items.filter((item) => item.kind === 'fragment' || item.kind === 'trap').map((item) => item.status)).toEqual(['no-candidate', 'no-candidate', 'no-candidate']);
    expect(scoreText(result.skills.locating)).toBe('n/a');
    expect(result.items.filter((item) => item.kind === 'question').map((item) => item.status)).toEqual(['question-missing', 'question-missing']);
  });

  it('locates by quote and by message id, and reports what it cannot find', () => {
    expect(locateKeyItem({ id: 'K', material: 'notes.txt', quote: 'burn it' }, [doc()])).toEqual({ found: true, place: { documentId: SHA.slice(0, 16), evidenceName: 'notes.txt', range: [TEXT.indexOf('burn it'), TEXT.indexOf('burn it') + 7] }, occurrences: 1 });
    expect(locateKeyItem({ id: 'K', material: 'notes.txt', quote: 'absent' }, [doc()])).toMatchObject({ found: false });
    expect(locateKeyItem({ id: 'K', material: 'other.txt', quote: 'burn it' }, [doc()])).toMatchObject({ found: false });
    expect(locateKeyItem({ id: 'K', material: 'notes.txt', messageId: '5' }, [doc()])).toMatchObject({ found: false });
    expect(rangesOverlap([0, 5], [5, 9])).toBe(false);
    expect(rangesOverlap([0, 6], [5, 9])).toBe(true);
  });

  it('escapes everything in the HTML sheet and forbids scripts', () => {
    const hostile = parsePracticeCase(
      `id: unit
title: "<script>alert(1)</script>"
languages: [en]
subject: x
caseNumber: U
orderingBody: B
orderDate: "2026-01-01"
examiner: T
examinationDate: "2026-01-02"
reportLanguage: en
questions: [{ id: Q1, language: en, text: "x" }]
`,
      'hostile',
    );
    // The sheet's texts as key and values: what matters here is that every value is escaped.
    const say = (key: string, params: Readonly<Record<string, unknown>> = {}) => [key, ...Object.values(params).map(String)].join(' ');
    const html = feedbackHtml(gradePractice({ practiceCase: hostile, key: { ...key, questions: [{ id: 'Q1', legal: true, note: '<img src=x onerror=alert(1)>' }] }, documents: [doc()], findings: [], work: { questions: [], reviews: [], steps: [], answered: [], relations: [] } }), 'en', say);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain(escapeHtml('<script>alert(1)</script>'));
    expect(html).toContain("script-src 'none'");
  });
});

describe('a reaction trap passed by recording the relation', () => {
  const CHAT = 'Go away from our river. I agree.';
  const chatDoc = (): SozDocument => {
    const info = (messageId: string, name: string) => ({ platform: 'telegram' as const, chatId: 'c', chatName: 'c', messageId, author: { name }, timestamp: { iso: null, offset: 'unknown' as const, raw: '' }, role: 'authored' as const });
    return {
      ...doc(),
      evidenceName: 'result.json',
      format: 'telegram-json',
      text: CHAT,
      segments: [
        { id: 'm1', range: [0, 23], anchor: { evidenceSha256: SHA, part: 'message', messageId: '1' }, message: info('1', 'Other') },
        { id: 'm2', range: [24, CHAT.length], anchor: { evidenceSha256: SHA, part: 'message', messageId: '2' }, message: info('2', 'Alpha') },
      ],
    };
  };
  const likeKey = parsePracticeKey(
    `caseId: unit
questions:
  - { id: Q1, legal: false, note: linguistic }
  - { id: Q2, legal: true, note: guilt is for the court }
fragments: []
traps:
  - { id: T1, type: reaction, material: result.json, quote: "Go away", voice: reaction, expected: attribute, note: Alpha only liked it }
  - { id: T2, type: negated, material: result.json, quote: "I agree", voice: own, expected: reject, note: filler }
sop: []
`,
    'like key.yaml',
  );
  const reacted = (relation: 'reacted' | 'author') => ({ personId: 'P1', relation, documentId: SHA.slice(0, 16), evidenceName: 'result.json', evidenceSha256: SHA, messageId: '1', by: 'data' as const, basis: { kind: 'reaction' as const, values: { party: 'Alpha', emoji: '👍', message: '1' } } });
  const grade = (relations: TraineeWork['relations'], reviews: ReviewDecision[] = []) =>
    gradePractice({ practiceCase, key: likeKey, documents: [chatDoc()], findings: [], work: { questions: [], reviews, steps: [], answered: [], relations } }).items.find((item) => item.ref === 'T1')!;

  it('credits the trap when a person is recorded as having only reacted to its message', () => {
    expect(grade([])).toMatchObject({ status: 'no-candidate' });
    expect(grade([reacted('reacted')])).toMatchObject({ status: 'relation-recorded', ok: true, message: expect.stringMatching(/P1 recorded as reacted of message 1 \(from the export\)/) });
    expect(grade([reacted('reacted'), reacted('author')]).status).toBe('no-candidate');
  });
});

describe('practice schemas', () => {
  it('rejects a key item with both or neither of quote and messageId, and a key without a legal question', () => {
    const base = `caseId: x\nquestions: [{ id: Q1, legal: false, note: n }]\nfragments: []\nsop: []\n`;
    expect(() => parsePracticeKey(`${base}traps:\n  - { id: T1, type: ironic, material: a, voice: own, expected: reject, note: n }\n  - { id: T2, type: ironic, material: a, quote: q, messageId: "1", voice: own, expected: reject, note: n }\n`, 'k.yaml')).toThrow(/exactly one of quote or messageId[\s\S]*legal: true/);
  });

  it('rejects an unknown trap type and names the file', () => {
    expect(() => parsePracticeKey('caseId: x\nquestions: []\nfragments: []\ntraps: [{ id: T1, type: sarcasm }]\nsop: []\n', 'some/key.yaml')).toThrow(/some\/key\.yaml/);
  });

  it('finds a key that does not fit its case', () => {
    const problems = caseKeyProblems(practiceCase, { ...key, caseId: 'other', fragments: [{ ...key.fragments[0]!, material: 'missing.txt', questions: ['Q9'] }] }, ['notes.txt']);
    expect(problems.join('\n')).toMatch(/caseId other/);
    expect(problems.join('\n')).toMatch(/missing\.txt/);
    expect(problems.join('\n')).toMatch(/Q9/);
  });
});
