/**
 * Ed25519 seals over a case: the payload (what is sealed), its canonical bytes, signing and
 * checking with Node's own crypto. No file I/O here; `pipeline/seal.ts` reads and writes.
 */
import type { KeyObject } from 'node:crypto';
import { createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import { canonicalJson } from '../core/canonical-json.js';
import { UserError } from '../core/errors.js';
import type { Said } from '../core/messages.js';
import { said } from '../core/messages.js';
import { sha256 } from '../core/hash.js';

export const SEAL_SCHEMA = 'soz.seal/1';

/** Length of the fingerprint prefix used in seal and key file names, hex characters. */
export const FINGERPRINT_PREFIX_LENGTH = 16;

/** What a seal signs. Hashes are lower-case hex SHA-256; paths case-relative, POSIX. */
export interface SealPayload {
  readonly schema: typeof SEAL_SCHEMA;
  /** As `case.json` records it: `null` where the examiner did not give one. */
  readonly caseNumber: string | null;
  /** SHA-256 of `case.json`. */
  readonly caseSha256: string;
  /** Every final report: file hash and the digest printed on its last line. */
  readonly reports: readonly { readonly path: string; readonly language: string; readonly sha256: string; readonly digest: string }[];
  readonly manifest: { readonly path: string; readonly sha256: string };
  /** The last log entry before the seal: its number (from 1) and hash. */
  readonly logHead: { readonly seq: number; readonly hash: string };
  /**
   * The record head at the same entry (`N:HASH` without the log's times: `core/log-head.ts`), which
   * the reports print; absent in seals made before it existed.
   */
  readonly recordHead?: string;
  readonly signer: { readonly name: string; readonly fingerprint: string };
  readonly tool: { readonly name: 'soz'; readonly version: string };
}

/** A seal file `seals/<fingerprint-prefix>.json`. */
export interface SealFile {
  readonly payload: SealPayload;
  readonly algorithm: 'Ed25519';
  /** Signature over `canonicalJson(payload)` (UTF-8), base64. */
  readonly signature: string;
  readonly publicKey: string;
  readonly fingerprint: string;
}

/** SHA-256 (hex) of the DER SubjectPublicKeyInfo of a public key: the key's fingerprint. */
export function keyFingerprint(key: KeyObject): string {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  return sha256(publicKey.export({ type: 'spki', format: 'der' }));
}

/** Parses a public key PEM; a non-Ed25519 or unreadable key is a `UserError` naming `source`. */
export function parsePublicKey(pem: string, source: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPublicKey({ key: pem, format: 'pem' });
  } catch {
    throw new UserError(`${source}: not a PEM public key; give the .pub.pem file made by "soz keys new"`, 'seal.bad-public-key', undefined, { key: 'error.seal.not-pem', params: { source } });
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new UserError(`${source}: key type ${key.asymmetricKeyType}, expected Ed25519; use a key made by "soz keys new"`, 'seal.bad-public-key', undefined, { key: 'error.seal.public-key-type', params: { source, type: String(key.asymmetricKeyType) } });
  return key;
}

/** Decrypts an encrypted PKCS#8 private key PEM; a wrong passphrase is a `UserError`. */
export function parsePrivateKey(pem: string, passphrase: string, source: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: pem, format: 'pem', passphrase });
  } catch {
    throw new UserError(`${source}: cannot open the private key — wrong passphrase, or not a key made by "soz keys new"`, 'seal.bad-private-key', undefined, { key: 'error.seal.private-key-open', params: { source } });
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new UserError(`${source}: key type ${key.asymmetricKeyType}, expected Ed25519`, 'seal.bad-private-key', undefined, { key: 'error.seal.private-key-type', params: { source, type: String(key.asymmetricKeyType) } });
  return key;
}

/** The bytes that are signed. */
export function payloadBytes(payload: SealPayload): Buffer {
  return Buffer.from(canonicalJson(payload), 'utf8');
}

/** Signs a payload; Ed25519 is deterministic, so the same key and payload give the same seal. */
export function createSeal(payload: SealPayload, privateKey: KeyObject): SealFile {
  const publicKey = createPublicKey(privateKey);
  return {
    payload,
    algorithm: 'Ed25519',
    signature: sign(null, payloadBytes(payload), privateKey).toString('base64'),
    publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    fingerprint: keyFingerprint(publicKey),
  };
}

/**
 * Problems with a seal's signature, as lines; empty when the signature is valid, the embedded
 * key has the recorded fingerprint, and (when `trusted` is given) the seal was made with it.
 */
export function sealSignatureProblems(seal: SealFile, where: string, trusted?: KeyObject): Said[] {
  const problems: Said[] = [];
  let embedded: KeyObject;
  try {
    embedded = createPublicKey({ key: seal.publicKey, format: 'pem' });
  } catch {
    return [said(`${where}: the public key inside the seal is unreadable`, 'verify.seal.key-unreadable', { where })];
  }
  const fingerprint = keyFingerprint(embedded);
  if (fingerprint !== seal.fingerprint) problems.push(said(`${where}: fingerprint recorded ${seal.fingerprint}, embedded key has ${fingerprint}`, 'verify.seal.fingerprint', { where, recorded: seal.fingerprint, embedded: fingerprint }));
  if (seal.payload?.signer?.fingerprint !== seal.fingerprint) problems.push(said(`${where}: $.payload.signer.fingerprint is ${String(seal.payload?.signer?.fingerprint)}, seal says ${seal.fingerprint}`, 'verify.seal.signer-fingerprint', { where, signer: String(seal.payload?.signer?.fingerprint), fingerprint: seal.fingerprint }));
  const signature = Buffer.from(typeof seal.signature === 'string' ? seal.signature : '', 'base64');
  const key = trusted ?? embedded;
  let valid = false;
  try {
    valid = verify(null, payloadBytes(seal.payload), key, signature);
  } catch {
    valid = false;
  }
  if (trusted) {
    const trustedFingerprint = keyFingerprint(trusted);
    if (trustedFingerprint !== seal.fingerprint) {
      problems.push(said(`${where}: made with key ${seal.fingerprint.slice(0, FINGERPRINT_PREFIX_LENGTH)}…, not with the given public key ${trustedFingerprint.slice(0, FINGERPRINT_PREFIX_LENGTH)}…`, 'verify.seal.other-key', { where, made: seal.fingerprint.slice(0, FINGERPRINT_PREFIX_LENGTH), given: trustedFingerprint.slice(0, FINGERPRINT_PREFIX_LENGTH) }));
    }
  }
  if (!valid) {
    const text = `${where}: signature does not verify${trusted ? ' with the given public key' : ''} — the seal or the sealed payload was changed`;
    problems.push(said(text, trusted ? 'verify.seal.signature-given' : 'verify.seal.signature', { where }));
  }
  return problems;
}
