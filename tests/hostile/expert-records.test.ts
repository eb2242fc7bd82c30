/**
 * Hand-edited expert records: `examiner/experts.json` or `examiner/case-facts.json` changed into
 * another shape or into text that is not JSON. Every command that reads them stops with one line
 * naming the file and the fix (exit 2) and writes nothing; nothing crashes further on.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analysedCase, ok, sozx } from '../sop-support.js';

const EDITS: readonly { readonly file: string; readonly text: string; readonly message: RegExp }[] = [
  { file: 'experts.json', text: '{"experts": 5, "joint": null}', message: /examiner\/experts\.json: not a valid record \(experts: .*\); restore it from the case bundle/ },
  { file: 'experts.json', text: '{"experts": [{"id": "E1", "name": "A", "speciality": "judge", "qualification": "q", "experienceYears": -3, "institution": "i"}], "joint": null}', message: /experts\.0\.speciality: .*experts\.0\.experienceYears: / },
  { file: 'experts.json', text: '{"experts": [', message: /examiner\/experts\.json: not valid JSON/ },
  { file: 'case-facts.json', text: '{"startDate": "2026-02-31"}', message: /examiner\/case-facts\.json: not a valid record \(startDate: not a date/ },
];

describe('hand-edited expert records', () => {
  it('each edit stops every command that reads the file with one line, the log unchanged', async () => {
    const { dir } = await analysedCase('en', false);
    await ok(['expert', 'add', dir, '--name', 'A (fictional)', '--speciality', 'linguist', '--qualification', 'q', '--experience', '3', '--institution', 'C']);
    await ok(['case', 'set', dir, '--kind', 'first']);
    for (const edit of EDITS) {
      const path = join(dir, 'examiner', edit.file);
      const original = readFileSync(path, 'utf8');
      writeFileSync(path, edit.text);
      const log = readFileSync(join(dir, 'log.jsonl'), 'utf8');
      const readers: string[][] = [['report', dir], ...(edit.file === 'experts.json' ? [['sop', 'record', dir, 'register-order', '--note', 'x'], ['expert', 'add', dir, '--name', 'B', '--speciality', 'other', '--qualification', 'q', '--experience', '1', '--institution', 'C']] : [['case', 'set', dir, '--kind', 'repeat']])];
      for (const argv of readers) {
        const result = await sozx(argv);
        expect(result.code, `${edit.file}: ${argv.slice(0, 2).join(' ')}`).toBe(2);
        expect(result.stderr.trim().split('\n')).toHaveLength(1);
        expect(result.stderr).toMatch(edit.message);
        expect(readFileSync(join(dir, 'log.jsonl'), 'utf8')).toBe(log);
      }
      writeFileSync(path, original);
    }
  });
});
