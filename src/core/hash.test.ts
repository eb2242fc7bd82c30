import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256 } from './hash.js';

/** The digest as Node's Hash object gives it: what `sha256` gave before round 14. */
const byHashObject = (data: Uint8Array | string): string => createHash('sha256').update(data).digest('hex');

describe('sha256', () => {
  it('gives the published digests', () => {
    expect(sha256('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('gives what a Hash object gives for strings (as UTF-8, lone surrogates included) and for bytes', () => {
    const inputs: (Uint8Array | string)[] = [
      'indicators\u0000en.call-to-action.imperative\u0000doc\u000012\u000019',
      'Убивайте всех! — сказал подсудимый; Өлтүргүлө! الله أكبر 𝔸',
      'half a pair: \ud800 and \udc00',
      new Uint8Array([0, 1, 2, 250, 255]),
      new Uint8Array(new ArrayBuffer(64), 8, 32).fill(7),
      Buffer.from('x'.repeat(1 << 20)),
    ];
    for (const data of inputs) expect(sha256(data)).toBe(byHashObject(data));
  });
});
