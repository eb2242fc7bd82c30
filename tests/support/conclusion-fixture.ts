/**
 * A small fixed conclusion built by hand (fictional case, one message with four candidates), so
 * that other data files changing does not move the golden files or the report-row tests.
 */
import type { ReportLanguage, RunManifest } from '../../src/core/case.js';
import type { Finding } from '../../src/core/finding.js';
import type { CompareResult } from '../../src/core/known-material.js';
import type { SozDocument } from '../../src/core/document.js';
import { DOCUMENT_SCHEMA } from '../../src/core/document.js';
import type { SopStepRecord } from '../../src/core/examiner.js';
import type { ConclusionInputs, ConclusionModel } from '../../src/report/model.js';
import { assembleConclusion } from '../../src/report/model.js';
import { sopStatus } from '../../src/sop/engine.js';
import { loadLiability, loadProcedure } from '../../src/sop/data.js';
const hex = (c: string) => c.repeat(64);
const place = { documentId: 'doc1', evidenceSha256: hex('a'), evidenceName: 'post|1.txt', segmentId: 'm7', part: 'body' as const, line: 2, column: 5, messageId: '7' };
const findings: Finding[] = [
  { id: 'F000000000001', analysis: 'indicators', ruleId: 'ru.call.1', category: 'call-to-action', reason: 'Imperative verb form', subcategory: 'imperative', place: { ...place, range: [10, 15] }, actual: 'идите', context: { left: 'Все <b>*', right: '* на площадь' }, voice: 'own', countervailing: ['question'], note: 'Imperative of a motion verb; read the addressee.', matched: { form: 'идите', rule: 'lemma идти' }, unit: 'doc1#7', citation: { lexicon: 'ru/call-to-action', lexiconVersion: '1.0.0', entryId: 'call.1', source: 'fictional' } },
  { id: 'F000000000002', analysis: 'indicators', ruleId: 'ru.group.1', category: 'group-designation', reason: 'Group designation', place: { ...place, range: [30, 36] }, actual: 'соседи', context: { left: 'наши ', right: ' | всегда' }, author: 'Holder H. (fictional)', originalAuthor: 'Channel C (fictional)', voice: 'forwarded', countervailing: ['forwarded'], mainstreamMeaning: 'neighbours' },
  { id: 'F000000000003', analysis: 'indicators', ruleId: 'ru.viol.1', category: 'violence', reason: 'Violence term', subcategory: 'act', place: { ...place, range: [40, 45] }, actual: 'драка', context: { left: 'была ', right: ' вчера' }, voice: 'reported', countervailing: ['reported'] },
];
/** `text` padded with spaces so that each word starts at its offset (fictional text). */
function textWith(words: readonly (readonly [number, string])[], length: number): string {
  let text = '';
  for (const [at, word] of words) text = text.padEnd(at, ' ') + word;
  return text.padEnd(length, ' ');
}
/** The derived document the findings lie in: one message, segment m7. */
const document: SozDocument = {
  schema: DOCUMENT_SCHEMA,
  id: 'doc1',
  evidenceSha256: hex('a'),
  evidenceName: 'post|1.txt',
  format: 'text',
  text: textWith([[0, 'Все'], [10, 'идите'], [16, 'на площадь'], [30, 'соседи'], [40, 'драка'], [46, 'во'], [50, 'двор'], [55, '🙄']], 60),
  segments: [{ id: 'm7', range: [0, 60], anchor: { evidenceSha256: hex('a'), part: 'body', messageId: '7' } }],
  notices: [],
  properties: {},
};
/** A fragment the examiner added (`analysis: examiner`), in the recorded variant only. */
const added: Finding = { id: 'F000000000004', analysis: 'examiner', ruleId: 'examiner.place', category: 'place', reason: 'Meeting place named', place: { ...place, range: [50, 54] }, actual: 'двор', context: { left: 'во ', right: ' в шесть' }, voice: 'own', countervailing: [] };
/** A passage found reproducing a fictional library item (`soz compare`), in the recorded variant only. */
const knownFinding: Finding = {
  id: 'F000000000005',
  analysis: 'compare',
  ruleId: 'library:eeeeeeeeeeee',
  category: 'known-material',
  reason: 'Passage reproduces leaflet <7>.pdf [120, 141)',
  place: { ...place, range: [0, 26] },
  actual: 'Все идите на площадь',
  context: { left: '', right: ' соседи' },
  voice: 'unknown',
  countervailing: [],
  citation: { lexicon: 'Fictional list of decided material', lexiconVersion: 'Fictional Court No. 9, 2024-02-29 No. 9-77/2024', entryId: '412', source: `leaflet <7>.pdf (SHA-256 ${hex('e')})` },
};
const comparison: CompareResult = {
  schema: 'soz.compare/2',
  libraryHead: hex('f'),
  libraryItems: 3,
  parameters: { k: 5, w: 4, minWords: 40 },
  documents: [{ documentId: 'doc1', evidenceName: 'post|1.txt', words: 8, matches: 1, share: 0.5, items: [{ itemSha256: hex('e'), libraryDocumentId: 'lib1', itemShare: 0.125, documentShare: 0.5 }] }],
  matches: [
    {
      findingId: knownFinding.id,
      evidence: { documentId: 'doc1', evidenceName: 'post|1.txt', evidenceSha256: hex('a'), range: [0, 26], words: [0, 4], share: 0.5, anchor: { evidenceSha256: hex('a'), part: 'body', messageId: '7' }, text: 'Все ⟦идите⟧ на | площадь ⟦<b>⟧' },
      library: { documentId: 'lib1', itemSha256: hex('e'), originalName: 'leaflet <7>.pdf', range: [120, 141], words: [30, 34], share: 0.125, text: 'Все ⟦пойдёмте⟧ на площадь', provenance: { court: 'Fictional Court No. 9', decisionDate: '2024-02-29', decisionNumber: '9-77/2024', list: 'Fictional list of decided material', entry: '412', language: 'ru', notes: '' } },
      sameWords: 3,
      differingWords: 3,
    },
  ],
  findings: [knownFinding],
};
const manifest: RunManifest = {
  schema: 'soz.manifest/1',
  tool: { name: 'soz', version: '9.9.9' },
  runtime: { node: 'v20.0.0' },
  lockfileSha256: hex('b'),
  dependencies: { franc: '6.2.0' },
  data: [{ path: 'sop/procedure.yaml', sha256: hex('c') }],
  parameters: {},
  inputs: [{ path: `evidence/${hex('a')}.txt`, sha256: hex('a') }],
  outputs: [{ path: 'derived/documents/doc1.json', sha256: hex('d') }],
};

/**
 * `draft`: an early case. `recorded`: the same with the acknowledgement, a named and warned
 * translator, a question reformulated with consent and an answer whose legal wording the examiner
 * kept with a reason — the branches of the liability block and the conclusions.
 */
export type Variant = 'draft' | 'recorded';

export function conclusionFixture(language: ReportLanguage, variant: Variant): ConclusionModel {
  return assembleConclusion(conclusionFixtureInputs(language, variant));
}

/** The records the fixture's conclusion is assembled from. */
export function conclusionFixtureInputs(language: ReportLanguage, variant: Variant): ConclusionInputs {
  const procedure = loadProcedure();
  const recorded = variant === 'recorded';
  const log = [
    { seq: 1, time: '2026-01-01T00:00:00.000Z', actor: 'Examiner X', action: 'evidence.add', inputs: [], outputs: [], details: {}, previousHash: '', hash: '' },
    { seq: 2, time: '2026-01-01T00:00:00.000Z', actor: 'Examiner X', action: 'analysis.run', inputs: [], outputs: [], details: {}, previousHash: '', hash: '' },
    { seq: 3, time: '2026-01-01T00:00:00.000Z', actor: 'Examiner X', action: 'sop.record', inputs: [], outputs: [], details: { stepId: 'register-order' }, previousHash: '', hash: '' },
    { seq: 4, time: '2026-01-01T00:00:00.000Z', actor: 'Examiner X', action: 'sop.record', inputs: [], outputs: [], details: { stepId: 'language' }, previousHash: '', hash: '' },
    { seq: 5, time: '2026-01-02T00:00:00.000Z', actor: 'Examiner X', action: 'sop.record', inputs: [], outputs: [], details: { stepId: 'packaging' }, previousHash: '', hash: '' },
    ...(recorded ? [{ seq: 6, time: '2026-01-02T00:00:00.000Z', actor: 'Examiner X', action: 'sop.record', inputs: [], outputs: [], details: { stepId: 'acknowledgement' }, previousHash: '', hash: '' }] : []),
    ...(recorded
      ? [
          ['case.set', {}],
          ['expert.acknowledge', { expertId: 'E1' }],
          ['expert.joint', {}],
          ['expert.dissent', { expertId: 'E2' }],
          ['expert.sign', { expertId: 'E1' }],
        ].map(([action, details], index) => ({ seq: 7 + index, time: '2026-01-03T00:00:00.000Z', actor: 'Examiner X', action: action as string, inputs: [], outputs: [], details: details as Record<string, unknown>, previousHash: '', hash: '' }))
      : []),
  ];
  const records: SopStepRecord[] = [
    { stepId: 'register-order', status: 'done', note: 'Order No. 7 of 2026-03-02', fields: {}, files: [{ path: `examiner/files/${hex('e')}.pdf`, sha256: hex('e'), originalName: 'order.pdf' }], actor: 'Examiner X' },
    { stepId: 'packaging', status: 'skipped', note: 'Files received by e-mail', fields: {}, files: [], actor: 'Examiner X', skip: { reasonId: 'received-electronically', decidedBy: 'Examiner X' } },
    { stepId: 'language', status: 'done', note: 'Russian text', fields: recorded ? { translator: 'Translator T. (fictional)', translatorWarning: 'signed warning of 2026-03-10' } : { translator: '-' }, files: [], actor: 'Examiner X' },
    ...(recorded ? [{ stepId: 'acknowledgement', status: 'done' as const, note: 'Signed', fields: { institution: 'Centre (fictional)', qualification: 'linguist', experience: '9 years', place: 'Osh' }, files: [], actor: 'Examiner X' }] : []),
  ];
  return {
    language,
    final: false,
    metadata: { schema: 'soz.case/1', caseNumber: 'GOLD-1', orderingBody: 'Investigations <Unit>', orderDate: '2026-03-02', examiner: 'Examiner X', examinationDate: '2026-03-10', reportLanguage: language },
    evidence: [{ sha256: hex('a'), md5: '0'.repeat(32), size: 120, originalName: 'post|1.txt', mediaType: 'text/plain', copy: `evidence/${hex('a')}.txt` }],
    documents: [{ doc: { id: document.id, evidenceSha256: document.evidenceSha256, evidenceName: document.evidenceName, format: document.format, schema: document.schema, notices: document.notices, properties: document.properties, segmentCount: document.segments.length }, sha256: hex('d') }],
    documentText: (documentId) => (documentId === document.id ? document : undefined),
    overview: null,
    analyses: [{ analysis: 'indicators', version: '1.0.0', findings: 3 }],
    selection: { filterText: 'role=authored; since=2026-01-01', considered: 40, kept: 31, byAuthor: 0, byRole: 6, outsideDates: 3, unknownTime: 1 },
    profileRows: null,
    manifest,
    manifestSha256: hex('f'),
    recordHead: { entries: 41, hash: hex('8') },
    procedure: { id: procedure.id, version: procedure.version, title: procedure.title, file: { path: 'sop/procedure.yaml', sha256: hex('c') }, skipReasons: procedure.skipReasons },
    liability: { data: loadLiability(), file: { path: 'sop/liability.yaml', sha256: hex('7') } },
    templates: [],
    statuses: sopStatus(procedure, log, records),
    questions: [
      { id: 'Q1', text: 'Является ли текст экстремистским?', language: 'ru', guard: { flagged: true, guardVersions: { ru: '1.0.0' }, matches: [{ patternId: 'ru.extremist', reason: 'Правовая квалификация.', matched: 'экстремистским', range: [19, 33], sources: ['src'] }], suggestions: ['Имеются ли побудительные высказывания?'] }, disposition: { status: 'declined', reason: 'A matter for the court' } },
      {
        id: 'Q2',
        text: 'Кому адресован текст?',
        language: 'ru',
        guard: { flagged: false, guardVersions: { ru: '1.0.0' }, matches: [], suggestions: [] },
        disposition: { status: 'answered' },
        ...(recorded ? { answerOverride: { answerSha256: hex('9'), reason: 'The order quotes the term; the answer rejects it', actor: 'Examiner X' } } : {}),
      },
      {
        id: 'Q3',
        text: 'What speech acts are performed?',
        language: 'en',
        guard: { flagged: false, guardVersions: { en: '1.0.0' }, matches: [], suggestions: [] },
        disposition: recorded ? { status: 'reformulated', reformulation: 'Which speech acts does the text perform, addressed to whom?', consent: { reference: '№ 12/345', date: '2026-03-05' } } : { status: 'open' },
      },
    ],
    answers: { Q2: { path: 'examiner/answers/Q2.md', sha256: hex('9'), text: 'The text addresses *neighbours*.\n\n<script>not run</script>\n', legalWording: recorded ? [{ patternId: 'en.extremist', reason: 'Legal qualification.', matched: 'extremist', range: [0, 9], sources: ['src'] }] : [] } },
    findings: recorded ? [...findings, added, knownFinding] : findings,
    comparison: recorded ? comparison : null,
    // A fictional run whose trigram table passed the cap (recorded) and one that never came near it (draft).
    ngramCap: recorded ? { cap: 2_000_000, reached: [{ n: 3, atOrBelow: 2 }] } : { cap: 2_000_000, reached: [] },
    labList: recorded ? { name: 'Fictional training list', version: '1.0.0', updated: '2026-03-01', sha256: hex('7'), entries: 2, names: { ru: 2, ky: 1, 'uz-Cyrl': 0, 'uz-Latn': 1, kk: 1, en: 2, abbreviation: 1 } } : null,
    rabat: recorded ? [{ findingIds: ['F000000000001', 'F000000000004'], parts: { context: 'Residents\' chat', speaker: 'A neighbour', intent: 'To call a meeting', contentForm: 'Invitation', extent: '40 members', likelihood: 'None stated' }, actor: 'Examiner X' }] : [],
    // Recorded: a complex expertise by two fictional experts; E1 acknowledged and signed, E2 dissents and has done neither.
    experts: recorded
      ? {
          experts: [
            { id: 'E1', name: 'Linguist L. (fictional)', speciality: 'linguist' as const, qualification: 'PhD, certificate № 1', experienceYears: 9, institution: 'Centre (fictional)', acknowledgement: { note: 'Signed warning of 2026-03-10' }, signature: { partDigest: hex('5'), note: '' } },
            { id: 'E2', name: 'Psychologist P. (fictional)', speciality: 'psychologist' as const, qualification: 'certificate № 2', experienceYears: 4, institution: 'Centre (fictional)' },
          ],
          joint: { conclusions: 'The text invites neighbours to a meeting.', dissents: [{ expertId: 'E2', text: 'The invitation is also a reproach.' }] },
        }
      : { experts: [], joint: null },
    caseFacts: recorded ? { kind: 'first' as const, form: 'complex' as const, groundsType: 'decision' as const, groundsNumber: '7', receivedDate: '2026-03-03', startDate: '2026-03-04', endDate: '2026-03-10', materials: 'One text file | on a USB stick', packaging: 'Envelope sealed, seal intact', circumstances: 'A post in a residents\' chat (fictional).' } : {},
    expertDigests: { E1: hex('5'), E2: hex('6') },
    log,
    itemRelations: recorded ? [{ evidenceSha256: hex('a'), relation: 'forwarded' as const, note: 'The export names the channel it came from', actor: 'Examiner X' }] : [],
    persons: recorded
      ? [
          { id: 'P1', name: 'Subject S. (fictional)', handles: ['subj_s'], note: 'The order names the account', actor: 'Examiner X' },
          { id: 'P2', name: 'Neighbour N. (fictional)', handles: ['+996 000 000'], note: 'Phone book of the seized phone', actor: 'Examiner X' },
        ]
      : [],
    personRelations: recorded
      ? [
          { personId: 'P1', relation: 'reacted' as const, documentId: 'doc1', evidenceName: 'post|1.txt', evidenceSha256: hex('a'), messageId: '7', by: 'data' as const, basis: { kind: 'reaction' as const, values: { party: 'subj_s', emoji: '👍', message: '7' } } },
          { personId: 'P1', relation: 'recipient' as const, documentId: 'doc1', evidenceName: 'post|1.txt', evidenceSha256: hex('a'), by: 'data' as const, basis: { kind: 'memberListed' as const, values: { chat: 'Friends | *fictional*', party: 'subj_s' } } },
          { personId: 'P2', relation: 'author' as const, documentId: 'doc1', evidenceName: 'post|1.txt', evidenceSha256: hex('a'), messageId: '7', by: 'examiner' as const, reason: 'The seizure protocol names the phone as theirs', actor: 'Examiner X' },
        ]
      : [],
    decisions: [
      { findingId: 'F000000000001', decision: 'accepted', reason: 'Direct address', questionIds: ['Q2'], actor: 'Examiner X', voice: 'quotation', voiceReason: 'Inside the marks of a cited post' },
      { findingId: 'F000000000002', decision: 'rejected', reason: 'Forwarded, ordinary meaning', questionIds: [], actor: 'Examiner X' },
      ...(recorded ? [{ findingId: added.id, decision: 'accepted' as const, reason: 'Named meeting place', questionIds: ['Q2'], actor: 'Examiner X' }] : []),
      ...(recorded ? [{ findingId: knownFinding.id, decision: 'accepted' as const, reason: 'Retyped from the leaflet, one word changed', questionIds: [], actor: 'Examiner X' }] : []),
    ],
  };
}
