// The report rendered on a thread of its own (issue 17, `stageInThread` in src/pipeline/report.ts):
// the same files and the same log details as rendered in the calling thread, and a refusal raised
// in the thread is the same UserError here, with nothing staged left behind. Fictional data only
// (the demo's materials).
import { cpSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../src/core/errors.js';
import { CaseWorkspace } from '../src/case/workspace.js';
import type { ReportFormat } from '../src/pipeline/report.js';
import { writeReports } from '../src/pipeline/report.js';
import { fileSha256, soz, tempDir } from './support/cli.js';

const scratch = tempDir('soz-report-thread-');
const original = join(scratch, 'case');
const DEMO_FILES = ['listovka.pdf', 'result.json'].map((file) => new URL(`../corpora/practice/ru-grey-stone/materials/${file}`, import.meta.url).pathname);
const clock = () => new Date('2026-12-07T00:00:00.000Z');

/** A copy of the analysed case, its reports written with or without the thread; the reports' hashes and the log details. */
async function rendered(name: string, thread: boolean, formats: readonly ReportFormat[]) {
  const dir = join(scratch, name);
  cpSync(original, dir, { recursive: true });
  const { workspace } = CaseWorkspace.openForWriting(dir, { command: 'report', now: clock });
  try {
    const outcomes = await writeReports(workspace, { clock, actor: 'test', formats, final: false, thread });
    const entries = workspace.readLog().filter((entry) => entry.action.startsWith('report.'));
    return {
      outcomes,
      files: Object.fromEntries(outcomes.map((outcome) => [outcome.path, fileSha256(join(dir, outcome.path))])),
      details: entries.map((entry) => ({ action: entry.action, outputs: entry.outputs, inputs: entry.inputs, details: entry.details })),
    };
  } finally {
    workspace.close();
  }
}

beforeAll(async () => {
  expect((await soz(['init', original, '--case-number', 'T-1', '--ordering-body', 'test', '--examiner', 'test'])).code).toBe(0);
  expect((await soz(['add', original, ...DEMO_FILES])).code).toBe(0);
  expect((await soz(['analyze', original])).code).toBe(0);
}, 120_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the report on a thread of its own', () => {
  it('writes the same files and logs the same digests as the calling thread', async () => {
    const here = await rendered('here', false, ['md', 'html']);
    const there = await rendered('there', true, ['md', 'html']);
    expect(there.outcomes).toEqual(here.outcomes);
    expect(there.files).toEqual(here.files);
    expect(there.details).toEqual(here.details);
    expect(here.outcomes.map((outcome) => outcome.format)).toEqual(['md', 'html']);
  }, 120_000);

  it('raises a refusal of the thread as the same UserError, and leaves no staged file', async () => {
    const dir = join(scratch, 'final');
    cpSync(original, dir, { recursive: true });
    const { workspace } = CaseWorkspace.openForWriting(dir, { command: 'report', now: clock });
    try {
      const refused = await writeReports(workspace, { clock, actor: 'test', formats: ['md'], final: true, thread: true }).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(UserError);
      expect((refused as UserError).code).toBe('report.not-final');
      expect((refused as UserError).localised?.key).toBe('error.not-final');
    } finally {
      workspace.close();
    }
    expect(readdirSync(dir, { recursive: true }).map(String).filter((name) => name.includes('.tmp-'))).toEqual([]);
  }, 120_000);
});
