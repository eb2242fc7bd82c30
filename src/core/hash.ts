import type { Hash } from 'node:crypto';
import { createHash, hash } from 'node:crypto';

/**
 * Lower-case hex SHA-256 of bytes or of a string's UTF-8 encoding. Node's one-shot `hash` (every
 * Node soz supports has it): the same digest without a Hash object per call — a finding id is one
 * call, and `createHash` … `digest` cost 1.7× as much on such short inputs (issue 17, round 14).
 */
export function sha256(data: Uint8Array | string): string {
  return hash('sha256', data, 'hex');
}

/** An incremental SHA-256 (see {@link sha256Hasher}). */
export interface Sha256Hasher {
  update(data: Uint8Array | string): void;
  /** The hex digest of what was given so far; ends this hasher. */
  hex(): string;
  /** A hasher that goes on from what was given so far, this one left as it is (two digests of one prefix, the bytes hashed once). */
  copy(): Sha256Hasher;
}

/** An incremental SHA-256: bytes, or strings as UTF-8, given as they are produced; `hex()` once, at the end. */
export function sha256Hasher(): Sha256Hasher {
  return hasherOf(createHash('sha256'));
}

function hasherOf(hash: Hash): Sha256Hasher {
  return {
    update: (data) => void hash.update(data),
    hex: () => hash.digest('hex'),
    copy: () => hasherOf(hash.copy()),
  };
}

/** Lower-case hex MD5: recorded beside SHA-256 only because older case files quote MD5. */
export function md5(data: Uint8Array | string): string {
  return createHash('md5').update(data).digest('hex');
}

export const SHA256_HEX = /^[0-9a-f]{64}$/;
