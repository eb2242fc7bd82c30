/**
 * A case made by a newer soz (a greater case format in case.json, or a greater soz version in the
 * manifest) is refused by every command in one line naming both versions, exit 2, unchanged.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cpSync } from 'node:fs';
import { compareVersions } from '../src/core/version.js';
import { installFacts } from '../src/pipeline/install.js';
import { snapshotTree, soz, tempDir } from './support/cli.js';
import { untouchedDemo } from './support/demo-case.js';

let demo = '';
/** Commands that read or change a case, each given the case folder. */
const COMMANDS = (dir: string): string[][] => [['verify', dir], ['review', dir, '--list'], ['sop', 'status', dir], ['question', 'list', dir], ['report', dir], ['analyze', dir], ['add', dir, join(dir, 'case.json')], ['bundle', dir, '--out', 'x.zip']];

beforeAll(async () => {
  demo = await untouchedDemo();
}, 60_000);

function rewrite(path: string, change: (value: Record<string, unknown>) => void): void {
  const value = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  change(value);
  writeFileSync(path, JSON.stringify(value, null, 2));
}

describe('a case made by a newer soz', () => {
  it('orders versions by their numbers', () => {
    expect(compareVersions('0.10.0', '0.9.3')).toBe(1);
    expect(compareVersions('1.0.0', '1.0.0')).toBe(0);
    expect(compareVersions('1.0.0-rc.1', '1.0.0')).toBe(-1);
    expect(compareVersions('0.1.0', '0.2')).toBe(-1);
  });

  it('is refused by every command when case.json has a newer case format', async () => {
    const dir = join(tempDir(), 'case');
    cpSync(demo, dir, { recursive: true });
    rewrite(join(dir, 'case.json'), (value) => (value['schema'] = 'soz.case/7'));
    const before = snapshotTree(dir);
    for (const argv of COMMANDS(dir)) {
      const result = await soz(argv, { cwd: dir });
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.stderr.trim().split('\n'), argv.join(' ')).toEqual([`soz: error: ${dir}: made by a newer soz (case format soz.case/7); this is soz ${installFacts().version}, which reads soz.case/1 — use the soz version that made the case`]);
    }
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('is refused when the manifest records a newer soz version', async () => {
    const dir = join(tempDir(), 'case');
    cpSync(demo, dir, { recursive: true });
    rewrite(join(dir, 'derived', 'manifest.json'), (value) => ((value['tool'] as Record<string, unknown>)['version'] = '999.0.0'));
    const result = await soz(['verify', dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`soz 999.0.0`);
    expect(result.stderr).toContain(`this is soz ${installFacts().version}`);
  });

  it('is read as before when made by this version', async () => {
    expect((await soz(['review', demo, '--list'])).code).toBe(0);
  });
});
