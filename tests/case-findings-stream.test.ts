/**
 * The report reads a case's findings one at a time (`eachCaseFinding`): the same findings in the
 * same order as `readCaseFindings`, which holds them all, with an examiner's added fragment merged
 * in; each pass reads the files afresh; a cut-short analysis file is refused naming it. Case: the
 * bundled fictional practice case ru-grey-stone.
 */
import { cpSync, statSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../src/core/errors.js';
import { CaseWorkspace } from '../src/case/workspace.js';
import { analysisFiles, readAnalyses } from '../src/case/records.js';
import { eachCaseFinding, readCaseFindings } from '../src/pipeline/examiner.js';
import { soz, tempDir } from './support/cli.js';

let dir: string;

beforeAll(async () => {
  dir = join(tempDir('soz-findings-stream-'), 'case');
  expect((await soz(['practice', 'start', 'ru-grey-stone', dir])).code).toBe(0);
  const added = await soz(['review', dir, '--add', 'result.json#108', '--quote', 'поставить забор', '--category', 'joint-action', '--reason', 'Invitation to a joint action (fictional)', '--voice', 'own']);
  expect(added.code).toBe(0);
});

describe('the case findings one at a time', () => {
  it('gives the findings readCaseFindings gives, in its order, again on each pass', () => {
    const workspace = CaseWorkspace.open(dir);
    const whole = readCaseFindings(workspace);
    expect(whole.some((finding) => finding.analysis === 'examiner')).toBe(true);
    const streamed = eachCaseFinding(workspace);
    expect([...streamed]).toEqual(whole);
    expect([...streamed].map((finding) => finding.id)).toEqual(whole.map((finding) => finding.id));
  });

  it('reads each analysis header without its findings, counting them as the whole file does', () => {
    const workspace = CaseWorkspace.open(dir);
    const files = analysisFiles(workspace);
    const results = readAnalyses(workspace);
    expect(files.map((file) => [file.result.analysis, file.findingCount])).toEqual(results.map((result) => [result.analysis, result.findings?.length ?? 0]));
    expect(files.map((file) => [...file.findings()])).toEqual(results.map((result) => result.findings ?? []));
  });

  it('refuses an analysis file cut short, naming it', () => {
    const copy = join(tempDir('soz-findings-cut-'), 'case');
    cpSync(dir, copy, { recursive: true });
    const indicators = analysisFiles(CaseWorkspace.open(copy)).find((file) => file.findingCount > 1)!;
    const path = join(copy, 'derived', 'analyses', `${indicators.result.analysis}.ndjson`);
    truncateSync(path, statSync(path).size - 3);
    const cut = analysisFiles(CaseWorkspace.open(copy)).find((file) => file.result.analysis === indicators.result.analysis)!;
    expect(() => [...cut.findings()]).toThrow(UserError);
    expect(() => [...cut.findings()]).toThrow(/derived\/analyses\/.*\.ndjson: not a soz analysis result/);
  });
});
