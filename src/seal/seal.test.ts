import { describe, expect, it } from 'vitest';
import { generateKeyPairSync } from 'node:crypto';
import type { SealPayload } from './seal.js';
import { SEAL_SCHEMA, createSeal, keyFingerprint, parsePrivateKey, sealSignatureProblems } from './seal.js';

const pair = () => generateKeyPairSync('ed25519');

function payload(fingerprint: string): SealPayload {
  return {
    schema: SEAL_SCHEMA,
    caseNumber: 'Fictional-1',
    caseSha256: 'a'.repeat(64),
    reports: [{ path: 'reports/report.ru.md', language: 'ru', sha256: 'b'.repeat(64), digest: 'c'.repeat(64) }],
    manifest: { path: 'derived/manifest.json', sha256: 'd'.repeat(64) },
    logHead: { seq: 6, hash: 'e'.repeat(64) },
    signer: { name: 'Examiner', fingerprint },
    tool: { name: 'soz', version: '0.1.0' },
  };
}

describe('Ed25519 seals', () => {
  it('a seal verifies with its own key and fails with another', () => {
    const a = pair();
    const b = pair();
    const seal = createSeal(payload(keyFingerprint(a.publicKey)), a.privateKey);
    expect(sealSignatureProblems(seal, 'seal')).toEqual([]);
    expect(sealSignatureProblems(seal, 'seal', a.publicKey)).toEqual([]);
    const other = sealSignatureProblems(seal, 'seal', b.publicKey).map((problem) => problem.text);
    expect(other.join('\n')).toMatch(/not with the given public key/);
    expect(other.join('\n')).toMatch(/signature does not verify/);
  });

  it('is deterministic and detects an edited payload', () => {
    const a = pair();
    const first = createSeal(payload(keyFingerprint(a.publicKey)), a.privateKey);
    expect(createSeal(payload(keyFingerprint(a.publicKey)), a.privateKey)).toEqual(first);
    const edited = { ...first, payload: { ...first.payload, caseNumber: 'Fictional-2' } };
    expect(sealSignatureProblems(edited, 'seal').map((problem) => problem.text)).toEqual(['seal: signature does not verify — the seal or the sealed payload was changed']);
  });

  it('opens an encrypted key only with the right passphrase', () => {
    const a = pair();
    const pem = a.privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'right passphrase' }).toString();
    expect(keyFingerprint(parsePrivateKey(pem, 'right passphrase', 'k.pem'))).toBe(keyFingerprint(a.publicKey));
    expect(() => parsePrivateKey(pem, 'wrong passphrase', 'k.pem')).toThrow(/k\.pem: cannot open the private key/);
  });
});
