import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PRACTICE_DEMO_CASE, PracticeFiles, runPracticeDemo } from '../src/pipeline/practice.js';

const scratch = mkdtempSync(join(tmpdir(), 'soz-practice-demo-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('runPracticeDemo', () => {
  it('starts the demo practice case, renders the report, and run again repeats byte for byte beside it, never replacing the first case', async () => {
    const out = join(scratch, 'demo-case');
    const first = await runPracticeDemo(out, () => new Date(Date.UTC(2026, 2, 25, 9, 0, 0)));
    expect(first.caseId).toBe(PRACTICE_DEMO_CASE);
    expect(first.out).toBe(out);
    expect(existsSync(first.reportPath)).toBe(true);
    const record = readFileSync(join(out, PracticeFiles.record), 'utf8');
    const log = readFileSync(join(out, 'log.jsonl'), 'utf8');
    const second = await runPracticeDemo(out, () => new Date(Date.UTC(2026, 2, 26, 9, 0, 0)));
    expect(second.out).toBe(`${out}-2`);
    expect(second.digest).toBe(first.digest);
    expect(readFileSync(join(`${out}-2`, PracticeFiles.record), 'utf8')).toBe(record);
    expect(readFileSync(join(out, 'log.jsonl'), 'utf8')).toBe(log);
    expect(existsSync(join(out, 'practice', 'key.yaml'))).toBe(false);
  });

  it('leaves a non-empty folder that is not a case as it was and writes beside it', async () => {
    const other = join(scratch, 'other');
    mkdirSync(other);
    writeFileSync(join(other, 'notes.txt'), 'mine');
    mkdirSync(`${other}-2`);
    writeFileSync(join(`${other}-2`, 'notes.txt'), 'mine too');
    const outcome = await runPracticeDemo(other, () => new Date(0));
    expect(outcome.out).toBe(`${other}-3`);
    expect(readFileSync(join(other, 'notes.txt'), 'utf8')).toBe('mine');
    expect(readFileSync(join(`${other}-2`, 'notes.txt'), 'utf8')).toBe('mine too');
  });
});
