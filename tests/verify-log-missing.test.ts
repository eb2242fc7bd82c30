/**
 * `soz verify` of a case folder whose `log.jsonl` is gone: the difference it reports first is the
 * missing log itself, not "0 entries, hash chain intact" followed by files "added after the
 * fact". Fictional text.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { soz, tempDir } from './support/cli.js';

const INIT = ['--case-number', 'K-13', '--ordering-body', 'test', '--order-date', '2026-03-01', '--examiner', 'tester', '--examination-date', '2026-03-10', '--language', 'en'];

describe('verify of a case without its log', () => {
  it('names the missing log as the first difference, exit 1, in the examiner language too', async () => {
    const note = join(tempDir('soz-verify-nolog-in-'), 'note.txt');
    writeFileSync(note, 'A fictional note about a lost umbrella.\n');
    const dir = join(tempDir('soz-verify-nolog-'), 'case');
    expect((await soz(['init', dir, ...INIT])).code).toBe(0);
    expect((await soz(['add', dir, note])).code).toBe(0);
    rmSync(join(dir, 'log.jsonl'));
    const result = await soz(['verify', dir]);
    expect(result.code).toBe(1);
    expect(result.stdout).not.toMatch(/hash chain intact/);
    expect(result.stdout).toMatch(/^FIRST DIFFERENCE: log\.jsonl: missing; .*restore it from the case bundle/m);
    const ru = await soz(['--lang', 'ru', 'verify', dir]);
    expect(ru.stdout).toMatch(/ПЕРВОЕ РАЗЛИЧИЕ: log\.jsonl: отсутствует/);
  });
});
