import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LogEntry } from '../src/core/case.js';
import type { CompareResult } from '../src/core/known-material.js';
import { snapshotTree, soz, tempDir } from './support/cli.js';

// Fictional material written for these tests: a leaflet of a made-up society of pine-cone keepers
// (Russian) and a note that retypes part of it in Latin transliteration with other line breaks.
const FIXTURES = new URL('./fixtures/library/', import.meta.url).pathname;
const LEAFLET = join(FIXTURES, 'fictional-leaflet.txt');
const NOTE = join(FIXTURES, 'seized-note.txt');
const PROVENANCE = ['--court', 'Fictional District Court No. 9', '--decision-date', '2024-02-29', '--decision-number', '9-77/2024', '--list', 'Fictional list of decided material', '--entry', '412', '--language', 'ru'];

async function libraryWithLeaflet(): Promise<string> {
  const lib = join(tempDir('soz-library-'), 'lib');
  expect((await soz(['library', 'init', lib])).code).toBe(0);
  const added = await soz(['library', 'add', lib, LEAFLET, ...PROVENANCE]);
  expect(added.code, added.stderr).toBe(0);
  return lib;
}

async function analysedCase(): Promise<string> {
  const caseDir = join(tempDir('soz-compare-'), 'case');
  const run = await soz(['run', NOTE, '--out', caseDir]);
  expect(run.code, run.stderr).toBe(0);
  return caseDir;
}

describe('soz library', () => {
  it('adds, lists and removes items with a hash-chained log, keeping the copy', async () => {
    const lib = await libraryWithLeaflet();
    const listed = await soz(['library', 'list', lib]);
    expect(listed.stdout).toContain('fictional-leaflet.txt (ru, 139 words): Fictional District Court No. 9, 2024-02-29 No. 9-77/2024');
    const sha = listed.stdout.split(' ')[0]!;
    const before = snapshotTree(lib);
    const removed = await soz(['library', 'remove', lib, sha, '--reason', 'decision overturned (fictional)']);
    expect(removed.code, removed.stderr).toBe(0);
    const after = snapshotTree(lib);
    for (const path of Object.keys(before).filter((p) => p.startsWith('items/') || p.startsWith('text/'))) expect(after[path]).toBe(before[path]);
    expect((await soz(['library', 'list', lib])).stdout).toContain('no items yet');
    const actions = readFileSync(join(lib, 'log.jsonl'), 'utf8').trim().split('\n').map((line) => (JSON.parse(line) as LogEntry).action);
    expect(actions).toEqual(['library.init', 'library.index', 'library.add', 'library.remove']);
  });

  it('refuses bad provenance, a duplicate and an unreadable item with one line and exit 2', async () => {
    const lib = await libraryWithLeaflet();
    const badDate = await soz(['library', 'add', lib, NOTE, ...PROVENANCE.map((v) => (v === '2024-02-29' ? '2023-02-29' : v))]);
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toMatch(/--decision-date: not a calendar date/);
    const duplicate = await soz(['library', 'add', lib, LEAFLET, ...PROVENANCE]);
    expect(duplicate.code).toBe(2);
    expect(duplicate.stderr).toMatch(/already in the library/);
    const broken = join(tempDir(), 'broken.pdf');
    writeFileSync(broken, '%PDF-1.7\n1 0 obj <<');
    const unreadable = await soz(['library', 'add', lib, broken, ...PROVENANCE]);
    expect(unreadable.code).toBe(2);
    expect(unreadable.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('detects a library changed by hand before comparing', async () => {
    const lib = await libraryWithLeaflet();
    const caseDir = await analysedCase();
    const textFile = Object.keys(snapshotTree(lib)).find((p) => p.startsWith('text/'))!;
    appendFileSync(join(lib, ...textFile.split('/')), ' ');
    const before = snapshotTree(caseDir);
    const result = await soz(['compare', caseDir, '--library', lib]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/changed outside soz \(text\/[0-9a-f]{64}\.json differs/);
    expect(snapshotTree(caseDir)).toEqual(before);
  });
});

describe('soz compare', () => {
  it('finds the retyped, transliterated passage with both places, the decision and the library head', async () => {
    const lib = await libraryWithLeaflet();
    const caseDir = await analysedCase();
    const result = await soz(['compare', caseDir, '--library', lib]);
    expect(result.code, result.stderr).toBe(0);
    const output = JSON.parse(readFileSync(join(caseDir, 'compare', 'matches.json'), 'utf8')) as CompareResult;
    expect(output.matches).toHaveLength(1);
    expect(result.stdout).toContain(`  ${output.matches[0]!.findingId} seized-note.txt [`);
    const [match] = output.matches;
    const note = readFileSync(NOTE, 'utf8');
    const leaflet = readFileSync(LEAFLET, 'utf8');
    expect(note.slice(...match!.evidence.range)).toMatch(/^Kazhduyu osen[\s\S]*tropy luchshe nas$/);
    expect(leaflet.slice(...match!.library.range)).toMatch(/^Каждую осень[\s\S]*тропы лучше нас$/);
    expect(match!.library.provenance).toMatchObject({ court: 'Fictional District Court No. 9', decisionNumber: '9-77/2024', entry: '412' });
    expect(match!.library.share).toBeGreaterThan(0.4);
    expect(match!.library.share).toBeLessThan(0.6);
    const log = readFileSync(join(caseDir, 'log.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as LogEntry);
    const head = (await soz(['library', 'list', lib])).stdout.match(/library head ([0-9a-f]{64})/)![1];
    expect(log.at(-1)).toMatchObject({ action: 'compare.run', details: { libraryHead: head, matches: 1 } });
    expect(output.libraryHead).toBe(head);
    expect(readFileSync(join(caseDir, 'compare', 'matches.csv'), 'utf8')).toContain('9-77/2024');
    expect(log.at(-1)!.details['sozVersion']).toMatch(/^\d+\.\d+\.\d+/);
    const stale = await soz(['verify', caseDir]);
    expect(stale.stdout).toContain('stale: reports/report.ru.md (entry 4) — the examiner\'s records changed after it (entry 5, compare.run)');
    const rendered = await soz(['report', caseDir, '--format', 'md,html,pdf,docx']);
    expect(rendered.code, rendered.stderr).toBe(0);
    const report = readFileSync(join(caseDir, 'reports', 'report.ru.md'), 'utf8');
    expect(report).toContain('### 2.8 Ранее исследованные материалы');
    expect(report).toContain('Решение, записанное в библиотеке: Fictional District Court No. 9, 2024-02-29, № 9-77/2024');
    const verified = await soz(['verify', caseDir]);
    expect(verified.code, verified.stdout).toBe(0);
    const bundle = join(tempDir(), 'case.zip');
    expect((await soz(['bundle', caseDir, '-o', bundle])).code).toBe(0);
    const bundled = await soz(['verify', bundle]);
    expect(bundled.code, bundled.stdout).toBe(0);
    writeFileSync(join(caseDir, 'compare', 'matches.csv'), 'edited');
    expect((await soz(['verify', caseDir])).code).toBe(1);
  });

  it('makes each match a candidate finding the examiner accepts or rejects with a reason', async () => {
    const lib = await libraryWithLeaflet();
    const caseDir = await analysedCase();
    await soz(['compare', caseDir, '--library', lib]);
    const output = JSON.parse(readFileSync(join(caseDir, 'compare', 'matches.json'), 'utf8')) as CompareResult;
    const [finding] = output.findings;
    expect(finding).toMatchObject({ id: output.matches[0]!.findingId, analysis: 'compare', category: 'known-material', citation: { lexicon: 'Fictional list of decided material', entryId: '412' } });
    expect(finding!.actual).toBe(readFileSync(NOTE, 'utf8').slice(...output.matches[0]!.evidence.range));
    const listed = await soz(['review', caseDir, '--list']);
    expect(listed.stdout).toContain(`${finding!.id} known-material:`);
    const noReason = await soz(['review', caseDir, '--accept', finding!.id]);
    expect(noReason.code).toBe(2);
    const accepted = await soz(['review', caseDir, '--accept', finding!.id, '--reason', 'The note retypes the leaflet (fictional)']);
    expect(accepted.code, accepted.stderr).toBe(0);
    expect((await soz(['review', caseDir, '--list'])).stdout).not.toContain(finding!.id);
  });

  it('gives the same bytes for the same inputs, and nothing under a high minimum', async () => {
    const lib = await libraryWithLeaflet();
    const first = await analysedCase();
    const second = await analysedCase();
    await soz(['compare', first, '--library', lib]);
    await soz(['compare', second, '--library', lib]);
    const bytes = (dir: string) => readFileSync(join(dir, 'compare', 'matches.json'));
    expect(bytes(first).equals(bytes(second))).toBe(true);
    await soz(['compare', first, '--library', lib, '--min-words', '200']);
    expect((JSON.parse(bytes(first).toString('utf8')) as CompareResult).matches).toEqual([]);
  });
});
