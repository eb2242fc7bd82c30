import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { UserError } from '../core/errors.js';
import type { EvidenceInput } from './adapter.js';

/** An `EvidenceInput` reading a file on disk; the only place adapters' bytes come from files. */
export function inputFromFile(
  path: string,
  meta: Pick<EvidenceInput, 'name' | 'sha256' | 'size' | 'mediaType' | 'head' | 'limits' | 'dateOrder'>,
): EvidenceInput {
  return {
    ...meta,
    async bytes() {
      if (meta.size > meta.limits.maxInMemoryBytes) {
        throw new UserError(
          `${meta.name}: ${meta.size} bytes is more than this format can read at once (limit ${meta.limits.maxInMemoryBytes}); raise it with --max-in-memory-bytes`,
          'limit.in-memory-bytes',
          undefined,
          { key: 'error.limit.in-memory', params: { name: meta.name, size: meta.size, limit: meta.limits.maxInMemoryBytes } },
        );
      }
      return new Uint8Array(await readFile(path));
    },
    chunks: () => createReadStream(path, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Uint8Array>,
  };
}
