import { describe, expect, it } from 'vitest';
import type { SozDocument } from '../core/document.js';
import { examinerFinding } from './added.js';

const text = 'Fictional line one.\nMeet at the yard at six.';
const doc = {
  id: 'doc1',
  evidenceSha256: 'a'.repeat(64),
  evidenceName: 'notice.txt',
  format: 'text',
  text,
  segments: [
    { id: 'p0', range: [0, 19], anchor: { evidenceSha256: 'a'.repeat(64), part: 'body', paragraph: 0, line: 1 } },
    { id: 'p1', range: [20, text.length], anchor: { evidenceSha256: 'a'.repeat(64), part: 'body', paragraph: 1, line: 2 } },
  ],
  notices: [],
} as unknown as SozDocument;

describe('findings the examiner adds', () => {
  it('are placed like soz findings: segment, offsets, line and column, context inside the segment', () => {
    const start = text.indexOf('yard');
    const { finding, problems } = examinerFinding([doc], { documentId: 'doc1', range: [start, start + 4], category: 'place', reason: 'Meeting place named', voice: 'own' });
    expect(problems).toEqual([]);
    expect(finding).toMatchObject({ analysis: 'examiner', ruleId: 'examiner.place', actual: 'yard', voice: 'own', place: { segmentId: 'p1', line: 2, column: start - 20 + 1, range: [start, start + 4] } });
    expect(finding!.context.left).toBe('Meet at the ');
    expect(finding!.id).toMatch(/^F[0-9a-f]{12}$/);
  });

  it('name what to fix: unknown document, crossing or empty range, category, reason, voice', () => {
    const problems = (request: Parameters<typeof examinerFinding>[1]) => examinerFinding([doc], request).problems.map((problem) => problem.text).join('\n');
    expect(problems({ documentId: 'nope', range: [0, 4], category: 'x', reason: 'r' })).toMatch(/no document "nope"; the documents are doc1/);
    expect(problems({ documentId: 'doc1', range: [10, 25], category: 'x', reason: 'r' })).toMatch(/crosses a segment boundary/);
    expect(problems({ documentId: 'doc1', range: [5, 5], category: 'x', reason: 'r' })).toMatch(/is not inside document doc1/);
    expect(problems({ documentId: 'doc1', range: [19, 20], category: 'x', reason: 'r' })).toMatch(/crosses a segment boundary|no letter or digit/);
    expect(problems({ documentId: 'doc1', range: [0, 4], category: 'Bad Name', reason: ' ', voice: 'mine' })).toMatch(/--category "Bad Name"[\s\S]*--reason "…" is required[\s\S]*--voice mine: use one of own/);
  });

  it('by message id and quoted words: found after collapsing white space, refused when absent or ambiguous', () => {
    const chatText = 'Встречаемся  у\nродника.Пусть уйдут. Пусть уйдут.';
    const sha = 'b'.repeat(64);
    const message = (messageId: string) => ({ platform: 'telegram', chatId: '1', chatName: 'Вымышленный чат', messageId, author: { name: 'Тимур Д.' }, timestamp: { iso: null, offset: 'unknown', raw: '' }, role: 'authored' });
    const chat = {
      id: 'chat1',
      evidenceSha256: sha,
      evidenceName: 'result.json',
      format: 'telegram-json',
      text: chatText,
      segments: [
        { id: 'm7', range: [0, 23], anchor: { evidenceSha256: sha, part: 'message', messageId: '7' }, message: message('7') },
        { id: 'm8', range: [23, chatText.length], anchor: { evidenceSha256: sha, part: 'message', messageId: '8' }, message: message('8') },
      ],
      notices: [],
    } as unknown as SozDocument;
    const add = (messageId: string, quote: string, documentId = 'chat1') => examinerFinding([chat], { documentId, quoted: { messageId, quote }, category: 'call', reason: 'Meeting place named' });
    const found = add('7', 'у родника');
    expect(found.problems).toEqual([]);
    expect(found.finding).toMatchObject({ actual: 'у\nродника', author: 'Тимур Д.', place: { messageId: '7', segmentId: 'm7', range: [13, 22] } });
    expect(add('7', 'у родника', 'result.json').finding?.id).toBe(found.finding?.id);
    expect(add('7', 'у колодца').problems.map((problem) => problem.text).join()).toMatch(/the quoted words do not occur in message 7 of result\.json/);
    expect(add('8', 'Пусть уйдут').problems.map((problem) => problem.text).join()).toMatch(/occur 2 times in message 8 of result\.json \(at 23-34, 36-47\); quote more words/);
    expect(add('9', 'Пусть').problems.map((problem) => problem.text).join()).toMatch(/has no message 9/);
  });
});
