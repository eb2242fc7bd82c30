/**
 * Shared by the custody tests: small fictional cases and evidence files, the log as entries,
 * and a lock planted as another soz process would have left it.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { LogEntry } from '../../src/core/case.js';
import { soz, tempDir } from './cli.js';

export const INIT = ['--case-number', 'C-13', '--ordering-body', 'test', '--examiner', 'tester', '--language', 'en'];
/** Above any Linux pid_max (2^22): a process id that cannot be running. */
export const DEAD_PID = 4194305;

export function readLog(dir: string): LogEntry[] {
  return readFileSync(join(dir, 'log.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as LogEntry);
}

let made = 0;

/** `count` small fictional text files, each with bytes no other call gave. */
export function sources(count: number): string[] {
  const dir = tempDir('soz-custody-src-');
  return Array.from({ length: count }, (_, i) => {
    made += 1;
    const file = join(dir, `note-${i}.txt`);
    writeFileSync(file, `Вымышленная записка номер ${made}.\n\nFictional note number ${made}, written for the custody tests.\n`);
    return file;
  });
}

export async function caseWith(files: readonly string[]): Promise<string> {
  const dir = join(tempDir('soz-custody-'), 'case');
  expect((await soz(['init', dir, ...INIT])).code).toBe(0);
  if (files.length > 0) expect((await soz(['add', dir, ...files])).code).toBe(0);
  return dir;
}

/** Writes a lock as another soz process would have left it. */
export function plantLock(dir: string, owner: { pid: number; command: string; host?: string }): void {
  mkdirSync(join(dir, '.soz-lock'));
  writeFileSync(join(dir, '.soz-lock', 'owner.json'), JSON.stringify({ host: hostname(), since: '2026-03-10T08:00:00.000Z', id: 'planted', ...owner }));
}

const ROOT = new URL('../../', import.meta.url).pathname;
/** The compiled CLI (`SOZ_BIN` overrides), and whether it is built: tests of separate processes need it. */
export const BIN = process.env['SOZ_BIN'] ?? join(ROOT, 'bin', 'soz');
export const BUILT = process.env['SOZ_BIN'] !== undefined || existsSync(join(ROOT, 'dist', 'cli', 'bin.js'));

/** Runs the compiled CLI as its own OS process. */
export function runBin(args: readonly string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}
