import { beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { DEFAULT_LIMITS } from '../src/ingest/adapter.js';
import { unpackBundle } from '../src/case/bundle-folder.js';
import { fileSha256, snapshotTree, soz, tempDir } from './support/cli.js';

const DEMO_MATERIALS = new URL('../corpora/demo/materials/', import.meta.url).pathname;
const demoFiles = () => readdirSync(DEMO_MATERIALS).sort().map((name) => join(DEMO_MATERIALS, name));
/** Runs soz in-process with a fixed clock. */
const run = (argv: readonly string[]) => soz([...argv], { now: new Date('2026-03-11T10:00:00Z') });

let caseDir = '';
let bundle = '';

beforeAll(async () => {
  caseDir = join(tempDir('soz-bundle-'), 'case');
  const made = await soz(['run', ...demoFiles(), '--out', caseDir, '--language', 'ky']);
  expect(made.code, made.stderr).toBe(0);
  bundle = join(tempDir('soz-bundle-out-'), 'case.zip');
  const result = await run(['bundle', caseDir, '-o', bundle]);
  expect(result.code, result.stderr).toBe(0);
});

/** A ZIP with the given entries, for the hostile-bundle tests. */
async function hostileZip(entries: { name: string; data: string; unixPermissions?: number }[]): Promise<string> {
  const zip = new JSZip();
  for (const entry of entries) zip.file(entry.name, entry.data, { createFolders: false, ...(entry.unixPermissions === undefined ? {} : { unixPermissions: entry.unixPermissions }) });
  const path = join(tempDir('soz-hostile-'), 'bad.zip');
  writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer', platform: 'UNIX', compression: 'DEFLATE' }));
  return path;
}

describe('soz bundle', () => {
  it('is deterministic: the same case bundled twice gives the same bytes', async () => {
    const again = join(tempDir('soz-bundle-out-'), 'case.zip');
    expect((await run(['bundle', caseDir, '-o', again])).code).toBe(0);
    expect(fileSha256(again)).toBe(fileSha256(bundle));
  });

  it('holds the case files in path order, README first, with fixed dates and the version to install', async () => {
    const zip = await JSZip.loadAsync(readFileSync(bundle));
    const names = Object.keys(zip.files);
    expect(names[0]).toBe('README.txt');
    expect(names.slice(1)).toEqual([...names.slice(1)].sort());
    for (const name of ['case.json', 'evidence.json', 'log.jsonl', 'derived/manifest.json', 'reports/report.ky.md']) expect(names).toContain(name);
    expect(names.filter((name) => name.startsWith('evidence/'))).toHaveLength(3);
    for (const file of Object.values(zip.files)) expect(file.date.toISOString()).toBe('1980-01-01T00:00:00.000Z');
    const readme = await zip.file('README.txt')!.async('string');
    const manifest = JSON.parse(readFileSync(join(caseDir, 'derived', 'manifest.json'), 'utf8'));
    const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'package.json'), 'utf8')) as { name: string };
    expect(readme).toContain(`npm install -g --offline ./${pkg.name}-${manifest.tool.version}.tgz`);
    expect(readme).toContain(`made by npm package "${pkg.name}" ${manifest.tool.version}`);
    expect(readme).not.toContain('git checkout');
    expect(readme).toContain(manifest.lockfileSha256);
    expect(readme).toContain('soz verify case.zip');
    for (const heading of ['[RU]', '[KY]', '[EN]']) expect(readme).toContain(heading);
  });

  it('verifies as a bundle (exit 0) and the evidence copies come out read-only', async () => {
    const result = await run(['verify', bundle]);
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toMatch(/^bundle: \d+ entries unpacked/);
    const dest = join(tempDir('soz-unpack-'), 'case');
    await unpackBundle(bundle, dest, DEFAULT_LIMITS);
    for (const name of readdirSync(join(dest, 'evidence'))) expect(statSync(join(dest, 'evidence', name)).mode & 0o222).toBe(0);
    const { 'README.txt': _readme, ...unpacked } = snapshotTree(dest);
    const original = snapshotTree(caseDir);
    expect(Object.fromEntries(Object.entries(unpacked).map(([k, v]) => [k, v.split(' ')[0]]))).toEqual(Object.fromEntries(Object.entries(original).map(([k, v]) => [k, v.split(' ')[0]])));
  });

  it('names a change made inside the bundle', async () => {
    const zip = await JSZip.loadAsync(readFileSync(bundle));
    const report = await zip.file('reports/report.ky.md')!.async('string');
    zip.file('reports/report.ky.md', report.replace('|', '!'), { date: new Date(Date.UTC(1980, 0, 1)) });
    const changed = join(tempDir('soz-bundle-bad-'), 'changed.zip');
    writeFileSync(changed, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    const result = await run(['verify', changed]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/FIRST DIFFERENCE: reports\/report\.ky\.md: sha256 [0-9a-f]{64} differs from the log/);
  });
});

describe('unpacking refuses hostile bundles, naming the entry', () => {
  const hostile: { name: string; entries: { name: string; data: string; unixPermissions?: number }[]; message: RegExp }[] = [
    { name: 'a ".." path', entries: [{ name: 'case.json', data: '{}' }, { name: 'evidence/../../escape.txt', data: 'x' }], message: /entry "evidence\/\.\.\/\.\.\/escape\.txt" climbs out/ },
    { name: 'an absolute path', entries: [{ name: '/etc/soz-escape', data: 'x' }], message: /entry "\/etc\/soz-escape" is an absolute path/ },
    { name: 'a drive letter', entries: [{ name: 'C:/Windows/escape.txt', data: 'x' }], message: /entry "C:\/Windows\/escape\.txt" starts with a drive letter/ },
    { name: 'a symbolic link', entries: [{ name: 'evidence/link', data: '/etc/passwd', unixPermissions: 0o120777 }], message: /entry "evidence\/link" is a symbolic link/ },
  ];
  for (const item of hostile) {
    it(`refuses ${item.name}`, async () => {
      const path = await hostileZip(item.entries);
      const result = await run(['verify', path]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(item.message);
    });
  }

  it('refuses an entry over the size limit and an oversized total', async () => {
    const path = await hostileZip([{ name: 'case.json', data: 'x'.repeat(5000) }, { name: 'log.jsonl', data: 'y'.repeat(5000) }]);
    const dest = () => join(tempDir('soz-unpack-'), 'case');
    await expect(unpackBundle(path, dest(), { ...DEFAULT_LIMITS, maxCompressionRatio: 10_000, maxFileBytes: 1000 })).rejects.toThrow(/entry "case\.json" is 5000 bytes, over the file-size limit 1000/);
    await expect(unpackBundle(path, dest(), { ...DEFAULT_LIMITS, maxCompressionRatio: 10_000, maxDecompressedBytes: 8000 })).rejects.toThrow(/entry "log\.jsonl" brings the unpacked total over 8000 bytes/);
    await expect(unpackBundle(path, dest(), { ...DEFAULT_LIMITS, maxCompressionRatio: 10 })).rejects.toThrow(/entry "case\.json" expands \d+-fold/);
  });
});
