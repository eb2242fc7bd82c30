/** A fictional candidate as the conclusion shows it (a `FindingView`), for the report's unit tests. */
import type { FindingView } from '../../src/report/model.js';

/** A candidate of a fictional chat with nothing optional recorded; `overrides` replace members. */
export function fictionalFindingView(overrides: Partial<FindingView> = {}): FindingView {
  return {
    actual: 'слово',
    analysis: 'indicators',
    author: null,
    category: 'violence',
    citation: null,
    column: 4,
    countervailing: [],
    decisionReason: null,
    documentId: 'd1',
    evidenceName: 'chat|1.json',
    evidenceSha256: 'a'.repeat(64),
    id: 'f1',
    left: 'слева *жирно* ',
    line: 1,
    mainstreamMeaning: null,
    matched: null,
    media: null,
    messageId: '7',
    note: null,
    originalAuthor: null,
    page: null,
    questionIds: [],
    range: [3, 9],
    reason: 'r',
    right: ' справа\nстрока',
    ruleId: 'ru.violence.kill',
    segmentId: 's7',
    subcategory: null,
    unit: 'd1#7',
    voice: 'own',
    voiceChange: null,
    ...overrides,
  };
}
