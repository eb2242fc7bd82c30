/**
 * The PDF conclusion laid out in parts: page by page, each page written out with its footer when
 * the next one starts, gives the bytes the renderer gave when it laid out the whole model at once
 * and wrote every footer last (the SHA-256 below is that renderer's output, commit ed539a3, for
 * this fixture); its bytes come out while the streamed lists are still being read. Fictional data
 * only: the golden fixture with 12 more documents of generated candidates, enough for pages that
 * break inside a KWIC line.
 */
import { describe, expect, it } from 'vitest';
import { sha256 } from '../src/core/hash.js';
import type { ConclusionInputs, ConclusionParts } from '../src/report/model.js';
import { assembleConclusionParts, partsDigest, partsOfModel, wholeModel } from '../src/report/model.js';
import { pdfConclusionParts, renderPdfConclusion } from '../src/report/pdf.js';
import { readLabels } from '../src/pipeline/report.js';
import { withGeneratedChats } from './support/chat-candidates.js';

/** SHA-256 of this fixture's PDF as the whole-document renderer wrote it (before issue 17's PDF in parts). */
const WHOLE_DOCUMENT_PDF = 'b1e444f95b63a5c1961a75946bc5d54af1875b2871d13fc941eef7b336cdd3e1';

const SENTENCE = 'Соседи собрались у площади и долго говорили о дворе, о крыше и о новой скамейке.';

/** Unreviewed candidates: in each of 12 documents, one per message, with contexts long enough to wrap. */
function manyDocuments(): ConclusionInputs {
  return withGeneratedChats({
    documents: 12,
    messages: 6,
    message: SENTENCE,
    evidenceName: 'chat.json',
    idSuffix: 'x',
    reason: 'Group designation',
    context: (message) => ({ left: `${'о дворе и о крыше '.repeat(message + 1)}`, right: ` ${SENTENCE.slice(7)} ${'и о новой скамейке '.repeat(message + 2)}` }),
  });
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
