/**
 * A failed `soz run` does not block the corrected command: the case folder it created is removed
 * while no evidence was taken into custody; once evidence is in custody the case stays (the error
 * then names soz analyze / soz report to go on).
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discardCaseWithoutEvidence } from '../src/case/discard.js';
import { soz, tempDir } from './support/cli.js';

const CASE = ['--case-number', '1', '--ordering-body', 'Court (fictional)', '--examiner', 'Examiner (fictional)', '--quiet'];

function fictionalText(dir: string): string {
  const path = join(dir, 'note.txt');
  writeFileSync(path, 'Соседи договорились вместе поставить забор у родника.\n');
  return path;
}

describe('a failed soz run', () => {
  it('leaves no case folder when a file is missing, and the corrected command then runs into the same folder', async () => {
    const work = tempDir();
    const out = join(work, 'case');
    const failed = await soz(['run', join(work, 'missing.txt'), '--out', out, ...CASE]);
    expect(failed.code).toBe(2);
    expect(failed.stderr).toMatch(/^soz: error: .*missing\.txt/);
    expect(existsSync(out)).toBe(false);
    const corrected = await soz(['run', fictionalText(work), '--out', out, ...CASE]);
    expect(corrected.stderr).toBe('');
    expect(corrected.code).toBe(0);
  });

  it('never removes a folder it did not create', async () => {
    const work = tempDir();
    const out = join(work, 'case');
    expect((await soz(['run', fictionalText(work), '--out', out, ...CASE])).code).toBe(0);
    const again = await soz(['run', join(work, 'missing.txt'), '--out', out, ...CASE]);
    expect(again.code).toBe(2);
    expect(existsSync(join(out, 'case.json'))).toBe(true);
  });

  it('removes only a case whose log holds nothing but its creation', async () => {
    const work = tempDir();
    const held = join(work, 'held');
    const empty = join(work, 'empty');
    for (const dir of [held, empty]) expect((await soz(['init', dir, ...CASE.slice(0, -1)])).code).toBe(0);
    expect((await soz(['add', held, fictionalText(work), '--quiet'])).code).toBe(0);
    expect(discardCaseWithoutEvidence(held)).toBe(false);
    expect(existsSync(join(held, 'case.json'))).toBe(true);
    expect(discardCaseWithoutEvidence(empty)).toBe(true);
    expect(existsSync(empty)).toBe(false);
  });
});
