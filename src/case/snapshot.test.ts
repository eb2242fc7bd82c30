import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCaseFile, resolveInside } from './snapshot.js';

function folder(): { root: string; outside: string } {
  const base = mkdtempSync(join(tmpdir(), 'soz-inside-'));
  const root = join(base, 'case');
  const outside = join(base, 'outside');
  mkdirSync(join(root, 'reports'), { recursive: true });
  mkdirSync(outside);
  writeFileSync(join(outside, 'secret.txt'), 'fictional secret');
  return { root, outside };
}

describe('resolveInside', () => {
  it('gives the full path below root, also when the folders do not exist yet', () => {
    const { root } = folder();
    expect(resolveInside(root, 'examiner/answers/Q1.md', 'test')).toBe(join(root, 'examiner', 'answers', 'Q1.md'));
    expect(resolveInside(root, 'reports/report.ru.md', 'test')).toBe(join(root, 'reports', 'report.ru.md'));
  });

  it('refuses unsafe paths, naming where the path came from', () => {
    const { root } = folder();
    expect(() => resolveInside(root, '../outside/secret.txt', 'log.jsonl entry 3 (report.render) output')).toThrow(
      /^log\.jsonl entry 3 \(report\.render\) output names "\.\.\/outside\/secret\.txt", which climbs out of the folder with "\.\."; refused/,
    );
    expect(() => resolveInside(root, '/etc/hostname', 'x')).toThrow(/is an absolute path/);
    expect(() => resolveInside(root, 'C:/Windows/x', 'x')).toThrow(/drive letter/);
    expect(() => resolveInside(root, 'reports\\..\\x', 'x')).toThrow(/backslash/);
    expect(() => resolveInside(root, 'reports/a:stream', 'x')).toThrow(/colon/);
    expect(() => resolveInside(root, 'reports//x', 'x')).toThrow(/empty/);
    expect(() => resolveInside(root, 'a\u0000b', 'x')).toThrow(/NUL/);
    expect(() => resolveInside(root, 42, 'x')).toThrow(/not a text path/);
  });

  it('refuses links leading outside or nowhere, allows links that stay inside', () => {
    const { root, outside } = folder();
    symlinkSync(join(outside, 'secret.txt'), join(root, 'reports', 'out.md'));
    symlinkSync(outside, join(root, 'derived'));
    symlinkSync(join(root, 'missing'), join(root, 'reports', 'dangling.md'));
    writeFileSync(join(root, 'reports', 'real.md'), 'x');
    symlinkSync(join(root, 'reports', 'real.md'), join(root, 'reports', 'alias.md'));
    expect(() => readCaseFile(root, 'reports/out.md', 'r')).toThrow(/passes through a link leading outside the folder/);
    expect(() => resolveInside(root, 'derived/new.json', 'r')).toThrow(/passes through a link leading outside the folder/);
    expect(() => resolveInside(root, 'reports/dangling.md', 'r')).toThrow(/link that leads nowhere/);
    expect(readCaseFile(root, 'reports/alias.md', 'r')?.toString()).toBe('x');
    expect(readCaseFile(root, 'reports/none.md', 'r')).toBeNull();
  });
});
