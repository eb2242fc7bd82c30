import type { SozDocument } from '../core/document.js';
import { documentProblems } from '../core/document.js';
import { InternalError, UserError } from '../core/errors.js';
import type { EvidenceInput } from '../ingest/adapter.js';
import { adapterFor } from '../ingest/registry.js';

/**
 * Extracts the documents of one evidence input through the adapter that recognises it, checking
 * at this boundary what every later stage relies on: the segment limit and the document
 * invariants. `source` names the file in errors (path or copy and original name).
 */
export async function* extractEvidence(input: EvidenceInput, source: string): AsyncGenerator<SozDocument> {
  const adapter = adapterFor(input);
  try {
    for await (const doc of adapter.extract(input)) {
      if (doc.segments.length > input.limits.maxSegments) {
        throw new UserError(
          `${source}: ${doc.segments.length} segments in one document exceeds the limit of ${input.limits.maxSegments}; raise it with --max-segments`,
          'limit.segments',
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

/**
 * Keeps `UserError`s and `InternalError`s; anything else a parser throws on bad bytes becomes a
 * `UserError` naming the file, so hostile input never ends in a stack trace.
 */
export function asUserError(error: unknown, source: string): Error {
  if (error instanceof UserError || error instanceof InternalError) return error;
  const reason = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
  return new UserError(`${source}: cannot be read (${reason}); check that the file is complete and not damaged`, 'input.corrupt');
}
