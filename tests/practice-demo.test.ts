import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PRACTICE_DEMO_CASE, PracticeFiles, runPracticeDemo } from '../src/pipeline/practice.js';

const scratch = mkdtempSync(join(tmpdir(), 'soz-practice-demo-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('runPracticeDemo', () => {
  it('starts the demo practice case, renders the report, and repeats byte for byte', async () => {
    const out = join(scratch, 'demo-case');
    const first = await runPracticeDemo(out, () => new Date(Date.UTC(2026, 2, 25, 9, 0, 0)));
    expect(first.caseId).toBe(PRACTICE_DEMO_CASE);
    expect(existsSync(first.reportPath)).toBe(true);
    const record = readFileSync(join(out, PracticeFiles.record), 'utf8');
    const second = await runPracticeDemo(out, () => new Date(Date.UTC(2026, 2, 26, 9, 0, 0)));
    expect(second.digest).toBe(first.digest);
    expect(readFileSync(join(out, PracticeFiles.record), 'utf8')).toBe(record);
    expect(existsSync(join(out, 'practice', 'key.yaml'))).toBe(false);
  });

  it('refuses a non-empty folder that is not a case', async () => {
    const other = join(scratch, 'other');
    mkdirSync(other);
    writeFileSync(join(other, 'notes.txt'), 'mine');
    await expect(runPracticeDemo(other, () => new Date(0))).rejects.toThrow(/not a soz case/);
    expect(readFileSync(join(other, 'notes.txt'), 'utf8')).toBe('mine');
  });
});
