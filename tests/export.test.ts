import { beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LogEntry } from '../src/core/case.js';
import type { CaseUcoDocument, JsonLdNode } from '../src/seal/case-uco.js';
import { caseUcoProblems } from '../src/seal/case-uco.js';
import { fileSha256, soz, tempDir } from './support/cli.js';
import { analysedCase, completeProcedure, ok } from './sop-support.js';

const DEMO_MATERIALS = new URL('../corpora/demo/materials/', import.meta.url).pathname;
const demoFiles = () => readdirSync(DEMO_MATERIALS).sort().map((name) => join(DEMO_MATERIALS, name));
const PASS = { SOZ_KEY_PASSPHRASE: 'correct horse battery' };

/** Runs soz in-process with a fixed clock and the given environment. */
const run = (argv: readonly string[], env: Record<string, string> = {}) => soz([...argv], { env, now: new Date('2026-03-12T08:30:00Z') });

let caseDir = '';
let exported: CaseUcoDocument;
let log: LogEntry[] = [];

beforeAll(async () => {
  // soz seals only a final conclusion: the fictional case is walked through the whole procedure.
  const made = await analysedCase('ru', false);
  caseDir = made.dir;
  await completeProcedure(caseDir, made.ids);
  await ok(['report', caseDir, '--final']);
  const keys = tempDir('soz-export-keys-');
  expect((await run(['keys', 'new', '--out', keys, '--name', 'Examiner A. Fictional'], PASS)).code).toBe(0);
  const key = join(keys, readdirSync(keys).find((name) => name.endsWith('.key.pem'))!);
  const sealed = await run(['seal', caseDir, '--key', key], PASS);
  expect(sealed.code, sealed.stderr).toBe(0);
  const result = await run(['export', caseDir, '--format', 'case-uco']);
  expect(result.code, result.stderr).toBe(0);
  exported = JSON.parse(result.stdout) as CaseUcoDocument;
  log = readFileSync(join(caseDir, 'log.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as LogEntry);
});

const ofType = (type: string) => exported['@graph'].filter((node) => node['@type'] === type);
const byId = () => new Map(exported['@graph'].map((node) => [node['@id'], node]));

describe('soz export --format case-uco', () => {
  it('declares the CASE/UCO namespaces', () => {
    for (const prefix of ['case-investigation', 'uco-core', 'uco-action', 'uco-observable', 'uco-identity', 'uco-tool', 'uco-types']) {
      expect(exported['@context']).toHaveProperty(prefix);
    }
  });

  it('passes the structural check: ids, types, references, action roles, SHA-256 on every file', () => {
    expect(caseUcoProblems(exported)).toEqual([]);
  });

  it('has one investigative action per log entry, in log order, with performer, soz as instrument and the time', () => {
    const actions = ofType('case-investigation:InvestigativeAction');
    expect(actions.map((action) => action['uco-core:name'])).toEqual(log.map((entry) => entry.action));
    expect(actions.map((action) => action['@id'])).toEqual(log.map((entry) => `kb:action-${entry.hash}`));
    expect(log.map((entry) => entry.action)).toContain('seal.create');
    const nodes = byId();
    for (const [index, action] of actions.entries()) {
      expect((action['uco-action:startTime'] as { '@value': string })['@value']).toBe(log[index]!.time);
      const performer = nodes.get((action['uco-action:performer'] as { '@id': string })['@id'])!;
      expect(performer['uco-core:name']).toBe(log[index]!.actor);
      const tool = nodes.get((action['uco-action:instrument'] as { '@id': string })['@id'])!;
      expect(tool['@type']).toBe('uco-tool:Tool');
      expect(tool['uco-tool:version']).toBe(JSON.parse(readFileSync(join(caseDir, 'derived', 'manifest.json'), 'utf8')).tool.version);
    }
  });

  it('gives each evidence file its SHA-256 and MD5 and links the copy to the seized file', () => {
    const nodes = byId();
    const register = JSON.parse(readFileSync(join(caseDir, 'evidence.json'), 'utf8')) as { sha256: string; md5: string; originalName: string }[];
    for (const record of register) {
      const seized = nodes.get(`kb:seized-file-${record.sha256}`) as JsonLdNode;
      const facets = seized['uco-core:hasFacet'] as Record<string, unknown>[];
      expect(facets.find((facet) => facet['@type'] === 'uco-observable:FileFacet')!['uco-observable:fileName']).toBe(record.originalName);
      const hashes = (facets.find((facet) => facet['@type'] === 'uco-observable:ContentDataFacet')!['uco-observable:hash'] as { '@id': string }[]).map((item) => nodes.get(item['@id'])!);
      expect(hashes.map((hash) => [(hash['uco-types:hashMethod'] as { '@value': string })['@value'], (hash['uco-types:hashValue'] as { '@value': string })['@value']])).toEqual([
        ['SHA256', record.sha256],
        ['MD5', record.md5],
      ]);
      const link = ofType('uco-core:Relationship').find((node) => (node['uco-core:source'] as { '@id': string })['@id'] === `kb:file-${record.sha256}`);
      expect(link?.['uco-core:kindOfRelationship']).toBe('Derived_From');
    }
  });

  it('links the report to the manifest and the manifest-bearing analysis outputs to the evidence (Derived_From)', () => {
    const report = fileSha256(join(caseDir, 'reports', 'report.ru.md'));
    const manifest = fileSha256(join(caseDir, 'derived', 'manifest.json'));
    const links = ofType('uco-core:Relationship').map((node) => [(node['uco-core:source'] as { '@id': string })['@id'], (node['uco-core:target'] as { '@id': string }[])[0]!['@id']]);
    expect(links).toContainEqual([`kb:file-${report}`, `kb:file-${manifest}`]);
    const evidence = readdirSync(join(caseDir, 'evidence'))[0]!.replace(/\..*$/, '');
    expect(links).toContainEqual([`kb:file-${manifest}`, `kb:file-${evidence}`]);
  });

  it('is deterministic and writes a file with -o', async () => {
    const out = join(tempDir('soz-export-out-'), 'case.jsonld');
    const result = await run(['export', caseDir, '--format', 'case-uco', '-o', out]);
    expect(result.code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(exported);
    const again = await run(['export', caseDir, '--format', 'case-uco']);
    expect(again.stdout).toBe(readFileSync(out, 'utf8'));
  });

  it('the structural check catches a dangling reference and an action without performer', () => {
    const broken = JSON.parse(JSON.stringify(exported)) as { '@graph': Record<string, unknown>[] };
    const action = broken['@graph'].find((node) => node['@type'] === 'case-investigation:InvestigativeAction')!;
    delete action['uco-action:performer'];
    action['uco-action:object'] = [{ '@id': 'kb:nowhere' }];
    const problems = caseUcoProblems(broken as unknown as CaseUcoDocument);
    expect(problems).toContain(`${String(action['@id'])}: no uco-action:performer`);
    expect(problems).toContain(`${String(action['@id'])}: refers to kb:nowhere, which is not defined`);
  });

  it('refuses a case whose log is broken', async () => {
    const lines = readFileSync(join(caseDir, 'log.jsonl'), 'utf8').trim().split('\n');
    const dir = join(tempDir('soz-export-bad-'), 'case');
    await soz(['run', ...demoFiles(), '--out', dir]);
    writeFileSync(join(dir, 'log.jsonl'), `${lines.slice(1).join('\n')}\n`);
    const result = await run(['export', dir, '--format', 'case-uco']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('custody log is damaged');
  });
});
