import { spawn } from 'node:child_process';
import { cpSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { logChainProblems } from '../src/core/case.js';
import { CaseWorkspace } from '../src/case/workspace.js';
import { COMMIT_STEPS } from '../src/case/crash-points.js';
import { fileSha256, soz, tempDir } from './support/cli.js';

// Every commit point, not random times: the real bin/soz (compiled dist/) is started with
// SOZ_CRASH_AT=<action>/<step>[@n] and kills itself there with SIGKILL. The next writer's
// recovery must leave a case that `soz verify` passes, with the interrupted entry either absent
// (killed before its intent) or present (rolled forward), and no evidence copy lost or unlogged.
// Texts are fictional.

const ROOT = new URL('../', import.meta.url).pathname;
const BIN = process.env['SOZ_BIN'] ?? join(ROOT, 'bin', 'soz');
const BUILT = process.env['SOZ_BIN'] !== undefined || existsSync(join(ROOT, 'dist', 'cli', 'bin.js'));
const INIT = ['--case-number', 'K-13', '--ordering-body', 'test', '--examiner', 'tester', '--language', 'en'];

interface Command {
  readonly name: string;
  readonly args: (dir: string, inputs: Inputs) => string[];
  /** The log action whose commit is interrupted. */
  readonly action: string;
  /** How many renames its commit makes (`renamed@1`…). */
  readonly renames: number;
}

interface Inputs {
  readonly extra: string;
  readonly scan: string;
}

const COMMANDS: readonly Command[] = [
  { name: 'add', args: (dir, inputs) => ['add', dir, inputs.extra], action: 'evidence.add', renames: 1 },
  { name: 'analyze', args: (dir) => ['analyze', dir], action: 'analysis.run', renames: 2 },
  { name: 'report (md)', args: (dir) => ['report', dir, '--format', 'md'], action: 'report.render', renames: 1 },
  { name: 'report (html)', args: (dir) => ['report', dir, '--format', 'md,html'], action: 'report.export', renames: 1 },
  { name: 'question add', args: (dir) => ['question', 'add', dir, 'What is the main topic of the note?'], action: 'question.add', renames: 1 },
  { name: 'sop record with a file', args: (dir, inputs) => ['sop', 'record', dir, 'register-order', '--note', 'Order No. 7', '--file', inputs.scan], action: 'sop.record', renames: 2 },
];

/** Every named crash point of a command's commit. */
function pointsOf(command: Command): string[] {
  return COMMIT_STEPS.flatMap((step) => (step === 'renamed' ? Array.from({ length: command.renames }, (_, i) => `renamed@${i + 1}`) : [step])).map((step) => `${command.action}/${step}`);
}

function run(args: readonly string[], crashAt?: string): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, ...(crashAt ? { SOZ_CRASH_AT: crashAt } : {}) };
    const child = spawn(process.execPath, [BIN, ...args], { env, stdio: 'ignore' });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve({ code, signal }));
  });
}

/** The difference lines `soz verify` printed. */
function differencesOf(stdout: string): string[] {
  return stdout.split('\n').filter((line) => /^(FIRST DIFFERENCE|difference): /.test(line));
}

function actions(dir: string): string[] {
  return CaseWorkspace.open(dir).readLog().map((entry) => entry.action);
}

async function baseCase(): Promise<{ dir: string; inputs: Inputs }> {
  const folder = tempDir('soz-custody-crash-in-');
  const first = join(folder, 'first.txt');
  const extra = join(folder, 'extra.txt');
  const scan = join(folder, 'order-scan.txt');
  writeFileSync(first, 'Вымышленное письмо о встрече во вторник.\n\nA fictional letter about a meeting on Tuesday.\n');
  writeFileSync(extra, 'Второй вымышленный текст: объявление о продаже велосипеда.\n');
  writeFileSync(scan, 'Fictional transcript of an order for expertise No. 7.\n');
  const dir = join(tempDir('soz-custody-crash-'), 'case');
  expect((await soz(['init', dir, ...INIT])).code).toBe(0);
  expect((await soz(['add', dir, first])).code).toBe(0);
  expect((await soz(['analyze', dir])).code).toBe(0);
  expect((await soz(['question', 'add', dir, 'Who is the letter addressed to?'])).code).toBe(0);
  return { dir, inputs: { extra, scan } };
}

describe.skipIf(!BUILT)('SIGKILL at every commit point leaves a case that verifies', () => {
  // One base case for the file: each command and each of its points works on its own copy, and
  // the base itself is only read.
  let shared: { dir: string; inputs: Inputs };
  beforeAll(async () => {
    shared = await baseCase();
  }, 120_000);

  for (const command of COMMANDS) {
    it(`${command.name}: ${pointsOf(command).length} points`, async () => {
      const { dir: base, inputs } = shared;
      const before = actions(base);
      const reference = join(tempDir('soz-custody-crash-ref-'), 'case');
      cpSync(base, reference, { recursive: true });
      expect((await run(command.args(reference, inputs))).code, 'uninterrupted run').toBe(0);
      // The uninterrupted command verifies; a commit rolled forward or back must verify too.
      expect(differencesOf((await soz(['verify', reference])).stdout), 'uninterrupted run verifies').toEqual([]);
      const added = actions(reference).slice(before.length);
      const committedBefore = added.slice(0, added.indexOf(command.action));

      for (const point of pointsOf(command)) {
        const dir = join(tempDir('soz-custody-crash-run-'), 'case');
        cpSync(base, dir, { recursive: true });
        const killed = await run(command.args(dir, inputs), point);
        expect(killed.signal, `${point} was reached`).toBe('SIGKILL');

        const { workspace, notices } = CaseWorkspace.openForWriting(dir, { command: 'test recovery', now: () => new Date('2026-03-12T00:00:00Z') });
        workspace.close();
        const now = actions(dir);
        const rolledForward = !point.endsWith('/staged');
        expect(now, `${point}: ${notices.join(' | ')}`).toEqual([...before, ...committedBefore, ...(rolledForward ? [command.action] : [])]);
        expect(logChainProblems(CaseWorkspace.open(dir).readLog())).toEqual([]);
        expect(existsSync(join(dir, '.soz-intent.json')), point).toBe(false);
        expect(existsSync(join(dir, 'derived.next')) || existsSync(join(dir, 'derived.prev')), point).toBe(false);

        // No evidence lost: every logged copy is whole under its name, and every copy is logged.
        const register = CaseWorkspace.open(dir).evidence();
        for (const record of register) expect(fileSha256(join(dir, record.copy)), `${point}: ${record.copy}`).toBe(record.sha256);
        expect(readdirSync(join(dir, 'evidence')).sort(), point).toEqual(register.map((record) => record.copy.slice('evidence/'.length)).sort());
        if (command.action === 'evidence.add') expect(register.some((record) => record.sha256 === fileSha256(inputs.extra)), point).toBe(rolledForward);

        const verify = await soz(['verify', dir]);
        expect(differencesOf(verify.stdout), `${point}: ${verify.stdout}`).toEqual([]);
      }
    }, 900_000);
  }

  // init's last step is the rename of case.json (its log entry comes before it), so each kill
  // leaves no case (soz init again takes over, quarantining what the killed one left) or a case.
  it('init: every point leaves no case or one that verifies', async () => {
    const steps = ['staged', 'intent', 'logged', 'renamed@1', 'finished'];
    expect([...steps].map((step) => step.replace(/@\d+$/, '')).sort()).toEqual([...COMMIT_STEPS].sort());
    const outcomes: string[] = [];
    for (const step of steps) {
      const dir = join(tempDir('soz-custody-crash-init-'), 'case');
      const killed = await run(['init', dir, ...INIT], `case.init/${step}`);
      expect(killed.signal, `${step} was reached`).toBe('SIGKILL');
      if (existsSync(join(dir, 'case.json'))) {
        outcomes.push(`${step}: case`);
        const verify = await soz(['verify', dir]);
        expect(verify.code, `${step}: ${verify.stdout}${verify.stderr}`).toBe(0);
        const { workspace } = CaseWorkspace.openForWriting(dir, { command: 'test recovery', now: () => new Date('2026-03-12T00:00:00Z') });
        workspace.close();
        expect(actions(dir), step).toEqual(['case.init']);
        expect(existsSync(join(dir, '.soz-intent.json')), step).toBe(false);
      } else {
        outcomes.push(`${step}: no case`);
        const verify = await soz(['verify', dir]);
        expect(verify.code, step).toBe(2);
        expect(verify.stderr, step).toMatch(/not a soz case/);
        const again = await soz(['init', dir, ...INIT]);
        expect(again.code, `${step}: ${again.stderr}`).toBe(0);
        expect(again.stderr, step).toMatch(/recovery: .*left by an interrupted soz init .*moved to quarantine\/after-entry-0\//);
        expect((await soz(['verify', dir])).code, step).toBe(0);
        expect(actions(dir), step).toEqual(['case.init']);
      }
    }
    expect(outcomes).toEqual(['staged: no case', 'intent: no case', 'logged: no case', 'renamed@1: case', 'finished: case']);
  }, 300_000);
});
