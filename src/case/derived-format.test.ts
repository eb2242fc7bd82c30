import { describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../core/analysis-result.js';
import { canonicalJson } from '../core/canonical-json.js';
import type { MessageInfo, SozDocument } from '../core/document.js';
import { DocumentBuilder } from '../core/document-builder.js';
import type { Finding } from '../core/finding.js';
import { UserError } from '../core/errors.js';
import { encodeAnalysis, encodeDocument } from './derived-format.js';
import { parsedAnalysis, parsedDocument } from './records.js';

const SHA = 'a1'.repeat(32);

function message(chatId: string, messageId: string, extra: Partial<MessageInfo> = {}): MessageInfo {
  return {
    platform: 'telegram',
    chatId,
    chatName: `Чат ${chatId}`,
    messageId,
    author: { name: 'Айгүл', id: 'user1' },
    timestamp: { iso: '2024-01-02T03:04:05Z', offset: 'recorded', raw: '2024-01-02T09:04:05' },
    role: 'authored',
    ...extra,
  };
}

/** A fictional chat part: messages of two chats, a segment whose anchor names another entry, one with no message. */
function chatDocument(): SozDocument {
  return new DocumentBuilder({ sha256: SHA, name: 'result.json', entry: 'chats/1/part1' }, 'telegram-json')
    .add({ id: 'm1', text: 'Салам, баарына!', part: 'message', anchor: { messageId: '1' }, message: message('1', '1') })
    .add({ id: 'm2', text: 'Жолугушуу эртең.', part: 'message', anchor: { messageId: '2' }, message: message('2', '2', { edited: true }) })
    .add({ id: 'm2.link0', text: 'https://example.org', part: 'link', anchor: { messageId: '2', entry: 'chats/other' } })
    .add({ id: 'title', text: 'Чат 1', part: 'title' })
    .notice({ code: 'telegram.chat-split', message: 'part 1', severity: 'info' })
    .build({ messages: 2, part: 1 });
}

function finding(ruleId: string, documentId: string, at: number, extra: Partial<Finding> = {}): Finding {
  return {
    id: `F${ruleId.length}${at}`,
    analysis: 'indicators',
    ruleId,
    category: 'call-to-action',
    reason: 'Imperative verb form',
    place: { documentId, evidenceSha256: SHA, evidenceName: 'result.json', entry: 'chats/1/part1', segmentId: 'm1', part: 'message', range: [at, at + 3], line: 1, column: at + 1, messageId: '1' },
    actual: 'баа',
    context: { left: 'Салам, ', right: 'рына!' },
    voice: 'own',
    countervailing: [],
    note: 'Read what is asked.',
    citation: { lexicon: 'ky.call-to-action', lexiconVersion: '1.4.0', entryId: ruleId, source: 'Fictional grammar, 2024' },
    ...extra,
  };
}

const bytesOf = (parts: Iterable<string | Uint8Array>) => Buffer.concat([...parts].map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : part)));

describe('compact derived documents (soz.document-file/3)', () => {
  it('reads back exactly the document it wrote, with the evidence hash written once', () => {
    const doc = chatDocument();
    const bytes = bytesOf(encodeDocument(doc));
    expect(canonicalJson(parsedDocument('derived/documents/x.ndjson', bytes))).toBe(canonicalJson(doc));
    const text = bytes.toString('utf8');
    expect(text.split(SHA)).toHaveLength(2);
    expect(text.split('\n')).toHaveLength(doc.segments.length + 3);
    expect(text).not.toContain('\n  ');
    expect(bytes.length).toBeLessThan(Buffer.byteLength(canonicalJson(doc)));
  });

  it('keeps a document of a file with no entry and no messages', () => {
    const doc = new DocumentBuilder({ sha256: SHA, name: 'leaflet.txt' }, 'text').add({ id: 'p0', text: 'Текст.', part: 'body', anchor: { paragraph: 0, line: 1 } }).build({});
    expect(canonicalJson(parsedDocument('d.ndjson', bytesOf(encodeDocument(doc))))).toBe(canonicalJson(doc));
  });

  it('writes a message id once and leaves out what the message before, the anchor part and the id prefix say', () => {
    const doc = new DocumentBuilder({ sha256: SHA, name: 'result.json', entry: 'chats/1/part1' }, 'telegram-json')
      .add({ id: 'm7.q0', text: '> цитата', part: 'message', anchor: { messageId: '7' }, message: message('1', '7') })
      .add({ id: 'm7.t0', text: 'Жооп.', part: 'message', anchor: { messageId: '7' }, message: message('1', '7') })
      .add({ id: 'm8', text: 'Кийинки.', part: 'message', anchor: { messageId: '8' }, message: message('1', '8', { author: { name: 'Бакыт', id: 'user2' } }) })
      .add({ id: 'm8.link0', text: 'https://example.org', part: 'link', anchor: { messageId: '8' }, message: message('1', '8', { author: { name: 'Бакыт', id: 'user2' }, edited: true }) })
      .build({});
    const bytes = bytesOf(encodeDocument(doc));
    expect(canonicalJson(parsedDocument('d.ndjson', bytes))).toBe(canonicalJson(doc));
    const lines = bytes.toString('utf8').trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines[0]!['shared']).toEqual({ message: { platform: 'telegram', chatId: '1', chatName: 'Чат 1' }, anchor: { part: 'message' }, idPrefix: 'm' });
    // The second segment of message 7 repeats nothing of it; message 8 says who wrote it once.
    expect(lines[3]).toEqual({ id: 'm7.t0', message: { messageId: '7' }, range: [10, 15] });
    expect(lines[4]).not.toHaveProperty('id');
    expect(lines[4]).not.toHaveProperty('anchor');
    expect(lines[5]).toEqual({ anchor: { part: 'link' }, id: 'm8.link0', message: { edited: true, messageId: '8' }, range: [27, 46] });
  });

  it('still reads a document file of schema 2', () => {
    const header = { document: { entry: 'chats/1/part1', evidenceName: 'result.json', evidenceSha256: SHA, format: 'telegram-json', id: 'x~chats/1/part1', notices: [], properties: {}, schema: 'soz.document/1' }, schema: 'soz.document-file/2', segments: 1, shared: { message: { chatId: '1', chatName: 'Чат 1', platform: 'telegram' } } };
    const segment = { anchor: { messageId: '1', part: 'message' }, id: 'm1', message: { author: { id: 'user1', name: 'Айгүл' }, messageId: '1', role: 'authored', timestamp: { iso: '2024-01-02T03:04:05Z', offset: 'recorded', raw: '2024-01-02T09:04:05' } }, range: [0, 6] };
    const doc = parsedDocument('d.ndjson', Buffer.from(`${JSON.stringify(header)}\n"Салам!"\n${JSON.stringify(segment)}\n`));
    expect(doc.segments).toEqual([{ ...segment, anchor: { ...segment.anchor, evidenceSha256: SHA, entry: 'chats/1/part1' }, message: { ...segment.message, ...header.shared.message } }]);
  });

  it('refuses a file cut short or with lines missing, naming it', () => {
    const bytes = bytesOf(encodeDocument(chatDocument()));
    const cut = bytes.subarray(0, bytes.length - 1);
    expect(() => parsedDocument('derived/documents/x.ndjson', cut)).toThrow(/derived\/documents\/x\.ndjson: .*does not end with a complete line/);
    const lines = bytes.toString('utf8').split('\n');
    const missing = Buffer.from([...lines.slice(0, 3), ...lines.slice(4)].join('\n'));
    expect(() => parsedDocument('derived/documents/x.ndjson', missing)).toThrow(UserError);
  });
});

describe('compact analysis results (soz.analysis-file/3)', () => {
  it('reads back exactly the findings it wrote, rule and place constants written once', () => {
    const findings = [
      finding('ky.cta.2pl', 'doc1', 7),
      // Lacks the note its rule's first finding has: the line lists it as absent.
      finding('ky.cta.2pl', 'doc1', 20, { note: undefined, reason: 'Imperative verb form (plural)' }),
      finding('ru.cta.imp', 'doc2', 3, { place: { documentId: 'doc2', evidenceSha256: 'b2'.repeat(32), evidenceName: 'b.txt', segmentId: 'p0', part: 'body', range: [3, 6], line: 1, column: 4 } }),
    ];
    const result: AnalysisResult = { analysis: 'indicators', version: '2.0.0', parameters: { contextWindow: 60 }, data: { counts: { afterFilter: 3 } }, findings };
    const bytes = bytesOf(encodeAnalysis(result));
    const back = parsedAnalysis('derived/analyses/indicators.ndjson', bytes);
    expect(canonicalJson(back)).toBe(canonicalJson(result));
    expect(back.findings?.[1]).not.toHaveProperty('note');
    const text = bytes.toString('utf8');
    expect(text.split('Fictional grammar, 2024')).toHaveLength(3);
    expect(text.split(SHA)).toHaveLength(2);
  });

  it('keeps a context that is text of its document as a range, and leaves out what the text and the line before say', () => {
    const text = 'Салам, баарына!\nЖолугушуу эртең.';
    const findings = [
      finding('ky.cta.2pl', 'doc1', 7, { unit: 'doc1#1' }),
      finding('ky.cta.2pl', 'doc1', 24, { unit: 'doc1#1', place: { ...finding('r', 'doc1', 24).place, line: 2, column: 8 }, context: { left: 'Жолугушу', right: 'ртең.' } }),
      // Whitespace changed: not a slice of the text, so the context stays written out.
      finding('ru.cta.imp', 'doc1', 30, { context: { left: 'a  b', right: '' } }),
    ];
    const result: AnalysisResult = { analysis: 'indicators', version: '2.0.0', parameters: {}, findings };
    const bytes = bytesOf(encodeAnalysis(result, undefined, (id) => (id === 'doc1' ? text : undefined)));
    const lines = bytes.toString('utf8').trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, Record<string, unknown>>);
    expect(lines[1]!['context']).toEqual([0, 15]);
    expect(lines[1]!['place']).not.toHaveProperty('line');
    expect(lines[1]).not.toHaveProperty('unit');
    expect(lines[2]!['place']).not.toHaveProperty('documentId');
    expect(lines[2]!['context']).toEqual([16, 32]);
    expect(lines[3]!['context']).toEqual({ left: 'a  b', right: '' });
    expect(lines[3]!['place']).toHaveProperty('line');
    expect(lines[3]!['-']).toEqual(['unit']);
    const back = parsedAnalysis('derived/analyses/indicators.ndjson', bytes, (id) => (id === 'doc1' ? text : undefined));
    expect(canonicalJson(back)).toBe(canonicalJson(result));
    expect(() => parsedAnalysis('derived/analyses/indicators.ndjson', bytes)).toThrow(/derived\/analyses\/indicators\.ndjson: the context of a finding is a range of document doc1, which derived\/documents does not hold/);
  });

  it('still reads an analysis file of schema 2 (nothing taken from the text, the unit as written)', () => {
    const header = { findings: 1, result: { analysis: 'org-list', parameters: {}, version: '1' }, schema: 'soz.analysis-file/2', shared: { places: { doc1: { evidenceName: 'a.txt', evidenceSha256: SHA } }, rules: { r: { analysis: 'org-list', category: 'organisation', reason: 'Named' } } } };
    const line = { actual: 'X', context: { left: 'a ', right: ' b' }, countervailing: [], id: 'F1', place: { column: 3, documentId: 'doc1', line: 1, part: 'body', range: [2, 3], segmentId: 'p0' }, ruleId: 'r', voice: 'own' };
    const back = parsedAnalysis('a.ndjson', Buffer.from(`${JSON.stringify(header)}\n${JSON.stringify(line)}\n`));
    expect(back.findings).toEqual([{ ...line, ...header.shared.rules.r, place: { ...line.place, ...header.shared.places.doc1 } }]);
  });

  it('keeps a result without findings and one with an empty list apart', () => {
    const without: AnalysisResult = { analysis: 'wordlist', version: '1', parameters: {}, data: { rows: [['слово', 2]] } };
    const empty: AnalysisResult = { analysis: 'indicators', version: '1', parameters: {}, findings: [] };
    for (const result of [without, empty]) expect(canonicalJson(parsedAnalysis('a.ndjson', bytesOf(encodeAnalysis(result))))).toBe(canonicalJson(result));
  });

  it('still reads a whole-JSON result of schema 1 (cases analysed before the bump)', () => {
    const result: AnalysisResult = { analysis: 'indicators', version: '1', parameters: {}, findings: [finding('r', 'doc1', 0)] };
    expect(parsedAnalysis('derived/analyses/indicators.json', Buffer.from(canonicalJson(result, true)))).toEqual(JSON.parse(canonicalJson(result)));
  });
});
