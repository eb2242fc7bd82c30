import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isHeldTemporary, isTempName } from './atomic.js';
import { copyIntoCase } from './evidence-store.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function folder(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

/** A fictional seized file of `size` bytes, several read chunks long, with Cyrillic in it. */
function seizedFile(size: number): { path: string; bytes: Buffer } {
  const line = Buffer.from('{"text":"Салам, достор — a fictional line"}\n', 'utf8');
  const bytes = Buffer.alloc(size);
  for (let at = 0; at < size; at += line.length) line.copy(bytes, at);
  const path = join(folder('soz-seized-'), 'result.json');
  writeFileSync(path, bytes);
  return { path, bytes };
}

const hex = (algorithm: string, bytes: Uint8Array) => createHash(algorithm).update(bytes).digest('hex');

describe('copyIntoCase (the evidence read once)', () => {
  it('hashes the file and writes its copy from the same read, under a temporary name this process holds', async () => {
    const caseDir = folder('soz-case-');
    const { path, bytes } = seizedFile(3 * 1024 * 1024 + 17);
    const copy = await copyIntoCase(caseDir, path);
    expect(copy.digest).toEqual({ sha256: hex('sha256', bytes), size: bytes.length });
    expect(readFileSync(copy.path).equals(bytes)).toBe(true);
    expect(isTempName(basename(copy.path))).toBe(true);
    expect(isHeldTemporary(copy.path)).toBe(true);
    const { move, digest } = await copy.stage('.json');
    expect(move).toEqual({ from: `evidence/${basename(copy.path)}`, to: `evidence/${copy.digest.sha256}.json` });
    expect(digest).toEqual({ sha256: hex('sha256', bytes), md5: hex('md5', bytes), size: bytes.length });
    expect(statSync(copy.path).mode & 0o777).toBe(0o444);
    expect(readFileSync(path).equals(bytes)).toBe(true); // the original only read
  });

  it('refuses to stage a copy whose bytes on disk are not those it hashed', async () => {
    const caseDir = folder('soz-case-');
    const { path } = seizedFile(64 * 1024);
    const copy = await copyIntoCase(caseDir, path);
    writeFileSync(copy.path, 'damaged');
    await expect(copy.stage('.json')).rejects.toThrow(/hash differs/);
    copy.discard();
  });

  it('discard leaves the case as it was: no copy, no empty evidence/ (one another copy is in stays)', async () => {
    const caseDir = folder('soz-case-');
    const { path } = seizedFile(1000);
    const first = await copyIntoCase(caseDir, path);
    const second = await copyIntoCase(caseDir, path);
    first.discard();
    expect(existsSync(first.path)).toBe(false);
    expect(isHeldTemporary(first.path)).toBe(false);
    expect(readdirSync(join(caseDir, 'evidence'))).toEqual([basename(second.path)]);
    second.discard();
    expect(existsSync(join(caseDir, 'evidence'))).toBe(false);
  });

  it('a file that cannot be read leaves nothing behind', async () => {
    const caseDir = folder('soz-case-');
    await expect(copyIntoCase(caseDir, join(caseDir, 'missing.json'))).rejects.toThrow();
    expect(existsSync(join(caseDir, 'evidence'))).toBe(false);
  });
});
