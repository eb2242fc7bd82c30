import { describe, expect, it } from 'vitest';
import type { MessageInfo, SozDocument } from '../core/document.js';
import { DocumentBuilder } from '../core/document-builder.js';
import type { DocumentFileHeader } from './derived-format.js';
import { decodeSegmentSpans, encodeDocument } from './derived-format.js';
import { parsedDocument } from './records.js';

const SHA = 'b2'.repeat(32);

function message(messageId: string): MessageInfo {
  return { platform: 'telegram', chatId: '1', chatName: 'Чат', messageId, author: { name: 'Айгүл', id: 'user1' }, timestamp: { iso: '2024-01-02T03:04:05Z', offset: 'recorded', raw: '2024-01-02T09:04:05' }, role: 'authored' };
}

/** Fictional: ids made of the prefix and the message id (left out of their lines), others written out, a segment with no message. */
function document(): SozDocument {
  return new DocumentBuilder({ sha256: SHA, name: 'result.json', entry: 'chats/1/part1' }, 'telegram-json')
    .add({ id: 'm7', text: 'Салам.', part: 'message', anchor: { messageId: '7' }, message: message('7') })
    .add({ id: 'm7.q0', text: '> цитата', part: 'message', anchor: { messageId: '7' }, message: message('7') })
    .add({ id: 'm8', text: 'Жооп.', part: 'message', anchor: { messageId: '8' }, message: message('8') })
    .add({ id: 'title', text: 'Чат', part: 'title' })
    .build({});
}

describe('segment spans of a compact document (the report excerpts)', () => {
  it('are the ids and ranges the whole decoding gives, ids left out of lines included', () => {
    const lines = [...encodeDocument(document())];
    const parsedLines = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const spans = decodeSegmentSpans(parsedLines[0] as unknown as DocumentFileHeader, parsedLines.slice(2));
    const whole = parsedDocument('d.ndjson', Buffer.from(lines.join(''), 'utf8'));
    expect(spans).toEqual(whole.segments.map((segment) => ({ id: segment.id, range: segment.range })));
    expect(parsedLines.slice(2).some((line) => line['id'] === undefined)).toBe(true);
  });

  it('read the ids a schema-2 file writes out', () => {
    const header = { schema: 'soz.document-file/2', segments: 1, shared: { message: {}, idPrefix: 'x' } } as unknown as DocumentFileHeader;
    expect(decodeSegmentSpans(header, [{ id: 'm1', range: [0, 3], message: { messageId: '1' } }])).toEqual([{ id: 'm1', range: [0, 3] }]);
  });
});
