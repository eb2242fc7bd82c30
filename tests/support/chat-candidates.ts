/**
 * The golden fixture with generated chat documents of unreviewed candidates, for the tests of the
 * reports laid out in parts (PDF, DOCX): enough streamed runs for pages and archive parts to come
 * out while the lists are read. Fictional data only.
 */
import type { Finding } from '../../src/core/finding.js';
import { compareFindings } from '../../src/core/finding.js';
import type { SozDocument } from '../../src/core/document.js';
import { DOCUMENT_SCHEMA } from '../../src/core/document.js';
import type { ConclusionInputs } from '../../src/report/model.js';
import { conclusionFixtureInputs } from './conclusion-fixture.js';

/** Each message of a generated chat takes this many code units (its text padded with spaces). */
const MESSAGE_UNITS = 100;
const EVIDENCE = 'b'.repeat(64);

/** What differs between the generated candidates of two tests. */
export interface GeneratedChats {
  readonly documents: number;
  readonly messages: number;
  /** Each message's text (at most 100 code units; it starts with the candidate's word «Соседи»). */
  readonly message: string;
  readonly evidenceName: string;
  /** Appended to each candidate's id. */
  readonly idSuffix: string;
  readonly reason: string;
  readonly context: (message: number) => Finding['context'];
}

/** A fictional chat document of `messages` messages of `text` each. */
function chat(id: string, chats: GeneratedChats): SozDocument {
  return {
    schema: DOCUMENT_SCHEMA,
    id,
    evidenceSha256: EVIDENCE,
    evidenceName: chats.evidenceName,
    format: 'text',
    text: Array.from({ length: chats.messages }, () => chats.message.padEnd(MESSAGE_UNITS, ' ')).join(''),
    segments: Array.from({ length: chats.messages }, (_, index) => ({ id: `m${index + 1}`, range: [index * MESSAGE_UNITS, (index + 1) * MESSAGE_UNITS] as [number, number], anchor: { evidenceSha256: EVIDENCE, part: 'body' as const, messageId: `${index + 1}` } })),
    notices: [],
    properties: {},
  };
}

/** The Russian recorded golden fixture with documents `doc10`… holding one unreviewed candidate per message. */
export function withGeneratedChats(chats: GeneratedChats): ConclusionInputs {
  const inputs = conclusionFixtureInputs('ru', 'recorded');
  const documents = new Map(Array.from({ length: chats.documents }, (_, index) => chat(`doc${String(index + 10)}`, chats)).map((doc) => [doc.id, doc]));
  const extra: Finding[] = [...documents.keys()].flatMap((documentId, docIndex) =>
    Array.from({ length: chats.messages }, (_, message): Finding => ({
      id: `F${String(docIndex * 10 + message).padStart(12, '0')}${chats.idSuffix}`,
      analysis: 'indicators',
      ruleId: 'ru.group.1',
      category: 'group-designation',
      reason: chats.reason,
      place: { documentId, evidenceSha256: EVIDENCE, evidenceName: chats.evidenceName, segmentId: `m${message + 1}`, part: 'body', line: 1, column: message * MESSAGE_UNITS + 1, messageId: `${message + 1}`, range: [message * MESSAGE_UNITS, message * MESSAGE_UNITS + 6] },
      actual: 'Соседи',
      context: chats.context(message),
      voice: 'own',
      countervailing: [],
      unit: `${documentId}#${message + 1}`,
    })),
  );
  return { ...inputs, findings: [...inputs.findings, ...extra].sort(compareFindings), documentText: (documentId) => documents.get(documentId) ?? inputs.documentText(documentId) };
}
