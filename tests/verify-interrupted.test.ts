/**
 * `soz verify` right after a command was killed between its renames and its log entry: the files
 * are in place, the entry is not yet written, and `.soz-intent.json` says so. That is an
 * interrupted command the next writer completes, not tampering: verify says so (exit 2, nothing
 * changed) instead of "file added after the fact" (exit 1). Fictional texts.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { snapshotTree, soz, tempDir } from './support/cli.js';

const ROOT = new URL('../', import.meta.url).pathname;
const BIN = join(ROOT, 'bin', 'soz');
const BUILT = existsSync(join(ROOT, 'dist', 'cli', 'bin.js'));
const INIT = ['--case-number', 'K-13', '--ordering-body', 'test', '--order-date', '2026-03-01', '--examiner', 'tester', '--examination-date', '2026-03-10', '--language', 'en'];

function killedAt(point: string, args: readonly string[]): Promise<NodeJS.Signals | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, SOZ_CRASH_AT: point }, stdio: 'ignore' });
    child.on('error', reject);
    child.on('exit', (_code, signal) => resolve(signal));
  });
}

describe.skipIf(!BUILT)('verify of a case whose last command was killed before its log entry', () => {
  let dir = '';

  beforeAll(async () => {
    const inputs = tempDir('soz-verify-interrupted-in-');
    const note = join(inputs, 'note.txt');
    writeFileSync(note, 'A fictional note about a meeting on Tuesday.\n');
    dir = join(tempDir('soz-verify-interrupted-'), 'case');
    expect((await soz(['init', dir, ...INIT])).code).toBe(0);
    expect((await soz(['add', dir, note])).code).toBe(0);
    expect(await killedAt('question.add/renamed@1', ['question', 'add', dir, 'Who wrote the note?'])).toBe('SIGKILL');
  }, 60_000);

  it('names the interrupted command and how to finish it, exit 2, and changes nothing', async () => {
    const before = snapshotTree(dir);
    const result = await soz(['verify', dir]);
    expect(result.code, result.stdout + result.stderr).toBe(2);
    expect(result.stderr).toMatch(/interrupted soz command \(question\.add\).*examiner\/questions\.json.*not yet in the log.*nothing was changed/);
    expect(result.stdout).not.toMatch(/added after the fact/);
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('says it in the examiner language', async () => {
    const result = await soz(['--lang', 'ru', 'verify', dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/прерван/);
  });

  it('verifies once the next writer has completed the command', async () => {
    expect((await soz(['question', 'add', dir, 'When was the meeting?'])).code).toBe(0);
    const result = await soz(['verify', dir]);
    expect(result.code, result.stdout + result.stderr).toBe(0);
  });

  it('ignores an intent put into a bundle (a bundle never carries one)', async () => {
    const bundle = join(tempDir('soz-verify-interrupted-bundle-'), 'case.zip');
    expect((await soz(['bundle', dir, '-o', bundle])).code).toBe(0);
    const zip = await JSZip.loadAsync(readFileSync(bundle));
    const last = (await zip.file('log.jsonl')!.async('string')).trim().split('\n').at(-1)!;
    const intent = { schema: 'soz.intent/1', previousHash: (JSON.parse(last) as { hash: string }).hash, entry: { time: '2026-03-10T09:00:00.000Z', actor: 'x', action: 'report.render', inputs: [], outputs: [], details: {} }, moves: [{ from: 'nothing', to: 'case.json' }] };
    zip.file('.soz-intent.json', JSON.stringify(intent), { date: new Date(Date.UTC(1980, 0, 1)) });
    writeFileSync(bundle, await zip.generateAsync({ type: 'nodebuffer' }));
    const result = await soz(['verify', bundle]);
    expect(result.code, result.stdout + result.stderr).toBe(0);
  });
});
