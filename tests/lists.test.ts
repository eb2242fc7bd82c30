/**
 * The lab's list of banned organisations: its YAML and CSV forms read to the same list, bad rows
 * refused with one line naming the file and the row, the list recorded in a case, its names found
 * in either script, inflected, as an abbreviation and in Uzbek written either way, and the report
 * citing the list's version and date — or warning when it is empty. Fictional list and texts.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LogEntry, RunManifest } from '../src/core/case.js';
import { readOrgListCsv, readOrgListYaml } from '../src/analysis/org-list.js';
import { snapshotTree, soz, tempDir } from './support/cli.js';
import { derivedAnalysis } from './support/derived.js';

const LISTS = new URL('../corpora/lists/', import.meta.url).pathname;
const YAML_LIST = join(LISTS, 'fictional-example.yaml');
const CSV_LIST = join(LISTS, 'fictional-example.csv');
const CSV_HEADER = ['--name', 'Fictional training list of banned organisations', '--list-version', '1.0.0', '--updated', '2026-03-01'];

// Fictional seized text: the names inflected, transliterated, abbreviated and in Uzbek Cyrillic.
const SEIZED = [
  'Вчера у клуба раздавали листовки Братства хранителей кедровой шишки.',
  'Na forume pisali pro Bratstvo khraniteley kedrovoy shishki.',
  'Подпись внизу: БХКШ.',
  'Кедр қуббаси қўриқчилари биродарлиги ҳақида гапиришди.',
  'Шишки в этом году крупные, братство тут ни при чём.',
].join('\n');

describe("the lab's list", () => {
  it('reads the same list from YAML and from CSV', () => {
    const yaml = readOrgListYaml(YAML_LIST, readFileSync(YAML_LIST, 'utf8'));
    const csv = readOrgListCsv(CSV_LIST, readFileSync(CSV_LIST, 'utf8'), { name: 'Fictional training list of banned organisations', version: '1.0.0', updated: '2026-03-01' });
    expect(yaml.problems).toEqual([]);
    expect(csv.list).toEqual(yaml.list);
  });

  it('refuses a bad row with one line naming the file and the row, exit 2', async () => {
    const dir = tempDir('soz-lists-');
    const bad = join(dir, 'bad.csv');
    const lines = readFileSync(CSV_LIST, 'utf8').split('\n');
    writeFileSync(bad, lines.map((line, index) => (index === 3 ? line.replace('2025-11-14', '2025-02-30') : line)).join('\n'));
    const result = await soz(['lists', 'check', bad, ...CSV_HEADER]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe(`soz: error: ${bad}: row 4: the decision differs from row 2 of the same id cedar-cone-keepers; one organisation has one decision per id`);
    const language = join(dir, 'language.csv');
    writeFileSync(language, lines.map((line, index) => (index === 5 ? line.replace(',kk,', ',kz,') : line)).join('\n'));
    expect((await soz(['lists', 'check', language, ...CSV_HEADER])).stderr).toMatch(/language\.csv: row 6: language "kz": use one of/);
    const noHeader = await soz(['lists', 'check', CSV_LIST]);
    expect(noHeader.code).toBe(2);
    expect(noHeader.stderr).toMatch(/fictional-example\.csv: name: /);
    const seized = join(dir, 'seized.txt');
    writeFileSync(seized, SEIZED);
    const caseDir = join(dir, 'case');
    expect((await soz(['run', seized, '--out', caseDir])).code).toBe(0);
    const before = snapshotTree(caseDir);
    const refused = await soz(['lists', 'import', caseDir, bad, ...CSV_HEADER]);
    expect(refused.code).toBe(2);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(snapshotTree(caseDir)).toEqual(before);
  });

  it('names the row or the YAML path of every other problem', () => {
    const header = { name: 'L', version: '1.0.0', updated: '2026-03-01' };
    const row = (date: string) => `a,ru,Имя,Суд,1,${date},`;
    expect(readOrgListCsv('l.csv', `id,language,name,court,decision_number,decision_date,note\n${row('2026-02-30')}`, header).problems).toEqual(['l.csv: row 2 (decisionDate): not a calendar date']);
    expect(readOrgListCsv('l.csv', 'id,language,name,court,decision_number\n', header).problems[0]).toMatch(/^l\.csv: row 1: the header lacks the column\(s\) decision_date/);
    const twice = 'schema: soz.org-list/1\nname: L\nversion: 1.0.0\nupdated: 2026-03-01\nentries:\n' + ['a', 'a'].map((id) => `  - {id: ${id}, names: {ru: [Имя]}, court: С, decisionNumber: "1", decisionDate: 2026-01-01}\n`).join('');
    expect(readOrgListYaml('l.yaml', twice).problems).toEqual(['l.yaml: entries.1.id: id a is used twice; give each organisation its own id']);
    const nameless = 'schema: soz.org-list/1\nname: L\nversion: 1.0.0\nupdated: 2026-03-01\nentries:\n  - {id: a, names: {}, court: С, decisionNumber: "1", decisionDate: 2026-01-01}\n';
    expect(readOrgListYaml('l.yaml', nameless).problems).toEqual(['l.yaml: entries.0.names: give at least one name or abbreviation']);
  });

  it('is recorded in the case, its names found in either script and cited with version and date in the report', async () => {
    const root = tempDir('soz-lists-case-');
    const seized = join(root, 'seized.txt');
    writeFileSync(seized, SEIZED);
    const caseDir = join(root, 'case');
    expect((await soz(['run', seized, '--out', caseDir])).code).toBe(0);
    const imported = await soz(['lists', 'import', caseDir, YAML_LIST]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('Fictional training list of banned organisations 1.0.0 (updated 2026-03-01): 2 organisation(s)');
    const log = readFileSync(join(caseDir, 'log.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as LogEntry);
    expect(log.at(-1)).toMatchObject({ action: 'lists.import', details: { version: '1.0.0', updated: '2026-03-01', entries: 2 } });
    expect((await soz(['analyze', caseDir])).code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(caseDir, 'derived', 'manifest.json'), 'utf8')) as RunManifest;
    expect(manifest.parameters['orgList']).toMatchObject({ path: 'lists/organisations.json', version: '1.0.0', updated: '2026-03-01' });
    const findings = derivedAnalysis(caseDir, 'org-list').findings ?? [];
    expect(findings.map((finding) => finding.actual)).toEqual(['Братства хранителей кедровой шишки', 'Bratstvo khraniteley kedrovoy shishki', 'БХКШ', 'Кедр қуббаси қўриқчилари биродарлиги']);
    expect(findings[0]).toMatchObject({ category: 'banned-organisations', citation: { lexicon: 'Fictional training list of banned organisations', lexiconVersion: '1.0.0 (2026-03-01)', entryId: 'cedar-cone-keepers', source: 'Сосновоборский районный суд (вымышленный), 2025-11-14 No. 2-417/2025' } });
    expect((await soz(['report', caseDir, '--language', 'en'])).code).toBe(0);
    const report = readFileSync(join(caseDir, 'reports', 'report.en.md'), 'utf8');
    expect(report).toContain("- The lab's lists of organisations: Fictional training list of banned organisations (abbreviation, en, kk, ky, ru, uz-Cyrl, uz-Latn), version 1.0.0, last updated 2026-03-01: 2 entries (SHA-256 ");
    // The report soz run wrote before the list was imported is stale; everything else is reproduced.
    expect((await soz(['verify', caseDir])).stdout).toMatch(/verify: \d+ checks, 0 differences, 1 stale report/);
  });

  it('warns in the report when the list is empty or none was given', async () => {
    const root = tempDir('soz-lists-empty-');
    const seized = join(root, 'seized.txt');
    writeFileSync(seized, SEIZED);
    const caseDir = join(root, 'case');
    expect((await soz(['run', seized, '--out', caseDir, '--language', 'en'])).code).toBe(0);
    expect(readFileSync(join(caseDir, 'reports', 'report.en.md'), 'utf8')).toContain('- **No list of the lab was given; names of organisations were not checked against a list.**');
    expect((await soz(['lists', 'import', caseDir, join(LISTS, 'empty.yaml')])).stdout).toContain('warning: the list is empty');
    await soz(['analyze', caseDir]);
    await soz(['report', caseDir, '--language', 'en']);
    expect(readFileSync(join(caseDir, 'reports', 'report.en.md'), 'utf8')).toContain('- **The list Empty list (no organisations entered yet) (—) is empty: names of organisations in this language were not checked against a list.**');
  });
});
