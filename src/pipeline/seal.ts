import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KeyObject } from 'node:crypto';
import { generateKeyPairSync } from 'node:crypto';
import type { CaseMetadata, LogEntry } from '../core/case.js';
import { canonicalJson } from '../core/canonical-json.js';
import { expectedHeadCheck, formatLogHead, parseLogHead, recordHeadOf } from '../core/log-head.js';
import { UserError } from '../core/errors.js';
import type { Said } from '../core/messages.js';
import { said } from '../core/messages.js';
import { sha256, sha256Hasher } from '../core/hash.js';
import { checkReportDigestChunks } from '../report/markdown.js';
import { writeFileAtomic } from '../case/atomic.js';
import { CaseFiles } from '../case/layout.js';
import { caseFileChunks, caseFileSha256, readCaseFile } from '../case/snapshot.js';
import type { CaseWorkspace, Clock } from '../case/workspace.js';
import type { SealFile, SealPayload } from '../seal/seal.js';
import { FINGERPRINT_PREFIX_LENGTH, SEAL_SCHEMA, createSeal, keyFingerprint, parsePrivateKey, sealSignatureProblems } from '../seal/seal.js';
import { lastReportEntries } from '../seal/log-records.js';
import { installFacts } from './install.js';
import { isDraftCopy } from './report.js';

/** Shortest passphrase accepted for a private key, in characters. */
export const MIN_PASSPHRASE_LENGTH = 8;

/** Where `soz keys new` wrote the key pair. */
export interface NewKeyOutcome {
  readonly privateKeyPath: string;
  readonly publicKeyPath: string;
  readonly infoPath: string;
  /** SHA-256 (hex) of the DER SubjectPublicKeyInfo. */
  readonly fingerprint: string;
}

/**
 * Creates an Ed25519 key pair in `outDir`: `<fp16>.key.pem` (PKCS#8, AES-256-CBC with the
 * passphrase, mode 0600), `<fp16>.pub.pem` and `<fp16>.key.json` (name and fingerprint).
 * Refuses to overwrite.
 */
export function createKeyPair(outDir: string, name: string, passphrase: string): NewKeyOutcome {
  if (name.trim() === '') throw new UserError('soz keys new: --name must not be empty; give the examiner\'s name', 'keys.no-name', undefined, { key: 'error.keys.no-name', params: {  } });
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) {
    throw new UserError(`soz keys new: the passphrase is shorter than ${MIN_PASSPHRASE_LENGTH} characters; choose a longer one`, 'keys.weak-passphrase', undefined, { key: 'error.keys.weak-passphrase', params: { min: MIN_PASSPHRASE_LENGTH } });
  }
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const fingerprint = keyFingerprint(publicKey);
  const stem = join(outDir, fingerprint.slice(0, FINGERPRINT_PREFIX_LENGTH));
  const paths = { privateKeyPath: `${stem}.key.pem`, publicKeyPath: `${stem}.pub.pem`, infoPath: `${stem}.key.json` };
  for (const path of Object.values(paths)) if (existsSync(path)) throw new UserError(`${path}: already exists; choose another --out folder`, 'keys.exists', undefined, { key: 'error.keys.exists', params: { path } });
  const privatePem = privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase }).toString();
  writeFileAtomic(paths.privateKeyPath, privatePem, 0o600);
  writeFileAtomic(paths.publicKeyPath, publicKey.export({ type: 'spki', format: 'pem' }).toString(), 0o644);
  writeFileAtomic(paths.infoPath, canonicalJson({ algorithm: 'Ed25519', fingerprint, name: name.trim(), publicKey: `${fingerprint.slice(0, FINGERPRINT_PREFIX_LENGTH)}.pub.pem` }, true), 0o644);
  return { ...paths, fingerprint };
}

/** Reads and decrypts a private key file; the signer's name comes from the `.key.json` beside it. */
export function loadPrivateKey(path: string, passphrase: string): { key: KeyObject; name: string | null } {
  if (!existsSync(path)) throw new UserError(`${path}: no such key file; give the .key.pem made by "soz keys new"`, 'seal.no-key', undefined, { key: 'error.seal.no-key', params: { path } });
  const key = parsePrivateKey(readFileSync(path, 'utf8'), passphrase, path);
  const info = path.replace(/\.pem$/, '.json');
  let name: string | null = null;
  if (info !== path && existsSync(info)) {
    try {
      const parsed = JSON.parse(readFileSync(info, 'utf8')) as { name?: unknown };
      if (typeof parsed.name === 'string') name = parsed.name;
    } catch {
      name = null;
    }
  }
  return { key, name };
}

/** Case-relative path of the seal made with a key. */
export function sealPath(fingerprint: string): string {
  return `seals/${fingerprint.slice(0, FINGERPRINT_PREFIX_LENGTH)}.json`;
}

/**
 * Seals the case's final reports and manifest with an examiner's private key: refuses a draft,
 * checks that they are the ones the log recorded, writes `seals/<fp16>.json` atomically and logs `seal.create`.
 */
export function sealCase(workspace: CaseWorkspace, key: KeyObject, options: { clock: Clock; actor: string; signer: string | null }): { path: string; fingerprint: string; payload: SealPayload } {
  const signer = options.signer ?? workspace.metadata.examiner;
  if (signer === null) throw new UserError(`${workspace.dir}: no examiner is recorded for the case and the key names no signer; name them with --signer`, 'seal.no-signer', undefined, { key: 'error.seal.no-signer', params: { dir: workspace.dir } });
  const log = workspace.readLog();
  if (!workspace.derivedIsCommitted()) {
    throw new UserError(`${workspace.dir}: the analysis is missing or does not match the log; run "soz verify ${workspace.dir}" and "soz analyze" before sealing`, 'seal.not-analysed', undefined, { key: 'error.seal.not-analysed', params: { dir: workspace.dir } });
  }
  const sealable = [...lastReportEntries(log)].filter(([path]) => !isDraftCopy(path));
  const draft = sealable.find(([, entry]) => entry.details['final'] !== true);
  if (draft) {
    throw new UserError(`${draft[0]}: a draft (log entry ${draft[1].seq}), which says it must not be signed; render the final conclusion with "soz report ${workspace.dir} --final" before sealing`, 'seal.draft', undefined, { key: 'error.seal.draft', params: { path: draft[0], entry: draft[1].seq, dir: workspace.dir } });
  }
  const reports = sealable.map(([path, entry]) => {
    const read = reportHashes(workspace.dir, path, `${workspace.dir}: case file`);
    const recorded = entry.outputs.find((file) => file.path === path)?.sha256;
    if (read === null || read.sha256 !== recorded) {
      throw new UserError(`${path}: the report is missing or differs from the log (entry ${entry.seq}); render it again with "soz report" before sealing`, 'seal.report-changed', undefined, { key: 'error.seal.report-changed', params: { path, entry: entry.seq } });
    }
    const logged = entry.details['reportDigest'];
    let digest = typeof logged === 'string' ? logged : read.sha256;
    if (read.digestLine) {
      const { claimed, actual } = read.digestLine;
      if (claimed !== actual) throw new UserError(`${path}: the report digest line does not match its text; render it again before sealing`, 'seal.report-changed', undefined, { key: 'error.seal.digest-line', params: { path } });
      digest = actual;
    }
    return { path, language: String(entry.details['language']), sha256: read.sha256, digest };
  });
  if (reports.length === 0) throw new UserError(`${workspace.dir}: no report to seal; run "soz report ${workspace.dir}" first`, 'seal.no-report', undefined, { key: 'error.seal.no-report', params: { dir: workspace.dir } });
  const head = log.at(-1)!;
  const fingerprint = keyFingerprint(key);
  const payload: SealPayload = {
    schema: SEAL_SCHEMA,
    caseNumber: workspace.metadata.caseNumber,
    caseSha256: workspace.hashedFile(CaseFiles.metadata).sha256,
    reports,
    manifest: workspace.hashedFile(CaseFiles.manifest),
    logHead: { seq: head.seq, hash: head.hash },
    recordHead: formatLogHead(recordHeadOf(log)),
    signer: { name: signer, fingerprint },
    tool: { name: 'soz', version: installFacts().version },
  };
  const seal = createSeal(payload, key);
  const path = sealPath(fingerprint);
  const text = canonicalJson(seal, true);
  workspace.commit(options.clock, {
    actor: options.actor,
    action: 'seal.create',
    inputs: [...reports.map((report) => ({ path: report.path, sha256: report.sha256 })), payload.manifest],
    outputs: [{ path, sha256: sha256(text) }],
    details: { fingerprint, signer, algorithm: 'Ed25519', logHead: payload.logHead, recordHead: payload.recordHead, payloadSha256: sha256(canonicalJson(payload)) },
  }, [workspace.stageFile(path, text)]);
  return { path, fingerprint, payload };
}

/** A file the seal names whose hash is not the sealed one (`now` null: the file is gone). */
function sealedFileChanged(seal: string, file: string, sealed: string, now: string | null): Said {
  return now === null
    ? said(`${seal}: sealed ${file} had sha256 ${sealed}, now (missing)`, 'verify.seal.file-missing', { path: seal, file, sealed })
    : said(`${seal}: sealed ${file} had sha256 ${sealed}, now ${now}`, 'verify.seal.file-changed', { path: seal, file, sealed, now });
}

/**
 * A report file read once, in chunks (never held whole): its SHA-256 and, for a Markdown report,
 * the digest its last line claims and the digest of the text above it; null when it is missing.
 */
function reportHashes(dir: string, relative: string, where: string): { sha256: string; digestLine: { claimed: string | null; actual: string } | null } | null {
  const chunks = caseFileChunks(dir, relative, where);
  if (chunks === null) return null;
  const whole = sha256Hasher();
  function* hashed(): Generator<Buffer> {
    for (const chunk of chunks!) {
      whole.update(chunk);
      yield chunk;
    }
  }
  if (relative.endsWith('.md')) {
    const digestLine = checkReportDigestChunks(hashed());
    return { sha256: whole.hex(), digestLine };
  }
  for (const chunk of chunks) whole.update(chunk);
  return { sha256: whole.hex(), digestLine: null };
}

/**
 * Problems with one seal file of a case, as lines naming the seal: signature (against the
 * trusted keys when given, else the embedded key), and whether the sealed files still match.
 */
export function sealCheck(dir: string, path: string, log: readonly LogEntry[], trusted?: readonly KeyObject[]): Said[] {
  const bytes = readCaseFile(dir, path);
  if (bytes === null) return [said(`${path}: seal missing`, 'verify.seal.missing', { path })];
  let seal: SealFile;
  try {
    seal = JSON.parse(bytes.toString('utf8')) as SealFile;
  } catch {
    return [said(`${path}: seal is not valid JSON`, 'verify.seal.not-json', { path })];
  }
  if (!seal || typeof seal !== 'object' || !seal.payload || typeof seal.fingerprint !== 'string') return [said(`${path}: not a soz seal`, 'verify.seal.not-seal', { path })];
  const problems: Said[] = [];
  if (trusted && trusted.length > 0) {
    const attempts = trusted.map((key) => sealSignatureProblems(seal, path, key));
    if (!attempts.some((attempt) => attempt.length === 0)) problems.push(...attempts[0]!);
  } else {
    problems.push(...sealSignatureProblems(seal, path));
  }
  const payload = seal.payload;
  const current = (relative: string) => caseFileSha256(dir, relative, `${path}: sealed file`);
  for (const report of Array.isArray(payload.reports) ? payload.reports : []) {
    const read = reportHashes(dir, report.path, `${path}: sealed file`);
    if (read?.sha256 !== report.sha256) problems.push(sealedFileChanged(path, report.path, report.sha256, read?.sha256 ?? null));
    if (read?.digestLine && read.digestLine.actual !== report.digest) {
      problems.push(said(`${path}: sealed report digest ${report.digest}, ${report.path} now ${read.digestLine.actual}`, 'verify.seal.digest', { path, sealed: report.digest, report: report.path, now: read.digestLine.actual }));
    }
  }
  if (payload.manifest && current(payload.manifest.path) !== payload.manifest.sha256) {
    problems.push(sealedFileChanged(path, payload.manifest.path, payload.manifest.sha256, current(payload.manifest.path)));
  }
  if (payload.caseSha256 !== current(CaseFiles.metadata)) problems.push(sealedFileChanged(path, CaseFiles.metadata, payload.caseSha256, current(CaseFiles.metadata)));
  const metadata = readCaseFile(dir, CaseFiles.metadata);
  if (metadata !== null) {
    try {
      const caseNumber = (JSON.parse(metadata.toString('utf8')) as CaseMetadata).caseNumber;
      if (caseNumber !== payload.caseNumber) problems.push(said(`${path}: sealed case number ${JSON.stringify(payload.caseNumber)}, case.json says ${JSON.stringify(caseNumber)}`, 'verify.seal.case-number', { path, sealed: JSON.stringify(payload.caseNumber), now: JSON.stringify(caseNumber) }));
    } catch {
      // case.json damage is reported by the recorded-files check.
    }
  }
  const head = log.find((entry) => entry.seq === payload.logHead?.seq);
  if (!head || head.hash !== payload.logHead.hash) problems.push(said(`${path}: sealed log head (entry ${payload.logHead?.seq}, ${String(payload.logHead?.hash).slice(0, 12)}…) is not in the log any more`, 'verify.seal.log-head', { path, entry: String(payload.logHead?.seq), hash: String(payload.logHead?.hash).slice(0, 12) }));
  if (payload.recordHead !== undefined) {
    const sealedRecord = typeof payload.recordHead === 'string' ? parseLogHead(payload.recordHead) : undefined;
    if (!sealedRecord || expectedHeadCheck(log, sealedRecord).matched !== 'record head') problems.push(said(`${path}: sealed record head ${String(payload.recordHead).slice(0, 24)}… is not in the log any more`, 'verify.seal.record-head', { path, head: String(payload.recordHead).slice(0, 24) }));
  }
  const created = log.find((entry) => entry.action === 'seal.create' && entry.outputs?.some((file) => file.path === path && file.sha256 === sha256(bytes)));
  if (!created) problems.push(said(`${path}: no seal.create log entry records this seal file`, 'verify.seal.not-logged', { path }));
  return problems;
}
