/**
 * How the CLI ends when the world around it refuses: a closed output pipe, a folder it may not
 * write, a date that does not exist. Each is one line and exit 2 (or a quiet normal end), never a
 * stack trace or "internal error".
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { soz, tempDir } from './support/cli.js';

const BIN = join(import.meta.dirname, '..', 'bin', 'soz');

describe('CLI exits', () => {
  it('ends quietly with its own exit code when the reader of its output goes away (… | head)', async () => {
    const child = spawn(process.execPath, [BIN, 'practice', 'list'], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it.skipIf(!existsSync('/sys/kernel'))('names the folder it may not write, exit 2, not an internal error', async () => {
    const result = await soz(['init', '/sys/soz-case-probe', '--case-number', '1', '--ordering-body', 'Court', '--examiner', 'Examiner']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^soz: error: \/sys\/soz-case-probe: (permission denied|the disk is read-only)/);
    expect(result.stderr).not.toMatch(/internal error/);
  });

  it('refuses impossible dates instead of rolling them over', async () => {
    const dir = join(tempDir(), 'case');
    const init = await soz(['init', dir, '--case-number', '1', '--ordering-body', 'Court', '--examiner', 'Examiner', '--order-date', '2021-02-30']);
    expect(init.code).toBe(2);
    expect(init.stderr).toMatch(/orderDate: not a calendar date/);
    expect(existsSync(dir)).toBe(false);
    for (const [flag, value] of [['--since', '2021-13-45'], ['--until', '2021-02-30']] as const) {
      const result = await soz(['run', '--out', join(tempDir(), 'run'), '--case-number', '1', '--ordering-body', 'Court', '--examiner', 'Examiner', flag, value, BIN]);
      expect(result.code, `${flag} ${value}`).toBe(2);
      expect(result.stderr).toContain(`${flag} ${value}: no such day in the calendar`);
    }
  });
});
