import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/main.js';
import { soz, tempDir } from './support/cli.js';

/** Runs the CLI in-process as on a terminal; returns the exit code and what went to stderr. */
async function onTerminal(argv: readonly string[]): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const code = await runCli(argv, { stdout: () => undefined, stderr: (text) => (stderr += text), env: {}, cwd: process.cwd(), now: () => new Date('2026-03-10T09:00:00Z'), stderrIsTerminal: true });
  return { code, stderr };
}

/** The progress lines written (each rewrites the one before), without the clearing at the end. */
const shown = (stderr: string) => stderr.split('\r\u001b[K').filter((part) => part !== '');
/** A progress line: command, stage, counts and maybe the time left (throttled: which stages show depends on speed). */
const PROGRESS_LINE = /^(report|verify): [a-z -]+ \d+\/\d+( · about \d+ s left| · about \d+ min \d+ s left)?$/;

describe('progress of soz report and soz verify on a terminal', () => {
  const dir = join(tempDir(), 'case');
  beforeAll(async () => {
    const chat = new URL('./fixtures/chats/whatsapp_nbsp_ambiguous.txt', import.meta.url).pathname;
    expect((await soz(['init', dir, '--case-number', '1', '--ordering-body', 'b', '--examiner', 'e'])).code).toBe(0);
    expect((await soz(['add', dir, chat])).code).toBe(0);
    expect((await soz(['analyze', dir])).code).toBe(0);
  }, 120_000);

  it('report shows the formats it renders and clears the line; --quiet shows nothing', async () => {
    const { code, stderr } = await onTerminal(['report', dir, '--format', 'md,html']);
    expect(code, stderr).toBe(0);
    const lines = shown(stderr);
    for (const line of lines) expect(line).toMatch(PROGRESS_LINE);
    // The first step always shows; later ones within 250 ms of it may not.
    expect(lines[0]).toMatch(/^report: (documents read for excerpts 0\/\d+|formats rendered 0\/2)$/);
    expect(stderr.endsWith('\r\u001b[K')).toBe(true);
    expect(await onTerminal(['report', dir, '--quiet'])).toEqual({ code: 0, stderr: '' });
  }, 120_000);

  it('verify shows hashing, the re-run and the comparison, and clears the line; --quiet shows nothing', async () => {
    const { code, stderr } = await onTerminal(['verify', dir]);
    expect(code, stderr).toBe(0);
    const lines = shown(stderr);
    for (const line of lines) expect(line).toMatch(PROGRESS_LINE);
    expect(lines[0]).toBe('verify: evidence hashed 0/1');
    expect(stderr.endsWith('\r\u001b[K')).toBe(true);
    expect(await onTerminal(['verify', dir, '--quiet'])).toEqual({ code: 0, stderr: '' });
  }, 120_000);
});
