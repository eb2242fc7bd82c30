import { beforeAll, describe, expect, it } from 'vitest';
import { cpSync, readFileSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { createHash, createPublicKey } from 'node:crypto';
import type { LogEntry } from '../src/core/case.js';
import { logChainProblems } from '../src/core/case.js';
import { formatLogHead, recordHeadOf } from '../src/core/log-head.js';
import { soz, tempDir } from './support/cli.js';
import { analysedCase, completeProcedure, ok } from './sop-support.js';


/** Runs soz in-process with a fixed clock and the given environment. */
const run = (argv: readonly string[], env: Record<string, string> = {}) => soz(argv, { env, now: new Date('2026-03-11T10:00:00Z') });

const PASS = { SOZ_KEY_PASSPHRASE: 'correct horse battery' };
let caseDir = '';
let keyA = { key: '', pub: '', fingerprint: '' };
let keyB = { key: '', pub: '', fingerprint: '' };

async function newKey(name: string): Promise<typeof keyA> {
  const out = tempDir('soz-keys-');
  const result = await run(['keys', 'new', '--out', out, '--name', name], PASS);
  expect(result.code, result.stderr).toBe(0);
  const fingerprint = /fingerprint: ([0-9a-f]{64})/.exec(result.stdout)![1]!;
  return { key: join(out, `${fingerprint.slice(0, 16)}.key.pem`), pub: join(out, `${fingerprint.slice(0, 16)}.pub.pem`), fingerprint };
}

beforeAll(async () => {
  // soz seals only a final conclusion: the fictional case is walked through the whole procedure.
  const { dir, ids } = await analysedCase('en', false);
  caseDir = dir;
  await completeProcedure(caseDir, ids);
  await ok(['report', caseDir, '--final']);
  keyA = await newKey('Examiner A. Fictional');
  keyB = await newKey('Examiner B. Fictional');
});

describe('soz keys new', () => {
  it('writes an encrypted PKCS#8 private key with mode 0600, the public key and its SPKI fingerprint', () => {
    const pem = readFileSync(keyA.key, 'utf8');
    expect(pem).toContain('-----BEGIN ENCRYPTED PRIVATE KEY-----');
    expect(statSync(keyA.key).mode & 0o777).toBe(0o600);
    const der = createPublicKey(readFileSync(keyA.pub, 'utf8')).export({ type: 'spki', format: 'der' });
    expect(createHash('sha256').update(der).digest('hex')).toBe(keyA.fingerprint);
    expect(JSON.parse(readFileSync(keyA.key.replace(/\.pem$/, '.json'), 'utf8')).name).toBe('Examiner A. Fictional');
    expect(keyA.fingerprint).not.toBe(keyB.fingerprint);
  });

  it('never takes the passphrase from an argument: without the environment variable or a terminal it refuses', async () => {
    const result = await run(['keys', 'new', '--out', tempDir(), '--name', 'X'], {});
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('SOZ_KEY_PASSPHRASE');
    const withArg = await run(['keys', 'new', '--out', tempDir(), '--name', 'X', '--passphrase', 'secret123'], PASS);
    expect(withArg.code).toBe(2);
  });
});

describe('soz seal and soz verify --public-key', () => {
  let sealed = '';
  let sealedHead = '';
  beforeAll(async () => {
    sealed = join(tempDir('soz-sealed-'), 'case');
    cpSync(caseDir, sealed, { recursive: true });
    const result = await run(['seal', sealed, '--key', keyA.key], PASS);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`seal: seals/${keyA.fingerprint.slice(0, 16)}.json`);
    sealedHead = /^sealed log head: (\d+:[0-9a-f]{64}) /m.exec(result.stdout)![1]!;
  });

  it('prints the sealed log head, which verify --expect-head accepts', async () => {
    const seal = JSON.parse(readFileSync(join(sealed, 'seals', `${keyA.fingerprint.slice(0, 16)}.json`), 'utf8'));
    expect(sealedHead).toBe(`${seal.payload.logHead.seq}:${seal.payload.logHead.hash}`);
    const result = await run(['verify', sealed, '--expect-head', sealedHead]);
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toContain(`expected head ${sealedHead}: present as the log head, 1 later entry`);
  });

  it('carries the record head at the sealed entry, which verify --expect-head accepts as such', async () => {
    const seal = JSON.parse(readFileSync(join(sealed, 'seals', `${keyA.fingerprint.slice(0, 16)}.json`), 'utf8'));
    const log = readFileSync(join(sealed, 'log.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as LogEntry);
    expect(seal.payload.recordHead).toBe(formatLogHead(recordHeadOf(log.slice(0, seal.payload.logHead.seq))));
    const result = await run(['verify', sealed, '--expect-head', seal.payload.recordHead]);
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toContain(`expected head ${seal.payload.recordHead}: present as the record head, it is the last record`);
  });

  it('refuses a seal naming a file outside the case (exit 2), never reading it', async () => {
    const dir = join(tempDir('soz-sealed-hostile-'), 'case');
    cpSync(sealed, dir, { recursive: true });
    const path = join(dir, 'seals', `${keyA.fingerprint.slice(0, 16)}.json`);
    chmodSync(path, 0o644);
    const seal = JSON.parse(readFileSync(path, 'utf8'));
    seal.payload.reports[0].path = '../../outside.md';
    writeFileSync(path, JSON.stringify(seal));
    writeFileSync(join(dir, '..', '..', 'outside.md'), 'fictional words outside the case');
    const result = await run(['verify', dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/seals\/[0-9a-f]{16}\.json: sealed file names "\.\.\/\.\.\/outside\.md", which climbs out of the folder with "\.\."; refused/);
    expect(result.stdout + result.stderr).not.toContain('fictional words');
  });

  it('records the seal in the log with the seal file hash, chain intact', () => {
    const log = readFileSync(join(sealed, 'log.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as LogEntry);
    expect(logChainProblems(log)).toEqual([]);
    const last = log.at(-1)!;
    expect(last.action).toBe('seal.create');
    const sealPath = `seals/${keyA.fingerprint.slice(0, 16)}.json`;
    expect(last.outputs).toEqual([{ path: sealPath, sha256: createHash('sha256').update(readFileSync(join(sealed, sealPath))).digest('hex') }]);
    const seal = JSON.parse(readFileSync(join(sealed, sealPath), 'utf8'));
    expect(seal.payload.logHead).toEqual({ seq: log.at(-2)!.seq, hash: log.at(-2)!.hash });
    expect(seal.payload.reports.map((report: { path: string }) => report.path)).toEqual(['reports/report.en.md']);
    expect(seal.payload.signer.name).toBe('Examiner A. Fictional');
  });

  it('verifies with the sealing key', async () => {
    const result = await run(['verify', sealed, '--public-key', keyA.pub]);
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toContain('seals: 1');
  });

  it('fails with another key, naming the seal', async () => {
    const result = await run(['verify', sealed, '--public-key', keyB.pub]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/seals\/[0-9a-f]{16}\.json: made with key [0-9a-f]{16}…, not with the given public key/);
    expect(result.stdout).toMatch(/no valid seal in the case was made with this public key/);
  });

  it('fails when the sealed report changes afterwards, naming the seal and the report', async () => {
    const dir = join(tempDir('soz-sealed-tamper-'), 'case');
    cpSync(sealed, dir, { recursive: true });
    const path = join(dir, 'reports', 'report.en.md');
    writeFileSync(path, readFileSync(path, 'utf8').replace('#', '##'));
    const result = await run(['verify', dir, '--public-key', keyA.pub]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/seals\/[0-9a-f]{16}\.json: sealed reports\/report\.en\.md had sha256 [0-9a-f]{64}, now [0-9a-f]{64}/);
  });

  it('fails when the seal payload is edited (signature no longer verifies)', async () => {
    const dir = join(tempDir('soz-sealed-tamper-'), 'case');
    cpSync(sealed, dir, { recursive: true });
    const path = join(dir, 'seals', `${keyA.fingerprint.slice(0, 16)}.json`);
    chmodSync(path, 0o644);
    writeFileSync(path, readFileSync(path, 'utf8').replace('Examiner A. Fictional', 'Examiner C. Fictional'));
    const result = await run(['verify', dir]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/seals\/[0-9a-f]{16}\.json: signature does not verify/);
  });

  it('refuses a wrong passphrase without changing the case', async () => {
    const before = readFileSync(join(caseDir, 'log.jsonl'), 'utf8');
    const result = await run(['seal', caseDir, '--key', keyA.key], { SOZ_KEY_PASSPHRASE: 'wrong passphrase' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('wrong passphrase');
    expect(readFileSync(join(caseDir, 'log.jsonl'), 'utf8')).toBe(before);
  });
});
