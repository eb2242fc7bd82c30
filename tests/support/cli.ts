import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { createHash } from 'node:crypto';
import { runCli } from '../../src/cli/main.js';

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI in-process with a fixed clock (default: a fixed instant). */
export async function soz(argv: readonly string[], options: { now?: Date; cwd?: string; env?: Readonly<Record<string, string>> } = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const now = options.now ?? new Date('2026-03-10T09:00:00Z');
  const code = await runCli(argv, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
    now: () => now,
  });
  return { code, stdout, stderr };
}

/** A fresh temporary folder. */
export function tempDir(prefix = 'soz-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Every file below a folder with its SHA-256 and mode: compare two snapshots for "unchanged". */
export function snapshotTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else out[relative(dir, full).split(sep).join('/')] = `${createHash('sha256').update(readFileSync(full)).digest('hex')} ${(statSync(full).mode & 0o777).toString(8)}`;
    }
  };
  walk(dir);
  return out;
}

/** SHA-256 of a file. */
export function fileSha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}
