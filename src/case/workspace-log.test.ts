import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { appendFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { CASE_SCHEMA } from '../core/case.js';
import type { CaseMetadata } from '../core/case.js';
import * as custodyLog from '../core/custody-log.js';
import { tempDir } from '../../tests/support/cli.js';
import { CaseWorkspace } from './workspace.js';

// The case log is parsed once when a case is opened (for the check of the paths it names) and
// that result serves the command; a log changed on disk since is read again.

vi.mock('../core/custody-log.js', { spy: true });

const METADATA: CaseMetadata = { schema: CASE_SCHEMA, caseNumber: 'T-1', orderingBody: null, orderDate: null, examiner: 'Эксперт', examinationDate: null, reportLanguage: 'ru' };
const clock = () => new Date(Date.UTC(2026, 0, 2));
let dir: string;

beforeEach(() => {
  dir = join(tempDir('soz-log-once-'), 'case');
  CaseWorkspace.init(dir, METADATA, clock, 'Эксперт');
  vi.mocked(custodyLog.parseLog).mockClear();
});
afterEach(() => rmSync(join(dir, '..'), { recursive: true, force: true }));

describe('the case log is parsed once per open', () => {
  it('a reader: the path check at open and every read after it share one parse', () => {
    const workspace = CaseWorkspace.open(dir);
    expect(workspace.readLog().map((entry) => entry.action)).toEqual(['case.init']);
    expect(workspace.evidence()).toEqual([]);
    workspace.readLog();
    expect(custodyLog.parseLog).toHaveBeenCalledTimes(1);
  });

  it('a writer: open, recovery and the command share one parse; its own append is seen without parsing again', () => {
    const { workspace } = CaseWorkspace.openForWriting(dir, { command: 'test', now: clock });
    try {
      workspace.appendLog(clock, { actor: 'Эксперт', action: 'test.note', inputs: [], outputs: [], details: {} });
      expect(workspace.readLog().map((entry) => entry.action)).toEqual(['case.init', 'test.note']);
      expect(custodyLog.parseLog).toHaveBeenCalledTimes(1);
    } finally {
      workspace.close();
    }
    expect(CaseWorkspace.open(dir).readLog().map((entry) => entry.seq)).toEqual([1, 2]);
  });

  it('a log changed on disk since the open is read again, never served stale', () => {
    const reader = CaseWorkspace.open(dir);
    CaseWorkspace.open(dir).appendLog(clock, { actor: 'Эксперт', action: 'test.other', inputs: [], outputs: [], details: {} });
    expect(reader.readLog().map((entry) => entry.action)).toEqual(['case.init', 'test.other']);
    appendFileSync(join(dir, 'log.jsonl'), 'not json\n');
    expect(() => reader.readLog()).toThrow(/line 3 is not valid JSON/);
  });
});
