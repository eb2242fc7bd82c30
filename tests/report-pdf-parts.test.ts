/**
 * The PDF conclusion laid out in parts: page by page, each page written out with its footer when
 * the next one starts, gives the bytes the renderer gave when it laid out the whole model at once
 * and wrote every footer last (the SHA-256 below is that renderer's output, commit ed539a3, for
 * this fixture); its bytes come out while the streamed lists are still being read. Fictional data
 * only: the golden fixture with 12 more documents of generated candidates, enough for pages that
 * break inside a KWIC line.
 */
import { describe, expect, it } from 'vitest';
import type { Finding } from '../src/core/finding.js';
import { compareFindings } from '../src/core/finding.js';
import type { SozDocument } from '../src/core/document.js';
import { DOCUMENT_SCHEMA } from '../src/core/document.js';
import { sha256 } from '../src/core/hash.js';
import type { ConclusionInputs, ConclusionParts } from '../src/report/model.js';
import { assembleConclusionParts, partsDigest, partsOfModel, wholeModel } from '../src/report/model.js';
import { pdfConclusionParts, renderPdfConclusion } from '../src/report/pdf.js';
import { readLabels } from '../src/pipeline/report.js';
import { conclusionFixtureInputs } from './support/conclusion-fixture.js';

/** SHA-256 of this fixture's PDF as the whole-document renderer wrote it (before issue 17's PDF in parts). */
const WHOLE_DOCUMENT_PDF = 'b1e444f95b63a5c1961a75946bc5d54af1875b2871d13fc941eef7b336cdd3e1';

const SENTENCE = 'Соседи собрались у площади и долго говорили о дворе, о крыше и о новой скамейке.';

/** A fictional document of six messages of one sentence each. */
function chat(id: string): SozDocument {
  const text = Array.from({ length: 6 }, () => SENTENCE.padEnd(100, ' ')).join('');
  return {
    schema: DOCUMENT_SCHEMA,
    id,
    evidenceSha256: 'b'.repeat(64),
    evidenceName: 'chat.json',
    format: 'text',
    text,
    segments: Array.from({ length: 6 }, (_, index) => ({ id: `m${index + 1}`, range: [index * 100, index * 100 + 100] as [number, number], anchor: { evidenceSha256: 'b'.repeat(64), part: 'body' as const, messageId: `${index + 1}` } })),
    notices: [],
    properties: {},
  };
}

/** Unreviewed candidates: in each of 12 documents, one per message, with contexts long enough to wrap. */
function manyDocuments(): ConclusionInputs {
  const inputs = conclusionFixtureInputs('ru', 'recorded');
  const documents = new Map(Array.from({ length: 12 }, (_, index) => chat(`doc${String(index + 10)}`)).map((doc) => [doc.id, doc]));
  const extra: Finding[] = [...documents.keys()].flatMap((documentId, docIndex) =>
    Array.from({ length: 6 }, (_, message): Finding => ({
      id: `F${String(docIndex * 10 + message).padStart(12, '0')}x`,
      analysis: 'indicators',
      ruleId: 'ru.group.1',
      category: 'group-designation',
      reason: 'Group designation',
      place: { documentId, evidenceSha256: 'b'.repeat(64), evidenceName: 'chat.json', segmentId: `m${message + 1}`, part: 'body', line: 1, column: message * 100 + 1, messageId: `${message + 1}`, range: [message * 100, message * 100 + 6] },
      actual: 'Соседи',
      context: { left: `${'о дворе и о крыше '.repeat(message + 1)}`, right: ` ${SENTENCE.slice(7)} ${'и о новой скамейке '.repeat(message + 2)}` },
      voice: 'own',
      countervailing: [],
      unit: `${documentId}#${message + 1}`,
    })),
  );
  return { ...inputs, findings: [...inputs.findings, ...extra].sort(compareFindings), documentText: (documentId) => documents.get(documentId) ?? inputs.documentText(documentId) };
}

/** The parts with their unreviewed list counting, per pass over it, how many chunks were read. */
function counted(parts: ConclusionParts): { parts: ConclusionParts; reads: number[] } {
  const reads: number[] = [];
  const unreviewed = () => {
    const pass = reads.push(0) - 1;
    return (function* () {
      for (const chunk of parts.unreviewed()) {
        reads[pass]! += 1;
        yield chunk;
      }
    })();
  };
  return { parts: { ...parts, unreviewed }, reads };
}

describe('the PDF conclusion in parts', () => {
  const labels = readLabels('ru');
  const parts = partsOfModel(wholeModel(assembleConclusionParts(manyDocuments())));

  it('gives the bytes of the whole-document renderer, footers and glyph numbering included', async () => {
    const bytes = await renderPdfConclusion(wholeModel(parts), labels);
    const pages = bytes.length > 0 ? Buffer.from(bytes).toString('latin1').match(/\/Type \/Page\n/g)?.length : 0;
    expect(pages).toBeGreaterThan(5);
    expect(sha256(bytes)).toBe(WHOLE_DOCUMENT_PDF);
  });

  it('writes pages out while the candidates are still being read (the written pass), after one counting pass', async () => {
    const { parts: watched, reads } = counted(parts);
    const written = await pdfConclusionParts(watched, labels, partsDigest(parts));
    const readWhenWritten: number[] = [];
    const chunks: Uint8Array[] = [];
    for (const chunk of written) {
      readWhenWritten.push(reads.at(-1)!);
      chunks.push(chunk);
    }
    const total = reads[0]!;
    expect(total).toBe(13);
    // The counting pass read the list once; the written pass reads it again as it writes.
    expect(reads).toEqual([total, total]);
    expect(readWhenWritten.filter((read) => read > 0 && read < total).length).toBeGreaterThan(3);
    expect(sha256(Buffer.concat(chunks))).toBe(WHOLE_DOCUMENT_PDF);
  });
});
