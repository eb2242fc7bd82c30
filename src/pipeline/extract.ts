import type { Segment, SozDocument } from '../core/document.js';
import { documentProblems } from '../core/document.js';
import { InternalError, UserError } from '../core/errors.js';
import type { EvidenceInput, ExtractRun, Limits } from '../ingest/adapter.js';
import { inputFromFile } from '../ingest/file-input.js';
import { readHead } from '../case/evidence-store.js';
import type { EvidenceDateOrder, EvidenceRecord } from '../core/case.js';
import { canonicalJson } from '../core/canonical-json.js';
import { sha256 } from '../core/hash.js';
import { DOCUMENT_FILE_SCHEMA } from '../case/derived-format.js';
import type { InstallFacts } from './install.js';
import { installFacts } from './install.js';
import { EXTRACTORS_REVISION } from '../ingest/revision.js';

/**
 * Names the extractor whose documents `soz add` keeps (`case/extraction-store.ts`): everything
 * that can change what an adapter yields — soz version, the extractors' revision, dependency
 * lockfile, Node version, the limits, the document file schema. `analyze` reuses kept documents only under the same key.
 */
export function extractorKey(limits: Limits, dateOrder?: EvidenceDateOrder, facts: Pick<InstallFacts, 'version' | 'lockfileSha256'> = installFacts(), node: string = process.version, extractors: number = EXTRACTORS_REVISION): string {
  return sha256(canonicalJson({ schema: DOCUMENT_FILE_SCHEMA, soz: facts.version, extractors, lockfile: facts.lockfileSha256, node, limits, ...(dateOrder ? { dateOrder } : {}) })).slice(0, 16);
}

/** The input of an evidence copy in custody at `path`, described by its register record. */
export async function evidenceInput(path: string, record: EvidenceRecord, limits: Limits): Promise<EvidenceInput> {
  return inputFromFile(path, { name: record.originalName, sha256: record.sha256, size: record.size, mediaType: record.mediaType, head: await readHead(path), limits, ...(record.dateOrder ? { dateOrder: record.dateOrder } : {}) });
}

/**
 * Extracts the documents of one evidence input through the adapter that recognises it, checking
 * at this boundary what every later stage relies on: the document, segment and segment-length
 * limits and the document invariants. `source` names the file in errors (path or copy and
 * original name). `soz add` runs the same extraction, so a file that would exhaust `analyze`
 * is refused when it is added. `run` says how the adapter is run (`soz add`'s part threads).
 */
export async function* extractEvidence(input: EvidenceInput, source: string, run?: ExtractRun): AsyncGenerator<SozDocument> {
  // Imported here, not at the top: the adapters and their parsers (HTML, ZIP, charsets) cost about
  // 80 ms of CPU at start, and `soz analyze` of a case whose documents `add` kept never extracts.
  const { adapterFor } = await import('../ingest/registry.js');
  const adapter = adapterFor(input);
  const limits = input.limits;
  let documents = 0;
  try {
    for await (const doc of adapter.extract(input, run)) {
      if (++documents > limits.maxDocuments) {
        throw new UserError(`${source}: more than ${limits.maxDocuments} documents (chats, chat parts, entries) from one evidence file; if the file is genuine, raise the limit with --max-documents`, 'limit.documents', undefined, { key: 'error.limit.documents', params: { source, limit: limits.maxDocuments } });
      }
      const long = longestSegment(doc);
      if (long !== undefined && long.chars > limits.maxSegmentChars) {
        throw new UserError(
          `${source}: segment ${long.id}${doc.entry !== undefined ? ` of ${doc.entry}` : ''} holds ${long.chars} characters, more than the limit of ${limits.maxSegmentChars} one segment may hold; if the file is genuine, raise the limit with --max-segment-chars`,
          'limit.segment-chars',
          undefined,
          { key: 'error.limit.segment-chars', params: { source, segment: doc.entry !== undefined ? `${long.id} / ${doc.entry}` : long.id, chars: long.chars, limit: limits.maxSegmentChars } },
        );
      }
      if (doc.segments.length > input.limits.maxSegments) {
        throw new UserError(
          `${source}: ${doc.segments.length} segments in one document exceeds the limit of ${input.limits.maxSegments}; raise it with --max-segments`,
          'limit.segments',
          undefined,
          { key: 'error.limit.segments', params: { source, count: doc.segments.length, limit: input.limits.maxSegments } },
        );
      }
      const problems = documentProblems(doc);
      if (problems.length > 0) throw new InternalError(`adapter ${adapter.id} produced an inconsistent document from ${source}: ${problems.slice(0, 3).join('; ')}`);
      yield doc;
    }
  } catch (error) {
    throw asUserError(error, source);
  }
}

/** The longest segment of a document (the first of equals), or undefined when it has none. */
function longestSegment(doc: SozDocument): { id: string; chars: number } | undefined {
  let at = -1;
  let chars = -1;
  doc.segments.forEach((segment, index) => {
    if (segment.range[1] - segment.range[0] > chars) {
      chars = segment.range[1] - segment.range[0];
      at = index;
    }
  });
  return at < 0 ? undefined : { id: (doc.segments[at] as Segment).id, chars };
}

/**
 * Keeps `UserError`s and `InternalError`s; anything else a parser throws on bad bytes becomes a
 * `UserError` naming the file, so hostile input never ends in a stack trace.
 */
export function asUserError(error: unknown, source: string): Error {
  if (error instanceof UserError || error instanceof InternalError) return error;
  const reason = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
  return new UserError(`${source}: cannot be read (${reason}); check that the file is complete and not damaged`, 'input.corrupt', undefined, { key: 'error.input.corrupt', params: { source, reason } });
}
