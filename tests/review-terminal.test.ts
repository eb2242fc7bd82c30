/**
 * The terminal review driven by a scripted terminal on the fictional demo case (ru-grey-stone):
 * each decision is in the case the moment it is taken, Ctrl-D / Ctrl-C keep it, keys work on a
 * Cyrillic layout, undo and decision by entry are logged entries, chat findings show their thread.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cpSync } from 'node:fs';
import { runCli } from '../src/cli/main.js';
import type { TerminalAnswer } from '../src/cli/review-session.js';
import { reviewKey } from '../src/cli/review-view.js';
import { soz, tempDir } from './support/cli.js';
import { untouchedDemo } from './support/demo-case.js';

let demo = '';

beforeAll(async () => {
  demo = await untouchedDemo();
}, 60_000);

/** A fresh copy of the demo case. */
function demoCopy(): string {
  const dir = join(tempDir(), 'case');
  cpSync(demo, dir, { recursive: true });
  return dir;
}

/** Runs `soz review DIR` answering the prompts from `answers` in order. */
async function reviewWith(dir: string, answers: TerminalAnswer[]): Promise<{ code: number; stdout: string; stderr: string; prompts: string[] }> {
  let stdout = '';
  let stderr = '';
  const prompts: string[] = [];
  const queue = [...answers];
  const code = await runCli(['review', dir], {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    env: {},
    cwd: process.cwd(),
    now: () => new Date('2026-03-12T08:00:00Z'),
    ask: (prompt) => {
      prompts.push(prompt);
      return Promise.resolve(queue.shift() ?? { end: 'eof' });
    },
  });
  return { code, stdout, stderr, prompts };
}

function logEntries(dir: string): { action: string; details: Record<string, unknown> }[] {
  return readFileSync(join(dir, 'log.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { action: string; details: Record<string, unknown> });
}

function review(dir: string): { findingId: string; decision: string; reason: string }[] {
  return JSON.parse(readFileSync(join(dir, 'examiner', 'review.json'), 'utf8')) as { findingId: string; decision: string; reason: string }[];
}

describe('terminal review', () => {
  it('maps the Russian layout by key position', () => {
    expect(['ф', 'Ф', 'к', 'ы', 'м', 'г', 'й', 'у', 'ь'].map(reviewKey)).toEqual(['a', 'a', 'r', 's', 'v', 'u', 'q', 'e', 'm']);
    expect(reviewKey(' a ')).toBe('a');
  });

  it('writes each decision at once, reuses a reason by number, and keeps both on Ctrl-D (exit 0)', async () => {
    const dir = demoCopy();
    const before = logEntries(dir).length;
    const result = await reviewWith(dir, ['ф', 'fictional reason: a neutral request', '', 'к', '1', { end: 'eof' }]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const decisions = review(dir);
    expect(decisions.map((decision) => decision.decision).sort()).toEqual(['accepted', 'rejected']);
    expect(new Set(decisions.map((decision) => decision.reason))).toEqual(new Set(['fictional reason: a neutral request']));
    const added = logEntries(dir).slice(before);
    expect(added.map((entry) => entry.action)).toEqual(['review.decide', 'review.decide']);
    expect(result.stdout).toContain('1) fictional reason: a neutral request');
    expect(result.stdout).toMatch(/review: 1 accepted, 1 rejected, \d+ not reviewed/);
  });

  it('shows the author, time and neighbouring messages of a chat finding', async () => {
    const dir = demoCopy();
    const result = await reviewWith(dir, [...'sssssssss', 'q']);
    expect(result.stdout).toMatch(/\n {2}author [^\n]+; \d{4}-\d{2}-\d{2}T[^\n]+; \w+\n/);
    expect(result.stdout).toMatch(/\n {2}(before|after): {1,2}\S+ /);
  });

  it('ends on Ctrl-C with exit 130 and one line, keeping the decision already taken', async () => {
    const dir = demoCopy();
    const result = await reviewWith(dir, ['a', 'fictional reason', '', { end: 'interrupt' }]);
    expect(result.code).toBe(130);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('1 decision(s) of this review are kept');
    expect(review(dir)).toHaveLength(1);
  });

  it('undoes the last decision with a new log entry, leaving the earlier entry in the log', async () => {
    const dir = demoCopy();
    const result = await reviewWith(dir, ['a', 'fictional reason', '', 'u', 'q']);
    expect(result.code).toBe(0);
    expect(review(dir)).toEqual([]);
    const actions = logEntries(dir).map((entry) => entry.action);
    expect(actions.slice(-2)).toEqual(['review.decide', 'review.undo']);
    expect(logEntries(dir).at(-1)!.details['restored']).toEqual([{ findingId: expect.any(String), decision: null }]);
    expect([0, 4]).toContain((await soz(['verify', dir])).code);
  });

  it('decides every candidate of one entry in one document with one reason, each finding its own decision', async () => {
    const dir = demoCopy();
    const result = await reviewWith(dir, ['e', 'r', 'fictional reason for the entry', 'q']);
    const listed = /(\d+) undecided candidate\(s\) of (\S+) in/.exec(result.stdout);
    expect(listed).not.toBeNull();
    const count = Number(listed![1]);
    expect(review(dir)).toHaveLength(count);
    const decide = logEntries(dir).at(-1)!;
    expect(decide.action).toBe('review.decide');
    expect((decide.details['decisions'] as { findingIds: string[] }[]).every((entry) => entry.findingIds.length === 1)).toBe(true);
    expect(decide.details['decisions']).toHaveLength(count);
  });

  it('sets the voice of the last decision with a reason (review.voice), and undoes that too', async () => {
    const dir = demoCopy();
    const result = await reviewWith(dir, ['a', 'fictional reason', '', 'м', 'sung', 'quotation', 'fictional: the author quotes a song', 'u', 'q']);
    expect(result.code).toBe(0);
    const actions = logEntries(dir).map((entry) => entry.action);
    expect(actions.slice(-3)).toEqual(['review.decide', 'review.voice', 'review.undo']);
    const decisions = JSON.parse(readFileSync(join(dir, 'examiner', 'review.json'), 'utf8')) as { voice?: string }[];
    expect(decisions).toHaveLength(1);
    expect(decisions[0]!.voice).toBeUndefined();
  });

  it('prints a wider context on m and asks again', async () => {
    const dir = demoCopy();
    const result = await reviewWith(dir, ['ь', 'q']);
    expect(result.stdout).toMatch(/\n {2}\| .*\[[^\]]+\]/);
    expect(result.prompts.filter((prompt) => prompt.startsWith('accept (a)'))).toHaveLength(2);
  });
});

/**
 * The real `soz` (bin/soz, the built dist/) on a pseudo-terminal made by util-linux `script`
 * (bsdutils, essential in Debian): stdin is a TTY, so readline runs in raw mode and Ctrl-D / Ctrl-C
 * arrive as the bytes a keyboard sends (\x04, \x03), not as a scripted `{ end }`.
 */
const SCRIPT = spawnSync('script', ['--version'], { encoding: 'utf8' });
const hasScript = SCRIPT.status === 0 && /util-linux/.test(SCRIPT.stdout);
const BIN = fileURLToPath(new URL('../bin/soz', import.meta.url));

/** Runs `soz --lang ru review DIR` on a pseudo-terminal, typing each key after the prompt it answers. */
function reviewOnPty(dir: string, keys: readonly { after: string; type: string }[]): Promise<{ code: number | null; output: string }> {
  const command = [process.execPath, BIN, '--lang', 'ru', 'review', dir].map((word) => `'${word.replace(/'/g, `'\\''`)}'`).join(' ');
  const child = spawn('script', ['-qfec', command, '/dev/null'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, TERM: 'dumb', SOZ_LANG: '', CI: '' } });
  let output = '';
  let next = 0;
  let searchFrom = 0;
  const typeWhenAsked = () => {
    while (next < keys.length) {
      const found = output.indexOf(keys[next]!.after, searchFrom);
      if (found < 0) return;
      searchFrom = found + keys[next]!.after.length;
      child.stdin.write(keys[next]!.type);
      next++;
    }
  };
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
    typeWhenAsked();
  });
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, output })));
}

describe.skipIf(!hasScript)(`terminal review on a pseudo-terminal${hasScript ? '' : ' (skipped: util-linux "script" not found; install bsdutils)'}`, () => {
  const keysPrompt = '(q/й)? ';
  const decideAndEnd = (end: string) => [
    { after: keysPrompt, type: 'ф\r' }, // a on the Russian layout: accept
    { after: 'основание: ', type: 'вымышленное основание\r' },
    { after: 'ни к одному): ', type: '\r' },
    { after: keysPrompt, type: 'к\r' }, // r on the Russian layout: reject
    { after: 'основание: ', type: '1\r' }, // the reason just given, by its number
    { after: keysPrompt, type: end },
  ];

  it.each([
    ['Ctrl-D', 0, '\u0004'],
    ['Ctrl-C', 130, '\u0003'],
  ] as const)('%s keeps both decisions typed on a Russian layout, exits %i, no stack trace', async (_name, exitCode, end) => {
    const dir = demoCopy();
    const before = logEntries(dir).length;
    const { code, output } = await reviewOnPty(dir, decideAndEnd(end));
    expect(code, output).toBe(exitCode);
    expect(logEntries(dir).slice(before).map((entry) => entry.action)).toEqual(['review.decide', 'review.decide']);
    expect(review(dir).map((decision) => `${decision.decision} ${decision.reason}`).sort()).toEqual(['accepted вымышленное основание', 'rejected вымышленное основание']);
    expect(output).toContain('рассмотрение: принято 1, отклонено 1');
    expect(output).not.toMatch(/\n\s+at |internal error|внутренняя ошибка/);
    if (exitCode === 130) expect(output).toContain('soz: ошибка: рассмотрение прервано (Ctrl-C); решений этого рассмотрения сохранено в деле: 2');
  }, 60_000);
});
