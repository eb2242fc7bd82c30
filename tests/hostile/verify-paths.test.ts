/**
 * A hostile case folder or bundle must not make `soz verify` read or write outside: every path
 * the log names is refused (exit 2, the entry named) when it leaves the case, and verify's own
 * temporary folders are removed. Fictional material only (corpora/demo/materials).
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import type { LogEntry } from '../../src/core/case.js';
import { fileSha256, soz, tempDir } from '../support/cli.js';
import { editLog, logEntries, rechainedLog } from '../support/log-edit.js';

const MATERIALS = new URL('../../corpora/demo/materials/', import.meta.url).pathname;
const SECRET_WORDS = 'fictional-secret-words-of-the-examiner-machine';
const run = (argv: readonly string[]) => soz(argv, { now: new Date('2026-03-11T10:00:00Z') });

let base = '';
let baseBundle = '';
const savedTmp = process.env['TMPDIR'];

beforeAll(async () => {
  base = join(tempDir('soz-hostile-base-'), 'case');
  const made = await run(['run', ...readdirSync(MATERIALS).sort().map((name) => join(MATERIALS, name)), '--out', base]);
  expect(made.code, made.stderr).toBe(0);
  baseBundle = join(tempDir('soz-hostile-bundle-'), 'case.zip');
  expect((await run(['bundle', base, '-o', baseBundle])).code).toBe(0);
});

afterEach(() => {
  if (savedTmp === undefined) delete process.env['TMPDIR'];
  else process.env['TMPDIR'] = savedTmp;
});

/**
 * A sandbox: `work/case` (a copy of the base case), `secret.txt` beside it, and `tmp/`, which
 * becomes verify's temporary folder (TMPDIR), holding its own `secret.txt`.
 */
function sandbox(): { root: string; dir: string; tmp: string } {
  const root = tempDir('soz-hostile-sandbox-');
  const dir = join(root, 'work', 'case');
  cpSync(base, dir, { recursive: true });
  const tmp = join(root, 'tmp');
  mkdirSync(tmp);
  writeFileSync(join(root, 'secret.txt'), `${SECRET_WORDS}\n`);
  writeFileSync(join(tmp, 'secret.txt'), `${SECRET_WORDS}\n`);
  return { root, dir, tmp };
}

/** Every entry below `dir` without following links: files by hash, links by target. */
function tree(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    const name = `${prefix}${entry.name}`;
    if (entry.isSymbolicLink()) return [`${name} -> ${readlinkSync(full)}`];
    if (entry.isDirectory()) return tree(full, `${name}/`);
    return [`${name} ${fileSha256(full)}`];
  });
}

/** Runs verify with TMPDIR inside the sandbox; checks nothing outside the case changed and no temporary folder is left. */
async function verifyInSandbox(box: { root: string; tmp: string }, target: string) {
  const before = tree(box.root);
  process.env['TMPDIR'] = box.tmp;
  const result = await run(['verify', target]);
  expect(tree(box.root)).toEqual(before);
  expect(readdirSync(box.tmp)).toEqual(['secret.txt']);
  expect(result.stdout + result.stderr).not.toContain(SECRET_WORDS);
  return result;
}

function withOutputPath(action: string, path: string) {
  return (entries: LogEntry[]) => entries.map((entry) => (entry.action === action ? { ...entry, outputs: [{ path, sha256: entry.outputs[0]!.sha256 }] } : entry));
}

const seqOf = (dir: string, action: string) => readFileSync(join(dir, 'log.jsonl'), 'utf8').split('\n').findIndex((line) => line.includes(`"action":"${action}"`)) + 1;

describe('a hostile case folder cannot make verify touch anything outside it', () => {
  it('refuses an evidence copy path that climbs out (an attacker file would be copied outside the temporary folder)', async () => {
    const box = sandbox();
    writeFileSync(join(box.root, 'escape.txt'), 'attacker bytes');
    editLog(box.dir, (entries) =>
      entries.map((entry, index) => (index === 1 ? { ...entry, details: { ...entry.details, evidence: { ...(entry.details['evidence'] as object), copy: '../../escape.txt' } } } : entry)),
    );
    const result = await verifyInSandbox(box, box.dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/log\.jsonl entry 2 \(evidence\.add\) evidence copy names "\.\.\/\.\.\/escape\.txt", which climbs out of the folder with "\.\."; refused/);
  });

  it('refuses a report path that climbs out to a local file, never printing its words', async () => {
    const box = sandbox();
    editLog(box.dir, withOutputPath('report.render', '../../secret.txt'));
    const result = await verifyInSandbox(box, box.dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`entry ${seqOf(box.dir, 'report.render')} \\(report\\.render\\) output names "\\.\\./\\.\\./secret\\.txt", which climbs out`));
  });

  it('refuses an absolute report path', async () => {
    const box = sandbox();
    editLog(box.dir, withOutputPath('report.render', join(box.root, 'secret.txt')));
    const result = await verifyInSandbox(box, box.dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/\(report\.render\) output names "[^"]+secret\.txt", which is an absolute path; refused/);
  });

  it('refuses a report that is a link to a file outside the case', async () => {
    const box = sandbox();
    rmSync(join(box.dir, 'reports', 'report.ru.md'));
    symlinkSync(join(box.root, 'secret.txt'), join(box.dir, 'reports', 'report.ru.md'));
    const result = await verifyInSandbox(box, box.dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/names "reports\/report\.ru\.md", which passes through a link leading outside the folder; refused/);
  });

  it('refuses a derived/ folder that is a link to a folder outside the case', async () => {
    const box = sandbox();
    const outside = join(box.root, 'outside-derived');
    cpSync(join(box.dir, 'derived'), outside, { recursive: true });
    rmSync(join(box.dir, 'derived'), { recursive: true });
    symlinkSync(outside, join(box.dir, 'derived'));
    const result = await verifyInSandbox(box, box.dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/entry \d+ \(analysis\.run\) output names "derived\/[^"]+", which passes through a link leading outside the folder; refused/);
  });
});

describe('a hostile bundle cannot make verify read a local file', () => {
  /** The base bundle with its log edited and re-chained. */
  async function bundleWithLog(box: { root: string }, edit: (entries: LogEntry[]) => LogEntry[]): Promise<string> {
    const zip = await JSZip.loadAsync(readFileSync(baseBundle));
    const log = await zip.file('log.jsonl')!.async('string');
    zip.file('log.jsonl', rechainedLog(edit(logEntries(log))), { date: new Date(Date.UTC(1980, 0, 1)), createFolders: false });
    const path = join(box.root, 'work', 'hostile.zip');
    writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    return path;
  }

  it('refuses a log naming /etc/hostname', async () => {
    const box = sandbox();
    const bundle = await bundleWithLog(box, withOutputPath('report.render', '/etc/hostname'));
    const result = await verifyInSandbox(box, bundle);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/hostile\.zip: log\.jsonl entry \d+ \(report\.render\) output names "\/etc\/hostname", which is an absolute path; refused/);
    expect(result.stderr).not.toContain(box.tmp);
  });

  it('refuses a log naming ../../secret.txt (the file beside the unpack folder), never printing its words', async () => {
    const box = sandbox();
    const bundle = await bundleWithLog(box, withOutputPath('report.render', '../../secret.txt'));
    const result = await verifyInSandbox(box, bundle);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/\(report\.render\) output names "\.\.\/\.\.\/secret\.txt", which climbs out/);
  });

  it('verifies the untouched bundle inside the same sandbox and leaves no temporary folder', async () => {
    const box = sandbox();
    const result = await verifyInSandbox(box, baseBundle);
    expect(result.code, result.stdout).toBe(0);
  });
});
